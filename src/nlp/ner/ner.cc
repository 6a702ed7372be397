// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The entity recognizer: gazetteer, features, constrained greedy decoding, training and the model
// file (include/annals/ner.h, docs/models.md).
#include "annals/ner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "nlp/model_file.h"
#include "nlp/tag/perceptron.h"
#include "util/text.h"
#include "util/u64_map.h"

namespace annals {

using nlp::ByteReader;
using nlp::ByteWriter;
using nlp::tag::MixKey;

namespace {

// Bumped whenever features change meaning: a model stores the version it was trained with.
constexpr uint32_t kFeatureVersion = 2;
constexpr int kMaxTypes = 60;  // 1 + 4 * 60 < 255 classes.
constexpr int kMaxClasses = 255;
constexpr int kMaxGazetteerWords = 6;

// Gazetteer types (bit groups of a word's gazetteer mask; part of the model format).
enum GazType {
  kGazPer,
  kGazOrg,
  kGazLoc,
  kGazNorp,
  kGazMetonym,
  kGazAgent,
  kGazCity,    // Populated places of the geocoder's gazetteer (P rows).
  kGazRegion,  // Its first-level divisions (A rows).
  kNumGazTypes
};
static_assert(4 * kNumGazTypes <= 32, "gazetteer bits must fit WordInfo::gaz");

// Feature templates. The numbers are part of the model format (they are hashed into the keys).
enum Template : uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kPrefix4,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kShape,
  kShortShape,
  kFlags,
  kUpos,
  kXpos,
  kUposM1,
  kUposP1,
  kUposM2,
  kUposP2,
  kUposM1Upos,
  kUposUposP1,
  kLowerM1,
  kLowerM2,
  kLowerP1,
  kLowerP2,
  kFormM1,
  kFormP1,
  kLowerM1Lower,
  kLowerLowerP1,
  kShapeM1,
  kShapeP1,
  kShortShape3,
  kXposShape,
  kCaseShape,
  kGazBit,
  kGazMask,
  kGazMaskM1,
  kGazMaskP1,
  kPrev1,
  kPrev2Prev1,
  kPrev1Lower,
  kPrev1Shape,
  kPrev1Upos,
  kPrev1Gaz,
  kCaseLower,
  kLabelClass,
  kLabelClassM1,
  kLabelClassP1,
  kLabelClassShape,
  // Feature version 2: the run of capitalised words around the word (see CapitalRuns).
  kRunPos,
  kRunBefore,
  kRunAfter,
  kRunFirst,
  kRunLast,
  kRunLastShape,
  kKnownBit,
  kKnownMask,
};

struct WordInfo {
  uint64_t form = 0;
  uint64_t lower = 0;
  uint64_t prefix[4] = {0, 0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint64_t shape = 0;
  uint64_t short_shape = 0;
  uint64_t flags = 0;
  uint64_t upos = 0;
  uint64_t xpos = 0;
  uint32_t gaz = 0;  // Bit 4 * type + role (role 0 B, 1 I, 2 L, 3 U).
  uint64_t label_class = 0;
  uint32_t known = 0;  // Training entity names: bit 4 * type + role, as `gaz` (types 0..7).
  bool capitalized = false;
  // The run of capitalised words the word is in (0 = none): position (first/inside/last/alone,
  // with the run's length up to 4), lower-cased words just before and after the run, and the
  // run's first and last words.
  uint64_t run_pos = 0;
  uint64_t run_before = 0;
  uint64_t run_after = 0;
  uint64_t run_first = 0;
  uint64_t run_last = 0;
};

const uint64_t kStartWord = util::Fnv1a64("<s>");
const uint64_t kEndWord = util::Fnv1a64("</s>");
const uint64_t kStartLabel = 0xFFFF;
const uint64_t kAnyLabel = 0xFFFE;  // For ArgMaxAllowed: no constraint.

std::string Shape(std::string_view s, bool collapse) {
  std::string out;
  for (unsigned char c : s) {
    char k = (c >= 'A' && c <= 'Z')   ? 'X'
             : (c >= 'a' && c <= 'z') ? 'x'
             : (c >= '0' && c <= '9') ? 'd'
             : c >= 0x80              ? 'u'
                                      : static_cast<char>(c);
    if (collapse && !out.empty() && out.back() == k) continue;
    out += k;
    if (out.size() >= 8) break;
  }
  return out;
}

uint64_t Flags(std::string_view s, bool first) {
  bool upper = false, lower = false, digit = false, hyphen = false, period = false, other = false;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '-') {
      hyphen = true;
    } else if (c == '.') {
      period = true;
    } else {
      other = true;
    }
  }
  bool init_cap = !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
  return (upper ? 1 : 0) | (lower ? 2 : 0) | (digit ? 4 : 0) | (hyphen ? 8 : 0) |
         (period ? 16 : 0) | (other ? 32 : 0) | (first ? 64 : 0) | (init_cap ? 128 : 0) |
         (std::min<uint64_t>(s.size(), 5) << 8);
}

// The sentence's capitalisation: 0 no letters, 1 mostly lower case, 2 some capitals, 3 title-like,
// 4 shouting (most words all capitals).
uint64_t SentenceCase(const Sentence& s) {
  int alpha = 0, cap = 0, allcap = 0;
  for (const Word& w : s.words) {
    bool has_alpha = false, has_lower = false;
    for (unsigned char c : w.form) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) has_alpha = true;
      if (c >= 'a' && c <= 'z') has_lower = true;
    }
    if (!has_alpha) continue;
    ++alpha;
    if (w.form[0] >= 'A' && w.form[0] <= 'Z') ++cap;
    if (!has_lower) ++allcap;
  }
  if (alpha == 0) return 0;
  if (alpha >= 3 && allcap * 10 >= alpha * 8) return 4;
  if (cap * 10 < alpha) return 1;
  if (cap * 2 < alpha) return 2;
  return 3;
}

using Gazetteer = util::U64Map<uint8_t>;  // Hash of lower-cased n-gram -> types.
// Hash of a lower-cased word -> hash of the entity types (and O) it had in training.
using LabelClasses = util::U64Map<uint64_t>;
const uint64_t kUnknownClass = util::Fnv1a64("<unk-class>");

uint64_t NgramHash(const std::vector<std::string>& lowers, size_t begin, size_t end) {
  std::string key;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) key += ' ';
    key += lowers[i];
  }
  return util::Fnv1a64(key);
}

// Words that may join two capitalised words into one run ("Bank of America", "Procter & Gamble").
bool RunConnector(std::string_view lower) {
  return lower == "of" || lower == "&" || lower == "and" || lower == "for" || lower == "the" ||
         lower == "de" || lower == "-";
}

// Marks the maximal runs of capitalised words (joined by connectors) so that every word of a
// multi-word name sees the words around the whole name and its last word ("University",
// "Inc.", "River"), beyond the two-word window of the other features.
void CapitalRuns(const Sentence& s, const std::vector<std::string>& lowers,
                 std::vector<WordInfo>& out) {
  const size_t n = s.words.size();
  auto cap = [&](size_t i) {
    const std::string& f = s.words[i].form;
    return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  size_t i = 0;
  while (i < n) {
    if (!cap(i)) {
      ++i;
      continue;
    }
    size_t e = i;  // Last capitalised word of the run so far.
    for (size_t j = i + 1; j < n; ++j) {
      if (cap(j)) {
        e = j;
      } else if (!RunConnector(lowers[j]) || j + 1 >= n) {
        break;
      } else if (!cap(j + 1)) {
        break;
      }
    }
    const size_t len = e - i + 1;
    const uint64_t before = i == 0 ? kStartWord : util::Fnv1a64(lowers[i - 1]);
    const uint64_t after = e + 1 >= n ? kEndWord : util::Fnv1a64(lowers[e + 1]);
    const uint64_t first = util::Fnv1a64(lowers[i]);
    const uint64_t last = util::Fnv1a64(lowers[e]);
    for (size_t k = i; k <= e; ++k) {
      WordInfo& w = out[k];
      uint64_t role = len == 1 ? 3 : k == i ? 0 : k == e ? 2 : 1;
      w.run_pos = 1 + role * 8 + std::min<size_t>(len, 4);
      w.run_before = before;
      w.run_after = after;
      w.run_first = first;
      w.run_last = last;
    }
    i = e + 1;
  }
}

// Sets bit 4 * type + role (role 0 B, 1 I, 2 L, 3 U) of `field` on the words of every n-gram of
// `lowers` (up to kMaxGazetteerWords words) found in `names`, for each type bit of its mask.
void MarkNames(const std::vector<std::string>& lowers, const Gazetteer& names,
               uint32_t WordInfo::*field, std::vector<WordInfo>& out) {
  if (names.empty()) return;
  const size_t n = lowers.size();
  // The hashes of all the n-grams first (NgramHash, extended a word at a time), then the lookups
  // (prefetched: the tables are large).
  std::vector<uint64_t> hashes(n * kMaxGazetteerWords);
  for (size_t b = 0; b < n; ++b) {
    uint64_t h = util::kFnv1a64Basis;
    for (size_t e = b + 1; e <= std::min(n, b + kMaxGazetteerWords); ++e) {
      if (e > b + 1) h = util::Fnv1a64Extend(h, " ");
      h = util::Fnv1a64Extend(h, lowers[e - 1]);
      hashes[b * kMaxGazetteerWords + (e - b - 1)] = h;
      names.prefetch(h);
    }
  }
  for (size_t b = 0; b < n; ++b) {
    for (size_t e = b + 1; e <= std::min(n, b + kMaxGazetteerWords); ++e) {
      auto it = names.find(hashes[b * kMaxGazetteerWords + (e - b - 1)]);
      if (it == names.end()) continue;
      for (int t = 0; t < 8; ++t) {
        if ((it->second & (1u << t)) == 0) continue;
        if (e == b + 1) {
          out[b].*field |= 1u << (4 * t + 3);
          continue;
        }
        out[b].*field |= 1u << (4 * t);
        for (size_t k = b + 1; k + 1 < e; ++k) out[k].*field |= 1u << (4 * t + 1);
        out[e - 1].*field |= 1u << (4 * t + 2);
      }
    }
  }
}

// `known`: entity names of the training data (hash of the lower-cased words -> type bits).
void Describe(const Sentence& s, const Gazetteer& gaz, const LabelClasses& classes,
              const Gazetteer& known, std::vector<WordInfo>& out, uint64_t& sentence_case) {
  const size_t n = s.words.size();
  out.assign(n, WordInfo());
  std::vector<std::string> lowers(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& form = s.words[i].form;
    lowers[i] = util::AsciiLower(form);
    WordInfo& w = out[i];
    std::string_view lv(lowers[i]);
    w.form = util::Fnv1a64(form);
    w.lower = util::Fnv1a64(lv);
    for (size_t k = 1; k <= 4; ++k) {
      w.prefix[k - 1] = util::Fnv1a64(lv.substr(0, k));
      w.suffix[k - 1] = util::Fnv1a64(lv.substr(lv.size() - std::min(k, lv.size())));
    }
    w.shape = util::Fnv1a64(Shape(form, false));
    w.short_shape = util::Fnv1a64(Shape(form, true));
    w.flags = Flags(form, i == 0);
    w.upos = util::Fnv1a64(s.words[i].upos);
    w.xpos = util::Fnv1a64(s.words[i].xpos);
    w.capitalized = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
    auto lc = classes.find(w.lower);
    w.label_class = lc == classes.end() ? kUnknownClass : lc->second;
  }
  sentence_case = SentenceCase(s);
  CapitalRuns(s, lowers, out);
  MarkNames(lowers, gaz, &WordInfo::gaz, out);
  MarkNames(lowers, known, &WordInfo::known, out);
}

// A word's features, in the order the weights add them up (the order is part of the model's
// float sums: decoding must keep it). Those that look at no other word and no label ("own"
// keys) are the same in both decoding directions, so the decoder computes them once per word
// (OwnKeys) for both passes; Features interleaves them with the others.
constexpr size_t kOwnA = 16;  // Own keys before the first neighbour feature.
constexpr size_t kOwnB = 4;   // Own keys between the two neighbour groups.
constexpr size_t kMaxOwn = 20 + 1 + 32 + 1 + 6 + 32 + 1;  // With every gazetteer/known bit set.
constexpr size_t kMaxKeys = kMaxOwn + 17 + 2 + 2 + 6;

// The own keys of `w` into own[0..kMaxOwn); returns how many.
size_t OwnKeys(const WordInfo& w, uint64_t sentence_case, uint64_t* own) {
  size_t k = 0;
  own[k++] = MixKey(kBias, 0);
  own[k++] = MixKey(kForm, w.form);
  own[k++] = MixKey(kLower, w.lower);
  own[k++] = MixKey(kPrefix1, w.prefix[0]);
  own[k++] = MixKey(kPrefix2, w.prefix[1]);
  own[k++] = MixKey(kPrefix3, w.prefix[2]);
  own[k++] = MixKey(kPrefix4, w.prefix[3]);
  own[k++] = MixKey(kSuffix1, w.suffix[0]);
  own[k++] = MixKey(kSuffix2, w.suffix[1]);
  own[k++] = MixKey(kSuffix3, w.suffix[2]);
  own[k++] = MixKey(kSuffix4, w.suffix[3]);
  own[k++] = MixKey(kShape, w.shape);
  own[k++] = MixKey(kShortShape, w.short_shape);
  own[k++] = MixKey(kFlags, w.flags);
  own[k++] = MixKey(kUpos, w.upos);
  own[k++] = MixKey(kXpos, w.xpos);
  // kOwnA == 16 so far.
  own[k++] = MixKey(MixKey(kXposShape, w.xpos), w.short_shape);
  own[k++] = MixKey(MixKey(kCaseShape, sentence_case), w.short_shape);
  own[k++] = MixKey(MixKey(kCaseLower, sentence_case), w.lower);
  own[k++] = MixKey(kLabelClass, w.label_class);
  // kOwnA + kOwnB so far.
  own[k++] = MixKey(MixKey(kLabelClassShape, w.label_class), w.short_shape);
  for (uint32_t g = w.gaz; g != 0; g &= g - 1) {
    own[k++] =
        MixKey(MixKey(kGazBit, static_cast<uint64_t>(__builtin_ctz(g))), w.capitalized ? 1 : 0);
  }
  own[k++] = MixKey(MixKey(kGazMask, w.gaz), w.short_shape);
  if (w.run_pos != 0) {
    own[k++] = MixKey(MixKey(kRunPos, w.run_pos), sentence_case);
    own[k++] = MixKey(MixKey(kRunBefore, w.run_before), w.run_pos);
    own[k++] = MixKey(kRunAfter, w.run_after);
    own[k++] = MixKey(kRunFirst, w.run_first);
    own[k++] = MixKey(kRunLast, w.run_last);
    own[k++] = MixKey(MixKey(kRunLastShape, w.run_last), w.run_pos);
  }
  for (uint32_t b = w.known; b != 0; b &= b - 1) {
    own[k++] =
        MixKey(MixKey(kKnownBit, static_cast<uint64_t>(__builtin_ctz(b))), w.capitalized ? 1 : 0);
  }
  own[k++] = MixKey(MixKey(kKnownMask, w.known), w.short_shape);
  return k;
}

// Every feature of word i of `ws` into keys[0..kMaxKeys), given its own keys; returns how many.
size_t FeaturesWithOwn(const std::vector<WordInfo>& ws, size_t i, const uint64_t* own,
                       size_t own_count, uint64_t prev1, uint64_t prev2, uint64_t* keys) {
  const WordInfo& w = ws[i];
  ptrdiff_t n = static_cast<ptrdiff_t>(i);
  auto at = [&](ptrdiff_t j) -> const WordInfo* {
    if (j < 0 || j >= static_cast<ptrdiff_t>(ws.size())) return nullptr;
    return &ws[j];
  };
  const WordInfo* m1 = at(n - 1);
  const WordInfo* m2 = at(n - 2);
  const WordInfo* p1 = at(n + 1);
  const WordInfo* p2 = at(n + 2);
  auto lower = [](const WordInfo* x, uint64_t edge) { return x ? x->lower : edge; };
  auto upos = [](const WordInfo* x, uint64_t edge) { return x ? x->upos : edge; };
  size_t k = 0;
  for (size_t j = 0; j < kOwnA; ++j) keys[k++] = own[j];
  keys[k++] = MixKey(kUposM1, upos(m1, kStartWord));
  keys[k++] = MixKey(kUposP1, upos(p1, kEndWord));
  keys[k++] = MixKey(kUposM2, upos(m2, kStartWord));
  keys[k++] = MixKey(kUposP2, upos(p2, kEndWord));
  keys[k++] = MixKey(MixKey(kUposM1Upos, upos(m1, kStartWord)), w.upos);
  keys[k++] = MixKey(MixKey(kUposUposP1, w.upos), upos(p1, kEndWord));
  keys[k++] = MixKey(kLowerM1, lower(m1, kStartWord));
  keys[k++] = MixKey(kLowerM2, lower(m2, kStartWord));
  keys[k++] = MixKey(kLowerP1, lower(p1, kEndWord));
  keys[k++] = MixKey(kLowerP2, lower(p2, kEndWord));
  keys[k++] = MixKey(kFormM1, m1 ? m1->form : kStartWord);
  keys[k++] = MixKey(kFormP1, p1 ? p1->form : kEndWord);
  keys[k++] = MixKey(MixKey(kLowerM1Lower, lower(m1, kStartWord)), w.lower);
  keys[k++] = MixKey(MixKey(kLowerLowerP1, w.lower), lower(p1, kEndWord));
  keys[k++] = MixKey(kShapeM1, m1 ? m1->short_shape : kStartWord);
  keys[k++] = MixKey(kShapeP1, p1 ? p1->short_shape : kEndWord);
  keys[k++] = MixKey(MixKey(MixKey(kShortShape3, m1 ? m1->short_shape : kStartWord), w.short_shape),
                     p1 ? p1->short_shape : kEndWord);
  for (size_t j = kOwnA; j < kOwnA + kOwnB; ++j) keys[k++] = own[j];
  keys[k++] = MixKey(kLabelClassM1, m1 ? m1->label_class : kStartWord);
  keys[k++] = MixKey(kLabelClassP1, p1 ? p1->label_class : kEndWord);
  for (size_t j = kOwnA + kOwnB; j < own_count; ++j) keys[k++] = own[j];
  keys[k++] = MixKey(kGazMaskM1, m1 ? m1->gaz : kStartWord);
  keys[k++] = MixKey(kGazMaskP1, p1 ? p1->gaz : kEndWord);
  keys[k++] = MixKey(kPrev1, prev1);
  keys[k++] = MixKey(MixKey(kPrev2Prev1, prev2), prev1);
  keys[k++] = MixKey(MixKey(kPrev1Lower, prev1), w.lower);
  keys[k++] = MixKey(MixKey(kPrev1Shape, prev1), w.short_shape);
  keys[k++] = MixKey(MixKey(kPrev1Upos, prev1), w.upos);
  keys[k++] = MixKey(MixKey(kPrev1Gaz, prev1), w.gaz);
  return k;
}

void Features(const std::vector<WordInfo>& ws, size_t i, uint64_t sentence_case, uint64_t prev1,
              uint64_t prev2, std::vector<uint64_t>& keys) {
  uint64_t own[kMaxOwn];
  const size_t own_count = OwnKeys(ws[i], sentence_case, own);
  keys.resize(kMaxKeys);
  keys.resize(FeaturesWithOwn(ws, i, own, own_count, prev1, prev2, keys.data()));
}

// Class c: 0 = O; 1 + 4 * type + role, role 0 B, 1 I, 2 L, 3 U.
int Role(int c) { return c == 0 ? -1 : (c - 1) % 4; }
int TypeOf(int c) { return c == 0 ? -1 : (c - 1) / 4; }

// Whether class `cur` may follow `prev` (kStartLabel at the start). Right to left the sequence
// is read backwards, so B and L swap roles.
bool Allowed(uint64_t prev, int cur, bool reverse) {
  if (prev == kAnyLabel) return true;
  auto role = [reverse](int c) {
    int r = Role(c);
    if (reverse && r == 0) return 2;
    if (reverse && r == 2) return 0;
    return r;
  };
  bool open = prev != kStartLabel && prev != 0 &&
              (role(static_cast<int>(prev)) == 0 || role(static_cast<int>(prev)) == 1);
  if (!open) return cur == 0 || role(cur) == 0 || role(cur) == 3;
  return (role(cur) == 1 || role(cur) == 2) && TypeOf(cur) == TypeOf(static_cast<int>(prev));
}

int ArgMaxAllowed(const float* scores, int n, uint64_t prev, bool reverse) {
  int best = -1;
  for (int c = 0; c < n; ++c) {
    if (!Allowed(prev, c, reverse)) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best < 0 ? 0 : best;
}

template <typename ScoreFn>
void Greedy(const std::vector<WordInfo>& info, uint64_t sentence_case, int num_classes,
            bool reverse, const float* extra, ScoreFn score, std::vector<int>& labels,
            std::vector<float>* all_scores) {
  std::vector<uint64_t> keys;
  keys.reserve(64);
  float scores[kMaxClasses];
  uint64_t prev1 = kStartLabel, prev2 = kStartLabel;
  labels.resize(info.size());
  for (size_t i = 0; i < info.size(); ++i) {
    Features(info, i, sentence_case, prev1, prev2, keys);
    if (extra != nullptr) {
      std::copy(extra + i * num_classes, extra + (i + 1) * num_classes, scores);
    } else {
      std::fill(scores, scores + num_classes, 0.0f);
    }
    score(keys, scores);
    if (all_scores != nullptr) all_scores->insert(all_scores->end(), scores, scores + num_classes);
    int best = ArgMaxAllowed(scores, num_classes, prev1, reverse);
    labels[i] = best;
    prev2 = prev1;
    prev1 = static_cast<uint64_t>(best);
  }
}

// Greedy for decoding with frozen weights: the same keys (Features) and sums, with the own keys
// of the words given (own[i] and own_count[i] for word i of `info`).
void GreedyDecode(const std::vector<WordInfo>& info, const std::vector<const uint64_t*>& own,
                  const std::vector<size_t>& own_count, int num_classes, bool reverse,
                  const float* extra, const nlp::tag::RowWeights& weights, std::vector<int>& labels,
                  std::vector<float>* all_scores) {
  uint64_t keys[kMaxKeys];
  float scores[kMaxClasses + 4];  // RowWeights::padded_classes() at most.
  const size_t width = weights.padded_classes();
  uint64_t prev1 = kStartLabel, prev2 = kStartLabel;
  labels.resize(info.size());
  for (size_t i = 0; i < info.size(); ++i) {
    const size_t n = FeaturesWithOwn(info, i, own[i], own_count[i], prev1, prev2, keys);
    std::fill(scores, scores + width, 0.0f);
    if (extra != nullptr) std::copy(extra + i * num_classes, extra + (i + 1) * num_classes, scores);
    weights.AddAll(keys, n, scores);
    if (all_scores != nullptr) all_scores->insert(all_scores->end(), scores, scores + num_classes);
    int best = ArgMaxAllowed(scores, num_classes, prev1, reverse);
    labels[i] = best;
    prev2 = prev1;
    prev1 = static_cast<uint64_t>(best);
  }
}

void Decode(const std::vector<WordInfo>& info, uint64_t sentence_case,
            const nlp::tag::RowWeights& forward, const nlp::tag::RowWeights* backward,
            int num_classes, std::vector<int>& labels) {
  const size_t n = info.size();
  // The words' own keys, computed once for both directions.
  std::vector<uint64_t> own_keys;
  own_keys.reserve(n * 32 + kMaxOwn);
  std::vector<size_t> own_count(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t at = own_keys.size();
    own_keys.resize(at + kMaxOwn);
    own_count[i] = OwnKeys(info[i], sentence_case, own_keys.data() + at);
    own_keys.resize(at + own_count[i]);
  }
  std::vector<const uint64_t*> own(n);
  for (size_t i = 0, at = 0; i < n; at += own_count[i++]) own[i] = own_keys.data() + at;
  if (backward == nullptr) {
    GreedyDecode(info, own, own_count, num_classes, false, nullptr, forward, labels, nullptr);
    return;
  }
  std::vector<WordInfo> reversed(info.rbegin(), info.rend());
  std::vector<const uint64_t*> own_reversed(own.rbegin(), own.rend());
  std::vector<size_t> count_reversed(own_count.rbegin(), own_count.rend());
  std::vector<float> back_scores;
  back_scores.reserve(n * num_classes);
  GreedyDecode(reversed, own_reversed, count_reversed, num_classes, true, nullptr, *backward,
               labels, &back_scores);
  std::vector<float> extra(back_scores.size());
  for (size_t j = 0; j < n; ++j) {
    std::copy(back_scores.begin() + j * num_classes, back_scores.begin() + (j + 1) * num_classes,
              extra.begin() + (n - 1 - j) * num_classes);
  }
  GreedyDecode(info, own, own_count, num_classes, false, extra.data(), forward, labels, nullptr);
}

// Entities (type index, first, last) of a left-to-right label sequence; lenient about
// sequences the greedy decoder cannot rule out (a B or I at the end of the sentence).
std::vector<std::tuple<int, int, int>> Spans(const std::vector<int>& labels) {
  std::vector<std::tuple<int, int, int>> out;
  int open_type = -1, open_first = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    int c = labels[i];
    int r = Role(c), t = TypeOf(c);
    int at = static_cast<int>(i);
    if (open_type >= 0 && (r == 1 || r == 2) && t == open_type) {
      if (r == 2) {
        out.emplace_back(open_type, open_first, at);
        open_type = -1;
      }
      continue;
    }
    if (open_type >= 0) out.emplace_back(open_type, open_first, at - 1);
    open_type = -1;
    if (r == 0 || r == 1) {
      open_type = t;
      open_first = at;
    } else if (r == 2 || r == 3) {
      out.emplace_back(t, at, at);
    }
  }
  if (open_type >= 0) out.emplace_back(open_type, open_first, static_cast<int>(labels.size()) - 1);
  return out;
}

std::string EntityText(const Sentence& s, int first, int last) {
  std::string text;
  for (int i = first; i <= last; ++i) {
    if (i > first) {
      const Span& a = s.words[i - 1].span;
      const Span& b = s.words[i].span;
      bool adjacent = a.end == b.begin || (a == b && !a.empty());
      if (!adjacent) text += ' ';
    }
    text += s.words[i].form;
  }
  return text;
}

// Reads the names of the actor dictionaries into the gazetteer. Columns by header name.
Status ReadGazetteer(const std::string& dir, Gazetteer& gaz,
                     const std::function<void(const std::string&)>& log) {
  struct Column {
    const char* file;
    const char* column;
    GazType type;
  };
  static const Column kColumns[] = {
      {"countries.tsv", "names", kGazLoc},      {"countries.tsv", "capitals", kGazLoc},
      {"countries.tsv", "historical", kGazLoc}, {"countries.tsv", "adjectives", kGazNorp},
      {"countries.tsv", "demonyms", kGazNorp},  {"countries.tsv", "metonyms", kGazMetonym},
      {"organizations.tsv", "names", kGazOrg},  {"people.tsv", "name", kGazPer},
      {"people.tsv", "aliases", kGazPer},       {"agents.tsv", "nouns", kGazAgent},
  };
  std::set<std::string> files;
  for (const Column& c : kColumns) files.insert(c.file);
  for (const std::string& file : files) {
    std::string path = dir + "/" + file;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      if (log) log("gazetteer: " + path + " not found, skipped");
      continue;
    }
    std::string bytes;
    char buf[1 << 16];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, got);
    std::fclose(f);
    std::vector<std::string_view> header;
    std::vector<std::pair<size_t, GazType>> wanted;
    size_t names = 0;
    for (std::string_view line : util::Split(bytes, '\n')) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string_view> cells = util::Split(line, '\t');
      if (header.empty()) {
        header = cells;
        for (const Column& c : kColumns) {
          if (file != c.file) continue;
          for (size_t k = 0; k < header.size(); ++k) {
            if (header[k] == c.column) wanted.emplace_back(k, c.type);
          }
        }
        continue;
      }
      for (const auto& [k, type] : wanted) {
        if (k >= cells.size()) continue;
        for (std::string_view name : util::Split(cells[k], '|')) {
          name = util::TrimAsciiSpace(name);
          if (name.empty()) continue;
          std::vector<std::string> words;
          for (std::string_view part : util::Split(name, ' ')) {
            if (!part.empty()) words.push_back(util::AsciiLower(part));
          }
          if (words.empty() || words.size() > kMaxGazetteerWords) continue;
          gaz[NgramHash(words, 0, words.size())] |= static_cast<uint8_t>(1u << type);
          ++names;
        }
      }
    }
    if (log) log("gazetteer: " + std::to_string(names) + " names from " + path);
  }
  return Status::Ok();
}

// Adds the place names of the geocoder's gazetteer file (docs/geocoding.md: `A` rows, divisions,
// and `P` rows, populated places, with at least `min_population` people) to the gazetteer. Their
// keys are folded lower case, as the n-grams looked up here (ASCII names match exactly).
Status ReadPlaces(const std::string& path, int64_t min_population, Gazetteer& gaz,
                  const std::function<void(const std::string&)>& log) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(path + ": cannot open place gazetteer");
  std::string bytes;
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, got);
  std::fclose(f);
  if (bytes.rfind("#annals-gazetteer\t", 0) != 0) {
    return InvalidArgumentError(path + ": not an Annals place gazetteer (first line)");
  }
  size_t cities = 0, regions = 0;
  for (std::string_view line : util::Split(bytes, '\n')) {
    if (line.size() < 2 || line[1] != '\t' || (line[0] != 'A' && line[0] != 'P')) continue;
    std::vector<std::string_view> cells = util::Split(line, '\t');
    const bool place = line[0] == 'P';
    const size_t pop_col = place ? 6 : 5, keys_col = place ? 9 : 8;
    if (cells.size() <= keys_col) continue;
    int64_t population = 0;
    for (char c : cells[pop_col]) {
      if (c < '0' || c > '9' || population > (int64_t{1} << 40)) break;
      population = population * 10 + (c - '0');
    }
    if (place && population < min_population) continue;
    for (std::string_view key : util::Split(cells[keys_col], '|')) {
      std::vector<std::string> words;
      for (std::string_view part : util::Split(key, ' ')) {
        if (!part.empty()) words.emplace_back(part);
      }
      if (words.empty() || words.size() > kMaxGazetteerWords) continue;
      gaz[NgramHash(words, 0, words.size())] |=
          static_cast<uint8_t>(1u << (place ? kGazCity : kGazRegion));
    }
    ++(place ? cities : regions);
  }
  if (log) {
    log("gazetteer: " + std::to_string(cities) + " places of at least " +
        std::to_string(min_population) + " people and " + std::to_string(regions) +
        " divisions from " + path);
  }
  return Status::Ok();
}

}  // namespace

struct EntityRecognizer::Impl {
  std::string bytes;
  std::vector<std::string> types;
  Gazetteer gazetteer;
  LabelClasses label_classes;
  Gazetteer known_names;  // Entity names of the training data (types 0..7).
  // The weights in the layout for decoding (RowWeights: the same sums as SparseWeights).
  nlp::tag::RowWeights weights;
  nlp::tag::RowWeights backward;
  bool has_backward = false;
  int NumClasses() const { return 1 + 4 * static_cast<int>(types.size()); }
};

EntityRecognizer::EntityRecognizer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;
EntityRecognizer::~EntityRecognizer() = default;

const std::string& EntityRecognizer::bytes() const { return impl_->bytes; }
const std::vector<std::string>& EntityRecognizer::types() const { return impl_->types; }

Status EntityRecognizer::Save(const std::string& path) const {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": cannot open for writing");
  size_t n = std::fwrite(impl_->bytes.data(), 1, impl_->bytes.size(), f);
  if (std::fclose(f) != 0 || n != impl_->bytes.size()) {
    std::remove(tmp.c_str());
    return IoError(path + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return IoError(path + ": rename failed");
  return Status::Ok();
}

std::vector<Entity> EntityRecognizer::Recognize(const Sentence& sentence) const {
  std::vector<Entity> out;
  if (sentence.words.empty()) return out;
  const Impl& m = *impl_;
  std::vector<WordInfo> info;
  uint64_t sentence_case = 0;
  Describe(sentence, m.gazetteer, m.label_classes, m.known_names, info, sentence_case);
  std::vector<int> labels;
  Decode(info, sentence_case, m.weights, m.has_backward ? &m.backward : nullptr, m.NumClasses(),
         labels);
  for (const auto& [type, first, last] : Spans(labels)) {
    Entity e;
    e.type = m.types[type];
    e.first_word = first;
    e.last_word = last;
    e.span = {sentence.words[first].span.begin, sentence.words[last].span.end};
    e.text = EntityText(sentence, first, last);
    out.push_back(std::move(e));
  }
  return out;
}

Result<EntityRecognizer> EntityRecognizer::Load(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(path + ": cannot open NER model");
  std::string bytes;
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, got);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return IoError(path + ": read failed");
  Result<EntityRecognizer> r = FromBytes(std::move(bytes));
  if (!r.ok()) return r.status().WithContext(path);
  return r;
}

Result<EntityRecognizer> EntityRecognizer::FromBytes(std::string bytes) {
  Result<nlp::ModelFile> file = nlp::ModelFile::Parse(bytes, "ner");
  if (!file.ok()) return file.status();
  auto impl = std::make_unique<Impl>();

  Result<std::string_view> meta = file->Section("meta");
  if (!meta.ok()) return meta.status();
  ByteReader mr(*meta);
  uint32_t feature_version = mr.U32();
  if (!mr.ok()) return mr.status("meta");
  if (feature_version != kFeatureVersion) {
    return DataLossError("NER feature version " + std::to_string(feature_version) +
                         " is not supported (expected " + std::to_string(kFeatureVersion) + ")");
  }

  Result<std::string_view> types = file->Section("types");
  if (!types.ok()) return types.status();
  ByteReader tr(*types);
  uint64_t n = tr.VarU();
  if (!tr.ok() || n == 0 || n > kMaxTypes) return DataLossError("types: bad type count");
  for (uint64_t i = 0; i < n && tr.ok(); ++i) impl->types.emplace_back(tr.Str());
  if (!tr.ok()) return tr.status("types");
  if (!tr.done()) return DataLossError("types: trailing bytes");

  Result<std::string_view> gaz = file->Section("gazetteer");
  if (!gaz.ok()) return gaz.status();
  ByteReader gr(*gaz);
  n = gr.VarU();
  if (!gr.ok() || n > gaz->size() / 9) return DataLossError("gazetteer: bad entry count");
  impl->gazetteer.reserve(n);
  for (uint64_t i = 0; i < n && gr.ok(); ++i) {
    uint64_t key = gr.U64();
    uint8_t mask = gr.U8();
    static_assert(kNumGazTypes == 8, "every bit of a type mask is a gazetteer type");
    impl->gazetteer[key] = mask;
  }
  if (!gr.ok()) return gr.status("gazetteer");
  if (!gr.done()) return DataLossError("gazetteer: trailing bytes");

  Result<std::string_view> lcs = file->Section("label_classes");
  if (!lcs.ok()) return lcs.status();
  ByteReader lr(*lcs);
  n = lr.VarU();
  if (!lr.ok() || n > lcs->size() / 16) return DataLossError("label_classes: bad entry count");
  impl->label_classes.reserve(n);
  for (uint64_t i = 0; i < n && lr.ok(); ++i) {
    uint64_t word = lr.U64();
    uint64_t cls = lr.U64();
    impl->label_classes[word] = cls;
  }
  if (!lr.ok()) return lr.status("label_classes");
  if (!lr.done()) return DataLossError("label_classes: trailing bytes");

  Result<std::string_view> known = file->Section("known_names");
  if (!known.ok()) return known.status();
  ByteReader kr(*known);
  n = kr.VarU();
  if (!kr.ok() || n > known->size() / 9) return DataLossError("known_names: bad entry count");
  impl->known_names.reserve(n);
  for (uint64_t i = 0; i < n && kr.ok(); ++i) {
    uint64_t key = kr.U64();
    impl->known_names[key] = kr.U8();
  }
  if (!kr.ok()) return kr.status("known_names");
  if (!kr.done()) return DataLossError("known_names: trailing bytes");

  const int classes = impl->NumClasses();
  Result<std::string_view> weights = file->Section("weights");
  if (!weights.ok()) return weights.status();
  Result<nlp::tag::SparseWeights> w = nlp::tag::SparseWeights::Parse(*weights, classes);
  if (!w.ok()) return w.status();
  impl->weights = nlp::tag::RowWeights(*w, classes);
  if (file->Has("weights_backward")) {
    Result<nlp::tag::SparseWeights> b =
        nlp::tag::SparseWeights::Parse(*file->Section("weights_backward"), classes);
    if (!b.ok()) return b.status();
    impl->backward = nlp::tag::RowWeights(*b, classes);
    impl->has_backward = true;
  }
  impl->bytes = std::move(bytes);
  return EntityRecognizer(std::move(impl));
}

Result<EntityRecognizer> EntityRecognizer::Train(const std::vector<NerExample>& train,
                                                 const std::vector<NerExample>& dev,
                                                 const NerTrainOptions& options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  auto started = std::chrono::steady_clock::now();
  auto impl = std::make_unique<Impl>();

  // Types, sorted so that class ids do not depend on the data's order.
  std::set<std::string> type_set;
  size_t words = 0;
  for (const NerExample& ex : train) {
    words += ex.sentence.words.size();
    for (const Entity& e : ex.entities) type_set.insert(e.type);
  }
  if (words == 0) return InvalidArgumentError("training data has no words");
  if (type_set.empty()) return InvalidArgumentError("training data has no entities");
  if (type_set.size() > static_cast<size_t>(kMaxTypes)) {
    return InvalidArgumentError("training data has " + std::to_string(type_set.size()) +
                                " entity types; at most 60 are supported");
  }
  impl->types.assign(type_set.begin(), type_set.end());
  const int num_classes = impl->NumClasses();
  auto type_id = [&](const std::string& t) {
    return static_cast<int>(std::lower_bound(impl->types.begin(), impl->types.end(), t) -
                            impl->types.begin());
  };

  // Gold BILOU labels.
  std::vector<std::vector<int>> gold(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    const NerExample& ex = train[s];
    const int n = static_cast<int>(ex.sentence.words.size());
    gold[s].assign(n, 0);
    for (const Entity& e : ex.entities) {
      if (e.first_word < 0 || e.last_word < e.first_word || e.last_word >= n) {
        return InvalidArgumentError("training sentence " + std::to_string(s + 1) + " (" +
                                    ex.sentence.id + "): entity outside the sentence");
      }
      int base = 1 + 4 * type_id(e.type);
      for (int i = e.first_word; i <= e.last_word; ++i) {
        if (gold[s][i] != 0) {
          return InvalidArgumentError("training sentence " + std::to_string(s + 1) + " (" +
                                      ex.sentence.id + "): overlapping entities");
        }
        gold[s][i] = e.first_word == e.last_word ? base + 3
                     : i == e.first_word         ? base
                     : i == e.last_word          ? base + 2
                                                 : base + 1;
      }
    }
  }

  if (!options.gazetteer_dir.empty()) {
    Status st = ReadGazetteer(options.gazetteer_dir, impl->gazetteer, options.log);
    if (!st.ok()) return st;
  }
  if (!options.places_path.empty()) {
    Status st =
        ReadPlaces(options.places_path, options.min_place_population, impl->gazetteer, options.log);
    if (!st.ok()) return st;
  }

  // Label classes: the types each word had in training. Training sentences get classes counted
  // on the other folds only (jackknifing), so that the feature is as reliable as on new text.
  constexpr size_t kFolds = 5;
  const size_t num_types = impl->types.size();
  // Folds are contiguous runs of sentences, so that a document's repeated names stay in one fold.
  auto fold_of = [&](size_t s) { return s * kFolds / train.size(); };
  std::unordered_map<uint64_t, std::vector<uint32_t>> counts;  // word -> (fold, type+1) counts
  for (size_t s = 0; s < train.size(); ++s) {
    const Sentence& sent = train[s].sentence;
    for (size_t i = 0; i < sent.words.size(); ++i) {
      std::vector<uint32_t>& c = counts[util::Fnv1a64(util::AsciiLower(sent.words[i].form))];
      if (c.empty()) c.assign(kFolds * (num_types + 1), 0);
      int label = gold[s][i];
      ++c[fold_of(s) * (num_types + 1) + (label == 0 ? 0 : TypeOf(label) + 1)];
    }
  }
  auto make_classes = [&](size_t skip_fold) {
    LabelClasses out;
    std::vector<uint32_t> sum(num_types + 1);
    for (const auto& [word, c] : counts) {
      std::fill(sum.begin(), sum.end(), 0);
      uint32_t total = 0;
      for (size_t f = 0; f < kFolds; ++f) {
        if (f == skip_fold) continue;
        for (size_t t = 0; t <= num_types; ++t) {
          sum[t] += c[f * (num_types + 1) + t];
          total += c[f * (num_types + 1) + t];
        }
      }
      if (total < 2) continue;
      uint64_t cls = util::Fnv1a64("class");
      for (size_t t = 0; t <= num_types; ++t) {
        if (sum[t] * 10 >= total) cls = MixKey(cls, t + 1);
      }
      out[word] = MixKey(cls, total >= 20 ? 3 : total >= 5 ? 2 : 1);
    }
    return out;
  };
  impl->label_classes = make_classes(kFolds);
  std::vector<LabelClasses> fold_classes;
  for (size_t f = 0; f < kFolds; ++f) fold_classes.push_back(make_classes(f));

  // Entity names of the training data (lower-cased words -> type bits), jackknifed as the label
  // classes: a training sentence sees the names of the other folds only.
  auto make_known = [&](size_t skip_fold) {
    Gazetteer out;
    for (size_t s = 0; s < train.size(); ++s) {
      if (fold_of(s) == skip_fold) continue;
      const Sentence& sent = train[s].sentence;
      for (const Entity& e : train[s].entities) {
        const int t = type_id(e.type);
        if (t >= 8 || e.last_word - e.first_word + 1 > kMaxGazetteerWords) continue;
        std::vector<std::string> words;
        for (int i = e.first_word; i <= e.last_word; ++i) {
          words.push_back(util::AsciiLower(sent.words[i].form));
        }
        out[NgramHash(words, 0, words.size())] |= static_cast<uint8_t>(1u << t);
      }
    }
    return out;
  };
  impl->known_names = make_known(kFolds);
  std::vector<Gazetteer> fold_known;
  for (size_t f = 0; f < kFolds; ++f) fold_known.push_back(make_known(f));

  std::vector<std::vector<WordInfo>> infos(train.size());
  std::vector<uint64_t> cases(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    Describe(train[s].sentence, impl->gazetteer, fold_classes[fold_of(s)], fold_known[fold_of(s)],
             infos[s], cases[s]);
  }
  std::vector<std::vector<WordInfo>> dev_infos(dev.size());
  std::vector<uint64_t> dev_cases(dev.size());
  for (size_t s = 0; s < dev.size(); ++s) {
    Describe(dev[s].sentence, impl->gazetteer, impl->label_classes, impl->known_names, dev_infos[s],
             dev_cases[s]);
  }

  // Entity-level F1 of labels against the gold entities of dev.
  auto dev_f1 = [&](const std::function<void(size_t, std::vector<int>&)>& label) {
    size_t g = 0, sys = 0, correct = 0;
    std::vector<int> labels;
    for (size_t s = 0; s < dev.size(); ++s) {
      label(s, labels);
      std::set<std::tuple<int, int, int>> gold_spans;
      for (const Entity& e : dev[s].entities) {
        auto it = std::lower_bound(impl->types.begin(), impl->types.end(), e.type);
        int t = it != impl->types.end() && *it == e.type ? type_id(e.type) : -1;
        gold_spans.emplace(t, e.first_word, e.last_word);
      }
      g += gold_spans.size();
      for (const auto& span : Spans(labels)) {
        ++sys;
        correct += gold_spans.count(span);
      }
    }
    return g + sys == 0 ? 0.0 : 200.0 * correct / (g + sys);
  };

  auto train_direction = [&](bool reverse) {
    const char* name = reverse ? "right-to-left" : "left-to-right";
    nlp::tag::PerceptronTrainer trainer(num_classes);
    std::vector<size_t> order;  // Each sentence `repeat` times.
    for (size_t i = 0; i < train.size(); ++i)
      order.insert(order.end(), std::max(1, train[i].repeat), i);
    uint64_t rng = options.seed;
    auto next_random = [&rng]() {  // splitmix64: the same sequence on every platform.
      uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      return z ^ (z >> 31);
    };
    std::vector<uint64_t> keys;
    std::vector<float> scores(num_classes);
    std::vector<WordInfo> rev;
    std::vector<int> rev_gold;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next_random() % i]);
      size_t correct = 0, total = 0;
      for (size_t s : order) {
        const std::vector<WordInfo>* ws = &infos[s];
        const std::vector<int>* gs = &gold[s];
        if (reverse) {
          rev.assign(infos[s].rbegin(), infos[s].rend());
          rev_gold.assign(gold[s].rbegin(), gold[s].rend());
          ws = &rev;
          gs = &rev_gold;
        }
        uint64_t prev1 = kStartLabel, prev2 = kStartLabel;
        for (size_t i = 0; i < ws->size(); ++i) {
          Features(*ws, i, cases[s], prev1, prev2, keys);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.Score(keys, scores.data());
          // Unconstrained in training, so that every class's score means something when the
          // two directions' scores are added at decoding.
          int guess = ArgMaxAllowed(scores.data(), num_classes, kAnyLabel, reverse);
          trainer.Tick();
          trainer.Update(keys, (*gs)[i], guess);
          correct += guess == (*gs)[i];
          ++total;
          prev2 = prev1;
          prev1 = static_cast<uint64_t>(guess);
        }
      }
      char line[256];
      std::snprintf(line, sizeof line, "%s epoch %d: train label accuracy %.2f%%", name, epoch,
                    100.0 * correct / std::max<size_t>(total, 1));
      std::string msg = line;
      if (!dev.empty() && !reverse) {
        double f1 = dev_f1([&](size_t s, std::vector<int>& labels) {
          Greedy(
              dev_infos[s], dev_cases[s], num_classes, false, nullptr,
              [&](const std::vector<uint64_t>& k, float* sc) { trainer.ScoreAveraged(k, sc); },
              labels, nullptr);
        });
        std::snprintf(line, sizeof line, ", dev F1 %.2f", f1);
        msg += line;
      }
      std::snprintf(
          line, sizeof line, " (%zu features, %.1f s)", trainer.num_features(),
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      log(msg + line);
    }
    return trainer.Finish(options.prune_below);
  };
  const nlp::tag::SparseWeights forward_weights = train_direction(false);
  nlp::tag::SparseWeights backward_weights;
  impl->weights = nlp::tag::RowWeights(forward_weights, num_classes);
  if (options.bidirectional) {
    backward_weights = train_direction(true);
    impl->backward = nlp::tag::RowWeights(backward_weights, num_classes);
    impl->has_backward = true;
  }
  if (!dev.empty()) {
    double f1 = dev_f1([&](size_t s, std::vector<int>& labels) {
      Decode(dev_infos[s], dev_cases[s], impl->weights,
             impl->has_backward ? &impl->backward : nullptr, num_classes, labels);
    });
    char line[128];
    std::snprintf(line, sizeof line, "final model (pruned%s): dev F1 %.2f",
                  impl->has_backward ? ", both directions" : "", f1);
    log(line);
  }

  nlp::ModelWriter writer("ner");
  ByteWriter meta;
  meta.U32(kFeatureVersion);
  writer.AddSection("meta", meta.Take());
  ByteWriter tw;
  tw.VarU(impl->types.size());
  for (const std::string& t : impl->types) tw.Str(t);
  writer.AddSection("types", tw.Take());
  std::vector<std::pair<uint64_t, uint8_t>> gaz(impl->gazetteer.begin(), impl->gazetteer.end());
  std::sort(gaz.begin(), gaz.end());
  ByteWriter gw;
  gw.VarU(gaz.size());
  for (const auto& [key, mask] : gaz) {
    gw.U64(key);
    gw.U8(mask);
  }
  writer.AddSection("gazetteer", gw.Take());
  std::vector<std::pair<uint64_t, uint64_t>> lcs(impl->label_classes.begin(),
                                                 impl->label_classes.end());
  std::sort(lcs.begin(), lcs.end());
  ByteWriter lw;
  lw.VarU(lcs.size());
  for (const auto& [word, cls] : lcs) {
    lw.U64(word);
    lw.U64(cls);
  }
  writer.AddSection("label_classes", lw.Take());
  std::vector<std::pair<uint64_t, uint8_t>> known(impl->known_names.begin(),
                                                  impl->known_names.end());
  std::sort(known.begin(), known.end());
  ByteWriter kw;
  kw.VarU(known.size());
  for (const auto& [key, mask] : known) {
    kw.U64(key);
    kw.U8(mask);
  }
  writer.AddSection("known_names", kw.Take());
  writer.AddSection("weights", forward_weights.Serialize());
  if (impl->has_backward) writer.AddSection("weights_backward", backward_weights.Serialize());
  impl->bytes = writer.Serialize();
  char line[256];
  std::snprintf(line, sizeof line,
                "model: %zu types, %zu gazetteer entries, %zu + %zu features, %zu + %zu weights, "
                "%zu bytes",
                impl->types.size(), impl->gazetteer.size(), forward_weights.num_features(),
                backward_weights.num_features(), forward_weights.num_weights(),
                backward_weights.num_weights(), impl->bytes.size());
  log(line);
  return EntityRecognizer(std::move(impl));
}

}  // namespace annals
