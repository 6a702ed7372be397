// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: a hash map from 64-bit keys (usually already hashes) to small values, stored flat
// (open addressing, linear probing, at most half full): a lookup reads one or two neighbouring
// slots where std::unordered_map follows a bucket pointer and then a node pointer. The interface
// is the subset of std::unordered_map that the model lexicons use (find, count, operator[],
// emplace, try_emplace, reserve, iteration), with the same meaning; the iteration order is the
// slot order (the callers that write maps out sort them first).
#ifndef ANNALS_UTIL_U64_MAP_H_
#define ANNALS_UTIL_U64_MAP_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace annals::util {

template <typename V>
class U64Map {
 public:
  using key_type = uint64_t;
  using mapped_type = V;
  using value_type = std::pair<uint64_t, V>;

  template <bool kConst>
  class Iter {
   public:
    using Map = std::conditional_t<kConst, const U64Map, U64Map>;
    using iterator_category = std::forward_iterator_tag;
    using value_type = U64Map::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = std::conditional_t<kConst, const value_type&, value_type&>;
    using pointer = std::conditional_t<kConst, const value_type*, value_type*>;
    Iter() = default;
    Iter(Map* m, size_t i) : m_(m), i_(i) { Skip(); }
    operator Iter<true>() const { return Iter<true>(m_, i_); }  // NOLINT: iterator -> const
    reference operator*() const { return m_->slots_[i_]; }
    pointer operator->() const { return &m_->slots_[i_]; }
    Iter& operator++() {
      ++i_;
      Skip();
      return *this;
    }
    Iter operator++(int) {
      Iter old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const Iter& a, const Iter& b) { return a.i_ == b.i_; }

   private:
    void Skip() {
      while (i_ < m_->slots_.size() && !m_->Used(i_)) ++i_;
    }
    Map* m_ = nullptr;
    size_t i_ = 0;
  };
  using iterator = Iter<false>;
  using const_iterator = Iter<true>;

  U64Map() = default;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    slots_.clear();
    mask_ = 0;
    size_ = 0;
    has_zero_ = false;
  }
  // Room for n keys without growing.
  void reserve(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (cap > mask_ + 1 || slots_.empty()) Rehash(cap);
  }

  iterator begin() { return iterator(this, 0); }
  iterator end() { return iterator(this, slots_.size()); }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, slots_.size()); }

  const_iterator find(uint64_t key) const { return const_iterator(this, Locate(key)); }
  iterator find(uint64_t key) { return iterator(this, Locate(key)); }
  size_t count(uint64_t key) const { return Locate(key) < slots_.size() ? 1 : 0; }
  // Hints the cache that `key` will be looked up soon.
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key, mask_)]);
  }

  // Inserts (key, V{}) when the key is absent.
  V& operator[](uint64_t key) { return slots_[Insert(key, V{}).first].second; }
  // Inserts (key, value) only when the key is absent.
  std::pair<iterator, bool> emplace(uint64_t key, V value) {
    auto [i, fresh] = Insert(key, std::move(value));
    return {iterator(this, i), fresh};
  }
  std::pair<iterator, bool> try_emplace(uint64_t key, V value = V{}) {
    return emplace(key, std::move(value));
  }

 private:
  // Slots 0..mask_ are the table (key 0 marks a free slot); slot mask_ + 1 holds key 0 itself.
  bool Used(size_t i) const { return i <= mask_ ? slots_[i].first != 0 : has_zero_; }
  static size_t Home(uint64_t key, size_t mask) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  // Index of the key's slot, or slots_.size() when absent.
  size_t Locate(uint64_t key) const {
    if (slots_.empty()) return 0;
    if (key == 0) return has_zero_ ? mask_ + 1 : slots_.size();
    for (size_t i = Home(key, mask_);; i = (i + 1) & mask_) {
      const uint64_t k = slots_[i].first;
      if (k == key) return i;
      if (k == 0) return slots_.size();
    }
  }
  std::pair<size_t, bool> Insert(uint64_t key, V value) {
    if (slots_.empty() || 2 * (size_ + 1) > mask_ + 1)
      Rehash(slots_.empty() ? 16 : 2 * (mask_ + 1));
    if (key == 0) {
      if (has_zero_) return {mask_ + 1, false};
      has_zero_ = true;
      ++size_;
      slots_[mask_ + 1].second = std::move(value);
      return {mask_ + 1, true};
    }
    size_t i = Home(key, mask_);
    for (; slots_[i].first != 0; i = (i + 1) & mask_) {
      if (slots_[i].first == key) return {i, false};
    }
    slots_[i] = {key, std::move(value)};
    ++size_;
    return {i, true};
  }
  void Rehash(size_t cap) {
    std::vector<value_type> old;
    old.swap(slots_);
    const size_t old_mask = mask_;
    const bool old_zero = has_zero_;
    slots_.assign(cap + 1, value_type{0, V{}});
    mask_ = cap - 1;
    size_ = 0;
    has_zero_ = false;
    if (old.empty()) return;
    for (size_t i = 0; i <= old_mask; ++i) {
      if (old[i].first != 0) Insert(old[i].first, std::move(old[i].second));
    }
    if (old_zero) Insert(0, std::move(old[old_mask + 1].second));
  }

  std::vector<value_type> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  bool has_zero_ = false;
};

}  // namespace annals::util

#endif  // ANNALS_UTIL_U64_MAP_H_
