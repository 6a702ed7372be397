// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: splits a CAMEO-style actor code ("CHNGOV", "IGOUNO", "PSEREBHMS") into the components
// GDELT reports (country, known group, ethnic, religions, up to three types), using the CAMEO code
// tables in data/cameo/actor_codes.tsv. Codes are read in three-letter segments: the first is the
// country when it is a country/region code; each later segment is a known group (the first one),
// else a type, else a religion, else an ethnic group (lower-case in CAMEO); unknown segments are
// ignored.
#ifndef ANNALS_CODE_ACTOR_CODE_H_
#define ANNALS_CODE_ACTOR_CODE_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "annals/status.h"

namespace annals::code {

struct ActorCodeParts {
  std::string country;
  std::string known_group;
  std::string ethnic;
  std::string religion1;
  std::string religion2;
  std::string type1;
  std::string type2;
  std::string type3;
};

class ActorCodeTable {
 public:
  // Loads data/cameo/actor_codes.tsv (see util/paths.h for where it is looked for).
  static Result<ActorCodeTable> LoadDefault();
  // Parses the TSV text (`kind<TAB>code<TAB>label` rows after a header; '#' comments).
  static Result<ActorCodeTable> Parse(std::string_view tsv, std::string_view file_name);

  ActorCodeParts Split(std::string_view code) const;
  // Label of a country/region code ("China"), empty when unknown.
  std::string CountryName(std::string_view code) const;

 private:
  // code -> kinds bitmask (1 country, 2 type, 4 knowngroup, 8 ethnic, 16 religion).
  std::unordered_map<std::string, int> kinds_;
  std::unordered_map<std::string, std::string> country_names_;
};

}  // namespace annals::code

#endif  // ANNALS_CODE_ACTOR_CODE_H_
