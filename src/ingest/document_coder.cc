// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "ingest/document_coder.h"

namespace annals::ingest {

Result<std::unique_ptr<DocumentCoder>> DocumentCoder::Create(const DocumentCoderOptions& options) {
  Result<Pipeline> pipeline = Pipeline::Create({.model_dir = options.model_dir});
  if (!pipeline.ok()) return pipeline.status();
  return std::unique_ptr<DocumentCoder>(new DocumentCoder(std::move(*pipeline)));
}

Status DocumentCoder::Process(Document& document, std::vector<Event>& events) const {
  pipeline_.Annotate(document);
  // Event coding joins here when the coder lands (issue 6).
  (void)events;
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
