// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Extraction throughput (docs/analysis.md): dates, counts and quotes over an annotated document
// (tokenized, tagged and parsed once, outside the timing), with the data/dict actor matcher.
//
//   BM_Extract    Analyze() on a news-like text written for this benchmark; items = words, so
//                 items_per_second is words/s on one core (extraction only).
//   BM_Annotate   the annotation it needs (tokenize + tag + parse), for scale.
// Benchmarks run from the source root (ANNALS_SOURCE_DIR locates models/ and data/).
#include <benchmark/benchmark.h>

#include <string>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"
#include "annals/extract.h"
#include "extract/annotate.h"

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
  std::unique_ptr<annals::ActorMatcher> matcher;
  std::unique_ptr<annals::extract::Annotator> annotator;
  int64_t words = 0;
  bool ok = false;
};

Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    annals::Result<annals::extract::Annotator> a = annals::extract::Annotator::Create("");
    annals::Result<annals::Dictionary> d = annals::Dictionary::Load({});
    if (!a.ok() || !d.ok()) return fx;
    fx->annotator = std::make_unique<annals::extract::Annotator>(std::move(*a));
    fx->matcher = std::make_unique<annals::ActorMatcher>(*d);
    fx->doc.text = Text(20);
    fx->doc.date = "2026-03-03";
    fx->annotator->Annotate(fx->doc);
    for (const annals::Sentence& s : fx->doc.sentences) fx->words += s.words.size();
    fx->ok = true;
    return fx;
  }();
  return *f;
}

void BM_Extract(benchmark::State& state) {
  Fixture& f = Get();
  if (!f.ok) {
    state.SkipWithError("models/ or data/dict absent");
    return;
  }
  annals::ExtractOptions o;
  o.matcher = f.matcher.get();
  for (auto _ : state) {
    annals::Analysis a = annals::Analyze(f.doc, o);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
  state.counters["words"] = static_cast<double>(f.words);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_Annotate(benchmark::State& state) {
  Fixture& f = Get();
  if (!f.ok) {
    state.SkipWithError("models/ or data/dict absent");
    return;
  }
  for (auto _ : state) {
    annals::Document d;
    d.text = f.doc.text;
    f.annotator->Annotate(d);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * f.words);
}
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond);

}  // namespace
