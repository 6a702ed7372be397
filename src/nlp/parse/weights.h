// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the parser's linear model. Feature ids are hashed into 2^bits rows; each row holds a
// sparse list of (action, weight) entries, so frequent features carry many actions and rare ones
// a few.
//
// TrainWeights: averaged perceptron (lazy averaging with per-entry timestamps), float weights.
// CompactWeights: the averaged weights quantised to int16 with one global scale, zero entries
// dropped, rows in CSR form. Scores are int32 sums (the scale does not change the argmax).
#ifndef ANNALS_NLP_PARSE_WEIGHTS_H_
#define ANNALS_NLP_PARSE_WEIGHTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals::nlp::parse {

class CompactWeights {
 public:
  struct Entry {
    uint16_t action;
    int16_t weight;
  };
  int bits() const { return bits_; }
  int num_actions() const { return num_actions_; }
  size_t num_entries() const { return entries_.size(); }
  // Adds the weights of every feature to scores[0..num_actions).
  void Score(const std::vector<uint64_t>& features, int32_t* scores) const;

  // Serialised form (docs/parser.md): bits, actions, scale, then for each non-empty row the row
  // delta, the entry count and (action delta, zigzag weight) pairs, all varints.
  std::string Serialize() const;
  static Result<CompactWeights> Deserialize(std::string_view bytes);

  float scale() const { return scale_; }

  // A copy without the entries whose |weight| is below `min_abs` (rows that empty stay empty).
  CompactWeights Pruned(int min_abs) const;

 private:
  friend class TrainWeights;
  int bits_ = 0;
  int num_actions_ = 0;
  float scale_ = 1.0f;
  std::vector<uint32_t> offsets_;  // 2^bits + 1
  std::vector<Entry> entries_;
};

class TrainWeights {
 public:
  TrainWeights(int bits, int num_actions);
  void Score(const std::vector<uint64_t>& features, float* scores) const;
  // Adds delta to (feature, action) for every feature; `now` is the number of updates-steps so
  // far (the averaging clock).
  void Update(const std::vector<uint64_t>& features, int action, float delta, uint64_t now);
  // Averaged weights at clock `now`, quantised.
  CompactWeights Average(uint64_t now) const;

 private:
  struct Entry {
    double total;
    float weight;
    uint32_t stamp;
    uint16_t action;
  };
  int bits_;
  int num_actions_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace annals::nlp::parse

#endif  // ANNALS_NLP_PARSE_WEIGHTS_H_
