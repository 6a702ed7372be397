// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Part-of-speech tagger and lemmatizer for English, following UD English EWT conventions.
//
// `Tag` fills, for every word of a tokenized sentence, the universal part of speech (UPOS), the
// Penn Treebank tag (XPOS), the universal morphological features (FEATS) and the lemma.
//
//   annals::Result<annals::Tagger> tagger = annals::Tagger::Load("models/tagger.model");
//   if (!tagger.ok()) return tagger.status();
//   tagger->Tag(sentence);   // sentence.words[i].upos/xpos/feats/lemma are now set
//
// How it works (details and the file layout in docs/models.md):
//   * Tags: a greedy left-to-right averaged perceptron over the joint tag "UPOS XPOS" with hashed
//     sparse features (word, lower-cased word, prefixes and suffixes, word shape, two words and
//     two predicted tags to the left, two words to the right, and the "ambiguity class" -- the set
//     of tags seen in training -- of the word and its right neighbours).
//   * FEATS: looked up by (lower-cased word, tag), falling back to the most frequent FEATS of the
//     tag in training.
//   * Lemmas: a lexicon learned from training (only entries the rules get wrong are stored), the
//     WordNet 3.0 exception lists, then suffix edit rules learned from training keyed by tag,
//     capitalisation and suffix. UD conventions: lower case except proper nouns, numbers
//     unchanged, "n't" -> "not", "'s" -> "be" (VBZ) / "have" (VBZ before a past participle is
//     not distinguished; the tagger's XPOS decides) / "'s" (POS).
//   * Finite-verb repair: in a sentence of at least 8 words with no finite verb (VBD, VBZ, VBP,
//     MD) and no imperative, the VBN right after a noun or pronoun whose VBD score is closest
//     becomes VBD ("Police fired tear gas to disperse the crowds"; docs/parser.md).
//   * Possessed-adjective repair: a JJ right after a possessive "'s" and followed by no noun,
//     adjective, number, punctuation or conjunction is NN ("China's military sent warships").
//   * Transitive-participle repair: a VBN between a pronoun or proper noun and what begins an
//     object (a determiner, possessive, pronoun, proper noun, number or adjective), or between a
//     common noun and a determiner or possessive, is VBD, except after a form of have, be or get
//     in the four words before and for participles that name or modify ("a man named Ali",
//     "Iran backed militias"): "Xi hosted Putin ..., and the two leaders signed" (docs/parser.md).
//   Everything needed at run time is inside the model file: no dependency on WordNet files.
//
// Thread-safety: a Tagger is immutable after Load/Train; `Tag` is const and may be called from
// many threads at once (all scratch state is per call). Tagger is movable, not copyable.
#ifndef ANNALS_TAGGER_H_
#define ANNALS_TAGGER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

// Options for `Tagger::Train`. Training is deterministic: the same data, options and seed give a
// byte-identical model on every run and platform.
struct TaggerTrainOptions {
  // Passes over the training data. On EWT dev each direction gains < 0.05 UPOS after epoch 6.
  int epochs = 8;
  // Also train a right-to-left model whose scores are added to the left-to-right model's at
  // every word (twice the model size and tagging time; about +0.4 UPOS on EWT dev).
  bool bidirectional = true;
  // Seeds the per-epoch shuffle of the training sentences.
  uint64_t seed = 1;
  // A word gets an ambiguity class (its set of training tags, a feature) when seen this often.
  int ambiguity_min_count = 3;
  // Words seen at least `fixed_min_count` times with one tag in at least `fixed_min_share` of
  // them are tagged by lookup, without scoring (speed; "the", ",", "of", ...).
  int fixed_min_count = 20;
  double fixed_min_share = 0.995;
  // Averaged weights with an absolute value below this are dropped from the saved model
  // (keeps the model small; 0 keeps everything).
  float prune_below = 0.05f;
  // A (suffix, tag, capitalisation) lemma rule is used when seen at least this often.
  int lemma_rule_min_count = 2;
  // Directory with the WordNet 3.0 exception lists (noun.exc, verb.exc, adj.exc, adv.exc), read at
  // training time only. Empty or missing files: trained without them (logged).
  std::string wordnet_dir = "/usr/share/wordnet";
  // Receives one line per epoch (training accuracy, dev accuracy) and other progress. May be null.
  std::function<void(const std::string&)> log;
};

class Tagger {
 public:
  // Loads a model written by `Save` (kind "tagger"). NotFound when the file cannot be opened,
  // DataLoss when it is corrupt or of another version, InvalidArgument when it is another kind.
  static Result<Tagger> Load(const std::string& path);
  // Same, from the bytes of a model file.
  static Result<Tagger> FromBytes(std::string bytes);

  // Trains on `train` (words with gold form/upos/xpos/feats/lemma); `dev`, when not empty, is
  // tagged after every epoch and its accuracy logged (it does not influence the model).
  // InvalidArgument when `train` has no words or more than 255 distinct tags.
  static Result<Tagger> Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                              const TaggerTrainOptions& options);

  // Writes the model atomically to `path`.
  Status Save(const std::string& path) const;
  // The model file's bytes (what Save writes).
  const std::string& bytes() const;

  // Sets upos, xpos, feats and lemma of every word of `sentence` from its forms. Other fields are
  // left alone. An empty sentence is left as is.
  void Tag(Sentence& sentence) const;

  // The lemma the lemmatizer gives `form` with Penn tag `xpos` and universal tag `upos`.
  std::string Lemmatize(const std::string& form, const std::string& upos,
                        const std::string& xpos) const;

  // Whether `form` (any case) is a word the model knows: seen in training often enough to get an
  // ambiguity class or a fixed tag, or a WordNet word (lemma or inflected form).
  bool KnowsWord(std::string_view form) const;
  // Whether `form` is a known content word: seen in training (ambiguity class) and a WordNet noun,
  // verb, adjective or adverb form. Used to repair glued words ("Talkson" -> "Talks" "on").
  bool KnowsContentWord(std::string_view form) const;

  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  ~Tagger();

 private:
  struct Impl;
  explicit Tagger(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_TAGGER_H_
