// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "ingest/document_coder.h"

namespace annals::ingest {

Result<std::unique_ptr<DocumentCoder>> DocumentCoder::Create(const DocumentCoderOptions& options) {
  Result<Pipeline> pipeline = Pipeline::Create({.model_dir = options.model_dir});
  if (!pipeline.ok()) return pipeline.status();
  std::optional<EventCoder> coder;
  if (options.code) {
    Result<EventCoder> c = EventCoder::Create(options.coder);
    if (!c.ok()) return c.status();
    coder.emplace(std::move(*c));
  }
  return std::unique_ptr<DocumentCoder>(new DocumentCoder(std::move(*pipeline), std::move(coder)));
}

Status DocumentCoder::Annotate(Document& document) const {
  bool parsed = !document.sentences.empty();
  bool tagged = !document.sentences.empty();
  for (const Sentence& s : document.sentences) {
    for (const Word& w : s.words) {
      parsed = parsed && w.head >= 0;
      tagged = tagged && !w.upos.empty() && !w.lemma.empty();
    }
  }
  if (parsed && tagged) return Status();
  if (document.sentences.empty()) {
    pipeline_.Annotate(document);
  } else {
    for (Sentence& s : document.sentences) pipeline_.AnnotateSentence(s);
  }
  return Status();
}

Status DocumentCoder::Process(Document& document, std::vector<Event>& events) const {
  ANNALS_RETURN_IF_ERROR(Annotate(document));
  if (coder_) {
    std::vector<Event> coded = coder_->Code(document);
    events.insert(events.end(), std::make_move_iterator(coded.begin()),
                  std::make_move_iterator(coded.end()));
  }
  return Status();
}

Result<PutOutcome> StoreDocument(Store& store, const Document& document,
                                 std::vector<Event>& events) {
  Result<PutResult> put = store.PutDocument(document);
  if (!put.ok()) return put.status();
  if (put->outcome == PutOutcome::kUnchanged) return put->outcome;
  for (Event& e : events) e.document_id = put->id;
  ANNALS_RETURN_IF_ERROR(store.PutEvents(put->id, events));
  return put->outcome;
}

}  // namespace annals::ingest
