// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: small UTF-8 and string helpers shared by every component. Use these rather than
// writing another copy.
#ifndef ANNALS_UTIL_TEXT_H_
#define ANNALS_UTIL_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals::util {

// Byte offset of the first invalid UTF-8 sequence in `s` (overlongs, surrogates and code points
// above U+10FFFF are invalid), or std::string_view::npos when `s` is valid.
size_t FindInvalidUtf8(std::string_view s);

// Replaces each invalid sequence with U+FFFD; returns the number replaced.
size_t RepairUtf8(std::string& s);

// Decodes the code point at s[i] and advances i past it. Invalid bytes decode as U+FFFD and advance
// by one byte. Requires i < s.size().
char32_t DecodeUtf8(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

// ASCII-only case mapping and trimming (bytes >= 0x80 are left alone).
std::string AsciiLower(std::string_view s);
std::string_view TrimAsciiSpace(std::string_view s);

// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);

// The line of `text` that starts at `pos`, without its "\n" nor a "\r" before it; advances `pos`
// past it. False at the end of the text: a last line without "\n" is a line, and a text that ends
// with "\n" has no empty line after it. The one line reader of the tables and text formats.
bool NextLine(std::string_view text, size_t& pos, std::string_view& line);

// Collapses runs of whitespace (ASCII and U+00A0) to one space and trims the ends.
std::string CollapseWhitespace(std::string_view s);

// 64-bit FNV-1a hash, stable across platforms and releases (used for document ids and sharding).
inline constexpr uint64_t kFnv1a64Basis = 14695981039346656037ULL;
// FNV-1a of the bytes of `s` continued from state `h`: Fnv1a64Extend(Fnv1a64(a), b) ==
// Fnv1a64(a + b), so hashes of growing strings cost only the new bytes.
inline uint64_t Fnv1a64Extend(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}
inline uint64_t Fnv1a64(std::string_view s) { return Fnv1a64Extend(kFnv1a64Basis, s); }

// Lower-case hex of `v`, zero-padded to 16 digits.
std::string Hex64(uint64_t v);

// The ISO 4217 code of a currency sign or code written lower-case ("$", "us$", "usd" -> "USD";
// "€", "£", "¥", "₽", "₹" and their codes), empty for anything else.
std::string_view CurrencyOfSymbol(std::string_view w);

}  // namespace annals::util

#endif  // ANNALS_UTIL_TEXT_H_
