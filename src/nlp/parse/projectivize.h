// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: pseudo-projective parsing (Nivre & Nilsson 2005), "head" encoding.
//
// Projectivize lifts the shortest non-projective arc to the head's head until the tree is
// projective; the first lift of a word rewrites its label to "dep^headrel" (headrel = the label of
// its syntactic head). Deprojectivize undoes this on parser output: each word whose label carries
// "^headrel" is reattached, breadth-first and left to right among the descendants of its current
// head (never inside its own subtree, so no cycle can arise), to the first word labelled headrel;
// the "^headrel" suffix is removed either way.
#ifndef ANNALS_NLP_PARSE_PROJECTIVIZE_H_
#define ANNALS_NLP_PARSE_PROJECTIVIZE_H_

#include <string>
#include <vector>

namespace annals::nlp::parse {

inline constexpr char kLiftMark = '^';

// heads[1..n], labels[1..n] (index 0 unused). Returns the number of arcs lifted. The input must
// be a tree (every word reaches 0).
int Projectivize(std::vector<int>& heads, std::vector<std::string>& labels);

// Inverse of Projectivize on a (projective) tree with encoded labels. Returns the number of words
// reattached.
int Deprojectivize(std::vector<int>& heads, std::vector<std::string>& labels);

}  // namespace annals::nlp::parse

#endif  // ANNALS_NLP_PARSE_PROJECTIVIZE_H_
