// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// A small hand-written scanner: the text is cut into word/number/punctuation tokens with byte
// spans, and each position is tried against the expression patterns below, longest first.
#include "annals/dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.h"

namespace annals {
namespace {

struct Tok {
  std::string_view raw;  // As written.
  std::string lower;     // ASCII-lowered.
  uint32_t begin = 0;
  uint32_t end = 0;
  bool digits = false;  // All ASCII digits.
  bool upper_initial = false;
};

std::vector<Tok> Tokenize(std::string_view text) {
  std::vector<Tok> out;
  size_t i = 0;
  auto alnum = [](unsigned char c) { return std::isalnum(c) != 0; };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    size_t b = i;
    if (alnum(c)) {
      while (i < text.size() && alnum(static_cast<unsigned char>(text[i]))) ++i;
    } else if (c == '\'' && i + 1 < text.size() && text[i + 1] == 's') {
      i += 2;  // Possessive "'s" stays one token so "1990s'" and "week's" don't confuse patterns.
    } else {
      size_t j = i;
      util::DecodeUtf8(text, j);
      i = j;
    }
    Tok t;
    t.raw = text.substr(b, i - b);
    t.lower = util::AsciiLower(t.raw);
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(i);
    t.digits = !t.raw.empty() && std::all_of(t.raw.begin(), t.raw.end(),
                                             [](char ch) { return ch >= '0' && ch <= '9'; });
    t.upper_initial = std::isupper(c) != 0;
    out.push_back(std::move(t));
  }
  return out;
}

// Month names and their accepted abbreviations (with or without a following period).
int MonthOf(std::string_view w) {
  static constexpr std::array<std::array<std::string_view, 3>, 12> kMonths = {{
      {"january", "jan", ""},
      {"february", "feb", ""},
      {"march", "mar", ""},
      {"april", "apr", ""},
      {"may", "", ""},
      {"june", "jun", ""},
      {"july", "jul", ""},
      {"august", "aug", ""},
      {"september", "sept", "sep"},
      {"october", "oct", ""},
      {"november", "nov", ""},
      {"december", "dec", ""},
  }};
  for (int m = 0; m < 12; ++m) {
    for (std::string_view n : kMonths[m]) {
      if (!n.empty() && w == n) return m + 1;
    }
  }
  return 0;
}

int WeekdayOf(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d) {
    if (w == kDays[d]) return d;
  }
  return -1;
}

// "2", "2nd", "21st" -> day number, 0 otherwise.
int DayOf(const Tok& t) {
  std::string_view s = t.lower;
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view suffix = s.substr(n);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  int d = std::atoi(std::string(s.substr(0, n)).c_str());
  return d >= 1 && d <= 31 ? d : 0;
}

int YearOf(const Tok& t) {
  if (!t.digits || t.raw.size() != 4) return 0;
  int y = std::atoi(t.lower.c_str());
  return y >= 1000 && y <= 2999 ? y : 0;
}

// Small counts written as words or digits ("three", "3", "a", "an"); approximate counts set
// `approx` ("a few" = 3, "several" = 3, "a couple of" = 2).
std::optional<int> CountOf(const std::vector<Tok>& t, size_t i, size_t& used, bool& approx) {
  static constexpr std::array<std::string_view, 21> kWords = {
      "zero",     "one",     "two",     "three",     "four",     "five",     "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  approx = false;
  used = 1;
  const std::string& w = t[i].lower;
  if (t[i].digits && t[i].raw.size() <= 4) return std::atoi(w.c_str());
  for (size_t k = 0; k < kWords.size(); ++k) {
    if (w == kWords[k]) return static_cast<int>(k);
  }
  if (w == "a" || w == "an") {
    if (i + 1 < t.size() && t[i + 1].lower == "few") {
      used = 2;
      approx = true;
      return 3;
    }
    if (i + 2 < t.size() && t[i + 1].lower == "couple" && t[i + 2].lower == "of") {
      used = 3;
      approx = true;
      return 2;
    }
    return 1;
  }
  if (w == "few" || w == "several") {
    approx = true;
    return 3;
  }
  return std::nullopt;
}

bool IsUnit(std::string_view w, std::string_view unit) {
  return w == unit ||
         (w.size() == unit.size() + 1 && w.substr(0, unit.size()) == unit && w.back() == 's');
}

CivilDate AddDays(const CivilDate& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

CivilDate AddMonths(const CivilDate& d, int n) {
  int m0 = d.year * 12 + (d.month - 1) + n;
  return CivilDate{m0 / 12, m0 % 12 + 1, 0};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}
bool ValidDay(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

// True when the few tokens before `i` in the same sentence speak of the future.
bool FutureContext(const std::vector<Tok>& t, size_t i) {
  static constexpr std::array<std::string_view, 12> kMarkers = {
      "will",  "shall",   "'ll",      "scheduled", "expected", "due",
      "plans", "planned", "upcoming", "set",       "tomorrow", "next"};
  for (size_t k = i, n = 0; k > 0 && n < 8; --k, ++n) {
    const std::string& w = t[k - 1].lower;
    if (w == "." || w == "!" || w == "?") break;
    for (std::string_view m : kMarkers) {
      if (w == m) return true;
    }
    if ((w == "to") && k >= 2 && (t[k - 2].lower == "is" || t[k - 2].lower == "are")) return true;
  }
  return false;
}

bool AnchorValid(const CivilDate& a) { return a.year > 0 && ValidDay(a.year, a.month, a.day); }

}  // namespace

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kDecade:
      return "decade";
  }
  return "day";
}

std::string DateMention::Iso() const {
  char buf[32];
  switch (precision) {
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", date.year, date.month, date.day);
      break;
    case DatePrecision::kWeek: {
      // ISO week of the Monday `date`: the week's Thursday decides the ISO year.
      CivilDate thursday = AddDays(date, 3);
      int64_t jan1 = DaysFromCivil({thursday.year, 1, 1});
      int week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7) + 1;
      std::snprintf(buf, sizeof(buf), "%04d-W%02d", thursday.year, week);
      break;
    }
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof(buf), "%04d-%02d", date.year, date.month);
      break;
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof(buf), "%04d", date.year);
      break;
    case DatePrecision::kDecade:
      std::snprintf(buf, sizeof(buf), "%04ds", date.year);
      break;
  }
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms).
int64_t DaysFromCivil(const CivilDate& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (d.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int Weekday(const CivilDate& d) {
  int64_t days = DaysFromCivil(d);  // 1970-01-01 was a Thursday (3).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

Result<CivilDate> ParseIsoDate(std::string_view s) {
  auto num = [&](size_t at, size_t n, int& out) {
    if (s.size() < at + n) return false;
    out = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[at + k];
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  CivilDate d;
  if (!num(0, 4, d.year)) return InvalidArgumentError("not an ISO date: '" + std::string(s) + "'");
  if (s.size() == 4) return d;
  if (s[4] != '-' || !num(5, 2, d.month) || d.month < 1 || d.month > 12) {
    return InvalidArgumentError("not an ISO date: '" + std::string(s) + "'");
  }
  if (s.size() == 7) return d;
  if (s[7] != '-' || !num(8, 2, d.day) || !ValidDay(d.year, d.month, d.day) ||
      (s.size() > 10 && s[10] != 'T' && s[10] != ' ')) {
    return InvalidArgumentError("not an ISO date: '" + std::string(s) + "'");
  }
  return d;
}

std::vector<DateMention> FindDates(std::string_view text, const CivilDate& anchor) {
  std::vector<Tok> t = Tokenize(text);
  std::vector<DateMention> out;
  const bool have_anchor = AnchorValid(anchor);
  auto emit = [&](size_t first, size_t last, CivilDate d, DatePrecision p, bool relative,
                  bool approx) {
    DateMention m;
    m.span = {t[first].begin, t[last].end};
    m.text = std::string(text.substr(m.span.begin, m.span.size()));
    m.date = d;
    if (p != DatePrecision::kDay && p != DatePrecision::kWeek) m.date.day = 0;
    if (p == DatePrecision::kYear || p == DatePrecision::kDecade) m.date.month = 0;
    m.precision = p;
    m.relative = relative;
    m.approximate = approx;
    out.push_back(std::move(m));
  };
  auto word = [&](size_t k) -> std::string_view {
    return k < t.size() ? std::string_view(t[k].lower) : std::string_view();
  };
  // Skips an abbreviation period: "Sept." -> index after the '.'.
  auto after_abbrev = [&](size_t k) {
    return k + 1 < t.size() && t[k + 1].lower == "." && t[k].raw.size() <= 4 ? k + 2 : k + 1;
  };
  // The nearest occurrence of month `m` not after the anchor (or after it, with future context).
  auto month_year = [&](int m, size_t at) {
    int y = anchor.year;
    if (FutureContext(t, at)) {
      if (m < anchor.month) ++y;
    } else if (m > anchor.month) {
      --y;
    }
    return y;
  };

  for (size_t i = 0; i < t.size();) {
    const Tok& w = t[i];
    // ISO date written out: 2025-09-02.
    if (YearOf(w) && word(i + 1) == "-" && i + 4 < t.size() && t[i + 2].digits &&
        word(i + 3) == "-" && t[i + 4].digits && t[i + 1].begin == w.end) {
      Result<CivilDate> d = ParseIsoDate(text.substr(w.begin, t[i + 4].end - w.begin));
      if (d.ok() && d->day > 0) {
        emit(i, i + 4, *d, DatePrecision::kDay, false, false);
        i += 5;
        continue;
      }
    }
    // Month [day][,] [year]  ("September 2, 2025", "Sept. 2", "June 2024", "in June").
    int month = MonthOf(w.lower);
    if (month != 0 && w.upper_initial && !(month == 5 && w.raw == "MAY")) {
      size_t k = after_abbrev(i);
      int day = k < t.size() ? DayOf(t[k]) : 0;
      if (day != 0) {
        size_t end = k;
        size_t y = k + 1;
        if (word(y) == ",") ++y;
        int year = y < t.size() ? YearOf(t[y]) : 0;
        if (year != 0) end = y;
        if (year == 0 && have_anchor) {
          // Nearest such date around the anchor: the same year unless that lands > 7 days ahead.
          year = anchor.year;
          if (ValidDay(year, month, day) &&
              DaysFromCivil({year, month, day}) > DaysFromCivil(anchor) + 7 &&
              !FutureContext(t, i)) {
            --year;
          }
        }
        if (year != 0 && ValidDay(year, month, day)) {
          emit(i, end, {year, month, day}, DatePrecision::kDay, end == k, false);
          i = end + 1;
          continue;
        }
      }
      size_t y = k;
      if (word(y) == ",") ++y;
      int year = y < t.size() ? YearOf(t[y]) : 0;
      if (year != 0) {
        emit(i, y, {year, month, 0}, DatePrecision::kMonth, false, false);
        i = y + 1;
        continue;
      }
      // A bare month only after a preposition, so that "May" the verb/name is left alone.
      std::string_view prev = i > 0 ? word(i - 1) : std::string_view();
      bool early_late = prev == "early" || prev == "late" || prev == "mid";
      if (have_anchor && (prev == "in" || prev == "since" || prev == "until" || prev == "by" ||
                          prev == "last" || prev == "next" || prev == "this" || early_late)) {
        int yr = month_year(month, i);
        size_t first = i;
        if (prev == "last" || prev == "next" || prev == "this") {
          first = i - 1;
          yr = anchor.year + (prev == "last" && month >= anchor.month ? -1 : 0) +
               (prev == "next" && month <= anchor.month ? 1 : 0);
        }
        emit(first, k - 1, {yr, month, 0}, DatePrecision::kMonth, true, early_late);
        i = k;
        continue;
      }
    }
    // Day Month [Year]: "2 September 2025", "2nd of September".
    if (int day = DayOf(w); day != 0) {
      size_t k = i + 1;
      if (word(k) == "of") ++k;
      int m = k < t.size() && t[k].upper_initial ? MonthOf(t[k].lower) : 0;
      if (m != 0) {
        size_t after = after_abbrev(k);
        int year = after < t.size() ? YearOf(t[after]) : 0;
        size_t end = year != 0 ? after : after - 1;
        bool relative = year == 0;
        if (year == 0 && have_anchor) year = month_year(m, i);
        if (year != 0 && ValidDay(year, m, day)) {
          emit(i, end, {year, m, day}, DatePrecision::kDay, relative, false);
          i = end + 1;
          continue;
        }
      }
    }
    // Decades: "the 1990s", "1990s".
    if (w.lower.size() == 5 && w.lower.back() == 's' && w.lower[3] == '0' &&
        std::isdigit(static_cast<unsigned char>(w.lower[0]))) {
      int y = std::atoi(w.lower.substr(0, 4).c_str());
      if (y >= 1000 && y <= 2990) {
        emit(i, i, {y, 0, 0}, DatePrecision::kDecade, false, false);
        ++i;
        continue;
      }
    }
    // A year after a preposition: "in 2024", "since 2014", "by 2030".
    if (int y = YearOf(w); y != 0 && i > 0) {
      std::string_view prev = word(i - 1);
      if (prev == "in" || prev == "since" || prev == "by" || prev == "until" || prev == "from" ||
          prev == "during" || prev == "before" || prev == "after" || prev == "of" ||
          prev == "between" || prev == "and" || prev == "to" || prev == "early" || prev == "late" ||
          prev == "mid") {
        emit(i, i, {y, 0, 0}, DatePrecision::kYear, false, false);
        ++i;
        continue;
      }
    }
    if (!have_anchor) {
      ++i;
      continue;
    }
    // Single-word relatives.
    if (w.lower == "today" || w.lower == "tonight") {
      emit(i, i, anchor, DatePrecision::kDay, true, false);
      ++i;
      continue;
    }
    if (w.lower == "yesterday") {
      emit(i, i, AddDays(anchor, -1), DatePrecision::kDay, true, false);
      ++i;
      continue;
    }
    if (w.lower == "tomorrow") {
      emit(i, i, AddDays(anchor, 1), DatePrecision::kDay, true, false);
      ++i;
      continue;
    }
    // (earlier|later) this|last|next (week|month|year|weekday|morning...)
    size_t k = i;
    bool approx = false;
    if (w.lower == "earlier" || w.lower == "later") {
      approx = true;
      ++k;
    }
    std::string_view det = word(k);
    if (det == "this" || det == "last" || det == "next" || det == "past") {
      std::string_view unit = word(k + 1);
      int dir = det == "last" || det == "past" ? -1 : det == "next" ? 1 : 0;
      int wd = WeekdayOf(unit);
      if (unit == "week") {
        CivilDate monday = AddDays(anchor, -Weekday(anchor) + 7 * dir);
        emit(i, k + 1, monday, DatePrecision::kWeek, true, approx);
        i = k + 2;
        continue;
      }
      if (unit == "month") {
        emit(i, k + 1, AddMonths(anchor, dir), DatePrecision::kMonth, true, approx);
        i = k + 2;
        continue;
      }
      if (unit == "year") {
        emit(i, k + 1, {anchor.year + dir, 0, 0}, DatePrecision::kYear, true, approx);
        i = k + 2;
        continue;
      }
      if (unit == "night" || unit == "morning" || unit == "afternoon" || unit == "evening") {
        emit(i, k + 1, dir < 0 ? AddDays(anchor, -1) : anchor, DatePrecision::kDay, true, false);
        i = k + 2;
        continue;
      }
      if (wd >= 0) {
        int delta = wd - Weekday(anchor);
        if (dir < 0) {
          delta = delta >= 0 ? delta - 7 : delta;
        } else if (dir > 0) {
          delta = delta <= 0 ? delta + 7 : delta;
        }
        emit(i, k + 1, AddDays(anchor, delta), DatePrecision::kDay, true, false);
        i = k + 2;
        continue;
      }
    }
    // N (days|weeks|months|years|decades) ago.
    {
      size_t used = 0;
      bool approx_count = false;
      std::optional<int> n = CountOf(t, i, used, approx_count);
      std::string_view unit = word(i + used);
      if (n && word(i + used + 1) == "ago") {
        size_t end = i + used + 1;
        if (IsUnit(unit, "day")) {
          emit(i, end, AddDays(anchor, -*n), DatePrecision::kDay, true, approx_count);
          i = end + 1;
          continue;
        }
        if (IsUnit(unit, "week")) {
          CivilDate monday = AddDays(anchor, -Weekday(anchor) - 7 * *n);
          emit(i, end, monday, DatePrecision::kWeek, true, approx_count);
          i = end + 1;
          continue;
        }
        if (IsUnit(unit, "month")) {
          emit(i, end, AddMonths(anchor, -*n), DatePrecision::kMonth, true, approx_count);
          i = end + 1;
          continue;
        }
        if (IsUnit(unit, "year")) {
          emit(i, end, {anchor.year - *n, 0, 0}, DatePrecision::kYear, true, approx_count);
          i = end + 1;
          continue;
        }
        if (IsUnit(unit, "decade")) {
          emit(i, end, {anchor.year - 10 * *n, 0, 0}, DatePrecision::kYear, true, true);
          i = end + 1;
          continue;
        }
      }
    }
    // A capitalised weekday: "on Tuesday", "Monday's talks".
    if (int wd = WeekdayOf(w.lower); wd >= 0 && w.upper_initial) {
      int back = (Weekday(anchor) - wd + 7) % 7;  // 0..6 days before (0 = the anchor day).
      int delta = -back;
      if (back != 0 && FutureContext(t, i)) delta = 7 - back;
      emit(i, i, AddDays(anchor, delta), DatePrecision::kDay, true, false);
      ++i;
      continue;
    }
    ++i;
  }
  return out;
}

Result<CivilDate> ResolveDatelineDate(std::string_view date_text, const CivilDate& anchor) {
  CivilDate a = anchor;
  if (a.year > 0 && (a.month == 0 || a.day == 0)) a = {a.year, 12, 31};
  std::vector<DateMention> found = FindDates(date_text, a);
  for (const DateMention& m : found) {
    if (m.precision == DatePrecision::kDay) return m.date;
  }
  return NotFoundError("no date in dateline text '" + std::string(date_text) + "'");
}

}  // namespace annals
