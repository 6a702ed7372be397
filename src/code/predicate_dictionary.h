// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the native predicate dictionary `data/dict/verbs.tsv` (format contract in
// docs/coding.md): one pattern per row, `id cameo pos lemma particle object target flags example`.
//
// Loading never stops on a bad row: the row becomes a problem "file:line: reason" and is skipped.
// A duplicate id is an error (the later row is skipped). With an ontology, a CAMEO code that is not
// in data/cameo/events.tsv is an error.
//
// Also the word classes of `data/dict/word_classes.tsv` (WordClasses): `lemma classes note`, the
// grammar-like properties of verbs, nouns and adjectives that the coder's rules ask about ("a
// bystander verb", "a directive", ...), kept as data next to the patterns.
#ifndef ANNALS_CODE_PREDICATE_DICTIONARY_H_
#define ANNALS_CODE_PREDICATE_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/cameo.h"
#include "annals/status.h"

namespace annals::code {

// One place the target is looked for: a relation ("obj", "iobj", "obl", "nmod") with an optional
// preposition ("with" in obl:with), optionally under the object ("obj.nmod:with").
struct TargetPath {
  bool via_object = false;  // "obj.nmod:PREP".
  std::string rel;          // "obj", "iobj", "obl", "nmod".
  std::string prep;         // Lower-case preposition, "" for obj/iobj.
  std::string ToString() const;
};

struct PredicateRow {
  std::string id;
  std::string cameo;
  bool noun = false;                 // pos NOUN (event noun) rather than VERB.
  std::string lemma;                 // Lower-case.
  std::string particle;              // "" for none.
  std::vector<std::string> objects;  // Required object head lemmas; empty: no requirement.
  std::vector<TargetPath> targets;   // Ordered; empty: no target.
  bool passive_only = false;
  bool active_only = false;
  bool transitive = false;  // Fires only when the verb has a direct object ("returned the funds").
  bool intransitive = false;  // Fires only when it has none ("troops withdrew from the town").
  bool negative = false;
  // refusal=CODE: negated in its own clause ("would not accept the plan", "will not back down"),
  // the row codes CODE, a refusal (CAMEO 12), as a plain event instead of a negated one.
  std::string refusal;
  // stance: fires only with a will/would/shall/could auxiliary, which is then not the event's
  // modality: a stance stated now ("Moscow would respond" is a threat, 130).
  bool stance = false;
  // addressed: fires only when one of its target paths finds an actor ("spoke to Hun Manet" is a
  // consultation; "Kim, speaking during a visit" falls to the lemma's next row, a statement).
  bool addressed = false;
  std::string wn_seed;  // wn=SEED_ID, "" when hand-written.
  std::string example;  // "" for "-".
  std::string file;
  int line = 0;
  // Specificity used to order candidate rows: particle and object requirements first.
  int Specificity() const;
};

struct PredicateProblem {
  bool error = true;
  std::string file;
  int line = 0;
  std::string message;
  std::string Message() const;  // "file:line: error: message"
};

class PredicateDictionary {
 public:
  // Parses the table's text. `ontology` may be null (codes then only checked for shape).
  static PredicateDictionary Parse(std::string_view text, std::string_view file_name,
                                   const CameoOntology* ontology);
  // Reads a file; NotFound/IoError when it cannot be read, otherwise problems() tells.
  static Result<PredicateDictionary> Load(const std::string& path, const CameoOntology* ontology);
  // Appends another table (duplicate ids across tables are errors too).
  void Merge(PredicateDictionary&& other);

  const std::vector<PredicateRow>& rows() const { return rows_; }
  const std::vector<PredicateProblem>& problems() const { return problems_; }
  // Row indices for a lemma, most specific first; nullptr when none.
  const std::vector<int>* Find(bool noun, std::string_view lemma) const;
  size_t errors() const;

 private:
  void Index();
  std::vector<PredicateRow> rows_;
  std::vector<PredicateProblem> problems_;
  std::unordered_map<std::string, std::vector<int>> verbs_, nouns_;
};

// The classes of word_classes.tsv (bits of a mask). docs/dictionaries.md says what each means to
// the coder.
enum class WordClass : uint32_t {
  kBystander = 1u << 0,     // Does not lend its subject to the event its object names.
  kSpeech = 1u << 1,        // Reports speech: its subject is a speaker.
  kCancel = 1u << 2,        // Calls off the event noun it takes as object.
  kNaming = 1u << 3,        // Names or judges with a secondary predicate: no event.
  kIntent = 1u << 4,        // Its event-noun object is only intended.
  kDirective = 1u << 5,     // Asks someone else to act: what it asks for has not happened.
  kThreat = 1u << 6,        // Its open complement is threatened (or vowed): CAMEO 13.
  kWarning = 1u << 7,       // Its clausal complement in the future or conditional is a threat.
  kCommissive = 1u << 8,    // Its open complement is promised: CAMEO's intents (03).
  kDenial = 1u << 9,        // What its complement says was not done ("denied attacking").
  kSpeculation = 1u << 10,  // Its complement or subject clause is only intended or likely.
  kVenue = 1u << 11,        // A gathering, building, contest or accord: leaving it is no retreat.
  kTitle = 1u << 12,        // A title or honorific before a name ("Ayatollah", "Mr.").
  kKin = 1u << 13,          // A relative or relation ("son", "ally"): its possessor is another.
  kPatient = 1u << 14,      // An event noun whose possessor undergoes it ("his arrest").
};

class WordClasses {
 public:
  // Parses the table's text (header `lemma classes note`; classes separated by " | "). A class
  // written "-name" removes that class from the lemma (for a table merged after another).
  static WordClasses Parse(std::string_view text, std::string_view file_name);
  // Reads a file; NotFound/IoError when it cannot be read, otherwise problems() tells.
  static Result<WordClasses> Load(const std::string& path);
  // Applies another table on top of this one: its classes are added, its "-name"s removed.
  void Merge(WordClasses&& other);

  bool Has(std::string_view lemma, WordClass c) const;
  // Every class name, in bit order ("bystander", "speech", ...).
  static const std::vector<std::string_view>& Names();
  size_t size() const { return mask_.size(); }
  const std::vector<PredicateProblem>& problems() const { return problems_; }

 private:
  struct Change {
    uint32_t add = 0;
    uint32_t remove = 0;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> mask_;
  std::unordered_map<std::string, Change> changes_;  // This table's rows, for Merge.
  std::vector<PredicateProblem> problems_;
};

}  // namespace annals::code

#endif  // ANNALS_CODE_PREDICATE_DICTIONARY_H_
