// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals merge OUT IN...`: merges shard databases (include/annals/ingest.h MergeStores).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "annals/ingest.h"
#include "commands.h"

namespace annals::cli {

int RunMerge(int argc, char** argv) {
  CLI::App app(
      "Merges databases (e.g. the shards of `annals ingest --shard K/N`) into OUT, created when "
      "missing: every document with its events, with ingestion's idempotency (documents already "
      "in OUT with the same text are left alone). Rerunning an interrupted merge completes it. "
      "OUT and IN may be SQLite files or postgresql:// URLs.",
      "annals merge");
  std::string output;
  std::vector<std::string> inputs;
  int batch = 256;
  app.add_option("OUT", output, "database to merge into")->required();
  app.add_option("IN", inputs, "databases to merge from")->required();
  app.add_option("--batch", batch, "documents per transaction (default 256)")
      ->check(CLI::Range(1, 100000));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  std::vector<StoreOptions> in;
  for (const std::string& p : inputs) in.push_back({.path = p});
  Result<MergeStats> stats = MergeStores(in, {.path = output}, batch);
  if (!stats.ok()) {
    std::fprintf(stderr, "annals merge: %s\n", stats.status().ToString().c_str());
    return stats.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  std::fprintf(stderr,
               "merge: %llu databases, %llu documents (%llu new, %llu updated, %llu unchanged), "
               "%llu events in %.1f s -> %s\n",
               static_cast<unsigned long long>(stats->databases),
               static_cast<unsigned long long>(stats->documents),
               static_cast<unsigned long long>(stats->inserted),
               static_cast<unsigned long long>(stats->updated),
               static_cast<unsigned long long>(stats->unchanged),
               static_cast<unsigned long long>(stats->events), stats->seconds, output.c_str());
  return kExitOk;
}

}  // namespace annals::cli
