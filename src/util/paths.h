// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: where Annals finds its data files (data/, models/) at run time. One rule for every
// component:
//   1. $ANNALS_HOME/<relative> when the ANNALS_HOME environment variable is set;
//   2. <source tree>/<relative> (the tree the binary was built from);
//   3. <directory of the running binary>/../share/annals/<relative> (an installed layout).
// The first that exists wins.
#ifndef ANNALS_UTIL_PATHS_H_
#define ANNALS_UTIL_PATHS_H_

#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals::util {

// Resolves `relative` ("data/cameo/actor_codes.tsv", "models/tagger.model"). NotFound naming every
// place tried when none has it.
Result<std::string> FindDataPath(std::string_view relative);

}  // namespace annals::util

#endif  // ANNALS_UTIL_PATHS_H_
