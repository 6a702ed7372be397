// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The tagger: features, greedy decoding, training and the model file (docs/models.md).
#include "annals/tagger.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "nlp/model_file.h"
#include "nlp/tag/lemmatizer.h"
#include "nlp/tag/perceptron.h"
#include "util/text.h"
#include "util/u64_map.h"

namespace annals {

using nlp::ByteReader;
using nlp::ByteWriter;
using nlp::tag::MixKey;

namespace {

// Bumped whenever features change meaning: a model stores the version it was trained with.
constexpr uint32_t kFeatureVersion = 3;
constexpr int kMaxClasses = 255;

// Feature templates. The numbers are part of the model format (they are hashed into the keys).
enum Template : uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kShape,
  kFlags,
  kPrev1,
  kPrev2Prev1,
  kPrev1Lower,
  kLowerM1,
  kLowerM2,
  kLowerP1,
  kLowerP2,
  kSuffix3M1,
  kSuffix3P1,
  kAmb,
  kAmbP1,
  kAmbP2,
  kLowerM1Lower,
  kLowerLowerP1,
  kPrev1AmbP1,
  kPrev1Suffix3,
  kShapeM1,
  kShapeP1,
  kAmbAmbP1,
  kPrev1AmbAmbP1,
  kWordnet,
  kWordnetSuffix2,
  kWordnetP1,
  kSuffix5,
};

// What the features need to know about one word, computed once per sentence.
struct WordInfo {
  uint64_t form = 0;
  uint64_t lower = 0;
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t shape = 0;
  uint64_t flags = 0;
  uint64_t amb = 0;
  uint64_t suffix5 = 0;
  uint64_t wordnet = 0;
  int fixed = -1;  // The tag of a frequent unambiguous word (decided without scoring), or -1.
};

const uint64_t kStartWord = util::Fnv1a64("<s>");
const uint64_t kEndWord = util::Fnv1a64("</s>");
const uint64_t kUnknownAmb = util::Fnv1a64("<unk-amb>");
const uint64_t kStartTag = 0xFFFF;

std::string Shape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    char k = (c >= 'A' && c <= 'Z')   ? 'X'
             : (c >= 'a' && c <= 'z') ? 'x'
             : (c >= '0' && c <= '9') ? 'd'
             : c >= 0x80              ? 'u'
                                      : static_cast<char>(c);
    if (out.empty() || out.back() != k) out += k;
    if (out.size() >= 8) break;
  }
  return out;
}

uint64_t Flags(std::string_view s, bool first) {
  uint64_t f = 0;
  bool upper = false, lower = false, digit = false, hyphen = false, other = false;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else if (c == '-')
      hyphen = true;
    else
      other = true;
  }
  f = (upper ? 1 : 0) | (lower ? 2 : 0) | (digit ? 4 : 0) | (hyphen ? 8 : 0) | (other ? 16 : 0) |
      (first ? 32 : 0) | (std::min<uint64_t>(s.size(), 6) << 6);
  return f;
}

// Ambiguity classes: hash of a lower-cased word -> hash of the tags it had in training.
using AmbiguityMap = util::U64Map<uint64_t>;
// Frequent words that (nearly) always had one tag in training: hash of lower-cased word -> class.
using FixedMap = util::U64Map<uint8_t>;

void Describe(const Sentence& s, const AmbiguityMap& amb, const FixedMap& fixed,
              const nlp::tag::WordnetPosLexicon& wn, std::vector<WordInfo>& out) {
  out.resize(s.words.size());
  for (size_t i = 0; i < s.words.size(); ++i) {
    const std::string& form = s.words[i].form;
    std::string lower = util::AsciiLower(form);
    WordInfo& w = out[i];
    w.form = util::Fnv1a64(form);
    w.lower = util::Fnv1a64(lower);
    std::string_view lv(lower);
    for (size_t k = 1; k <= 4; ++k) {
      w.suffix[k - 1] = util::Fnv1a64(lv.substr(lv.size() - std::min(k, lv.size())));
      if (k <= 3) w.prefix[k - 1] = util::Fnv1a64(lv.substr(0, k));
    }
    w.suffix5 = util::Fnv1a64(lv.substr(lv.size() - std::min<size_t>(5, lv.size())));
    w.wordnet = wn.Mask(lower);
    w.shape = util::Fnv1a64(Shape(form));
    w.flags = Flags(form, i == 0);
    auto it = amb.find(w.lower);
    w.amb = it == amb.end() ? kUnknownAmb : it->second;
    auto fx = fixed.find(w.lower);
    w.fixed = fx == fixed.end() ? -1 : fx->second;
  }
}

// The feature keys of word i given the two previous predicted tags (kStartTag before the start).
void Features(const std::vector<WordInfo>& ws, size_t i, uint64_t prev1, uint64_t prev2,
              std::vector<uint64_t>& keys) {
  keys.clear();
  const WordInfo& w = ws[i];
  auto lower_at = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0) return kStartWord;
    if (j >= static_cast<ptrdiff_t>(ws.size())) return kEndWord;
    return ws[j].lower;
  };
  auto at = [&](ptrdiff_t j) -> const WordInfo* {
    if (j < 0 || j >= static_cast<ptrdiff_t>(ws.size())) return nullptr;
    return &ws[j];
  };
  ptrdiff_t n = static_cast<ptrdiff_t>(i);
  const WordInfo* m1 = at(n - 1);
  const WordInfo* p1 = at(n + 1);
  const WordInfo* p2 = at(n + 2);
  uint64_t amb_p1 = p1 ? p1->amb : kEndWord;
  uint64_t amb_p2 = p2 ? p2->amb : kEndWord;
  keys.push_back(MixKey(kBias, 0));
  keys.push_back(MixKey(kForm, w.form));
  keys.push_back(MixKey(kLower, w.lower));
  keys.push_back(MixKey(kSuffix1, w.suffix[0]));
  keys.push_back(MixKey(kSuffix2, w.suffix[1]));
  keys.push_back(MixKey(kSuffix3, w.suffix[2]));
  keys.push_back(MixKey(kSuffix4, w.suffix[3]));
  keys.push_back(MixKey(kPrefix1, w.prefix[0]));
  keys.push_back(MixKey(kPrefix2, w.prefix[1]));
  keys.push_back(MixKey(kPrefix3, w.prefix[2]));
  keys.push_back(MixKey(kShape, w.shape));
  keys.push_back(MixKey(kFlags, w.flags));
  keys.push_back(MixKey(kPrev1, prev1));
  keys.push_back(MixKey(MixKey(kPrev2Prev1, prev2), prev1));
  keys.push_back(MixKey(MixKey(kPrev1Lower, prev1), w.lower));
  keys.push_back(MixKey(kLowerM1, lower_at(n - 1)));
  keys.push_back(MixKey(kLowerM2, lower_at(n - 2)));
  keys.push_back(MixKey(kLowerP1, lower_at(n + 1)));
  keys.push_back(MixKey(kLowerP2, lower_at(n + 2)));
  keys.push_back(MixKey(kSuffix3M1, m1 ? m1->suffix[2] : kStartWord));
  keys.push_back(MixKey(kSuffix3P1, p1 ? p1->suffix[2] : kEndWord));
  keys.push_back(MixKey(kAmb, w.amb));
  keys.push_back(MixKey(kAmbP1, amb_p1));
  keys.push_back(MixKey(kAmbP2, amb_p2));
  keys.push_back(MixKey(MixKey(kLowerM1Lower, lower_at(n - 1)), w.lower));
  keys.push_back(MixKey(MixKey(kLowerLowerP1, w.lower), lower_at(n + 1)));
  keys.push_back(MixKey(MixKey(kPrev1AmbP1, prev1), amb_p1));
  keys.push_back(MixKey(MixKey(kPrev1Suffix3, prev1), w.suffix[2]));
  keys.push_back(MixKey(kShapeM1, m1 ? m1->shape : kStartWord));
  keys.push_back(MixKey(kShapeP1, p1 ? p1->shape : kEndWord));
  keys.push_back(MixKey(MixKey(kAmbAmbP1, w.amb), amb_p1));
  keys.push_back(MixKey(MixKey(MixKey(kPrev1AmbAmbP1, prev1), w.amb), amb_p1));
  keys.push_back(MixKey(kWordnet, w.wordnet));
  keys.push_back(MixKey(MixKey(kWordnetSuffix2, w.wordnet), w.suffix[1]));
  keys.push_back(MixKey(kWordnetP1, p1 ? p1->wordnet : kEndWord));
  keys.push_back(MixKey(kSuffix5, w.suffix5));
}

int ArgMax(const float* scores, int n) {
  int best = 0;
  for (int c = 1; c < n; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return best;
}

// Greedy decoding. With a backward model: it first tags right to left (on the reversed words) and
// keeps its scores; the forward pass then adds them to its own at every position, so that each
// decision sees evidence from both sides.
template <typename ScoreFn>
void Greedy(const std::vector<WordInfo>& info, int num_classes, const float* extra, ScoreFn score,
            std::vector<int>& tags, std::vector<float>* all_scores) {
  std::vector<uint64_t> keys;
  keys.reserve(48);
  float scores[kMaxClasses];
  uint64_t prev1 = kStartTag, prev2 = kStartTag;
  tags.resize(info.size());
  for (size_t i = 0; i < info.size(); ++i) {
    if (info[i].fixed >= 0) {
      tags[i] = info[i].fixed;
      if (all_scores != nullptr) all_scores->insert(all_scores->end(), num_classes, 0.0f);
      prev2 = prev1;
      prev1 = static_cast<uint64_t>(tags[i]);
      continue;
    }
    Features(info, i, prev1, prev2, keys);
    if (extra != nullptr) {
      std::copy(extra + i * num_classes, extra + (i + 1) * num_classes, scores);
    } else {
      std::fill(scores, scores + num_classes, 0.0f);
    }
    score(keys, scores);
    if (all_scores != nullptr) {
      all_scores->insert(all_scores->end(), scores, scores + num_classes);
    }
    int best = ArgMax(scores, num_classes);
    tags[i] = best;
    prev2 = prev1;
    prev1 = static_cast<uint64_t>(best);
  }
}

void Decode(const std::vector<WordInfo>& info, const nlp::tag::SparseWeights& forward,
            const nlp::tag::SparseWeights* backward, int num_classes, std::vector<int>& tags,
            std::vector<float>* scores = nullptr) {
  auto scorer = [](const nlp::tag::SparseWeights& w) {
    return [&w](const std::vector<uint64_t>& keys, float* scores) { w.AddAll(keys, scores); };
  };
  if (backward == nullptr) {
    Greedy(info, num_classes, nullptr, scorer(forward), tags, scores);
    return;
  }
  std::vector<WordInfo> reversed(info.rbegin(), info.rend());
  std::vector<float> back_scores;
  back_scores.reserve(info.size() * num_classes);
  Greedy(reversed, num_classes, nullptr, scorer(*backward), tags, &back_scores);
  // Back into left-to-right order.
  std::vector<float> extra(back_scores.size());
  const size_t n = info.size();
  for (size_t j = 0; j < n; ++j) {
    std::copy(back_scores.begin() + j * num_classes, back_scores.begin() + (j + 1) * num_classes,
              extra.begin() + (n - 1 - j) * num_classes);
  }
  Greedy(info, num_classes, extra.data(), scorer(forward), tags, scores);
}

}  // namespace

struct Tagger::Impl {
  std::string bytes;
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
  AmbiguityMap ambiguity;
  FixedMap fixed;
  nlp::tag::SparseWeights weights;   // Left to right.
  nlp::tag::SparseWeights backward;  // Right to left (when has_backward).
  bool has_backward = false;
  nlp::tag::Lemmatizer lemmatizer;
  nlp::tag::FeatsLexicon feats;
  nlp::tag::WordnetPosLexicon wordnet_pos;
  // Classes of the finite-verb repair (RepairFiniteVerb): "VERB VBD" (-1 when the model has no
  // such class: no repair), "VERB VBN", and every class whose XPOS is finite (VBD, VBZ, VBP, MD).
  int past = -1;
  int participle = -1;
  std::vector<bool> finite;
  int noun = -1;    // "NOUN NN", for RepairPossessedAdjective (-1: no repair).
  int proper = -1;  // "PROPN NNP", for RepairCoordinatedName (-1: no repair).
};

namespace {

// A sentence with no finite verb whose participle is most probably a past tense: "Police fired
// tear gas to disperse the crowds", "Israeli warplanes struck targets in Beirut" are tagged VBN
// by the greedy tagger (the words before look like a noun phrase) and then parsed as one noun
// phrase with a participle modifier, so the sentence loses its event. In a sentence of at least
// kMinRepairWords words with no finite verb (VBD, VBZ, VBP, MD, nor an imperative VB first), the
// participle right after a noun or pronoun whose past-tense score is closest to its participle
// score becomes a past tense. Short fragments ("Highly recommended.", "Site made!") and
// participles after adverbs ("well kept") are left. On EWT dev this changes 9 tags (7 to the gold
// tag: "The US troops fired into the hostile crowd", "Katrina devastated refineries"; 2 from it:
// "prices compared to anyone"); scores in docs/parser.md.
constexpr size_t kMinRepairWords = 8;

void RepairFiniteVerb(int past, int participle, const std::vector<bool>& finite,
                      const std::vector<std::string>& xpos, const std::vector<WordInfo>& info,
                      const std::vector<float>& scores, int num_classes, std::vector<int>& tags) {
  if (tags.size() < kMinRepairWords) return;
  for (int tag : tags) {
    if (finite[tag]) return;
  }
  // An imperative: a base-form verb first, or after "please" ("Please find attached ...").
  for (size_t i = 0; i < tags.size() && i < 2; ++i) {
    if (xpos[tags[i]] == "VB") return;
  }
  int best = -1;
  float best_gap = 0;
  for (size_t i = 1; i < tags.size(); ++i) {
    if (tags[i] != participle || info[i].fixed >= 0) continue;
    const std::string& before = xpos[tags[i - 1]];
    if (before != "NN" && before != "NNS" && before != "NNP" && before != "NNPS" &&
        before != "PRP") {
      continue;
    }
    const float* sc = scores.data() + i * num_classes;
    const float gap = sc[participle] - sc[past];
    if (best < 0 || gap < best_gap) {
      best = static_cast<int>(i);
      best_gap = gap;
    }
  }
  if (best >= 0) tags[best] = past;
}

// An adjective right after a possessive "'s" that no noun, adjective or number follows is the
// possessed noun itself: "China's military sent warships", "the country's poor". The greedy
// tagger reads "military" as the adjective it usually is, and the parse then loses the
// sentence's subject and verb.
void RepairPossessedAdjective(int noun, const std::vector<std::string>& upos,
                              const std::vector<std::string>& xpos,
                              const std::vector<WordInfo>& info, std::vector<int>& tags) {
  for (size_t i = 1; i < tags.size(); ++i) {
    if (xpos[tags[i - 1]] != "POS" || xpos[tags[i]] != "JJ" || info[i].fixed >= 0) continue;
    if (i + 1 < tags.size()) {
      const std::string& next = upos[tags[i + 1]];
      if (next == "NOUN" || next == "PROPN" || next == "ADJ" || next == "NUM" || next == "PUNCT" ||
          next == "CCONJ") {
        continue;
      }
    }
    tags[i] = noun;
  }
}

// A participle between a name or pronoun and what begins its object is a past tense: "Xi Jinping
// hosted Russian President Vladimir Putin ..., and the two leaders signed", "Aliyev repeated his
// demand", "gunmen attacked a police station". The greedy tagger reads such a verb as a
// participle when another clause follows, and the parser then hangs it from the name as a
// reduced relative, losing the clause. The participle becomes VBD when the word before it is a
// personal pronoun or proper noun and the word after it a determiner, possessive, pronoun, proper
// noun, number or adjective, or when the word before is a common noun and the word after a
// determiner or possessive; not after a form of have, be or get in the four words before (a
// perfect or passive), and not for the participles that name or modify ("a man named Ali",
// "Iran backed militias"). In EWT's gold tags (train, dev and test) these contexts hold, the
// excluded verbs aside, 1,373 past tenses and 3 participles ("eggs in water treated a couple of
// minutes"; scripts/repair-contexts counts them); on EWT dev and test the rule changes 2
// predicted tags, both to the gold VBD.
void RepairTransitiveParticiple(int past, int participle, const std::vector<std::string>& xpos,
                                const Sentence& sentence, const std::vector<WordInfo>& info,
                                std::vector<int>& tags) {
  static const std::unordered_set<std::string_view> kAuxiliary = {
      "have", "has",   "had", "having", "'ve", "'d",  "be",   "is",  "are",    "was",    "were",
      "been", "being", "am",  "'re",    "'m",  "get", "gets", "got", "gotten", "getting"};
  static const std::unordered_set<std::string_view> kModifying = {
      "named",     "called",     "dubbed",  "titled", "entitled", "dated",
      "nicknamed", "labelled",   "labeled", "known",  "born",     "based",
      "backed",    "dominated",  "led",     "owned",  "run",      "funded",
      "sponsored", "controlled", "held",    "headed", "made",     "aged"};
  for (size_t i = 1; i + 1 < tags.size(); ++i) {
    if (tags[i] != participle || info[i].fixed >= 0) continue;
    const std::string& before = xpos[tags[i - 1]];
    const std::string& after = xpos[tags[i + 1]];
    const bool object = after == "DT" || after == "PRP$";
    const bool named = before == "PRP" || before == "NNP" || before == "NNPS";
    const bool noun = before == "NN" || before == "NNS";
    if (!(named &&
          (object || after == "PRP" || after == "NNP" || after == "CD" || after == "JJ")) &&
        !(noun && object)) {
      continue;
    }
    if (kModifying.count(util::AsciiLower(sentence.words[i].form))) continue;
    bool auxiliary = false;
    for (size_t k = i >= 4 ? i - 4 : 0; k < i && !auxiliary; ++k) {
      auxiliary = kAuxiliary.count(util::AsciiLower(sentence.words[k].form)) > 0;
    }
    if (!auxiliary) tags[i] = past;
  }
}

// A past tense right after a possessive determiner or "'s" is a participle modifying the noun
// after it: "Trump paused his planned tariffs" (the greedy tagger read "planned" as VBD, and the
// parser made it a clause). In EWT's gold tags a PRP$ is followed by VBN 21 times and by VBD
// never, a POS by VBN 10 times and by VBD once (scripts/repair-contexts).
void RepairPossessiveParticiple(int past, int participle, const std::vector<std::string>& xpos,
                                const std::vector<WordInfo>& info, std::vector<int>& tags) {
  for (size_t i = 1; i < tags.size(); ++i) {
    if (tags[i] != past || info[i].fixed >= 0) continue;
    const std::string& before = xpos[tags[i - 1]];
    if (before == "PRP$" || before == "POS") tags[i] = participle;
  }
}

// A capitalised word the tagger never saw in training, read as an adjective before a conjunction
// and a proper name, is a proper noun: "Xi and Russian President Vladimir Putin held talks" (the
// greedy tagger takes "Xi" for an adjective like the "Russian" after it, and the parser then
// makes it the root of a fragment, so the sentence loses its subject). The conjunct must be a
// run of proper nouns, adjectives before it allowed, that no common noun follows: "Bahraini and
// Saudi officials" keeps its adjectives. The word must begin with an upper-case letter and not
// be the tagger's known vocabulary (no ambiguity class from training).
void RepairCoordinatedName(int proper, const std::vector<std::string>& xpos,
                           const Sentence& sentence, const std::vector<WordInfo>& info,
                           std::vector<int>& tags) {
  for (size_t i = 0; i + 2 < tags.size(); ++i) {
    if (xpos[tags[i]] != "JJ" || info[i].amb != kUnknownAmb || info[i].fixed >= 0) continue;
    const std::string& form = sentence.words[i].form;
    if (form.empty() || form[0] < 'A' || form[0] > 'Z' || xpos[tags[i + 1]] != "CC") continue;
    size_t k = i + 2;
    while (k < tags.size() && xpos[tags[k]] == "JJ") ++k;
    const auto name = [&](size_t j) { return xpos[tags[j]] == "NNP" || xpos[tags[j]] == "NNPS"; };
    if (k >= tags.size() || !name(k)) continue;
    while (k < tags.size() && name(k)) ++k;
    if (k < tags.size() && (xpos[tags[k]] == "NN" || xpos[tags[k]] == "NNS")) continue;
    tags[i] = proper;
  }
}

// Fills the classes RepairFiniteVerb needs from the model's tags.
template <typename ImplT>
void IndexFiniteClasses(ImplT& impl) {
  impl.finite.assign(impl.upos.size(), false);
  impl.past = impl.participle = -1;
  for (size_t i = 0; i < impl.upos.size(); ++i) {
    const std::string& x = impl.xpos[i];
    impl.finite[i] = x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    if (impl.upos[i] == "VERB" && x == "VBD") impl.past = static_cast<int>(i);
    if (impl.upos[i] == "VERB" && x == "VBN") impl.participle = static_cast<int>(i);
  }
  if (impl.participle < 0) impl.past = -1;
  impl.noun = impl.proper = -1;
  for (size_t i = 0; i < impl.upos.size(); ++i) {
    if (impl.upos[i] == "NOUN" && impl.xpos[i] == "NN") impl.noun = static_cast<int>(i);
    if (impl.upos[i] == "PROPN" && impl.xpos[i] == "NNP") impl.proper = static_cast<int>(i);
  }
}

}  // namespace

Tagger::Tagger(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

const std::string& Tagger::bytes() const { return impl_->bytes; }

Status Tagger::Save(const std::string& path) const {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": cannot open for writing");
  size_t n = std::fwrite(impl_->bytes.data(), 1, impl_->bytes.size(), f);
  if (std::fclose(f) != 0 || n != impl_->bytes.size()) return IoError(path + ": write failed");
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return IoError(path + ": rename failed");
  return Status::Ok();
}

bool Tagger::KnowsWord(std::string_view form) const {
  std::string lower = util::AsciiLower(form);
  uint64_t h = util::Fnv1a64(lower);
  return impl_->ambiguity.count(h) > 0 || impl_->fixed.count(h) > 0 ||
         impl_->wordnet_pos.Mask(lower) != 0;
}

bool Tagger::KnowsContentWord(std::string_view form) const {
  std::string lower = util::AsciiLower(form);
  return impl_->ambiguity.count(util::Fnv1a64(lower)) > 0 && impl_->wordnet_pos.Mask(lower) != 0;
}

void Tagger::Tag(Sentence& sentence) const {
  if (sentence.words.empty()) return;
  const Impl& m = *impl_;
  std::vector<WordInfo> info;
  Describe(sentence, m.ambiguity, m.fixed, m.wordnet_pos, info);
  std::vector<int> tags;
  std::vector<float> scores;
  const int num_classes = static_cast<int>(m.upos.size());
  Decode(info, m.weights, m.has_backward ? &m.backward : nullptr, num_classes, tags,
         m.past >= 0 ? &scores : nullptr);
  if (m.noun >= 0) RepairPossessedAdjective(m.noun, m.upos, m.xpos, info, tags);
  if (m.proper >= 0) RepairCoordinatedName(m.proper, m.xpos, sentence, info, tags);
  if (m.past >= 0) {
    RepairFiniteVerb(m.past, m.participle, m.finite, m.xpos, info, scores, num_classes, tags);
    RepairTransitiveParticiple(m.past, m.participle, m.xpos, sentence, info, tags);
    RepairPossessiveParticiple(m.past, m.participle, m.xpos, info, tags);
  }
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    Word& w = sentence.words[i];
    w.upos = m.upos[tags[i]];
    w.xpos = m.xpos[tags[i]];
    w.feats = m.feats.Find(w.form, w.upos, w.xpos);
    w.lemma = m.lemmatizer.Lemmatize(w.form, w.upos, w.xpos);
  }
}

std::string Tagger::Lemmatize(const std::string& form, const std::string& upos,
                              const std::string& xpos) const {
  return impl_->lemmatizer.Lemmatize(form, upos, xpos);
}

Result<Tagger> Tagger::Load(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(path + ": cannot open tagger model");
  std::string bytes;
  // Reserve the file's size when it has one (a pipe does not: then fseek fails and nothing was
  // read yet).
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    if (size > 0) bytes.reserve(static_cast<size_t>(size));
    std::rewind(f);
  }
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, got);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return IoError(path + ": read failed");
  Result<Tagger> t = FromBytes(std::move(bytes));
  if (!t.ok()) return t.status().WithContext(path);
  return t;
}

Result<Tagger> Tagger::FromBytes(std::string bytes) {
  Result<nlp::ModelFile> file = nlp::ModelFile::Parse(bytes, "tagger");
  if (!file.ok()) return file.status();
  auto impl = std::make_unique<Impl>();
  auto section = [&](std::string_view name) { return file->Section(name); };

  Result<std::string_view> meta = section("meta");
  if (!meta.ok()) return meta.status();
  ByteReader mr(*meta);
  uint32_t feature_version = mr.U32();
  if (!mr.ok()) return mr.status("meta");
  if (feature_version != kFeatureVersion) {
    return DataLossError("tagger feature version " + std::to_string(feature_version) +
                         " is not supported (expected " + std::to_string(kFeatureVersion) + ")");
  }

  Result<std::string_view> tags = section("tags");
  if (!tags.ok()) return tags.status();
  ByteReader tr(*tags);
  uint64_t n = tr.VarU();
  if (!tr.ok() || n == 0 || n > kMaxClasses) return DataLossError("tags: bad tag count");
  for (uint64_t i = 0; i < n && tr.ok(); ++i) {
    impl->upos.emplace_back(tr.Str());
    impl->xpos.emplace_back(tr.Str());
  }
  if (!tr.ok()) return tr.status("tags");
  if (!tr.done()) return DataLossError("tags: trailing bytes");

  Result<std::string_view> amb = section("ambiguity");
  if (!amb.ok()) return amb.status();
  ByteReader ar(*amb);
  n = ar.VarU();
  if (!ar.ok() || n > amb->size() / 16) return DataLossError("ambiguity: bad entry count");
  impl->ambiguity.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t word = ar.U64();
    uint64_t cls = ar.U64();
    impl->ambiguity[word] = cls;
  }
  if (!ar.ok()) return ar.status("ambiguity");
  if (!ar.done()) return DataLossError("ambiguity: trailing bytes");

  Result<std::string_view> unamb = section("unambiguous");
  if (!unamb.ok()) return unamb.status();
  ByteReader ur(*unamb);
  n = ur.VarU();
  if (!ur.ok() || n > unamb->size() / 9) return DataLossError("unambiguous: bad entry count");
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t word = ur.U64();
    uint8_t cls = ur.U8();
    if (ur.ok() && cls >= impl->upos.size())
      return DataLossError("unambiguous: class out of range");
    impl->fixed[word] = cls;
  }
  if (!ur.ok()) return ur.status("unambiguous");
  if (!ur.done()) return DataLossError("unambiguous: trailing bytes");

  Result<std::string_view> weights = section("weights");
  if (!weights.ok()) return weights.status();
  Result<nlp::tag::SparseWeights> w =
      nlp::tag::SparseWeights::Parse(*weights, static_cast<int>(impl->upos.size()));
  if (!w.ok()) return w.status();
  impl->weights = std::move(*w);
  if (file->Has("weights_backward")) {
    Result<nlp::tag::SparseWeights> b = nlp::tag::SparseWeights::Parse(
        *file->Section("weights_backward"), static_cast<int>(impl->upos.size()));
    if (!b.ok()) return b.status();
    impl->backward = std::move(*b);
    impl->has_backward = true;
  }

  Result<std::string_view> feats = section("feats");
  if (!feats.ok()) return feats.status();
  Result<nlp::tag::FeatsLexicon> fl = nlp::tag::FeatsLexicon::Parse(*feats);
  if (!fl.ok()) return fl.status();
  impl->feats = std::move(*fl);

  Result<std::string_view> lemmas = section("lemmas");
  if (!lemmas.ok()) return lemmas.status();
  Result<std::string_view> wordnet = section("wordnet");
  if (!wordnet.ok()) return wordnet.status();
  Result<nlp::tag::Lemmatizer> lem = nlp::tag::Lemmatizer::Parse(*lemmas, *wordnet);
  if (!lem.ok()) return lem.status();
  impl->lemmatizer = std::move(*lem);

  Result<std::string_view> wnpos = section("wnpos");
  if (!wnpos.ok()) return wnpos.status();
  Result<nlp::tag::WordnetPosLexicon> wp = nlp::tag::WordnetPosLexicon::Parse(*wnpos);
  if (!wp.ok()) return wp.status();
  impl->wordnet_pos = std::move(*wp);
  impl->lemmatizer.set_known_lemmas(&impl->wordnet_pos);

  impl->bytes = std::move(bytes);
  IndexFiniteClasses(*impl);
  return Tagger(std::move(impl));
}

Result<Tagger> Tagger::Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                             const TaggerTrainOptions& options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  auto started = std::chrono::steady_clock::now();

  // Tag set, in sorted order so that class ids do not depend on the data's order.
  std::map<std::string, int> tag_ids;
  size_t words = 0;
  for (const Sentence& s : train) {
    for (const Word& w : s.words) tag_ids.emplace(w.upos + "\t" + w.xpos, 0);
    words += s.words.size();
  }
  if (words == 0) return InvalidArgumentError("training data has no words");
  if (tag_ids.size() > static_cast<size_t>(kMaxClasses)) {
    return InvalidArgumentError("training data has " + std::to_string(tag_ids.size()) +
                                " distinct UPOS+XPOS tags; at most 255 are supported");
  }
  auto impl = std::make_unique<Impl>();
  int next = 0;
  for (auto& [tag, id] : tag_ids) {
    id = next++;
    size_t tab = tag.find('\t');
    impl->upos.push_back(tag.substr(0, tab));
    impl->xpos.push_back(tag.substr(tab + 1));
  }
  const int num_classes = next;

  // Ambiguity classes of frequent words.
  std::unordered_map<uint64_t, std::map<int, int>> word_tags;
  for (const Sentence& s : train) {
    for (const Word& w : s.words) {
      ++word_tags[util::Fnv1a64(util::AsciiLower(w.form))][tag_ids[w.upos + "\t" + w.xpos]];
    }
  }
  for (const auto& [word, by_tag] : word_tags) {
    int total = 0;
    for (const auto& [tag, c] : by_tag) total += c;
    if (total < options.ambiguity_min_count) continue;
    uint64_t cls = util::Fnv1a64("amb");
    for (const auto& [tag, c] : by_tag) {
      // Tags under 1% of the word's uses are left out of its class (mostly annotation noise).
      if (c * 100 >= total) cls = MixKey(cls, static_cast<uint64_t>(tag) + 1);
    }
    impl->ambiguity[word] = cls;
    for (const auto& [tag, c] : by_tag) {
      if (total >= options.fixed_min_count && c >= options.fixed_min_share * total) {
        impl->fixed[word] = static_cast<uint8_t>(tag);
      }
    }
  }

  std::vector<nlp::tag::WordnetException> wordnet;
  if (!options.wordnet_dir.empty()) {
    Result<std::vector<nlp::tag::WordnetException>> wn =
        nlp::tag::ReadWordnetExceptions(options.wordnet_dir);
    if (wn.ok()) {
      wordnet = std::move(*wn);
    } else {
      log("training without WordNet exceptions: " + wn.status().message());
    }
  }
  std::vector<std::pair<std::string, uint8_t>> wordnet_index;
  if (!options.wordnet_dir.empty()) {
    Result<std::vector<std::pair<std::string, uint8_t>>> wi =
        nlp::tag::ReadWordnetIndex(options.wordnet_dir);
    if (wi.ok()) {
      wordnet_index = std::move(*wi);
    } else {
      log("training without WordNet parts of speech: " + wi.status().message());
    }
  }
  impl->wordnet_pos = nlp::tag::WordnetPosLexicon(wordnet_index, wordnet);

  // Precomputed word descriptions and gold classes.
  std::vector<std::vector<WordInfo>> infos(train.size());
  std::vector<std::vector<int>> gold(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    Describe(train[s], impl->ambiguity, impl->fixed, impl->wordnet_pos, infos[s]);
    for (const Word& w : train[s].words) gold[s].push_back(tag_ids[w.upos + "\t" + w.xpos]);
  }
  std::vector<std::vector<WordInfo>> dev_infos(dev.size());
  for (size_t s = 0; s < dev.size(); ++s)
    Describe(dev[s], impl->ambiguity, impl->fixed, impl->wordnet_pos, dev_infos[s]);

  std::vector<std::vector<WordInfo>> rev_infos, rev_dev_infos;
  std::vector<std::vector<int>> rev_gold;
  if (options.bidirectional) {
    for (size_t s = 0; s < infos.size(); ++s) {
      rev_infos.emplace_back(infos[s].rbegin(), infos[s].rend());
      rev_gold.emplace_back(gold[s].rbegin(), gold[s].rend());
    }
    for (const auto& d : dev_infos) rev_dev_infos.emplace_back(d.rbegin(), d.rend());
  }
  auto train_direction = [&](bool reverse) {
    const auto& infos_d = reverse ? rev_infos : infos;
    const auto& gold_d = reverse ? rev_gold : gold;
    const auto& dev_d = reverse ? rev_dev_infos : dev_infos;
    const char* name = reverse ? "right-to-left" : "left-to-right";
    nlp::tag::PerceptronTrainer trainer(num_classes);
    std::vector<size_t> order(train.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    uint64_t rng = options.seed;
    auto next_random = [&rng]() {  // splitmix64: the same sequence on every platform.
      uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      return z ^ (z >> 31);
    };
    std::vector<uint64_t> keys;
    std::vector<float> scores(num_classes);
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next_random() % i]);
      size_t correct = 0, total = 0;
      for (size_t s : order) {
        uint64_t prev1 = kStartTag, prev2 = kStartTag;
        for (size_t i = 0; i < infos_d[s].size(); ++i) {
          if (infos_d[s][i].fixed >= 0) {
            prev2 = prev1;
            prev1 = static_cast<uint64_t>(infos_d[s][i].fixed);
            continue;
          }
          Features(infos_d[s], i, prev1, prev2, keys);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.Score(keys, scores.data());
          int guess = ArgMax(scores.data(), num_classes);
          trainer.Tick();
          trainer.Update(keys, gold_d[s][i], guess);
          correct += guess == gold_d[s][i];
          ++total;
          prev2 = prev1;
          prev1 = static_cast<uint64_t>(guess);
        }
      }
      char line[256];
      std::snprintf(line, sizeof line, "%s epoch %d: train %.2f%%", name, epoch,
                    100.0 * correct / total);
      std::string msg = line;
      if (!dev.empty()) {
        size_t dc = 0, du = 0, dx = 0, dt = 0;
        for (size_t s = 0; s < dev.size(); ++s) {
          uint64_t prev1 = kStartTag, prev2 = kStartTag;
          for (size_t i = 0; i < dev_d[s].size(); ++i) {
            int guess = dev_d[s][i].fixed;
            if (guess < 0) {
              Features(dev_d[s], i, prev1, prev2, keys);
              std::fill(scores.begin(), scores.end(), 0.0f);
              trainer.ScoreAveraged(keys, scores.data());
              guess = ArgMax(scores.data(), num_classes);
            }
            const Word& w = dev[s].words[reverse ? dev_d[s].size() - 1 - i : i];
            dc += impl->upos[guess] == w.upos && impl->xpos[guess] == w.xpos;
            du += impl->upos[guess] == w.upos;
            dx += impl->xpos[guess] == w.xpos;
            ++dt;
            prev2 = prev1;
            prev1 = static_cast<uint64_t>(guess);
          }
        }
        std::snprintf(line, sizeof line, ", dev upos %.2f%% xpos %.2f%% both %.2f%%",
                      100.0 * du / std::max<size_t>(dt, 1), 100.0 * dx / std::max<size_t>(dt, 1),
                      100.0 * dc / std::max<size_t>(dt, 1));
        msg += line;
      }
      std::snprintf(
          line, sizeof line, " (%zu features, %.1f s)", trainer.num_features(),
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      log(msg + line);
    }
    return trainer.Finish(options.prune_below);
  };
  impl->weights = train_direction(false);
  if (options.bidirectional) {
    impl->backward = train_direction(true);
    impl->has_backward = true;
  }
  if (!dev.empty() && options.bidirectional) {
    size_t du = 0, dx = 0, dt = 0;
    std::vector<int> tags;
    for (size_t s = 0; s < dev.size(); ++s) {
      Decode(dev_infos[s], impl->weights, &impl->backward, num_classes, tags);
      for (size_t i = 0; i < tags.size(); ++i) {
        du += impl->upos[tags[i]] == dev[s].words[i].upos;
        dx += impl->xpos[tags[i]] == dev[s].words[i].xpos;
        ++dt;
      }
    }
    char line[128];
    std::snprintf(line, sizeof line, "both directions (pruned): dev upos %.2f%% xpos %.2f%%",
                  100.0 * du / std::max<size_t>(dt, 1), 100.0 * dx / std::max<size_t>(dt, 1));
    log(line);
  }

  // Lemmatizer and FEATS lexicon from the gold annotations.
  std::vector<nlp::tag::LemmaExample> examples;
  examples.reserve(words);
  for (const Sentence& s : train) {
    for (const Word& w : s.words) examples.push_back({w.form, w.upos, w.xpos, w.lemma, w.feats});
  }
  impl->lemmatizer = nlp::tag::Lemmatizer::Build(examples, wordnet, options.lemma_rule_min_count,
                                                 &impl->wordnet_pos);
  impl->feats = nlp::tag::FeatsLexicon::Build(examples);

  // The model file.
  nlp::ModelWriter writer("tagger");
  ByteWriter meta;
  meta.U32(kFeatureVersion);
  writer.AddSection("meta", meta.Take());
  ByteWriter tw;
  tw.VarU(impl->upos.size());
  for (size_t i = 0; i < impl->upos.size(); ++i) {
    tw.Str(impl->upos[i]);
    tw.Str(impl->xpos[i]);
  }
  writer.AddSection("tags", tw.Take());
  std::vector<std::pair<uint64_t, uint64_t>> amb(impl->ambiguity.begin(), impl->ambiguity.end());
  std::sort(amb.begin(), amb.end());
  ByteWriter aw;
  aw.VarU(amb.size());
  for (const auto& [word, cls] : amb) {
    aw.U64(word);
    aw.U64(cls);
  }
  writer.AddSection("ambiguity", aw.Take());
  std::vector<std::pair<uint64_t, uint8_t>> fixed(impl->fixed.begin(), impl->fixed.end());
  std::sort(fixed.begin(), fixed.end());
  ByteWriter fw;
  fw.VarU(fixed.size());
  for (const auto& [word, cls] : fixed) {
    fw.U64(word);
    fw.U8(cls);
  }
  writer.AddSection("unambiguous", fw.Take());
  writer.AddSection("weights", impl->weights.Serialize());
  if (impl->has_backward) writer.AddSection("weights_backward", impl->backward.Serialize());
  writer.AddSection("feats", impl->feats.Serialize());
  writer.AddSection("lemmas", impl->lemmatizer.SerializeLemmas());
  writer.AddSection("wordnet", impl->lemmatizer.SerializeWordnet());
  writer.AddSection("wnpos", impl->wordnet_pos.Serialize());
  impl->bytes = writer.Serialize();
  char line[256];
  std::snprintf(
      line, sizeof line,
      "model: %zu tags, %zu features, %zu weights, %zu ambiguity classes, %zu unambiguous "
      "words, %zu lemma "
      "rules, %zu lexicon entries, %zu WordNet exceptions, %zu feats entries, %zu bytes",
      impl->upos.size(), impl->weights.num_features(), impl->weights.num_weights(),
      impl->ambiguity.size(), impl->fixed.size(), impl->lemmatizer.rule_count(),
      impl->lemmatizer.lexicon_size(), impl->lemmatizer.wordnet_size(), impl->feats.size(),
      impl->bytes.size());
  log(line);
  IndexFiniteClasses(*impl);
  return Tagger(std::move(impl));
}

}  // namespace annals
