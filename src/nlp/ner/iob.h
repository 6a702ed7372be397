// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: reading named-entity corpora (IOB2 as in Universal NER, CoNLL-style "word ... tag"
// columns) and scoring entity spans CoNLL style (exact span and type).
//
// Tags are read leniently: "O", "B-X", "I-X", and also "E-X"/"L-X" (end) and "S-X"/"U-X" (single)
// schemes. An "I-X" after "O" or after another type starts a new entity (conlleval's rule), so
// IO-tagged data such as wikigold reads as maximal runs. Types are mapped onto PER/ORG/LOC by
// `MapEntityType` (other types are dropped, i.e. read as O).
#ifndef ANNALS_NLP_NER_IOB_H_
#define ANNALS_NLP_NER_IOB_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::nlp::ner {

// An entity as a half-open range of word indexes [first, last] (inclusive) and a type.
struct Chunk {
  std::string type;
  int first = 0;
  int last = 0;
  friend bool operator==(const Chunk&, const Chunk&) = default;
};

enum class IobFormat {
  kAuto,   // kIob2 when the first token line has >= 3 tab-separated columns and a numeric first
           // column, else kConll.
  kIob2,   // Universal NER: "index<TAB>word<TAB>tag[<TAB>...]", "# ..." comment lines.
  kConll,  // "word<WS>...<WS>tag": the word first, the tag last; "-DOCSTART-" lines separate docs.
};

// Parses "iob2" / "conll" / "auto"; InvalidArgument otherwise.
Result<IobFormat> ParseIobFormat(std::string_view name);

// One sentence of a corpus: words with forms (spans as if the forms were joined by single spaces)
// and the gold entities.
struct LabeledSentence {
  Sentence sentence;
  std::vector<Chunk> chunks;
};

// Maps a corpus type name onto "PER", "ORG" or "LOC"; "" for types that are dropped (MISC,
// product, creative-work, Temporal, ...). Case-insensitive: PER/PERSON, ORG/ORGANIZATION/
// ORGANISATION/CORPORATION/GROUP (WNUT17's bands, teams, ...), LOC/LOCATION/GPE/GEO-LOC.
std::string MapEntityType(std::string_view raw);

// Turns one sentence's tags into entities (lenient, see above; types mapped by MapEntityType).
std::vector<Chunk> ChunksFromTags(const std::vector<std::string>& tags);

// The IOB2 tags of `chunks` over `n` words ("O", "B-PER", "I-PER", ...).
std::vector<std::string> TagsFromChunks(const std::vector<Chunk>& chunks, size_t n);

// Reads a corpus from memory. Every sentence goes to `sink`; a malformed line (no tag column)
// goes to `on_error` as "line N: ..." and its sentence is skipped. Never fails on content.
void ReadIob(std::string_view text, IobFormat format,
             const std::function<void(LabeledSentence&&)>& sink,
             const std::function<void(const std::string&)>& on_error);

// Same, from a file. NotFound/IoError when it cannot be read.
Status ReadIobFile(const std::string& path, IobFormat format,
                   const std::function<void(LabeledSentence&&)>& sink,
                   const std::function<void(const std::string&)>& on_error);

// Precision/recall counts.
struct PrfCounts {
  size_t gold = 0;
  size_t system = 0;
  size_t correct = 0;
  double Precision() const { return system == 0 ? 0.0 : static_cast<double>(correct) / system; }
  double Recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / gold; }
  double F1() const {
    return gold + system == 0 ? 0.0 : 2.0 * static_cast<double>(correct) / (gold + system);
  }
};

// Entity-level scores: an entity is correct when its first word, last word and type all match a
// gold entity (CoNLL 2003 / conlleval).
struct NerScores {
  PrfCounts all;
  std::map<std::string, PrfCounts> by_type;
  // Adds one sentence.
  void Add(const std::vector<Chunk>& gold, const std::vector<Chunk>& system);
};

}  // namespace annals::nlp::ner

#endif  // ANNALS_NLP_NER_IOB_H_
