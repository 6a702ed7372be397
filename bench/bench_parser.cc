// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Parser speed: BM_ParseEwtDev parses UD English EWT dev (gold tokens and tags, ../shared) with
// the committed models/parser.model on one thread; BM_TagParseEwtDev runs the Pipeline's tagger
// and parser on the same words (the "tag + parse" figure); BM_AnnotateEwtDevText runs the
// whole Pipeline (tokenize + tag + parse) on the raw dev text. The words/s counters (CPU time,
// one thread) are the figures reported in docs/parser.md. BM_ParseLongSentence checks that time
// stays linear in sentence length.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "annals/parser.h"
#include "annals/pipeline.h"
#include "nlp/conllu.h"

namespace {

const annals::Parser* Model() {
  static const annals::Parser* parser = [] {
    annals::Result<annals::Parser> p = annals::Parser::Load(annals::DefaultParserModelPath());
    return p.ok() ? new annals::Parser(std::move(*p)) : nullptr;
  }();
  return parser;
}

const annals::Pipeline* Nlp() {
  static const annals::Pipeline* pipeline = [] {
    annals::Result<annals::Pipeline> p = annals::Pipeline::Create({});
    return p.ok() ? new annals::Pipeline(std::move(*p)) : nullptr;
  }();
  return pipeline;
}

std::vector<annals::Sentence> Dev(std::string* text = nullptr) {
  const char* env = std::getenv("ANNALS_SHARED");
  std::string dir = env != nullptr ? env : "../shared";  // scripts/bench runs from the root.
  std::vector<annals::Sentence> out;
  (void)annals::nlp::ReadConlluFile(
      dir + "/data/ud-english-ewt/dev.conllu",
      [&](annals::nlp::ConlluSentence&& s) {
        if (text != nullptr) {
          if (s.newpar || s.newdoc) *text += "\n\n";
          *text += s.text;
          *text += ' ';
        }
        out.push_back(std::move(s.sentence));
      },
      [](const std::string&) {});
  return out;
}

void BM_TagParseEwtDev(benchmark::State& state) {
  const annals::Pipeline* nlp = Nlp();
  if (nlp == nullptr) {
    state.SkipWithError("models/tagger.model or parser.model did not load");
    return;
  }
  std::vector<annals::Sentence> dev = Dev();
  if (dev.empty()) {
    state.SkipWithError("../shared/data/ud-english-ewt/dev.conllu absent");
    return;
  }
  int64_t words = 0;
  for (auto _ : state) {
    for (annals::Sentence& s : dev) {
      nlp->AnnotateSentence(s);  // Re-tags and re-parses: every field is overwritten.
      words += static_cast<int64_t>(s.words.size());
    }
    benchmark::ClobberMemory();
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagParseEwtDev)->Unit(benchmark::kMillisecond);

void BM_AnnotateEwtDevText(benchmark::State& state) {
  const annals::Pipeline* nlp = Nlp();
  if (nlp == nullptr) {
    state.SkipWithError("models/tagger.model or parser.model did not load");
    return;
  }
  std::string text;
  if (Dev(&text).empty()) {
    state.SkipWithError("../shared/data/ud-english-ewt/dev.conllu absent");
    return;
  }
  int64_t words = 0;
  for (auto _ : state) {
    annals::Document doc;
    doc.text = text;
    nlp->Annotate(doc);
    for (const annals::Sentence& s : doc.sentences) words += static_cast<int64_t>(s.words.size());
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnnotateEwtDevText)->Unit(benchmark::kMillisecond);

void BM_ParseEwtDev(benchmark::State& state) {
  const annals::Parser* parser = Model();
  if (parser == nullptr) {
    state.SkipWithError("models/parser.model did not load");
    return;
  }
  std::vector<annals::Sentence> dev = Dev();
  if (dev.empty()) {
    state.SkipWithError("../shared/data/ud-english-ewt/dev.conllu absent");
    return;
  }
  int64_t words = 0;
  for (auto _ : state) {
    for (annals::Sentence& s : dev) {
      (void)parser->Parse(s);
      words += static_cast<int64_t>(s.words.size());
    }
    benchmark::ClobberMemory();
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseEwtDev)->Unit(benchmark::kMillisecond);

void BM_ParseLongSentence(benchmark::State& state) {
  const annals::Parser* parser = Model();
  if (parser == nullptr) {
    state.SkipWithError("models/parser.model did not load");
    return;
  }
  annals::Sentence s;
  const char* forms[] = {"the", "minister", "said", "that", "troops", "attacked", "villages", ","};
  const char* tags[] = {"DT", "NN", "VBD", "IN", "NNS", "VBD", "NNS", ","};
  for (int i = 0; i < state.range(0); ++i) {
    annals::Word w;
    w.id = i + 1;
    w.form = forms[i % 8];
    w.xpos = tags[i % 8];
    s.words.push_back(w);
  }
  for (auto _ : state) (void)parser->Parse(s);
  state.counters["words/s"] = benchmark::Counter(
      static_cast<double>(state.range(0)) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseLongSentence)->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMicrosecond);

}  // namespace
