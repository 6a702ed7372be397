// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tag/perceptron.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace annals::nlp::tag {
namespace {

uint64_t Next(uint64_t& rng) {  // splitmix64
  uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// RowWeights must give the very floats SparseWeights gives: NER decoding uses it in place of
// SparseWeights with the model's weights, and its entities must not change.
TEST(RowWeights, AddsTheSameFloatsAsSparseWeights) {
  constexpr int kClasses = 13;
  uint64_t rng = 7;
  std::vector<SparseWeights::Triple> triples;
  std::vector<uint64_t> known;
  uint64_t key = 0;
  for (int f = 0; f < 5000; ++f) {
    key += 1 + Next(rng) % (uint64_t{1} << 50);  // Increasing, non-zero, spread out.
    known.push_back(key);
    // Features with 1 to 13 classes: sparse runs and dense rows.
    const int count = 1 + static_cast<int>(Next(rng) % kClasses);
    int cls = static_cast<int>(Next(rng) % (kClasses - count + 1));
    for (int c = 0; c < count; ++c, cls += 1) {
      float w = static_cast<float>(static_cast<int64_t>(Next(rng) % 20001) - 10000) / 37.0f;
      if (w == 0) w = 1;
      triples.push_back({key, static_cast<uint8_t>(cls), w});
    }
  }
  SparseWeights sparse = SparseWeights::Build(triples);
  RowWeights rows(sparse, kClasses);
  ASSERT_GE(rows.padded_classes(), static_cast<size_t>(kClasses));
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<uint64_t> keys;
    const size_t n = 1 + Next(rng) % 150;  // More than one prefetch batch of 64 at times.
    for (size_t i = 0; i < n; ++i) {
      keys.push_back(Next(rng) % 4 == 0 ? Next(rng) | 1 : known[Next(rng) % known.size()]);
    }
    float a[kClasses], b[32] = {};
    for (int c = 0; c < kClasses; ++c) {
      a[c] = trial % 2 == 0 ? 0.0f : static_cast<float>(Next(rng) % 1000) / 7.0f - 70.0f;
      b[c] = a[c];
    }
    sparse.AddAll(keys, a);
    rows.AddAll(keys.data(), keys.size(), b);
    EXPECT_EQ(std::memcmp(a, b, sizeof a), 0) << "trial " << trial;
  }
}

TEST(RowWeights, EmptyWeightsAddNothing) {
  RowWeights rows;
  float s[4] = {1, 2, 3, 4};
  const uint64_t keys[] = {1, 2, 3};
  rows.AddAll(keys, 3, s);
  EXPECT_EQ(s[0], 1);
  EXPECT_EQ(s[3], 4);
}

}  // namespace
}  // namespace annals::nlp::tag
