// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Finds actors in a sentence: longest-match phrase lookup of the dictionary's names, aliases,
// agent nouns and discards over the sentence's words, then composition into CAMEO-style codes.
//
//   annals::ActorMatcher matcher(dict);               // dict must outlive matcher
//   annals::MatchOptions opt;
//   opt.day = *annals::ParseIsoDay("2025-09-02");
//   for (const annals::ActorMatch& m : matcher.Match(sentence.words, opt)) ...
//
// Normalisation of each word: ASCII upper-casing (accented Latin letters are folded to their base
// letter), dots removed ("U.S." = "US"), surrounding quotes/brackets/commas stripped, and a
// possessive ending "'s" / "'" (or a separate "'s" word, as a UD tokenizer produces) recorded on
// the word and removed. A phrase never continues past a possessive.
//
// Case rules (ambiguous names): an actor name matches only when at least one of its words has an
// upper-case letter in the text ("turkey", "chad", "jordan" do not match; "Turkey", "TURKEY" do).
// Short function words that are also names ("US", "IT", "IN", ...) must be all upper-case
// ("US", "U.S." match; "us", "Us" do not). Month and modal words ("May", "March", "Will") never
// match as a one-word name; they do inside longer names ("Theresa May").
//
// Composition (MatchOptions::compose):
//   country/organisation [+ 's] + agent noun(s)   "Chinese soldiers"           -> CHNMIL
//                                                  "Russia's army"              -> RUSMIL
//                                                  "South Korea intelligence agency" -> KORSPY
//   person + 's + agent noun(s)                    "Trump's Treasury Secretary" -> USAGOV
//   ... + person of the same country               "Chinese President Xi"       -> CHNGOV (the
//                                                  person's own code wins)
//   country, country and country + agent noun(s)   "Russian and North Korean counterparts"
//                                                  -> one match, codes {RUSGOV, PRKGOV}
//   agent noun alone                               "soldiers" -> MIL
// Discard phrases match like names and suppress any actor inside their span.
//
// Thread-safety: Match is const and may be called from many threads at once.
#ifndef ANNALS_ACTOR_MATCHER_H_
#define ANNALS_ACTOR_MATCHER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/dictionary.h"
#include "annals/document.h"

namespace annals {

struct MatchOptions {
  // The story's date (day number, see ParseIsoDay). nullopt: unknown (see Dictionary::Resolve).
  std::optional<int32_t> day;
  // Combine countries/organisations/people with agent nouns and people (see above). Default on.
  bool compose = true;
  // Report discard phrases as matches of kind kDiscard. Default off: they only suppress.
  bool report_discards = false;
  // Report agent nouns that have no country as matches of kind kAgent ("soldiers" -> MIL).
  bool report_bare_agents = true;
};

struct ActorMatch {
  enum class Kind : uint8_t {
    kActor,    // One dictionary actor (possibly composed with agents/people).
    kAgent,    // An agent noun with no actor before it.
    kDiscard,  // A discard phrase (only with MatchOptions::report_discards).
  };
  Kind kind = Kind::kActor;
  int first_word = 0;  // Index into the words given to Match.
  int end_word = 0;    // One past the last word.
  Span span;           // From the words' spans (begin of first, end of last).
  // The code(s): several for coordinated actors ("Russian and North Korean counterparts") and for
  // an actor with several roles in force on the day. May be empty when nothing applies.
  std::vector<std::string> codes;
  // The head actor entry (index into Dictionary::actors()), -1 for agents and discards.
  int32_t actor = -1;
  // Every actor entry that contributed, in text order (coordinations, possessors).
  std::vector<int32_t> actors;
  // Agent entries that contributed (indices into Dictionary::agents()).
  std::vector<int32_t> agents;
  // How the head actor's codes were chosen (Dictionary::ResolvedCodes::how), "agent" for
  // agent-only.
  std::string_view how;
};

std::string_view ActorMatchKindName(ActorMatch::Kind kind);  // "actor", "agent", "discard"

class ActorMatcher {
 public:
  // `dictionary` is copied (cheap, shared).
  explicit ActorMatcher(const Dictionary& dictionary);

  // Matches over one sentence's words (Word::form is used; Word::span for ActorMatch::span).
  std::vector<ActorMatch> Match(const std::vector<Word>& words, const MatchOptions& options) const;

  // Convenience for plain strings (span offsets then index the joined text "w1 w2 ...").
  std::vector<ActorMatch> MatchForms(const std::vector<std::string>& forms,
                                     const MatchOptions& options) const;

  const Dictionary& dictionary() const { return dict_; }

 private:
  Dictionary dict_;
};

}  // namespace annals

#endif  // ANNALS_ACTOR_MATCHER_H_
