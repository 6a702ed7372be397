// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Extraction cost (docs/analysis.md) on a news-like text written for this benchmark, annotated
// (tokenized, tagged, parsed) once outside the timing; items = words, so items_per_second is
// words/s on one core. What `annals code` spends per document is BM_Annotate + BM_Code; what
// `annals analyze` spends is BM_Annotate + BM_Analyze.
//
//   BM_Annotate   tokenize + tag + parse.
//   BM_Code       the event coder (data/dict) on the annotated text.
//   BM_Extract    annals::Analyze(): dates, counts and quotes (with the data/dict matcher).
//   BM_Entities   NER over every sentence (models/ner.model).
//   BM_Analyze    DocumentCoder::Analyze on the annotated text: the coder, NER, the geocoder, the
//                 events' places and annals::Analyze(), as `annals analyze` runs them.
// Benchmarks run from the source root (ANNALS_SOURCE_DIR locates models/ and data/).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "annals/ner.h"
#include "annals/pipeline.h"
#include "ingest/document_coder.h"

namespace {

// Written for this benchmark.
const char* const kParagraphs[] = {
    "SEOUL, March 3 (Annals Wire) - About 300 soldiers were killed on Sunday when artillery hit "
    "a base near the border, according to the defence ministry.",
    "\xE2\x80\x9CWe will respond to every provocation with force,\xE2\x80\x9D said Defence "
    "Minister Park Jae-won, who visited the area yesterday.",
    "Police arrested more than 120 protesters in the capital last week, and the government "
    "pledged $2 billion in aid for the 45,000 people displaced by the fighting.",
    "The president told reporters that talks with Beijing would resume in June 2026, three "
    "years after they collapsed.",
    "Hundreds of refugees crossed into Thailand earlier this month, aid workers said.",
};

std::string Text(int copies) {
  std::string t;
  for (int c = 0; c < copies; ++c) {
    for (const char* p : kParagraphs) {
      if (!t.empty()) t += "\n\n";
      t += p;
    }
  }
  return t;
}

struct Fixture {
  annals::Document doc;
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
    fx->doc.text = Text(20);
    fx->doc.date = "2026-03-03";
    fx->doc.dateline = annals::Dateline{"SEOUL", "March 3", "Annals Wire", {0, 30}};
    if (!fx->coder->Annotate(fx->doc).ok()) return fx;
    for (const annals::Sentence& s : fx->doc.sentences) fx->words += s.words.size();
    fx->ok = true;
    return fx;
  }();
  return *f;
}

#define ANNALS_BENCH_FIXTURE(f)                                                         \
  Fixture& f = Get();                                                                   \
  if (!f.ok) {                                                                          \
    state.SkipWithError("models/ (with ner.model), data/dict or the gazetteer absent"); \
    return;                                                                             \
  }

void BM_Extract(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  annals::ExtractOptions o;
  o.matcher = f.coder->matcher();
  for (auto _ : state) {
    annals::Analysis a = annals::Analyze(f.doc, o);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
  state.counters["words"] = static_cast<double>(f.words);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_Code(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    std::vector<annals::Event> events = f.coder->coder()->Code(f.doc);
    benchmark::DoNotOptimize(events);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Code)->Unit(benchmark::kMillisecond);

void BM_Entities(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    size_t n = 0;
    for (const annals::Sentence& s : f.doc.sentences) n += f.ner->Recognize(s).size();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Entities)->Unit(benchmark::kMillisecond);

void BM_Analyze(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    annals::Document d = f.doc;  // Analyze may set (and restores) the date; keep f.doc as is.
    annals::Analysis a;
    if (!f.coder->Analyze(d, {}, a).ok()) state.SkipWithError("Analyze failed");
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

void BM_Annotate(benchmark::State& state) {
  ANNALS_BENCH_FIXTURE(f);
  for (auto _ : state) {
    annals::Document d;
    d.text = f.doc.text;
    if (!f.coder->Annotate(d).ok()) state.SkipWithError("Annotate failed");
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond);

}  // namespace
