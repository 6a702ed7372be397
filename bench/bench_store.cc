// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Store queries over a synthetic event database (docs/benchmarks.md, "Store").
//
//   ANNALS_BENCH_STORE_DB      the database: a file path (SQLite) or a postgresql:// URL. Default:
//                              a temporary SQLite file, removed at exit.
//   ANNALS_BENCH_STORE_EVENTS  events to hold (default 20000). A database holding fewer is topped
//                              up by the generator (deterministic: document n always has the same
//                              events), so a large database is generated once and reused.
//
//   BM_QueryDyad             `query dyad CHN RUS --by month` over all ten years.
//   BM_QueryEventsActorDate  `query events --actor RUS --from 2020-03-01 --to 2020-03-31`, first
//                            100 rows (counter rows = rows returned).
//   BM_TopActors / BM_Network  over one month.
// Counters on every benchmark: events in the database, event_bytes_per_event (events,
// event_actors, the rollups and their indexes, divided by events) and
// text_bytes_per_event (documents and the
// full-text index, divided by events).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "annals/store.h"

#ifdef ANNALS_HAVE_POSTGRES
#include <pqxx/pqxx>
#endif

namespace {

using annals::Event;
using annals::Result;
using annals::Store;

// A small deterministic generator (SplitMix64).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t s_;
};

// Countries drawn with Zipf-like weights 1/rank: the first few take part in most events, as the
// big powers do in news-coded data; the rest form a long tail.
const char* const kCountries[] = {
    "USA", "RUS", "CHN", "UKR", "ISR", "GBR", "FRA", "DEU", "IRN", "IND", "TUR", "JPN", "PAK",
    "SYR", "KOR", "PRK", "SAU", "EGY", "AFG", "IRQ", "BRA", "CAN", "AUS", "ITA", "ESP", "POL",
    "NGA", "ZAF", "MEX", "VEN", "IDN", "PHL", "VNM", "THA", "MMR", "ETH", "SDN", "SOM", "KEN",
    "LBY", "YEM", "LBN", "JOR", "QAT", "ARE", "BLR", "GEO", "ARM", "AZE", "KAZ", "SRB", "HUN",
    "GRC", "NLD", "BEL", "SWE", "NOR", "FIN", "CHE", "AUT", "CZE", "ROU", "BGR", "PRT", "IRL",
    "ARG", "CHL", "COL", "PER", "CUB", "MAR", "DZA", "TUN", "MLI", "NER", "TCD", "COD", "UGA",
    "RWA", "TZA", "MOZ", "ZWE", "AGO", "GHA", "SEN", "CMR", "BGD", "LKA", "NPL", "MNG", "TWN",
    "SGP", "MYS", "KHM", "LAO", "NZL", "ISL", "DNK", "EST", "LVA"};
constexpr size_t kCountryCount = sizeof(kCountries) / sizeof(kCountries[0]);
const char* const kAgents[] = {"", "GOV", "MIL", "GOV", "OPP", "BUS", "MED", "CVL", "JUD", "REB"};

struct Code {
  const char* cameo;
  int quad;
  double goldstein;
};
const Code kCodes[] = {
    {"010", 1, 0.0},   {"020", 1, 3.0},   {"036", 1, 4.0},  {"040", 1, 1.0},  {"042", 1, 1.9},
    {"043", 1, 2.8},   {"046", 1, 4.0},   {"051", 1, 3.4},  {"057", 1, 8.0},  {"061", 2, 6.4},
    {"070", 2, 7.0},   {"071", 2, 7.4},   {"081", 2, 5.0},  {"0874", 2, 5.0}, {"111", 3, -2.0},
    {"112", 3, -2.0},  {"120", 3, -4.0},  {"130", 3, -4.4}, {"138", 3, -7.0}, {"141", 3, -6.5},
    {"160", 3, -4.0},  {"172", 4, -5.0},  {"173", 4, -5.0}, {"180", 4, -9.0}, {"190", 4, -10.0},
    {"193", 4, -10.0}, {"195", 4, -10.0},
};
constexpr size_t kCodeCount = sizeof(kCodes) / sizeof(kCodes[0]);

struct PlaceSeed {
  const char* name;
  const char* iso3;
  const char* fips;
  double lat, lon;
};
const PlaceSeed kPlaces[] = {
    {"Kyiv", "UKR", "UP", 50.45, 30.52},        {"Kursk", "RUS", "RS", 51.73, 36.19},
    {"Moscow", "RUS", "RS", 55.75, 37.62},      {"Beijing", "CHN", "CH", 39.90, 116.41},
    {"Washington", "USA", "US", 38.90, -77.04}, {"Gaza", "PSE", "GZ", 31.50, 34.47},
    {"Tehran", "IRN", "IR", 35.69, 51.39},      {"Geneva", "CHE", "SZ", 46.20, 6.15},
    {"Khartoum", "SDN", "SU", 15.50, 32.56},    {"Kabul", "AFG", "AF", 34.53, 69.17},
    {"Damascus", "SYR", "SY", 33.51, 36.29},    {"New Delhi", "IND", "IN", 28.61, 77.21},
};
constexpr size_t kPlaceCount = sizeof(kPlaces) / sizeof(kPlaces[0]);

constexpr int kEventsPerDocument = 10;

size_t ZipfCountry(Rng& rng) {
  static std::vector<double> cumulative = [] {
    std::vector<double> c;
    double sum = 0;
    for (size_t i = 0; i < kCountryCount; ++i) c.push_back(sum += 1.0 / (i + 1));
    for (double& x : c) x /= sum;
    return c;
  }();
  double u = rng.Uniform();
  size_t i = std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin();
  return std::min(i, kCountryCount - 1);
}

annals::ActorRef Actor(Rng& rng, size_t country) {
  std::string code = std::string(kCountries[country]) + kAgents[rng.Below(10)];
  return {.code = code, .text = "the " + code + " side"};  // Its span is set with the sentence.
}

std::string Date(int day) {  // Day 0 = 2015-01-01; ten years of days.
  int y = 2015, d = day;
  auto leap = [](int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; };
  while (d >= (leap(y) ? 366 : 365)) d -= leap(y) ? 366 : 365, ++y;
  static const int kMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int m = 0;
  while (d >= kMonth[m] + (m == 1 && leap(y))) d -= kMonth[m] + (m == 1 && leap(y)), ++m;
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m + 1, d + 1);
  return buf;
}

// Document n and its events (always the same for the same n).
void MakeDocument(int64_t n, annals::Document* doc, std::vector<Event>* events) {
  Rng rng(static_cast<uint64_t>(n) * 7919 + 17);
  std::string date = Date(static_cast<int>(rng.Below(3652)));
  doc->id = "doc" + std::to_string(n);
  doc->url = "https://news.example/" + std::to_string(n);
  doc->source = "source" + std::to_string(rng.Below(500));
  doc->title = "Report " + std::to_string(n);
  doc->date = date;
  doc->text.clear();
  events->clear();
  for (int k = 0; k < kEventsPerDocument; ++k) {
    Event e;
    size_t s = ZipfCountry(rng), t = ZipfCountry(rng);
    if (t == s) t = (s + 1 + rng.Below(kCountryCount - 1)) % kCountryCount;
    e.sources.push_back(Actor(rng, s));
    if (rng.Below(5) == 0) e.sources.push_back(Actor(rng, ZipfCountry(rng)));
    e.targets.push_back(Actor(rng, t));
    const Code& c = kCodes[rng.Below(kCodeCount)];
    e.cameo = c.cameo;
    e.cameo_base = e.cameo.substr(0, 3);
    e.cameo_root = e.cameo.substr(0, 2);
    e.quad_class = c.quad;
    e.goldstein = c.goldstein;
    e.date = date;
    e.date_precision = "day";
    e.sentence_index = k;
    e.negated = rng.Below(20) == 0;
    e.hypothetical = rng.Below(30) == 0;
    if (rng.Below(2) == 0) {
      const PlaceSeed& p = kPlaces[rng.Below(kPlaceCount)];
      e.place = annals::Place{.name = p.name,
                              .feature = "city",
                              .iso3 = p.iso3,
                              .fips = p.fips,
                              .geonames_id = static_cast<int64_t>(1000 + rng.Below(kPlaceCount)),
                              .lat = p.lat,
                              .lon = p.lon};
    }
    // The sentence names every actor, and each actor's span is its mention in the document, as
    // the coder writes them.
    const uint32_t begin = static_cast<uint32_t>(doc->text.size());
    auto mention = [&](annals::ActorRef& a, const char* before) {
      doc->text += before;
      a.span = {static_cast<uint32_t>(doc->text.size()),
                static_cast<uint32_t>(doc->text.size() + a.text.size())};
      doc->text += a.text;
    };
    for (size_t i = 0; i < e.sources.size(); ++i) mention(e.sources[i], i == 0 ? "" : " and ");
    const uint32_t predicate = static_cast<uint32_t>(doc->text.size() + 1);
    mention(e.targets[0], " met ");
    doc->text += " (code " + e.cameo + ") on " + date + ". ";
    e.sentence_span = {begin, static_cast<uint32_t>(doc->text.size())};
    e.predicate_span = {predicate, predicate + 3};
    e.pattern_id = "p" + std::to_string(rng.Below(15000));
    events->push_back(std::move(e));
  }
}

struct Sizes {
  double event_bytes = 0;
  double text_bytes = 0;
};

Sizes MeasureSqlite(const std::string& path) {
  Sizes out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) return out;
  sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  sqlite3_stmt* s = nullptr;
  // dbstat: bytes of every table and index page; documents* are the text side.
  if (sqlite3_prepare_v2(db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name", -1, &s,
                         nullptr) == SQLITE_OK) {
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string name = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
      double bytes = sqlite3_column_double(s, 1);
      (name.rfind("documents", 0) == 0 || name.rfind("sqlite_autoindex_documents", 0) == 0
           ? out.text_bytes
           : out.event_bytes) += bytes;
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

Sizes MeasurePostgres(const std::string& url) {
  Sizes out;
#ifdef ANNALS_HAVE_POSTGRES
  try {
    pqxx::connection c(url);
    pqxx::nontransaction n(c);
    n.exec("VACUUM ANALYZE");
    pqxx::result r = n.exec(
        "SELECT pg_total_relation_size('events') + pg_total_relation_size('event_actors') + "
        "pg_total_relation_size('event_days') + "
        "pg_total_relation_size('dyad_periods'), "
        "pg_total_relation_size('documents')");
    out.event_bytes = r[0][0].as<double>();
    out.text_bytes = r[0][1].as<double>();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_store: measuring sizes: %s\n", e.what());
  }
#endif
  return out;
}

struct Fixture {
  std::string db;
  bool temporary = false;
  std::unique_ptr<Store> store;
  int64_t events = 0;
  Sizes sizes;

  Fixture() {
    const char* env = std::getenv("ANNALS_BENCH_STORE_DB");
    if (env && *env) {
      db = env;
    } else {
      db = "/tmp/annals-bench-store-" + std::to_string(getpid()) + ".db";
      temporary = true;
    }
    const char* n_env = std::getenv("ANNALS_BENCH_STORE_EVENTS");
    int64_t want = n_env && *n_env ? std::atoll(n_env) : 20000;
    // A large page cache while the generator fills the database (bench-only; the default is 64).
    const char* cache_env = std::getenv("ANNALS_BENCH_STORE_CACHE_MIB");
    int cache_mib = cache_env && *cache_env ? std::atoi(cache_env) : 64;
    Result<std::unique_ptr<Store>> opened = Store::Open({.path = db, .cache_mib = cache_mib});
    if (!opened.ok()) {
      std::fprintf(stderr, "bench_store: %s\n", opened.status().ToString().c_str());
      std::exit(1);
    }
    store = std::move(*opened);
    events = *store->CountEvents();
    if (events < want) Generate(want);
    sizes = annals::IsPostgresUrl(db) ? MeasurePostgres(db) : MeasureSqlite(db);
  }
  ~Fixture() {
    store.reset();
    if (temporary) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
    }
  }

  // Index names and their CREATE statements, read from a SQLite database's schema.
  static std::vector<std::pair<std::string, std::string>> DeferredIndexes(sqlite3* db) {
    std::vector<std::pair<std::string, std::string>> out;
    sqlite3_stmt* s = nullptr;
    // Indexes that take one random insert per event or actor; the rest stay (the document
    // lookups PutDocument needs, and events_document, which PutEvents deletes by).
    const char* sql =
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND name IN "
        "('events_date', 'events_group', 'events_day', 'event_actors_code')";
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK) {
      while (sqlite3_step(s) == SQLITE_ROW) {
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)),
                         reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
      }
    }
    sqlite3_finalize(s);
    return out;
  }

  void Generate(int64_t want) {
    auto start = std::chrono::steady_clock::now();
    // Bulk generation into SQLite (ANNALS_BENCH_STORE_DEFER_INDEXES=1): the per-event secondary
    // indexes are dropped while the store API writes the rows and rebuilt afterwards (SQLite
    // sorts and builds each in one pass), as one bulk-loads any database. The rows are exactly
    // those PutDocument/PutEvents write.
    std::vector<std::pair<std::string, std::string>> deferred;
    sqlite3* raw = nullptr;
    const char* defer_env = std::getenv("ANNALS_BENCH_STORE_DEFER_INDEXES");
    if (!annals::IsPostgresUrl(db) && defer_env && *defer_env == '1' &&
        sqlite3_open(db.c_str(), &raw) == SQLITE_OK) {
      deferred = DeferredIndexes(raw);
      for (const auto& [name, create] : deferred) {
        sqlite3_exec(raw, ("DROP INDEX " + name).c_str(), nullptr, nullptr, nullptr);
      }
    }
    int64_t first = *store->CountDocuments();
    int64_t last = (want + kEventsPerDocument - 1) / kEventsPerDocument;
    annals::Document doc;
    std::vector<Event> evs;
    for (int64_t n = first; n < last;) {
      if (!store->Begin().ok()) std::exit(1);
      for (int64_t end = std::min(last, n + 1000); n < end; ++n) {
        MakeDocument(n, &doc, &evs);
        Result<annals::PutResult> put = store->PutDocument(doc);
        annals::Status st = put.ok() ? store->PutEvents(put->id, evs) : put.status();
        if (!st.ok()) {
          std::fprintf(stderr, "bench_store: %s\n", st.ToString().c_str());
          std::exit(1);
        }
      }
      if (!store->Commit().ok()) std::exit(1);
      if (n % 100000 == 0) {
        double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "bench_store: %lld of %lld documents, %.0f s\n",
                     static_cast<long long>(n), static_cast<long long>(last), secs);
      }
    }
    if (raw != nullptr) {
      for (const auto& [name, create] : deferred) {
        if (sqlite3_exec(raw, create.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
          std::fprintf(stderr, "bench_store: rebuilding %s: %s\n", name.c_str(),
                       sqlite3_errmsg(raw));
          std::exit(1);
        }
      }
      sqlite3_exec(raw, "ANALYZE", nullptr, nullptr, nullptr);
      sqlite3_close(raw);
    }
    events = *store->CountEvents();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "bench_store: generated %lld documents, %lld events in %.1f s (%s)\n",
                 static_cast<long long>(last - first), static_cast<long long>(events), secs,
                 store->Backend());
  }
};

Fixture& Get() {
  static Fixture f;  // Built on first use; a temporary database is removed at exit.
  return f;
}

void Counters(benchmark::State& state, Fixture& f) {
  state.counters["events"] = static_cast<double>(f.events);
  state.counters["event_bytes_per_event"] = f.sizes.event_bytes / std::max<int64_t>(1, f.events);
  state.counters["text_bytes_per_event"] = f.sizes.text_bytes / std::max<int64_t>(1, f.events);
  state.SetLabel(f.store->Backend());
}

void BM_QueryDyad(benchmark::State& state) {
  Fixture& f = Get();
  int64_t periods = 0;
  for (auto _ : state) {
    Result<std::vector<annals::DyadPeriod>> r = f.store->QueryDyad({.a = "CHN", .b = "RUS"});
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    periods = r.ok() ? static_cast<int64_t>(r->size()) : 0;
  }
  Counters(state, f);
  state.counters["rows"] = static_cast<double>(periods);
}
BENCHMARK(BM_QueryDyad)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_QueryEventsActorDate(benchmark::State& state) {
  Fixture& f = Get();
  int64_t rows = 0;
  for (auto _ : state) {
    Result<std::vector<annals::StoredEvent>> r = f.store->QueryEvents(
        {.date_from = "2020-03-01", .date_to = "2020-03-31", .actor = "RUS", .limit = 100});
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    rows = r.ok() ? static_cast<int64_t>(r->size()) : 0;
  }
  Counters(state, f);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_QueryEventsActorDate)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TopActors(benchmark::State& state) {
  Fixture& f = Get();
  for (auto _ : state) {
    auto r = f.store->TopActors(
        {.date_from = "2020-03-01", .date_to = "2020-03-31", .limit = 20, .code_length = 3});
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
  }
  Counters(state, f);
}
BENCHMARK(BM_TopActors)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Network(benchmark::State& state) {
  Fixture& f = Get();
  for (auto _ : state) {
    auto r = f.store->Network(
        {.date_from = "2020-03-01", .date_to = "2020-03-31", .limit = 50, .code_length = 3});
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
  }
  Counters(state, f);
}
BENCHMARK(BM_Network)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
