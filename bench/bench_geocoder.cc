// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Gazetteer load time and geocoding throughput (docs/geocoding.md, docs/benchmarks.md).
//
//   BM_GazetteerLoad   Gazetteer::Load() of the built gazetteer; one iteration = one load.
//   BM_Resolve         Geocoder::Resolve over a fixed list of place mentions (written by us, with
//                      context words and document countries); items_per_second = mentions/s.
//   BM_ResolveNearby   the same with three nearby place names in every context.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "annals/geocoder.h"

namespace {

struct Mention {
  const char* text;
  const char* next;
};

const std::vector<Mention>& Mentions() {
  static const std::vector<Mention> m = {
      {"Beijing", ","},       {"Pyongyang", "and"}, {"Kursk", "region"},  {"Tianjin", "that"},
      {"Russia", "and"},      {"North Korea", "."}, {"Georgia", "and"},   {"Paris", "on"},
      {"Washington", "said"}, {"Moscow", "."},      {"Kyiv", ","},        {"Ukraine", "."},
      {"Gaza", "City"},       {"Texas", "."},       {"Springfield", ","}, {"London", "and"},
      {"Donetsk", "region"},  {"Shanghai", "'s"},   {"Tokyo", ","},       {"Nowhereville", "."},
  };
  return m;
}

std::shared_ptr<const annals::Gazetteer> Gaz() {
  static auto g = annals::Gazetteer::Load();
  return g.ok() ? g.value() : nullptr;
}

void BM_GazetteerLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto g = annals::Gazetteer::Load();
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(g.value()->size());
  }
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond);

void Resolve(benchmark::State& state, bool nearby) {
  auto g = Gaz();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer");
    return;
  }
  annals::Geocoder geo(g);
  annals::GeoContext ctx;
  ctx.countries = {"CHN", "RUS", "PRK"};
  if (nearby) ctx.nearby = {"Beijing", "Moscow", "Kursk"};
  size_t found = 0, n = 0;
  for (auto _ : state) {
    for (const Mention& m : Mentions()) {
      ctx.next_word = m.next;
      auto r = geo.Resolve(m.text, ctx);
      found += r.ok();
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
  state.counters["found_fraction"] = n ? static_cast<double>(found) / n : 0;
}

void BM_Resolve(benchmark::State& state) { Resolve(state, false); }
void BM_ResolveNearby(benchmark::State& state) { Resolve(state, true); }
BENCHMARK(BM_Resolve);
BENCHMARK(BM_ResolveNearby);

}  // namespace
