// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Dates in news text: absolute ("September 2, 2025", "2 Sept 2025", "in June 2024", "in 2024", "the
// 1990s") and relative ("on Tuesday", "yesterday", "last week", "earlier this month", "80 years
// ago", "a few years ago") expressions, each resolved against the article's date (the anchor) to an
// ISO 8601 value with a precision.
//
//   annals::CivilDate anchor = *annals::ParseIsoDate("2025-09-02");
//   for (const annals::DateMention& m : annals::FindDates(text, anchor)) ...
//
// Weekday names resolve to the nearest such day on or before the anchor ("on Monday" in a Tuesday
// story is yesterday), or after it when the expression says so ("next Monday") or the text around
// it is about the future ("will meet on Friday"); see docs/analysis.md.
//
// Thread-safety: pure functions.
#ifndef ANNALS_DATES_H_
#define ANNALS_DATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

// A calendar date; month and day are 0 when unknown (precision coarser than a day).
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

enum class DatePrecision { kDay, kWeek, kMonth, kYear, kDecade };

// "day", "week", "month", "year", "decade".
std::string_view DatePrecisionName(DatePrecision p);

struct DateMention {
  Span span;         // Bytes of the expression in the text given to FindDates.
  std::string text;  // The expression as written ("earlier this month").
  CivilDate date;    // Resolved date (month/day 0 below day precision). For kWeek: the
                     // week's Monday. For kDecade: the decade's first year.
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;     // Resolved against the anchor ("yesterday") rather than written out.
  bool approximate = false;  // "a few years ago", "earlier this month": the value is a best guess.
  // ISO 8601 at the mention's precision: "2025-09-02", "2025-W36", "2024-06", "2024", "1990s".
  std::string Iso() const;
};

// Parses "YYYY-MM-DD" (optionally followed by a time, "T..." or " ...") or "YYYY-MM" or "YYYY".
Result<CivilDate> ParseIsoDate(std::string_view s);

// Days since 1970-01-01 for a full date (proleptic Gregorian), and back.
int64_t DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
int Weekday(const CivilDate& d);

// Finds and resolves every date expression in `text`. `anchor` must be a full date (the article's
// publication date); without one, only absolute expressions are returned.
std::vector<DateMention> FindDates(std::string_view text, const CivilDate& anchor);

// Resolves a wire dateline's date text ("Sept 2", "September 2", "March 3, 2025") against the
// publication date or, lacking one, a year-only anchor: the nearest such date not after the
// anchor + 1 day. NotFound when the text is not a date.
Result<CivilDate> ResolveDatelineDate(std::string_view date_text, const CivilDate& anchor);

}  // namespace annals

#endif  // ANNALS_DATES_H_
