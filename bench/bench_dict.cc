// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Dictionary load time, resident memory and matching throughput (docs/benchmarks.md).
//
//   BM_LoadPhoenix      load all of ../shared/data/phoenix-dictionaries; counter rss_mb = resident
//                       memory growth of the first load in the process (MB), dictionary alive.
//   BM_MatchPhoenix     match news-like sentences (written by us) against the Phoenix set;
//                       items = words, so items_per_second is words/s on one core.
//   BM_LoadMini / BM_MatchMini   the same with src/dict/testdata/default-mini (always present).
// Benchmarks run from the source root (scripts/bench does) or with ANNALS_SOURCE_DIR set.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"

namespace {

std::string Root() {
  const char* env = std::getenv("ANNALS_SOURCE_DIR");
  if (env && *env) return env;
#ifdef ANNALS_SOURCE_DIR
  return ANNALS_SOURCE_DIR;
#else
  return ".";
#endif
}

std::string PhoenixDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  std::string shared = env && *env ? env : Root() + "/../shared";
  return shared + "/data/phoenix-dictionaries";
}

std::string MiniDir() { return Root() + "/src/dict/testdata/default-mini"; }

double RssMb() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  long pages = 0, rss = 0;
  if (std::fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
  std::fclose(f);
  return static_cast<double>(rss) * 4096.0 / (1024.0 * 1024.0);
}

// Sentences written for this benchmark: names, agents, possessives, coordination, and plenty of
// words that match nothing, as in news text.
const char* const kSentences[] = {
    "Chinese President Xi Jinping hosted Russian President Vladimir Putin and North Korean leader "
    "Kim Jong Un at a military parade in Beijing on Wednesday , state media reported .",
    "Trump 's Treasury Secretary Scott Bessent said the sanctions would remain in place until "
    "the talks in Geneva produced a written agreement .",
    "Indian Prime Minister Narendra Modi met officials of the Shanghai Cooperation Organization "
    "and discussed trade , energy and border security with his counterparts .",
    "The South Korea intelligence agency said North Korean soldiers had been sent to help "
    "Russian troops near the border last month .",
    "Gazprom and China National Petroleum Corporation signed a memorandum on a new pipeline that "
    "would carry gas across Mongolia for thirty years .",
    "NATO foreign ministers will meet in Brussels next week to discuss the war in Ukraine and "
    "the cost of air defence for eastern members .",
    "the Iranian leader warned that any attack on nuclear sites would be met with force , "
    "according to a statement read on television .",
    "Police in the capital arrested dozens of protesters after a rally against rising prices "
    "turned violent late on Saturday night .",
    "Turkey and Jordan offered to mediate while the US envoy flew to Cairo for talks with "
    "Egyptian and Qatari officials .",
    "Farmers in the north said the drought had destroyed half of the wheat harvest and asked "
    "the government for emergency aid .",
};

std::vector<std::vector<std::string>> Corpus() {
  std::vector<std::vector<std::string>> out;
  for (const char* s : kSentences) {
    std::vector<std::string> words;
    std::string cur;
    for (const char* p = s;; ++p) {
      if (*p == ' ' || *p == 0) {
        if (!cur.empty()) words.push_back(cur);
        cur.clear();
        if (*p == 0) break;
      } else {
        cur.push_back(*p);
      }
    }
    out.push_back(std::move(words));
  }
  return out;
}

void Load(benchmark::State& state, const std::string& dir) {
  if (!std::filesystem::is_directory(dir)) {
    state.SkipWithError(("absent: " + dir).c_str());
    return;
  }
  annals::DictionaryOptions options;
  options.dirs = {dir};
  // Resident growth of the first load of this directory in the process (later loads reuse memory
  // the allocator kept, so only the first is measured), with the dictionary still alive.
  static std::map<std::string, double> first_growth;
  if (!first_growth.count(dir)) {
    double before = RssMb();
    annals::Result<annals::Dictionary> d = annals::Dictionary::Load(options);
    first_growth[dir] = RssMb() - before;
  }
  for (auto _ : state) {
    annals::Result<annals::Dictionary> d = annals::Dictionary::Load(options);
    if (!d.ok()) {
      state.SkipWithError(d.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(d->counts());
  }
  state.counters["rss_mb"] = first_growth[dir];
}

void Match(benchmark::State& state, const std::string& dir) {
  if (!std::filesystem::is_directory(dir)) {
    state.SkipWithError(("absent: " + dir).c_str());
    return;
  }
  annals::DictionaryOptions options;
  options.dirs = {dir};
  annals::Result<annals::Dictionary> d = annals::Dictionary::Load(options);
  if (!d.ok()) {
    state.SkipWithError(d.status().message().c_str());
    return;
  }
  annals::ActorMatcher matcher(*d);
  annals::MatchOptions mo;
  mo.day = *annals::ParseIsoDay("2025-09-02");
  std::vector<std::vector<std::string>> corpus = Corpus();
  int64_t words = 0, matches = 0;
  for (auto _ : state) {
    for (const auto& sentence : corpus) {
      std::vector<annals::ActorMatch> m = matcher.MatchForms(sentence, mo);
      matches += static_cast<int64_t>(m.size());
      words += static_cast<int64_t>(sentence.size());
    }
  }
  state.SetItemsProcessed(words);
  state.counters["matches_per_sentence"] =
      benchmark::Counter(static_cast<double>(matches) /
                         static_cast<double>(state.iterations() * std::size(kSentences)));
}

void BM_LoadPhoenix(benchmark::State& state) { Load(state, PhoenixDir()); }
void BM_MatchPhoenix(benchmark::State& state) { Match(state, PhoenixDir()); }
void BM_LoadMini(benchmark::State& state) { Load(state, MiniDir()); }
void BM_MatchMini(benchmark::State& state) { Match(state, MiniDir()); }

BENCHMARK(BM_LoadPhoenix)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchPhoenix);
BENCHMARK(BM_LoadMini)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchMini);

}  // namespace
