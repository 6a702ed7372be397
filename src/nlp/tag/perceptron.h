// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: a sparse multi-class averaged perceptron keyed by 64-bit feature hashes.
//
// `PerceptronTrainer` learns weights with lazy averaging (Collins 2002; the "timestamp" trick);
// `Finish` produces a `SparseWeights`: for each feature only the classes with a non-zero averaged
// weight, quantized to int16 with one scale for the whole model. `SparseWeights` is immutable and
// its `Score` is const (thread-safe). Layout of its serialized form: docs/models.md ("weights").
#ifndef ANNALS_NLP_TAG_PERCEPTRON_H_
#define ANNALS_NLP_TAG_PERCEPTRON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/status.h"
#include "util/huge_pages.h"

namespace annals::nlp::tag {

// Frozen weights: an open-addressing hash table from feature key to a run of (class, weight).
class SparseWeights {
 public:
  SparseWeights() = default;

  // Adds the weights of `key` to scores[class]. Unknown keys add nothing.
  void Add(uint64_t key, float* scores) const {
    if (slots_.empty()) return;
    size_t i = Home(key);
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) {
        for (uint32_t e = s.begin; e < s.end; ++e) {
          scores[entries_[e].cls] += entries_[e].value * scale_;
        }
        return;
      }
      if (s.key == 0) return;
      i = (i + 1) & mask_;
    }
  }

  // The same as Add for each key in turn (so the same float sums, added in the same order), with
  // the memory reads of all the keys overlapped: lookups are memory-bound.
  void AddAll(const std::vector<uint64_t>& keys, float* scores) const {
    AddAll(keys.data(), keys.size(), scores);
  }
  void AddAll(const uint64_t* keys, size_t count, float* scores) const;

  // Hints the cache that `key` will be looked up soon (lookups are memory-bound).
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key)]);
  }

  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return entries_.size(); }

  // Serialized form (see docs/models.md).
  std::string Serialize() const;
  static Result<SparseWeights> Parse(std::string_view bytes, int num_classes);

  // Builds from (key, class, weight) triples sorted by key then class; keys must be non-zero.
  struct Triple {
    uint64_t key;
    uint8_t cls;
    float weight;
  };
  static SparseWeights Build(const std::vector<Triple>& triples);

  // One weight: value * scale() is added to scores[cls].
  struct Entry {
    int16_t value;
    uint8_t cls;
  };
  float scale() const { return scale_; }
  // Calls f(key, entries, count) for every feature, its weights in the order Add adds them.
  template <typename F>
  void ForEachFeature(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.key != 0) f(s.key, entries_.data() + s.begin, static_cast<size_t>(s.end - s.begin));
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  void BuildTable(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& starts);
  // A key's first slot: its top bits (keys are well mixed), so that keys inserted in increasing
  // order fill the table front to back.
  size_t Home(uint64_t key) const { return static_cast<size_t>(key >> shift_); }

  util::HugeVector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 63;
  size_t num_features_ = 0;
  // The (class, weight) runs of the features, one entry read per weight.
  util::HugeVector<Entry> entries_;
  float scale_ = 1.0f;
};

// The weights of a SparseWeights for scoring few classes (the NER model's 13): a feature with
// weights for many classes keeps them as a dense row of products value * scale, 0 for the
// classes without a weight, added to the scores with SIMD adds; the others keep their sparse
// (class, product) run. AddAll gives the same float scores as SparseWeights::AddAll: the products
// are the same floats, each class's sum takes them in the same order, and adding 0 changes no
// sum (no score is ever -0).
class RowWeights {
 public:
  RowWeights() = default;
  RowWeights(const SparseWeights& weights, int num_classes);

  // scores must have room for padded_classes() floats; those past num_classes are scratch.
  void AddAll(const uint64_t* keys, size_t count, float* scores) const;
  size_t padded_classes() const { return width_; }

 private:
  static constexpr uint32_t kDense = 0x80000000u;  // Slot::count flag: `begin` is a row.
  static constexpr size_t kDenseMin = 4;           // Weights from which a feature is a row.
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;  // Into rows_ (dense) or entries_.
    uint32_t count = 0;  // Sparse: the run's length; dense: kDense.
  };
  struct Entry {
    float product;
    uint32_t cls;
  };
  size_t Home(uint64_t key) const { return static_cast<size_t>(key >> shift_); }

  util::HugeVector<Slot> slots_;
  util::HugeVector<Entry> entries_;
  util::HugeVector<float> rows_;
  size_t width_ = 0;  // Row length: the class count rounded up to 4.
  size_t mask_ = 0;
  int shift_ = 63;
};

// Learns weights for `num_classes` classes. Not thread-safe.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }

  // Adds the current (not averaged) weights of `keys` to `scores` (num_classes floats).
  void Score(const std::vector<uint64_t>& keys, float* scores) const;
  // Adds the averaged weights as they stand now (for evaluating on dev between epochs).
  void ScoreAveraged(const std::vector<uint64_t>& keys, float* scores) const;
  // Counts one training instance; call once per instance, before any Update for it.
  void Tick() { ++now_; }
  // One perceptron step: +1 for `gold`, -1 for `guess` on every feature (nothing when equal).
  void Update(const std::vector<uint64_t>& keys, int gold, int guess);

  // Averaged weights, dropping those with |w| < prune_below.
  SparseWeights Finish(float prune_below) const;
  size_t num_features() const { return index_.size(); }

 private:
  struct Entry {
    uint8_t cls;
    float w;
    double total;
    int64_t stamp;
  };
  Entry& Find(uint32_t feature, int cls);
  int num_classes_;
  int64_t now_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<Entry>> entries_;
};

// A well-mixed combination of two 64-bit values, never 0 (0 marks an empty slot).
inline uint64_t MixKey(uint64_t a, uint64_t b) {
  uint64_t z = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return z == 0 ? 1 : z;
}

}  // namespace annals::nlp::tag

#endif  // ANNALS_NLP_TAG_PERCEPTRON_H_
