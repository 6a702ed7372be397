// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/dateline.h"

#include <vector>

#include "io/dates.h"

namespace annals::io {
namespace {

constexpr size_t kMaxDatelineBytes = 160;

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool NonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// A place name: 1..5 words, each starting with a capital (or a non-ASCII letter), made of
// letters, '.', '-', '\'', '/' (joint datelines: "NEW DELHI/ISLAMABAD") and non-ASCII bytes.
bool IsPlaceName(std::string_view s) {
  if (s.empty()) return false;
  int words = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    std::string_view w = s.substr(b, i - b);
    if (!IsAsciiUpper(w[0]) && !NonAscii(w[0])) return false;
    for (char c : w) {
      if (!(IsAsciiUpper(c) || IsAsciiLower(c) || NonAscii(c) || c == '.' || c == '-' ||
            c == '\'' || c == '/')) {
        return false;
      }
    }
    if (++words > 5) return false;
  }
  return words > 0;
}

bool AllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) ++letters;
  }
  return letters >= 2;
}

// Reads a 4-digit year that is all of `s` (already trimmed); 0 when `s` is empty.
bool TrailingYear(std::string_view s, int& year) {
  year = 0;
  if (s.empty()) return true;
  if (s.size() != 4) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
    year = year * 10 + (c - '0');
  }
  return true;
}

// Month first: "Sept 2", "Jan. 14", "March 3", optionally followed by " 2025"; or day first:
// "16 November", "2 Sept.", optionally followed by " 2024" -> month, day (, year).
bool ParseMonthDay(std::string_view s, int& month, int& day, int& year) {
  year = 0;
  size_t sp = s.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view first = s.substr(0, sp);
  std::string_view rest = Trim(s.substr(sp + 1));
  if (!first.empty() && IsDigit(first[0])) {  // Day first.
    if (first.size() > 2) return false;
    day = 0;
    for (char c : first) {
      if (!IsDigit(c)) return false;
      day = day * 10 + (c - '0');
    }
    if (day < 1 || day > 31) return false;
    size_t sp2 = rest.find(' ');
    month = MonthFromName(rest.substr(0, sp2));
    if (month == 0) return false;
    return TrailingYear(sp2 == std::string_view::npos ? std::string_view() : Trim(rest.substr(sp2)),
                        year);
  }
  month = MonthFromName(first);
  if (month == 0) return false;
  size_t n = 0;
  day = 0;
  while (n < rest.size() && n < 2 && IsDigit(rest[n])) day = day * 10 + (rest[n++] - '0');
  if (n == 0 || day < 1 || day > 31) return false;
  return TrailingYear(Trim(rest.substr(n)), year);
}

bool IsYear(std::string_view s, int& year) {
  if (s.size() != 4) return false;
  year = 0;
  for (char c : s) {
    if (!IsDigit(c)) return false;
    year = year * 10 + (c - '0');
  }
  return year >= 1800 && year <= 2200;
}

// Finds the first dash that can end a dateline. Returns its [start, end) in `s`.
bool FindDash(std::string_view s, size_t& start, size_t& end) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') return false;
    size_t len = 0;
    bool hyphen = false;
    if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) {
      len = 3;
    } else if (s.compare(i, 2, "--") == 0) {
      len = 2;
      hyphen = true;
    } else if (s[i] == '-') {
      len = 1;
      hyphen = true;
    }
    if (len == 0) continue;
    // A hyphen only counts with space (or ')') before and a space after: "Al-Hasakah" is a name.
    bool before_ok = i > 0 && (s[i - 1] == ' ' || s[i - 1] == ')');
    bool after_ok = i + len < s.size() && s[i + len] == ' ';
    if (hyphen && !(before_ok && after_ok)) {
      if (len == 2) ++i;
      continue;
    }
    start = i;
    end = i + len;
    return true;
  }
  return false;
}

}  // namespace

std::optional<Dateline> FindDateline(std::string_view body, std::string* iso_date) {
  if (iso_date != nullptr) iso_date->clear();
  std::string_view window = body.substr(0, kMaxDatelineBytes);
  size_t dash_start = 0, dash_end = 0;
  if (!FindDash(window, dash_start, dash_end)) return std::nullopt;
  // Text must follow.
  std::string_view after = body.substr(dash_end);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  if (after.empty() || after.front() == '\n') return std::nullopt;
  // The story starts like a sentence: a capital, a digit, a quote or a non-ASCII letter.
  char first = after.front();
  if (!(IsAsciiUpper(first) || IsDigit(first) || NonAscii(first) || first == '"' ||
        first == '\'')) {
    return std::nullopt;
  }

  // `head` is everything before the dash; work with offsets into body to report text as written.
  size_t head_end = dash_start;
  while (head_end > 0 && body[head_end - 1] == ' ') --head_end;
  std::string_view head = body.substr(0, head_end);
  if (head.empty() || head.front() == ' ') return std::nullopt;

  Dateline dl;
  if (head.back() == ')') {
    size_t open = head.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view agency = Trim(head.substr(open + 1, head.size() - open - 2));
    if (agency.empty() || agency.size() > 40) return std::nullopt;
    for (char c : agency) {
      if (!(IsAsciiUpper(c) || IsAsciiLower(c) || NonAscii(c) || IsDigit(c) || c == ' ' ||
            c == '/' || c == '&' || c == '.' || c == '-' || c == '\'')) {
        return std::nullopt;
      }
    }
    dl.agency = std::string(agency);
    head = head.substr(0, open);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    if (!head.empty() && head.back() == ',') head.remove_suffix(1);
  }

  // Comma-separated components with their offsets.
  struct Part {
    size_t begin, end;  // Trimmed, in body.
  };
  std::vector<Part> parts;
  size_t start = 0;
  while (start <= head.size()) {
    size_t comma = head.find(',', start);
    size_t stop = comma == std::string_view::npos ? head.size() : comma;
    size_t b = start, e = stop;
    while (b < e && head[b] == ' ') ++b;
    while (e > b && head[e - 1] == ' ') --e;
    if (b == e) return std::nullopt;
    parts.push_back({b, e});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  auto text = [&](const Part& p) { return head.substr(p.begin, p.end - p.begin); };

  int month = 0, day = 0, year = 0;
  size_t place_parts = parts.size();
  int y = 0, inline_year = 0;
  if (parts.size() >= 3 && IsYear(text(parts.back()), y) &&
      ParseMonthDay(text(parts[parts.size() - 2]), month, day, inline_year) && inline_year == 0) {
    year = y;  // "March 3, 2025"
    place_parts = parts.size() - 2;
  } else if (parts.size() >= 2 && ParseMonthDay(text(parts.back()), month, day, year)) {
    place_parts = parts.size() - 1;  // "Sept 2" or "March 3 2025"
  } else {
    month = day = year = 0;
  }
  if (place_parts == 0 || place_parts > 3) return std::nullopt;
  for (size_t k = 0; k < place_parts; ++k) {
    if (!IsPlaceName(text(parts[k]))) return std::nullopt;
  }
  // Place only ("WASHINGTON —"): capitals and a real dash, not a hyphen ("MUST READ - Do not").
  if (month == 0 && dl.agency.empty()) {
    bool hyphen = body[dash_start] == '-' && dash_end - dash_start == 1;
    if (hyphen || !AllCaps(text(parts[0]))) return std::nullopt;
  }
  if (year != 0 && !ValidDate(year, month, day)) return std::nullopt;

  dl.place = std::string(head.substr(0, parts[place_parts - 1].end));
  if (month != 0) {
    dl.date_text = std::string(
        head.substr(parts[place_parts].begin, parts.back().end - parts[place_parts].begin));
  }
  dl.span.begin = 0;
  dl.span.end = static_cast<uint32_t>(dash_end);
  if (year != 0 && iso_date != nullptr) *iso_date = IsoDate(year, month, day);
  return dl;
}

}  // namespace annals::io

#include "io/format_readers.h"

namespace annals::io {

void AttachDateline(Document& doc) {
  if (doc.dateline.has_value()) return;
  std::string iso;
  doc.dateline = FindDateline(doc.text, &iso);
  if (doc.date.empty() && !iso.empty()) doc.date = std::move(iso);
  if (doc.source.empty() && doc.dateline.has_value()) doc.source = doc.dateline->agency;
}

std::string DateFromFileName(std::string_view path, const std::optional<Dateline>& dateline) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() < 10 || name[4] != '-' || name[7] != '-') return "";
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      if (!IsDigit(name[i])) return "";
      parts[k] = parts[k] * 10 + (name[i] - '0');
    }
  }
  if (name.size() > 10 && IsDigit(name[10])) return "";  // "2025-08-181": not a date.
  int year = parts[0], month = parts[1], day = parts[2];
  if (!ValidDate(year, month, day)) return "";
  int m = 0, d = 0, y = 0;
  if (dateline.has_value() && !dateline->date_text.empty() &&
      ParseMonthDay(dateline->date_text, m, d, y) && y == 0) {
    // The dateline's month and day in the year of the file name, or the year next to it when
    // they are more than six months apart ("Dec 31" in 2025-01-02-...txt is 2024).
    int dy = m - month > 6 ? -1 : (month - m > 6 ? 1 : 0);
    if (ValidDate(year + dy, m, d)) return IsoDate(year + dy, m, d);
  }
  return IsoDate(year, month, day);
}

}  // namespace annals::io
