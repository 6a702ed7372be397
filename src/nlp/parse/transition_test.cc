// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Differential tests of the transition system against brute force on short sentences:
//  - the dynamic oracle's cost of every legal move equals the true loss (best reachable number of
//    correct arcs before minus after the move), found by exhaustive search;
//  - following zero-cost moves reaches the gold tree for every projective tree (all trees of up to
//    6 words are enumerated);
//  - any sequence of legal moves ends in a single-rooted well-formed tree;
//  - deprojectivization inverts pseudo-projective lifting.
#include "nlp/parse/transition.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "nlp/parse/projectivize.h"

namespace annals::nlp::parse {
namespace {

// Every head vector over 1..n that is a tree with one root child.
void EnumerateTrees(int n, std::vector<std::vector<int>>& out) {
  std::vector<int> h(n + 1, 0);
  std::function<void(int)> rec = [&](int i) {
    if (i > n) {
      if (IsWellFormedSingleRoot(h)) out.push_back(h);
      return;
    }
    for (int v = 0; v <= n; ++v) {
      if (v == i) continue;
      h[i] = v;
      rec(i + 1);
    }
  };
  rec(1);
}

std::string Key(const State& s) {
  std::string k;
  for (int x : s.stack()) k.append(std::to_string(x)).push_back(',');
  k.push_back('|');
  k.append(std::to_string(s.buffer_front())).push_back('|');
  for (size_t i = 1; i < s.heads().size(); ++i)
    k.append(std::to_string(s.heads()[i])).push_back(',');
  return k;
}

// Best number of correct (unlabeled) arcs of any terminal tree reachable from `s`.
int BestReachable(const State& s, const std::vector<int>& gold, std::map<std::string, int>& memo) {
  if (s.Terminal()) {
    int c = 0;
    for (int i = 1; i <= s.n(); ++i) c += s.head(i) == gold[i];
    return c;
  }
  std::string key = Key(s);
  auto it = memo.find(key);
  if (it != memo.end()) return it->second;
  int best = -1;
  for (int a : {0, 1, 2}) {  // SHIFT, LEFT(0), RIGHT(0): labels do not matter here.
    if (!s.Legal(a)) continue;
    State t = s;
    t.Apply(a);
    best = std::max(best, BestReachable(t, gold, memo));
  }
  memo[key] = best;
  return best;
}

TEST(TransitionTest, OracleCostEqualsBruteForceLoss) {
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int n = 1; n <= 6; ++n) {
    std::vector<std::vector<int>> trees;
    EnumerateTrees(n, trees);
    for (const auto& gold : trees) {
      if (!IsProjective(gold)) continue;
      // Walk random legal paths; check every legal move's cost on the way.
      std::map<std::string, int> memo;
      for (int walk = 0; walk < 2; ++walk) {
        State s(n);
        while (!s.Terminal()) {
          int before = BestReachable(s, gold, memo);
          std::vector<int> legal;
          for (int a : {0, 1, 2}) {
            if (!s.Legal(a)) continue;
            legal.push_back(a);
            State t = s;
            t.Apply(a);
            int loss = before - BestReachable(t, gold, memo);
            ASSERT_EQ(MoveCost(s, MoveOf(a), gold), loss)
                << "n=" << n << " move " << a << " state " << Key(s);
            ++checked;
          }
          ASSERT_FALSE(legal.empty()) << "no legal move in a non-terminal state " << Key(s);
          s.Apply(legal[rng() % legal.size()]);
        }
      }
    }
  }
  EXPECT_GT(checked, 10000);
}

TEST(TransitionTest, ZeroCostMovesReachEveryProjectiveTreeWithLabels) {
  std::mt19937_64 rng(11);
  int projective = 0;
  for (int n = 1; n <= 6; ++n) {
    std::vector<std::vector<int>> trees;
    EnumerateTrees(n, trees);
    for (const auto& gold : trees) {
      if (!IsProjective(gold)) continue;
      ++projective;
      std::vector<int> labels(n + 1, -1);
      for (int i = 1; i <= n; ++i) labels[i] = static_cast<int>(rng() % 3);
      State s(n);
      while (!s.Terminal()) {
        std::vector<int> zero;
        for (int a = 0; a < NumActions(3); ++a) {
          if (s.Legal(a) && ActionCost(s, a, gold, labels) == 0) zero.push_back(a);
        }
        ASSERT_FALSE(zero.empty()) << "no zero-cost move at " << Key(s);
        s.Apply(zero[rng() % zero.size()]);
      }
      for (int i = 1; i <= n; ++i) {
        ASSERT_EQ(s.head(i), gold[i]);
        ASSERT_EQ(s.label(i), labels[i]);
      }
    }
  }
  // Projective single-rooted trees of 1..6 words: 1 + 2 + 7 + 30 + 143 + 728 (Catalan-like).
  EXPECT_EQ(projective, 1 + 2 + 7 + 30 + 143 + 728);
}

TEST(TransitionTest, AnyLegalSequenceYieldsSingleRootedTree) {
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 5000; ++trial) {
    int n = 1 + static_cast<int>(rng() % 40);
    State s(n);
    int steps = 0;
    while (!s.Terminal()) {
      std::vector<int> legal;
      for (int a = 0; a < NumActions(4); ++a) {
        if (s.Legal(a)) legal.push_back(a);
      }
      ASSERT_FALSE(legal.empty());
      s.Apply(legal[rng() % legal.size()]);
      ASSERT_LE(++steps, 2 * n);
    }
    EXPECT_EQ(steps, 2 * n);
    EXPECT_TRUE(IsWellFormedSingleRoot(s.heads())) << "n=" << n;
  }
}

TEST(TransitionTest, ProjectivityCheck) {
  EXPECT_TRUE(IsProjective({0, 2, 0, 2}));
  EXPECT_FALSE(IsProjective({0, 3, 4, 0, 3}));  // 1<-3 crosses 2<-4.
  EXPECT_TRUE(IsWellFormedSingleRoot({0, 2, 0, 2}));
  EXPECT_FALSE(IsWellFormedSingleRoot({0, 0, 0}));     // Two roots.
  EXPECT_FALSE(IsWellFormedSingleRoot({0, 2, 1, 0}));  // Cycle.
}

TEST(ProjectivizeTest, LiftingIsUndoneForEveryTree) {
  int nonprojective = 0;
  for (int n = 1; n <= 6; ++n) {
    std::vector<std::vector<int>> trees;
    EnumerateTrees(n, trees);
    for (const auto& gold : trees) {
      std::vector<int> heads = gold;
      std::vector<std::string> labels(n + 1);
      for (int i = 1; i <= n; ++i)
        labels[i] = std::string(1, 'l').append(std::to_string(i));  // Distinct.
      const std::vector<std::string> gold_labels = labels;
      int lifted = Projectivize(heads, labels);
      ASSERT_TRUE(IsProjective(heads));
      ASSERT_TRUE(IsWellFormedSingleRoot(heads));
      if (IsProjective(gold)) {
        EXPECT_EQ(lifted, 0);
        EXPECT_EQ(heads, gold);
        continue;
      }
      ++nonprojective;
      EXPECT_GT(lifted, 0);
      Deprojectivize(heads, labels);
      EXPECT_EQ(heads, gold);
      EXPECT_EQ(labels, gold_labels);
    }
  }
  EXPECT_GT(nonprojective, 1000);
}

TEST(ProjectivizeTest, DeprojectivizeKeepsATreeWhateverTheLabels) {
  // Parser output can carry lift marks anywhere; the result must stay a single-rooted tree.
  std::mt19937_64 rng(5);
  const char* kLabels[] = {"a", "b", "a^b", "b^a", "c^a", "a^c"};
  for (int n = 1; n <= 6; ++n) {
    std::vector<std::vector<int>> trees;
    EnumerateTrees(n, trees);
    for (const auto& tree : trees) {
      std::vector<int> heads = tree;
      std::vector<std::string> labels(n + 1);
      for (int i = 1; i <= n; ++i) labels[i] = kLabels[rng() % 6];
      Deprojectivize(heads, labels);
      ASSERT_TRUE(IsWellFormedSingleRoot(heads));
      for (int i = 1; i <= n; ++i) ASSERT_EQ(labels[i].find('^'), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace annals::nlp::parse
