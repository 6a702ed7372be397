// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals ingest`: read -> NLP -> code -> store (include/annals/ingest.h).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "annals/ingest.h"
#include "commands.h"
#include "io/document_json.h"

namespace annals::cli {
namespace {

std::atomic<bool> g_stop{false};

void OnIngestSignal(int) { g_stop = true; }

constexpr const char* kDescription =
    "Reads news in any supported format, annotates and codes it, and stores documents and events\n"
    "in a database (created when missing). Idempotent: documents already stored with the same\n"
    "text are skipped, changed ones are updated. Work is committed in batches, so an interrupted\n"
    "run leaves a consistent database and rerunning the same command completes it.\n"
    "Ctrl-C (SIGINT) or SIGTERM stops reading, commits what was read and exits with status 130.\n"
    "Bad records are reported on stderr as 'file:location: reason' (and to --rejects as JSONL).\n"
    "Exit status: 0 done, 1 failure (nothing read, database or models unusable), 2 usage.";

}  // namespace

int RunIngest(int argc, char** argv) {
  CLI::App app(kDescription, "annals ingest");
  IngestOptions options;
  std::string format_name = "auto", rejects_path;
  bool quiet = false;
  app.add_option("INPUT", options.inputs, "files, directories or - (stdin)")->required();
  app.add_option("--db", options.store.path, "database: a SQLite file or a postgresql:// URL")
      ->required();
  app.add_option("--format", format_name,
                 "input format: auto, text, jsonl, html, feed, warc, conllu (default auto)");
  app.add_option("--rejects", rejects_path, "also write each rejected record as JSONL");
  app.add_option("--models", options.model_dir, "model directory (default: see annals tag)");
  app.add_option("--threads", options.threads, "annotating threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  app.add_option("--batch", options.batch_documents, "documents per transaction (default 64)")
      ->check(CLI::Range(1, 100000));
  std::string shard;
  app.add_option("--shard", shard,
                 "K/N: process only the documents whose id hashes to shard K of N (0-based), e.g. "
                 "--shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT");
  app.add_flag("-q,--quiet", quiet, "no progress line and no summary");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  Result<InputFormat> format = ParseInputFormat(format_name);
  if (!format.ok()) {
    std::fprintf(stderr, "annals ingest: %s\n", format.status().message().c_str());
    return kExitUsage;
  }
  options.reader.format = *format;
  if (!shard.empty()) {
    int k = -1, n = 0;
    char tail = 0;
    if (std::sscanf(shard.c_str(), "%d/%d%c", &k, &n, &tail) != 2 || n < 1 || k < 0 || k >= n) {
      std::fprintf(stderr, "annals ingest: --shard must be K/N with 0 <= K < N, not '%s'\n",
                   shard.c_str());
      return kExitUsage;
    }
    options.shard_index = k;
    options.shard_count = n;
  }
  std::unique_ptr<FILE, int (*)(FILE*)> rejects(nullptr, &std::fclose);
  if (!rejects_path.empty()) {
    rejects.reset(std::fopen(rejects_path.c_str(), "w"));
    if (rejects == nullptr) {
      std::fprintf(stderr, "annals ingest: cannot write --rejects file %s\n", rejects_path.c_str());
      return kExitFailure;
    }
  }
  bool progress = !quiet && ::isatty(STDERR_FILENO) != 0;
  bool drawn = false;
  auto clear = [&] {
    if (drawn) std::fputs("\r\033[K", stderr);
    drawn = false;
  };
  options.on_reject = [&](const Reject& r) {
    clear();
    std::fprintf(stderr, "%s\n", r.Message().c_str());
    if (rejects != nullptr) {
      std::string line = io::RejectToJson(r) + "\n";
      std::fwrite(line.data(), 1, line.size(), rejects.get());
    }
  };
  if (progress) {
    options.on_progress = [&](const IngestProgress& p) {
      std::fprintf(stderr, "\r\033[Kingest: %llu read, %llu stored, %llu events, %.0f docs/s",
                   static_cast<unsigned long long>(p.documents_read),
                   static_cast<unsigned long long>(p.documents_written),
                   static_cast<unsigned long long>(p.events),
                   p.seconds > 0 ? p.documents_read / p.seconds : 0.0);
      if (p.bytes_total > 0 && p.bytes_done <= p.bytes_total) {
        std::fprintf(stderr, ", %.0f%%", 100.0 * p.bytes_done / p.bytes_total);
      }
      std::fflush(stderr);
      drawn = true;
    };
  }
  options.stop = &g_stop;
  std::signal(SIGINT, OnIngestSignal);
  std::signal(SIGTERM, OnIngestSignal);
  Result<IngestStats> stats = Ingest(options);
  clear();
  if (!stats.ok()) {
    std::fprintf(stderr, "annals ingest: %s\n", stats.status().ToString().c_str());
    return stats.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  if (!quiet) {
    std::fprintf(stderr,
                 "ingest: %llu documents (%llu new, %llu updated, %llu unchanged), %llu rejected, "
                 "%llu left to other shards, "
                 "%llu sentences, %llu words, %llu events in %.1f s (%.0f words/s) -> %s\n",
                 static_cast<unsigned long long>(stats->documents),
                 static_cast<unsigned long long>(stats->inserted),
                 static_cast<unsigned long long>(stats->updated),
                 static_cast<unsigned long long>(stats->unchanged),
                 static_cast<unsigned long long>(stats->rejects),
                 static_cast<unsigned long long>(stats->other_shards),
                 static_cast<unsigned long long>(stats->sentences),
                 static_cast<unsigned long long>(stats->words),
                 static_cast<unsigned long long>(stats->events), stats->seconds,
                 stats->seconds > 0 ? stats->words / stats->seconds : 0.0,
                 options.store.path.c_str());
    double work = stats->annotate_seconds + stats->store_seconds;
    double cpu = stats->annotate_cpu_seconds + stats->store_cpu_seconds;
    std::fprintf(stderr,
                 "ingest: time: annotating %.2f s (all workers), store %.2f s (%.1f%% of the "
                 "work); CPU: annotating %.2f s, store %.2f s (%.1f%%)\n",
                 stats->annotate_seconds, stats->store_seconds,
                 work > 0 ? 100.0 * stats->store_seconds / work : 0.0, stats->annotate_cpu_seconds,
                 stats->store_cpu_seconds, cpu > 0 ? 100.0 * stats->store_cpu_seconds / cpu : 0.0);
  }
  if (stats->stopped) return 130;
  return stats->documents > 0 || stats->other_shards > 0 ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
