// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/dates.h"

#include <cstdio>
#include <string>

#include "util/text.h"

namespace annals::io {
namespace {

void CivilFromDays(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

// A tiny cursor over the input.
struct Scanner {
  std::string_view s;
  size_t i = 0;
  bool Done() const { return i >= s.size(); }
  char Peek() const { return Done() ? '\0' : s[i]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i;
    return true;
  }
  // Exactly `n` digits.
  bool Digits(int n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (int k = 0; k < n; ++k) {
      char c = s[i + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i += n;
    out = v;
    return true;
  }
  // 1..max digits.
  bool Number(int max, int& out) {
    int v = 0, n = 0;
    while (n < max && i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    if (n == 0) return false;
    out = v;
    return true;
  }
  void Spaces() {
    while (Peek() == ' ' || Peek() == '\t') ++i;
  }
  std::string_view Word() {
    size_t b = i;
    while (!Done() &&
           ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '.')) {
      ++i;
    }
    return s.substr(b, i - b);
  }
};

std::string Format(int y, int mo, int d, int h, int mi, int se, bool utc) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, se,
                utc ? "Z" : "");
  return buf;
}

bool ValidTime(int h, int mi, int se) { return h <= 23 && mi <= 59 && se <= 60; }

// "Z", "+02:00", "+0200", "-05"; offset in minutes. `present` false when nothing is there.
bool NumericZone(Scanner& sc, int& offset, bool& present) {
  present = false;
  if (sc.Eat('Z') || sc.Eat('z')) {
    present = true;
    offset = 0;
    return true;
  }
  char sign = sc.Peek();
  if (sign != '+' && sign != '-') return true;
  ++sc.i;
  int hh = 0, mm = 0;
  if (!sc.Digits(2, hh)) return false;
  if (sc.Eat(':')) {
    if (!sc.Digits(2, mm)) return false;
  } else {
    sc.Digits(2, mm);  // Optional.
  }
  if (hh > 23 || mm > 59) return false;
  offset = (hh * 60 + mm) * (sign == '-' ? -1 : 1);
  present = true;
  return true;
}

std::string ParseIso(std::string_view s) {
  Scanner sc{s};
  int y = 0, mo = 0, d = 0;
  if (!sc.Digits(4, y) || !sc.Eat('-') || !sc.Digits(2, mo) || !sc.Eat('-') || !sc.Digits(2, d)) {
    return "";
  }
  if (!ValidDate(y, mo, d)) return "";
  if (sc.Done()) return IsoDate(y, mo, d);
  if (!sc.Eat('T') && !sc.Eat('t') && !sc.Eat(' ')) return "";
  int h = 0, mi = 0, se = 0;
  if (!sc.Digits(2, h) || !sc.Eat(':') || !sc.Digits(2, mi)) return "";
  if (sc.Eat(':')) {
    if (!sc.Digits(2, se)) return "";
    if (sc.Eat('.') || sc.Eat(',')) {
      int frac = 0;
      if (!sc.Number(1, frac)) return "";
      while (!sc.Done() && sc.Peek() >= '0' && sc.Peek() <= '9') ++sc.i;
    }
  }
  if (!ValidTime(h, mi, se)) return "";
  sc.Spaces();
  int offset = 0;
  bool zoned = false;
  if (!NumericZone(sc, offset, zoned)) return "";
  if (!zoned && (sc.s.substr(sc.i) == "UTC" || sc.s.substr(sc.i) == "GMT")) {
    sc.i = sc.s.size();
    zoned = true;
  }
  if (!sc.Done()) return "";
  if (se == 60) se = 59;  // Leap second: close enough for a publication time.
  if (!zoned) return Format(y, mo, d, h, mi, se, false);
  return IsoDateTimeWithOffset(y, mo, d, h, mi, se, offset);
}

// RFC 822/1123 as in RSS: "Tue, 02 Sep 2025 08:15:00 GMT"; the weekday is optional (and not
// checked), the time and zone are optional.
std::string ParseRfc822(std::string_view s) {
  Scanner sc{s};
  std::string_view w = sc.Word();
  if (!w.empty()) {
    sc.Spaces();
    if (!sc.Eat(',')) return "";
    sc.Spaces();
  }
  int d = 0, y = 0;
  if (!sc.Number(2, d)) return "";
  sc.Spaces();
  sc.Eat('-');
  int mo = MonthFromName(sc.Word());
  if (mo == 0) return "";
  sc.Spaces();
  sc.Eat('-');
  size_t ys = sc.i;
  if (!sc.Number(4, y)) return "";
  if (sc.i - ys == 2) y += y < 70 ? 2000 : 1900;
  if (!ValidDate(y, mo, d)) return "";
  sc.Spaces();
  if (sc.Done()) return IsoDate(y, mo, d);
  int h = 0, mi = 0, se = 0;
  if (!sc.Digits(2, h) || !sc.Eat(':') || !sc.Digits(2, mi)) return "";
  if (sc.Eat(':') && !sc.Digits(2, se)) return "";
  if (!ValidTime(h, mi, se)) return "";
  if (se == 60) se = 59;
  sc.Spaces();
  int offset = 0;
  bool zoned = false;
  if (!NumericZone(sc, offset, zoned)) return "";
  if (!zoned) {
    std::string zone = std::string(sc.Word());
    struct Named {
      const char* name;
      int hours;
    };
    static constexpr Named kZones[] = {{"GMT", 0},  {"UT", 0},   {"UTC", 0},  {"EST", -5},
                                       {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7},
                                       {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    if (zone.empty()) return sc.Done() ? Format(y, mo, d, h, mi, se, false) : "";
    bool found = false;
    for (const Named& z : kZones) {
      if (zone == z.name) {
        offset = z.hours * 60;
        found = true;
      }
    }
    if (!found) return "";
  }
  sc.Spaces();
  if (!sc.Done()) return "";
  return IsoDateTimeWithOffset(y, mo, d, h, mi, se, offset);
}

}  // namespace

bool ValidDate(int year, int month, int day) {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

std::string IsoDate(int year, int month, int day) {
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string IsoDateTimeWithOffset(int year, int month, int day, int hour, int minute, int second,
                                  int offset_minutes) {
  char buf[64];
  int n = std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour,
                        minute, second);
  if (offset_minutes == 0) {
    std::snprintf(buf + n, sizeof(buf) - n, "Z");
  } else {
    int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    std::snprintf(buf + n, sizeof(buf) - n, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                  a / 60 % 100, a % 60);
  }
  return buf;
}

std::string EpochToIso(int64_t seconds) {
  // 1800-01-01 .. 2200-12-31 keeps the arithmetic far from overflow.
  if (seconds < -5364662400LL || seconds > 7289654399LL) return "";
  int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  int64_t rem = seconds - days * 86400;
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, y, m, d);
  return Format(y, m, d, static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60),
                static_cast<int>(rem % 60), true);
}

int MonthFromName(std::string_view name) {
  std::string n = util::AsciiLower(name);
  if (!n.empty() && n.back() == '.') n.pop_back();
  static constexpr const char* kFull[] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};
  if (n.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kFull[m];
    if (n == full) return m + 1;
    if (n.size() == 3 && full.substr(0, 3) == n) return m + 1;
  }
  if (n == "sept") return 9;
  return 0;
}

std::string NormalizeDate(std::string_view s) {
  s = util::TrimAsciiSpace(s);
  if (s.empty() || s.size() > 64) return "";
  bool digits = true;
  for (char c : s) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    if (s.size() < 9 || s.size() > 11) return "";
    int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return EpochToIso(v);
  }
  if (s.size() >= 10 && s[4] == '-') return ParseIso(s);
  return ParseRfc822(s);
}

}  // namespace annals::io
