// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "util/u64_map.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <unordered_map>
#include <vector>

namespace annals::util {
namespace {

TEST(U64MapTest, BehavesLikeUnorderedMap) {
  std::mt19937_64 rng(11);
  U64Map<uint32_t> m;
  std::unordered_map<uint64_t, uint32_t> ref;
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.find(0), m.end());
  EXPECT_EQ(m.count(42), 0u);
  for (int i = 0; i < 20000; ++i) {
    // Small keys collide often (and include 0); large ones are spread.
    uint64_t k = i % 3 == 0 ? rng() % 64 : rng();
    uint32_t v = static_cast<uint32_t>(rng());
    switch (i % 3) {
      case 0:
        m[k] |= v;
        ref[k] |= v;
        break;
      case 1: {
        bool fresh = m.emplace(k, v).second;
        EXPECT_EQ(fresh, ref.emplace(k, v).second);
        break;
      }
      default:
        m[k] = v;
        ref[k] = v;
    }
  }
  EXPECT_EQ(m.size(), ref.size());
  for (const auto& [k, v] : ref) {
    auto it = m.find(k);
    ASSERT_NE(it, m.end()) << k;
    EXPECT_EQ(it->first, k);
    EXPECT_EQ(it->second, v);
  }
  for (int i = 0; i < 1000; ++i) {
    uint64_t k = rng();
    EXPECT_EQ(m.count(k), ref.count(k));
  }
  // Iteration visits every entry once.
  std::vector<std::pair<uint64_t, uint32_t>> a(m.begin(), m.end()), b(ref.begin(), ref.end());
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a, b);
  m.clear();
  EXPECT_EQ(m.size(), 0u);
  EXPECT_EQ(m.begin(), m.end());
  EXPECT_EQ(m.count(0), 0u);
}

TEST(U64MapTest, ReserveKeepsEntriesAndZeroKey) {
  U64Map<uint8_t> m;
  m[0] = 5;
  m[7] = 1;
  m.reserve(1000);
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ(m.find(0)->second, 5);
  EXPECT_EQ(m.find(7)->second, 1);
  const U64Map<uint8_t>& c = m;
  EXPECT_EQ(c.find(8), c.end());
  EXPECT_FALSE(m.try_emplace(0, 9).second);
  EXPECT_EQ(m[0], 5);
}

}  // namespace
}  // namespace annals::util
