// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Streaming ingestion on NATS JetStream (docs/scaling.md): publishers put documents on a
// work-queue stream; any number of workers pull them, process them exactly like `annals ingest`
// (src/ingest/document_coder.h) and store them, acknowledging a message only after the
// transaction holding its results has committed. At-least-once delivery plus the idempotent
// store gives effectively-once results.
//
//   stream <name>            subjects "<name>.documents", work-queue retention, file storage
//   stream <name>_DEAD       subjects "<name>.dead": documents that kept failing, with the error
//   consumer "workers"       durable pull consumer on <name>, explicit acks, shared by all workers
//
// A message is one document as JSON (see EncodeDocumentMessage), with the header Nats-Msg-Id set
// to the document id so that republishing within the stream's duplicate window is dropped by
// the server. A message delivered more than `max_deliver` times (a document that keeps failing,
// or keeps killing its worker) goes to the dead-letter stream with an "Annals-Error" header and
// is terminated on the work queue.
#ifndef ANNALS_QUEUE_H_
#define ANNALS_QUEUE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/reader.h"
#include "annals/status.h"
#include "annals/store.h"

namespace annals {

struct QueueOptions {
  std::string url = "nats://127.0.0.1:4222";  // One URL, or several separated by commas.
  std::string stream = "ANNALS";              // [A-Za-z0-9_-]+.
  int replicas = 1;                           // Stream replicas when the stream is created (1..5).
  int max_deliver = 5;  // Deliveries before a message is dead-lettered (1..100).
  // Redelivery after an unacknowledged message (1..86400). A worker signals "in progress" every
  // third of it while it processes a batch, so only a dead worker's messages are redelivered.
  int ack_wait_seconds = 120;
};

struct PublishStats {
  uint64_t documents = 0;   // Published (acknowledged by the stream).
  uint64_t duplicates = 0;  // Dropped by the server's duplicate window.
  uint64_t rejects = 0;     // Bad input records.
  double seconds = 0;
};

// Reads `inputs` (like `annals ingest`) and publishes each document; creates the streams and
// the consumer when missing. Backpressure: each publish waits for the stream's acknowledgement.
Result<PublishStats> PublishDocuments(const std::vector<std::string>& inputs,
                                      const ReaderOptions& reader, const QueueOptions& queue,
                                      const std::function<void(const Reject&)>& on_reject);

struct WorkerOptions {
  QueueOptions queue;
  StoreOptions store;
  std::string model_dir;  // Empty: PipelineOptions' default.
  int batch = 16;         // Messages fetched and committed together (1..1000).
  // Exit once the stream has had nothing for this many seconds (0 = run until stopped).
  int idle_exit_seconds = 0;
  const std::atomic<bool>* stop = nullptr;      // Raised (SIGTERM): finish the batch, ack, return.
  std::function<void(const std::string&)> log;  // One line per notable event (dead letters...).
};

struct WorkerStats {
  uint64_t messages = 0;  // Received.
  uint64_t inserted = 0;
  uint64_t updated = 0;
  uint64_t unchanged = 0;
  uint64_t events = 0;
  uint64_t retried = 0;        // Negatively acknowledged for redelivery.
  uint64_t dead_lettered = 0;  // Moved to <stream>_DEAD.
  uint64_t batches = 0;        // Transactions committed.
  double seconds = 0;
};

// Pulls, processes, stores and acknowledges until stopped or idle. Errors: the server or the
// database cannot be reached, or the models cannot be loaded.
Result<WorkerStats> RunWorker(const WorkerOptions& options);

// The message body for a document: one JSON object with every Document field that is not
// derived (id, url, source, title, date, language, text, dateline with its span, origin).
std::string EncodeDocumentMessage(const Document& document);
// The inverse; InvalidArgument naming the problem for a body that is not a valid message.
Status DecodeDocumentMessage(std::string_view body, Document& document);

}  // namespace annals

#endif  // ANNALS_QUEUE_H_
