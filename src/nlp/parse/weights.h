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
#include "util/huge_pages.h"

namespace annals::nlp::parse {

class CompactWeights {
 public:
  struct Entry {
    uint16_t action;
    int16_t weight;
  };
  int bits() const { return bits_; }
  int num_actions() const { return num_actions_; }
  size_t num_entries() const { return num_entries_; }
  // Score needs scores[0..score_width()) (>= num_actions; the entries past num_actions stay 0).
  int score_width() const { return dense_width_; }
  // Adds the weights of every feature to scores[0..num_actions). Integer sums: the result does
  // not depend on the order in which rows or entries are added.
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
  // Rows are built in increasing row order (rows not added are empty); StartRows needs bits_ and
  // num_actions_ set.
  void StartRows();
  void AddRow(uint32_t row, const Entry* entries, size_t n);
  void FinishRows();
  // The entries of `row` in action order, appended to `out` (cleared first).
  void RowEntries(uint32_t row, std::vector<Entry>& out) const;

  // Row r occupies words_[offsets_[r] & ~kDense, offsets_[r + 1] & ~kDense). A sparse row holds
  // (action, weight) word pairs; a row with many entries (kDense set in offsets_[r]) holds the
  // weights of actions 0..dense_width_ as int16 (zero where the row has no entry), added to the
  // scores with vector instructions instead of one scattered add per entry.
  static constexpr uint32_t kDense = 1u << 31;
  int bits_ = 0;
  int num_actions_ = 0;
  int dense_width_ = 0;  // num_actions_ rounded up to a multiple of 16.
  float scale_ = 1.0f;
  size_t num_entries_ = 0;
  uint32_t next_row_ = 0;  // While building: rows below this one have their offset set.
  util::HugeVector<uint32_t> offsets_;  // 2^bits + 1
  util::HugeVector<uint16_t> words_;
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
