// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Tagger throughput (tag + FEATS + lemma) on UD English EWT dev with gold tokenization, one
// thread. Needs the committed models/tagger.model and ../shared (ANNALS_SHARED); items = words.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "annals/tagger.h"
#include "nlp/conllu.h"

namespace {

std::string SharedDir() {
  if (const char* env = std::getenv("ANNALS_SHARED")) return env;
  if (const char* env = std::getenv("ANNALS_SOURCE_DIR")) return std::string(env) + "/../shared";
  std::string file = __FILE__;  // <source>/bench/bench_tagger.cc, or a relative path under ccache
  size_t cut = file.rfind("/bench/");
  if (file.empty() || file[0] != '/' || cut == std::string::npos)
    return "../shared";  // From the root.
  return file.substr(0, cut) + "/../shared";
}

std::string ModelPath() { return annals::Pipeline::DefaultModelDir() + "/tagger.model"; }

void BM_TagEwtDev(benchmark::State& state) {
  annals::Result<annals::Tagger> tagger = annals::Tagger::Load(ModelPath());
  if (!tagger.ok()) {
    state.SkipWithError(tagger.status().ToString().c_str());
    return;
  }
  std::vector<annals::Sentence> sentences;
  annals::Status st = annals::nlp::ReadConlluFile(
      SharedDir() + "/data/ud-english-ewt/dev.conllu",
      [&](annals::nlp::ConlluSentence&& s) { sentences.push_back(std::move(s.sentence)); },
      [](const std::string&) {});
  if (!st.ok() || sentences.empty()) {
    state.SkipWithError("../shared/data/ud-english-ewt/dev.conllu absent");
    return;
  }
  size_t words = 0;
  for (const annals::Sentence& s : sentences) words += s.words.size();
  for (auto _ : state) {
    for (annals::Sentence& s : sentences) tagger->Tag(s);
    benchmark::DoNotOptimize(sentences.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words));
}
BENCHMARK(BM_TagEwtDev)->Unit(benchmark::kMillisecond);

void BM_LoadTaggerModel(benchmark::State& state) {
  for (auto _ : state) {
    annals::Result<annals::Tagger> tagger = annals::Tagger::Load(ModelPath());
    if (!tagger.ok()) {
      state.SkipWithError(tagger.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(&*tagger);
  }
}
BENCHMARK(BM_LoadTaggerModel)->Unit(benchmark::kMillisecond);

}  // namespace
