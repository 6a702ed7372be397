// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: everything that happens to one document between the reader and the store —
// annotation (tokenize, tag, parse), event coding and the events' places (NER + gazetteer). One
// place, so `annals ingest`, the shard and queue workers all process documents the same way, and
// `annals analyze` (Analyze) reports the very events they store, with the entities, places,
// dates, counts and quotes found on the way. Immutable after Create; Process and Analyze may be
// called from many threads at once.
#ifndef ANNALS_INGEST_DOCUMENT_CODER_H_
#define ANNALS_INGEST_DOCUMENT_CODER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/actor_matcher.h"
#include "annals/coder.h"
#include "annals/document.h"
#include "annals/event.h"
#include "annals/extract.h"
#include "annals/geocoder.h"
#include "annals/ner.h"
#include "annals/pipeline.h"
#include "annals/status.h"
#include "annals/store.h"

namespace annals::ingest {

struct DocumentCoderOptions {
  std::string model_dir;  // Empty: PipelineOptions' default.
  CoderOptions coder;     // Dictionaries and verb tables (defaults: data/dict).
  bool code = true;       // Code events (false: annotate only).
  // Load ner.model and the gazetteer, each skipped with no error when it is not there (a build
  // without the gazetteer). With both, events get an action place: LOC entities resolved by the
  // gazetteer, chosen by ChooseActionLocation (predicate > sentence > dateline). Analyze reports
  // the entities with ner.model alone.
  bool locate = true;
  // Without <model_dir>/parser.model: false leaves sentences unparsed (Analyze's extractors fall
  // back on surface patterns; the coder codes nothing) instead of failing.
  bool require_parser = true;
};

class DocumentCoder {
 public:
  static Result<std::unique_ptr<DocumentCoder>> Create(const DocumentCoderOptions& options);

  // Annotates what `document` lacks and appends its events to `events`. A document without
  // sentences is segmented, tagged and parsed; a CoNLL-U document keeps its tokens, and keeps its
  // tags and trees when it has both (otherwise its words are tagged and parsed again).
  Status Process(Document& document, std::vector<Event>& events) const;

  // Process, plus what `annals analyze` reports (docs/analysis.md): every named entity, every
  // place mention the gazetteer resolves, the resolved dateline, the events (exactly as Process
  // codes and locates them) with how each got its place, and the dates, counts and quotes of
  // annals::Analyze (actor codes from the coder's dictionary). `fallback_date` as there. A
  // document without a date of its own has its events dated against the article date found
  // (dateline, else `fallback_date`), as its dates and counts are.
  Status Analyze(Document& document, const CivilDate& fallback_date, Analysis& out) const;

  // Only the annotation step of Process.
  Status Annotate(Document& document) const;

  const EventCoder* coder() const { return coder_ ? &*coder_ : nullptr; }
  // Actor codes for the extractors, from the coder's dictionary; null without a coder.
  const ActorMatcher* matcher() const { return matcher_.get(); }
  bool locates() const { return geocoder_ != nullptr && ner_.has_value(); }
  bool recognizes() const { return ner_.has_value(); }
  bool parses() const { return parses_; }

 private:
  DocumentCoder(Pipeline pipeline, std::optional<EventCoder> coder, bool parses)
      : pipeline_(std::move(pipeline)), coder_(std::move(coder)), parses_(parses) {}
  // The named entities of every sentence (`all_types`: every type, else LOC only) and the place
  // mentions among them that the gazetteer resolves, with the dateline's place. `events` give
  // the geocoder the document's countries (their actors').
  void FindPlaces(const Document& document, const std::vector<Event>& events, bool all_types,
                  std::vector<EntityMention>& entities, std::vector<ResolvedPlace>& places,
                  std::optional<GeoMatch>& dateline) const;
  // Sets Event::place of the events that have none; `how` (may be null) receives one EventPlace
  // per event.
  void Locate(const Document& document, const std::vector<ResolvedPlace>& places,
              const std::optional<GeoMatch>& dateline, std::vector<Event>& events,
              std::vector<EventPlace>* how) const;

  Pipeline pipeline_;  // Tokenize, tag, parse.
  std::optional<EventCoder> coder_;
  std::unique_ptr<ActorMatcher> matcher_;
  std::optional<EntityRecognizer> ner_;
  std::unique_ptr<Geocoder> geocoder_;
  bool parses_ = true;
};

// Stores a processed document and, unless it was already stored unchanged, replaces its events
// (their document_id set to the stored id). Call inside the caller's transaction. Shared by
// `annals ingest` and the queue workers so both write the same way.
Result<PutOutcome> StoreDocument(Store& store, const Document& document,
                                 std::vector<Event>& events);

}  // namespace annals::ingest

#endif  // ANNALS_INGEST_DOCUMENT_CODER_H_
