// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/parse/projectivize.h"

#include <cstdlib>
#include <deque>

namespace annals::nlp::parse {
namespace {

bool Dominates(const std::vector<int>& heads, int h, int k) {
  const int n = static_cast<int>(heads.size()) - 1;
  int steps = 0;
  while (k != h && k > 0 && steps <= n) {
    k = heads[k];
    ++steps;
  }
  return k == h;
}

bool ArcProjective(const std::vector<int>& heads, int d) {
  int h = heads[d];
  int lo = h < d ? h : d, hi = h < d ? d : h;
  for (int k = lo + 1; k < hi; ++k) {
    if (!Dominates(heads, h, k)) return false;
  }
  return true;
}

}  // namespace

int Projectivize(std::vector<int>& heads, std::vector<std::string>& labels) {
  const int n = static_cast<int>(heads.size()) - 1;
  std::vector<bool> lifted(n + 1, false);
  std::vector<std::string> head_label(n + 1);
  int lifts = 0;
  // Each lift shortens nothing but moves an arc up the tree; the arc from the root is always
  // projective in a tree, so this terminates after at most n * depth lifts.
  for (int guard = 0; guard < n * n + 1; ++guard) {
    int best = -1, best_len = 0;
    for (int d = 1; d <= n; ++d) {
      if (heads[d] <= 0 || ArcProjective(heads, d)) continue;
      int len = std::abs(heads[d] - d);
      if (best < 0 || len < best_len) {
        best = d;
        best_len = len;
      }
    }
    if (best < 0) break;
    if (!lifted[best]) {
      lifted[best] = true;
      head_label[best] = labels[heads[best]];
    }
    heads[best] = heads[heads[best]];
    ++lifts;
  }
  for (int d = 1; d <= n; ++d) {
    if (lifted[d]) labels[d] += kLiftMark + head_label[d];
  }
  return lifts;
}

int Deprojectivize(std::vector<int>& heads, std::vector<std::string>& labels) {
  const int n = static_cast<int>(heads.size()) - 1;
  int moved = 0;
  // A lifted word's target may itself be lifted and put back later in the same pass, so passes
  // repeat (top-down each time) until one moves nothing; a few suffice in practice.
  for (int pass = 0; pass < 8; ++pass) {
    std::vector<std::vector<int>> children(n + 1);
    for (int d = 1; d <= n; ++d) {
      if (heads[d] >= 0 && heads[d] <= n) children[heads[d]].push_back(d);
    }
    std::vector<int> order;
    std::deque<int> queue{0};
    while (!queue.empty()) {
      int x = queue.front();
      queue.pop_front();
      if (x > 0 && labels[x].find(kLiftMark) != std::string::npos) order.push_back(x);
      for (int c : children[x]) queue.push_back(c);
    }
    if (order.empty()) break;
    int moved_now = 0;
    for (int d : order) {
      size_t mark = labels[d].find(kLiftMark);
      std::string want = labels[d].substr(mark + 1);
      int h = heads[d];
      // Breadth-first below h, skipping d's own subtree.
      std::deque<int> q;
      for (int c : children[h]) {
        if (c != d) q.push_back(c);
      }
      int found = -1;
      while (!q.empty()) {
        int x = q.front();
        q.pop_front();
        std::string_view lx = labels[x];
        size_t m = lx.find(kLiftMark);
        if (m != std::string_view::npos) lx = lx.substr(0, m);
        if (lx == want) {
          found = x;
          break;
        }
        for (int c : children[x]) {
          if (c != d) q.push_back(c);
        }
      }
      if (found < 0) continue;
      labels[d].resize(mark);
      auto& sib = children[h];
      for (size_t i = 0; i < sib.size(); ++i) {
        if (sib[i] == d) {
          sib.erase(sib.begin() + i);
          break;
        }
      }
      heads[d] = found;
      children[found].push_back(d);
      ++moved_now;
    }
    moved += moved_now;
    if (moved_now == 0) break;
  }
  for (int d = 1; d <= n; ++d) {
    size_t mark = labels[d].find(kLiftMark);
    if (mark != std::string::npos) labels[d].resize(mark);
  }
  return moved;
}

}  // namespace annals::nlp::parse
