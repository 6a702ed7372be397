// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Labeled dependency parser: fills Word::head and Word::deprel (UD relations with subtypes such
// as nsubj:pass, obl:agent, acl:relcl) for sentences that are already tokenized and tagged.
//
//   annals::Result<annals::Parser> parser = annals::Parser::Load("models/parser.model");
//   if (!parser.ok()) return parser.status();
//   annals::Status st = parser->Parse(sentence);   // uses form, upos, xpos; sets head, deprel
//
// Method: a greedy arc-hybrid transition parser with a single-root constraint, an averaged
// perceptron over hashed Zhang & Nivre (2011) style features, trained with the dynamic oracle of
// Goldberg & Nivre (2013); non-projective trees via pseudo-projective lifting with "head" label
// encoding, undone after parsing. Labels are predicted jointly with the transitions. One repair
// follows: a day or month fronted with its preposition before a subject, with no comma ("On
// Thursday gunmen attacked ..."), which the model makes a compound of the subject, becomes the
// verb's oblique (docs/parser.md).
// docs/parser.md has the details and measured accuracy and speed.
//
// Guarantees: every parsed sentence is a single-rooted tree (each word exactly one head, no
// cycles, exactly one word with head 0), whatever the input tags.
//
// Thread-safety: a Parser is immutable after Load/Train; Parse is const, keeps its scratch state
// per call, and may be called from many threads at once. Copies share the model (cheap).
#ifndef ANNALS_PARSER_H_
#define ANNALS_PARSER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

// Widest decoder beam a model or an option may ask for.
inline constexpr int kMaxParserBeam = 64;

struct ParserOptions {
  // Model file. Empty: DefaultParserModelPath().
  std::string model_path;
  // Decoder beam width: 0 uses the model's own (1, greedy, unless it was trained with a beam);
  // 1..kMaxParserBeam overrides it (a wider beam than the model was trained with rarely helps).
  int beam = 0;
};

// "$ANNALS_MODELS/parser.model" when that variable is set, else "models/parser.model" in the
// source tree this binary was built from.
std::string DefaultParserModelPath();

// Attachment scores over words (punctuation included), in percent.
struct DependencyScores {
  int64_t words = 0;         // Gold words scored.
  double uas = 0;            // Correct head.
  double las = 0;            // Correct head and full label (subtype included: "nsubj:pass").
  double las_universal = 0;  // Correct head and universal label (subtype ignored), as CoNLL 2018.
  double clas = 0;           // LAS over content words (CoNLL 2018 content relations), full label.
};

// Training settings. Defaults are the recipe of the committed models/parser.model.
struct ParserTrainOptions {
  int epochs = 12;             // Passes over the training data; the best dev epoch is kept.
  uint64_t seed = 1;           // Shuffling and exploration; same seed + data -> same model.
  int hash_bits = 22;          // Feature table of 2^hash_bits rows (8..24).
  int explore_from_epoch = 1;  // 0-based epoch from which the dynamic oracle explores.
  // From then on, follow the model's own (possibly wrong) move with this probability.
  double explore_probability = 0.9;
  // Tag noise, to make a model trained on gold tags robust to a tagger's mistakes: each epoch,
  // each training word's (UPOS, XPOS) is replaced with this probability by another pair its form
  // carries elsewhere in the training data (drawn by frequency), or, for forms seen at most twice,
  // by a pair drawn from the tags of such rare forms. 0 trains on the tags as given.
  double tag_noise = 0.0;
  // Beam width (1..kMaxParserBeam). 1: greedy training with the dynamic oracle (above). More:
  // global training of the beam decoder, max-violation updates (Huang, Fayong & Guo 2012) against
  // the best-scoring correct derivation (zero-cost moves of the dynamic oracle); the exploration
  // options do not apply. The model records the width and decodes with it.
  int beam = 1;
  // Called with one line per epoch ("epoch 3: train 91.2% moves, dev UAS 88.1 LAS 85.0 ...").
  std::function<void(std::string_view)> log;
};

struct ParserTrainReport {
  int labels = 0;                 // Distinct (lifted) labels learnt.
  int64_t train_sentences = 0;    // Sentences used.
  int64_t skipped_sentences = 0;  // Sentences without a complete well-formed tree.
  int64_t lifted_arcs = 0;        // Arcs lifted to projectivize the training data.
  int best_epoch = 0;             // 1-based.
  DependencyScores best_dev;      // Dev scores of the kept epoch (zeros without dev data).
  std::vector<DependencyScores> dev_by_epoch;
};

class Parser {
 public:
  // Loads a model written by Save (kind "parser"). NotFound, or DataLoss naming the defect.
  static Result<Parser> Load(const std::string& path);
  static Result<Parser> Create(const ParserOptions& options);
  // Same from bytes in memory (tests, fuzzers).
  static Result<Parser> FromBytes(std::string bytes);

  // Trains on `train` (gold head/deprel; the tags used as features are whatever the sentences
  // carry, so predicted tags from a jackknifed tagger can be given). After each epoch the
  // averaged model parses `dev` (may be empty) and the epoch with the best dev LAS is kept.
  // Deterministic for a given seed and input.
  static Result<Parser> Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                              const ParserTrainOptions& options, ParserTrainReport* report);

  // Sets head and deprel of every word of `sentence` from form, upos and xpos. An empty
  // sentence is left alone. Always OK for a loaded parser (the status is for future models).
  Status Parse(Sentence& sentence) const;

  // A copy that drops the weights whose quantized magnitude is below `min_abs` (the largest
  // weight of the model is 32767): a smaller file at (nearly) the same accuracy. `annals train
  // parser --prune MODEL --min-weight N` applies it to a saved model.
  Parser Pruned(int min_abs) const;

  // A copy that decodes with beam width `beam` (1..kMaxParserBeam; 0: the model's own).
  Parser WithBeam(int beam) const;
  // The beam width Parse uses.
  int beam() const;

  Status Save(const std::string& path) const;
  std::string Serialize() const;

  // Labels the model can output (lifted labels included, "obl^conj").
  const std::vector<std::string>& labels() const;

  Parser(const Parser&);
  Parser& operator=(const Parser&);
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;
  ~Parser();

  // Opaque; defined in src/nlp/parse/parser.cc.
  struct Model;

 private:
  explicit Parser(std::shared_ptr<const Model> model);
  std::shared_ptr<const Model> model_;
  int beam_ = 0;  // Override of the model's beam width; 0 none.
};

// Scores `predicted` against `gold` (same sentences, same word counts; sentences whose word
// counts differ are counted as all wrong).
DependencyScores ScoreDependencies(const std::vector<Sentence>& gold,
                                   const std::vector<Sentence>& predicted);

}  // namespace annals

#endif  // ANNALS_PARSER_H_
