// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Ingestion: read -> NLP -> code -> store, the main job of Annals (`annals ingest`).
//
//   annals::IngestOptions options;
//   options.inputs = {"samples/"};
//   options.store.path = "annals.db";
//   annals::Result<annals::IngestStats> stats = annals::Ingest(options);
//
// Threads: one reader thread, `threads` workers that annotate and code documents, and the
// calling thread, which writes to the store. Queues between them are bounded, and at most
// `max_in_flight` documents are between the reader and the store, so memory does not grow with
// the input. Documents are written in input order whatever the number of workers, so two runs
// over the same input give the same database.
//
// Idempotent and transactional: documents and their events are written in batches of
// `batch_documents`, each one transaction. A document already stored unchanged (same URL, or same
// normalised text; see store.h) is not coded again. A killed run leaves the database as of its
// last committed batch; rerunning the same command completes the work without duplicates.
#ifndef ANNALS_INGEST_H_
#define ANNALS_INGEST_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annals/reader.h"
#include "annals/status.h"
#include "annals/store.h"

namespace annals {

struct IngestProgress {
  uint64_t documents_read = 0;     // Documents the readers produced so far.
  uint64_t documents_written = 0;  // Documents committed or found unchanged.
  uint64_t events = 0;             // Events stored so far.
  uint64_t bytes_done = 0;         // Input bytes consumed (see DocumentSink::OnProgress).
  uint64_t bytes_total = 0;        // 0 when unknown.
  double seconds = 0;              // Since the start.
};

struct IngestStats {
  uint64_t files = 0;
  uint64_t documents = 0;  // Read.
  uint64_t inserted = 0;
  uint64_t updated = 0;
  uint64_t unchanged = 0;     // Already stored with the same text: skipped.
  uint64_t rejects = 0;       // Bad records (each also passed to on_reject).
  uint64_t other_shards = 0;  // Documents left to other shards.
  uint64_t sentences = 0;     // Of the documents annotated.
  uint64_t words = 0;
  uint64_t events = 0;   // Stored.
  uint64_t batches = 0;  // Transactions committed.
  double seconds = 0;
  // Where the time went: summed over the annotating workers (read documents -> NLP -> code ->
  // locate), and on the writer thread inside the store (begin, write, commit). The store's share
  // of the work is store_seconds / (annotate_seconds + store_seconds). These are wall times: a
  // thread waiting for a core (more busy threads than cores) or for the disk counts. The same
  // spans in CPU time of the threads that ran them (CLOCK_THREAD_CPUTIME_ID) are the work itself.
  double annotate_seconds = 0;
  double store_seconds = 0;
  double annotate_cpu_seconds = 0;
  double store_cpu_seconds = 0;
  bool stopped = false;  // `stop` was raised: the run ended early after its last full commit.
};

struct IngestOptions {
  std::vector<std::string> inputs;  // Files, directories or "-" (see ReadInputs).
  ReaderOptions reader;
  StoreOptions store;        // `read_only` must be false.
  std::string model_dir;     // Empty: PipelineOptions' default.
  int threads = 0;           // Annotating workers; 0 = one per hardware thread.
  int batch_documents = 64;  // Documents per transaction (1..100000).
  int max_in_flight = 256;   // Documents between the reader and the store.
  // Sharding for batch schedulers (Slurm job arrays): with shard_count > 1, only documents whose
  // id hashes to `shard_index` (FNV-1a 64 of the id, modulo shard_count) are processed; the others
  // are counted in IngestStats::other_shards. Deterministic and coordination-free: N runs with
  // shard_index 0..N-1 over the same inputs process every document exactly once.
  int shard_index = 0;
  int shard_count = 1;
  // Called (on the writer thread) for each bad record, and about 4 times a second with progress.
  std::function<void(const Reject&)> on_reject;
  std::function<void(const IngestProgress&)> on_progress;
  // When set and raised (e.g. from a signal handler), reading stops; what was read is written and
  // committed, then Ingest returns with `stopped`.
  const std::atomic<bool>* stop = nullptr;
};

// Runs the whole job. Errors: invalid options, models or database that cannot be opened, or a
// store write that fails (the current batch is rolled back; earlier batches stay committed).
// Bad input records are never errors: they are counted and reported through `on_reject`.
Result<IngestStats> Ingest(const IngestOptions& options);

struct MergeStats {
  uint64_t databases = 0;
  uint64_t documents = 0;  // Read from the inputs.
  uint64_t inserted = 0;
  uint64_t updated = 0;
  uint64_t unchanged = 0;
  uint64_t events = 0;  // Stored.
  double seconds = 0;
};

// Merges stores (shard databases, or any stores) into `output`: every document with its events,
// written with the same idempotency rule as ingestion (a document already in `output` with the
// same text is left as it is; a changed one is updated and its events replaced). Events are
// copied, not re-coded; cross-document aggregation is computed by queries over the merged store,
// so merging N shards of a corpus gives the same documents and events as one unsharded run.
// Transactions of `batch_documents`; rerunning an interrupted merge completes it.
Result<MergeStats> MergeStores(const std::vector<StoreOptions>& inputs, const StoreOptions& output,
                               int batch_documents = 256);

// The shard (0..shard_count-1) of a document id; see IngestOptions::shard_count.
int ShardOf(const std::string& document_id, int shard_count);

}  // namespace annals

#endif  // ANNALS_INGEST_H_
