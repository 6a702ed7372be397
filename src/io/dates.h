// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: publication dates as readers meet them -> ISO 8601 (`Document::date`).
#ifndef ANNALS_IO_DATES_H_
#define ANNALS_IO_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace annals::io {

// Normalises a publication date to ISO 8601, or returns "" when `s` is not a recognisable date.
// Accepted (surrounding whitespace ignored):
//   "2025-09-02"                         -> "2025-09-02"
//   "2025-09-02T08:15:00Z", "...+02:00"  -> "2025-09-02T08:15:00Z" / "2025-09-02T08:15:00+02:00"
//       (RFC 3339; fractional seconds dropped; the local time and its offset are kept as
//       published, never converted to UTC, so the date part is the publisher's own date)
//   "2025-09-02 08:15:00", "2025-09-02T08:15" -> "2025-09-02T08:15:00" (no zone: kept local)
//   "Tue, 02 Sep 2025 08:15:00 GMT", "2 Sep 2025 08:15 +0200" (RFC 1123/822)
//       -> "2025-09-02T08:15:00Z" / "2025-09-02T08:15:00+02:00" (named zones as their offset)
//   "1756800900" (epoch seconds, 9 to 11 digits)                 -> "2025-09-02T08:15:00Z"
// Years outside 1800..2200 and impossible days (Feb 30) are not recognised.
std::string NormalizeDate(std::string_view s);

// "YYYY-MM-DDTHH:MM:SS" followed by "Z" when `offset_minutes` is 0, else "+HH:MM" / "-HH:MM".
std::string IsoDateTimeWithOffset(int year, int month, int day, int hour, int minute, int second,
                                  int offset_minutes);

// ISO 8601 UTC ("2025-09-02T08:15:00Z") for epoch seconds; "" outside years 1800..2200.
std::string EpochToIso(int64_t seconds);

// 1..12 for an English month name or abbreviation ("Sep", "Sept", "Sept.", "september"), any
// case; 0 otherwise.
int MonthFromName(std::string_view name);

// True when year-month-day is a real calendar date in 1800..2200.
bool ValidDate(int year, int month, int day);

// "YYYY-MM-DD".
std::string IsoDate(int year, int month, int day);

}  // namespace annals::io

#endif  // ANNALS_IO_DATES_H_
