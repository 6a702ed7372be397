// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Extraction cost (docs/analysis.md) on the sample corpus (samples/, every article of every
// input format, read once), annotated (tokenized, tagged, parsed) once outside the timing;
// items = words, so items_per_second is words/s on one core. Per document, `annals code` spends
// BM_Annotate + BM_Code (+ writing events); `annals analyze` spends BM_Annotate + BM_Analyze +
// BM_Json.
//
//   BM_Annotate   tokenize + tag + parse.
//   BM_Code       the event coder (data/dict) on the annotated documents.
//   BM_Extract    annals::Analyze(): dates, counts and quotes (with the data/dict matcher).
//   BM_Entities   NER over every sentence (models/ner.model).
//   BM_Analyze    DocumentCoder::Analyze on the annotated documents: the coder, NER, the
//                 geocoder, the events' places and annals::Analyze(), as `annals analyze` runs
//                 them.
//   BM_Json       AnalysisToJson of those analyses (the records `annals analyze` prints).
// Benchmarks run from the source root (ANNALS_SOURCE_DIR locates models/, data/ and samples/).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "annals/ner.h"
#include "annals/pipeline.h"
#include "annals/reader.h"
#include "ingest/document_coder.h"

namespace {

class Collect : public annals::DocumentSink {
 public:
  bool Accept(annals::Document&& d) override {
    docs.push_back(std::move(d));
    return true;
  }
  void OnReject(const annals::Reject&) override {}
  std::vector<annals::Document> docs;
};

struct Fixture {
  std::vector<annals::Document> docs;  // Annotated.
  std::vector<annals::Analysis> analyses;
  std::unique_ptr<annals::ingest::DocumentCoder> coder;
  std::unique_ptr<annals::EntityRecognizer> ner;
  int64_t words = 0;
  bool ok = false;
};

Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    auto c = annals::ingest::DocumentCoder::Create({});
    if (!c.ok() || !(*c)->locates()) return fx;
    fx->coder = std::move(*c);
    auto ner = annals::EntityRecognizer::Load(annals::Pipeline::DefaultModelDir() + "/ner.model");
    if (!ner.ok()) return fx;
    fx->ner = std::make_unique<annals::EntityRecognizer>(std::move(*ner));
    const char* src = std::getenv("ANNALS_SOURCE_DIR");
    Collect read;
    if (!annals::ReadInputs({std::string(src != nullptr ? src : ".") + "/samples"}, {}, read)
             .ok() ||
        read.docs.empty()) {
      return fx;
    }
    for (annals::Document& d : read.docs) {
      if (!fx->coder->Annotate(d).ok()) return fx;
      for (const annals::Sentence& s : d.sentences) fx->words += s.words.size();
      annals::Analysis a;
      annals::Document copy = d;
      if (!fx->coder->Analyze(copy, {}, a).ok()) return fx;
      fx->analyses.push_back(std::move(a));
    }
    fx->docs = std::move(read.docs);
    fx->ok = true;
    return fx;
  }();
  return *f;
}

#define ANNALS_BENCH_FIXTURE(f)                                                                   \
  Fixture& f = Get();                                                                             \
  if (!f.ok) {                                                                                    \
    state.SkipWithError("models/ (with ner.model), data/dict, samples/ or the gazetteer absent"); \
    return;                                                                                       \
  }

void BM_Extract(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  annals::ExtractOptions o;
  o.matcher = f.coder->matcher();
  for (auto _ : state) {
    for (const annals::Document& d : f.docs) {
      annals::Analysis a = annals::Analyze(d, o);
      benchmark::DoNotOptimize(a);
    }
  }
  state.SetItemsProcessed(state.iterations() * f.words);
  state.counters["words"] = static_cast<double>(f.words);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_Code(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    for (const annals::Document& d : f.docs) {
      std::vector<annals::Event> events = f.coder->coder()->Code(d);
      benchmark::DoNotOptimize(events);
    }
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Code)->Unit(benchmark::kMillisecond);

void BM_Entities(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    size_t n = 0;
    for (const annals::Document& d : f.docs) {
      for (const annals::Sentence& s : d.sentences) n += f.ner->Recognize(s).size();
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Entities)->Unit(benchmark::kMillisecond);

void BM_Analyze(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  std::vector<annals::Document> docs = f.docs;  // Analyze may set (and restores) a date.
  for (auto _ : state) {
    for (annals::Document& d : docs) {
      annals::Analysis a;
      if (!f.coder->Analyze(d, {}, a).ok()) state.SkipWithError("Analyze failed");
      benchmark::DoNotOptimize(a);
    }
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

void BM_Json(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    size_t bytes = 0;
    for (size_t i = 0; i < f.docs.size(); ++i) {
      bytes += annals::AnalysisToJson(f.docs[i], f.analyses[i]).size();
    }
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Json)->Unit(benchmark::kMillisecond);

void BM_Annotate(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    for (const annals::Document& doc : f.docs) {
      annals::Document d = doc;
      d.sentences.clear();
      if (!f.coder->Annotate(d).ok()) state.SkipWithError("Annotate failed");
      benchmark::DoNotOptimize(d);
    }
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond);

}  // namespace
