// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: normalises the publication dates found on the web (HTML meta tags, JSON-LD, RSS
// pubDate, Atom published/updated, WARC-Date) to ISO 8601.
//
// Accepted forms (leading/trailing space ignored, case-insensitive):
//   ISO 8601 / RFC 3339:  2025-09-02, 2025-09-02T08:15, 2025-09-02T08:15:00.123+02:00,
//                         2025-09-02 08:15:00 -0400, 2025/09/02, 20250902, 20250902T081500Z
//   RFC 822 / 1123 / 2822 (RSS): [Tue,] 2 Sep 2025 08:15[:00] GMT|UT|UTC|Z|EST|EDT|CST|CDT|MST|
//                         MDT|PST|PDT|military letter|+0200; two-digit years (< 50 -> 20xx)
//   Written dates:        September 2, 2025 [08:15 [AM|PM]], 2 September 2025, Sept. 2, 2025
// Output: "YYYY-MM-DD" when only a date is known; when a time and a zone are known, the local time
// as published with its offset, never converted to UTC: "YYYY-MM-DDTHH:MM:SS+HH:MM" (or "Z" for
// UTC/GMT and a zero offset; named zones such as EST become their offset, -05:00);
// "YYYY-MM-DDTHH:MM:SS" (no zone) when the zone is unknown. Military single-letter zones other
// than Z count as UTC, as RFC 2822 section 4.3 advises. Returns an empty
// string for anything else (including impossible dates such as 2025-02-30).
//
// Thread-safety: pure function.
#ifndef ANNALS_IO_WEB_DATE_H_
#define ANNALS_IO_WEB_DATE_H_

#include <string>
#include <string_view>

namespace annals::io {

std::string NormalizeWebDate(std::string_view text);

}  // namespace annals::io

#endif  // ANNALS_IO_WEB_DATE_H_
