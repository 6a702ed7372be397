// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/web_date.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/dates.h"
#include "util/text.h"

namespace annals::io {
namespace {

struct DateParts {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_zone = false;
  int offset_minutes = 0;  // Local time minus UTC.
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool Valid(const DateParts& d) {
  if (d.year < 1000 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.day > DaysInMonth(d.year, d.month)) return false;
  if (d.has_time && (d.hour > 23 || d.minute > 59 || d.second > 60)) return false;
  return d.offset_minutes > -24 * 60 && d.offset_minutes < 24 * 60;
}

std::string Format(DateParts d) {
  char buf[32];
  if (!d.has_time) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  if (d.second == 60) d.second = 59;  // Leap second: keep the minute.
  if (d.has_zone) {
    return IsoDateTimeWithOffset(d.year, d.month, d.day, d.hour, d.minute, d.second,
                                 d.offset_minutes);
  }
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, d.hour,
                d.minute, d.second);
  return buf;
}

// Reads exactly `n` digits at s[i].
bool Digits(std::string_view s, size_t& i, size_t n, int& out) {
  if (i + n > s.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!IsDigit(s[i + k])) return false;
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  out = v;
  return true;
}

// Named zones of RFC 822 and the common abbreviations feeds use; offset in minutes.
std::optional<int> NamedZone(std::string_view w) {
  struct Zone {
    std::string_view name;
    int offset;
  };
  static constexpr Zone kZones[] = {
      {"ut", 0},        {"utc", 0},       {"gmt", 0},       {"z", 0},         {"est", -5 * 60},
      {"edt", -4 * 60}, {"cst", -6 * 60}, {"cdt", -5 * 60}, {"mst", -7 * 60}, {"mdt", -6 * 60},
      {"pst", -8 * 60}, {"pdt", -7 * 60}, {"bst", 60},      {"cet", 60},      {"cest", 120},
      {"eet", 120},     {"eest", 180},    {"jst", 9 * 60},  {"ist", 330},
  };
  for (const Zone& z : kZones) {
    if (w == z.name) return z.offset;
  }
  // RFC 822 military zones: RFC 2822 says to treat them as -0000 (unknown offset, i.e. UTC).
  if (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z' && w[0] != 'j') return 0;
  return std::nullopt;
}

// "+02:00", "+0200", "+02", "-0430" at s[i].
bool NumericZone(std::string_view s, size_t& i, int& offset) {
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
  int sign = s[i] == '-' ? -1 : 1;
  size_t j = i + 1;
  int h = 0, m = 0;
  if (!Digits(s, j, 2, h)) return false;
  if (j < s.size() && s[j] == ':') {
    ++j;
    if (!Digits(s, j, 2, m)) return false;
  } else if (j + 1 < s.size() && IsDigit(s[j])) {
    if (!Digits(s, j, 2, m)) return false;
  }
  if (h > 23 || m > 59) return false;
  offset = sign * (h * 60 + m);
  i = j;
  return true;
}

// ISO 8601 / RFC 3339 and the close variants sites write.
bool ParseIso(std::string_view s, DateParts& d) {
  size_t i = 0;
  if (!Digits(s, i, 4, d.year)) return false;
  if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
    char sep = s[i++];
    if (!Digits(s, i, 2, d.month)) {
      if (!Digits(s, i, 1, d.month)) return false;
    }
    if (i >= s.size() || s[i] != sep) return false;
    ++i;
    if (!Digits(s, i, 2, d.day)) {
      if (!Digits(s, i, 1, d.day)) return false;
    }
  } else {
    if (!Digits(s, i, 2, d.month) || !Digits(s, i, 2, d.day)) return false;
  }
  if (i == s.size()) return true;
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (!Digits(s, i, 2, d.hour)) return false;
  if (i < s.size() && s[i] == ':') ++i;
  if (!Digits(s, i, 2, d.minute)) return false;
  d.has_time = true;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size() && IsDigit(s[i])) {
    if (!Digits(s, i, 2, d.second)) return false;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      if (i >= s.size() || !IsDigit(s[i])) return false;
      while (i < s.size() && IsDigit(s[i])) ++i;
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i == s.size()) return true;
  if (NumericZone(s, i, d.offset_minutes)) {
    d.has_zone = true;
  } else {
    size_t j = i;
    while (j < s.size() && IsAlpha(s[j])) ++j;
    std::optional<int> z = NamedZone(util::AsciiLower(s.substr(i, j - i)));
    if (!z) return false;
    d.has_zone = true;
    d.offset_minutes = *z;
    i = j;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  return i == s.size();
}

int MonthFromWord(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m] || w == kFull[m]) return m + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

bool IsWeekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {
      "mon", "tue",    "tues",    "wed",       "thu",      "thur",   "thurs",    "fri",   "sat",
      "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view d : kDays) {
    if (w == d) return true;
  }
  return false;
}

// RFC 822 and written dates, read as a sequence of words, numbers, times and zones.
bool ParseWords(std::string_view s, DateParts& d) {
  std::string lower = util::AsciiLower(s);
  std::string_view t = lower;
  size_t i = 0;
  bool have_day = false, have_year = false, pm = false, am = false;
  while (i < t.size()) {
    char c = t[i];
    if (c == ' ' || c == ',' || c == '.' || c == '\t') {
      ++i;
      continue;
    }
    if ((c == '+' || c == '-') && d.has_time && !d.has_zone) {
      if (!NumericZone(t, i, d.offset_minutes)) return false;
      d.has_zone = true;
      continue;
    }
    if (c == '-' || c == '/') {  // "02-Sep-2025".
      ++i;
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i;
      while (j < t.size() && IsDigit(t[j])) ++j;
      if (j < t.size() && t[j] == ':') {  // A time.
        if (d.has_time) return false;
        size_t k = i;
        int h = 0;
        if (j - i == 1) {
          if (!Digits(t, k, 1, h)) return false;
        } else if (!Digits(t, k, 2, h)) {
          return false;
        }
        if (k != j) return false;
        ++k;
        if (!Digits(t, k, 2, d.minute)) return false;
        if (k < t.size() && t[k] == ':') {
          ++k;
          if (!Digits(t, k, 2, d.second)) return false;
        }
        d.hour = h;
        d.has_time = true;
        i = k;
        continue;
      }
      std::string_view num = t.substr(i, j - i);
      // Ordinal suffixes: "2nd".
      size_t w = j;
      while (w < t.size() && IsAlpha(t[w])) ++w;
      std::string_view suffix = t.substr(j, w - j);
      if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
        return false;
      }
      int v = 0;
      if (num.size() > 4) return false;
      for (char ch : num) v = v * 10 + (ch - '0');
      if (num.size() == 4) {
        if (have_year) return false;
        d.year = v;
        have_year = true;
      } else if (!have_day && num.size() <= 2) {
        d.day = v;
        have_day = true;
      } else if (!have_year && num.size() == 2) {
        d.year = v < 50 ? 2000 + v : 1900 + v;
        have_year = true;
      } else {
        return false;
      }
      i = w;
      continue;
    }
    if (IsAlpha(c)) {
      size_t j = i;
      while (j < t.size() && IsAlpha(t[j])) ++j;
      std::string_view word = t.substr(i, j - i);
      i = j;
      if (int m = MonthFromWord(word); m != 0 && d.month == 0) {
        d.month = m;
      } else if (IsWeekday(word) || word == "at" || word == "of" || word == "the" || word == "on") {
      } else if (word == "am" && d.has_time) {
        am = true;
      } else if (word == "pm" && d.has_time) {
        pm = true;
      } else if (d.has_time && !d.has_zone && NamedZone(word)) {
        d.offset_minutes = *NamedZone(word);
        d.has_zone = true;
      } else {
        return false;
      }
      continue;
    }
    return false;
  }
  if (!have_day || !have_year || d.month == 0) return false;
  if (am || pm) {
    if (d.hour < 1 || d.hour > 12) return false;
    if (am && d.hour == 12) d.hour = 0;
    if (pm && d.hour != 12) d.hour += 12;
  }
  return true;
}

}  // namespace

std::string NormalizeWebDate(std::string_view text) {
  std::string_view s = util::TrimAsciiSpace(text);
  if (s.empty() || s.size() > 100) return "";
  DateParts d;
  if (s.size() >= 8 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) &&
      ParseIso(s, d) && Valid(d)) {
    return Format(d);
  }
  d = DateParts();
  if (ParseWords(s, d) && Valid(d)) return Format(d);
  return "";
}

}  // namespace annals::io
