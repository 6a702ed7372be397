// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// WARC 1.0/1.1 records over a decompressed byte stream, parsed here rather than with libarchive
// (which drops records). One Document per HTML response; see docs/formats.md.
#include "io/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/html_extract.h"
#include "io/web_date.h"
#include "util/text.h"

namespace annals::io {
namespace {

constexpr size_t kChunk = 1 << 16;
constexpr size_t kMaxHeaderBytes = 1 << 20;
constexpr size_t kMaxHeaderLines = 1000;

// A buffered view of the decompressed stream with offsets.
class WarcStream {
 public:
  explicit WarcStream(ByteSource& in) : in_(in) {}

  std::string_view Avail() const { return std::string_view(buf_).substr(pos_); }
  uint64_t Offset() const { return base_ + pos_; }
  bool eof() const { return eof_; }

  // Reads until at least `n` bytes are buffered past the current position, or end of input.
  // DataLoss when the source reported corruption (the bytes buffered before it are dropped: they
  // belong to the record being read).
  Status Ensure(size_t n) {
    while (buf_.size() - pos_ < n && !eof_) {
      ANNALS_RETURN_IF_ERROR(FillOnce());
    }
    return Status::Ok();
  }
  Status FillOnce() {
    if (eof_) return Status::Ok();
    Compact();
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    Result<size_t> got = in_.Read(buf_.data() + old, kChunk);
    if (!got.ok()) {
      buf_.resize(old);
      if (got.status().code() == StatusCode::kDataLoss) DropBuffered();
      return got.status();
    }
    buf_.resize(old + *got);
    if (*got == 0) eof_ = true;
    return Status::Ok();
  }
  void Consume(size_t n) { pos_ += std::min(n, buf_.size() - pos_); }
  void DropBuffered() { pos_ = buf_.size(); }

  // Skips `n` bytes without keeping them (oversized records).
  Status Skip(uint64_t n) {
    while (n > 0) {
      size_t have = buf_.size() - pos_;
      if (have == 0) {
        if (eof_) return DataLossError("end of data");
        ANNALS_RETURN_IF_ERROR(FillOnce());
        continue;
      }
      size_t k = static_cast<size_t>(std::min<uint64_t>(n, have));
      pos_ += k;
      n -= k;
    }
    return Status::Ok();
  }

 private:
  void Compact() {
    if (pos_ == 0) return;
    if (pos_ == buf_.size() || pos_ >= (1u << 20) || pos_ * 2 >= buf_.size()) {
      base_ += pos_;
      buf_.erase(0, pos_);
      pos_ = 0;
    }
  }

  ByteSource& in_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;  // Stream offset of buf_[0].
  bool eof_ = false;
};

struct Header {
  std::string name;  // Lower-case.
  std::string value;
};

const std::string* FindHeader(const std::vector<Header>& headers, std::string_view lower_name) {
  for (const Header& h : headers) {
    if (h.name == lower_name) return &h.value;
  }
  return nullptr;
}

// Parses "Name: value" lines (continuations folded) from `block` up to and including the blank
// line; sets `consumed` to the bytes used. DataLoss on a malformed line or a missing blank line.
Status ParseHeaderBlock(std::string_view block, std::vector<Header>& headers, size_t& consumed) {
  headers.clear();
  size_t i = 0;
  size_t lines = 0;
  while (true) {
    size_t nl = block.find('\n', i);
    if (nl == std::string_view::npos) return DataLossError("header block does not end");
    std::string_view line = block.substr(i, nl - i);
    i = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if (++lines > kMaxHeaderLines) return DataLossError("too many header lines");
    if (line[0] == ' ' || line[0] == '\t') {
      if (headers.empty()) return DataLossError("continuation line before any header");
      headers.back().value += ' ';
      headers.back().value += util::TrimAsciiSpace(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      std::string shown(line.substr(0, 60));
      util::RepairUtf8(shown);
      return DataLossError("bad header line \"" + shown + "\"");
    }
    headers.push_back({util::AsciiLower(util::TrimAsciiSpace(line.substr(0, colon))),
                       std::string(util::TrimAsciiSpace(line.substr(colon + 1)))});
  }
  consumed = i;
  return Status::Ok();
}

bool ParseUint(std::string_view s, uint64_t& out) {
  s = util::TrimAsciiSpace(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  out = v;
  return true;
}

// "text/html; charset=ISO-8859-1" -> ("text/html", "iso-8859-1").
void SplitContentType(std::string_view v, std::string& mime, std::string& charset) {
  size_t semi = v.find(';');
  mime = util::AsciiLower(util::TrimAsciiSpace(v.substr(0, semi)));
  charset.clear();
  while (semi != std::string_view::npos) {
    size_t next = v.find(';', semi + 1);
    std::string_view param = util::TrimAsciiSpace(v.substr(semi + 1, next - semi - 1));
    size_t eq = param.find('=');
    if (eq != std::string_view::npos &&
        util::AsciiLower(util::TrimAsciiSpace(param.substr(0, eq))) == "charset") {
      std::string_view c = util::TrimAsciiSpace(param.substr(eq + 1));
      if (c.size() >= 2 && (c.front() == '"' || c.front() == '\'')) c = c.substr(1, c.size() - 2);
      charset = util::AsciiLower(c);
    }
    semi = next;
  }
}

bool LooksLikeHtml(std::string_view body) {
  std::string head = util::AsciiLower(util::TrimAsciiSpace(body.substr(0, 512)));
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
         head.rfind("<head", 0) == 0 || head.rfind("<!--", 0) == 0;
}

bool IsHtmlMime(std::string_view mime) {
  return mime == "text/html" || mime == "application/xhtml+xml";
}

class WarcParser {
 public:
  WarcParser(ByteSource& in, ReadContext& ctx, WarcCounts* counts)
      : stream_(in), ctx_(ctx), counts_(counts != nullptr ? counts : &own_counts_) {}

  Status Run() {
    bool first = true;
    while (!ctx_.stopped()) {
      Status s = SkipBlankLines();
      if (!s.ok()) {  // A gzip fault between records: the next record is the damaged one.
        ++record_no_;
        ++counts_->records;
        Reject(stream_.Offset(), s.message(), "");
        ResyncOrEnd(false);
        continue;
      }
      if (stream_.Avail().empty()) break;
      if (first) {
        first = false;
        if (!stream_.Ensure(5).ok() || stream_.Avail().substr(0, 5) != "WARC/") {
          return DataLossError("not a WARC file: it does not start with a WARC/1.x version line");
        }
      }
      record_start_ = stream_.Offset();
      ++record_no_;
      ++counts_->records;
      ReadRecord();
    }
    return Status::Ok();
  }

 private:
  // Skips CR/LF between records.
  Status SkipBlankLines() {
    while (true) {
      std::string_view a = stream_.Avail();
      size_t k = 0;
      while (k < a.size() && (a[k] == '\r' || a[k] == '\n')) ++k;
      stream_.Consume(k);
      if (k < a.size()) return Status::Ok();
      if (stream_.eof()) return Status::Ok();
      ANNALS_RETURN_IF_ERROR(stream_.FillOnce());
    }
  }

  void Reject(uint64_t offset, const std::string& reason, std::string_view raw) {
    ++counts_->rejects;
    ctx_.RejectRecord("record " + std::to_string(record_no_), offset, reason, raw);
  }

  void Skip(const std::string& reason) {
    ++counts_->skipped;
    ++counts_->skipped_by_reason[reason];
  }

  // Drops bytes up to the next line that starts with "WARC/1.". `skip_current`: the current
  // position is the start of the bad record itself, so a match there does not count; otherwise
  // (after a gzip fault dropped the buffered bytes) the data resumes at a member boundary, which
  // is a line start.
  void ResyncOrEnd(bool skip_current) {
    bool check_start = !skip_current;
    if (skip_current) stream_.Consume(1);
    while (!ctx_.stopped()) {
      std::string_view a = stream_.Avail();
      if (check_start && (a.size() >= 7 || stream_.eof())) {
        if (a.substr(0, 7) == "WARC/1.") return;
        check_start = false;
      }
      if (!check_start) {
        size_t hit = a.find("\nWARC/1.");
        if (hit != std::string_view::npos) {
          stream_.Consume(hit + 1);
          return;
        }
        // Keep the last 7 bytes: they may be the start of "\nWARC/1.".
        if (a.size() > 7) stream_.Consume(a.size() - 7);
      }
      if (stream_.eof()) {
        stream_.DropBuffered();
        return;
      }
      Status s = stream_.FillOnce();
      if (!s.ok()) {
        Reject(stream_.Offset(), s.message(), "");
        check_start = true;
      }
    }
  }

  void ReadRecord() {
    // The version line and the headers.
    std::string_view a = stream_.Avail();
    size_t header_end = std::string_view::npos;
    while (true) {
      a = stream_.Avail();
      header_end = a.find("\n\r\n");
      size_t alt = a.find("\n\n");
      if (alt != std::string_view::npos &&
          (header_end == std::string_view::npos || alt < header_end)) {
        header_end = alt;
      }
      if (header_end != std::string_view::npos || a.size() > kMaxHeaderBytes || stream_.eof())
        break;
      Status s = stream_.FillOnce();
      if (!s.ok()) {
        Reject(record_start_, s.message(), "");
        ResyncOrEnd(false);
        return;
      }
    }
    size_t nl = a.find('\n');
    std::string_view version = a.substr(0, nl);
    if (!version.empty() && version.back() == '\r') version.remove_suffix(1);
    if (version.substr(0, 5) != "WARC/" || version.size() > 16) {
      std::string shown(version.substr(0, 40));
      util::RepairUtf8(shown);
      Reject(record_start_, "expected a WARC/1.x version line, found \"" + shown + "\"",
             a.substr(0, 256));
      ResyncOrEnd(true);
      return;
    }
    if (header_end == std::string_view::npos) {
      Reject(record_start_,
             stream_.eof() ? "record header cut off by the end of the data"
                           : "record header larger than 1 MiB",
             a.substr(0, 256));
      ResyncOrEnd(true);
      return;
    }
    size_t header_bytes = 0;
    Status hs = ParseHeaderBlock(a.substr(nl + 1), headers_, header_bytes);
    if (!hs.ok()) {
      Reject(record_start_, hs.message(), a.substr(0, 256));
      ResyncOrEnd(true);
      return;
    }
    header_bytes += nl + 1;
    const std::string* length_text = FindHeader(headers_, "content-length");
    uint64_t length = 0;
    if (length_text == nullptr || !ParseUint(*length_text, length)) {
      Reject(record_start_,
             length_text == nullptr ? "missing Content-Length"
                                    : "bad Content-Length \"" + *length_text + "\"",
             a.substr(0, std::min(header_bytes, size_t{4096})));
      ResyncOrEnd(true);
      return;
    }
    const std::string* type_text = FindHeader(headers_, "warc-type");
    if (type_text == nullptr) {
      Reject(record_start_, "missing WARC-Type", a.substr(0, std::min(header_bytes, size_t{4096})));
      ResyncOrEnd(true);
      return;
    }
    std::string type = util::AsciiLower(*type_text);
    stream_.Consume(header_bytes);

    if (length > ctx_.options().max_record_bytes) {
      Reject(record_start_,
             "Content-Length " + std::to_string(length) + " exceeds max_record_bytes (" +
                 std::to_string(ctx_.options().max_record_bytes) + ")",
             "");
      Status s = stream_.Skip(length);
      if (!s.ok()) {
        if (s.message() != "end of data") Reject(stream_.Offset(), s.message(), "");
        ResyncOrEnd(false);
      }
      return;
    }
    // The block plus the CRLF CRLF that ends the record.
    size_t need = static_cast<size_t>(length) + 4;
    Status s = stream_.Ensure(need);
    if (!s.ok()) {
      Reject(record_start_, s.message(), "");
      ResyncOrEnd(false);
      return;
    }
    a = stream_.Avail();
    if (a.size() < length) {
      Reject(record_start_,
             "Content-Length " + std::to_string(length) + " goes beyond the end of the data (" +
                 std::to_string(a.size()) + " bytes left)",
             a.substr(0, 4096));
      // Records may hide inside what Content-Length claimed.
      ResyncOrEnd(false);
      return;
    }
    std::string_view trailer = a.substr(static_cast<size_t>(length), 4);
    bool trailer_ok =
        trailer == "\r\n\r\n" ||
        (stream_.eof() && trailer.find_first_not_of("\r\n") == std::string_view::npos);
    if (!trailer_ok) {
      // Tolerate writers that end records with "\n\n" or "\r\n" before the next record.
      size_t k = static_cast<size_t>(length);
      while (k < a.size() && (a[k] == '\r' || a[k] == '\n')) ++k;
      trailer_ok = k > static_cast<size_t>(length) &&
                   (a.substr(k, 5) == "WARC/" || (k == a.size() && stream_.eof()));
    }
    if (!trailer_ok) {
      Reject(record_start_,
             "no CRLF CRLF after the " + std::to_string(length) +
                 "-byte block (wrong Content-Length?)",
             a.substr(0, 4096));
      // The next record may start inside what Content-Length claimed: resync from the block.
      ResyncOrEnd(false);
      return;
    }
    std::string_view block = a.substr(0, static_cast<size_t>(length));
    HandleRecord(type, block);
    stream_.Consume(static_cast<size_t>(length));
  }

  void HandleRecord(const std::string& type, std::string_view block) {
    std::string uri;
    if (const std::string* u = FindHeader(headers_, "warc-target-uri")) {
      std::string_view v = *u;
      if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
      uri = std::string(v);
    }
    std::string warc_date;
    if (const std::string* d = FindHeader(headers_, "warc-date")) warc_date = *d;
    std::string mime, charset;
    if (const std::string* ct = FindHeader(headers_, "content-type")) {
      SplitContentType(*ct, mime, charset);
    }
    if (type == "response") {
      if (mime != "application/http" && !(mime.empty() && block.substr(0, 5) == "HTTP/")) {
        Skip("response: not HTTP");
        return;
      }
      HandleHttpResponse(block, uri, warc_date);
      return;
    }
    if (type == "resource" && IsHtmlMime(mime)) {  // An HTML page stored without HTTP headers.
      EmitPage(block, charset, uri, warc_date);
      return;
    }
    Skip(type);
  }

  void HandleHttpResponse(std::string_view block, const std::string& uri,
                          const std::string& warc_date) {
    size_t nl = block.find('\n');
    std::string_view status_line = block.substr(0, nl);
    if (!status_line.empty() && status_line.back() == '\r') status_line.remove_suffix(1);
    // "HTTP/1.1 200 OK"
    int status = 0;
    if (status_line.substr(0, 5) == "HTTP/") {
      size_t sp = status_line.find(' ');
      if (sp != std::string_view::npos && sp + 4 <= status_line.size()) {
        std::string_view code = status_line.substr(sp + 1, 3);
        if (code.find_first_not_of("0123456789") == std::string_view::npos) {
          status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        }
      }
    }
    if (status == 0 || nl == std::string_view::npos) {
      std::string shown(status_line.substr(0, 60));
      util::RepairUtf8(shown);
      Reject(record_start_, "bad HTTP status line \"" + shown + "\"", block.substr(0, 4096));
      return;
    }
    std::vector<Header> http;
    size_t used = 0;
    Status hs = ParseHeaderBlock(block.substr(nl + 1), http, used);
    if (!hs.ok()) {
      Reject(record_start_, "bad HTTP headers: " + hs.message(), block.substr(0, 4096));
      return;
    }
    std::string_view body = block.substr(nl + 1 + used);
    if (status < 200 || status > 299) {
      Skip("response: status " + std::to_string(status));
      return;
    }
    std::string mime, charset;
    if (const std::string* ct = FindHeader(http, "content-type")) {
      SplitContentType(*ct, mime, charset);
    }
    if (!mime.empty() && !IsHtmlMime(mime)) {
      Skip("response: " + mime);
      return;
    }
    std::string decoded;
    if (const std::string* te = FindHeader(http, "transfer-encoding")) {
      if (util::AsciiLower(*te).find("chunked") != std::string::npos && !body.empty() &&
          std::isxdigit(static_cast<unsigned char>(body[0]))) {
        Result<std::string> d = Dechunk(body, ctx_.options().max_record_bytes);
        if (!d.ok()) {
          Reject(record_start_, "HTTP body: " + d.status().message(), "");
          return;
        }
        decoded = std::move(*d);
        body = decoded;
      }
    }
    std::string inflated;
    if (const std::string* ce = FindHeader(http, "content-encoding")) {
      std::string enc = util::AsciiLower(util::TrimAsciiSpace(*ce));
      if (enc == "gzip" || enc == "x-gzip" || enc == "deflate") {
        Result<std::string> d = InflateBody(body, ctx_.options().max_record_bytes);
        if (!d.ok()) {
          Reject(record_start_, "HTTP body (" + enc + "): " + d.status().message(), "");
          return;
        }
        inflated = std::move(*d);
        body = inflated;
      } else if (!enc.empty() && enc != "identity" && enc != "none") {
        Reject(record_start_, "unsupported Content-Encoding \"" + enc + "\"", "");
        return;
      }
    }
    if (mime.empty() && !LooksLikeHtml(body)) {
      Skip("response: no Content-Type");
      return;
    }
    EmitPage(body, charset, uri, warc_date);
  }

  void EmitPage(std::string_view html, const std::string& charset, const std::string& uri,
                const std::string& warc_date) {
    Result<Document> doc = ExtractHtmlArticleWithCharset(html, uri, charset);
    if (!doc.ok()) {
      Reject(record_start_, doc.status().message(), html.substr(0, 4096));
      return;
    }
    if (util::TrimAsciiSpace(doc->text).size() < ctx_.options().min_text_bytes) {
      Reject(record_start_, "empty document", doc->title);
      return;
    }
    if (doc->date.empty()) doc->date = NormalizeWebDate(warc_date);  // Capture time, as a fallback.
    doc->origin_location = "record " + std::to_string(record_no_);
    doc->origin_offset = record_start_;
    ++counts_->documents;
    ctx_.Emit(std::move(*doc));
  }

  WarcStream stream_;
  ReadContext& ctx_;
  WarcCounts own_counts_;
  WarcCounts* counts_;
  std::vector<Header> headers_;
  uint64_t record_no_ = 0;
  uint64_t record_start_ = 0;
};

}  // namespace

Result<std::string> Dechunk(std::string_view body, uint64_t limit) {
  std::string out;
  size_t i = 0;
  while (true) {
    size_t nl = body.find('\n', i);
    if (nl == std::string_view::npos) return DataLossError("chunked encoding cut off");
    std::string_view line = util::TrimAsciiSpace(body.substr(i, nl - i));
    line = line.substr(0, line.find(';'));  // Chunk extensions.
    line = util::TrimAsciiSpace(line);
    if (line.empty() || line.size() > 15) return DataLossError("bad chunk size line");
    uint64_t size = 0;
    for (char c : line) {
      int v = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (v < 0) return DataLossError("bad chunk size line");
      size = size * 16 + static_cast<uint64_t>(v);
    }
    i = nl + 1;
    if (size == 0) return out;  // Trailers, if any, are ignored.
    if (size > body.size() - i) {
      return DataLossError("chunk of " + std::to_string(size) + " bytes goes beyond the body");
    }
    if (out.size() + size > limit) return DataLossError("de-chunked body larger than the limit");
    out.append(body.substr(i, static_cast<size_t>(size)));
    i += static_cast<size_t>(size);
    // CRLF after the chunk data.
    if (i < body.size() && body[i] == '\r') ++i;
    if (i < body.size() && body[i] == '\n') ++i;
  }
}

Result<std::string> InflateBody(std::string_view body, uint64_t limit) {
  // 32 + MAX_WBITS: gzip or zlib by header; raw deflate when neither header is present.
  bool raw =
      !(body.size() >= 2 &&
        ((static_cast<unsigned char>(body[0]) == 0x1f &&
          static_cast<unsigned char>(body[1]) == 0x8b) ||
         ((static_cast<unsigned char>(body[0]) & 0x0f) == 8 &&
          ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) % 31 ==
              0)));
  z_stream z;
  std::memset(&z, 0, sizeof(z));
  if (inflateInit2(&z, raw ? -MAX_WBITS : 32 + MAX_WBITS) != Z_OK) {
    return InternalError("inflateInit2 failed");
  }
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof(buf);
    rc = inflate(&z, Z_NO_FLUSH);
    size_t produced = sizeof(buf) - z.avail_out;
    if (out.size() + produced > limit) {
      inflateEnd(&z);
      return DataLossError("inflated body larger than the limit of " + std::to_string(limit));
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      std::string msg = z.msg != nullptr ? z.msg : "corrupt data";
      inflateEnd(&z);
      return DataLossError("cannot inflate: " + msg);
    }
    if (z.avail_in == 0 && produced == 0) {
      inflateEnd(&z);
      // A body cut short still gives its text; an empty result is the error.
      if (out.empty()) return DataLossError("cannot inflate: truncated data");
      return out;
    }
  }
  inflateEnd(&z);
  return out;
}

Status ReadWarcRecords(ByteSource& in, ReadContext& ctx, WarcCounts* counts) {
  WarcParser parser(in, ctx, counts);
  return parser.Run();
}

Status ReadWarcInput(ByteSource& in, ReadContext& ctx) { return ReadWarcRecords(in, ctx, nullptr); }

}  // namespace annals::io
