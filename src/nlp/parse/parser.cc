// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/parser.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string_view>
#include <unordered_set>

#include "nlp/model_file.h"
#include "nlp/parse/features.h"
#include "nlp/parse/projectivize.h"
#include "nlp/parse/transition.h"
#include "nlp/parse/weights.h"
#include "util/text.h"

namespace annals {

using nlp::parse::CompactWeights;
using nlp::parse::State;

inline constexpr uint32_t kParserFormatVersion = 1;

struct Parser::Model {
  std::vector<std::string> labels;
  CompactWeights weights;
  int beam = 1;  // Decoder's beam width: 1 greedy; more for a model trained with a beam.
};

namespace {

// Highest-scoring legal action; ties go to the lower action number (deterministic).
template <typename T>
int BestLegal(const State& st, const T* scores, int num_actions) {
  int best = -1;
  if (st.CanShift()) best = 0;
  bool left = st.CanLeft(), right = st.CanRight();
  for (int a = 1; a < num_actions; ++a) {
    bool is_left = (a - 1) % 2 == 0;
    if (is_left ? !left : !right) continue;
    if (best < 0 || scores[a] > scores[best]) best = a;
  }
  return best;
}

}  // namespace

std::string DefaultParserModelPath() {
  const char* dir = std::getenv("ANNALS_MODELS");
  if (dir != nullptr && *dir != '\0') return std::string(dir) + "/parser.model";
#ifdef ANNALS_SOURCE_DIR
  return std::string(ANNALS_SOURCE_DIR) + "/models/parser.model";
#else
  return "models/parser.model";
#endif
}

namespace {

// Writes the tree of terminal state `st` (lifted labels put back) into the words of `s`.
void WriteTree(const std::vector<std::string>& labels, const State& st, Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  std::vector<int> heads(st.heads());
  std::vector<std::string> rels(n + 1);
  for (int i = 1; i <= n; ++i) rels[i] = labels[st.label(i)];
  nlp::parse::Deprojectivize(heads, rels);
  for (int i = 1; i <= n; ++i) {
    s.words[i - 1].head = heads[i];
    s.words[i - 1].deprel = std::move(rels[i]);
  }
}

// A beam candidate: item `from` of the beam extended by `action`, with total score `score`.
template <typename S>
struct Candidate {
  S score;
  int from;
  int action;
};

// Best first; ties to the lower item, then the lower action, so that decoding is deterministic.
template <typename S>
bool BetterCandidate(const Candidate<S>& x, const Candidate<S>& y) {
  if (x.score != y.score) return x.score > y.score;
  if (x.from != y.from) return x.from < y.from;
  return x.action < y.action;
}

// Appends the candidates of `st` (total score `base`) given its action scores; a state where
// only SHIFT is legal gives SHIFT at no score.
template <typename S, typename T>
void AddCandidates(const State& st, S base, int from, const T* scores, int num_actions,
                   std::vector<Candidate<S>>& out) {
  if (st.CanShift()) out.push_back({static_cast<S>(base + (scores ? scores[0] : 0)), from, 0});
  if (scores == nullptr) return;
  const bool left = st.CanLeft(), right = st.CanRight();
  for (int a = 1; a < num_actions; ++a) {
    if ((a - 1) % 2 == 0 ? !left : !right) continue;
    out.push_back({static_cast<S>(base + scores[a]), from, a});
  }
}

// Keeps the best `k` candidates, sorted best first.
template <typename S>
void KeepBest(std::vector<Candidate<S>>& c, size_t k) {
  if (c.size() > k) {
    std::nth_element(c.begin(), c.begin() + static_cast<ptrdiff_t>(k - 1), c.end(),
                     BetterCandidate<S>);
    c.resize(k);
  }
  std::sort(c.begin(), c.end(), BetterCandidate<S>);
}

void ParseGreedy(const std::vector<std::string>& labels, const CompactWeights& w, Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  nlp::parse::SentenceContext ctx;
  ctx.Build(s);
  State st(n);
  std::vector<uint64_t> feats;
  feats.reserve(128);
  const int na = w.num_actions();
  std::vector<int32_t> scores(w.score_width());
  while (!st.Terminal()) {
    // With only SHIFT legal (the stack holds just the root) the scores cannot change the move.
    if (!st.CanLeft() && !st.CanRight()) {
      st.Apply(nlp::parse::kShift);
      continue;
    }
    nlp::parse::ExtractFeatures(ctx, st, feats);
    std::fill(scores.begin(), scores.end(), 0);
    w.Score(feats, scores.data());
    st.Apply(BestLegal(st, scores.data(), na));
  }
  WriteTree(labels, st, s);
}

// Beam search over whole derivations, scored by the sum of their action scores. Every derivation
// of an n-word sentence has 2n moves, so the items of a beam always finish together; each is a
// legal derivation, hence a well-formed single-rooted tree.
void ParseBeam(const std::vector<std::string>& labels, const CompactWeights& w, int beam,
               Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  nlp::parse::SentenceContext ctx;
  ctx.Build(s);
  std::vector<State> items{State(n)}, next;
  std::vector<int64_t> totals{0};
  std::vector<uint64_t> feats;
  feats.reserve(128);
  const int na = w.num_actions();
  std::vector<int32_t> scores(w.score_width());
  std::vector<Candidate<int64_t>> cands;
  while (!items[0].Terminal()) {
    cands.clear();
    for (size_t i = 0; i < items.size(); ++i) {
      const State& st = items[i];
      if (!st.CanLeft() && !st.CanRight()) {
        AddCandidates<int64_t, int32_t>(st, totals[i], static_cast<int>(i), nullptr, na, cands);
        continue;
      }
      nlp::parse::ExtractFeatures(ctx, st, feats);
      std::fill(scores.begin(), scores.end(), 0);
      w.Score(feats, scores.data());
      AddCandidates<int64_t, int32_t>(st, totals[i], static_cast<int>(i), scores.data(), na, cands);
    }
    KeepBest(cands, static_cast<size_t>(beam));
    // Copy-assigning into states kept from earlier steps reuses their vectors' storage.
    if (next.size() < cands.size()) next.resize(cands.size(), items[0]);
    totals.resize(cands.size());
    for (size_t k = 0; k < cands.size(); ++k) {
      next[k] = items[cands[k].from];
      next[k].Apply(cands[k].action);
      totals[k] = cands[k].score;
    }
    next.resize(cands.size(), items[0]);
    items.swap(next);
  }
  WriteTree(labels, items[0], s);
}

void ParseWith(const std::vector<std::string>& labels, const CompactWeights& w, int beam,
               Sentence& s) {
  if (s.words.empty()) return;
  if (beam <= 1) {
    ParseGreedy(labels, w, s);
  } else {
    ParseBeam(labels, w, beam, s);
  }
}

// A day or month fronted with its preposition before the subject, with no comma: "On Thursday
// gunmen attacked a police station", "In June soldiers killed two men". The parser, trained on
// EWT (where such a name before a noun is mostly a compound: "Sunday newspapers"), makes the name
// a compound of the subject, which then carries the preposition and may lose its subject role.
// When a preposition right before a day or month name hangs from the noun the name modifies, and
// that noun hangs from the verb after it, the name (with its preposition) is the verb's oblique
// and the noun its subject. EWT's gold trees have the shape this rewrites nowhere and the shape
// it produces once ("On Wednesday guerrillas had kidnapped ...", scripts/repair-contexts); the
// parser with the committed model makes the mistake on none of EWT's sentences, so the repair
// changes no EWT score.
void RepairFrontedTime(Sentence& s) {
  static const std::unordered_set<std::string_view> kNames = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",  "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",     "june",     "july",
      "august",  "september", "october",   "november", "december"};
  static const std::unordered_set<std::string_view> kPrepositions = {
      "on", "in", "since", "by", "until", "till", "from", "during", "before", "after"};
  // "On Thursday night": the compound is right.
  static const std::unordered_set<std::string_view> kTimeNouns = {
      "night", "nights", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings",
      "am",    "pm",     "noon",    "midnight", "dawn",      "week",       "weekend"};
  std::vector<Word>& w = s.words;
  const int n = static_cast<int>(w.size());
  for (int t = 1; t + 2 < n; ++t) {
    if (w[t].upos != "PROPN" || w[t].deprel != "compound" ||
        !kNames.count(util::AsciiLower(w[t].form))) {
      continue;
    }
    const int noun = w[t].head - 1;  // The noun the name modifies.
    if (noun <= t || (w[noun].upos != "NOUN" && w[noun].upos != "PROPN") ||
        kTimeNouns.count(util::AsciiLower(w[noun].form))) {
      continue;
    }
    const int verb = w[noun].head - 1;
    if (verb <= noun || w[verb].upos != "VERB") continue;
    const std::string& role = w[noun].deprel;
    if (role != "nsubj" && role != "nsubj:pass" && role != "obl" && role != "obl:unmarked") {
      continue;
    }
    // Nothing of the subject's phrase after the noun but the verb's own auxiliaries.
    bool tail = false;
    for (int k = noun + 1; k < verb && !tail; ++k) tail = w[k].deprel.rfind("aux", 0) != 0;
    const int p = t - 1;
    if (tail || !kPrepositions.count(util::AsciiLower(w[p].form)) ||
        (w[p].head != noun + 1 && w[p].head != verb + 1)) {
      continue;
    }
    bool has_subject = false;
    for (int k = 0; k < n; ++k) {
      has_subject =
          has_subject || (k != noun && w[k].head == verb + 1 && w[k].deprel.rfind("nsubj", 0) == 0);
    }
    if (has_subject) continue;
    w[p].head = t + 1;
    w[p].deprel = "case";
    w[t].head = verb + 1;
    w[t].deprel = "obl";
    if (role == "obl" || role == "obl:unmarked") w[noun].deprel = "nsubj";
  }
}

// "Former" (and "erstwhile", "onetime") only ever modify the noun after them: "police arrested
// former President Rodrigo Duterte". EWT has "former" 46 times, always as an amod, and the model
// makes it the verb's xcomp in that shape, the name hanging from it as a conj or obl, so the
// verb loses its object; at the start of a sentence it may make it an amod of the verb. Take the
// run of nouns, proper nouns and adjectives right after such an adjective; when exactly one word
// of it has its head outside the run, that word is the run's head. If the adjective is that
// head's head, the run's head takes the adjective's place in the tree (an xcomp becomes an obj)
// and the adjective becomes its amod, its other dependents moving to it. If the adjective is an
// amod of a verb, it becomes the run head's amod. Either way the result is a tree
// whenever the input is: the moved word was the adjective's child, or is not its descendant.
void RepairAttributiveAdjective(Sentence& s) {
  static const std::unordered_set<std::string_view> kAttributive = {"former", "erstwhile",
                                                                    "onetime", "one-time"};
  std::vector<Word>& w = s.words;
  const int n = static_cast<int>(w.size());
  auto nominal = [](const Word& x) {
    return x.upos == "NOUN" || x.upos == "PROPN" || x.upos == "ADJ";
  };
  for (int t = 0; t + 1 < n; ++t) {
    if (w[t].upos != "ADJ" || !kAttributive.count(util::AsciiLower(w[t].form))) continue;
    int end = t + 1;  // The run is [t + 1, end).
    while (end < n && nominal(w[end])) ++end;
    if (end == t + 1) continue;
    int head = -1, outside = 0;
    for (int k = t + 1; k < end; ++k) {
      const int h = w[k].head - 1;
      if (h >= t + 1 && h < end) continue;
      ++outside;
      head = k;
    }
    if (outside != 1) continue;
    if (w[t].deprel == "amod") {
      // An amod of a verb ("Former President Barack Obama said": of "said") moves to the run's
      // head, unless that head hangs below the adjective. An amod of another word outside the run
      // stays ("former Britt's location" in EWT: of "location").
      const int h = w[t].head - 1;
      if (h < 0 || (w[h].upos != "VERB" && w[h].upos != "AUX")) continue;
      bool below = false;
      for (int k = head, steps = 0; k >= 0 && steps <= n && !below; ++steps) {
        below = k == t;
        k = w[k].head - 1;
      }
      if (!below) w[t].head = head + 1;
      continue;
    }
    if (w[head].head != t + 1) continue;
    for (int k = 0; k < n; ++k) {
      if (k != head && w[k].head == t + 1) w[k].head = head + 1;
    }
    w[head].head = w[t].head;
    w[head].deprel = w[t].deprel == "xcomp" ? "obj" : w[t].deprel;
    w[t].head = head + 1;
    w[t].deprel = "amod";
  }
}

// "The United States condemned the warrant, and the EU's chief Josep Borrell called it a sad
// day": the model hangs "Borrell" from "warrant" as a conjunct of the object and "called" from
// "condemned" as a conjunct with no subject of its own. When a verb that is a conjunct of another
// verb has no subject, and right before it ends a noun phrase that is a conjunct of the other
// verb's object (its "and" before it), that phrase is the verb's subject.
void RepairCoordinatedSubject(Sentence& s) {
  std::vector<Word>& w = s.words;
  const int n = static_cast<int>(w.size());
  // The last word of each word's subtree (the trees are projective enough for spans: the
  // parser's output is projective before the pseudo-projective labels are undone, and a
  // non-projective subtree only makes the test below fail).
  std::vector<int> last(n);
  for (int i = 0; i < n; ++i) last[i] = i;
  for (int i = 0; i < n; ++i) {
    for (int h = w[i].head - 1, steps = 0; h >= 0 && steps <= n; h = w[h].head - 1, ++steps) {
      last[h] = std::max(last[h], i);
    }
  }
  auto child = [&](int h, std::string_view rel) {
    for (int k = 0; k < n; ++k) {
      if (w[k].head == h + 1 && w[k].deprel == rel) return k;
    }
    return -1;
  };
  for (int v = 1; v < n; ++v) {
    if (w[v].upos != "VERB" || w[v].deprel != "conj") continue;
    const int first = w[v].head - 1;
    if (first < 0 || first >= v || w[first].upos != "VERB") continue;
    if (child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0 || child(v, "aux:pass") >= 0) {
      continue;
    }
    const int obj = child(first, "obj");
    if (obj < 0 || obj > v) continue;
    // The object's conjunct that ends right before the verb.
    int z = -1;
    for (int k = obj + 1; k < v; ++k) {
      if (w[k].head == obj + 1 && w[k].deprel == "conj" && last[k] == v - 1 &&
          (w[k].upos == "PROPN" || w[k].upos == "NOUN")) {
        z = k;
      }
    }
    if (z < 0) continue;
    // Its "and" (or "but") comes first in it, after a comma.
    int cc = -1;
    for (int k = obj + 1; k < z; ++k) {
      if (w[k].head == z + 1 && w[k].deprel == "cc") cc = k;
    }
    if (cc < 1 || w[cc - 1].form != ",") continue;
    w[z].head = v + 1;
    w[z].deprel = "nsubj";
    w[cc].head = v + 1;
    if (w[cc - 1].head == z + 1) w[cc - 1].head = v + 1;
  }
}

}  // namespace

Parser::Parser(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

Parser Parser::Pruned(int min_abs) const {
  if (model_ == nullptr) return *this;
  auto m = std::make_shared<Model>();
  m->labels = model_->labels;
  m->weights = model_->weights.Pruned(min_abs);
  m->beam = model_->beam;
  return Parser(std::move(m));
}
Parser Parser::WithBeam(int beam) const {
  Parser p(*this);
  p.beam_ = std::clamp(beam, 0, kMaxParserBeam);
  return p;
}

int Parser::beam() const {
  if (beam_ > 0) return beam_;
  return model_ == nullptr ? 1 : model_->beam;
}

Parser::Parser(const Parser&) = default;
Parser& Parser::operator=(const Parser&) = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;
Parser::~Parser() = default;

const std::vector<std::string>& Parser::labels() const { return model_->labels; }

Status Parser::Parse(Sentence& sentence) const {
  if (model_ == nullptr) return FailedPreconditionError("parser: no model loaded");
  ParseWith(model_->labels, model_->weights, beam_ > 0 ? beam_ : model_->beam, sentence);
  RepairFrontedTime(sentence);
  RepairAttributiveAdjective(sentence);
  RepairCoordinatedSubject(sentence);
  return Status::Ok();
}

namespace {

nlp::ModelWriter MakeWriter(const Parser::Model& m) {
  nlp::ModelWriter mw("parser");
  nlp::ByteWriter meta;
  meta.U32(kParserFormatVersion);
  meta.U32(nlp::parse::kFeatureSetVersion);
  mw.AddSection("meta", meta.Take());
  nlp::ByteWriter labels;
  labels.VarU(m.labels.size());
  for (const std::string& l : m.labels) labels.Str(l);
  mw.AddSection("labels", labels.Take());
  mw.AddSection("weights", m.weights.Serialize());
  if (m.beam > 1) {  // Models of greedy decoding have no "decode" section.
    nlp::ByteWriter decode;
    decode.VarU(static_cast<uint64_t>(m.beam));
    mw.AddSection("decode", decode.Take());
  }
  return mw;
}

}  // namespace

std::string Parser::Serialize() const { return MakeWriter(*model_).Serialize(); }

Status Parser::Save(const std::string& path) const { return MakeWriter(*model_).Save(path); }

namespace {

Result<std::shared_ptr<Parser::Model>> ModelFromFile(const nlp::ModelFile& file) {
  auto model = std::make_shared<Parser::Model>();
  Result<std::string_view> meta = file.Section("meta");
  if (!meta.ok()) return meta.status();
  nlp::ByteReader mr(*meta);
  uint32_t version = mr.U32(), features = mr.U32();
  if (!mr.ok()) return mr.status("parser meta");
  if (version != kParserFormatVersion) {
    return DataLossError("parser model format " + std::to_string(version) + ", this build reads " +
                         std::to_string(kParserFormatVersion));
  }
  if (features != nlp::parse::kFeatureSetVersion) {
    return DataLossError("parser model feature set " + std::to_string(features) +
                         ", this build has " + std::to_string(nlp::parse::kFeatureSetVersion) +
                         " (retrain the model)");
  }
  Result<std::string_view> labels = file.Section("labels");
  if (!labels.ok()) return labels.status();
  nlp::ByteReader lr(*labels);
  uint64_t count = lr.VarU();
  if (!lr.ok() || count == 0 || count > 10000) return DataLossError("parser labels: bad count");
  for (uint64_t i = 0; i < count && lr.ok(); ++i) model->labels.emplace_back(lr.Str());
  if (!lr.ok() || !lr.done()) return DataLossError("parser labels: truncated or trailing bytes");
  Result<std::string_view> weights = file.Section("weights");
  if (!weights.ok()) return weights.status();
  Result<CompactWeights> w = CompactWeights::Deserialize(*weights);
  if (!w.ok()) return w.status();
  if (w->num_actions() != nlp::parse::NumActions(static_cast<int>(count))) {
    return DataLossError("parser weights: action count does not match the labels");
  }
  model->weights = std::move(*w);
  if (file.Has("decode")) {
    Result<std::string_view> decode = file.Section("decode");
    if (!decode.ok()) return decode.status();
    nlp::ByteReader dr(*decode);
    uint64_t beam = dr.VarU();
    if (!dr.ok() || !dr.done() || beam < 1 || beam > kMaxParserBeam) {
      return DataLossError("parser decode: bad beam width");
    }
    model->beam = static_cast<int>(beam);
  }
  return model;
}

}  // namespace

Result<Parser> Parser::Load(const std::string& path) {
  Result<nlp::ModelFile> file = nlp::ModelFile::Load(path, "parser");
  if (!file.ok()) return file.status();
  Result<std::shared_ptr<Model>> m = ModelFromFile(*file);
  if (!m.ok()) return m.status().WithContext(path);
  return Parser(std::move(*m));
}

Result<Parser> Parser::Create(const ParserOptions& options) {
  if (options.beam < 0 || options.beam > kMaxParserBeam) {
    return InvalidArgumentError("parser: beam must be 0.." + std::to_string(kMaxParserBeam));
  }
  Result<Parser> p =
      Load(options.model_path.empty() ? DefaultParserModelPath() : options.model_path);
  if (!p.ok()) return p;
  return p->WithBeam(options.beam);
}

Result<Parser> Parser::FromBytes(std::string bytes) {
  Result<nlp::ModelFile> file = nlp::ModelFile::Parse(std::move(bytes), "parser");
  if (!file.ok()) return file.status();
  Result<std::shared_ptr<Model>> m = ModelFromFile(*file);
  if (!m.ok()) return m.status();
  return Parser(std::move(*m));
}

namespace {

struct TrainItem {
  nlp::parse::SentenceContext ctx;
  std::vector<int> heads;
  std::vector<int> labels;
  std::vector<int> tag_class;  // Per word (1-based): index of its TagNoise class, -1 none.
  std::vector<int> gold_pair;  // Per word: id of its own (UPOS, XPOS) pair.
};

// Plausible tagger mistakes: for each form, the (UPOS, XPOS) pairs it carries in training with
// their counts; forms seen at most twice share one class (the pairs of all rare forms).
class TagNoise {
 public:
  struct Pair {
    uint64_t upos, xpos;
  };
  int PairId(const Word& w) {
    std::string key = w.upos;
    key.push_back('\t');
    key += w.xpos;
    auto [it, fresh] = pair_ids_.emplace(key, static_cast<int>(pairs_.size()));
    if (fresh) {
      Sentence one;
      one.words.push_back(w);
      nlp::parse::SentenceContext c;
      c.Build(one);
      pairs_.push_back({c.upos[1], c.xpos[1]});
    }
    return it->second;
  }
  void Count(const std::string& lower, int pair) { ++by_form_[lower][pair]; }
  void Finish() {
    std::map<int, int64_t> rare;
    for (auto& [form, m] : by_form_) {
      int64_t total = 0;
      for (auto& [p, c] : m) total += c;
      if (total <= 2) {
        for (auto& [p, c] : m) rare[p] += c;
        continue;
      }
      if (m.size() < 2) continue;
      form_class_[form] = static_cast<int>(classes_.size());
      classes_.emplace_back(m.begin(), m.end());
    }
    int rare_class = static_cast<int>(classes_.size());
    classes_.emplace_back(rare.begin(), rare.end());
    for (auto& [form, m] : by_form_) {
      int64_t total = 0;
      for (auto& [p, c] : m) total += c;
      if (total <= 2) form_class_[form] = rare_class;
    }
  }
  int ClassOf(const std::string& lower) const {
    auto it = form_class_.find(lower);
    return it == form_class_.end() ? -1 : it->second;
  }
  // A pair of class `cls` other than `gold`, drawn by count; -1 when there is none.
  int Draw(int cls, int gold, std::mt19937_64& rng) const {
    const auto& v = classes_[cls];
    int64_t total = 0;
    for (auto& [p, c] : v) total += p == gold ? 0 : c;
    if (total == 0) return -1;
    int64_t x = static_cast<int64_t>(rng() % static_cast<uint64_t>(total));
    for (auto& [p, c] : v) {
      if (p == gold) continue;
      if (x < c) return p;
      x -= c;
    }
    return -1;
  }
  const Pair& pair(int id) const { return pairs_[id]; }

 private:
  std::map<std::string, int> pair_ids_;
  std::vector<Pair> pairs_;
  std::map<std::string, std::map<int, int64_t>> by_form_;
  std::map<std::string, int> form_class_;
  std::vector<std::vector<std::pair<int, int64_t>>> classes_;
};

}  // namespace

namespace {

// Cost of `action` from `st` against the gold tree: the dynamic oracle's lost arcs, a wrong label
// on the right head counting as one.
int TrainActionCost(const State& st, int action, const std::vector<int>& heads,
                    const std::vector<int>& labels) {
  const int mv = nlp::parse::MoveOf(action);
  int c = nlp::parse::MoveCost(st, mv, heads);
  if (mv != nlp::parse::kShift) {
    const int s0 = st.S(0);
    const int h = mv == nlp::parse::kLeft ? st.buffer_front() : st.S(1);
    if (heads[s0] == h && labels[s0] != nlp::parse::LabelOf(action)) ++c;
  }
  return c;
}

struct BeamTrainStats {
  int64_t sentences = 0;
  int64_t updates = 0;  // Sentences with a max-violation update.
};

// One sentence of global beam training. The beam runs over the whole derivation; beside it the
// gold derivation takes, at each step, the best-scoring move that costs nothing (so it reaches the
// gold tree, projectivized). At the step where the beam's best item is wrong (it has lost gold
// arcs) and its score exceeds the gold prefix's by the most, the gold prefix's moves get +1 and
// the best item's -1 (max-violation update; their shared first moves cancel and are skipped).
void TrainBeamSentence(const TrainItem& it, int beam, int num_actions,
                       nlp::parse::TrainWeights& weights, uint64_t& now, BeamTrainStats& stats) {
  struct Item {
    State st;
    double score;
    int cost;
    std::vector<int> actions;
  };
  const int n = it.ctx.n();
  std::vector<Item> items{{State(n), 0.0, 0, {}}}, next;
  State gold(n);
  double gold_score = 0;
  std::vector<int> gold_actions;
  std::vector<uint64_t> feats;
  std::vector<float> scores(num_actions);
  std::vector<Candidate<double>> cands;
  double max_violation = -1;
  std::vector<int> worst_pred, worst_gold;  // Prefixes at the max-violation step.
  ++stats.sentences;
  while (!items[0].st.Terminal()) {
    cands.clear();
    for (size_t i = 0; i < items.size(); ++i) {
      const State& st = items[i].st;
      if (!st.CanLeft() && !st.CanRight()) {
        AddCandidates<double, float>(st, items[i].score, static_cast<int>(i), nullptr, num_actions,
                                     cands);
        continue;
      }
      nlp::parse::ExtractFeatures(it.ctx, st, feats);
      std::fill(scores.begin(), scores.end(), 0.0f);
      weights.Score(feats, scores.data());
      AddCandidates<double, float>(st, items[i].score, static_cast<int>(i), scores.data(),
                                   num_actions, cands);
    }
    KeepBest(cands, static_cast<size_t>(beam));
    next.clear();
    for (const Candidate<double>& c : cands) {
      const Item& from = items[c.from];
      Item x{from.st, c.score, from.cost + TrainActionCost(from.st, c.action, it.heads, it.labels),
             from.actions};
      x.st.Apply(c.action);
      x.actions.push_back(c.action);
      next.push_back(std::move(x));
    }
    items.swap(next);
    // The gold derivation's next move.
    int best = -1;
    if (!gold.CanLeft() && !gold.CanRight()) {
      best = nlp::parse::kShift;
    } else {
      nlp::parse::ExtractFeatures(it.ctx, gold, feats);
      std::fill(scores.begin(), scores.end(), 0.0f);
      weights.Score(feats, scores.data());
      for (int a = 0; a < num_actions; ++a) {
        if (!gold.Legal(a) || TrainActionCost(gold, a, it.heads, it.labels) != 0) continue;
        if (best < 0 || scores[a] > scores[best]) best = a;
      }
      gold_score += scores[best];
    }
    gold.Apply(best);
    gold_actions.push_back(best);
    if (items[0].cost > 0) {
      const double violation = items[0].score - gold_score;
      if (violation > max_violation) {
        max_violation = violation;
        worst_pred = items[0].actions;
        worst_gold = gold_actions;
      }
    }
  }
  // The averaging clock counts sentences, updated or not (a weight that needs no update keeps
  // counting towards the average).
  ++now;
  if (worst_pred.empty()) return;
  ++stats.updates;
  size_t shared = 0;
  while (shared < worst_pred.size() && worst_pred[shared] == worst_gold[shared]) ++shared;
  auto replay = [&](const std::vector<int>& actions, float delta) {
    State st(n);
    for (size_t t = 0; t < actions.size(); ++t) {
      if (t >= shared && (st.CanLeft() || st.CanRight())) {
        nlp::parse::ExtractFeatures(it.ctx, st, feats);
        weights.Update(feats, actions[t], delta, now);
      }
      st.Apply(actions[t]);
    }
  };
  replay(worst_gold, 1.0f);
  replay(worst_pred, -1.0f);
}

}  // namespace

Result<Parser> Parser::Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                             const ParserTrainOptions& opt, ParserTrainReport* report) {
  ParserTrainReport local;
  ParserTrainReport& rep = report != nullptr ? *report : local;
  rep = ParserTrainReport();
  if (opt.epochs < 1) return InvalidArgumentError("parser training: epochs must be >= 1");
  if (opt.tag_noise < 0 || opt.tag_noise > 1) {
    return InvalidArgumentError("parser training: tag_noise must be in [0, 1]");
  }
  if (opt.beam < 1 || opt.beam > kMaxParserBeam) {
    return InvalidArgumentError("parser training: beam must be in 1.." +
                                std::to_string(kMaxParserBeam));
  }
  if (opt.hash_bits < 8 || opt.hash_bits > 24) {
    return InvalidArgumentError("parser training: hash_bits must be in 8..24");
  }
  // Projectivize the gold trees and collect the label set (sorted: deterministic ids).
  std::vector<TrainItem> items;
  std::vector<std::vector<std::string>> item_labels;
  std::map<std::string, int> label_ids;
  TagNoise noise;
  std::vector<std::vector<std::string>> forms;  // Lower-cased forms per item (tag noise only).
  for (const Sentence& s : train) {
    const int n = static_cast<int>(s.words.size());
    if (n == 0) continue;
    std::vector<int> heads(n + 1, 0);
    std::vector<std::string> labels(n + 1);
    bool ok = true;
    for (int i = 1; i <= n; ++i) {
      heads[i] = s.words[i - 1].head;
      labels[i] = s.words[i - 1].deprel;
      if (labels[i].empty() || labels[i].find(nlp::parse::kLiftMark) != std::string::npos) {
        ok = false;
      }
    }
    if (!ok || !nlp::parse::IsWellFormedSingleRoot(heads)) {
      ++rep.skipped_sentences;
      continue;
    }
    rep.lifted_arcs += nlp::parse::Projectivize(heads, labels);
    TrainItem item;
    item.ctx.Build(s);
    item.heads = std::move(heads);
    if (opt.tag_noise > 0) {
      item.gold_pair.assign(n + 1, -1);
      forms.emplace_back();
      for (int i = 1; i <= n; ++i) {
        item.gold_pair[i] = noise.PairId(s.words[i - 1]);
        forms.back().push_back(util::AsciiLower(s.words[i - 1].form));
        noise.Count(forms.back().back(), item.gold_pair[i]);
      }
    }
    for (int i = 1; i <= n; ++i) label_ids.emplace(labels[i], 0);
    items.push_back(std::move(item));
    item_labels.push_back(std::move(labels));
  }
  if (items.empty()) return InvalidArgumentError("parser training: no usable training sentence");
  rep.train_sentences = static_cast<int64_t>(items.size());
  auto model = std::make_shared<Model>();
  for (auto& [label, id] : label_ids) {
    id = static_cast<int>(model->labels.size());
    model->labels.push_back(label);
  }
  rep.labels = static_cast<int>(model->labels.size());
  for (size_t k = 0; k < items.size(); ++k) {
    const auto& ls = item_labels[k];
    items[k].labels.assign(ls.size(), -1);
    for (size_t i = 1; i < ls.size(); ++i) items[k].labels[i] = label_ids[ls[i]];
  }
  item_labels.clear();
  if (opt.tag_noise > 0) {
    noise.Finish();
    for (size_t k = 0; k < items.size(); ++k) {
      items[k].tag_class.assign(forms[k].size() + 1, -1);
      for (size_t i = 0; i < forms[k].size(); ++i) {
        items[k].tag_class[i + 1] = noise.ClassOf(forms[k][i]);
      }
    }
    forms.clear();
  }

  const int num_labels = static_cast<int>(model->labels.size());
  const int na = nlp::parse::NumActions(num_labels);
  nlp::parse::TrainWeights weights(opt.hash_bits, na);
  std::mt19937_64 rng(opt.seed);
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> feats;
  std::vector<float> scores(na);
  std::vector<int> cost(na);
  uint64_t now = 0;
  int best_epoch = -1;
  CompactWeights best;
  std::vector<Sentence> dev_out = dev;
  model->beam = opt.beam;

  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    auto t0 = std::chrono::steady_clock::now();
    for (size_t i = order.size(); i > 1; --i) {
      size_t j = static_cast<size_t>(rng() % i);
      std::swap(order[i - 1], order[j]);
    }
    int64_t decisions = 0, correct = 0;
    BeamTrainStats beam_stats;
    for (size_t idx : order) {
      TrainItem& it = items[idx];
      if (opt.tag_noise > 0) {
        // Restore the gold tags, then corrupt some (the draws depend only on the seed).
        for (int i = 1; i <= it.ctx.n(); ++i) {
          int p = it.gold_pair[i];
          if (it.tag_class[i] >= 0 &&
              static_cast<double>(rng() >> 11) * 0x1.0p-53 < opt.tag_noise) {
            int q = noise.Draw(it.tag_class[i], p, rng);
            if (q >= 0) p = q;
          }
          it.ctx.upos[i] = noise.pair(p).upos;
          it.ctx.xpos[i] = noise.pair(p).xpos;
        }
      }
      if (opt.beam > 1) {
        TrainBeamSentence(it, opt.beam, na, weights, now, beam_stats);
        continue;
      }
      State st(it.ctx.n());
      while (!st.Terminal()) {
        nlp::parse::ExtractFeatures(it.ctx, st, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        weights.Score(feats, scores.data());
        int move_cost[3] = {-1, -1, -1};
        if (st.CanShift()) move_cost[0] = nlp::parse::MoveCost(st, nlp::parse::kShift, it.heads);
        if (st.CanLeft()) move_cost[1] = nlp::parse::MoveCost(st, nlp::parse::kLeft, it.heads);
        if (st.CanRight()) move_cost[2] = nlp::parse::MoveCost(st, nlp::parse::kRight, it.heads);
        const int s0 = st.S(0);
        int min_cost = 1 << 30;
        for (int a = 0; a < na; ++a) {
          int mv = nlp::parse::MoveOf(a);
          if (move_cost[mv] < 0) {
            cost[a] = -1;
            continue;
          }
          int c = move_cost[mv];
          if (mv != nlp::parse::kShift) {
            int h = mv == nlp::parse::kLeft ? st.buffer_front() : st.S(1);
            if (it.heads[s0] == h && it.labels[s0] != nlp::parse::LabelOf(a)) ++c;
          }
          cost[a] = c;
          min_cost = std::min(min_cost, c);
        }
        int pred = BestLegal(st, scores.data(), na);
        int gold = -1;
        for (int a = 0; a < na; ++a) {
          if (cost[a] == min_cost && (gold < 0 || scores[a] > scores[gold])) gold = a;
        }
        ++now;
        ++decisions;
        if (cost[pred] != min_cost) {
          weights.Update(feats, gold, 1.0f, now);
          weights.Update(feats, pred, -1.0f, now);
        } else {
          ++correct;
        }
        int next = gold;
        if (epoch >= opt.explore_from_epoch) {
          double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
          if (u < opt.explore_probability) next = pred;
        }
        st.Apply(next);
      }
    }
    CompactWeights avg = weights.Average(now);
    DependencyScores d;
    if (!dev.empty()) {
      for (Sentence& s : dev_out) ParseWith(model->labels, avg, opt.beam, s);
      d = ScoreDependencies(dev, dev_out);
    }
    rep.dev_by_epoch.push_back(d);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bool better = best_epoch < 0 || dev.empty() || d.las > rep.best_dev.las;
    if (better) {
      best_epoch = epoch;
      rep.best_dev = d;
      best = std::move(avg);
    }
    if (opt.log) {
      // Greedy: moves the model got right; beam: sentences that needed no update.
      const char* what = opt.beam > 1 ? "sentences right" : "moves right";
      if (opt.beam > 1) {
        decisions = beam_stats.sentences;
        correct = beam_stats.sentences - beam_stats.updates;
      }
      char line[256];
      if (dev.empty()) {
        std::snprintf(line, sizeof line, "epoch %d: %.2f%% %s, %zu weights, %.0f s", epoch + 1,
                      decisions > 0 ? 100.0 * correct / decisions : 0.0, what, best.num_entries(),
                      secs);
      } else {
        std::snprintf(line, sizeof line,
                      "epoch %d: %.2f%% %s, dev UAS %.2f LAS %.2f CLAS %.2f, %.0f s%s", epoch + 1,
                      decisions > 0 ? 100.0 * correct / decisions : 0.0, what, d.uas, d.las, d.clas,
                      secs, better ? " (best so far)" : "");
      }
      opt.log(line);
    }
  }
  rep.best_epoch = best_epoch + 1;
  model->weights = std::move(best);
  return Parser(std::move(model));
}

}  // namespace annals
