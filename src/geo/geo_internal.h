// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the gazetteer's indexes (shared by gazetteer.cc and geocoder.cc).
#ifndef ANNALS_GEO_GEO_INTERNAL_H_
#define ANNALS_GEO_GEO_INTERNAL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "annals/geocoder.h"

namespace annals {

struct Gazetteer::Impl {
  struct Country {
    std::string iso3;
    std::string fips;
  };
  // Folded key -> (offset, count) into `postings`. Keys point into `text`.
  using Index = std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>>;

  std::string text;  // The file's bytes; keys refer into it.
  std::unordered_map<char32_t, std::string> fold_table;
  std::vector<Country> countries;  // Indexed by entry index (only country entries are set).
  std::unordered_map<std::string, uint32_t> country_by_code;  // alpha-2 and alpha-3 -> entry.
  std::unordered_set<std::string_view> not_places;            // Keys never resolved by themselves.
  Index names;
  Index bases;
  std::vector<uint32_t> postings;

  // Parses `bytes` (the file), which the gazetteer keeps.
  static Result<std::shared_ptr<const Gazetteer>> Parse(std::string bytes);

  std::string Fold(std::string_view text) const;
  std::span<const uint32_t> Find(const Index& index, std::string_view key) const;
};

}  // namespace annals

#endif  // ANNALS_GEO_GEO_INTERNAL_H_
