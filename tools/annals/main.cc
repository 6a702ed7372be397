// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals`: dispatches to a subcommand from the table below.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "commands.h"

namespace annals::cli {

int RunVersion(int /*argc*/, char** /*argv*/) {
  std::printf("annals %s\n", ANNALS_VERSION);
  return kExitOk;
}

}  // namespace annals::cli

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

// Keep sorted by the order a user meets them in a pipeline.
constexpr Command kCommands[] = {
    {"read", "read news in any input format, print documents as JSONL", annals::cli::RunRead},
    {"tokenize", "raw text -> sentences and tokens (CoNLL-U)", annals::cli::RunTokenize},
    {"tag", "tag text or CoNLL-U (CoNLL-U out)", annals::cli::RunTag},
    {"parse", "tag and dependency-parse text or CoNLL-U", annals::cli::RunParse},
    {"ner", "find named entities (PER, ORG, LOC) in text, JSONL out", annals::cli::RunNer},
    {"dict", "look up actors in text; check dictionaries", annals::cli::RunDict},
    {"geocode", "resolve place names with the gazetteer (JSON lines)", annals::cli::RunGeocode},
    {"code", "code events (CAMEO/PLOVER) from news in any input format", annals::cli::RunCode},
    {"explain", "show how a sentence is coded: tree, actors, patterns", annals::cli::RunExplain},
    {"analyze", "dates, counts and quotes of each document (JSON lines)", annals::cli::RunAnalyze},
    {"train", "train a model (sentsplit, tagger, parser, ner)", annals::cli::RunTrain},
    {"eval", "score against gold data (ud, ner)", annals::cli::RunEval},
    {"validate", "score the coder on a PETRARCH validation suite", annals::cli::RunValidate},
    {"ingest", "read, annotate, code and store news in a database", annals::cli::RunIngest},
    {"merge", "merge databases (shards of ingest --shard) into one", annals::cli::RunMerge},
    {"publish", "put documents on a NATS JetStream work queue", annals::cli::RunPublish},
    {"worker", "pull documents from NATS JetStream, code and store them", annals::cli::RunWorker},
    {"export", "write stored events as GDELT events/mentions, PLOVER JSONL or CSV",
     annals::cli::RunExport},
    {"query", "ask questions of a database (documents, events, dyads, actors, network)",
     annals::cli::RunQuery},
    {"serve", "serve the read-only JSON API over a database", annals::cli::RunServe},
    {"version", "print the version", annals::cli::RunVersion},
};

void PrintUsage(FILE* out) {
  std::fprintf(out,
               "annals %s — political event data from news text\n\n"
               "Usage: annals <command> [options]    (annals <command> --help for details)\n\n"
               "Commands:\n",
               ANNALS_VERSION);
  for (const Command& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\nExit codes: 0 processed something, 1 nothing could be processed, 2 usage.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(stderr);
    return annals::cli::kExitUsage;
  }
  std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintUsage(stdout);
    return annals::cli::kExitOk;
  }
  if (cmd == "--version") return annals::cli::RunVersion(argc - 1, argv + 1);
  for (const Command& c : kCommands) {
    if (cmd == c.name) return c.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "annals: unknown command '%s' (see annals --help)\n", argv[1]);
  return annals::cli::kExitUsage;
}
