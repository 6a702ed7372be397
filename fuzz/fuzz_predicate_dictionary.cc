// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the native predicate table (verbs.tsv) loader: no input may crash it, every problem has
// a message, and every loaded row is indexed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "code/predicate_dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  annals::code::PredicateDictionary d =
      annals::code::PredicateDictionary::Parse(input, "fuzz.tsv", nullptr);
  for (const auto& p : d.problems()) (void)p.Message();
  for (const auto& r : d.rows()) {
    if (d.Find(r.noun, r.lemma) == nullptr) __builtin_trap();
    for (const auto& t : r.targets) (void)t.ToString();
  }
  return 0;
}
