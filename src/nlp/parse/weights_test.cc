// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/parse/weights.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

#include "nlp/model_file.h"
#include "nlp/parse/features.h"

namespace annals::nlp::parse {
namespace {

constexpr int kBits = 8;
constexpr int kActions = 20;
using Rows = std::map<uint32_t, std::vector<std::pair<int, int>>>;  // row -> (action, weight)

std::string Bytes(const Rows& rows) {
  ByteWriter w;
  w.VarU(kBits);
  w.VarU(kActions);
  w.F32(0.5f);
  size_t total = 0;
  for (const auto& [r, es] : rows) total += es.size();
  w.VarU(rows.size());
  w.VarU(total);
  uint32_t prev = 0;
  for (const auto& [r, es] : rows) {
    w.VarU(r - prev);
    prev = r;
    w.VarU(es.size());
    int pa = 0;
    for (const auto& [a, v] : es) {
      w.VarU(static_cast<uint64_t>(a - pa));
      pa = a;
      w.VarU(static_cast<uint32_t>((v << 1) ^ (v >> 31)));
    }
  }
  return w.Take();
}

// Rows with many entries (stored dense), few (sparse), and many with an explicit zero weight
// (kept sparse so that the zero survives a round trip).
Rows TestRows() {
  std::mt19937 rng(7);
  Rows rows;
  for (uint32_t r : {0u, 3u, 97u, 255u}) {
    for (int a = 0; a < kActions; ++a) {
      if (r == 255 || rng() % 3 != 0) rows[r].push_back({a, static_cast<int>(rng() % 2001) - 1000});
    }
    for (auto& e : rows[r]) {
      if (e.second == 0) e.second = 1;
    }
  }
  rows[5] = {{2, 7}, {19, -3}};
  rows[200] = {{1, -32768}, {4, 32767}};
  for (int a = 0; a < kActions; a += 2) rows[130].push_back({a, a == 6 ? 0 : a + 1});
  return rows;
}

// A feature id that lands in `row`.
uint64_t FeatureFor(uint32_t row) {
  for (uint64_t f = 1;; ++f) {
    if (FeatureRow(f, kBits) == row) return f;
  }
}

TEST(CompactWeightsTest, RoundTripsAndScoresLikeTheEntries) {
  const Rows rows = TestRows();
  const std::string bytes = Bytes(rows);
  Result<CompactWeights> w = CompactWeights::Deserialize(bytes);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  size_t total = 0;
  for (const auto& [r, es] : rows) total += es.size();
  EXPECT_EQ(w->num_entries(), total);
  EXPECT_EQ(w->Serialize(), bytes);
  ASSERT_GE(w->score_width(), kActions);

  // Every row once, one row twice and an empty row: the sums of the entries.
  std::vector<uint64_t> features;
  std::vector<int32_t> expected(kActions, 0);
  for (const auto& [r, es] : rows) {
    features.push_back(FeatureFor(r));
    for (const auto& [a, v] : es) expected[a] += v;
  }
  features.push_back(FeatureFor(3));
  for (const auto& [a, v] : rows.at(3)) expected[a] += v;
  features.push_back(FeatureFor(4));
  std::vector<int32_t> scores(w->score_width(), 0);
  w->Score(features, scores.data());
  for (int a = 0; a < kActions; ++a) EXPECT_EQ(scores[a], expected[a]) << "action " << a;
  for (int a = kActions; a < w->score_width(); ++a) EXPECT_EQ(scores[a], 0);

  // Pruning keeps exactly the entries at or above the threshold, dense rows included.
  Rows kept;
  for (const auto& [r, es] : rows) {
    for (const auto& [a, v] : es) {
      if (v >= 500 || -v >= 500) kept[r].push_back({a, v});
    }
  }
  std::string pruned = w->Pruned(500).Serialize();
  EXPECT_EQ(pruned, Bytes(kept));
}

TEST(CompactWeightsTest, RejectsBadRows) {
  Rows rows = TestRows();
  std::string bytes = Bytes(rows);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(CompactWeights::Deserialize(bytes.substr(0, cut)).ok()) << "cut at " << cut;
  }
  Rows bad = rows;
  bad[9] = {{kActions, 1}};  // Action out of range.
  EXPECT_FALSE(CompactWeights::Deserialize(Bytes(bad)).ok());
}

}  // namespace
}  // namespace annals::nlp::parse
