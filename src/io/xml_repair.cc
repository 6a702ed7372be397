// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/xml_repair.h"

#include <string>
#include <string_view>

namespace annals::io {
namespace {

struct Entity {
  std::string_view name;
  char32_t cp;
};

// Latin-1 (160-255) in code point order, then the general punctuation and symbols feeds use.
constexpr std::string_view kLatin1[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

constexpr Entity kOther[] = {
    {"OElig", 338},   {"oelig", 339},   {"Scaron", 352},  {"scaron", 353},  {"Yuml", 376},
    {"fnof", 402},    {"circ", 710},    {"tilde", 732},   {"ensp", 8194},   {"emsp", 8195},
    {"thinsp", 8201}, {"zwnj", 8204},   {"zwj", 8205},    {"lrm", 8206},    {"rlm", 8207},
    {"ndash", 8211},  {"mdash", 8212},  {"lsquo", 8216},  {"rsquo", 8217},  {"sbquo", 8218},
    {"ldquo", 8220},  {"rdquo", 8221},  {"bdquo", 8222},  {"dagger", 8224}, {"Dagger", 8225},
    {"bull", 8226},   {"hellip", 8230}, {"permil", 8240}, {"prime", 8242},  {"Prime", 8243},
    {"lsaquo", 8249}, {"rsaquo", 8250}, {"euro", 8364},   {"trade", 8482},  {"larr", 8592},
    {"uarr", 8593},   {"rarr", 8594},   {"darr", 8595},   {"minus", 8722},  {"le", 8804},
    {"ge", 8805},     {"ne", 8800},     {"infin", 8734},  {"asymp", 8776},  {"Alpha", 913},
    {"alpha", 945},   {"beta", 946},    {"gamma", 947},   {"delta", 948},   {"mu", 956},
    {"pi", 960},      {"sigma", 963},   {"omega", 969},   {"hearts", 9829}, {"apos", 39},
};

bool IsNameStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}
bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsHex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr size_t kMaxRef = 40;  // Longest reference we wait for.

// Length of a well-formed character reference at s[0] == '&' ("&#123;", "&#x1F;"), 0 if none,
// npos if more input is needed.
size_t CharRef(std::string_view s, bool last) {
  size_t i = 2;
  bool hex = s.size() > 2 && (s[2] == 'x' || s[2] == 'X');
  if (hex) ++i;
  size_t digits = 0;
  while (i < s.size() && (hex ? IsHex(s[i]) : (s[i] >= '0' && s[i] <= '9'))) {
    ++i;
    ++digits;
    if (digits > 8) return 0;
  }
  if (i >= s.size()) return last ? 0 : std::string_view::npos;
  return (digits > 0 && s[i] == ';') ? i + 1 : 0;
}

void AppendCharRef(char32_t cp, std::string& out) {
  out += "&#";
  out += std::to_string(static_cast<uint32_t>(cp));
  out += ';';
}

}  // namespace

char32_t HtmlEntityCodePoint(std::string_view name) {
  for (size_t i = 0; i < std::size(kLatin1); ++i) {
    if (kLatin1[i] == name) return static_cast<char32_t>(160 + i);
  }
  for (const Entity& e : kOther) {
    if (e.name == name) return e.cp;
  }
  return 0;
}

void XmlRepairFilter::Process(std::string_view in, bool last, std::string& out) {
  std::string buf;
  std::string_view s = in;
  if (!held_.empty()) {
    buf = std::move(held_);
    held_.clear();
    buf.append(in);
    s = buf;
  }
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    if (in_cdata_) {
      size_t end = s.find("]]>", i);
      if (end == std::string_view::npos) {
        size_t keep = last ? n : (n >= 2 ? n - 2 : 0);
        if (keep < i) keep = i;
        out.append(s.substr(i, keep - i));
        i = keep;
        break;
      }
      out.append(s.substr(i, end + 3 - i));
      i = end + 3;
      in_cdata_ = false;
      continue;
    }
    size_t next = s.find_first_of("&<", i);
    if (next == std::string_view::npos) {
      out.append(s.substr(i));
      i = n;
      break;
    }
    out.append(s.substr(i, next - i));
    i = next;
    std::string_view rest = s.substr(i);
    if (s[i] == '<') {
      if (rest.size() < 9 && !last &&
          std::string_view("<![CDATA[").substr(0, rest.size()) == rest) {
        break;  // Might be the start of a CDATA section.
      }
      if (rest.substr(0, 9) == "<![CDATA[") {
        out.append(rest.substr(0, 9));
        i += 9;
        in_cdata_ = true;
        continue;
      }
      if (rest.size() < 2) {
        if (!last) break;
        out += "&lt;";
        ++i;
        continue;
      }
      unsigned char c = static_cast<unsigned char>(rest[1]);
      if (IsNameStart(c) || c == '/' || c == '!' || c == '?') {
        out += '<';
      } else {
        out += "&lt;";
      }
      ++i;
      continue;
    }
    // '&'
    if (rest.size() < 2) {
      if (!last) break;
      out += "&amp;";
      ++i;
      continue;
    }
    if (rest[1] == '#') {
      size_t len = CharRef(rest, last);
      if (len == std::string_view::npos) {
        if (rest.size() < kMaxRef) break;
        len = 0;
      }
      if (len > 0) {
        out.append(rest.substr(0, len));
        i += len;
      } else {
        out += "&amp;";
        ++i;
      }
      continue;
    }
    size_t j = 1;
    while (j < rest.size() && j < kMaxRef && IsAlnum(static_cast<unsigned char>(rest[j]))) ++j;
    if (j == rest.size() && !last && rest.size() < kMaxRef) break;  // Need more input.
    if (j > 1 && j < rest.size() && rest[j] == ';' && (rest[1] < '0' || rest[1] > '9')) {
      std::string_view name = rest.substr(1, j - 1);
      if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
        out.append(rest.substr(0, j + 1));
      } else if (char32_t cp = HtmlEntityCodePoint(name); cp != 0) {
        AppendCharRef(cp, out);
      } else {
        out += "&amp;";
        out.append(name);
        out += ';';
      }
      i += j + 1;
      continue;
    }
    out += "&amp;";
    ++i;
  }
  if (i < n) held_.assign(s.substr(i));
}

}  // namespace annals::io
