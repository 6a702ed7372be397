// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/parse/weights.h"

#include <algorithm>
#include <cmath>

#include "nlp/model_file.h"
#include "nlp/parse/features.h"

namespace annals::nlp::parse {

namespace {

// A row with at least this many entries per 16 scored actions is stored dense: its vector add
// touches 16 actions per step where the sparse loop adds one entry per step.
constexpr size_t kDenseEntriesPer16 = 3;

// out[0..width) += d[0..width), width a multiple of 16 (int32 sums: exact in any order).
inline void DenseAdd(const int16_t* d, int32_t* out, size_t width) {
  for (size_t a = 0; a < width; a += 16) {
    for (size_t k = 0; k < 16; ++k) out[a + k] += d[a + k];
  }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The same with 256-bit vectors, used when the CPU has AVX2 (the build targets plain x86-64).
__attribute__((target("avx2"))) void DenseAddAvx2(const int16_t* d, int32_t* out, size_t width) {
  for (size_t a = 0; a < width; a += 16) {
    for (size_t k = 0; k < 16; ++k) out[a + k] += d[a + k];
  }
}
bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#else
void DenseAddAvx2(const int16_t* d, int32_t* out, size_t width) { DenseAdd(d, out, width); }
bool HasAvx2() { return false; }
#endif

}  // namespace

void CompactWeights::Score(const std::vector<uint64_t>& features, int32_t* scores) const {
  // Two prefetch passes (row offsets, then entries) let the ~100 random memory reads of one
  // decision overlap instead of waiting for each other: the table is far larger than the cache.
  constexpr size_t kBatch = 32;
  uint32_t rows[kBatch];
  uint32_t begin[kBatch];
  uint32_t end[kBatch];
  const uint32_t* offsets = offsets_.data();
  const uint16_t* words = words_.data();
  const size_t width = static_cast<size_t>(dense_width_);
  const bool avx2 = HasAvx2();
  for (size_t base = 0; base < features.size(); base += kBatch) {
    const size_t n = std::min(kBatch, features.size() - base);
    for (size_t i = 0; i < n; ++i) {
      rows[i] = FeatureRow(features[base + i], bits_);
      __builtin_prefetch(offsets + rows[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      begin[i] = offsets[rows[i]];
      end[i] = offsets[rows[i] + 1] & ~kDense;
      __builtin_prefetch(words + (begin[i] & ~kDense));
    }
    for (size_t i = 0; i < n; ++i) {
      if (begin[i] & kDense) {
        const int16_t* d = reinterpret_cast<const int16_t*>(words + (begin[i] & ~kDense));
        if (avx2) {
          DenseAddAvx2(d, scores, width);
        } else {
          DenseAdd(d, scores, width);
        }
        continue;
      }
      for (const uint16_t* e = words + begin[i]; e < words + end[i]; e += 2) {
        scores[e[0]] += static_cast<int16_t>(e[1]);
      }
    }
  }
}

void CompactWeights::StartRows() {
  dense_width_ = (num_actions_ + 15) / 16 * 16;
  num_entries_ = 0;
  next_row_ = 0;
  offsets_.assign((size_t{1} << bits_) + 1, 0);
  words_.clear();
}

void CompactWeights::AddRow(uint32_t row, const Entry* entries, size_t n) {
  const uint32_t pos = static_cast<uint32_t>(words_.size());
  while (next_row_ < row) offsets_[next_row_++] = pos;
  if (n == 0) return;
  num_entries_ += n;
  // Dense only when every entry is non-zero, so that RowEntries gives back exactly these.
  bool dense = n * 16 >= kDenseEntriesPer16 * static_cast<size_t>(dense_width_);
  for (size_t i = 0; i < n && dense; ++i) dense = entries[i].weight != 0;
  if (dense) {
    offsets_[next_row_++] = pos | kDense;
    words_.resize(words_.size() + static_cast<size_t>(dense_width_), 0);
    for (size_t i = 0; i < n; ++i) {
      words_[pos + entries[i].action] = static_cast<uint16_t>(entries[i].weight);
    }
    return;
  }
  offsets_[next_row_++] = pos;
  for (size_t i = 0; i < n; ++i) {
    words_.push_back(entries[i].action);
    words_.push_back(static_cast<uint16_t>(entries[i].weight));
  }
}

void CompactWeights::FinishRows() {
  const uint32_t pos = static_cast<uint32_t>(words_.size());
  while (next_row_ < offsets_.size()) offsets_[next_row_++] = pos;
}

void CompactWeights::RowEntries(uint32_t row, std::vector<Entry>& out) const {
  out.clear();
  const uint32_t b = offsets_[row] & ~kDense, e = offsets_[row + 1] & ~kDense;
  if (offsets_[row] & kDense) {
    for (uint32_t a = 0; a < e - b; ++a) {
      if (words_[b + a] != 0) {
        out.push_back({static_cast<uint16_t>(a), static_cast<int16_t>(words_[b + a])});
      }
    }
    return;
  }
  for (uint32_t i = b; i < e; i += 2) {
    out.push_back({words_[i], static_cast<int16_t>(words_[i + 1])});
  }
}

CompactWeights CompactWeights::Pruned(int min_abs) const {
  CompactWeights out;
  out.bits_ = bits_;
  out.num_actions_ = num_actions_;
  out.scale_ = scale_;
  out.StartRows();
  std::vector<Entry> row, kept;
  for (size_t r = 0; r + 1 < offsets_.size(); ++r) {
    RowEntries(static_cast<uint32_t>(r), row);
    kept.clear();
    for (const Entry& e : row) {
      int w = e.weight;
      if (w >= min_abs || -w >= min_abs) kept.push_back(e);
    }
    out.AddRow(static_cast<uint32_t>(r), kept.data(), kept.size());
  }
  out.FinishRows();
  return out;
}

std::string CompactWeights::Serialize() const {
  ByteWriter w;
  w.VarU(bits_);
  w.VarU(num_actions_);
  w.F32(scale_);
  uint64_t rows = 0;
  for (size_t r = 0; r + 1 < offsets_.size(); ++r) {
    rows += (offsets_[r + 1] & ~kDense) > (offsets_[r] & ~kDense);
  }
  w.VarU(rows);
  w.VarU(num_entries_);
  uint32_t prev = 0;
  std::vector<Entry> row;
  for (size_t r = 0; r + 1 < offsets_.size(); ++r) {
    RowEntries(static_cast<uint32_t>(r), row);
    if (row.empty()) continue;
    w.VarU(r - prev);
    prev = static_cast<uint32_t>(r);
    w.VarU(row.size());
    uint32_t pa = 0;
    for (const Entry& e : row) {
      w.VarU(e.action - pa);
      pa = e.action;
      int32_t v = e.weight;
      w.VarU(static_cast<uint32_t>((v << 1) ^ (v >> 31)));
    }
  }
  return w.Take();
}

Result<CompactWeights> CompactWeights::Deserialize(std::string_view bytes) {
  ByteReader r(bytes);
  CompactWeights cw;
  uint64_t bits = r.VarU(), actions = r.VarU();
  cw.scale_ = r.F32();
  uint64_t rows = r.VarU(), total = r.VarU();
  if (!r.ok()) return r.status("parser weights header");
  if (bits < 8 || bits > 24)
    return DataLossError("parser weights: bad table size 2^" + std::to_string(bits));
  if (actions < 1 || actions > 65535) return DataLossError("parser weights: bad action count");
  // Row positions are 31-bit (a dense row takes at most 8/3 the words of its entries as pairs).
  if (bytes.size() > (size_t{1} << 29)) return DataLossError("parser weights: section too large");
  // Each entry takes at least two bytes and each row two: reject counts the data cannot hold.
  if (total > bytes.size() / 2 || rows > bytes.size() / 2 || rows > (1ull << bits)) {
    return DataLossError("parser weights: counts exceed the section size");
  }
  cw.bits_ = static_cast<int>(bits);
  cw.num_actions_ = static_cast<int>(actions);
  cw.StartRows();
  // Dense rows take more words than pairs; the reserve's unused tail is never touched (no copy to
  // shrink it, which would double the peak memory of loading).
  cw.words_.reserve(2 * total + total / 4);
  std::vector<Entry> entries;
  uint64_t row = 0;
  uint64_t seen = 0;
  for (uint64_t i = 0; i < rows && r.ok(); ++i) {
    uint64_t delta = r.VarU();
    if (i > 0 && delta == 0) return DataLossError("parser weights: rows out of order");
    row += delta;
    uint64_t count = r.VarU();
    if (!r.ok()) break;
    if (row >= (1ull << bits) || count == 0 || count > actions || seen + count > total) {
      return DataLossError("parser weights: bad row " + std::to_string(row));
    }
    seen += count;
    entries.clear();
    uint64_t action = 0;
    for (uint64_t k = 0; k < count; ++k) {
      uint64_t da = r.VarU();
      if (k > 0 && da == 0) return DataLossError("parser weights: actions out of order");
      action += da;
      uint64_t z = r.VarU();
      if (!r.ok()) break;
      if (action >= actions || z > 0xffff) {
        return DataLossError("parser weights: bad entry in row " + std::to_string(row));
      }
      int32_t v = static_cast<int32_t>(z >> 1) ^ -static_cast<int32_t>(z & 1);
      entries.push_back({static_cast<uint16_t>(action), static_cast<int16_t>(v)});
    }
    if (!r.ok()) break;
    cw.AddRow(static_cast<uint32_t>(row), entries.data(), entries.size());
  }
  if (!r.ok()) return r.status("parser weights");
  if (seen != total) return DataLossError("parser weights: entry count mismatch");
  if (!r.done()) return DataLossError("parser weights: trailing bytes");
  cw.FinishRows();
  return cw;
}

TrainWeights::TrainWeights(int bits, int num_actions)
    : bits_(bits), num_actions_(num_actions), rows_(size_t{1} << bits) {}

void TrainWeights::Score(const std::vector<uint64_t>& features, float* scores) const {
  for (uint64_t f : features) {
    for (const Entry& e : rows_[FeatureRow(f, bits_)]) scores[e.action] += e.weight;
  }
}

void TrainWeights::Update(const std::vector<uint64_t>& features, int action, float delta,
                          uint64_t now) {
  for (uint64_t f : features) {
    std::vector<Entry>& row = rows_[FeatureRow(f, bits_)];
    Entry* found = nullptr;
    for (Entry& e : row) {
      if (e.action == action) {
        found = &e;
        break;
      }
    }
    if (found == nullptr) {
      row.push_back({0.0, 0.0f, static_cast<uint32_t>(now), static_cast<uint16_t>(action)});
      found = &row.back();
    }
    found->total += static_cast<double>(found->weight) * static_cast<double>(now - found->stamp);
    found->stamp = static_cast<uint32_t>(now);
    found->weight += delta;
  }
}

CompactWeights TrainWeights::Average(uint64_t now) const {
  CompactWeights cw;
  cw.bits_ = bits_;
  cw.num_actions_ = num_actions_;
  double denom = now > 0 ? static_cast<double>(now) : 1.0;
  double max_abs = 0;
  auto avg = [&](const Entry& e) {
    return (e.total + static_cast<double>(e.weight) * static_cast<double>(now - e.stamp)) / denom;
  };
  for (const auto& row : rows_) {
    for (const Entry& e : row) max_abs = std::max(max_abs, std::fabs(avg(e)));
  }
  double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  cw.scale_ = static_cast<float>(scale);
  cw.StartRows();
  std::vector<CompactWeights::Entry> tmp;
  for (size_t r = 0; r < rows_.size(); ++r) {
    tmp.clear();
    for (const Entry& e : rows_[r]) {
      long q = std::lround(avg(e) / scale);
      if (q != 0) tmp.push_back({e.action, static_cast<int16_t>(q)});
    }
    std::sort(tmp.begin(), tmp.end(),
              [](const CompactWeights::Entry& x, const CompactWeights::Entry& y) {
                return x.action != y.action ? x.action < y.action : x.weight < y.weight;
              });
    cw.AddRow(static_cast<uint32_t>(r), tmp.data(), tmp.size());
  }
  cw.FinishRows();
  return cw;
}

}  // namespace annals::nlp::parse
