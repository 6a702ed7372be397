// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals train <kind> ...`: trains a model from CoNLL-U. Each kind is one entry of kKinds below,
// with its Run function in this file or another cmd_*.cc.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "annals/tagger.h"
#include "commands.h"
#include "nlp/conllu.h"

namespace annals::cli {
namespace {

// Reads every sentence of a CoNLL-U file; bad blocks are reported on stderr (one line each) and
// skipped. Returns false when the file cannot be opened.
bool ReadSentences(const std::string& path, std::vector<Sentence>& out) {
  size_t bad = 0;
  Status st = nlp::ReadConlluFile(
      path, [&](nlp::ConlluSentence&& s) { out.push_back(std::move(s.sentence)); },
      [&](const std::string& message) {
        ++bad;
        std::fprintf(stderr, "annals train: %s (sentence skipped)\n", message.c_str());
      });
  if (!st.ok()) {
    std::fprintf(stderr, "annals train: %s\n", st.ToString().c_str());
    return false;
  }
  return true;
}

int RunTrainTagger(int argc, char** argv) {
  CLI::App app{"Train the POS tagger + lemmatizer (UPOS, XPOS, FEATS, lemma) from CoNLL-U",
               "annals train tagger"};
  std::string train_path, dev_path, out_path;
  TaggerTrainOptions options;
  app.add_option("--train", train_path, "training CoNLL-U (gold UPOS/XPOS/FEATS/LEMMA)")
      ->required();
  app.add_option("--dev", dev_path, "development CoNLL-U, scored after every epoch");
  app.add_option("-o,--output", out_path, "model file to write")->required();
  app.add_option("--epochs", options.epochs, "passes over the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--seed", options.seed, "seed of the per-epoch shuffle")->capture_default_str();
  app.add_option("--wordnet", options.wordnet_dir,
                 "directory with WordNet *.exc lists (empty: none)")
      ->capture_default_str();
  app.add_option("--prune", options.prune_below, "drop averaged weights below this")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<Sentence> train, dev;
  if (!ReadSentences(train_path, train)) return kExitFailure;
  if (!dev_path.empty() && !ReadSentences(dev_path, dev)) return kExitFailure;
  std::fprintf(stderr, "annals train tagger: %zu training sentences, %zu dev sentences\n",
               train.size(), dev.size());
  options.log = [](const std::string& line) {
    std::fprintf(stderr, "annals train tagger: %s\n", line.c_str());
  };
  Result<Tagger> tagger = Tagger::Train(train, dev, options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "annals train tagger: %s\n", tagger.status().ToString().c_str());
    return kExitFailure;
  }
  Status st = tagger->Save(out_path);
  if (!st.ok()) {
    std::fprintf(stderr, "annals train tagger: %s\n", st.ToString().c_str());
    return kExitFailure;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "annals train tagger: wrote %s (%zu bytes) in %.1f s\n", out_path.c_str(),
               tagger->bytes().size(), secs);
  return kExitOk;
}

struct Kind {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

constexpr Kind kKinds[] = {
    {"sentsplit", "the tokenizer's sentence-boundary model", RunTrainSentsplit},
    {"tagger", "POS tagger + lemmatizer (UPOS, XPOS, FEATS, lemma)", RunTrainTagger},
    {"parser", "dependency parser (arc-hybrid, averaged perceptron)", RunTrainParser},
    {"ner", "named-entity recognizer (BILOU, averaged perceptron) from IOB2/CoNLL", RunTrainNer},
};

void Usage(FILE* out) {
  std::fprintf(out,
               "Usage: annals train <kind> [options]   (annals train <kind> --help)\n\nKinds:\n");
  for (const Kind& k : kKinds) std::fprintf(out, "  %-10s %s\n", k.name, k.summary);
}

}  // namespace

int RunTrain(int argc, char** argv) {
  if (argc < 2) {
    Usage(stderr);
    return kExitUsage;
  }
  std::string_view kind = argv[1];
  if (kind == "--help" || kind == "-h") {
    Usage(stdout);
    return kExitOk;
  }
  for (const Kind& k : kKinds) {
    if (kind == k.name) return k.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "annals train: unknown kind '%s'\n", argv[1]);
  Usage(stderr);
  return kExitUsage;
}

}  // namespace annals::cli
