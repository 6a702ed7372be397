// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals train sentsplit`: trains the tokenizer's sentence-boundary model on UD CoNLL-U files
// (deterministic, seeded), or with --eval scores the tokenizer on UD files (raw-text setting).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "nlp/tokenize/sentsplit_train.h"

namespace annals::cli {
namespace {

void PrintScores(const std::string& name, const nlp::tokenize::SegmentationScores& sc) {
  std::printf(
      "%s: Tokens F1 %.2f (P %.2f R %.2f) | Words F1 %.2f | Sentences F1 %.2f (P %.2f R %.2f)\n",
      name.c_str(), sc.tokens.F1(), sc.tokens.Precision(), sc.tokens.Recall(), sc.words.F1(),
      sc.sentences.F1(), sc.sentences.Precision(), sc.sentences.Recall());
}

}  // namespace

int RunTrainSentsplit(int argc, char** argv) {
  CLI::App app(
      "Train the tokenizer's sentence-boundary model on UD CoNLL-U (raw text rebuilt "
      "from '# text'), or score the tokenizer on UD files with --eval.",
      "annals train sentsplit");
  std::string train, dev, output, model;
  std::vector<std::string> eval;
  nlp::tokenize::SentsplitTrainOptions opts;
  bool rules = false;
  app.add_option("--train", train, "training CoNLL-U (UD English EWT train)");
  app.add_option("--dev", dev, "development CoNLL-U: per-epoch scores, best epoch kept");
  app.add_option("-o,--output", output, "model file to write (models/sentsplit.model)");
  app.add_option("--epochs", opts.epochs, "training epochs")->capture_default_str();
  app.add_option("--seed", opts.seed, "shuffling seed")->capture_default_str();
  app.add_option("--eval", eval, "score the tokenizer on these CoNLL-U files instead of training");
  app.add_option("--model", model, "with --eval: model to score (default: none, see --rules)");
  app.add_flag("--rules", rules, "with --eval: score the rule fallback");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  auto on_error = [](const std::string& m) {
    std::fprintf(stderr, "annals train sentsplit: %s\n", m.c_str());
  };
  auto load = [&](const std::string& path) -> Result<nlp::tokenize::UdRawText> {
    return nlp::tokenize::LoadUdRawText(path, on_error);
  };
  if (!eval.empty()) {
    std::optional<nlp::tokenize::SentenceModel> m;
    if (!rules) {
      if (model.empty()) {
        std::fprintf(stderr, "annals train sentsplit: --eval needs --model FILE or --rules\n");
        return kExitUsage;
      }
      Result<nlp::tokenize::SentenceModel> r = nlp::tokenize::SentenceModel::Load(model);
      if (!r.ok()) {
        std::fprintf(stderr, "annals train sentsplit: %s\n", r.status().ToString().c_str());
        return kExitFailure;
      }
      m = std::move(*r);
    }
    int done = 0;
    for (const std::string& path : eval) {
      Result<nlp::tokenize::UdRawText> raw = load(path);
      if (!raw.ok()) {
        std::fprintf(stderr, "annals train sentsplit: %s: %s\n", path.c_str(),
                     raw.status().ToString().c_str());
        continue;
      }
      PrintScores(path, nlp::tokenize::EvaluateSegmentation(*raw, m ? &*m : nullptr));
      ++done;
    }
    return done > 0 ? kExitOk : kExitFailure;
  }
  if (train.empty() || output.empty()) {
    std::fprintf(stderr, "annals train sentsplit: --train and -o are required (or --eval)\n");
    return kExitUsage;
  }
  Result<nlp::tokenize::UdRawText> tr = load(train);
  if (!tr.ok()) {
    std::fprintf(stderr, "annals train sentsplit: %s: %s\n", train.c_str(),
                 tr.status().ToString().c_str());
    return kExitFailure;
  }
  std::optional<nlp::tokenize::UdRawText> dv;
  if (!dev.empty()) {
    Result<nlp::tokenize::UdRawText> r = load(dev);
    if (!r.ok()) {
      std::fprintf(stderr, "annals train sentsplit: %s: %s\n", dev.c_str(),
                   r.status().ToString().c_str());
      return kExitFailure;
    }
    dv = std::move(*r);
  }
  auto log = [](const std::string& m) { std::fprintf(stderr, "%s\n", m.c_str()); };
  Result<nlp::tokenize::SentenceModel> m =
      nlp::tokenize::TrainSentsplit(*tr, dv ? &*dv : nullptr, opts, log);
  if (!m.ok()) {
    std::fprintf(stderr, "annals train sentsplit: %s\n", m.status().ToString().c_str());
    return kExitFailure;
  }
  std::string recipe = "annals train sentsplit --train " + train +
                       (dev.empty() ? "" : " --dev " + dev) + " --epochs " +
                       std::to_string(opts.epochs) + " --seed " + std::to_string(opts.seed);
  std::string bytes = m->Serialize(recipe);
  FILE* f = std::fopen((output + ".tmp").c_str(), "wb");
  if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() ||
      std::fclose(f) != 0 || std::rename((output + ".tmp").c_str(), output.c_str()) != 0) {
    std::fprintf(stderr, "annals train sentsplit: %s: cannot write\n", output.c_str());
    return kExitFailure;
  }
  std::fprintf(stderr, "wrote %s (%zu bytes)\n", output.c_str(), bytes.size());
  PrintScores("train", nlp::tokenize::EvaluateSegmentation(*tr, &*m));
  if (dv) PrintScores("dev", nlp::tokenize::EvaluateSegmentation(*dv, &*m));
  return kExitOk;
}

}  // namespace annals::cli
