// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Article knowledge from an annotated document: counts and amounts ("more than 15,000 soldiers",
// "$3 billion"), quotations with their speakers, and the date each event gets from its sentence.
// Dates themselves are found by annals/dates.h; `annals analyze` puts everything into one record
// per document (docs/analysis.md describes every field).
//
//   annals::Document doc = ...;                  // text, date and dateline from a reader
//   pipeline.Annotate(doc); /* + parse */        // sentences with words, tags and (ideally) heads
//   annals::ExtractOptions opt;
//   opt.matcher = &matcher;                      // optional: actor codes for counts and speakers
//   annals::Analysis a = annals::Analyze(doc, opt);
//   std::string json = annals::AnalysisToJson(doc, a);
//
// Analyze() fills the dates, counts and quotes. The named entities, resolved places and coded
// events of an Analysis come from the ingestion path (src/ingest/document_coder.h,
// DocumentCoder::Analyze), which runs Analyze() too: `annals analyze` uses that, so its events
// are the events `annals ingest` stores.
//
// The extractors read Word::form, lemma, upos and, when the sentence is parsed, head and deprel;
// every one degrades to surface patterns when tags or heads are missing. Bad input never crashes:
// any bytes and any (even inconsistent) annotation give some, possibly empty, result.
//
// Thread-safety: pure functions; the matcher is only read.
#ifndef ANNALS_EXTRACT_H_
#define ANNALS_EXTRACT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/actor_matcher.h"
#include "annals/dates.h"
#include "annals/document.h"
#include "annals/event.h"
#include "annals/geocoder.h"
#include "annals/ner.h"

namespace annals {

struct ExtractOptions {
  // Resolves counted actors and speakers to codes. Null: names only, no codes.
  const ActorMatcher* matcher = nullptr;
  // An event is historical when the last day its date can denote is more than this many days
  // before the article date ("in June 2024" in a September 2025 story; not "last week").
  int historical_days = 30;
  // Direct quotes without an attributed speaker are kept only from this many words up (shorter
  // ones are scare quotes and titles: praised "unprecedented relations").
  int min_unattributed_quote_words = 8;
  // The article date, for dated actor codes. Unset (year 0): DocumentDate(doc) without fallback.
  // Analyze sets it from its own DocumentDate.
  CivilDate article_date;
  // ActorMatcher::Match of each sentence's words with `matcher` and the MatchOptions FindQuotes
  // and FindCounts use (the article date's day), computed once by a caller that shares it
  // (ingest::DocumentCoder::Analyze shares the event coder's); null: they match themselves.
  const std::vector<std::vector<ActorMatch>>* sentence_actors = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Dates per document and per event.

// Where a date came from.
enum class DateSource : uint8_t {
  kNone,       // Unknown.
  kPredicate,  // A date expression governed by the event's predicate ("met on Tuesday").
  kSentence,   // Another date expression in the event's sentence.
  kDocument,   // The article date (metadata, else the dateline).
};
std::string_view DateSourceName(DateSource s);  // "none", "predicate", "sentence", "document"

// The article date: Document::date when it parses, else the dateline's date resolved against it;
// `fallback` (e.g. `annals analyze --date`) when neither is known. `source` says which:
// "metadata", "dateline", "option" or "" (none: year 0).
CivilDate DocumentDate(const Document& doc, const CivilDate& fallback, std::string* source);

// A date expression placed in the document: the mention plus the sentence and word it sits in.
struct PlacedDate {
  DateMention mention;    // Spans index Document::text.
  int sentence = -1;      // Index into Document::sentences, -1 when outside every sentence.
  int head_word = -1;     // Word (in that sentence) heading the expression, -1 if none.
  int governor = -1;      // The predicate the expression attaches to (nearest VERB up the
                          // heads from head_word), -1 without a parse.
  bool dateline = false;  // Inside the wire dateline.
};

// Every date expression of `doc` (FindDates over the whole text with `anchor`), placed.
std::vector<PlacedDate> PlaceDates(const Document& doc, const CivilDate& anchor);

struct EventDate {
  DateSource source = DateSource::kNone;
  CivilDate date;  // Month/day 0 below day precision; year 0 when source is kNone.
  DatePrecision precision = DatePrecision::kDay;
  int mention = -1;         // Index into the PlacedDate list for kPredicate/kSentence.
  bool historical = false;  // See ExtractOptions::historical_days.
  std::string Iso() const;  // As DateMention::Iso; "" for kNone.
};

// The date of an event whose predicate is word `predicate` (0-based index into
// Sentence::words; -1 when unknown) of sentence `sentence`: a date governed by the predicate,
// else the date expression of the sentence nearest to the predicate (dateline dates excluded),
// else the article date `article`.
EventDate DateForEvent(const std::vector<PlacedDate>& dates, int sentence, int predicate,
                       const CivilDate& article, const ExtractOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Counts and amounts.

// GDELT-style count types. kSoldiers: troops deployed/provided/stationed (no casualty verb).
enum class CountType : uint8_t {
  kOther,
  kKill,
  kWound,
  kArrest,
  kKidnap,
  kDisplace,
  kProtest,
  kSoldiers,
  kSeize,
  kAffect,
  kMoney,
};
// "OTHER", "KILL", "WOUND", "ARREST", "KIDNAP", "DISPLACE", "PROTEST", "SOLDIERS", "SEIZE",
// "AFFECT", "MONEY".
std::string_view CountTypeName(CountType t);

struct CountMention {
  Span span;                 // From the qualifier (or number) through the counted noun.
  std::string text;          // That text: "more than 15,000 soldiers".
  double value = 0;          // 15000; 3e9 for "$3 billion"; 200 for "hundreds of" (lower bound).
  std::string qualifier;     // "about", "more than", "up to", "at least", "less than", "nearly",
                             // "" when none.
  bool approximate = false;  // Round words ("hundreds of", "dozens"), or qualifier "about".
  std::string object;        // Counted noun as written ("soldiers"), "" for money.
  std::string currency;      // MONEY only: ISO 4217 code ("USD", "EUR", "GBP", "CNY", "RUB", ...).
  CountType type = CountType::kOther;
  int sentence = -1;                     // Index into Document::sentences.
  int predicate = -1;                    // Word index of the predicate the count belongs to, or -1.
  std::string predicate_lemma;           // Its lemma ("die", "provide").
  std::string actor;                     // Whose people these are, as written ("North Korean").
  std::vector<std::string> actor_codes;  // "PRKMIL".
  std::string place;                     // Place phrase of the sentence ("Kursk region"), or "".
  EventDate date;                        // DateForEvent of the count's predicate (set by Analyze).
};

std::vector<CountMention> FindCounts(const Document& doc, const ExtractOptions& options,
                                     const std::vector<PlacedDate>* dates = nullptr);

// ---------------------------------------------------------------------------------------------
// Quotations.

struct Quote {
  Span span;         // Direct: inside the marks (first to last segment of a multi-part quote).
                     // Indirect: the reported clause.
  std::string text;  // The words quoted / reported, segments joined with " ... ".
  bool direct = true;
  std::string speaker;  // Resolved name: the dictionary name when the speaker is a known actor
                        // ("Xi Jinping" for "Xi"), else as written ("Hong Min"); "" if unknown.
  std::string speaker_text;  // The speaker as written in the attribution ("Xi", "he").
  std::vector<std::string> speaker_codes;  // Actor codes ("CHNGOV"), may be empty.
  std::string verb;   // Lemma of the speech verb ("say", "tell", "add"), "according to".
  int sentence = -1;  // Sentence holding the attribution (or the quote's first sentence).
};

std::vector<Quote> FindQuotes(const Document& doc, const ExtractOptions& options);

// ---------------------------------------------------------------------------------------------
// The per-document record of `annals analyze`.

// A named entity of the document (annals/ner.h).
struct EntityMention {
  int sentence = -1;  // Index into Document::sentences.
  Entity entity;      // Word indices index that sentence's words; the span the document text.
};

// A place mention (a LOC entity) that the gazetteer resolved (annals/geocoder.h).
struct ResolvedPlace {
  int sentence = -1;                 // Index into Document::sentences.
  int entity = -1;                   // Index into Analysis::entities.
  int word_begin = 0, word_end = 0;  // Words of the mention in its sentence ([begin, end)).
  std::string text;                  // The mention as written ("Kursk").
  Span span;                         // Where it is (match.place.span is the same).
  bool dateline = false;  // Inside the wire dateline: the dateline's place, never an event's own.
  GeoMatch match;         // The geocoder's reading in the document's context.
};

// Where an event happened: ChooseActionLocation over the resolved places and the dateline.
struct EventPlace {
  ActionLocationSource source = ActionLocationSource::kNone;
  GeoPrecision precision = GeoPrecision::kNone;
  int place = -1;  // Index into Analysis::places for kPredicate/kSentence; -1 otherwise.
};

struct Analysis {
  CivilDate date;           // DocumentDate.
  std::string date_source;  // "metadata", "dateline", "option", "".
  std::vector<PlacedDate> dates;
  std::vector<CountMention> counts;
  std::vector<Quote> quotes;
  // Filled by DocumentCoder::Analyze (src/ingest/document_coder.h), not by Analyze():
  std::vector<EntityMention> entities;  // Every entity of every sentence, in text order.
  std::vector<ResolvedPlace> places;    // The LOC entities the gazetteer resolved, in text order.
  std::optional<GeoMatch> dateline_place;  // The dateline's place, resolved.
  std::vector<Event> events;               // As coded and located for `annals ingest`.
  std::vector<EventPlace> event_places;    // event_places[i]: how events[i] got its place.
};

// `fallback_date`: used when the document has neither a date nor a dated dateline.
Analysis Analyze(const Document& doc, const ExtractOptions& options,
                 const CivilDate& fallback_date = {});

// One JSON object (one line): id, title, url, date, date_source, dateline, sentences, entities,
// places, dates, counts, quotes and events (docs/analysis.md).
std::string AnalysisToJson(const Document& doc, const Analysis& analysis);

}  // namespace annals

#endif  // ANNALS_EXTRACT_H_
