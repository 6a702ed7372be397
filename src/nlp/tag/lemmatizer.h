// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the lemmatizer and the FEATS lexicon behind annals::Tagger.
//
// Lemmatize(form, upos, xpos) tries, in order:
//   1. the lexicon: (form, xpos) -> lemma, then (lower-cased form, xpos) -> lemma; learned from
//      training data, keeping only the entries that steps 2-5 get wrong;
//   2. UD contractions ("n't" -> "not", "'s"/"’s" by tag, "'m" -> "be", ...);
//   3. WordNet 3.0 exception lists ("geese" -> "goose" for NNS, "ran" -> "run" for VB*, ...);
//   4. suffix edit rules learned from training, keyed by (XPOS, capitalisation class, suffix of
//      the lower-cased form up to 6 bytes); the longest matching suffix wins;
//   5. the form itself for proper nouns, otherwise its lower-cased form.
// Immutable after Build/Parse; Lemmatize is const and thread-safe.
#ifndef ANNALS_NLP_TAG_LEMMATIZER_H_
#define ANNALS_NLP_TAG_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"
#include "util/u64_map.h"

namespace annals::nlp::tag {

// One training word for the lemmatizer and feats lexicon.
struct LemmaExample {
  std::string form;
  std::string upos;
  std::string xpos;
  std::string lemma;
  std::string feats;
};

// WordNet exception entries: part of speech ('n', 'v', 'a', 'r'), inflected form, base form.
struct WordnetException {
  char pos;
  std::string inflected;
  std::string base;
};

// Reads noun.exc, verb.exc, adj.exc and adv.exc from `dir`. Lines are "inflected base [base...]";
// the first base is kept. NotFound when none of the files exists.
Result<std::vector<WordnetException>> ReadWordnetExceptions(const std::string& dir);

// Reads index.noun, index.verb, index.adj and index.adv from `dir`: each single-word lemma (no
// '_') with a mask of its parts of speech (bit 0 noun, 1 verb, 2 adjective, 3 adverb), sorted by
// lemma. NotFound when none of the files exists.
Result<std::vector<std::pair<std::string, uint8_t>>> ReadWordnetIndex(const std::string& dir);

// Which WordNet parts of speech a lower-cased word can have: bits 0-3 (noun, verb, adjective,
// adverb) when it is a lemma itself, bits 4-7 when it is an inflection of one (an exception-list
// entry or WordNet's suffix-detachment rules, as in morphy). Immutable after construction.
class WordnetPosLexicon {
 public:
  WordnetPosLexicon() = default;
  WordnetPosLexicon(const std::vector<std::pair<std::string, uint8_t>>& lemmas,
                    const std::vector<WordnetException>& exceptions);
  uint8_t Mask(std::string_view lower) const;
  // Bits 0-3 of `s` as a lemma itself (0 when WordNet does not have it).
  uint8_t LemmaMask(std::string_view s) const { return Lemma(s); }
  std::string Serialize() const;
  static Result<WordnetPosLexicon> Parse(std::string_view bytes);
  size_t size() const { return lemmas_.size(); }

 private:
  uint8_t Lemma(std::string_view s) const;
  util::U64Map<uint8_t> lemmas_;      // hash(lemma) -> mask (bits 0-3)
  util::U64Map<uint8_t> exceptions_;  // hash(inflected) -> mask (bits 0-3)
};

class Lemmatizer {
 public:
  Lemmatizer() = default;
  // Learns rules and the lexicon from `examples`; `min_rule_count` as in TaggerTrainOptions.
  // `known`, when not null, must outlive the Lemmatizer (see set_known_lemmas).
  static Lemmatizer Build(const std::vector<LemmaExample>& examples,
                          const std::vector<WordnetException>& wordnet, int min_rule_count,
                          const WordnetPosLexicon* known = nullptr);

  // WordNet lemmas used to choose among suffix rules: for a tag WordNet covers (NNS, VB*, JJR,
  // JJS, RBR, RBS), the longest-suffix rule whose result is a WordNet lemma of that part of speech
  // wins over longer rules whose results are not. Not owned; null disables the check.
  void set_known_lemmas(const WordnetPosLexicon* known) { known_ = known; }

  std::string Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos) const;

  // Sections "lemmas" and "wordnet" of the tagger model (docs/models.md).
  std::string SerializeLemmas() const;
  std::string SerializeWordnet() const;
  static Result<Lemmatizer> Parse(std::string_view lemmas, std::string_view wordnet);

  size_t lexicon_size() const { return lexicon_.size(); }
  size_t rule_count() const { return rules_.size(); }
  size_t wordnet_size() const { return wordnet_.size(); }

 private:
  // An edit script: optionally lower-case, strip `strip` bytes from the end, append `append`.
  struct Script {
    bool lower = true;
    uint32_t strip = 0;
    std::string append;
  };
  // Steps 2-5 (everything but the lexicon).
  std::string WithoutLexicon(std::string_view form, std::string_view upos,
                             std::string_view xpos) const;
  // Applies the rule of the longest suffix (at least `min_k` bytes) of `lower` for (xpos, cap).
  bool ApplyRule(std::string_view xpos, char cap, std::string_view form, const std::string& lower,
                 size_t min_k, std::string& out) const;
  const std::string* LexiconFind(std::string_view form, std::string_view xpos) const;
  void Index();

  const WordnetPosLexicon* known_ = nullptr;
  std::vector<Script> scripts_;
  // Serialized representation (kept for Serialize) and the lookup tables built from it.
  std::vector<std::pair<std::string, std::string>> lexicon_;  // "form\txpos" -> lemma
  std::vector<std::pair<std::string, uint32_t>> rules_;       // "xpos\tcap\tsuffix" -> script
  std::vector<WordnetException> wordnet_;
  util::U64Map<uint32_t> lexicon_index_;
  util::U64Map<uint32_t> rule_index_;
  util::U64Map<uint32_t> wordnet_index_;  // hash("pos\tinflected") -> entry
};

// FEATS by (lower-cased form, tag) with a per-tag default. Immutable after Build/Parse.
class FeatsLexicon {
 public:
  static FeatsLexicon Build(const std::vector<LemmaExample>& examples);
  const std::string& Find(std::string_view form, std::string_view upos,
                          std::string_view xpos) const;
  std::string Serialize() const;
  static Result<FeatsLexicon> Parse(std::string_view bytes);
  size_t size() const { return words_.size(); }

 private:
  void Index();
  std::vector<std::pair<std::string, std::string>> words_;  // "lower\tupos\txpos" -> feats
  std::vector<std::pair<std::string, std::string>> tags_;   // "upos\txpos" -> feats
  util::U64Map<uint32_t> word_index_;
  util::U64Map<uint32_t> tag_index_;
  std::string empty_;
};

// Capitalisation class of a form: 'l' lower/no letters, 't' Title, 'u' UPPER (2+ letters), 'm'
// mixed.
char CapClass(std::string_view form);

}  // namespace annals::nlp::tag

#endif  // ANNALS_NLP_TAG_LEMMATIZER_H_
