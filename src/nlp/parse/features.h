// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: feature extraction for the arc-hybrid parser, in the style of Zhang & Nivre (2011):
// words, tags and labels of the stack/buffer tops and their outermost dependents, distance,
// valency and label sets, conjoined into hashed 64-bit feature ids. Changing any template changes
// every model: bump kFeatureSetVersion (checked when a model is loaded).
#ifndef ANNALS_NLP_PARSE_FEATURES_H_
#define ANNALS_NLP_PARSE_FEATURES_H_

#include <cstdint>
#include <vector>

#include "annals/document.h"
#include "nlp/parse/transition.h"

namespace annals::nlp::parse {

inline constexpr uint32_t kFeatureSetVersion = 1;

// Per-sentence atomic attributes (index 0 is the root), computed once per sentence.
struct SentenceContext {
  std::vector<uint64_t> word;  // Lower-cased form.
  std::vector<uint64_t> upos;
  std::vector<uint64_t> xpos;
  std::vector<uint64_t> suffix;  // Last three characters of the lower-cased form.
  void Build(const Sentence& sentence);
  int n() const { return static_cast<int>(word.size()) - 1; }
};

// Appends the feature ids of `state` to `out` (cleared first).
void ExtractFeatures(const SentenceContext& ctx, const State& state, std::vector<uint64_t>& out);

// Final mixing of a feature id into a table row in [0, 2^bits).
inline uint32_t FeatureRow(uint64_t f, int bits) {
  f ^= f >> 31;
  f *= 0x7fb5d329728ea185ULL;
  f ^= f >> 27;
  f *= 0x81dadef4bc2dd44dULL;
  f ^= f >> 33;
  return static_cast<uint32_t>(f >> (64 - bits));
}

}  // namespace annals::nlp::parse

#endif  // ANNALS_NLP_PARSE_FEATURES_H_
