// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Named-entity recognition: people (PER), organisations (ORG) and locations (LOC) in a tagged
// sentence.
//
//   annals::Result<annals::EntityRecognizer> ner =
//       annals::EntityRecognizer::Load("models/ner.model");
//   if (!ner.ok()) return ner.status();
//   pipeline.AnnotateSentence(sentence);               // words need UPOS/XPOS (annals/pipeline.h)
//   for (const annals::Entity& e : ner->Recognize(sentence))
//     std::printf("%s %s\n", e.type.c_str(), e.text.c_str());
//
// How it works (file layout and measured scores in docs/models.md and docs/ner.md):
//   * Labels: BILOU (begin, inside, last, outside, unit) over the entity types seen in training.
//   * A greedy averaged perceptron (the tagger's, src/nlp/tag/perceptron.h) with hashed sparse
//     features: word, lower-cased word, prefixes and suffixes up to 4 bytes, word shape, two words
//     and two POS tags on either side, the sentence's capitalisation, the two previous labels, and
//     gazetteer membership: every lower-cased word n-gram (up to 6 words) found among the names of
//     the actor dictionaries (data/dict: people, organisations, countries and their capitals,
//     adjectives and demonyms, agent nouns) or, optionally, among the place and division names of
//     the geocoder's gazetteer marks its words with type and position (B/I/L/U); the same for
//     the entity names of the training data; the word's "label class", the set of labels it had
//     in training (both jackknifed over five folds while training, so that they are no more
//     reliable there than on new text); and the run of capitalised words the word is in ("Bank
//     of America"): its length, the word's place in it, its first and last words and the words
//     just outside it.
//   * Optionally bidirectional, as the tagger: a right-to-left model tags first and its scores
//     are added to the left-to-right model's at every word. Decoding allows only valid BILOU
//     transitions.
//   The gazetteer is stored in the model: nothing else is read at run time.
//
// Thread-safety: an EntityRecognizer is immutable after Load/Train; `Recognize` is const and may
// be called from many threads at once. Movable, not copyable.
#ifndef ANNALS_NER_H_
#define ANNALS_NER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

// One named entity in a sentence.
struct Entity {
  std::string type;    // "PER", "ORG" or "LOC" (the types of the model's training data).
  int first_word = 0;  // Index into Sentence::words of its first word.
  int last_word = 0;   // Index of its last word (inclusive).
  Span span;           // Characters in the document text: first word's begin .. last word's end.
  std::string text;    // The words' forms, joined by a space where their spans are not adjacent.
  friend bool operator==(const Entity&, const Entity&) = default;
};

// A training sentence: words with forms (and UPOS/XPOS, as the pipeline's tagger would give them)
// and its gold entities (type, first_word and last_word are used).
struct NerExample {
  Sentence sentence;
  std::vector<Entity> entities;
  // Times the sentence is visited per training epoch (oversampling a domain); at least once.
  int repeat = 1;
};

// Options for `EntityRecognizer::Train`. Training is deterministic: the same data, options and
// seed give a byte-identical model.
struct NerTrainOptions {
  int epochs = 10;
  // Also train a right-to-left model (twice the size and time).
  bool bidirectional = true;
  // Seeds the per-epoch shuffle.
  uint64_t seed = 1;
  // Averaged weights with an absolute value below this are dropped from the saved model.
  float prune_below = 0.1f;
  // Directory with the actor dictionaries (countries.tsv, organizations.tsv, people.tsv,
  // agents.tsv) whose names become the gazetteer. Empty: no gazetteer. Missing files are logged
  // and skipped.
  std::string gazetteer_dir;
  // The geocoder's gazetteer file (build/data/geo/gazetteer.tsv, docs/geocoding.md): names of its
  // first-level divisions and of its places with at least `min_place_population` people join the
  // gazetteer as two more types. Empty: none.
  std::string places_path;
  int64_t min_place_population = 15000;
  // Receives one line per epoch (training accuracy, dev F1) and other progress. May be null.
  std::function<void(const std::string&)> log;
};

class EntityRecognizer {
 public:
  // Loads a model written by `Save` (kind "ner"). NotFound when the file cannot be opened,
  // DataLoss when it is corrupt or of another version, InvalidArgument when it is another kind.
  static Result<EntityRecognizer> Load(const std::string& path);
  // Same, from the bytes of a model file.
  static Result<EntityRecognizer> FromBytes(std::string bytes);

  // Trains on `train`; `dev`, when not empty, is scored after every epoch and logged (it does not
  // influence the model). InvalidArgument when `train` has no words, an entity outside its
  // sentence or overlapping another, or more than 60 entity types.
  static Result<EntityRecognizer> Train(const std::vector<NerExample>& train,
                                        const std::vector<NerExample>& dev,
                                        const NerTrainOptions& options);

  // Writes the model atomically to `path`.
  Status Save(const std::string& path) const;
  // The model file's bytes (what Save writes).
  const std::string& bytes() const;

  // The entities of `sentence`, in order, non-overlapping. Uses forms, UPOS and XPOS (words
  // without tags are handled, less accurately). An empty sentence has none.
  std::vector<Entity> Recognize(const Sentence& sentence) const;

  // The entity types the model knows, sorted ("LOC", "ORG", "PER").
  const std::vector<std::string>& types() const;

  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;
  ~EntityRecognizer();

 private:
  struct Impl;
  explicit EntityRecognizer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_NER_H_
