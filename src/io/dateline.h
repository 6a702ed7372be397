// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: wire-service datelines at the start of an article body.
#ifndef ANNALS_IO_DATELINE_H_
#define ANNALS_IO_DATELINE_H_

#include <optional>
#include <string>
#include <string_view>

#include "annals/document.h"

namespace annals::io {

// Reads a dateline at the very start of `body`:
//
//   PLACE[, PLACE...][, DATE][ (AGENCY)] DASH
//
// PLACE is one to three comma-separated names of capitalised words ("BEIJING", "Beijing",
// "KYIV, Ukraine", "UNITED NATIONS", "NEW DELHI/ISLAMABAD"); DATE is "Month Day" or
// "Day Month" with an optional ", Year" or " Year" ("Sept 2", "March 3, 2025",
// "16 November 2024"; month names and abbreviations such as "Sept", "Sept.", "Jan."); AGENCY is
// up to 40 bytes in parentheses ("Reuters", "AP", "AFP"); DASH is " - ", " -- ", or an en or em
// dash (spaces around it optional). With neither a date nor an agency, the place must be in
// capitals and the dash an en or em dash or "--" ("WASHINGTON —"), so that "Putin - who ..." or
// "MUST READ - Do not ..." is not taken for one. The dateline must end within the first 160 bytes
// and be followed on the same line by text starting with a capital, a digit, a quote or a
// non-ASCII character.
//
// Returns the dateline (span relative to `body`, ending after the dash) or nullopt. When the date
// has a year, `iso_date` (if not null) receives "YYYY-MM-DD", else it is cleared.
std::optional<Dateline> FindDateline(std::string_view body, std::string* iso_date);

// The date a plain-text file's name gives, for files named like "2025-08-18-kim-warns.txt": the
// name (after the last '/') must start with a valid YYYY-MM-DD not followed by another digit.
// When `dateline` has a date without a year ("Aug 18"), the result is that month and day in the
// file name's year (or the adjacent year when the months are more than six apart); otherwise the
// file name's own date. "" when the name has no date.
std::string DateFromFileName(std::string_view path, const std::optional<Dateline>& dateline);

}  // namespace annals::io

#endif  // ANNALS_IO_DATELINE_H_
