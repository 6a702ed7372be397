// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The rules follow what UD English EWT r2.16 train does (measured with a throwaway script over
// train.conllu, never over dev/test): which hyphen prefixes stay attached, which numbers keep their
// hyphens, which abbreviations keep their period. Word lists below are written by us.
#include "nlp/tokenize/scanner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <string>

#include "util/text.h"

namespace annals::nlp::tokenize {
namespace {

enum Cls : uint8_t { kSpace, kAlpha, kDigit, kOther };

struct Ch {
  char32_t cp;
  uint32_t len;
  Cls cls;
};

Cls ClassifyNonAscii(char32_t cp) {
  switch (cp) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
    case 0x200B:
      return kSpace;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return kSpace;
  if (cp == 0xFFFD) return kOther;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_FORMAT_CHAR:
      return kAlpha;
    case U_DECIMAL_DIGIT_NUMBER:
      return kDigit;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return kSpace;
    default:
      return kOther;
  }
}

constexpr std::array<Cls, 128> MakeAsciiTable() {
  std::array<Cls, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      t[c] = kSpace;
    } else if (c >= '0' && c <= '9') {
      t[c] = kDigit;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = kAlpha;
    } else if (c < 32 || c == 127) {
      t[c] = kSpace;  // Control characters separate tokens like whitespace.
    } else {
      t[c] = kOther;
    }
  }
  return t;
}
constexpr std::array<Cls, 128> kAscii = MakeAsciiTable();

inline Ch At(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1, kAscii[c]};
  size_t j = i;
  char32_t cp = util::DecodeUtf8(s, j);
  return {cp, static_cast<uint32_t>(j - i), ClassifyNonAscii(cp)};
}

inline bool IsAlnum(Cls c) { return c == kAlpha || c == kDigit; }
inline bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

// Lower-cases ASCII into `buf` (at most 23 bytes); empty when too long.
std::string_view LowerInto(std::string_view s, char (&buf)[24]) {
  if (s.size() >= sizeof(buf)) return {};
  for (size_t i = 0; i < s.size(); ++i) buf[i] = Lower(s[i]);
  return std::string_view(buf, s.size());
}

template <size_t N>
bool InList(std::string_view s, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}
template <size_t N>
bool InList(std::string_view s, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Prefixes that stay attached to the hyphen in EWT ("non-human", "e-mail", "mid-1980s").
constexpr std::string_view kHyphenPrefixes[] = {
    "e",       "non",   "pre",    "anti",  "mid",   "re",    "post",  "co",     "over",
    "pro",     "multi", "ex",     "sub",   "semi",  "cross", "neo",   "psycho", "socio",
    "counter", "intra", "inter",  "micro", "un",    "ultra", "macro", "mega",   "bi",
    "tri",     "quasi", "pseudo", "extra", "trans", "infra", "mini",  "mis"};

// Units written straight after a number and split from it in EWT ("7:30PM" -> "7:30" "PM").
constexpr std::string_view kUnits[] = {
    "am",  "pm",   "k",  "m",   "mm",  "cm",  "km", "kg",  "mg",  "lb", "lbs", "oz",  "gb",
    "mb",  "kb",   "tb", "ghz", "mhz", "kw",  "mw", "kwh", "mwh", "hr", "hrs", "min", "mins",
    "sec", "secs", "ft", "mi",  "mph", "kph", "yr", "yrs", "ml",  "bn", "mln", "pts", "x"};

// Endings after a period that make "name.ext" one token (domains and file names).
constexpr std::string_view kDotEndings[] = {
    "com", "org",  "net", "edu", "gov", "mil",  "int", "info", "biz", "io",  "uk",  "us",  "ca",
    "de",  "fr",   "ru",  "cn",  "jp",  "au",   "nl",  "ch",   "eu",  "co",  "tv",  "doc", "docx",
    "xls", "xlsx", "pdf", "txt", "htm", "html", "jpg", "png",  "gif", "ppt", "zip", "csv"};

// Abbreviations that keep their period, written by us. Case matters: "Gen." but not "gen.".
constexpr std::string_view kAbbreviations[] = {
    // Titles and ranks.
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt",
    "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Pres", "Rev",
    "Hon", "Fr", "Sr", "Jr", "Esq", "Atty", "Supt", "Insp", "Amb", "Spec", "Drs", "PS",
    // Organisations and places.
    "Inc", "Corp", "Co", "Ltd", "Cos", "Bros", "Assn", "Dept", "Univ", "Ave", "Blvd", "Rd", "St",
    "Ste", "Mt", "Ft", "Hwy", "Sq", "Sts", "Pvt",
    // Months and days.
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
    // US states as the wires abbreviate them.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Kan", "Ky", "Md", "Mich",
    "Minn", "Neb", "Nev", "Okla", "Ore", "Penn", "Tenn", "Tex", "Wis", "Wyo",
    // Lower-case and reference abbreviations.
    "etc", "vs", "viz", "cf", "al", "approx", "esp", "incl", "dept", "ext", "est", "fig", "figs",
    "Fig", "Vol", "vol", "pp", "Attn", "Ext", "Tel"};

// Tokens kept whole although the rules would split them.
constexpr std::string_view kWholeTokens[] = {"7-Eleven", "Yahoo!", "Wal-Mart"};

// A unit glued to a number; upper-case "MM", "M", "K" are millions/thousands and stay.
bool IsGluedUnit(std::string_view letters, std::string_view low) {
  if (low.empty() || !InList(low, kUnits)) return false;
  if ((low == "mm" || low == "m" || low == "k" || low == "x") && letters != low) return false;
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigitByte(c)) return false;
  }
  return true;
}

bool AllAsciiAlpha(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

bool AllUpperOrDigit(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsUpper(c) && !IsDigitByte(c)) return false;
  }
  return true;
}

bool StartsWithCI(std::string_view s, size_t p, size_t e, std::string_view what) {
  if (e - p < what.size()) return false;
  for (size_t i = 0; i < what.size(); ++i) {
    if (Lower(s[p + i]) != what[i]) return false;
  }
  return true;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<ScanToken>& out) : s_(text), out_(out) {}

  void Run() {
    size_t i = 0;
    const size_t n = s_.size();
    int newlines = 0;
    while (i < n) {
      Ch c = At(s_, i);
      if (c.cls == kSpace) {
        if (c.cp == '\n' || c.cp == 0x2028 || c.cp == 0x2029) ++newlines;
        i += c.len;
        continue;
      }
      if (newlines >= 2) open_single_ = false;
      size_t e = i;
      while (e < n) {
        Ch d = At(s_, e);
        if (d.cls == kSpace) break;
        e += d.len;
      }
      size_t first = out_.size();
      Chunk(i, e);
      if (out_.size() > first) {
        out_[first].newlines_before = static_cast<uint8_t>(std::min(newlines, 2));
        out_.back().space_after = true;
      }
      newlines = 0;
      i = e;
    }
  }

 private:
  void Emit(size_t b, size_t e) {
    ScanToken t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.space_after = false;
    out_.push_back(t);
  }

  void Chunk(size_t b, size_t e) {
    chunk_begin_ = b;
    const char* base = s_.data() + b;
    has_at_ = std::memchr(base, '@', e - b) != nullptr;
    size_t p = b;
    while (p < e) {
      size_t q = Next(p, e);
      if (q <= p) q = p + At(s_, p).len;  // Never stall.
      if (q > e) q = e;
      Emit(p, q);
      p = q;
    }
  }

  // End of the token that starts at p (p < e, s_[p] not a space).
  size_t Next(size_t p, size_t e) {
    Ch c = At(s_, p);
    for (std::string_view w : kWholeTokens) {
      if (s_.substr(p, w.size()) == w &&
          (p + w.size() == e || !IsAlnum(At(s_, p + w.size()).cls))) {
        return p + w.size();
      }
    }
    if (c.cp == 'h' || c.cp == 'H' || c.cp == 'w' || c.cp == 'W' || c.cp == 'f' || c.cp == 'F' ||
        c.cp == 'm' || c.cp == 'M') {
      if (StartsWithCI(s_, p, e, "http://") || StartsWithCI(s_, p, e, "https://") ||
          StartsWithCI(s_, p, e, "www.") || StartsWithCI(s_, p, e, "ftp://") ||
          StartsWithCI(s_, p, e, "mailto:")) {
        return UrlEnd(p, e);
      }
    }
    if (IsAlnum(c.cls)) {
      if (has_at_) {
        size_t q = EmailEnd(p, e);
        if (q > p) return q;
      }
      return WordEnd(p, e, p);
    }
    return PunctEnd(p, e, c);
  }

  size_t UrlEnd(size_t p, size_t e) {
    size_t q = e;
    int parens = 0, brackets = 0;
    for (size_t i = p; i < e; ++i) {
      char ch = s_[i];
      if (ch == '(') ++parens;
      if (ch == ')') --parens;
      if (ch == '[') ++brackets;
      if (ch == ']') --brackets;
    }
    while (q > p + 4) {
      size_t k = q - 1;
      // Step back over a whole UTF-8 character.
      while (k > p && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) --k;
      Ch c = At(s_, k);
      bool strip = false;
      switch (c.cp) {
        case '.':
        case ',':
        case ';':
        case ':':
        case '!':
        case '?':
        case '\'':
        case '"':
        case '>':
        case 0x201D:
        case 0x2019:
        case 0xBB:
        case 0x2026:
          strip = true;
          break;
        case ')':
          strip = parens < 0;
          if (strip) ++parens;
          break;
        case ']':
          strip = brackets < 0;
          if (strip) ++brackets;
          break;
        default:
          break;
      }
      if (!strip) break;
      q = k;
    }
    return q;
  }

  static bool EmailLocalChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigitByte(c) || c == '.' ||
           c == '_' || c == '%' || c == '+' || c == '-';
  }

  size_t EmailEnd(size_t p, size_t e) {
    if (p < email_fail_until_) return p;  // Already known: no address ends this run.
    size_t r = p;
    while (r < e && EmailLocalChar(s_[r])) ++r;
    if (r == p || r >= e || s_[r] != '@') {
      email_fail_until_ = r;
      return p;
    }
    size_t d = r + 1;
    bool dot = false;
    while (d < e && (EmailLocalChar(s_[d]) && s_[d] != '%' && s_[d] != '+')) {
      if (s_[d] == '.') dot = true;
      ++d;
    }
    while (d > r + 1 && (s_[d - 1] == '.' || s_[d - 1] == '-')) --d;
    if (d <= r + 2) {
      email_fail_until_ = r;
      return p;
    }
    if (!dot) {
      // Lotus Notes style "Warner@ENRON", "ENRON@enronXgate": a bare host with a capital. It
      // depends on the host only, so a failure holds for every start in this run (no rescans).
      bool capital = false;
      for (size_t k = r + 1; k < d; ++k) capital |= IsUpper(s_[k]);
      if (!capital) email_fail_until_ = r;
      return capital ? d : p;
    }
    return d;
  }

  // End of an alphanumeric run starting at p.
  size_t AlnumEnd(size_t p, size_t e) const {
    while (p < e) {
      unsigned char b = static_cast<unsigned char>(s_[p]);
      if (b < 0x80) {
        Cls c = kAscii[b];
        if (c != kAlpha && c != kDigit) break;
        ++p;
      } else {
        Ch c = At(s_, p);
        if (!IsAlnum(c.cls)) break;
        p += c.len;
      }
    }
    return p;
  }

  // Should the period at q (between seg..q and an alphanumeric run) stay inside the token?
  bool JoinAtPeriod(size_t seg, size_t q, size_t e, char prev_joiner) const {
    std::string_view left = s_.substr(seg, q - seg);
    size_t r = AlnumEnd(q + 1, e);
    std::string_view right = s_.substr(q + 1, r - q - 1);
    if (right.empty()) return false;
    if (AllDigits(left) && IsDigitByte(right.front())) return true;  // 3.5, 1.2.3
    if (prev_joiner == '.') return true;                             // a.b.c chains
    if (left.size() == 1 && AllAsciiAlpha(left) && (right.size() <= 2 || AllUpperOrDigit(right))) {
      return true;  // U.S, e.g, a.m, U.S.A; not "N.Korea"
    }
    if (left.size() == 2 && AllAsciiAlpha(left) && IsUpper(left.front()) && right.size() == 1 &&
        IsUpper(right.front())) {
      return true;  // Ph.D
    }
    if (At(s_, seg).len == left.size() && At(s_, seg).cls == kAlpha && left.size() > 1 &&
        left.size() <= 4) {
      // One non-ASCII letter ("É.U").
      return true;
    }
    // Look along the whole dotted chain: a host or newsgroup name ends in a known ending or has
    // three or more parts ("alt.animals.cat").
    {
      size_t k = r, parts = 2, last_b = q + 1, last_e = r;
      while (k + 1 < e && s_[k] == '.' && IsAlnum(At(s_, k + 1).cls) && parts < 16) {
        last_b = k + 1;
        last_e = AlnumEnd(k + 1, e);
        k = last_e;
        ++parts;
      }
      char lb[24];
      std::string_view last = LowerInto(s_.substr(last_b, last_e - last_b), lb);
      char lb2[24];
      bool lower_chain = AllAsciiAlpha(left) && left == LowerInto(left, lb2);
      if (parts >= 3 && (lower_chain || InList(last, kDotEndings))) return true;
      if (last == "com" || last == "net" || last == "org") return true;  // Newsfeed.Com
    }
    char buf[24];
    std::string_view low = LowerInto(right, buf);
    bool one_case = low == right || AllUpperOrDigit(right);  // "com", "DOC", not "It"
    if (!low.empty() && one_case && InList(low, kDotEndings) &&
        (r >= e || !IsAlnum(At(s_, r).cls))) {
      return true;  // example.com, report.doc
    }
    if (AllUpperOrDigit(right) && right.size() <= 4) {
      // Tickers: GAZP.MM, 0700.HK, and "Gazp.MM" after machine translation lower-cased it.
      if (AllUpperOrDigit(left)) return true;
      if (AllAsciiAlpha(left) && IsUpper(left.front()) && left.size() <= 5 && right.size() >= 2 &&
          AllAsciiAlpha(right) && (r >= e || !IsAlnum(At(s_, r).cls))) {
        return true;
      }
    }
    if (AllDigits(right) && !AllDigits(left) && right.size() <= 4 && left.size() <= 3) {
      return true;  // v.2, No.1
    }
    return false;
  }

  // Should the hyphen at q stay inside the token?
  bool JoinAtHyphen(size_t seg, size_t q, size_t e, char prev_joiner) const {
    std::string_view left = s_.substr(seg, q - seg);
    size_t r = AlnumEnd(q + 1, e);
    std::string_view right = s_.substr(q + 1, r - q - 1);
    if (right.empty()) return false;
    if (AllDigits(left) && AllDigits(right)) {
      if (prev_joiner == '-') return true;                                   // 1-800-991-9019
      if (r + 1 < e && s_[r] == '-' && IsDigitByte(s_[r + 1])) return true;  // 713-853-3989
      // 345-9945, zip+4, extension 3-5213 (not ranges like 1990-1995 or 5-10).
      return (left.size() == 1 || left.size() == 3 || left.size() == 5) && right.size() == 4 &&
             !(r < e && IsAlnum(At(s_, r).cls));
    }
    char buf[24];
    std::string_view low = LowerInto(left, buf);
    return !low.empty() && InList(low, kHyphenPrefixes);
  }

  size_t WordEnd(size_t p, size_t e, size_t token_begin) {
    size_t q = p;
    size_t seg = p;
    char prev_joiner = 0;
    bool numeric = true;  // Only digits and . , : / joiners so far.
    while (true) {
      size_t r = AlnumEnd(q, e);
      if (q == seg && numeric) {
        // A number with a unit glued on: "35mm" -> "35" "mm", "1.5bn", "7:30PM" -> "7:30" "PM".
        size_t d = q;
        while (d < r && IsDigitByte(s_[d])) ++d;
        if (d > q && d < r) {
          char buf[24];
          std::string_view low = LowerInto(s_.substr(d, r - d), buf);
          if (IsGluedUnit(s_.substr(d, r - d), low)) return d;
        }
        for (size_t k = q; k < r; ++k) numeric &= IsDigitByte(s_[k]);
      }
      q = r;
      if (q >= e) break;
      Ch c = At(s_, q);
      if (q + c.len >= e) break;
      Ch n = At(s_, q + c.len);
      bool join = false;
      switch (c.cp) {
        case '\'':
        case 0x2019:
        case '`':
          join = n.cls == kAlpha;  // don't, O'Brien, Putin's
          break;
        case '.':
          join = IsAlnum(n.cls) && JoinAtPeriod(seg, q, e, prev_joiner);
          break;
        case ',': {
          // Thousands: digits , ddd (not followed by another digit).
          if (AllDigits(s_.substr(seg, q - seg)) && q + 4 <= e && IsDigitByte(s_[q + 1]) &&
              IsDigitByte(s_[q + 2]) && IsDigitByte(s_[q + 3]) &&
              (q + 4 == e || !IsDigitByte(s_[q + 4]))) {
            join = true;
          }
          break;
        }
        case ':':
        case '/':
          join = IsDigitByte(s_[q - 1]) && n.cls == kDigit;  // 5:30, 9/11, 11/28/2000
          break;
        case '-':
          join = IsAlnum(n.cls) && JoinAtHyphen(seg, q, e, prev_joiner);
          break;
        case '&': {
          std::string_view left = s_.substr(seg, q - seg);
          size_t r2 = AlnumEnd(q + 1, e);
          std::string_view right = s_.substr(q + 1, r2 - q - 1);
          join = AllUpperOrDigit(left) && left.size() <= 3 && AllUpperOrDigit(right) &&
                 right.size() <= 3 && !right.empty();  // AT&T, P&L
          break;
        }
        case '_':
          join = IsAlnum(n.cls);
          break;
        default:
          break;
      }
      if (!join) break;
      prev_joiner = static_cast<char>(c.cp < 0x80 ? c.cp : '\'');
      numeric &= c.cp == '.' || c.cp == ',' || c.cp == ':' || c.cp == '/';
      q += c.len;
      seg = q;
    }
    if (q < e) {
      Ch c = At(s_, q);
      bool two_dots = q + 1 < e && s_[q + 1] == '.' && (q + 2 >= e || s_[q + 2] != '.');
      if (c.cp == '.' && (q + 1 >= e || s_[q + 1] != '.' || two_dots)) {
        std::string_view with = s_.substr(token_begin, q + 1 - token_begin);
        if (IsAbbreviation(with) || (!two_dots && NumberSignFollows(token_begin, q))) {
          // A possessive after the period stays in the token: "the E.U.'s chief".
          size_t a = q + 1;
          if (a < e && IsApostrophe(At(s_, a).cp)) {
            size_t sx = a + At(s_, a).len;
            if (sx < e && (s_[sx] == 's' || s_[sx] == 'S') &&
                (sx + 1 >= e || !IsAlnum(At(s_, sx + 1).cls))) {
              return sx + 1;
            }
          }
          return q + 1;
        }
      } else if (IsApostrophe(c.cp) && (q + c.len >= e || At(s_, q + c.len).cls != kAlpha)) {
        char last = s_[q - 1];
        if ((last == 's' || last == 'S') && !open_single_) return q + c.len;  // parents'
      }
    }
    return q;
  }

  // "No." / "no." keeps its period before a number ("No. 10").
  bool NumberSignFollows(size_t b, size_t q) const {
    std::string_view w = s_.substr(b, q - b);
    if (w != "No" && w != "no" && w != "Nos" && w != "nos") return false;
    size_t i = q + 1;
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    return i < s_.size() && IsDigitByte(s_[i]);
  }

  size_t PunctEnd(size_t p, size_t e, Ch c) {
    // Emoticons.
    static constexpr std::array<std::string_view, 18> kEmoticons = {
        ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", ":-/", ">:(",
        ":)",  ":(",  ":D",  ":P",  ":p",  ";)",  ":/",  "<3",  "=)"};
    if (c.cp == ':' || c.cp == ';' || c.cp == '>' || c.cp == '<' || c.cp == '=') {
      bool after_ok = p == chunk_begin_ || !IsAlnum(At(s_, p - 1).cls);
      for (std::string_view emo : kEmoticons) {
        if (s_.substr(p, emo.size()) == emo) {
          size_t q = p + emo.size();
          bool smiley = emo.back() == ')' || emo.back() == '(';
          if ((after_ok && (q >= e || !IsAlnum(At(s_, q).cls))) || (smiley && q == e)) return q;
        }
      }
    }
    size_t next = p + c.len;
    Ch n = next < e ? At(s_, next) : Ch{0, 0, kSpace};
    switch (c.cp) {
      case '.':
      case '!':
      case '?':
      case 0x2026: {
        size_t q = p;
        while (q < e) {
          Ch d = At(s_, q);
          if (d.cp != '.' && d.cp != '!' && d.cp != '?' && d.cp != 0x2026) break;
          q += d.len;
        }
        return q;
      }
      case '@':
      case '#':
        if (next < e && (IsAlnum(n.cls) || n.cp == '_') && (c.cp == '@' || n.cls == kAlpha)) {
          size_t q = next;
          while (q < e) {
            Ch d = At(s_, q);
            if (d.cp == '.' && c.cp == '@' && q + 1 < e && IsAlnum(At(s_, q + 1).cls)) {
              q += 1;  // "@example.com"
              continue;
            }
            if (!IsAlnum(d.cls) && d.cp != '_') break;
            q += d.len;
          }
          return q;
        }
        return SameRun(p, e, c.cp);
      case '\'':
      case 0x2019:
      case 0x2018:
        if (next < e && n.cls == kDigit) return WordEnd(next, e, p);  // '90s
        if (next < e && n.cls == kAlpha) {
          size_t r = AlnumEnd(next, e);
          char buf[24];
          std::string_view low = LowerInto(s_.substr(next, r - next), buf);
          static constexpr std::array<std::string_view, 11> kLeadingClitics = {
              "s", "m", "d", "ll", "re", "ve", "em", "cause", "til", "tis", "twas"};
          if (!low.empty() && InList(low, kLeadingClitics) && (r >= e || !IsAlnum(At(s_, r).cls)) &&
              (p == chunk_begin_ || low.size() <= 2)) {
            // "'s" after a space, "'em", "'cause". An opening quote before "s" is rare.
            if (low.size() > 2 || p != chunk_begin_ || !open_single_) return r;
          }
        }
        if (c.cp == '\'' && n.cp == '\'') return next + 1;  // '' as a closing double quote
        if (c.cp == 0x2018 || p == chunk_begin_) {
          open_single_ = true;
        } else {
          open_single_ = false;
        }
        return next;
      case '`':
        if (n.cp == '`') return next + 1;
        return next;
      case '-':
      case '=': {
        size_t q = p;
        while (q < e && (s_[q] == '-' || s_[q] == '=')) ++q;  // "--", "----==", "=---"
        return q;
      }
      case '*':
      case '_':
      case '~':
      case '+':
      case '<':
      case '>':
      case '|':
      case '^':
      case '/':
      case '\\':
      case '$':
        return SameRun(p, e, c.cp);
      default:
        return next;
    }
  }

  size_t SameRun(size_t p, size_t e, char32_t cp) const {
    size_t q = p;
    while (q < e) {
      Ch d = At(s_, q);
      if (d.cp != cp) break;
      q += d.len;
    }
    return q;
  }

  std::string_view s_;
  std::vector<ScanToken>& out_;
  size_t chunk_begin_ = 0;
  size_t email_fail_until_ = 0;  // Starts before this offset cannot begin an e-mail address.
  bool has_at_ = false;
  bool open_single_ = false;
};

bool EndsWithCI(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (Lower(s[s.size() - suffix.size() + i]) != suffix[i]) return false;
  }
  return true;
}

// Length in bytes of the apostrophe that ends s[..at) (', ’ or `), 0 when none.
size_t ApostropheBefore(std::string_view s, size_t at) {
  if (at >= 1 && (s[at - 1] == '\'' || s[at - 1] == '`')) return 1;
  if (at >= 3 && s.substr(at - 3, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

struct NoApostrophe {
  std::string_view word;
  uint32_t split;
};

// Contractions written without an apostrophe, split as EWT does.
constexpr std::array<NoApostrophe, 30> kNoApostrophe = {{
    {"cannot", 3},  {"gonna", 3},    {"wanna", 3},  {"gotta", 3},  {"outta", 3}, {"dont", 2},
    {"didnt", 3},   {"doesnt", 4},   {"cant", 2},   {"wont", 2},   {"isnt", 2},  {"wasnt", 3},
    {"arent", 3},   {"werent", 4},   {"havent", 4}, {"hasnt", 3},  {"hadnt", 3}, {"couldnt", 5},
    {"wouldnt", 5}, {"shouldnt", 6}, {"aint", 2},   {"im", 1},     {"ive", 1},   {"thats", 4},
    {"whats", 4},   {"theres", 5},   {"youre", 3},  {"theyre", 4}, {"itll", 2},  {"hes", 2},
}};

}  // namespace

void ScanTokens(std::string_view text, std::vector<ScanToken>& out) {
  out.clear();  // Keeps the caller's capacity.
  Scanner(text, out).Run();
}

bool IsAbbreviation(std::string_view token) {
  if (token.size() < 2 || token.back() != '.') return false;
  std::string_view body = token.substr(0, token.size() - 1);
  if (body.find('.') != std::string_view::npos) {
    // Letters with periods: U.S, D.C, e.g, a.m, Ph.D.
    size_t start = 0;
    while (start <= body.size()) {
      size_t dot = body.find('.', start);
      std::string_view seg =
          body.substr(start, dot == std::string_view::npos ? body.npos : dot - start);
      if (seg.empty() || seg.size() > 2 || !AllAsciiAlpha(seg)) return false;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    return true;
  }
  size_t i = 0;
  Ch c = At(body, i);
  if (c.len == body.size() && c.cls == kAlpha) return true;  // Initial: "J."
  if (InList(body, kAbbreviations)) return true;
  if (body.size() >= 2 && body.size() < 8 && AllUpperOrDigit(body) && AllAsciiAlpha(body)) {
    // "LTD.", "CORP.": look up the title-case form.
    char buf[8];
    buf[0] = body[0];
    for (size_t k = 1; k < body.size(); ++k) buf[k] = Lower(body[k]);
    std::string_view title(buf, body.size());
    return title != "No" && title != "Us" && InList(title, kAbbreviations);
  }
  return false;
}

int SplitWords(std::string_view t, WordPiece pieces[3]) {
  const uint32_t n = static_cast<uint32_t>(t.size());
  pieces[0] = {0, n};
  if (n < 2) return 1;
  auto alnum_before = [&](size_t at) {
    if (at == 0) return false;
    size_t k = at - 1;
    while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
    return IsAlnum(At(t, k).cls);
  };
  // Clitics with an apostrophe, longest first: n't, 's 'm 'd 'll 're 've.
  uint32_t end = n;
  int count = 0;
  WordPiece tail[2];
  for (int round = 0; round < 2; ++round) {
    std::string_view body = t.substr(0, end);
    bool found = false;
    if (EndsWithCI(body, "t")) {
      size_t ap = ApostropheBefore(body, end - 1);
      if (ap > 0 && end - 1 - ap >= 1 && Lower(body[end - 1 - ap - 1]) == 'n' &&
          end - 1 - ap - 1 >= 1) {
        uint32_t b = static_cast<uint32_t>(end - 1 - ap - 1);
        if (alnum_before(b)) {
          tail[count++] = {b, end};
          end = b;
          found = true;
        }
      }
    }
    if (!found && round == 0) {
      static constexpr std::array<std::string_view, 6> kClitics = {"ll", "re", "ve", "s", "m", "d"};
      for (std::string_view c : kClitics) {
        if (!EndsWithCI(body, c)) continue;
        size_t ap = ApostropheBefore(body, end - c.size());
        if (ap == 0) continue;
        uint32_t b = static_cast<uint32_t>(end - c.size() - ap);
        if (b == 0 || !(alnum_before(b) || (c == "s" && t[b - 1] == '.'))) continue;
        if (c == "s" && IsDigitByte(t[b - 1])) continue;  // Decades and plurals: "80's", "747's".
        tail[count++] = {b, end};
        end = b;
        found = true;
        break;
      }
    }
    if (!found && round == 0 && (body.back() == '\'' || EndsWithCI(body, "\xE2\x80\x99"))) {
      // Plural possessive: parents' -> parents + '.
      size_t ap = body.back() == '\'' ? 1 : 3;
      if (body.size() > ap && Lower(body[body.size() - ap - 1]) == 's') {
        uint32_t b = static_cast<uint32_t>(end - ap);
        tail[count++] = {b, end};
        end = b;
        found = true;
      }
    }
    if (!found) break;
  }
  if (count > 0) {
    int k = 0;
    pieces[k++] = {0, end};
    for (int i = count - 1; i >= 0; --i) pieces[k++] = tail[i];
    return k;
  }
  char buf[24];
  std::string_view low = LowerInto(t, buf);
  if (low.empty()) return 1;
  for (const NoApostrophe& na : kNoApostrophe) {
    if (low == na.word) {
      pieces[0] = {0, na.split};
      pieces[1] = {na.split, n};
      return 2;
    }
  }
  return 1;
}

}  // namespace annals::nlp::tokenize
