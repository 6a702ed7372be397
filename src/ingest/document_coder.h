// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: everything that happens to one document between the reader and the store —
// annotation (tokenize, tag, parse) and event coding. One place, so `annals ingest`, the shard
// and queue workers all process documents the same way. Immutable after Create; Process may be
// called from many threads at once.
#ifndef ANNALS_INGEST_DOCUMENT_CODER_H_
#define ANNALS_INGEST_DOCUMENT_CODER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/coder.h"
#include "annals/document.h"
#include "annals/event.h"
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
  // Give events an action place: LOC entities (ner.model) resolved by the gazetteer, chosen by
  // ChooseActionLocation (predicate > sentence > dateline). Skipped, with no error, when the
  // gazetteer or ner.model is not there (a build without the gazetteer).
  bool locate = true;
};

class DocumentCoder {
 public:
  static Result<std::unique_ptr<DocumentCoder>> Create(const DocumentCoderOptions& options);

  // Annotates what `document` lacks and appends its events to `events`. A document without
  // sentences is segmented, tagged and parsed; a CoNLL-U document keeps its tokens, and keeps its
  // tags and trees when it has both (otherwise its words are tagged and parsed again).
  Status Process(Document& document, std::vector<Event>& events) const;

  // Only the annotation step of Process.
  Status Annotate(Document& document) const;

  const EventCoder* coder() const { return coder_ ? &*coder_ : nullptr; }
  bool locates() const { return geocoder_ != nullptr && ner_.has_value(); }

 private:
  DocumentCoder(Pipeline pipeline, std::optional<EventCoder> coder)
      : pipeline_(std::move(pipeline)), coder_(std::move(coder)) {}
  // Sets Event::place from the document's place mentions.
  void Locate(const Document& document, std::vector<Event>& events) const;

  Pipeline pipeline_;  // Tokenize, tag, parse.
  std::optional<EventCoder> coder_;
  std::optional<EntityRecognizer> ner_;
  std::unique_ptr<Geocoder> geocoder_;
};

// Stores a processed document and, unless it was already stored unchanged, replaces its events
// (their document_id set to the stored id). Call inside the caller's transaction. Shared by
// `annals ingest` and the queue workers so both write the same way.
Result<PutOutcome> StoreDocument(Store& store, const Document& document,
                                 std::vector<Event>& events);

}  // namespace annals::ingest

#endif  // ANNALS_INGEST_DOCUMENT_CODER_H_
