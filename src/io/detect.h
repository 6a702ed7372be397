// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: input format detection (docs/formats.md, "Detection"). Pure functions over a path and
// the first bytes of the (decompressed) input, so they can be tested and fuzzed directly.
#ifndef ANNALS_IO_DETECT_H_
#define ANNALS_IO_DETECT_H_

#include <string_view>

#include "annals/reader.h"

namespace annals::io {

// The format named by the file extension (case-insensitive, after stripping ".gz"): .txt/.text,
// .jsonl/.ndjson/.json, .html/.htm, .rss/.atom, .warc, .conllu. kAuto for ".xml" (which may be a
// feed or anything else), for other extensions and for no extension.
InputFormat FormatFromExtension(std::string_view path);

// True when a directory walk reads `path`: its name ends, case-insensitively and after an optional
// ".gz", in one of the input extensions of FormatFromExtension or ".xml" (sniffed). Files given
// by name are always read; this rule only keeps README.md, answers.tsv, images and the like out of
// a directory read.
bool HasInputExtension(std::string_view path);

// The format the first bytes look like (a UTF-8 BOM and leading whitespace are skipped):
// "{" -> jsonl; "WARC/" -> warc; after an optional XML declaration, comments and a doctype,
// "<!doctype html", "<html", "<head" or "<body" -> html and "<rss", "<feed" or "<rdf:RDF" -> feed;
// a first line that is a CoNLL-U comment (# newdoc, # newpar, # sent_id, # text) or a line of 10
// tab-separated columns whose first is a word id, before any other kind of line -> conllu;
// everything else -> text. Never returns kAuto.
InputFormat SniffFormat(std::string_view head);

// FormatFromExtension, then SniffFormat when the extension does not decide. `path` may be empty
// (stdin).
InputFormat DetectFormat(std::string_view path, std::string_view head);

}  // namespace annals::io

#endif  // ANNALS_IO_DETECT_H_
