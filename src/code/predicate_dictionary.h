// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the native predicate dictionary `data/dict/verbs.tsv` (format contract in
// docs/coding.md): one pattern per row, `id cameo pos lemma particle object target flags example`.
//
// Loading never stops on a bad row: the row becomes a problem "file:line: reason" and is skipped.
// A duplicate id is an error (the later row is skipped). With an ontology, a CAMEO code that is not
// in data/cameo/events.tsv is an error.
#ifndef ANNALS_CODE_PREDICATE_DICTIONARY_H_
#define ANNALS_CODE_PREDICATE_DICTIONARY_H_

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

}  // namespace annals::code

#endif  // ANNALS_CODE_PREDICATE_DICTIONARY_H_
