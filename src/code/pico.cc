// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "code/pico.h"

#include <cctype>
#include <optional>

#include "util/text.h"

namespace annals::code {
namespace {

constexpr int64_t kNegation = 0xFFFF;

// "-0xFFFF+0x0070" -> -0xFFFF + 0x70. Spaces are not allowed inside; nullopt when malformed.
std::optional<int64_t> ParseSum(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int64_t total = 0;
  size_t i = 0;
  while (i < s.size()) {
    int sign = 1;
    if (s[i] == '+' || s[i] == '-') {
      sign = s[i] == '-' ? -1 : 1;
      ++i;
    } else if (i != 0) {
      return std::nullopt;
    }
    if (i + 2 > s.size() || s[i] != '0' || (s[i + 1] != 'x' && s[i + 1] != 'X')) {
      return std::nullopt;
    }
    i += 2;
    int64_t term = 0;
    size_t digits = 0;
    while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i])) && digits < 12) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
      term = term * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
      ++i;
      ++digits;
    }
    if (digits == 0 || (i < s.size() && s[i] != '+' && s[i] != '-')) return std::nullopt;
    total += sign * term;
  }
  return total;
}

}  // namespace

PicoOntology PicoOntology::Parse(std::string_view text) {
  PicoOntology o;
  int line_no = 0;
  for (std::string_view line : util::Split(text, '\n')) {
    ++line_no;
    std::string_view body = line.substr(0, line.find('#'));
    body = util::TrimAsciiSpace(body);
    if (body.empty()) continue;
    size_t colon = body.find(':');
    std::string_view code = colon == std::string_view::npos ? body : body.substr(0, colon);
    bool code_ok = !code.empty() && code.size() <= 4 &&
                   code.find_first_not_of("0123456789") == std::string_view::npos;
    std::optional<int64_t> v;
    if (colon != std::string_view::npos) v = ParseSum(util::TrimAsciiSpace(body.substr(colon + 1)));
    if (!code_ok || !v) {
      o.problems_.push_back("line " + std::to_string(line_no) + ": not CODE:VALUE");
      continue;
    }
    std::string c(code);
    o.value_.emplace(c, *v);
    o.code_.emplace(*v, c);
  }
  return o;
}

bool PicoOntology::Value(const std::string& cameo, int64_t& value) const {
  auto it = value_.find(cameo);
  if (it == value_.end()) return false;
  value = it->second;
  return true;
}

std::string PicoOntology::Negated(const std::string& cameo) const {
  int64_t v = 0;
  if (!Value(cameo, v)) return "";
  int64_t n = v >= kNegation ? v - kNegation : v + kNegation;
  auto it = code_.find(n);
  return it == code_.end() ? "" : it->second;
}

std::map<std::string, std::string> PicoOntology::NegationTable() const {
  std::map<std::string, std::string> out;
  for (const auto& [c, v] : value_) {
    (void)v;
    std::string n = Negated(c);
    if (!n.empty()) out.emplace(c, n);
  }
  return out;
}

}  // namespace annals::code
