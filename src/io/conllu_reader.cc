// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// CoNLL-U: sentence blocks (nlp::ParseConlluBlock) grouped into documents at "# newdoc" (or one
// document per input when there is none). The document text is the sentence texts joined with
// " " within a paragraph and "\n\n" at "# newpar"; sentence, token and word spans are shifted
// into it.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "io/format_readers.h"
#include "nlp/conllu.h"
#include "util/text.h"

namespace annals::io {
namespace {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(ReadContext& ctx) : ctx_(ctx) {}

  // Starts a document at the block at `location`/`offset`.
  void Open(std::string id, std::string location, uint64_t offset) {
    doc_ = Document();
    doc_.id = std::move(id);
    doc_.origin_location = std::move(location);
    doc_.origin_offset = offset;
    open_ = true;
    oversized_ = false;
  }
  bool IsOpen() const { return open_; }

  void Add(nlp::ConlluSentence&& s) {
    if (oversized_) return;
    if (!doc_.text.empty()) doc_.text += s.newpar ? "\n\n" : " ";
    if (doc_.text.size() + s.text.size() > ctx_.options().max_record_bytes) {
      oversized_ = true;
      return;
    }
    uint32_t shift = static_cast<uint32_t>(doc_.text.size());
    doc_.text += s.text;
    Sentence& sent = s.sentence;
    sent.span.begin += shift;
    sent.span.end += shift;
    for (Token& t : sent.tokens) {
      t.span.begin += shift;
      t.span.end += shift;
    }
    for (Word& w : sent.words) {
      w.span.begin += shift;
      w.span.end += shift;
    }
    doc_.sentences.push_back(std::move(sent));
  }

  void Close() {
    if (!open_) return;
    open_ = false;
    if (oversized_) {
      ctx_.RejectRecord(doc_.origin_location, doc_.origin_offset,
                        "document longer than the limit of " +
                            std::to_string(ctx_.options().max_record_bytes) + " bytes",
                        "");
      return;
    }
    if (doc_.sentences.empty()) return;  // Every block was rejected; each said so.
    AttachDateline(doc_);
    ctx_.Emit(std::move(doc_));
  }

 private:
  ReadContext& ctx_;
  Document doc_;
  bool open_ = false;
  bool oversized_ = false;
};

// Makes token, word and sentence spans point into s.text (relative to its start). Spans from
// TokenRange=b:e in MISC refer to the document the sentence was written from, not to s.text, and
// hand-made files can carry forms that the parser could not place; in both cases the forms are
// found again in order in s.text. Returns false when they cannot be.
bool AlignToSentenceText(nlp::ConlluSentence& cs) {
  Sentence& s = cs.sentence;
  const std::string& text = cs.text;
  bool ok = true;
  for (const Token& t : s.tokens) {
    if (t.span.end > text.size() || t.span.begin > t.span.end ||
        text.compare(t.span.begin, t.span.size(), t.form) != 0) {
      ok = false;
      break;
    }
  }
  if (!ok) {
    size_t pos = 0;
    for (Token& t : s.tokens) {
      size_t at = text.find(t.form, pos);
      if (at == std::string::npos) return false;
      t.span.begin = static_cast<uint32_t>(at);
      t.span.end = static_cast<uint32_t>(at + t.form.size());
      pos = t.span.end;
    }
  }
  for (const Token& t : s.tokens) {
    for (int k = 0; k < t.word_count; ++k) {
      size_t w = static_cast<size_t>(t.first_word) + static_cast<size_t>(k);
      if (w < s.words.size()) s.words[w].span = t.span;
    }
  }
  s.span.begin = s.tokens.empty() ? 0 : s.tokens.front().span.begin;
  s.span.end = s.tokens.empty() ? 0 : s.tokens.back().span.end;
  return true;
}

struct Where {
  std::string location;
  std::string reason;
  uint64_t line;
};

// "line 12: reason" -> {"line 12", "reason", 12}; other messages are put at `line`.
Where SplitMessage(const std::string& message, uint64_t line) {
  size_t colon = message.find(": ");
  if (message.rfind("line ", 0) == 0 && colon != std::string::npos) {
    uint64_t n = 0;
    for (size_t i = 5; i < colon && message[i] >= '0' && message[i] <= '9'; ++i) {
      n = n * 10 + static_cast<uint64_t>(message[i] - '0');
    }
    return {message.substr(0, colon), message.substr(colon + 2), n};
  }
  return {"line " + std::to_string(line), message, line};
}

}  // namespace

Status ReadConlluInput(ByteSource& in, ReadContext& ctx) {
  LineReader lines(in, 1 << 20);
  DocumentBuilder builder(ctx);
  std::vector<std::string> block;
  std::vector<uint64_t> offsets;  // Byte offset of each line of the block.
  std::string raw;                // The block's lines, for rejects (first 4 KiB).
  uint64_t block_line = 0, block_offset = 0;
  bool block_broken = false;  // A read error hit the block: drop it (already rejected).
  std::string line;
  bool truncated = false;
  Status error;

  auto flush = [&]() {
    if (block.empty() || block_broken) {
      block.clear();
      offsets.clear();
      raw.clear();
      block_broken = false;
      return;
    }
    for (size_t i = 0; i < block.size(); ++i) {
      size_t bad = util::FindInvalidUtf8(block[i]);
      if (bad != std::string::npos) {
        ctx.RejectRecord("line " + std::to_string(block_line + i), offsets[i],
                         "invalid UTF-8 at byte " + std::to_string(bad) + " of the line", raw);
        block.clear();
        offsets.clear();
        raw.clear();
        return;
      }
    }
    Result<nlp::ConlluSentence> s = nlp::ParseConlluBlock(block, block_line);
    if (!s.ok()) {
      auto [where, reason, line_no] = SplitMessage(s.status().message(), block_line);
      uint64_t at = line_no >= block_line && line_no - block_line < offsets.size()
                        ? offsets[line_no - block_line]
                        : block_offset;
      ctx.RejectRecord(where, at, reason, raw);
    } else if (!AlignToSentenceText(*s)) {
      ctx.RejectRecord("line " + std::to_string(block_line), block_offset,
                       "word forms do not match the sentence text", raw);
    } else {
      if (s->newdoc || !builder.IsOpen()) {
        builder.Close();
        std::string id = s->newdoc ? s->newdoc_id : std::string();
        builder.Open(std::move(id), "line " + std::to_string(block_line), block_offset);
      }
      builder.Add(std::move(*s));
    }
    block.clear();
    offsets.clear();
    raw.clear();
  };

  while (!ctx.stopped() && lines.Next(line, truncated, error)) {
    if (!error.ok()) {
      ctx.RejectRecord("line " + std::to_string(lines.line_number()), lines.line_offset(),
                       error.message(), "");
      block_broken = true;
      continue;
    }
    if (truncated) {
      ctx.RejectRecord("line " + std::to_string(lines.line_number()), lines.line_offset(),
                       "line longer than 1 MiB", line.substr(0, 256));
      block_broken = true;
      continue;
    }
    if (lines.line_number() == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (util::TrimAsciiSpace(line).empty()) {
      flush();
      continue;
    }
    if (block.empty()) {
      block_line = lines.line_number();
      block_offset = lines.line_offset();
    }
    if (raw.size() < 4096) raw += line + "\n";
    block.push_back(line);
    offsets.push_back(lines.line_offset());
  }
  flush();
  builder.Close();
  return Status::Ok();
}

}  // namespace annals::io
