// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: PETRARCH's internal coding ontology ("PICO", the file PETR.Internal.Coding.Ontology.txt
// that ships with the UniversalPetrarch validation suite). Each CAMEO code has an integer value,
// written `CODE:VALUE#comment` where VALUE is a sum of signed hexadecimal terms ("0x0080",
// "-0xFFFF+0x0070", "0x1000-0xFFFF"). PETRARCH negates a verb's code by moving its value across
// the 0xFFFF offset: a value at or above 0xFFFF loses it, any other value gains it ("not clash",
// 110 = 0xFFFF+0x0080, becomes 050 = 0x0080; "not cooperate", 050, becomes 110). A negated value
// that names no code has no rewrite.
#ifndef ANNALS_CODE_PICO_H_
#define ANNALS_CODE_PICO_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals::code {

class PicoOntology {
 public:
  // Parses the file's text. Lines that are not `CODE:VALUE` (comments, blank, malformed values)
  // are skipped and counted in problems().
  static PicoOntology Parse(std::string_view text);

  bool empty() const { return value_.empty(); }
  size_t size() const { return value_.size(); }
  const std::vector<std::string>& problems() const { return problems_; }
  // The value of a code; false when the code is not listed.
  bool Value(const std::string& cameo, int64_t& value) const;
  // The code PETRARCH gives a negated `cameo`, "" when there is none.
  std::string Negated(const std::string& cameo) const;
  // Every code with a negated counterpart: code -> negated code.
  std::map<std::string, std::string> NegationTable() const;

 private:
  std::unordered_map<std::string, int64_t> value_;
  std::map<int64_t, std::string> code_;  // First code listed with a value.
  std::vector<std::string> problems_;
};

}  // namespace annals::code

#endif  // ANNALS_CODE_PICO_H_
