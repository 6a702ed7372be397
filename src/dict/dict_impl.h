// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the dictionary's storage, its phrase index (a trie over interned normalised words),
// word normalisation shared by the index and the matcher, and the builder the readers fill.
#ifndef ANNALS_DICT_DICT_IMPL_H_
#define ANNALS_DICT_DICT_IMPL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/dictionary.h"
#include "util/text.h"

namespace annals::dict {

// ---- Word normalisation ---------------------------------------------------------------------

// What a text word looked like before normalisation (for the case rules and composition).
struct WordShape {
  bool has_upper = false;          // Any upper-case letter.
  bool has_lower = false;          // Any lower-case letter.
  bool possessive = false;         // Ended in 's / ' (removed).
  bool possessive_marker = false;  // The whole word was "'s" or "'" (a UD tokenizer's split).
  bool comma_after = false;        // A trailing comma was stripped.
};

// Normalises one word (see actor_matcher.h). Returns "" for pure punctuation.
std::string NormalizeWord(std::string_view form, WordShape* shape);

// Splits one blank-free word (a phrase word, or a text word from any tokenizer) into the pieces
// that the phrase index and the matcher both compare, so that "Guinea-Bissau" is GUINEA - BISSAU
// whether a tokenizer gave one word or three: a hyphen between two other characters, a leading
// "(" and a trailing "," or ")" become pieces of their own (closing '.', ';', ':', '!', '?' and '"'
// after them are dropped). Words without '-', ',', '(' or ')' are one piece.
void SplitPieces(std::string_view word, std::vector<std::string_view>& out);

// The punctuation pieces that the index keeps as words ("-", ",", "(", ")").
bool IsPunctPiece(std::string_view piece);

// Splits a dictionary phrase on blanks and '_', then each word with SplitPieces, and normalises
// each piece; empty pieces vanish and punctuation pieces stay, except leading and trailing "," or
// "-".
std::vector<std::string> PhraseWords(std::string_view phrase);

// Regular English plural of the last word (PETRARCH rules: -MAN -> -MEN, consonant+Y -> IES,
// S/X/Z/CH/SH -> ES, else S). Input upper-case.
std::string PluralOf(std::string_view word);

// ---- Phrase index ---------------------------------------------------------------------------

// One meaning of a phrase.
struct Sense {
  enum Kind : uint8_t { kActor, kAgent, kDiscard };
  enum Flags : uint8_t {
    kNeedsUpper = 1,  // Some matched word must contain an upper-case letter (proper names).
    kAllCaps = 2,     // One-word function-word name ("US"): every letter upper-case.
    kNotAlone = 4,    // One-word month/modal name ("MAY"): never matches alone.
  };
  uint8_t kind = kActor;
  uint8_t flags = 0;
  uint32_t index = 0;  // Into actors / agents / discards.
  friend bool operator==(const Sense&, const Sense&) = default;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

class PhraseIndex {
 public:
  static constexpr uint32_t kNoWord = UINT32_MAX;
  static constexpr uint32_t kNoNode = UINT32_MAX;

  PhraseIndex();
  // Adds a phrase (already normalised words); returns false when this sense was already there.
  bool Add(const std::vector<std::string>& words, Sense sense);

  uint32_t WordId(std::string_view word) const {
    auto it = vocab_.find(word);
    return it == vocab_.end() ? kNoWord : it->second;
  }
  uint32_t Child(uint32_t node, uint32_t word) const {
    auto it = edges_.find((static_cast<uint64_t>(node) << 32) | word);
    return it == edges_.end() ? kNoNode : it->second;
  }
  const std::vector<Sense>& Senses(uint32_t node) const { return senses_[node]; }
  size_t nodes() const { return senses_.size(); }

 private:
  uint32_t Intern(const std::string& word);
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> vocab_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<Sense>> senses_;  // Per node; node 0 is the root.
};

}  // namespace annals::dict

namespace annals {

struct Dictionary::Impl {
  std::vector<std::string> files;
  std::vector<Actor> actors;
  std::vector<Agent> agents;
  std::vector<Discard> discards;
  std::vector<Synset> synsets;
  std::vector<IssuePhrase> issues;
  VerbDictionary verbs;
  std::vector<std::pair<std::string, std::string>> internal_codes;
  std::vector<std::pair<std::string, std::vector<std::string>>> word_lists;
  std::vector<DictionaryProblem> problems;
  uint64_t aliases = 0;
  uint64_t agent_phrases = 0;
  dict::PhraseIndex index;
};

}  // namespace annals

namespace annals::dict {

// What the readers fill. Holds the Impl under construction.
class Builder {
 public:
  Builder() : impl_(std::make_shared<Dictionary::Impl>()) {}
  Dictionary::Impl& impl() { return *impl_; }
  std::shared_ptr<Dictionary::Impl> Take() { return std::move(impl_); }

  uint32_t AddFile(std::string path);
  void Error(uint32_t file, uint64_t line, std::string message);
  void Warning(uint32_t file, uint64_t line, std::string message);

  uint32_t AddActor(Actor actor);
  // Indexes `phrase` (dictionary text: words separated by blanks or '_') as a name of `actor`.
  // Returns false (and adds nothing) when the phrase normalises to no words.
  bool AddActorAlias(uint32_t actor, std::string_view phrase);
  uint32_t AddAgent(Agent agent);
  bool AddAgentPhrase(uint32_t agent, std::string_view phrase);
  void AddDiscard(Discard discard);

 private:
  std::shared_ptr<Dictionary::Impl> impl_;
};

// Readers. Each reads one whole file's text; `file` is its index from Builder::AddFile. Lines are
// split on '\n' ('\r' before it dropped). Problems go to the builder.
void ReadPetrarchActors(std::string_view text, uint32_t file, Builder& b);
void ReadPetrarchAgents(std::string_view text, uint32_t file, Builder& b);
void ReadPetrarchDiscards(std::string_view text, uint32_t file, Builder& b);
void ReadPetrarchVerbs(std::string_view text, uint32_t file, Builder& b);
void ReadPetrarchIssues(std::string_view text, uint32_t file, Builder& b);
void ReadPetrarchOntology(std::string_view text, uint32_t file, Builder& b);
void ReadWordList(std::string_view text, uint32_t file, std::string name, Builder& b);
// Native TSV: the header row decides the table.
void ReadNativeTable(std::string_view text, uint32_t file, Builder& b);

// Which reader a file name selects.
enum class FileFormat {
  kSkip,
  kUnknownText,
  kNative,
  kActors,
  kAgents,
  kDiscards,
  kVerbs,
  kIssues,
  kOntology,
  kWordList
};
FileFormat FormatForFileName(std::string_view file_name);
// Reads one file's text with the reader for `format`.
void ReadFile(std::string_view text, uint32_t file, FileFormat format, std::string_view file_name,
              Builder& b);

// Line splitting shared by the readers (util/text.h).
using util::NextLine;
// Removes control bytes (other than tab) and repairs invalid UTF-8, reporting each as a warning.
std::string CleanLine(std::string_view line, uint32_t file, uint64_t line_no, Builder& b);

}  // namespace annals::dict

#endif  // ANNALS_DICT_DICT_IMPL_H_
