// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Tokenize + sentence split throughput in words/s (items = syntactic words), one thread.
//   BM_TokenizeSynthetic: ~1 MB of generated wire-style English (deterministic).
//   BM_TokenizeEwtDev:    the raw text of UD EWT dev (skipped without ../shared).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>
#include <string>

#include "annals/tokenizer.h"
#include "nlp/tokenize/ud_eval.h"

namespace {

const annals::Tokenizer& Tok() {
  static const annals::Tokenizer* tok = [] {
    annals::Result<annals::Tokenizer> t = annals::Tokenizer::Create({});
    if (!t.ok()) std::abort();
    return new annals::Tokenizer(std::move(*t));
  }();
  return *tok;
}

std::string SyntheticText(size_t bytes) {
  // Sentences of 8-30 words drawn from wire-style pieces, four to eight sentences a paragraph.
  static const char* kPieces[] = {"President",
                                  "Xi",
                                  "Jinping",
                                  "said",
                                  "on",
                                  "Tuesday",
                                  "that",
                                  "the",
                                  "U.S.",
                                  "and",
                                  "Russia's",
                                  "leaders",
                                  "didn't",
                                  "agree",
                                  "to",
                                  "a",
                                  "15,000-strong",
                                  "force",
                                  "of",
                                  "3.5",
                                  "percent",
                                  "in",
                                  "the",
                                  "1990s",
                                  "Gen.",
                                  "Smith",
                                  "\"we",
                                  "will",
                                  "not",
                                  "back",
                                  "down,\"",
                                  "he",
                                  "said",
                                  "shares",
                                  "of",
                                  "GAZP.MM",
                                  "fell",
                                  "after",
                                  "e-mail",
                                  "reports",
                                  "(see",
                                  "https://example.com/a)",
                                  "—",
                                  "officials",
                                  "can't",
                                  "say",
                                  "talks",
                                  "ended",
                                  "No.",
                                  "10",
                                  "Downing",
                                  "St.",
                                  "hosted",
                                  "them",
                                  "Sept.",
                                  "2",
                                  "well-known",
                                  "$1.2",
                                  "billion"};
  const size_t n = sizeof(kPieces) / sizeof(kPieces[0]);
  std::mt19937 rng(42);
  std::string text = "BEIJING, Sept 2 (Reuters) – ";
  int sentences = 0;
  while (text.size() < bytes) {
    int len = 8 + static_cast<int>(rng() % 23);
    for (int k = 0; k < len; ++k) {
      std::string w = kPieces[rng() % n];
      if (k == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
      text += w;
      text += k + 1 < len ? " " : "";
    }
    text += (rng() % 10 == 0) ? "?" : ".";
    text += (++sentences % (4 + rng() % 5) == 0) ? "\n\n" : " ";
  }
  return text;
}

void Run(benchmark::State& state, const std::string& text) {
  int64_t words = 0;
  for (auto _ : state) {
    std::vector<annals::Sentence> s = Tok().Split(text);
    int64_t n = 0;
    for (const annals::Sentence& x : s) n += static_cast<int64_t>(x.words.size());
    words += n;
    benchmark::DoNotOptimize(s.data());
  }
  state.SetItemsProcessed(words);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_TokenizeSynthetic(benchmark::State& state) {
  static const std::string text = SyntheticText(1 << 20);
  Run(state, text);
}
BENCHMARK(BM_TokenizeSynthetic)->Unit(benchmark::kMillisecond);

void BM_TokenizeEwtDev(benchmark::State& state) {
  const char* shared = std::getenv("ANNALS_SHARED");
  std::string path = std::string(shared ? shared : "../shared") + "/data/ud-english-ewt/dev.conllu";
  static annals::Result<annals::nlp::tokenize::UdRawText> raw =
      annals::nlp::tokenize::LoadUdRawText(path, [](const std::string&) {});
  if (!raw.ok()) {
    state.SkipWithError("../shared absent: EWT dev not found");
    return;
  }
  Run(state, raw->text);
}
BENCHMARK(BM_TokenizeEwtDev)->Unit(benchmark::kMillisecond);

}  // namespace
