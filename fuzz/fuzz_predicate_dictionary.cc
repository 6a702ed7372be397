// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the native predicate table (verbs.tsv) loader and the word-class table
// (word_classes.tsv) loader: no input may crash them, every problem has a message, every loaded
// row is indexed, and merging a table onto itself keeps its classes.
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
  annals::code::WordClasses w = annals::code::WordClasses::Parse(input, "fuzz.tsv");
  for (const auto& p : w.problems()) (void)p.Message();
  const size_t before = w.size();
  w.Merge(annals::code::WordClasses::Parse(input, "again.tsv"));
  if (w.size() != before) __builtin_trap();
  return 0;
}
