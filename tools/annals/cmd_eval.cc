// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals eval ud --gold FILE [--raw] [--json] [--models DIR] [--system FILE]`: scores the
// pipeline (or a system CoNLL-U file) against gold CoNLL-U, CoNLL 2018 style (src/nlp/eval/).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "annals/parser.h"
#include "annals/pipeline.h"
#include "commands.h"
#include "nlp/conllu.h"
#include "nlp/eval/ud_eval.h"

namespace annals::cli {
namespace {

// Reads a CoNLL-U file into a corpus; bad blocks are reported (one line each) and skipped.
bool ReadCorpus(const std::string& path, nlp::eval::UdCorpus& corpus, size_t& bad) {
  Status st = nlp::ReadConlluFile(
      path, [&](nlp::ConlluSentence&& s) { nlp::eval::AppendSentence(corpus, std::move(s)); },
      [&](const std::string& message) {
        ++bad;
        std::fprintf(stderr, "annals eval: %s (sentence skipped)\n", message.c_str());
      });
  if (!st.ok()) {
    std::fprintf(stderr, "annals eval: %s\n", st.ToString().c_str());
    return false;
  }
  return true;
}

double Percent(double v) { return std::round(v * 10000.0) / 100.0; }

int RunEvalUd(int argc, char** argv) {
  CLI::App app{"Score the NLP pipeline against gold CoNLL-U (CoNLL 2018 shared-task metrics)",
               "annals eval ud"};
  std::string gold_path, system_path, model_dir;
  bool raw = false, json = false;
  app.add_option("--gold", gold_path, "gold CoNLL-U file")->required();
  app.add_flag("--raw", raw,
               "run the whole pipeline on the gold text and align on characters (default: tag "
               "and parse the gold tokenization)");
  app.add_flag("--json", json, "print one JSON object");
  app.add_option("--models", model_dir, "model directory (default: see PipelineOptions)");
  int beam = 0;
  app.add_option("--beam", beam, "parser beam width (0: the model's own)")
      ->capture_default_str()
      ->check(CLI::Range(0, kMaxParserBeam));
  app.add_option("--system", system_path,
                 "score this system CoNLL-U file instead of running the pipeline");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  nlp::eval::UdCorpus gold;
  size_t bad = 0;
  if (!ReadCorpus(gold_path, gold, bad)) return kExitFailure;
  if (gold.sentences.empty()) {
    std::fprintf(stderr, "annals eval: %s: no sentences could be read\n", gold_path.c_str());
    return kExitFailure;
  }

  nlp::eval::UdCorpus system;
  double seconds = 0;
  if (!system_path.empty()) {
    if (!ReadCorpus(system_path, system, bad)) return kExitFailure;
  } else {
    PipelineOptions options;
    options.model_dir = model_dir;
    options.parser_beam = beam;
    Result<Pipeline> pipeline = Pipeline::Create(options);
    if (!pipeline.ok()) {
      std::fprintf(stderr, "annals eval: %s\n", pipeline.status().ToString().c_str());
      return kExitFailure;
    }
    auto start = std::chrono::steady_clock::now();
    if (raw) {
      Document doc;
      doc.text = gold.text;
      pipeline->Annotate(doc);
      system.text = std::move(doc.text);
      system.sentences = std::move(doc.sentences);
    } else {
      system = gold;
      start = std::chrono::steady_clock::now();
      for (Sentence& s : system.sentences) {
        for (Word& w : s.words) {
          w.lemma.clear();
          w.upos.clear();
          w.xpos.clear();
          w.feats.clear();
          w.head = -1;
          w.deprel.clear();
        }
        pipeline->AnnotateSentence(s);
      }
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  Result<nlp::eval::UdScores> scores = nlp::eval::EvaluateUd(gold, system);
  if (!scores.ok()) {
    std::fprintf(stderr, "annals eval: %s\n", scores.status().ToString().c_str());
    return kExitFailure;
  }
  const nlp::eval::UdScores& r = *scores;
  std::vector<std::pair<const char*, const nlp::eval::Score*>> metrics = {
      {"tokens", &r.tokens}, {"sentences", &r.sentences}, {"words", &r.words}, {"upos", &r.upos},
      {"xpos", &r.xpos},     {"ufeats", &r.ufeats},       {"lemma", &r.lemma}};
  if (r.has_heads) {
    metrics.push_back({"uas", &r.uas});
    metrics.push_back({"las", &r.las});
    metrics.push_back({"clas", &r.clas});
  }
  double wps = seconds > 0 ? static_cast<double>(r.words.system) / seconds : 0;
  if (json) {
    nlohmann::ordered_json j;
    j["gold"] = gold_path;
    j["mode"] = !system_path.empty() ? "system" : raw ? "raw" : "gold-tokenization";
    for (const auto& [name, s] : metrics) j[name] = Percent(s->F1());
    j["gold_words"] = r.words.gold;
    j["system_words"] = r.words.system;
    j["words_per_sec"] = std::round(wps);
    j["skipped_sentences"] = bad;
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf("%-10s %9s %9s %9s %9s\n", "metric", "precision", "recall", "f1", "aligned");
    for (const auto& [name, s] : metrics) {
      std::printf("%-10s %9.2f %9.2f %9.2f %9.2f\n", name, 100 * s->Precision(), 100 * s->Recall(),
                  100 * s->F1(), 100 * s->AlignedAccuracy());
    }
    if (wps > 0) std::printf("words/s    %.0f\n", wps);
  }
  return kExitOk;
}

}  // namespace

int RunEval(int argc, char** argv) {
  constexpr const char* kUsage =
      "Usage: annals eval ud --gold FILE [--raw] [--json] [--models DIR]\n"
      "       annals eval ner --gold FILE [--format iob2|conll] [--json] [--models DIR]\n";
  if (argc >= 2 && std::string_view(argv[1]) == "ner") return RunEvalNer(argc - 1, argv + 1);
  if (argc < 2 || std::string_view(argv[1]) != "ud") {
    if (argc >= 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
      std::printf("%s", kUsage);
      return kExitOk;
    }
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  return RunEvalUd(argc - 1, argv + 1);
}

}  // namespace annals::cli
