// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Named-entity corpus readers and span scoring (iob.h).
#include "nlp/ner/iob.h"

#include <cstdio>
#include <set>

#include "util/text.h"

namespace annals::nlp::ner {

Result<IobFormat> ParseIobFormat(std::string_view name) {
  if (name == "auto") return IobFormat::kAuto;
  if (name == "iob2") return IobFormat::kIob2;
  if (name == "conll") return IobFormat::kConll;
  return InvalidArgumentError("unknown NER format '" + std::string(name) +
                              "' (expected iob2, conll or auto)");
}

std::string MapEntityType(std::string_view raw) {
  std::string t = util::AsciiLower(raw);
  if (t == "per" || t == "person") return "PER";
  if (t == "org" || t == "organization" || t == "organisation" || t == "corporation" ||
      t == "group") {
    return "ORG";
  }
  if (t == "loc" || t == "location" || t == "gpe" || t == "geo-loc") return "LOC";
  return "";
}

namespace {

// Splits a tag into its scheme letter (upper-cased: O, B, I, E, S) and raw type.
void SplitTag(std::string_view tag, char& scheme, std::string_view& type) {
  type = {};
  if (tag.size() >= 2 && (tag[1] == '-' || tag[1] == '_')) {
    char c = tag[0];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'L') c = 'E';
    if (c == 'U') c = 'S';
    if (c == 'B' || c == 'I' || c == 'E' || c == 'S') {
      scheme = c;
      type = tag.substr(2);
      return;
    }
  }
  scheme = 'O';
}

}  // namespace

std::vector<Chunk> ChunksFromTags(const std::vector<std::string>& tags) {
  std::vector<Chunk> out;
  bool open = false;
  Chunk cur;
  auto close = [&]() {
    if (open && !cur.type.empty()) out.push_back(cur);
    open = false;
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    char scheme;
    std::string_view raw;
    SplitTag(tags[i], scheme, raw);
    std::string type = scheme == 'O' ? std::string() : MapEntityType(raw);
    if (type.empty()) {
      close();
      continue;
    }
    int at = static_cast<int>(i);
    bool continues = open && cur.type == type && (scheme == 'I' || scheme == 'E');
    if (continues) {
      cur.last = at;
    } else {
      close();
      cur = Chunk{type, at, at};
      open = true;
    }
    if (scheme == 'E' || scheme == 'S') close();
  }
  close();
  return out;
}

std::vector<std::string> TagsFromChunks(const std::vector<Chunk>& chunks, size_t n) {
  std::vector<std::string> tags(n, "O");
  for (const Chunk& c : chunks) {
    if (c.first < 0 || c.last < c.first || static_cast<size_t>(c.last) >= n) continue;
    tags[c.first] = "B-" + c.type;
    for (int i = c.first + 1; i <= c.last; ++i) tags[i] = "I-" + c.type;
  }
  return tags;
}

namespace {

// Tab-separated columns (empty ones kept) for IOB2; whitespace-separated for CoNLL.
std::vector<std::string_view> Fields(std::string_view line, bool tabs_only) {
  if (tabs_only) return util::Split(line, '\t');
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '\t' || line[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && line[j] != '\t' && line[j] != ' ') ++j;
    out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

void ReadIob(std::string_view text, IobFormat format,
             const std::function<void(LabeledSentence&&)>& sink,
             const std::function<void(const std::string&)>& on_error) {
  std::vector<std::string> forms, tags;
  std::string sent_id;
  bool bad = false;
  size_t line_no = 0, first_line = 0, count = 0;
  auto flush = [&]() {
    if (!forms.empty() && !bad) {
      LabeledSentence ls;
      ++count;
      ls.sentence.id = sent_id.empty() ? std::to_string(count) : sent_id;
      uint32_t pos = 0;
      for (size_t i = 0; i < forms.size(); ++i) {
        Word w;
        w.id = static_cast<int>(i) + 1;
        w.form = std::move(forms[i]);
        w.span = {pos, pos + static_cast<uint32_t>(w.form.size())};
        pos = w.span.end + 1;
        Token t;
        t.form = w.form;
        t.span = w.span;
        t.first_word = static_cast<int>(i);
        ls.sentence.tokens.push_back(std::move(t));
        ls.sentence.words.push_back(std::move(w));
      }
      ls.sentence.span = {0, pos == 0 ? 0 : pos - 1};
      ls.chunks = ChunksFromTags(tags);
      sink(std::move(ls));
    } else if (bad && on_error) {
      on_error("line " + std::to_string(first_line) + ": sentence has a line without a tag");
    }
    forms.clear();
    tags.clear();
    sent_id.clear();
    bad = false;
  };
  size_t start = 0;
  std::string_view line;
  while (util::NextLine(text, start, line)) {
    ++line_no;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (util::TrimAsciiSpace(line).empty()) {
      flush();
      continue;
    }
    if (format == IobFormat::kAuto) {
      std::vector<std::string_view> f = Fields(line, true);
      if (line[0] == '#' && forms.empty() && (f.size() < 2 || line.rfind("# ", 0) == 0)) {
        format = IobFormat::kIob2;
      } else {
        format = f.size() >= 3 && AllDigits(f[0]) ? IobFormat::kIob2 : IobFormat::kConll;
      }
    }
    if (format == IobFormat::kIob2 && line[0] == '#') {
      if (forms.empty()) {
        std::string_view rest = util::TrimAsciiSpace(line.substr(1));
        if (rest.rfind("sent_id", 0) == 0) {
          size_t eq = rest.find('=');
          if (eq != std::string_view::npos) {
            sent_id = std::string(util::TrimAsciiSpace(rest.substr(eq + 1)));
          }
        }
        continue;
      }
    }
    if (format == IobFormat::kConll && line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      continue;
    }
    if (forms.empty()) first_line = line_no;
    std::vector<std::string_view> f = Fields(line, format == IobFormat::kIob2);
    std::string_view word, tag;
    if (format == IobFormat::kIob2) {
      if (f.size() >= 3) {
        word = f[1];
        tag = f[2];
      }
    } else if (f.size() >= 2) {
      word = f.front();
      tag = f.back();
    }
    if (word.empty() || tag.empty()) {
      bad = true;
      continue;
    }
    forms.emplace_back(word);
    tags.emplace_back(tag);
    if (forms.size() > 10000) {  // Runaway "sentence" (no blank lines): cut it.
      flush();
    }
  }
  flush();
}

Status ReadIobFile(const std::string& path, IobFormat format,
                   const std::function<void(LabeledSentence&&)>& sink,
                   const std::function<void(const std::string&)>& on_error) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(path + ": cannot open");
  std::string bytes;
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, got);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return IoError(path + ": read failed");
  ReadIob(bytes, format, sink, [&](const std::string& m) {
    if (on_error) on_error(path + ": " + m);
  });
  return Status::Ok();
}

void NerScores::Add(const std::vector<Chunk>& gold, const std::vector<Chunk>& system) {
  std::set<std::tuple<int, int, std::string>> g;
  for (const Chunk& c : gold) {
    g.emplace(c.first, c.last, c.type);
    ++all.gold;
    ++by_type[c.type].gold;
  }
  std::set<std::tuple<int, int, std::string>> seen;
  for (const Chunk& c : system) {
    if (!seen.emplace(c.first, c.last, c.type).second) continue;  // Count duplicates once.
    ++all.system;
    PrfCounts& t = by_type[c.type];
    ++t.system;
    if (g.count({c.first, c.last, c.type}) > 0) {
      ++all.correct;
      ++t.correct;
    }
  }
}

}  // namespace annals::nlp::ner
