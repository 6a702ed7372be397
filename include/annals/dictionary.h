// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Actor, agent, discard, issue, synset and verb dictionaries: the knowledge that turns names into
// CAMEO-style actor codes ("Xi Jinping" -> CHNGOV on 2025-09-02) and that the event coder reads
// its verb patterns from.
//
// A `Dictionary` is loaded from one or more directories. Each directory may mix two families of
// files (grammar in docs/dictionaries.md):
//
//   * Annals' native format: UTF-8 TSV tables `countries.tsv`, `people.tsv`, `organizations.tsv`,
//     `agents.tsv`, `discards.tsv`, `synsets.tsv`, recognised by their header row.
//   * PETRARCH-2 / TABARI dictionaries, recognised by file name: `*actors*.txt`, `*agents*.txt`,
//     `*discards*.txt`, `*verbs*.txt` and `CAMEO*.txt` (verb patterns), `*Issue*.txt`,
//     `*prepositions*.txt`, `*Ontology*.txt` (PICO).
//
// Other files (README, LICENSE, XML, ...) are skipped. Bad lines never stop loading: each becomes
// a `DictionaryProblem` naming file:line and the reason, and the rest of the file loads.
//
//   annals::DictionaryOptions options;            // defaults: DefaultDictionaryDirectory()
//   annals::Result<annals::Dictionary> dict = annals::Dictionary::Load(options);
//   for (const auto& p : dict->problems()) std::fprintf(stderr, "%s\n", p.Message().c_str());
//
// Matching text against a loaded dictionary is done by `ActorMatcher` (annals/actor_matcher.h).
//
// Thread-safety: a Dictionary is immutable after Load/Build; all const methods may be called from
// many threads at once. Copies are cheap (the data is shared, reference-counted).
#ifndef ANNALS_DICTIONARY_H_
#define ANNALS_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals {

// ---------------------------------------------------------------------------------------------
// Dates. Code validity is stored as civil day numbers: days since 1970-01-01 (proleptic
// Gregorian), so ranges compare as integers.

inline constexpr int32_t kDayMin = INT32_MIN;  // Open start of a range.
inline constexpr int32_t kDayMax = INT32_MAX;  // Open end of a range.

// Day number of a valid calendar date; nullopt for an impossible date (2025-02-30).
std::optional<int32_t> DayFromCivil(int year, int month, int day);
// "YYYY-MM-DD" -> day number. InvalidArgument for anything else.
Result<int32_t> ParseIsoDay(std::string_view text);
// Day number -> "YYYY-MM-DD"; "" for kDayMin/kDayMax.
std::string FormatIsoDay(int32_t day);

// ---------------------------------------------------------------------------------------------
// The model.

// Where a dictionary item came from, for messages and for `annals dict lookup` output.
struct SourceRef {
  uint32_t file = 0;  // Index into Dictionary::files().
  uint32_t line = 0;  // 1-based line number.
};

// What kind of thing an actor entry names.
enum class ActorKind : uint8_t {
  kCountry,         // A state: names, adjectives, demonyms, capitals, historical names.
  kPerson,          // A named person (codes usually dated: one per role period).
  kIgo,             // Intergovernmental organisation (UN, NATO, SCO).
  kNgo,             // Non-governmental organisation.
  kCompany,         // Business (Gazprom).
  kArmedGroup,      // Rebel, militant or non-state armed group.
  kIntelligence,    // Intelligence agency.
  kMedia,           // News organisation.
  kParty,           // Political party.
  kGovernmentBody,  // Ministry, parliament, seat of power ("the Kremlin").
  kOther,           // Anything else, including every PETRARCH entry whose kind is unknown.
};
// "country", "person", "igo", "ngo", "company", "armed_group", "intelligence", "media", "party",
// "government_body", "other" (the native organizations.tsv `type` vocabulary).
std::string_view ActorKindName(ActorKind kind);
// Inverse of ActorKindName; nullopt for an unknown name.
std::optional<ActorKind> ParseActorKind(std::string_view name);

// One code with an optional validity range [from, until], both inclusive day numbers. An undated
// code has from == kDayMin and until == kDayMax.
struct DatedCode {
  std::string code;
  int32_t from = kDayMin;
  int32_t until = kDayMax;
  bool dated() const { return from != kDayMin || until != kDayMax; }
  bool Covers(int32_t day) const { return from <= day && day <= until; }
};

// A named actor. Every alias of it (names, adjectives, synonyms) resolves to this one entry.
struct Actor {
  std::string name;  // Canonical name as written in the file ("Xi Jinping",
                     // "AFGHANISTAN"); PETRARCH '_' connectors become spaces.
  ActorKind kind = ActorKind::kOther;
  std::vector<DatedCode> codes;    // In file order.
  std::string country;             // Organisations: the CAMEO country it belongs to, or "".
  std::vector<std::string> roles;  // People: the role of each row ("president"), may be empty.
  SourceRef where;                 // The line that opened the entry.
};

// A role noun ("soldiers", "foreign minister") and the agent code it contributes.
struct Agent {
  std::string name;     // First phrase the code was given for ("SOLDIER").
  std::string code;     // "MIL", "GOVFRM", "NGO".
  bool prefix = false;  // PETRARCH "[NGO~]": the code goes before the actor code, not after.
  SourceRef where;
};

// A phrase whose presence discards the sentence (or, with `whole_story`, the story).
struct Discard {
  std::string phrase;
  bool whole_story = false;
  SourceRef where;
};

// A named set of words or phrases ("&CURRENCY"), used by verb patterns and issue phrases.
struct Synset {
  std::string name;                  // Without the leading '&' and trailing '_'.
  std::vector<std::string> members;  // As written, '_' connectors become spaces; a member may be
                                     // another synset reference "&NAME".
  bool no_plural = false;            // PETRARCH trailing '_' on the label.
  SourceRef where;
};

// An issue phrase (Phoenix.IssueCoding.txt): text matched in a sentence -> issue code.
struct IssuePhrase {
  std::string phrase;     // Expanded: one entry per generated form ("kindergartens").
  std::string code;       // "EARLY_CHILDHOOD_EDUCATION"; the category when the line has none.
  std::string category;   // Enclosing <ISSUE CATEGORY="...">, "" outside any block.
  bool negation = false;  // '~' line: when present, no issues are coded for the sentence.
  SourceRef where;
};

// ---- Verb dictionary (PETRARCH CAMEO.2.0.txt and PETR.Validate.verbs*.txt) -------------------
//
// A verb class is a "--- VERB [code] ---" block: the verbs (with irregular forms) that share a
// default code and a list of patterns. A coder finds the class of a sentence's main verb, tries
// the patterns (longest first) against the words around it and emits the pattern's code, else
// the class code ("---" means no default event).

// One element of a pattern, in order. `joined` is true when the element was attached to the next
// one by '_' in the file (the words must then be consecutive; otherwise others may intervene).
struct PatternElement {
  enum class Kind : uint8_t {
    kWord,       // A literal word ("AID"); `text` holds it upper-cased.
    kVerb,       // '*' : the verb itself.
    kSynset,     // '&NAME' : any member of the synset; `text` holds NAME.
    kSource,     // '$' : the source actor.
    kTarget,     // '+' : the target actor.
    kCompound,   // '%' : a compound actor (source and target together).
    kOpenPrep,   // '(' : a prepositional phrase starts.
    kClosePrep,  // ')'
    kOpenNoun,   // '{' : a noun phrase starts; its last word is the head.
    kCloseNoun,  // '}'
  };
  Kind kind = Kind::kWord;
  std::string text;
  bool joined = false;
};

struct VerbPattern {
  std::vector<PatternElement> elements;  // Including exactly one kVerb where the file has '*'.
  std::string code;     // As written inside [...]: "070", "042:043" (source:target pair), "---".
  std::string comment;  // After '#', trimmed.
  SourceRef where;
};

// One verb (or multiword verb) of a class.
struct VerbForm {
  std::string phrase;                    // "HURRY", "ANGERED BY"; '+' marks kept as written.
  std::vector<std::string> inflections;  // Explicit irregular forms "{HURRIES HURRYING HURRIED}".
  bool explicit_forms = false;           // Braces were present (an empty "{}" means: no forms).
  std::string code;                      // Own "[code]" on the line, else "".
  SourceRef where;
};

struct VerbClass {
  std::string name;  // "ACCELERATE"
  std::string code;  // Default code of the block, "---" for none.
  std::vector<VerbForm> verbs;
  std::vector<VerbPattern> patterns;
  SourceRef where;
};

// "~ a (a b ATTACK) SAY = a b 015": a rewrite of nested events.
struct Transformation {
  std::string lhs;  // "a (a b ATTACK) SAY"
  std::string rhs;  // "a b 015"
  SourceRef where;
};

struct VerbDictionary {
  std::vector<VerbClass> classes;
  std::vector<Transformation> transformations;
};

// ---------------------------------------------------------------------------------------------
// Loading.

// A bad or suspicious line. Errors are lines that could not be used at all (skipped); warnings
// are lines that were used after a repair, or skipped because they carry nothing to store.
struct DictionaryProblem {
  enum class Severity : uint8_t { kError, kWarning };
  Severity severity = Severity::kError;
  std::string file;
  uint64_t line = 0;  // 1-based; 0 for problems with the whole file.
  std::string message;
  // "file:line: error: message" — the one line printed on stderr.
  std::string Message() const;
};

struct DictionaryCounts {
  uint64_t files = 0;          // Dictionary files read (skipped non-dictionary files excluded).
  uint64_t actors = 0;         // Actor entries (countries, people, organisations, PETRARCH roots).
  uint64_t aliases = 0;        // Phrases that lead to an actor (including each entry's own name).
  uint64_t agents = 0;         // Agent entries (distinct code+phrase lines).
  uint64_t agent_phrases = 0;  // Phrases (with generated plurals) that lead to an agent.
  uint64_t discards = 0;
  uint64_t issues = 0;  // Issue phrases after expansion.
  uint64_t synsets = 0;
  uint64_t verbs = 0;  // Verb forms in all classes.
  uint64_t verb_classes = 0;
  uint64_t patterns = 0;
  uint64_t transformations = 0;
  uint64_t errors = 0;
  uint64_t warnings = 0;
};

struct DictionaryOptions {
  // Directories to load, in order. Empty: the one directory DefaultDictionaryDirectory() returns.
  std::vector<std::string> dirs;
  // A file larger than this is an error (not read); guards memory on a wrong --dict path.
  uint64_t max_file_bytes = uint64_t{256} << 20;
};

// The default dictionary directory, first that exists of:
//   1. $ANNALS_DICT_DIR
//   2. $ANNALS_SOURCE_DIR/data/dict
//   3. <directory of the running executable>/../share/annals/dict, then <exe dir>/data/dict
//   4. the source tree this library was built from: ANNALS_SOURCE_DIR/data/dict
// Returns the last candidate when none exists (Load then fails with NotFound naming it).
std::string DefaultDictionaryDirectory();

class Dictionary {
 public:
  // Loads every dictionary file of every directory (files in sorted name order). Fails only when a
  // directory does not exist or holds no dictionary file; bad lines become problems().
  static Result<Dictionary> Load(const DictionaryOptions& options);

  // Builds from in-memory files, for tests and fuzzers: each pair is (file name, content); the
  // name decides the format as for files on disk. Never fails; bad lines become problems().
  static Dictionary FromMemory(const std::vector<std::pair<std::string, std::string>>& files);

  Dictionary(const Dictionary&) = default;
  Dictionary& operator=(const Dictionary&) = default;
  Dictionary(Dictionary&&) noexcept = default;
  Dictionary& operator=(Dictionary&&) noexcept = default;
  ~Dictionary();

  const std::vector<Actor>& actors() const;
  const std::vector<Agent>& agents() const;
  const std::vector<Discard>& discards() const;
  const std::vector<Synset>& synsets() const;
  const std::vector<IssuePhrase>& issues() const;
  const VerbDictionary& verbs() const;
  // PICO (PETR.Internal.Coding.Ontology.txt): CAMEO code -> "0xHHHH" (or a range "0x1000-0xFFFF").
  const std::vector<std::pair<std::string, std::string>>& internal_codes() const;
  // Plain word lists by file stem ("Phoenix.prepositions" -> words).
  const std::vector<std::pair<std::string, std::vector<std::string>>>& word_lists() const;
  // Files read, in order; SourceRef::file indexes this.
  const std::vector<std::string>& files() const;
  const std::vector<DictionaryProblem>& problems() const;
  DictionaryCounts counts() const;
  // "file:line" for a SourceRef.
  std::string Where(const SourceRef& ref) const;

  // The codes of `actor` in force on `day` (nullopt: date unknown). See ResolvedCodes.
  struct ResolvedCodes {
    std::vector<std::string> codes;
    // "date": a dated code covers the day; "default": an undated code; "latest": no date given,
    // codes of the most recent period; "country": no code covers the day, the country prefix
    // (first 3 letters) all the entry's codes share; "none": nothing applies.
    std::string_view how = "none";
  };
  // Dated codes covering the day win (all of them, file order, except one whose period strictly
  // contains another covering period: the nested period overrides; and one that ends on the day
  // another begins: the new one is in force on the handover day); then undated codes; then the
  // shared 3-letter country prefix. With no day: undated codes, else the period with the latest
  // start.
  static ResolvedCodes Resolve(const Actor& actor, std::optional<int32_t> day);

  struct Impl;
  // Internal: the phrase index the matcher walks.
  const Impl& impl() const { return *impl_; }

 private:
  explicit Dictionary(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_DICTIONARY_H_
