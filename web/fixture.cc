// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// annals_web_fixture DB TRUTH.json: writes a synthetic but plausible database for the browser suite
// (documents whose sentences carry coded events, with spans, places and patterns) through the Store
// API, and a JSON file of facts counted here, independently of the store's queries, that the
// browser tests compare with what the dashboard shows.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/store.h"

namespace {

struct Actor {
  const char* code;
  const char* text;
};
struct Verb {
  const char* cameo;
  int quad;
  double goldstein;
  const char* text;
  const char* plover;
};
struct City {
  const char* name;
  const char* iso3;
  double lat, lon;
};

constexpr Actor kActors[] = {{"USAGOV", "American officials"},
                             {"CHNGOV", "Chinese officials"},
                             {"RUSGOV", "The Kremlin"},
                             {"UKRGOV", "Kyiv"},
                             {"RUSMIL", "Russian forces"},
                             {"UKRMIL", "Ukrainian troops"},
                             {"FRAGOV", "The French government"},
                             {"DEUGOV", "Berlin"},
                             {"IRNGOV", "Tehran"},
                             {"ISRMIL", "Israeli forces"},
                             {"EGYGOV", "Egyptian mediators"},
                             {"IGOUNO", "The United Nations"},
                             {"JPNGOV", "Tokyo"},
                             {"INDGOV", "New Delhi"},
                             {"TURGOV", "Ankara"}};
constexpr Verb kVerbs[] = {{"042", 1, 1.9, "visited", "CONSULT"},
                           {"036", 1, 4.0, "offered to meet", "CONSULT"},
                           {"057", 1, 8.0, "signed an accord with", "AGREE"},
                           {"061", 2, 6.4, "expanded trade with", "COOPERATE"},
                           {"070", 2, 7.0, "sent aid to", "AID"},
                           {"081", 2, 5.0, "eased sanctions on", "CONCEDE"},
                           {"112", 3, -2.0, "accused", "ACCUSE"},
                           {"130", 3, -4.4, "threatened", "THREATEN"},
                           {"163", 4, -8.0, "imposed an embargo on", "SANCTION"},
                           {"190", 4, -10.0, "attacked", "ASSAULT"}};
constexpr City kCities[] = {{"Beijing", "CHN", 39.9, 116.4},  {"Washington", "USA", 38.9, -77.04},
                            {"Moscow", "RUS", 55.75, 37.62},  {"Kyiv", "UKR", 50.45, 30.52},
                            {"Kharkiv", "UKR", 49.99, 36.23}, {"Paris", "FRA", 48.86, 2.35},
                            {"Berlin", "DEU", 52.52, 13.4},   {"Tehran", "IRN", 35.69, 51.39},
                            {"Cairo", "EGY", 30.04, 31.24},   {"Geneva", "CHE", 46.2, 6.14},
                            {"Tokyo", "JPN", 35.68, 139.69},  {"New Delhi", "IND", 28.61, 77.21},
                            {"Ankara", "TUR", 39.93, 32.86}};

uint64_t g_state = 0x9E3779B97F4A7C15ull;
uint32_t Next() {  // xorshift64*: deterministic across platforms.
  g_state ^= g_state >> 12;
  g_state ^= g_state << 25;
  g_state ^= g_state >> 27;
  return static_cast<uint32_t>((g_state * 2685821657736338717ull) >> 32);
}
template <typename T, size_t N>
const T& Pick(const T (&a)[N]) {
  return a[Next() % N];
}

struct Tally {
  int64_t events = 0;
  double goldstein = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: annals_web_fixture DB TRUTH.json\n");
    return 2;
  }
  std::remove(argv[1]);
  auto store = annals::Store::Open({.path = argv[1]});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  if (!(*store)->Begin().ok()) return 1;
  int64_t total = 0, unflagged = 0, quad[5] = {0, 0, 0, 0, 0};
  std::string first_date = "9999", last_date;
  std::map<std::string, Tally> dyad;  // "USA>CHN" etc. (countries), unflagged only.
  std::map<std::string, int64_t> place_events;
  nlohmann::json sample_event;  // The first event, for the detail page.
  std::string search_title;
  const int kDocuments = 150;
  for (int d = 0; d < kDocuments; ++d) {
    annals::Document doc;
    char id[32], date[16];
    std::snprintf(id, sizeof id, "fixture-%03d", d);
    int month = d * 24 / kDocuments;  // Spread over 2024-01 .. 2025-12.
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2024 + month / 12, month % 12 + 1,
                  1 + static_cast<int>(Next() % 28));
    doc.id = id;
    doc.date = date;
    doc.source = d % 3 == 0 ? "Example Wire" : (d % 3 == 1 ? "Daily Ledger" : "Frontline Post");
    doc.url = std::string("https://news.example.org/") + id;
    std::vector<annals::Event> events;
    std::string text;
    int sentences = 1 + static_cast<int>(Next() % 3);
    for (int s = 0; s < sentences; ++s) {
      // Every fourth event is the US-China dyad, so that pair always has data in both directions.
      const Actor& src = (d + s) % 4 == 0 ? kActors[(d / 4) % 2] : Pick(kActors);
      const Actor* tgt = (d + s) % 4 == 0 ? &kActors[1 - (d / 4) % 2] : &Pick(kActors);
      while (tgt->code == src.code) tgt = &Pick(kActors);
      const Verb& verb = Pick(kVerbs);
      const City& city = Pick(kCities);
      if (!text.empty()) text += ' ';
      size_t begin = text.size();
      text += src.text;
      size_t src_end = text.size();
      text += ' ';
      size_t verb_begin = text.size();
      text += verb.text;
      size_t verb_end = text.size();
      text += ' ';
      size_t tgt_begin = text.size();
      text += tgt->text;
      size_t tgt_end = text.size();
      text += std::string(" in ") + city.name;
      if (d == 7 && s == 0) text += " after the zephyrine talks";  // A word only one document has.
      text += '.';
      annals::Event e;
      e.sentence_index = s;
      e.date = date;
      e.date_precision = "day";
      e.sources = {{.code = src.code,
                    .text = src.text,
                    .span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(src_end)}}};
      e.targets = {{.code = tgt->code,
                    .text = tgt->text,
                    .span = {static_cast<uint32_t>(tgt_begin), static_cast<uint32_t>(tgt_end)}}};
      e.cameo = verb.cameo;
      e.cameo_base = verb.cameo;
      e.cameo_root = std::string(verb.cameo, 2);
      e.quad_class = verb.quad;
      e.goldstein = verb.goldstein;
      e.plover_event = verb.plover;
      e.negated = Next() % 20 == 0;
      e.place = annals::Place{.name = city.name,
                              .feature = "city",
                              .iso3 = city.iso3,
                              .lat = city.lat,
                              .lon = city.lon};
      e.sentence_span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(text.size())};
      e.predicate_span = {static_cast<uint32_t>(verb_begin), static_cast<uint32_t>(verb_end)};
      e.pattern_id = std::string("fixture.") + verb.cameo + "." + std::to_string(s);
      ++total;
      if (!e.negated) {
        ++unflagged;
        ++quad[verb.quad];
        Tally& t = dyad[std::string(src.code, 3) + ">" + std::string(tgt->code, 3)];
        ++t.events;
        t.goldstein += verb.goldstein;
        ++place_events[city.name];
      }
      if (sample_event.is_null()) {
        sample_event = {{"document", id},          {"source_text", src.text},
                        {"predicate", verb.text},  {"target_text", tgt->text},
                        {"pattern", e.pattern_id}, {"cameo", verb.cameo}};
      }
      events.push_back(e);
    }
    doc.title = std::string(events[0].sources[0].text) + " and " + events[0].targets[0].text +
                " in " + events[0].place->name;
    doc.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(doc.title[0])));
    if (d == 7) search_title = doc.title;
    doc.text = text;
    first_date = std::min(first_date, std::string(date));
    last_date = std::max(last_date, std::string(date));
    if (!(*store)->PutDocument(doc).ok()) return 1;
    annals::Status st = (*store)->PutEvents(doc.id, events);
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 1;
    }
  }
  if (!(*store)->Commit().ok()) return 1;
  auto mean = [&](const std::string& k) {
    const Tally& t = dyad[k];
    return t.events ? t.goldstein / t.events : 0.0;
  };
  std::string top_place;
  for (const auto& [name, n] : place_events) {
    if (top_place.empty() || n > place_events[top_place]) top_place = name;
  }
  nlohmann::json truth = {
      {"documents", kDocuments},
      {"events", total},
      {"unflagged_events", unflagged},
      {"quad_counts", {quad[1], quad[2], quad[3], quad[4]}},
      {"first_date", first_date},
      {"last_date", last_date},
      {"dyad",
       {{"a", "USA"},
        {"b", "CHN"},
        {"ab_events", dyad["USA>CHN"].events},
        {"ba_events", dyad["CHN>USA"].events},
        {"ab_goldstein", mean("USA>CHN")},
        {"ba_goldstein", mean("CHN>USA")}}},
      {"top_place", top_place},
      {"top_place_events", place_events[top_place]},
      {"search", {{"q", "zephyrine"}, {"title", search_title}, {"document", "fixture-007"}}},
      {"sample_event", sample_event}};
  std::ofstream(argv[2]) << truth.dump(2) << "\n";
  return 0;
}
