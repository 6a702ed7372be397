// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// MergeStores (include/annals/ingest.h): shard databases into one.
#include <chrono>
#include <memory>
#include <utility>

#include "annals/ingest.h"
#include "ingest/document_coder.h"

namespace annals {

namespace {

Document ToDocument(StoredDocument&& d) {
  Document doc;
  doc.id = std::move(d.id);
  doc.url = std::move(d.url);
  doc.source = std::move(d.source);
  doc.title = std::move(d.title);
  doc.date = std::move(d.date);
  doc.language = std::move(d.language);
  doc.text = std::move(d.text);
  if (!d.dateline_place.empty() || !d.dateline_date.empty() || !d.dateline_agency.empty()) {
    doc.dateline = Dateline{.place = std::move(d.dateline_place),
                            .date_text = std::move(d.dateline_date),
                            .agency = std::move(d.dateline_agency)};
  }
  doc.origin_file = std::move(d.origin_file);
  doc.origin_location = std::move(d.origin_location);
  return doc;
}

}  // namespace

Result<MergeStats> MergeStores(const std::vector<StoreOptions>& inputs, const StoreOptions& output,
                               int batch_documents) {
  if (inputs.empty()) return InvalidArgumentError("no databases to merge");
  if (batch_documents < 1) return InvalidArgumentError("batch_documents must be positive");
  auto start = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Store>> out = Store::Open(output);
  if (!out.ok()) return out.status();
  MergeStats stats;
  for (StoreOptions in_options : inputs) {
    if (in_options.path == output.path) {
      return InvalidArgumentError(in_options.path + ": cannot merge a database into itself");
    }
    in_options.read_only = true;
    Result<std::unique_ptr<Store>> in = Store::Open(in_options);
    if (!in.ok()) return in.status();
    ++stats.databases;
    int in_batch = 0;
    constexpr int kPage = 1000;
    for (int offset = 0;; offset += kPage) {
      Result<std::vector<StoredDocument>> page =
          (*in)->QueryDocuments({.limit = kPage, .offset = offset});
      if (!page.ok()) return page.status();
      for (const StoredDocument& listed : *page) {
        Result<StoredDocument> full = (*in)->GetDocument(listed.id);
        if (!full.ok()) return full.status();
        Result<std::vector<StoredEvent>> stored = (*in)->QueryEvents(
            {.include_flagged = true, .document_id = listed.id, .limit = 100000});
        if (!stored.ok()) return stored.status();
        std::vector<Event> events;
        events.reserve(stored->size());
        for (StoredEvent& se : *stored) events.push_back(std::move(se.event));
        Document doc = ToDocument(std::move(*full));
        if (in_batch == 0) ANNALS_RETURN_IF_ERROR((*out)->Begin());
        Result<PutOutcome> put = ingest::StoreDocument(**out, doc, events);
        if (!put.ok()) {
          Status rb = (*out)->Rollback();
          (void)rb;
          return put.status();
        }
        ++stats.documents;
        switch (*put) {
          case PutOutcome::kInserted:
            ++stats.inserted;
            stats.events += events.size();
            break;
          case PutOutcome::kUpdated:
            ++stats.updated;
            stats.events += events.size();
            break;
          case PutOutcome::kUnchanged:
            ++stats.unchanged;
            break;
        }
        if (++in_batch >= batch_documents) {
          ANNALS_RETURN_IF_ERROR((*out)->Commit());
          in_batch = 0;
        }
      }
      if (static_cast<int>(page->size()) < kPage) break;
    }
    if (in_batch > 0) ANNALS_RETURN_IF_ERROR((*out)->Commit());
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace annals
