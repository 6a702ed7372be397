// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the one-line JSON forms that `annals read` prints (docs/formats.md, "annals read
// output" and "Rejects file"). Shared by the CLI and the golden tests so both see the same bytes.
#ifndef ANNALS_IO_DOCUMENT_JSON_H_
#define ANNALS_IO_DOCUMENT_JSON_H_

#include <string>

#include "annals/document.h"
#include "annals/reader.h"

namespace annals::io {

// {"id","url","source","title","date","language","text","dateline":{"place","date","agency"}
// (only when present),"origin":{"file","location"}} on one line, no trailing newline. Invalid
// UTF-8 (never produced by the readers) is written as U+FFFD.
std::string DocumentToJson(const Document& doc);

// {"file","location","offset","reason","raw"} on one line; invalid UTF-8 in `raw` becomes U+FFFD.
std::string RejectToJson(const Reject& reject);

}  // namespace annals::io

#endif  // ANNALS_IO_DOCUMENT_JSON_H_
