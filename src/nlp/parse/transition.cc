// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/parse/transition.h"

#include <cstddef>

namespace annals::nlp::parse {

State::State(int n)
    : n_(n),
      head_(n + 1, -1),
      label_(n + 1, -1),
      lc_(2 * (n + 1), -1),
      rc_(2 * (n + 1), -1),
      nl_(n + 1, 0),
      nr_(n + 1, 0) {
  stack_.reserve(n + 1);
  stack_.push_back(0);
}

bool State::Legal(int action) const {
  switch (MoveOf(action)) {
    case kShift:
      return CanShift();
    case kLeft:
      return CanLeft();
    default:
      return CanRight();
  }
}

void State::AddArc(int h, int d, int l) {
  head_[d] = h;
  label_[d] = l;
  if (d < h) {
    int* c = &lc_[2 * h];
    if (c[0] < 0 || d < c[0]) {
      c[1] = c[0];
      c[0] = d;
    } else if (c[1] < 0 || d < c[1]) {
      c[1] = d;
    }
    if (nl_[h] < 255) ++nl_[h];
  } else {
    int* c = &rc_[2 * h];
    if (c[0] < 0 || d > c[0]) {
      c[1] = c[0];
      c[0] = d;
    } else if (c[1] < 0 || d > c[1]) {
      c[1] = d;
    }
    if (nr_[h] < 255) ++nr_[h];
  }
}

void State::Apply(int action) {
  switch (MoveOf(action)) {
    case kShift:
      stack_.push_back(b_++);
      break;
    case kLeft: {
      int s0 = stack_.back();
      stack_.pop_back();
      AddArc(b_, s0, LabelOf(action));
      break;
    }
    default: {
      int s0 = stack_.back();
      stack_.pop_back();
      AddArc(stack_.back(), s0, LabelOf(action));
      break;
    }
  }
}

int MoveCost(const State& st, int move, const std::vector<int>& gold) {
  const int n = st.n();
  const int b = st.buffer_front();
  const int s0 = st.S(0);
  int cost = 0;
  if (move == kShift) {
    // b0 can no longer take a head from the stack below s0, nor any stack word as a dependent.
    const std::vector<int>& stack = st.stack();
    for (std::size_t i = 0; i < stack.size(); ++i) {
      int k = stack[i];
      if (k != s0 && gold[b] == k) ++cost;
      if (k != 0 && gold[k] == b) ++cost;
    }
    return cost;
  }
  // LEFT and RIGHT both pop s0: it loses its dependents still in the buffer and every head
  // other than the one the move gives it among those still reachable (s1 and the buffer).
  for (int k = b; k <= n; ++k) {
    if (gold[k] == s0) ++cost;
  }
  int given = move == kLeft ? b : st.S(1);
  int g = gold[s0];
  if (g != given) {
    bool reachable = g == st.S(1) || (g >= b && g <= n && b <= n);
    if (reachable) ++cost;
  }
  return cost;
}

int ActionCost(const State& st, int action, const std::vector<int>& gold_head,
               const std::vector<int>& gold_label) {
  int move = MoveOf(action);
  int cost = MoveCost(st, move, gold_head);
  if (move != kShift) {
    int s0 = st.S(0);
    int h = move == kLeft ? st.buffer_front() : st.S(1);
    if (gold_head[s0] == h && gold_label[s0] != LabelOf(action)) ++cost;
  }
  return cost;
}

bool IsProjective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  for (int d = 1; d <= n; ++d) {
    int h = heads[d];
    int lo = h < d ? h : d, hi = h < d ? d : h;
    for (int k = lo + 1; k < hi; ++k) {
      // k must be dominated by h.
      int a = k;
      int steps = 0;
      while (a != h && a > 0 && steps <= n) {
        a = heads[a];
        ++steps;
      }
      if (a != h) return false;
    }
  }
  return true;
}

bool IsWellFormedSingleRoot(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    if (heads[d] < 0 || heads[d] > n || heads[d] == d) return false;
    if (heads[d] == 0) ++roots;
    int a = d, steps = 0;
    while (a != 0) {
      a = heads[a];
      if (++steps > n) return false;  // Cycle.
    }
  }
  return n == 0 || roots == 1;
}

}  // namespace annals::nlp::parse
