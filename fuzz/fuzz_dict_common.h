// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Shared body of the dictionary fuzz targets: loads the input as the named dictionary file (the
// name decides the grammar), then matches the input's own words against what was loaded: no
// input may crash either.
#ifndef ANNALS_FUZZ_FUZZ_DICT_COMMON_H_
#define ANNALS_FUZZ_FUZZ_DICT_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"

inline int FuzzDictionaryFile(const char* file_name, const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  annals::Dictionary dict = annals::Dictionary::FromMemory({{file_name, input}});
  (void)dict.counts();
  for (const annals::DictionaryProblem& p : dict.problems()) (void)p.Message();
  std::vector<std::string> words;
  std::string cur;
  for (char c : input) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '_') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
    if (words.size() >= 512) break;
  }
  if (!cur.empty()) words.push_back(cur);
  annals::ActorMatcher matcher(dict);
  annals::MatchOptions options;
  options.day = 20000;
  options.report_discards = true;
  (void)matcher.MatchForms(words, options);
  options.day.reset();
  (void)matcher.MatchForms(words, options);
  return 0;
}

#endif  // ANNALS_FUZZ_FUZZ_DICT_COMMON_H_
