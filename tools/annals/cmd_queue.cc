// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals publish` and `annals worker`: streaming ingestion on NATS JetStream
// (include/annals/queue.h, docs/scaling.md).
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "annals/queue.h"
#include "commands.h"

namespace annals::cli {
namespace {

std::atomic<bool> g_worker_stop{false};
void OnWorkerSignal(int) { g_worker_stop = true; }

void AddQueueOptions(CLI::App& app, QueueOptions& q) {
  app.add_option("--nats", q.url,
                 "NATS server URL(s), comma-separated (default nats://127.0.0.1:4222)");
  app.add_option("--stream", q.stream, "JetStream stream name (default ANNALS)");
  app.add_option("--replicas", q.replicas, "stream replicas when creating it (default 1)")
      ->check(CLI::Range(1, 5));
  app.add_option("--max-deliver", q.max_deliver,
                 "deliveries before a document goes to the dead-letter stream (default 5)")
      ->check(CLI::Range(1, 100));
  app.add_option("--ack-wait", q.ack_wait_seconds,
                 "seconds before an unacknowledged document is redelivered (default 120)")
      ->check(CLI::Range(1, 86400));
}

}  // namespace

int RunPublish(int argc, char** argv) {
  CLI::App app(
      "Reads news in any supported format and publishes each document on a NATS JetStream "
      "work-queue stream (created when missing) for `annals worker`s. Republishing the same "
      "document within 10 minutes is dropped by the server; after that the store's idempotency "
      "makes it a no-op.",
      "annals publish");
  std::vector<std::string> inputs;
  QueueOptions q;
  ReaderOptions reader;
  std::string format_name = "auto";
  app.add_option("INPUT", inputs, "files, directories or - (stdin)")->required();
  app.add_option("--format", format_name, "input format (default auto)");
  AddQueueOptions(app, q);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  Result<InputFormat> format = ParseInputFormat(format_name);
  if (!format.ok()) {
    std::fprintf(stderr, "annals publish: %s\n", format.status().message().c_str());
    return kExitUsage;
  }
  reader.format = *format;
  Result<PublishStats> stats = PublishDocuments(inputs, reader, q, [](const Reject& r) {
    std::fprintf(stderr, "%s\n", r.Message().c_str());
  });
  if (!stats.ok()) {
    std::fprintf(stderr, "annals publish: %s\n", stats.status().ToString().c_str());
    return stats.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  std::fprintf(stderr,
               "publish: %llu documents, %llu duplicates dropped, %llu rejected in %.1f s\n",
               static_cast<unsigned long long>(stats->documents),
               static_cast<unsigned long long>(stats->duplicates),
               static_cast<unsigned long long>(stats->rejects), stats->seconds);
  return stats->documents + stats->duplicates > 0 ? kExitOk : kExitFailure;
}

int RunWorker(int argc, char** argv) {
  CLI::App app(
      "Pulls documents from a NATS JetStream stream, annotates and codes them like `annals "
      "ingest`, stores them, and acknowledges each only after its results are committed. Run as "
      "many as you like, on any machines, against one database. SIGTERM/SIGINT: finish the "
      "current batch, acknowledge it, exit.",
      "annals worker");
  WorkerOptions options;
  AddQueueOptions(app, options.queue);
  app.add_option("--db", options.store.path, "database")->required();
  app.add_option("--models", options.model_dir, "model directory");
  app.add_option("--batch", options.batch, "documents per fetch and transaction (default 16)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--idle-exit", options.idle_exit_seconds,
                 "exit after this many seconds without documents (default: run until stopped)")
      ->check(CLI::Range(0, 86400));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  options.stop = &g_worker_stop;
  options.log = [](const std::string& line) { std::fprintf(stderr, "worker: %s\n", line.c_str()); };
  std::signal(SIGINT, OnWorkerSignal);
  std::signal(SIGTERM, OnWorkerSignal);
  Result<WorkerStats> stats = annals::RunWorker(options);
  if (!stats.ok()) {
    std::fprintf(stderr, "annals worker: %s\n", stats.status().ToString().c_str());
    return stats.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  std::fprintf(stderr,
               "worker: %llu messages (%llu new, %llu updated, %llu unchanged), %llu events, %llu "
               "retried, %llu dead-lettered, %llu batches in %.1f s\n",
               static_cast<unsigned long long>(stats->messages),
               static_cast<unsigned long long>(stats->inserted),
               static_cast<unsigned long long>(stats->updated),
               static_cast<unsigned long long>(stats->unchanged),
               static_cast<unsigned long long>(stats->events),
               static_cast<unsigned long long>(stats->retried),
               static_cast<unsigned long long>(stats->dead_lettered),
               static_cast<unsigned long long>(stats->batches), stats->seconds);
  return kExitOk;
}

}  // namespace annals::cli
