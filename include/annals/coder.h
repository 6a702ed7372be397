// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The event coder: from parsed sentences and actor matches to CAMEO/PLOVER events (who did what to
// whom), one event per predicate with lists of source and target actors. docs/coding.md explains
// the algorithm with examples from `annals explain`.
//
//   annals::CoderOptions options;                 // default dictionaries, data/dict/verbs.tsv
//   annals::Result<annals::EventCoder> coder = annals::EventCoder::Create(options);
//   if (!coder.ok()) return coder.status();
//   // `doc` must be annotated: sentences with words, lemmas, UPOS and a dependency parse.
//   std::vector<annals::Event> events = coder->Code(doc);
//
// Verb patterns come from one of two places:
//   * the native predicate table verbs.tsv (format in docs/coding.md): a row names a predicate
//     lemma (verb or event noun), an optional particle and object, where the target is found in
//     the tree, and the CAMEO code;
//   * PETRARCH/TABARI verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs*.txt) loaded by
//     Dictionary: the verb's class is found by lemma, its patterns are matched against the words of
//     the verb's clause in linear order, `$`/`+` bind source/target actors.
// Sources and targets always come from the dependency tree (subject, agent of passives, objects,
// obliques with their preposition, possessors of event nouns, controllers of xcomp chains,
// conjunctions and appositions), unless a PETRARCH pattern binds them explicitly.
//
// Events without a matched predicate are never produced. Negated, hypothetical and future events
// are produced and flagged; callers decide whether to keep them (`Event::negated` etc.).
//
// Thread-safety: an EventCoder is immutable after Create; Code and CodeSentence are const and may
// be called from many threads at once. Copies share the data.
#ifndef ANNALS_CODER_H_
#define ANNALS_CODER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"
#include "annals/document.h"
#include "annals/event.h"
#include "annals/status.h"

namespace annals {

struct CoderOptions {
  // Dictionary directories (actors, agents, discards and, for PETRARCH mode, verbs). Empty: the
  // default dictionary directory (DefaultDictionaryDirectory()).
  std::vector<std::string> dict_dirs;
  // Native predicate tables. Empty: every `verbs.tsv` found in the dictionary directories.
  std::vector<std::string> verbs_files;
  enum class Verbs {
    kAuto,      // Native verbs.tsv rows when any were found, else the PETRARCH verb dictionary.
    kNative,    // Only verbs.tsv rows.
    kPetrarch,  // Only the PETRARCH verb dictionary of the loaded directories.
  };
  Verbs verbs = Verbs::kAuto;
  // Story date used when Document::date is empty ("YYYY-MM-DD"); empty: undated.
  std::string default_date;
  // Collect actors that took part in no event (CodingStats::unmatched).
  bool collect_unmatched = false;
  // Put before the code of an agent with no actor ("officials" -> "GOV"); PETRARCH writes "---".
  std::string bare_agent_prefix;
  // PETRARCH compatibility: when the tree gives no target, take the first actor after the verb
  // in its subtree (PETRARCH's "first noun phrase after the verb"). Default off: precision first.
  bool loose_targets = false;
  // Code only events with a target actor (PETRARCH's require_dyad). Default off.
  bool require_target = false;
  // Code only events with a source actor: "who did what" needs a who. A predicate whose subject
  // is not an actor ("the conflict pushed Moscow") gives no event (counted as unmatched). Set to
  // false to keep target-only events of the native tables.
  bool require_source = true;
  // PETRARCH compatibility: a predicate negated in its own clause ("will not clash") takes the
  // code this table gives its code (PETRARCH's negation rewrite, built from its internal coding
  // ontology: 110 -> 050, 170 -> 057) and is then not flagged negated. Codes not in the table
  // keep their code and the negated flag. Empty by default.
  std::map<std::string, std::string> negated_codes;
  // A mutual act with sources of two or more countries and no target ("India and China held
  // talks", "Thai and Cambodian troops clashed"; codes 036, 040, 041, 044, 046, 057, 06x, 190,
  // 193, 194, 196) becomes one event per source with the other countries' sources as its
  // targets: IND -> CHN and CHN -> IND, as GDELT and PETRARCH code it.
  bool reciprocal = true;
  // Within a document, a person named in full ("Lee Jae-myung") is also found by the first or
  // last word of the dictionary name standing alone in a later sentence ("congratulated Lee"),
  // unless two people of the document share that word. `Code` only (CodeSentence sees one
  // sentence).
  bool name_parts = true;
  // Within a document, "he" or "she" as a subject is the person last named: a person earlier in
  // the same sentence ("Aliyev said ..., and he demanded"), else the subject person of the
  // previous sentence (or the one before it). "They" as a subject is the latest coordinated
  // subject of two or more sides, in its sentence or the one before ("China and Russia said they
  // opposed ..."). `Code` only.
  bool pronouns = true;
  // Within a document, a definite group of two or three ("the two leaders", "both countries",
  // "the three governments") stands for the last sides named before it (not the subject of its
  // own clause): people of the dictionary for leaders, countries for countries. `Code` only.
  bool groups = true;
  // Within a document, a response with no target to an earlier act named by a definite noun
  // ("rejected the criticism", "condemned the deployment") takes that act's source as target,
  // the most recent such act of another country (native predicate table; `Code` only).
  bool referred_acts = true;
  // Within a document, a role named with no country ("the government", "police", "protesters",
  // "the army") is that role of a country the document gives it: the country of a phrase it is a
  // conjunct of ("Iranian sites and military commanders": IRNMIL), else of the latest mention of
  // the same role with a country in its sentence or the two before ("Japan's government ... the
  // government": JPNGOV; not a person), else the story's: the dateline's when the story names
  // that country, else the one it names most (three times or more, in two sentences or more).
  // Plural heads of state and government, counterparts, owned roles ("its judges") and
  // international, settler and refugee roles are left alone. Marks ActorRef::
  // country_from_context. `Code` only.
  bool role_countries = true;
  // Within a document, an event of the story's day that nothing of its own dates and whose
  // predicate goes on with a narrative ("then", "later", "afterwards", "hours later", "in the
  // evening") happened on the day of the latest event before it, in its sentence or the three
  // before, that its own date put on another day: "Petro had refused on Sunday morning ... Trump
  // then ordered tariffs" is Sunday's. `Code` only.
  bool narrative_dates = true;
  // A country named by its name or capital ("China", "the Philippines", "Washington"), not by an
  // adjective or with a role ("Chinese", "Chinese troops"), stands for its government, as ICEWS
  // codes states: as a source always ("Britain expelled a Russian diplomat": GBRGOV), as a
  // target of a verbal, diplomatic or economic act (CAMEO roots 01 to 16 but 042, travel to a
  // place: "urged Washington" USAGOV). A target of force (roots 17 to 20) or of travel is the
  // country itself: "struck targets in Pakistan" PAK, "flew to Brazil" BRA. Off: the bare
  // country code in every role, as PETRARCH and GDELT code it (`annals validate petrarch` and
  // `--bare-countries` turn it off).
  bool country_as_government = true;
};

// An actor mention that is in no event: material for dictionary work (`--emit-unmatched`).
struct UnmatchedActor {
  int sentence_index = 0;
  ActorRef actor;
  std::string reason;  // "no predicate", "predicate not in the dictionary: 'visit'", ...
};

struct CodingStats {
  int64_t sentences = 0;
  int64_t predicates = 0;  // Predicates with a matching pattern.
  int64_t events = 0;
  int64_t unmatched_actors = 0;           // Actor mentions in no event.
  int64_t discarded_sentences = 0;        // Sentences holding a discard phrase.
  std::vector<UnmatchedActor> unmatched;  // With CoderOptions::collect_unmatched.
  void Add(const CodingStats& other);
};

// Why the coder did what it did, one line per step (for `annals explain`).
struct CodingTrace {
  std::vector<std::string> lines;
};

class EventCoder {
 public:
  // Loads dictionaries, verb tables and the CAMEO ontology. Errors: a dictionary directory that
  // does not exist, a verbs file that cannot be read, no verb patterns at all. Bad rows in the
  // tables are not errors: see problems().
  static Result<EventCoder> Create(const CoderOptions& options);
  // From an already loaded dictionary and the text of a verbs.tsv table (may be empty: then the
  // dictionary's PETRARCH verbs are used). For tests and for callers that share a Dictionary.
  static Result<EventCoder> FromDictionary(const Dictionary& dictionary,
                                           const std::string& verbs_tsv,
                                           const CoderOptions& options);

  // Codes every sentence of an annotated document. Sentences without a parse (head == -1) are
  // skipped. Event dates come from the document date (or CoderOptions::default_date) and date
  // expressions attached to the predicate. `actors` (may be null): for each sentence, the
  // ActorMatcher::Match of its words over this coder's dictionary with MatchOptions
  // {.day = MatchDay(document), .report_discards = true}, for a caller that shares the matching
  // with other extractors (ingest::DocumentCoder::Analyze); null: the coder matches.
  std::vector<Event> Code(const Document& document, CodingStats* stats = nullptr,
                          const std::vector<std::vector<ActorMatch>>* actors = nullptr) const;
  // Every sentence's actors as Code sees them: `actors` (Code's argument, or null: the coder
  // matches) plus the mentions only the document resolves (CoderOptions::name_parts, pronouns,
  // groups). For a caller that codes sentence by sentence with CodeSentence (`annals explain`).
  std::vector<std::vector<ActorMatch>> DocumentActors(
      const Document& document, const std::vector<std::vector<ActorMatch>>* actors = nullptr) const;
  // The steps over a whole document's coded events that Code applies after coding its
  // sentences (a caller of CodeSentence may): CoderOptions::narrative_dates, role_countries,
  // then referred_acts (a response with no target takes the source of the act it
  // names). `actors`: DocumentActors(document), as given to CodeSentence.
  void ResolveDocument(const Document& document, const std::vector<std::vector<ActorMatch>>& actors,
                       std::vector<Event>& events) const;
  // Codes one sentence; `trace` (may be null) receives the explanation; `actors` (may be null)
  // as one sentence's element of Code's, or of DocumentActors'.
  std::vector<Event> CodeSentence(const Document& document, int sentence_index, CodingStats* stats,
                                  CodingTrace* trace,
                                  const std::vector<ActorMatch>* actors = nullptr) const;
  // The story day actors are matched on (ParseIsoDay): the document date, else
  // CoderOptions::default_date; nullopt when neither is a day.
  std::optional<int32_t> MatchDay(const Document& document) const;

  // Problems met while loading the verb tables and dictionaries ("file:line: error: ...").
  const std::vector<std::string>& problems() const;
  // "native" or "petrarch": which verb patterns are in use.
  std::string_view verb_source() const;
  // Number of verb patterns in use (native rows, or PETRARCH patterns + verb forms).
  size_t pattern_count() const;
  const Dictionary& dictionary() const;

  struct Impl;

 private:
  explicit EventCoder(std::shared_ptr<const Impl> impl);
  void ResolveRoleCountries(const Document& document,
                            const std::vector<std::vector<ActorMatch>>& actors,
                            std::vector<Event>& events) const;
  void ResolveReferredActs(const Document& document, std::vector<Event>& events) const;
  void ResolveNarrativeDates(const Document& document, std::vector<Event>& events) const;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_CODER_H_
