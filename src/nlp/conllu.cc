// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/conllu.h"

#include <charconv>
#include <memory>
#include <string>
#include <utility>

#include "io/byte_source.h"

namespace annals::nlp {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(start));
      return cols;
    }
    cols.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string Field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

// Returns the value of key in a MISC column ("SpaceAfter=No|TokenRange=0:5"), or "".
std::string_view MiscValue(std::string_view misc, std::string_view key) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    std::string_view item =
        misc.substr(start, bar == std::string_view::npos ? misc.npos : bar - start);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=') {
      return item.substr(key.size() + 1);
    }
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return {};
}

// MISC without the items Annals manages itself (SpaceAfter, TokenRange).
std::string StripManagedMisc(std::string_view misc) {
  std::string out;
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    std::string_view item =
        misc.substr(start, bar == std::string_view::npos ? misc.npos : bar - start);
    if (!item.empty() && item != "_" && item.rfind("SpaceAfter=", 0) != 0 &&
        item.rfind("TokenRange=", 0) != 0) {
      if (!out.empty()) out += '|';
      out += item;
    }
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

bool ParseRange(std::string_view v, Span& span) {
  size_t colon = v.find(':');
  if (colon == std::string_view::npos) return false;
  int b = 0, e = 0;
  if (!ParseInt(v.substr(0, colon), b) || !ParseInt(v.substr(colon + 1), e) || b < 0 || e < b) {
    return false;
  }
  span.begin = static_cast<uint32_t>(b);
  span.end = static_cast<uint32_t>(e);
  return true;
}

std::string_view CommentValue(std::string_view line, std::string_view key) {
  // "# key = value" or "# key=value" or "# key"
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, key.size()) != key) return {};
  rest.remove_prefix(key.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

bool IsKey(std::string_view line, std::string_view key) {
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, key.size()) != key) return false;
  return rest.size() == key.size() || rest[key.size()] == ' ' || rest[key.size()] == '=';
}

}  // namespace

Result<ConlluSentence> ParseConlluBlock(const std::vector<std::string>& lines,
                                        uint64_t first_line) {
  ConlluSentence out;
  Sentence& s = out.sentence;
  bool have_text = false;
  int mwt_end = 0;  // Last word id covered by the pending multiword token.
  bool ranges_ok = true;
  std::vector<std::string> token_misc;  // MISC of each token line, for SpaceAfter/TokenRange.

  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    auto where = [&]() { return "line " + std::to_string(first_line + i); };
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (IsKey(line, "sent_id")) {
        s.id = std::string(CommentValue(line, "sent_id"));
      } else if (IsKey(line, "text")) {
        out.text = std::string(CommentValue(line, "text"));
        have_text = true;
      } else if (IsKey(line, "newdoc")) {
        out.newdoc = true;
        out.newdoc_id = std::string(CommentValue(line, "newdoc id"));
        if (out.newdoc_id.empty()) out.newdoc_id = std::string(CommentValue(line, "newdoc"));
        s.comments.push_back(line);
      } else if (IsKey(line, "newpar")) {
        out.newpar = true;
        out.newpar_id = std::string(CommentValue(line, "newpar id"));
        s.comments.push_back(line);
      } else {
        s.comments.push_back(line);
      }
      continue;
    }
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() != 10) {
      return DataLossError(where() + ": expected 10 tab-separated columns, got " +
                           std::to_string(cols.size()));
    }
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // Empty node (enhanced UD): skipped.
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      int a = 0, b = 0;
      if (!ParseInt(id.substr(0, dash), a) || !ParseInt(id.substr(dash + 1), b) || b < a ||
          a != static_cast<int>(s.words.size()) + 1) {
        return DataLossError(where() + ": bad multiword token range '" + std::string(id) + "'");
      }
      Token t;
      t.form = std::string(cols[1]);
      t.first_word = a - 1;
      t.word_count = b - a + 1;
      s.tokens.push_back(std::move(t));
      token_misc.emplace_back(cols[9]);
      mwt_end = b;
      continue;
    }
    int n = 0;
    if (!ParseInt(id, n) || n != static_cast<int>(s.words.size()) + 1) {
      return DataLossError(where() + ": word id '" + std::string(id) + "' out of sequence");
    }
    Word w;
    w.id = n;
    w.form = std::string(cols[1]);
    w.lemma = Field(cols[2]);
    w.upos = Field(cols[3]);
    w.xpos = Field(cols[4]);
    w.feats = Field(cols[5]);
    if (cols[6] == "_") {
      w.head = -1;
    } else if (!ParseInt(cols[6], w.head) || w.head < 0) {
      return DataLossError(where() + ": bad HEAD '" + std::string(cols[6]) + "'");
    }
    w.deprel = Field(cols[7]);
    w.deps = Field(cols[8]);
    w.misc = StripManagedMisc(cols[9]);
    if (n > mwt_end) {
      Token t;
      t.form = w.form;
      t.first_word = n - 1;
      t.word_count = 1;
      s.tokens.push_back(std::move(t));
      token_misc.emplace_back(cols[9]);
    }
    s.words.push_back(std::move(w));
  }
  if (s.words.empty())
    return DataLossError("line " + std::to_string(first_line) + ": sentence has no words");
  for (const Token& t : s.tokens) {
    if (t.first_word + t.word_count > static_cast<int>(s.words.size())) {
      return DataLossError("line " + std::to_string(first_line) + ": multiword token '" + t.form +
                           "' spans words " + std::to_string(t.first_word + 1) + "-" +
                           std::to_string(t.first_word + t.word_count) +
                           ", beyond the sentence's " + std::to_string(s.words.size()) + " words");
    }
  }
  for (const Word& w : s.words) {
    if (w.head > static_cast<int>(s.words.size())) {
      return DataLossError("line " + std::to_string(first_line) + ": HEAD " +
                           std::to_string(w.head) + " beyond the sentence");
    }
  }
  // Offsets: TokenRange when every token has one, else rebuild the text.
  for (size_t t = 0; t < s.tokens.size(); ++t) {
    std::string_view misc = token_misc[t];
    s.tokens[t].space_after = MiscValue(misc, "SpaceAfter") != "No";
    std::string_view range = MiscValue(misc, "TokenRange");
    if (range.empty() || !ParseRange(range, s.tokens[t].span)) ranges_ok = false;
  }
  if (!ranges_ok) {
    std::string rebuilt;
    for (Token& t : s.tokens) {
      t.span.begin = static_cast<uint32_t>(rebuilt.size());
      rebuilt += t.form;
      t.span.end = static_cast<uint32_t>(rebuilt.size());
      if (t.space_after) rebuilt += ' ';
    }
    while (!rebuilt.empty() && rebuilt.back() == ' ') rebuilt.pop_back();
    // When the given text matches the forms, align tokens to it (it may use other whitespace).
    if (have_text && rebuilt != out.text) {
      size_t pos = 0;
      bool aligned = true;
      for (Token& t : s.tokens) {
        size_t at = out.text.find(t.form, pos);
        if (at == std::string::npos) {
          aligned = false;
          break;
        }
        t.span.begin = static_cast<uint32_t>(at);
        t.span.end = static_cast<uint32_t>(at + t.form.size());
        pos = at + t.form.size();
      }
      if (!aligned) out.text = rebuilt;
      if (!aligned) {
        uint32_t p = 0;
        for (Token& t : s.tokens) {
          t.span.begin = p;
          t.span.end = p + static_cast<uint32_t>(t.form.size());
          p = t.span.end + (t.space_after ? 1 : 0);
        }
      }
    } else if (!have_text) {
      out.text = rebuilt;
    }
  }
  for (const Token& t : s.tokens) {
    for (int k = 0; k < t.word_count; ++k) s.words[t.first_word + k].span = t.span;
  }
  s.span.begin = s.tokens.empty() ? 0 : s.tokens.front().span.begin;
  s.span.end = s.tokens.empty() ? 0 : s.tokens.back().span.end;
  return out;
}

Status ReadConlluFile(const std::string& path,
                      const std::function<void(ConlluSentence&&)>& on_sentence,
                      const std::function<void(const std::string&)>& on_error) {
  Result<std::unique_ptr<io::ByteSource>> file = io::OpenFileSource(path);
  if (!file.ok()) return file.status();
  std::unique_ptr<io::ByteSource> src = std::move(*file);
  // Peek for gzip by extension (stdin is taken as plain text).
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    src = io::GzipSource(std::move(src));
  }
  io::LineReader reader(*src, 1 << 20);
  std::vector<std::string> block;
  uint64_t block_start = 0;
  std::string line;
  bool truncated = false;
  Status err;
  auto flush = [&]() {
    if (block.empty()) return;
    Result<ConlluSentence> s = ParseConlluBlock(block, block_start);
    if (s.ok()) {
      on_sentence(std::move(*s));
    } else {
      on_error(path + ":" + s.status().message());
    }
    block.clear();
  };
  while (reader.Next(line, truncated, err)) {
    if (!err.ok()) {
      on_error(path + ":line " + std::to_string(reader.line_number()) + ": " + err.message());
      block.clear();
      continue;
    }
    if (line.empty()) {
      flush();
      continue;
    }
    if (block.empty()) block_start = reader.line_number();
    block.push_back(line);
  }
  flush();
  return Status::Ok();
}

std::string WriteConllu(const Sentence& s, std::string_view text, bool offsets) {
  std::string out;
  // Document and paragraph markers open the block, as in UD treebanks.
  for (const std::string& c : s.comments) {
    if (c.rfind("# newdoc", 0) == 0 || c.rfind("# newpar", 0) == 0) out += c + "\n";
  }
  if (!s.id.empty()) out += "# sent_id = " + s.id + "\n";
  for (const std::string& c : s.comments) {
    if (c.rfind("# newdoc", 0) != 0 && c.rfind("# newpar", 0) != 0) out += c + "\n";
  }
  if (!text.empty()) {
    std::string t(text);
    for (char& ch : t) {
      if (ch == '\n' || ch == '\r') ch = ' ';
    }
    out += "# text = " + t + "\n";
  }
  auto col = [](const std::string& v) -> const std::string& {
    static const std::string kEmpty = "_";
    return v.empty() ? kEmpty : v;
  };
  auto misc = [&](const Token& t, const std::string& base) {
    std::string m = base;
    if (!t.space_after) m += std::string(m.empty() ? "" : "|") + "SpaceAfter=No";
    if (offsets) {
      m += std::string(m.empty() ? "" : "|") + "TokenRange=" + std::to_string(t.span.begin) + ":" +
           std::to_string(t.span.end);
    }
    return m.empty() ? std::string("_") : m;
  };
  for (const Token& t : s.tokens) {
    bool multi = t.word_count > 1;
    if (multi) {
      out += std::to_string(t.first_word + 1) + "-" + std::to_string(t.first_word + t.word_count) +
             "\t" + t.form + "\t_\t_\t_\t_\t_\t_\t_\t" + misc(t, "") + "\n";
    }
    for (int k = 0; k < t.word_count; ++k) {
      const Word& w = s.words[t.first_word + k];
      out += std::to_string(w.id) + "\t" + w.form + "\t" + col(w.lemma) + "\t" + col(w.upos) +
             "\t" + col(w.xpos) + "\t" + col(w.feats) + "\t" +
             (w.head < 0 ? std::string("_") : std::to_string(w.head)) + "\t" + col(w.deprel) +
             "\t" + col(w.deps) + "\t" + (multi ? col(w.misc) : misc(t, w.misc)) + "\n";
    }
  }
  out += '\n';
  return out;
}

}  // namespace annals::nlp
