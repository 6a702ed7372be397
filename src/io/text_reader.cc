// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Plain text: one article per input. Layout rules (docs/formats.md, "Plain text"):
// paragraphs are separated by blank lines, and the lines of one paragraph are joined with a space
// (hard-wrapped text); when the input has no blank line at all, every line is a paragraph. A
// short headline-like first line followed by a blank line is the title. A wire dateline at the
// start of the body is read into Document::dateline and stays in the text; its agency becomes the
// source. Without a dated dateline, a file name starting with YYYY-MM-DD gives the date.
#include <string>
#include <string_view>
#include <vector>

#include "io/dateline.h"
#include "io/format_readers.h"
#include "io/text_layout.h"
#include "util/text.h"

namespace annals::io {
namespace {

constexpr size_t kMaxTitleBytes = 200;

bool BlankLine(std::string_view line) { return util::TrimAsciiSpace(line).empty(); }

}  // namespace

bool LooksLikeTitle(std::string_view line) {
  line = util::TrimAsciiSpace(line);
  if (line.empty() || line.size() > kMaxTitleBytes) return false;
  char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if (FindDateline(line, nullptr).has_value()) return false;
  return true;
}

TextLayout LayOutText(std::string_view raw) {
  TextLayout out;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  std::vector<std::string_view> lines = util::Split(raw, '\n');
  for (std::string_view& l : lines) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  }
  bool any_blank = false;
  size_t first = 0;
  while (first < lines.size() && BlankLine(lines[first])) ++first;
  size_t last = lines.size();
  while (last > first && BlankLine(lines[last - 1])) --last;
  for (size_t i = first; i < last; ++i) any_blank = any_blank || BlankLine(lines[i]);

  // Paragraphs as lists of trimmed lines.
  std::vector<std::string> paragraphs;
  std::vector<size_t> paragraph_lines;  // Line count of each paragraph.
  std::string current;
  size_t current_lines = 0;
  auto flush = [&]() {
    if (current_lines == 0) return;
    paragraphs.push_back(std::move(current));
    paragraph_lines.push_back(current_lines);
    current.clear();
    current_lines = 0;
  };
  for (size_t i = first; i < last; ++i) {
    std::string_view l = util::TrimAsciiSpace(lines[i]);
    if (l.empty()) {
      flush();
      continue;
    }
    if (current_lines > 0) current += ' ';
    current.append(l);
    ++current_lines;
    if (!any_blank) flush();
  }
  flush();

  size_t body = 0;
  if (any_blank && paragraphs.size() >= 2 && paragraph_lines[0] == 1 &&
      LooksLikeTitle(paragraphs[0])) {
    out.title = paragraphs[0];
    body = 1;
  }
  for (size_t p = body; p < paragraphs.size(); ++p) {
    if (!out.text.empty()) out.text += "\n\n";
    out.text += paragraphs[p];
  }
  return out;
}

Status ReadTextInput(ByteSource& in, ReadContext& ctx) {
  Result<std::string> all = ReadAll(in, ctx.options().max_record_bytes);
  if (!all.ok()) return all.status();
  const std::string_view raw(*all);
  size_t nul = raw.find('\0');
  if (nul != std::string_view::npos) {
    ctx.RejectRecord("byte " + std::to_string(nul), nul,
                     "binary file (NUL byte at offset " + std::to_string(nul) + ")",
                     raw.substr(nul < 32 ? 0 : nul - 32, 64));
    return Status::Ok();
  }
  size_t bad = util::FindInvalidUtf8(raw);
  if (bad != std::string_view::npos) {
    ctx.RejectRecord("byte " + std::to_string(bad), bad,
                     "invalid UTF-8 at byte offset " + std::to_string(bad),
                     raw.substr(bad < 32 ? 0 : bad - 32, 64));
    return Status::Ok();
  }
  TextLayout layout = LayOutText(raw);
  Document doc;
  doc.title = std::move(layout.title);
  doc.text = std::move(layout.text);
  AttachDateline(doc);
  if (doc.date.empty() && ctx.file() != "-") doc.date = DateFromFileName(ctx.file(), doc.dateline);
  ctx.Emit(std::move(doc));
  return Status::Ok();
}

}  // namespace annals::io
