// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez & Satta 2011) with a
// single-root constraint, and its dynamic oracle (Goldberg & Nivre 2013, with the corrected SHIFT
// cost: b0 also loses its dependents that are s0).
//
// Configuration: stack (root 0 at the bottom), buffer = words b..n. Moves:
//   SHIFT     push b0                                  (buffer not empty)
//   LEFT(l)   pop s0, arc b0 -l-> s0                    (s0 is a word, buffer not empty)
//   RIGHT(l)  pop s0, arc s1 -l-> s0                    (s0 is a word; when s1 is the root, only
//                                                        once the buffer is empty)
// The root constraint makes every terminal tree single-rooted: the only arc from the root is the
// last move of the derivation. From every non-terminal state some move is legal, so the greedy
// decoder always ends in a well-formed tree (every word one head, no cycles, one root child).
//
// Actions are numbered: 0 = SHIFT, 1 + 2*l = LEFT(l), 2 + 2*l = RIGHT(l), for label index l.
#ifndef ANNALS_NLP_PARSE_TRANSITION_H_
#define ANNALS_NLP_PARSE_TRANSITION_H_

#include <cstdint>
#include <vector>

namespace annals::nlp::parse {

enum Move : int { kShift = 0, kLeft = 1, kRight = 2 };

inline int MoveOf(int action) {
  return action == 0 ? kShift : ((action - 1) % 2 == 0 ? kLeft : kRight);
}
inline int LabelOf(int action) { return action == 0 ? -1 : (action - 1) / 2; }
inline int LeftAction(int label) { return 1 + 2 * label; }
inline int RightAction(int label) { return 2 + 2 * label; }
inline int NumActions(int num_labels) { return 1 + 2 * num_labels; }

// A parser configuration over words 1..n (0 is the root). Also tracks, per node, the two
// leftmost and two rightmost dependents and valencies, which the feature extractor reads.
class State {
 public:
  explicit State(int n);

  int n() const { return n_; }
  bool Terminal() const { return b_ > n_ && stack_.size() == 1; }
  // i-th stack element from the top (0 = s0) or -1.
  int S(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : -1;
  }
  // i-th buffer element (0 = b0) or -1.
  int B(int i) const { return b_ + i <= n_ ? b_ + i : -1; }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  const std::vector<int>& stack() const { return stack_; }
  int buffer_front() const { return b_; }

  bool CanShift() const { return b_ <= n_; }
  bool CanLeft() const { return stack_.size() >= 2 && b_ <= n_; }
  bool CanRight() const {
    return stack_.size() >= 2 && (stack_[stack_.size() - 2] != 0 || b_ > n_);
  }
  bool Legal(int action) const;
  void Apply(int action);

  int head(int i) const { return head_[i]; }
  int label(int i) const { return label_[i]; }
  const std::vector<int>& heads() const { return head_; }
  const std::vector<int>& labels() const { return label_; }
  // k-th leftmost (k = 0, 1) / rightmost dependent of node i, or -1.
  int Lc(int i, int k) const { return i < 0 ? -1 : lc_[2 * i + k]; }
  int Rc(int i, int k) const { return i < 0 ? -1 : rc_[2 * i + k]; }
  int LeftValency(int i) const { return i < 0 ? 0 : nl_[i]; }
  int RightValency(int i) const { return i < 0 ? 0 : nr_[i]; }

 private:
  void AddArc(int h, int d, int l);
  int n_;
  int b_ = 1;
  std::vector<int> stack_;
  std::vector<int> head_, label_;
  std::vector<int> lc_, rc_;
  std::vector<uint8_t> nl_, nr_;
};

// Dynamic oracle. `gold_head[i]`, `gold_label[i]` for i = 1..n (index 0 unused); the gold tree
// must be projective for the costs to be exact. Returns the number of gold arcs (a wrong label
// counts as a lost arc) that `action` makes unreachable from `state`; `action` must be legal.
int ActionCost(const State& state, int action, const std::vector<int>& gold_head,
               const std::vector<int>& gold_label);

// Unlabeled part of ActionCost for a move (kShift/kLeft/kRight).
int MoveCost(const State& state, int move, const std::vector<int>& gold_head);

// True when the tree given by heads (1..n, 0 = root) is projective (no crossing arcs, including
// arcs from the root).
bool IsProjective(const std::vector<int>& heads);

// True when heads[1..n] form one tree: every word reaches 0 with no cycle, exactly one word has
// head 0.
bool IsWellFormedSingleRoot(const std::vector<int>& heads);

}  // namespace annals::nlp::parse

#endif  // ANNALS_NLP_PARSE_TRANSITION_H_
