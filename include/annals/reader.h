// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Readers: news in the formats users have -> `Document`s.
//
// One entry point, `ReadInputs`, takes files, directories (recursive), `.gz` files and "-" for
// stdin, detects each input's format (or uses `ReaderOptions::format`), and streams documents to a
// `DocumentSink` one at a time: memory does not grow with input size. Bad records never stop a run
// and never vanish: each becomes a `Reject` (file, location, reason, raw bytes) and reading
// goes on.
//
//   class Printer : public annals::DocumentSink { ... };
//   Printer sink;
//   annals::Result<annals::ReadStats> stats = annals::ReadInputs({"samples/"}, {}, sink);
//
// Formats (details and options in docs/formats.md): plain text (one article per file, wire dateline
// exposed), JSONL, HTML, RSS 2.0 / Atom, WARC / WARC.gz, CoNLL-U.
//
// Thread-safety: `ReadInputs` is reentrant; one call drives one sink from the calling thread.
#ifndef ANNALS_READER_H_
#define ANNALS_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

enum class InputFormat { kAuto, kText, kJsonl, kHtml, kFeed, kWarc, kConllu };

// "auto", "text", "jsonl", "html", "feed" (RSS or Atom), "warc", "conllu".
std::string_view InputFormatName(InputFormat format);
// Inverse of InputFormatName; also accepts "txt", "json", "rss", "atom". InvalidArgument otherwise.
Result<InputFormat> ParseInputFormat(std::string_view name);

// JSONL field names (top-level keys of each line's object). Defaults match the names Annals writes
// with `annals read`. An empty name means "never read this field"; `text` must not be empty.
struct JsonlFields {
  std::string id = "id";  // String or integer.
  std::string url = "url";
  std::string title = "title";
  std::string date = "date";  // String or epoch number; normalised to ISO 8601 when
                              // recognisable (see docs/formats.md), else left empty.
  std::string text = "text";  // Required, non-empty.
  std::string source = "source";
  std::string language = "language";
};

struct ReaderOptions {
  // kAuto: decided per input from its extension, then its first bytes.
  InputFormat format = InputFormat::kAuto;
  JsonlFields jsonl_fields;
  // Records larger than this are rejected rather than read (guards memory on hostile input).
  uint64_t max_record_bytes = 64u << 20;
  // Documents whose extracted text is shorter than this (bytes, after trimming) are rejected as
  // "empty document".
  uint32_t min_text_bytes = 1;
};

// A record that could not be read. `location` is human-readable ("line 12", "record 3",
// "item 5", "member at offset 1048576"); `raw` holds up to 4 KiB of the offending bytes (not
// necessarily valid UTF-8).
struct Reject {
  std::string file;
  std::string location;
  uint64_t offset = 0;  // Byte offset of the record in the (decompressed) input.
  std::string reason;
  std::string raw;
  // "file:location: reason" — the one line printed on stderr.
  std::string Message() const;
};

// Receives documents and rejects in input order.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // Takes one document. Return false to stop reading (ReadInputs then returns early, OK).
  virtual bool Accept(Document&& document) = 0;
  // Told about one bad record; reading continues.
  virtual void OnReject(const Reject& reject) = 0;
  // Told every so often how far reading has got, for progress display: bytes consumed so far of
  // all inputs (compressed bytes for .gz), and the total when known (0 otherwise).
  virtual void OnProgress(uint64_t /*bytes_done*/, uint64_t /*bytes_total*/) {}
};

struct ReadStats {
  uint64_t files = 0;      // Inputs opened (files, stdin).
  uint64_t documents = 0;  // Documents passed to Accept.
  uint64_t rejects = 0;    // Records passed to OnReject (unreadable files count as one each).
  uint64_t bytes = 0;      // Input bytes consumed (compressed bytes for .gz).
  uint64_t skipped = 0;    // Files left out of directory walks (not an input extension).
};

// Reads every path ("-" is stdin; directories are walked recursively in sorted order, skipping
// hidden entries and reading only files with an input extension: .txt .text .jsonl .ndjson .json
// .html .htm .rss .atom .xml .warc .conllu, each optionally followed by .gz; other files are
// counted in ReadStats::skipped). A file named in `paths` is read whatever its name. A path that
// does not exist or cannot be opened is a reject, not an error.
// Returns an error only for invalid options.
Result<ReadStats> ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                             DocumentSink& sink);

}  // namespace annals

#endif  // ANNALS_READER_H_
