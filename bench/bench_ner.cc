// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Entity recognition throughput on Universal NER English EWT dev (words tagged beforehand by the
// committed tagger), one thread, and model load time. Needs models/ner.model, models/tagger.model
// and ../shared (ANNALS_SHARED); items = words.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "annals/ner.h"
#include "annals/pipeline.h"
#include "annals/tagger.h"
#include "nlp/ner/iob.h"

namespace {

std::string SharedDir() {
  if (const char* env = std::getenv("ANNALS_SHARED")) return env;
  if (const char* env = std::getenv("ANNALS_SOURCE_DIR")) return std::string(env) + "/../shared";
  std::string file = __FILE__;  // <source>/bench/bench_ner.cc, or a relative path under ccache
  size_t cut = file.rfind("/bench/");
  if (file.empty() || file[0] != '/' || cut == std::string::npos)
    return "../shared";  // From the root.
  return file.substr(0, cut) + "/../shared";
}

std::string ModelPath(const char* name) { return annals::Pipeline::DefaultModelDir() + "/" + name; }

void BM_RecognizeUnerEwtDev(benchmark::State& state) {
  annals::Result<annals::Tagger> tagger = annals::Tagger::Load(ModelPath("tagger.model"));
  annals::Result<annals::EntityRecognizer> ner =
      annals::EntityRecognizer::Load(ModelPath("ner.model"));
  if (!tagger.ok() || !ner.ok()) {
    state.SkipWithError("models/tagger.model or models/ner.model missing");
    return;
  }
  std::vector<annals::Sentence> sentences;
  annals::Status st = annals::nlp::ner::ReadIobFile(
      SharedDir() + "/data/uner-english-ewt/en_ewt-ud-dev.iob2", annals::nlp::ner::IobFormat::kIob2,
      [&](annals::nlp::ner::LabeledSentence&& s) {
        tagger->Tag(s.sentence);
        sentences.push_back(std::move(s.sentence));
      },
      [](const std::string&) {});
  if (!st.ok() || sentences.empty()) {
    state.SkipWithError("../shared/data/uner-english-ewt/en_ewt-ud-dev.iob2 absent");
    return;
  }
  size_t words = 0;
  for (const annals::Sentence& s : sentences) words += s.words.size();
  size_t entities = 0;
  for (auto _ : state) {
    for (const annals::Sentence& s : sentences) entities += ner->Recognize(s).size();
    benchmark::DoNotOptimize(entities);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words));
}
BENCHMARK(BM_RecognizeUnerEwtDev)->Unit(benchmark::kMillisecond);

void BM_LoadNerModel(benchmark::State& state) {
  for (auto _ : state) {
    annals::Result<annals::EntityRecognizer> ner =
        annals::EntityRecognizer::Load(ModelPath("ner.model"));
    if (!ner.ok()) {
      state.SkipWithError(ner.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(&*ner);
  }
}
BENCHMARK(BM_LoadNerModel)->Unit(benchmark::kMillisecond);

}  // namespace
