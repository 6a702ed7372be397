// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Word normalisation, plurals, dates and the phrase trie.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <cstdio>

#include "dict/dict_impl.h"
#include "util/text.h"

namespace annals {

// Howard Hinnant's days_from_civil.
std::optional<int32_t> DayFromCivil(int year, int month, int day) {
  if (year < -100000 || year > 100000 || month < 1 || month > 12 || day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int dim = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > dim) return std::nullopt;
  int y = year - (month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

Result<int32_t> ParseIsoDay(std::string_view text) {
  auto bad = [&]() {
    return InvalidArgumentError("invalid date '" + std::string(text) + "' (want YYYY-MM-DD)");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < lens[k]; ++i) {
      char c = text[starts[k] + i];
      if (c < '0' || c > '9') return bad();
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  std::optional<int32_t> d = DayFromCivil(v[0], v[1], v[2]);
  if (!d) return bad();
  return *d;
}

std::string FormatIsoDay(int32_t day) {
  if (day == kDayMin || day == kDayMax) return "";
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace annals

namespace annals::dict {
namespace {

bool IsOpenPunct(unsigned char c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '`' || c == '<';
}
bool IsClosePunct(unsigned char c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == ',' || c == ';' ||
         c == ':' || c == '!' || c == '?' || c == '.' || c == '`' || c == '>';
}

// Multi-byte quotes: U+2018/2019 (E2 80 98/99), U+201C/201D (E2 80 9C/9D), U+00AB/BB (C2 AB/BB).
size_t OpenQuoteLen(std::string_view s) {
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
      static_cast<unsigned char>(s[1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s[2]);
    if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D) return 3;
  }
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 &&
      (static_cast<unsigned char>(s[1]) == 0xAB || static_cast<unsigned char>(s[1]) == 0xBB)) {
    return 2;
  }
  return 0;
}
size_t CloseQuoteLen(std::string_view s) {
  if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
      static_cast<unsigned char>(s[s.size() - 2]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D) return 3;
  }
  if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
      (static_cast<unsigned char>(s.back()) == 0xAB ||
       static_cast<unsigned char>(s.back()) == 0xBB)) {
    return 2;
  }
  return 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Upper-cases and strips diacritics from a non-ASCII word with ICU.
void FoldUnicode(std::string_view in, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString src =
      icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status)) decomposed = nfd->normalize(src, status);
  if (U_FAILURE(status)) decomposed = src;
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == '.') continue;
    folded.append(static_cast<UChar32>(u_toupper(c)));
  }
  folded.toUTF8String(out);
}

}  // namespace

std::string NormalizeWord(std::string_view form, WordShape* shape) {
  WordShape local;
  WordShape& sh = shape ? *shape : local;
  sh = WordShape();
  std::string_view s = form;
  // Possessive marker words produced by a UD tokenizer.
  if (s == "'s" || s == "'S" || s == "'" || s == "\xE2\x80\x99s" || s == "\xE2\x80\x99S" ||
      s == "\xE2\x80\x99") {
    sh.possessive_marker = true;
    return "";
  }
  // Strip closing punctuation (remembering a comma), then possessive, then opening punctuation.
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ',') sh.comma_after = true;
    if (c == '\'' && s.size() >= 2 && (s[s.size() - 2] == 's' || s[s.size() - 2] == 'S')) {
      break;  // "Powers'" : possessive plural, handled below.
    }
    if (IsClosePunct(c)) {
      s.remove_suffix(1);
      changed = true;
    } else if (size_t n = CloseQuoteLen(s); n > 0) {
      if (n == 3 && static_cast<unsigned char>(s.back()) == 0x99 && s.size() >= 4 &&
          (s[s.size() - 4] == 's' || s[s.size() - 4] == 'S')) {
        break;  // "Powers’"
      }
      s.remove_suffix(n);
      changed = true;
    }
  }
  if (EndsWith(s, "'s") || EndsWith(s, "'S")) {
    s.remove_suffix(2);
    sh.possessive = true;
  } else if (EndsWith(s, "\xE2\x80\x99s") || EndsWith(s, "\xE2\x80\x99S")) {
    s.remove_suffix(4);
    sh.possessive = true;
  } else if (s.size() >= 2 && s.back() == '\'' &&
             (s[s.size() - 2] == 's' || s[s.size() - 2] == 'S')) {
    s.remove_suffix(1);
    sh.possessive = true;
  } else if (s.size() >= 4 && EndsWith(s, "\xE2\x80\x99") &&
             (s[s.size() - 4] == 's' || s[s.size() - 4] == 'S')) {
    s.remove_suffix(3);
    sh.possessive = true;
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (IsOpenPunct(static_cast<unsigned char>(s.front()))) {
      s.remove_prefix(1);
      changed = true;
    } else if (size_t n = OpenQuoteLen(s); n > 0) {
      s.remove_prefix(n);
      changed = true;
    }
  }
  std::string out;
  out.reserve(s.size());
  bool ascii = true;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      ascii = false;
      continue;
    }
    if (c >= 'A' && c <= 'Z') sh.has_upper = true;
    if (c >= 'a' && c <= 'z') sh.has_lower = true;
  }
  if (ascii) {
    for (char ch : s) {
      if (ch == '.') continue;
      out.push_back((ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch);
    }
  } else {
    // Case shape from code points.
    size_t i = 0;
    while (i < s.size()) {
      char32_t cp = util::DecodeUtf8(s, i);
      if (u_isupper(static_cast<UChar32>(cp))) sh.has_upper = true;
      if (u_islower(static_cast<UChar32>(cp))) sh.has_lower = true;
    }
    FoldUnicode(s, out);
  }
  // Pure punctuation ("-", "--") normalises to nothing.
  bool any = false;
  for (char ch : out) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '&') any = true;
  }
  if (!any) out.clear();
  return out;
}

bool IsPunctPiece(std::string_view piece) {
  return piece == "-" || piece == "," || piece == "(" || piece == ")";
}

void SplitPieces(std::string_view w, std::vector<std::string_view>& out) {
  if (w.size() <= 1 || w.find_first_of("-,()") == std::string_view::npos) {
    out.push_back(w);
    return;
  }
  size_t b = 0, e = w.size();
  while (b < e && w[b] == '(') out.push_back(w.substr(b++, 1));
  // Trailing run of closing punctuation; only ',' and ')' become pieces.
  size_t tail = e;
  while (tail > b) {
    char c = w[tail - 1];
    if (c == ',' || c == ')' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
        c == '"') {
      --tail;
    } else {
      break;
    }
  }
  // Keep the dots of "U.S." / "St." in the word (NormalizeWord drops them anyway).
  while (tail < e && w[tail] == '.') ++tail;
  e = tail;
  size_t start = b;
  for (size_t i = b + 1; i + 1 < e; ++i) {
    if (w[i] == '-' && w[i - 1] != '-' && w[i + 1] != '-') {
      out.push_back(w.substr(start, i - start));
      out.push_back(w.substr(i, 1));
      start = i + 1;
    }
  }
  if (e > start) out.push_back(w.substr(start, e - start));
  for (size_t i = e; i < w.size(); ++i) {
    if (w[i] == ',' || w[i] == ')') out.push_back(w.substr(i, 1));
  }
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> out;
  std::vector<std::string_view> pieces;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && (phrase[i] == ' ' || phrase[i] == '_' || phrase[i] == '\t')) ++i;
    size_t b = i;
    while (i < phrase.size() && !(phrase[i] == ' ' || phrase[i] == '_' || phrase[i] == '\t')) ++i;
    if (i > b) {
      pieces.clear();
      SplitPieces(phrase.substr(b, i - b), pieces);
      for (std::string_view piece : pieces) {
        if (IsPunctPiece(piece)) {
          out.emplace_back(piece);
          continue;
        }
        WordShape shape;
        std::string w = NormalizeWord(piece, &shape);
        if (!w.empty()) out.push_back(std::move(w));
      }
    }
  }
  auto edge = [](const std::string& w) { return w == "," || w == "-"; };
  while (!out.empty() && edge(out.back())) out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && edge(out[lead])) ++lead;
  out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(lead));
  bool any_word = false;
  for (const std::string& w : out) any_word = any_word || !IsPunctPiece(w);
  if (!any_word) out.clear();
  return out;
}

std::string PluralOf(std::string_view word) {
  std::string w(word);
  if (w.empty()) return w;
  auto ends = [&](std::string_view suf) { return EndsWith(w, suf); };
  if (ends("MAN") && w.size() > 3) return w.substr(0, w.size() - 3) + "MEN";
  if (w == "MAN") return "MEN";
  if (ends("Y") && w.size() > 1) {
    char p = w[w.size() - 2];
    if (p != 'A' && p != 'E' && p != 'I' && p != 'O' && p != 'U') {
      return w.substr(0, w.size() - 1) + "IES";
    }
  }
  if (ends("S") || ends("X") || ends("Z") || ends("CH") || ends("SH")) return w + "ES";
  return w + "S";
}

PhraseIndex::PhraseIndex() { senses_.emplace_back(); }

uint32_t PhraseIndex::Intern(const std::string& word) {
  auto it = vocab_.find(std::string_view(word));
  if (it != vocab_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(vocab_.size());
  vocab_.emplace(word, id);
  return id;
}

bool PhraseIndex::Add(const std::vector<std::string>& words, Sense sense) {
  if (words.empty()) return false;
  uint32_t node = 0;
  for (const std::string& w : words) {
    uint64_t key = (static_cast<uint64_t>(node) << 32) | Intern(w);
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      uint32_t child = static_cast<uint32_t>(senses_.size());
      senses_.emplace_back();
      edges_.emplace(key, child);
      node = child;
    } else {
      node = it->second;
    }
  }
  std::vector<Sense>& list = senses_[node];
  for (const Sense& s : list) {
    if (s.kind == sense.kind && s.index == sense.index) return false;
  }
  list.push_back(sense);
  return true;
}

}  // namespace annals::dict
