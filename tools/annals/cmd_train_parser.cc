// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals train parser`: trains the dependency parser from
// CoNLL-U, keeps the epoch with the best dev LAS, optionally scores a test file, writes the model.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "annals/parser.h"
#include "commands.h"
#include "nlp/conllu.h"

namespace annals::cli {
namespace {

// Reads every sentence of a CoNLL-U file; bad blocks are reported on stderr and skipped.
bool ReadParserSentences(const std::string& path, std::vector<Sentence>& out) {
  Status st = nlp::ReadConlluFile(
      path, [&](nlp::ConlluSentence&& s) { out.push_back(std::move(s.sentence)); },
      [&](const std::string& message) {
        std::fprintf(stderr, "annals train parser: %s (sentence skipped)\n", message.c_str());
      });
  if (!st.ok()) {
    std::fprintf(stderr, "annals train parser: %s: %s\n", path.c_str(), st.ToString().c_str());
    return false;
  }
  return true;
}

void PrintScores(const char* name, const DependencyScores& s) {
  std::printf("%-5s words %7lld  UAS %.2f  LAS %.2f  LAS(universal) %.2f  CLAS %.2f\n", name,
              static_cast<long long>(s.words), s.uas, s.las, s.las_universal, s.clas);
}

}  // namespace

int RunTrainParser(int argc, char** argv) {
  CLI::App app{"Train the dependency parser from CoNLL-U (gold HEAD/DEPREL; UPOS/XPOS as given)",
               "annals train parser"};
  std::string train_path, dev_path, test_path, out_path;
  ParserTrainOptions options;
  std::string prune_path;
  int min_weight = 1;
  app.add_option("--train", train_path, "training CoNLL-U (required unless --prune)");
  app.add_option("--dev", dev_path, "development CoNLL-U: scored after every epoch, best kept");
  app.add_option("--test", test_path, "test CoNLL-U scored once with the kept model");
  app.add_option("-o,--output", out_path, "model file to write")->required();
  app.add_option("--epochs", options.epochs, "passes over the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--seed", options.seed, "seed of shuffling and exploration")
      ->capture_default_str();
  app.add_option("--hash-bits", options.hash_bits, "feature table of 2^N rows")
      ->capture_default_str()
      ->check(CLI::Range(8, 24));
  app.add_option("--explore", options.explore_probability,
                 "probability of following the model's own move (dynamic oracle)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--beam", options.beam,
                 "beam width: 1 trains the greedy parser; more trains the beam decoder globally")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxParserBeam));
  app.add_option("--tag-noise", options.tag_noise,
                 "probability of replacing a training word's tags by a plausible wrong pair")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--prune", prune_path,
                 "instead of training: load this model, drop weights below --min-weight, write "
                 "-o and score --dev/--test");
  app.add_option("--min-weight", min_weight,
                 "with --prune: smallest quantized |weight| kept (the largest is 32767)")
      ->capture_default_str()
      ->check(CLI::Range(1, 32767));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (train_path.empty() == prune_path.empty()) {
    std::fprintf(stderr, "annals train parser: give exactly one of --train and --prune\n");
    return kExitUsage;
  }
  if (!prune_path.empty()) {
    Result<Parser> loaded = Parser::Load(prune_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "annals train parser: %s\n", loaded.status().ToString().c_str());
      return kExitFailure;
    }
    Parser pruned = loaded->Pruned(min_weight);
    if (Status st = pruned.Save(out_path); !st.ok()) {
      std::fprintf(stderr, "annals train parser: %s\n", st.ToString().c_str());
      return kExitFailure;
    }
    std::printf("model %s: %zu bytes (%s: %zu bytes), weights below %d dropped\n", out_path.c_str(),
                pruned.Serialize().size(), prune_path.c_str(), loaded->Serialize().size(),
                min_weight);
    for (const auto& [name, path] : {std::pair{"dev", dev_path}, std::pair{"test", test_path}}) {
      std::vector<Sentence> gold;
      if (path.empty()) continue;
      if (!ReadParserSentences(path, gold)) return kExitFailure;
      std::vector<Sentence> out = gold;
      for (Sentence& s : out) (void)pruned.Parse(s);
      PrintScores(name, ScoreDependencies(gold, out));
    }
    return kExitOk;
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<Sentence> train, dev, test;
  if (!ReadParserSentences(train_path, train)) return kExitFailure;
  if (!dev_path.empty() && !ReadParserSentences(dev_path, dev)) return kExitFailure;
  if (!test_path.empty() && !ReadParserSentences(test_path, test)) return kExitFailure;
  std::fprintf(stderr, "annals train parser: %zu training, %zu dev, %zu test sentences\n",
               train.size(), dev.size(), test.size());
  options.log = [](std::string_view line) {
    std::fprintf(stderr, "annals train parser: %.*s\n", static_cast<int>(line.size()), line.data());
  };
  ParserTrainReport report;
  Result<Parser> parser = Parser::Train(train, dev, options, &report);
  if (!parser.ok()) {
    std::fprintf(stderr, "annals train parser: %s\n", parser.status().ToString().c_str());
    return kExitFailure;
  }
  Status st = parser->Save(out_path);
  if (!st.ok()) {
    std::fprintf(stderr, "annals train parser: %s\n", st.ToString().c_str());
    return kExitFailure;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "model %s: %zu bytes, %d labels, %lld sentences (%lld skipped), %lld arcs lifted, "
      "best epoch %d of %d, seed %llu, %.0f s\n",
      out_path.c_str(), parser->Serialize().size(), report.labels,
      static_cast<long long>(report.train_sentences),
      static_cast<long long>(report.skipped_sentences), static_cast<long long>(report.lifted_arcs),
      report.best_epoch, options.epochs, static_cast<unsigned long long>(options.seed), secs);
  if (!dev.empty()) PrintScores("dev", report.best_dev);
  if (!test.empty()) {
    std::vector<Sentence> out = test;
    for (Sentence& s : out) (void)parser->Parse(s);
    PrintScores("test", ScoreDependencies(test, out));
  }
  return kExitOk;
}

}  // namespace annals::cli
