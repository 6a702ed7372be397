// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the gazetteer loader (Gazetteer::Parse) and, when the input loads, resolves the input's
// own words with the geocoder: no input may crash either.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "annals/geocoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  auto g = annals::Gazetteer::Parse(input);
  if (!g.ok()) return 0;
  annals::Geocoder geo(g.value());
  std::vector<std::string> words;
  std::string cur;
  for (char c : input) {
    if (c == '\n' || c == '\t' || c == '|') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
    if (words.size() >= 64) break;
  }
  annals::GeoContext ctx;
  for (size_t i = 0; i < words.size(); ++i) {
    ctx.next_word = i + 1 < words.size() ? words[i + 1] : "region";
    ctx.nearby.assign(words.begin(), words.begin() + static_cast<long>(std::min<size_t>(i, 4)));
    ctx.countries = {words[i]};
    for (const annals::GeoMatch& m : geo.Candidates(words[i], ctx)) {
      (void)annals::GdeltGeoType(m.place);
    }
  }
  return 0;
}
