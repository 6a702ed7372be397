// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/parse/weights.h"

#include <algorithm>
#include <cmath>

#include "nlp/model_file.h"
#include "nlp/parse/features.h"

namespace annals::nlp::parse {

void CompactWeights::Score(const std::vector<uint64_t>& features, int32_t* scores) const {
  // Two prefetch passes (row offsets, then entries) let the ~100 random memory reads of one
  // decision overlap instead of waiting for each other: the table is far larger than the cache.
  constexpr size_t kBatch = 32;
  uint32_t rows[kBatch];
  uint32_t begin[kBatch];
  uint32_t end[kBatch];
  const uint32_t* offsets = offsets_.data();
  const Entry* entries = entries_.data();
  for (size_t base = 0; base < features.size(); base += kBatch) {
    const size_t n = std::min(kBatch, features.size() - base);
    for (size_t i = 0; i < n; ++i) {
      rows[i] = FeatureRow(features[base + i], bits_);
      __builtin_prefetch(offsets + rows[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      begin[i] = offsets[rows[i]];
      end[i] = offsets[rows[i] + 1];
      __builtin_prefetch(entries + begin[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      for (const Entry* e = entries + begin[i]; e < entries + end[i]; ++e) {
        scores[e->action] += e->weight;
      }
    }
  }
}

CompactWeights CompactWeights::Pruned(int min_abs) const {
  CompactWeights out;
  out.bits_ = bits_;
  out.num_actions_ = num_actions_;
  out.scale_ = scale_;
  out.offsets_.assign(offsets_.size(), 0);
  out.entries_.reserve(entries_.size());
  for (size_t r = 0; r + 1 < offsets_.size(); ++r) {
    out.offsets_[r] = static_cast<uint32_t>(out.entries_.size());
    for (uint32_t i = offsets_[r]; i < offsets_[r + 1]; ++i) {
      int w = entries_[i].weight;
      if (w >= min_abs || -w >= min_abs) out.entries_.push_back(entries_[i]);
    }
  }
  if (!offsets_.empty()) out.offsets_.back() = static_cast<uint32_t>(out.entries_.size());
  return out;
}

std::string CompactWeights::Serialize() const {
  ByteWriter w;
  w.VarU(bits_);
  w.VarU(num_actions_);
  w.F32(scale_);
  uint64_t rows = 0;
  for (size_t r = 0; r + 1 < offsets_.size(); ++r) rows += offsets_[r + 1] > offsets_[r];
  w.VarU(rows);
  w.VarU(entries_.size());
  uint32_t prev = 0;
  for (size_t r = 0; r + 1 < offsets_.size(); ++r) {
    uint32_t b = offsets_[r], e = offsets_[r + 1];
    if (b == e) continue;
    w.VarU(r - prev);
    prev = static_cast<uint32_t>(r);
    w.VarU(e - b);
    uint32_t pa = 0;
    for (uint32_t i = b; i < e; ++i) {
      w.VarU(entries_[i].action - pa);
      pa = entries_[i].action;
      int32_t v = entries_[i].weight;
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
  // Each entry takes at least two bytes and each row two: reject counts the data cannot hold.
  if (total > bytes.size() / 2 || rows > bytes.size() / 2 || rows > (1ull << bits)) {
    return DataLossError("parser weights: counts exceed the section size");
  }
  cw.bits_ = static_cast<int>(bits);
  cw.num_actions_ = static_cast<int>(actions);
  std::vector<uint32_t> counts(size_t{1} << bits, 0);
  cw.entries_.reserve(total);
  uint64_t row = 0;
  for (uint64_t i = 0; i < rows && r.ok(); ++i) {
    uint64_t delta = r.VarU();
    if (i > 0 && delta == 0) return DataLossError("parser weights: rows out of order");
    row += delta;
    uint64_t count = r.VarU();
    if (!r.ok()) break;
    if (row >= (1ull << bits) || count == 0 || count > actions ||
        cw.entries_.size() + count > total) {
      return DataLossError("parser weights: bad row " + std::to_string(row));
    }
    counts[row] = static_cast<uint32_t>(count);
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
      cw.entries_.push_back({static_cast<uint16_t>(action), static_cast<int16_t>(v)});
    }
  }
  if (!r.ok()) return r.status("parser weights");
  if (cw.entries_.size() != total) return DataLossError("parser weights: entry count mismatch");
  if (!r.done()) return DataLossError("parser weights: trailing bytes");
  cw.offsets_.assign(counts.size() + 1, 0);
  uint32_t pos = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    cw.offsets_[i] = pos;
    pos += counts[i];
  }
  cw.offsets_[counts.size()] = pos;
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
  cw.offsets_.assign(rows_.size() + 1, 0);
  std::vector<std::pair<uint16_t, int16_t>> tmp;
  for (size_t r = 0; r < rows_.size(); ++r) {
    cw.offsets_[r] = static_cast<uint32_t>(cw.entries_.size());
    tmp.clear();
    for (const Entry& e : rows_[r]) {
      long q = std::lround(avg(e) / scale);
      if (q != 0) tmp.push_back({e.action, static_cast<int16_t>(q)});
    }
    std::sort(tmp.begin(), tmp.end());
    for (auto& [a, q] : tmp) cw.entries_.push_back({a, q});
  }
  cw.offsets_[rows_.size()] = static_cast<uint32_t>(cw.entries_.size());
  return cw;
}

}  // namespace annals::nlp::parse
