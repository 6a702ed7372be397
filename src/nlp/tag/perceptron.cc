// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tag/perceptron.h"

#include <algorithm>
#include <cmath>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nlp/model_file.h"

namespace annals::nlp::tag {
namespace {

// Looks `count` keys up in an open-addressing table (`slots`, home slot key >> shift, linear
// probing, key 0 empty) 64 at a time: prefetches every home slot of the batch, probes, calls
// prefetch(slot) for each key found, then add(slot) for each, in key order. Both weight layouts
// score through it, so their lookups stay alike.
template <typename Slot, typename Prefetch, typename Add>
void LookUpBatched(const Slot* slots, size_t mask, int shift, const uint64_t* keys, size_t count,
                   Prefetch prefetch, Add add) {
  constexpr size_t kBatch = 64;
  const Slot* found[kBatch];
  for (size_t base = 0; base < count; base += kBatch) {
    const size_t n = std::min(kBatch, count - base);
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(slots + (keys[base + i] >> shift));
    size_t m = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t key = keys[base + i];
      for (size_t j = static_cast<size_t>(key >> shift);; j = (j + 1) & mask) {
        const Slot& s = slots[j];
        if (s.key == key) {
          found[m++] = &s;
          prefetch(s);
          break;
        }
        if (s.key == 0) break;
      }
    }
    for (size_t i = 0; i < m; ++i) add(*found[i]);
  }
}

}  // namespace

void SparseWeights::BuildTable(const std::vector<uint64_t>& keys,
                               const std::vector<uint32_t>& starts) {
  num_features_ = keys.size();
  size_t cap = 16;
  int bits = 4;
  while (cap < keys.size() * 2) {
    cap <<= 1;
    ++bits;
  }
  slots_.assign(cap, Slot());
  mask_ = cap - 1;
  shift_ = 64 - bits;
  for (size_t f = 0; f < keys.size(); ++f) {
    size_t i = Home(keys[f]);
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{keys[f], starts[f], starts[f + 1]};
  }
}

void SparseWeights::AddAll(const uint64_t* keys, size_t count, float* scores) const {
  if (slots_.empty()) return;
  const Entry* entries = entries_.data();
  LookUpBatched(
      slots_.data(), mask_, shift_, keys, count,
      [&](const Slot& s) { __builtin_prefetch(entries + s.begin); },
      [&](const Slot& s) {
        for (uint32_t e = s.begin; e < s.end; ++e) {
          scores[entries[e].cls] += entries[e].value * scale_;
        }
      });
}

RowWeights::RowWeights(const SparseWeights& weights, int num_classes)
    : width_((static_cast<size_t>(num_classes) + 3) / 4 * 4) {
  size_t n = 0, dense = 0, sparse = 0;
  weights.ForEachFeature([&](uint64_t, const SparseWeights::Entry*, size_t count) {
    ++n;
    if (count >= kDenseMin) {
      ++dense;
    } else {
      sparse += count;
    }
  });
  rows_.reserve(dense * width_);
  entries_.reserve(sparse);
  size_t cap = 16;
  int bits = 4;
  while (cap < n * 2) {
    cap <<= 1;
    ++bits;
  }
  slots_.assign(cap, Slot());
  mask_ = cap - 1;
  shift_ = 64 - bits;
  const float scale = weights.scale();
  weights.ForEachFeature([&](uint64_t key, const SparseWeights::Entry* e, size_t count) {
    size_t i = Home(key);
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    Slot& s = slots_[i];
    s.key = key;
    if (count >= kDenseMin) {
      s.begin = static_cast<uint32_t>(rows_.size());
      s.count = kDense;
      rows_.resize(rows_.size() + width_, 0.0f);
      for (size_t k = 0; k < count; ++k) rows_[s.begin + e[k].cls] = e[k].value * scale;
    } else {
      s.begin = static_cast<uint32_t>(entries_.size());
      s.count = static_cast<uint32_t>(count);
      for (size_t k = 0; k < count; ++k) entries_.push_back({e[k].value * scale, e[k].cls});
    }
  });
}

void RowWeights::AddAll(const uint64_t* keys, size_t count, float* scores) const {
  if (slots_.empty()) return;
  const float* rows = rows_.data();
  const Entry* entries = entries_.data();
  LookUpBatched(
      slots_.data(), mask_, shift_, keys, count,
      [&](const Slot& s) {
        __builtin_prefetch(s.count == kDense ? static_cast<const void*>(rows + s.begin)
                                             : static_cast<const void*>(entries + s.begin));
      },
      [&](const Slot& s) {
        if (s.count == kDense) {
          const float* row = rows + s.begin;
#ifdef __SSE2__
          for (size_t c = 0; c < width_; c += 4) {
            _mm_storeu_ps(scores + c, _mm_add_ps(_mm_loadu_ps(scores + c), _mm_loadu_ps(row + c)));
          }
#else
          for (size_t c = 0; c < width_; ++c) scores[c] += row[c];
#endif
        } else {
          for (uint32_t e = s.begin; e < s.begin + s.count; ++e) {
            scores[entries[e].cls] += entries[e].product;
          }
        }
      });
}

SparseWeights SparseWeights::Build(const std::vector<Triple>& triples) {
  SparseWeights w;
  float max_abs = 0;
  for (const Triple& t : triples) max_abs = std::max(max_abs, std::fabs(t.weight));
  w.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> starts;
  for (const Triple& t : triples) {
    int q = static_cast<int>(std::lround(t.weight / w.scale_));
    if (q == 0) continue;
    if (keys.empty() || keys.back() != t.key) {
      keys.push_back(t.key);
      starts.push_back(static_cast<uint32_t>(w.entries_.size()));
    }
    w.entries_.push_back({static_cast<int16_t>(std::clamp(q, -32767, 32767)), t.cls});
  }
  starts.push_back(static_cast<uint32_t>(w.entries_.size()));
  w.BuildTable(keys, starts);
  return w;
}

std::string SparseWeights::Serialize() const {
  // Features in key order so that the bytes do not depend on the table's layout.
  std::vector<const Slot*> used;
  used.reserve(num_features_);
  for (const Slot& s : slots_) {
    if (s.key != 0) used.push_back(&s);
  }
  std::sort(used.begin(), used.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  ByteWriter w;
  w.F32(scale_);
  w.VarU(used.size());
  for (const Slot* s : used) {
    w.U64(s->key);
    w.VarU(s->end - s->begin);
    for (uint32_t e = s->begin; e < s->end; ++e) {
      w.U8(entries_[e].cls);
      int v = entries_[e].value;
      w.VarU(v >= 0 ? static_cast<uint64_t>(v) << 1 : (static_cast<uint64_t>(-v) << 1) - 1);
    }
  }
  return w.Take();
}

Result<SparseWeights> SparseWeights::Parse(std::string_view bytes, int num_classes) {
  ByteReader r(bytes);
  SparseWeights w;
  w.scale_ = r.F32();
  uint64_t n = r.VarU();
  if (!r.ok()) return r.status("weights header");
  if (!std::isfinite(w.scale_) || w.scale_ <= 0) return DataLossError("weights: bad scale");
  // Each feature takes at least 11 bytes; reject counts the data cannot hold before reserving.
  if (n > bytes.size() / 11) return DataLossError("weights: feature count exceeds the data");
  std::vector<uint64_t> keys;
  std::vector<uint32_t> starts;
  keys.reserve(n);
  starts.reserve(n + 1);
  // Each weight takes at least two bytes after the 9 of its feature's key and count (pages of the
  // reservation that stay unused are never touched).
  w.entries_.reserve((bytes.size() - 9 * n) / 2);
  uint64_t prev = 0;
  for (uint64_t f = 0; f < n; ++f) {
    uint64_t key = r.U64();
    uint64_t count = r.VarU();
    if (!r.ok()) return r.status("weights");
    if (key <= prev) return DataLossError("weights: feature keys not strictly increasing");
    if (count == 0 || count > static_cast<uint64_t>(num_classes)) {
      return DataLossError("weights: bad class count for a feature");
    }
    prev = key;
    keys.push_back(key);
    starts.push_back(static_cast<uint32_t>(w.entries_.size()));
    for (uint64_t e = 0; e < count; ++e) {
      uint8_t cls = r.U8();
      uint64_t z = r.VarU();
      if (!r.ok()) return r.status("weights");
      if (cls >= num_classes) return DataLossError("weights: class out of range");
      if (z > 65534) return DataLossError("weights: value out of range");
      int v = (z & 1) ? -static_cast<int>((z + 1) >> 1) : static_cast<int>(z >> 1);
      w.entries_.push_back({static_cast<int16_t>(v), cls});
    }
  }
  if (!r.done()) return DataLossError("weights: trailing bytes");
  starts.push_back(static_cast<uint32_t>(w.entries_.size()));
  w.BuildTable(keys, starts);
  return w;
}

PerceptronTrainer::Entry& PerceptronTrainer::Find(uint32_t feature, int cls) {
  std::vector<Entry>& v = entries_[feature];
  for (Entry& e : v) {
    if (e.cls == cls) return e;
  }
  v.push_back(Entry{static_cast<uint8_t>(cls), 0.0f, 0.0, now_});
  return v.back();
}

void PerceptronTrainer::Score(const std::vector<uint64_t>& keys, float* scores) const {
  for (uint64_t k : keys) {
    auto it = index_.find(k);
    if (it == index_.end()) continue;
    for (const Entry& e : entries_[it->second]) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::ScoreAveraged(const std::vector<uint64_t>& keys, float* scores) const {
  if (now_ == 0) return;
  for (uint64_t k : keys) {
    auto it = index_.find(k);
    if (it == index_.end()) continue;
    for (const Entry& e : entries_[it->second]) {
      double total = e.total + static_cast<double>(now_ - e.stamp) * e.w;
      scores[e.cls] += static_cast<float>(total / static_cast<double>(now_));
    }
  }
}

void PerceptronTrainer::Update(const std::vector<uint64_t>& keys, int gold, int guess) {
  if (gold == guess) return;
  for (uint64_t k : keys) {
    auto [it, inserted] = index_.try_emplace(k, static_cast<uint32_t>(entries_.size()));
    if (inserted) entries_.emplace_back();
    uint32_t f = it->second;
    for (int cls : {gold, guess}) {
      Entry& e = Find(f, cls);
      e.total += static_cast<double>(now_ - e.stamp) * e.w;
      e.stamp = now_;
      e.w += cls == gold ? 1.0f : -1.0f;
    }
  }
}

SparseWeights PerceptronTrainer::Finish(float prune_below) const {
  std::vector<SparseWeights::Triple> triples;
  for (const auto& [key, f] : index_) {
    for (const Entry& e : entries_[f]) {
      double total = e.total + static_cast<double>(now_ - e.stamp) * e.w;
      float avg = now_ > 0 ? static_cast<float>(total / static_cast<double>(now_)) : 0.0f;
      if (std::fabs(avg) < prune_below || avg == 0.0f) continue;
      triples.push_back({key, e.cls, avg});
    }
  }
  std::sort(triples.begin(), triples.end(), [](const auto& a, const auto& b) {
    return a.key != b.key ? a.key < b.key : a.cls < b.cls;
  });
  return SparseWeights::Build(triples);
}

}  // namespace annals::nlp::tag
