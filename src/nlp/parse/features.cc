// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/parse/features.h"

#include <string>

#include "util/text.h"

namespace annals::nlp::parse {
namespace {

constexpr uint64_t kNone = 0x1234567890abcdefULL;  // Position absent.
constexpr uint64_t kRoot = 0x0fedcba987654321ULL;  // The root node.
constexpr size_t kMaxFeatures = 128;               // ExtractFeatures makes 109.

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}
inline uint64_t F(uint64_t t, uint64_t a) { return Mix(Mix(t * 0x100000001b3ULL + 1, a), 1); }
inline uint64_t F(uint64_t t, uint64_t a, uint64_t b) { return Mix(Mix(F(t, a), b), 2); }
inline uint64_t F(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(Mix(F(t, a, b), c), 3);
}

int DistanceBucket(int d) {
  if (d <= 0) return 0;
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  if (d <= 14) return 7;
  return 8;
}

}  // namespace

void SentenceContext::Build(const Sentence& s) {
  const size_t n = s.words.size();
  word.assign(n + 1, kRoot);
  upos.assign(n + 1, kRoot);
  xpos.assign(n + 1, kRoot);
  suffix.assign(n + 1, kRoot);
  for (size_t i = 0; i < n; ++i) {
    const Word& w = s.words[i];
    std::string lower = util::AsciiLower(w.form);
    word[i + 1] = util::Fnv1a64(lower);
    upos[i + 1] = util::Fnv1a64(w.upos) ^ 0x55;
    xpos[i + 1] = util::Fnv1a64(w.xpos) ^ 0xaa;
    std::string_view suf = lower;
    if (suf.size() > 3) suf = suf.substr(suf.size() - 3);
    suffix[i + 1] = util::Fnv1a64(suf) ^ 0x33;
  }
}

void ExtractFeatures(const SentenceContext& c, const State& st, std::vector<uint64_t>& out) {
  // The ids go to a local array first (no capacity check per id), then into `out`.
  uint64_t ids[kMaxFeatures];
  size_t k = 0;
  auto W = [&](int i) { return i < 0 ? kNone : c.word[i]; };
  auto P = [&](int i) { return i < 0 ? kNone : c.upos[i]; };
  auto X = [&](int i) { return i < 0 ? kNone : c.xpos[i]; };
  auto L = [&](int i) { return i < 0 ? kNone : static_cast<uint64_t>(st.label(i) + 7); };

  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  const int b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
  const int s0l = st.Lc(s0, 0), s0l2 = st.Lc(s0, 1), s0r = st.Rc(s0, 0), s0r2 = st.Rc(s0, 1);
  const int s1l = st.Lc(s1, 0), s1r = st.Rc(s1, 0), s1r2 = st.Rc(s1, 1);
  const int b0l = st.Lc(b0, 0), b0l2 = st.Lc(b0, 1);
  const int s0ll = st.Lc(s0l, 0), s0rr = st.Rc(s0r, 0);

  const uint64_t s0w = W(s0), s0p = X(s0), s0u = P(s0);
  const uint64_t s1w = W(s1), s1p = X(s1), s1u = P(s1);
  const uint64_t b0w = W(b0), b0p = X(b0), b0u = P(b0);
  const uint64_t b1w = W(b1), b1p = X(b1);
  const uint64_t b2w = W(b2), b2p = X(b2);
  const uint64_t s2p = X(s2), s2w = W(s2);
  const uint64_t s0wp = Mix(s0w, s0p), s1wp = Mix(s1w, s1p), b0wp = Mix(b0w, b0p);
  const uint64_t b1wp = Mix(b1w, b1p);
  const uint64_t d_s0b0 = (s0 > 0 && b0 > 0) ? DistanceBucket(b0 - s0) : 99;
  const uint64_t d_s1s0 = (s1 >= 0 && s0 > 0) ? DistanceBucket(s0 - s1) : 99;
  uint64_t t = 0;
  ids[k++] = F(++t, 0);  // Bias.
  // Unigrams.
  ids[k++] = F(++t, s0w);
  ids[k++] = F(++t, s0p);
  ids[k++] = F(++t, s0wp);
  ids[k++] = F(++t, s0u);
  ids[k++] = F(++t, s1w);
  ids[k++] = F(++t, s1p);
  ids[k++] = F(++t, s1wp);
  ids[k++] = F(++t, s1u);
  ids[k++] = F(++t, b0w);
  ids[k++] = F(++t, b0p);
  ids[k++] = F(++t, b0wp);
  ids[k++] = F(++t, b0u);
  ids[k++] = F(++t, b1w);
  ids[k++] = F(++t, b1p);
  ids[k++] = F(++t, b1wp);
  ids[k++] = F(++t, b2w);
  ids[k++] = F(++t, b2p);
  ids[k++] = F(++t, s2p);
  ids[k++] = F(++t, s2w);
  ids[k++] = F(++t, b0 < 0 ? kNone : c.suffix[b0]);
  ids[k++] = F(++t, s0 < 0 ? kNone : c.suffix[s0]);
  // Pairs.
  ids[k++] = F(++t, s0wp, b0wp);
  ids[k++] = F(++t, s0wp, b0w);
  ids[k++] = F(++t, s0w, b0wp);
  ids[k++] = F(++t, s0wp, b0p);
  ids[k++] = F(++t, s0p, b0wp);
  ids[k++] = F(++t, s0w, b0w);
  ids[k++] = F(++t, s0p, b0p);
  ids[k++] = F(++t, s0u, b0u);
  ids[k++] = F(++t, b0p, b1p);
  ids[k++] = F(++t, s1wp, s0wp);
  ids[k++] = F(++t, s1w, s0w);
  ids[k++] = F(++t, s1wp, s0p);
  ids[k++] = F(++t, s1p, s0wp);
  ids[k++] = F(++t, s1p, s0p);
  ids[k++] = F(++t, s1u, s0u);
  ids[k++] = F(++t, s1w, b0w);
  ids[k++] = F(++t, s1p, b0p);
  ids[k++] = F(++t, b0w, b1w);
  ids[k++] = F(++t, b0wp, b1p);
  ids[k++] = F(++t, b0p, b1wp);
  // Triples of tags.
  ids[k++] = F(++t, b0p, b1p, b2p);
  ids[k++] = F(++t, s0p, b0p, b1p);
  ids[k++] = F(++t, s1p, s0p, b0p);
  ids[k++] = F(++t, s2p, s1p, s0p);
  ids[k++] = F(++t, s0p, X(s0l), b0p);
  ids[k++] = F(++t, s0p, X(s0r), b0p);
  ids[k++] = F(++t, s0p, b0p, X(b0l));
  ids[k++] = F(++t, s1p, X(s1l), s0p);
  ids[k++] = F(++t, s1p, X(s1r), s0p);
  ids[k++] = F(++t, s1p, s0p, X(s0l));
  ids[k++] = F(++t, s1p, s0p, X(s0r));
  ids[k++] = F(++t, s0w, s0p, b0p);
  ids[k++] = F(++t, s0p, b0w, b0p);
  ids[k++] = F(++t, s1w, s0p, b0p);
  ids[k++] = F(++t, s1p, s0w, b0p);
  // Distance.
  ids[k++] = F(++t, s0w, d_s0b0);
  ids[k++] = F(++t, s0p, d_s0b0);
  ids[k++] = F(++t, b0w, d_s0b0);
  ids[k++] = F(++t, b0p, d_s0b0);
  ids[k++] = F(++t, s0w, b0w, d_s0b0);
  ids[k++] = F(++t, s0p, b0p, d_s0b0);
  ids[k++] = F(++t, s1p, s0p, d_s1s0);
  ids[k++] = F(++t, s1w, s0w, d_s1s0);
  ids[k++] = F(++t, s1wp, s0p, d_s1s0);
  ids[k++] = F(++t, s1p, s0wp, d_s1s0);
  // Valency.
  const uint64_t s0vl = st.LeftValency(s0), s0vr = st.RightValency(s0);
  const uint64_t s1vr = st.RightValency(s1), s1vl = st.LeftValency(s1);
  const uint64_t b0vl = st.LeftValency(b0);
  ids[k++] = F(++t, s0w, s0vr);
  ids[k++] = F(++t, s0p, s0vr);
  ids[k++] = F(++t, s0w, s0vl);
  ids[k++] = F(++t, s0p, s0vl);
  ids[k++] = F(++t, b0w, b0vl);
  ids[k++] = F(++t, b0p, b0vl);
  ids[k++] = F(++t, s1p, s1vr);
  ids[k++] = F(++t, s1p, s1vl);
  // Dependents: words, tags, labels.
  ids[k++] = F(++t, W(s0l));
  ids[k++] = F(++t, X(s0l));
  ids[k++] = F(++t, L(s0l));
  ids[k++] = F(++t, W(s0r));
  ids[k++] = F(++t, X(s0r));
  ids[k++] = F(++t, L(s0r));
  ids[k++] = F(++t, W(b0l));
  ids[k++] = F(++t, X(b0l));
  ids[k++] = F(++t, L(b0l));
  ids[k++] = F(++t, L(s1l));
  ids[k++] = F(++t, L(s1r));
  ids[k++] = F(++t, X(s1r));
  ids[k++] = F(++t, W(s1r));
  ids[k++] = F(++t, X(s0l2));
  ids[k++] = F(++t, L(s0l2));
  ids[k++] = F(++t, X(s0r2));
  ids[k++] = F(++t, L(s0r2));
  ids[k++] = F(++t, X(b0l2));
  ids[k++] = F(++t, L(b0l2));
  ids[k++] = F(++t, L(s1r2));
  ids[k++] = F(++t, s0p, L(s0l), L(s0l2));
  ids[k++] = F(++t, s0p, L(s0r), L(s0r2));
  ids[k++] = F(++t, b0p, L(b0l), L(b0l2));
  ids[k++] = F(++t, s1p, L(s1r), L(s1r2));
  ids[k++] = F(++t, s0p, X(s0l), X(s0l2));
  ids[k++] = F(++t, s0p, X(s0r), X(s0r2));
  ids[k++] = F(++t, b0p, X(b0l), X(b0l2));
  ids[k++] = F(++t, s0p, X(s0ll), X(s0l));
  ids[k++] = F(++t, s0p, X(s0rr), X(s0r));
  ids[k++] = F(++t, s0w, L(s0l), L(s0r));
  ids[k++] = F(++t, s1p, s0p, L(s0l));
  ids[k++] = F(++t, s0wp, L(s0r));
  ids[k++] = F(++t, b0wp, L(b0l));
  ids[k++] = F(++t, s1wp, L(s1r));
  out.assign(ids, ids + k);
}

}  // namespace annals::nlp::parse
