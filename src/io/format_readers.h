// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: one function per input format. `ReadInputs` (reader.cc) opens each input, detects its
// format and calls one of these with a ReadContext; each streams documents to ctx.Emit and bad
// records to ctx.RejectRecord, and returns a non-OK status only when the whole input is unusable
// (then the caller rejects the file as one record).
#ifndef ANNALS_IO_FORMAT_READERS_H_
#define ANNALS_IO_FORMAT_READERS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "annals/document.h"
#include "annals/reader.h"
#include "annals/status.h"
#include "io/byte_source.h"
#include "util/text.h"

namespace annals::io {

// The id of a document whose input gives none (docs/formats.md, "Document ids"): the 16-hex-digit
// FNV-1a 64 of the URL when there is one, else of the text with whitespace collapsed
// (util::CollapseWhitespace), so re-reading the same article gives the same id whatever its
// line breaks.
inline std::string DerivedDocumentId(std::string_view url, std::string_view text) {
  if (!url.empty()) return util::Hex64(util::Fnv1a64(url));
  return util::Hex64(util::Fnv1a64(util::CollapseWhitespace(text)));
}

// Sets doc.dateline from a wire dateline at the start of doc.text (io/dateline.h) when it has
// none, doc.date from the dateline's date when doc.date is empty and the dateline has a year, and
// doc.source from the dateline's agency ("Reuters") when doc.source is empty.
void AttachDateline(Document& doc);

// What a format reader needs: the options, the sink, the display path of the input, and counters.
// Keeps references: `options`, `sink` and `stats` must outlive the context.
class ReadContext {
 public:
  ReadContext(const ReaderOptions& options, DocumentSink& sink, std::string file, ReadStats& stats)
      : options_(options), sink_(sink), file_(std::move(file)), stats_(stats) {}

  const ReaderOptions& options() const { return options_; }
  const std::string& file() const { return file_; }
  // True once the sink asked to stop; readers return as soon as they see it.
  bool stopped() const { return stopped_; }

  // Fills origin_file (when empty), the id (when empty, DerivedDocumentId) and the dateline
  // (AttachDateline: every format's text may open with one) and hands the document to the sink. A
  // document whose trimmed text is shorter than options().min_text_bytes is rejected as "empty
  // document" instead.
  void Emit(Document&& doc) {
    if (stopped_) return;
    if (doc.origin_file.empty()) doc.origin_file = file_;
    if (util::TrimAsciiSpace(doc.text).size() < options_.min_text_bytes) {
      RejectRecord(doc.origin_location, doc.origin_offset, "empty document", doc.title);
      return;
    }
    if (doc.id.empty()) doc.id = DerivedDocumentId(doc.url, doc.text);
    AttachDateline(doc);
    ++stats_.documents;
    if (!sink_.Accept(std::move(doc))) stopped_ = true;
  }
  // Reports one bad record; `raw` is truncated to 4 KiB.
  void RejectRecord(std::string location, uint64_t offset, std::string reason,
                    std::string_view raw) {
    Reject r;
    r.file = file_;
    r.location = std::move(location);
    r.offset = offset;
    r.reason = std::move(reason);
    r.raw = std::string(raw.substr(0, 4096));
    ++stats_.rejects;
    sink_.OnReject(r);
  }

 private:
  const ReaderOptions& options_;
  DocumentSink& sink_;
  std::string file_;
  ReadStats& stats_;
  bool stopped_ = false;
};

// Reads one opened input the way ReadInputs does: gunzips it when it starts with the gzip magic,
// rejects it when empty or binary (a NUL in the first 4 KiB, except WARC), detects the format
// (options.format, else DetectFormat with `path`; "-" means no extension) and runs the format's
// reader; a reader's error status becomes one reject for the file. Progress goes to the sink as
// base + raw bytes read, out of `total`. Adds to stats.bytes (not stats.files). Returns false when
// the sink asked to stop.
bool ReadOneInput(const std::string& path, std::unique_ptr<ByteSource> raw,
                  const ReaderOptions& options, DocumentSink& sink, ReadStats& stats, uint64_t base,
                  uint64_t total);

Status ReadTextInput(ByteSource& in, ReadContext& ctx);    // One article per input.
Status ReadJsonlInput(ByteSource& in, ReadContext& ctx);   // One article per line.
Status ReadConlluInput(ByteSource& in, ReadContext& ctx);  // One document per "# newdoc".
Status ReadHtmlInput(ByteSource& in, ReadContext& ctx);    // One article per page.
Status ReadFeedInput(ByteSource& in, ReadContext& ctx);    // RSS 2.0 / Atom: one per item.
Status ReadWarcInput(ByteSource& in, ReadContext& ctx);    // WARC (already gunzipped): one per
                                                           // HTML response record.

// The publisher name in a feed's title, used as the source of its items: the title up to the first
// ": ", " - ", " | " or spaced en/em dash ("Northgate Dispatch: World" -> "Northgate Dispatch",
// "Monsoon Review - Asia" -> "Monsoon Review"); the whole title when there is none.
std::string FeedSourceName(std::string_view feed_title);

// Extracts an article from one HTML page (shared by the HTML and WARC readers). `url` is the page
// address when known. Fills title, date (from meta tags), text, url, source; DataLoss when the page
// has no usable text.
Result<Document> ExtractHtmlArticle(std::string_view html, std::string_view url);

}  // namespace annals::io

#endif  // ANNALS_IO_FORMAT_READERS_H_
