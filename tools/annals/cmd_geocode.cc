// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals geocode PLACE... [--country ISO]... [--near NAME]... [--dateline NAME] [--next WORD]
// [--prev WORD] [--candidates N]`: resolves place names with the gazetteer, one JSON line each.
// With no PLACE (or "-"), reads one place name per line from stdin.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/geocoder.h"
#include "commands.h"

namespace annals::cli {

namespace {

nlohmann::json MatchJson(const GeoMatch& m) {
  return {{"name", m.place.name},
          {"full_name", m.full_name},
          {"feature", m.place.feature},
          {"precision", GeoPrecisionName(m.precision)},
          {"gdelt_type", GdeltGeoType(m.place)},
          {"iso3", m.place.iso3},
          {"fips", m.place.fips},
          {"adm1", m.place.adm1},
          {"geonames_id", m.place.geonames_id},
          {"lat", m.place.lat},
          {"lon", m.place.lon},
          {"score", m.score},
          {"why", m.why}};
}

}  // namespace

int RunGeocode(int argc, char** argv) {
  CLI::App app(
      "Resolve place names to gazetteer places (name, feature, ISO3, FIPS, ADM1, GeoNames id, "
      "coordinates, precision); one JSON object per line.",
      "annals geocode");
  std::vector<std::string> places;
  GeoContext ctx;
  std::string dateline, gazetteer;
  size_t candidates = 0;
  app.add_option("place", places, "place names; none or - reads one per line from stdin");
  app.add_option("--country", ctx.countries, "a country of the document (ISO alpha-3 or alpha-2)");
  app.add_option("--near", ctx.nearby, "another place name of the document");
  app.add_option("--dateline", dateline,
                 "the dateline place as written (\"PARIS, Texas\"), resolved first");
  app.add_option("--prev", ctx.previous_word, "the word(s) before the mention (\"state of\")");
  app.add_option("--next", ctx.next_word, "the word after the mention (\"region\")");
  app.add_option("--candidates", candidates, "also list up to N candidates, best first");
  app.add_option("--gazetteer", gazetteer, "gazetteer file (default: see annals/geocoder.h)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  GazetteerOptions gopts;
  gopts.path = gazetteer;
  auto gaz = Gazetteer::Load(gopts);
  if (!gaz.ok()) {
    std::fprintf(stderr, "annals geocode: %s\n", gaz.status().ToString().c_str());
    return kExitFailure;
  }
  GeocoderOptions opts;
  opts.max_candidates = std::max<size_t>(1, candidates);
  Geocoder geo(gaz.value(), opts);
  if (!dateline.empty()) {
    GeoContext dctx;
    dctx.countries = ctx.countries;
    auto d = geo.ResolveDateline(dateline, dctx);
    if (!d.ok()) {
      std::fprintf(stderr, "annals geocode: dateline: %s\n", d.status().ToString().c_str());
    } else {
      ctx.dateline = d.value().place;
    }
  }
  if (places.empty() || (places.size() == 1 && places[0] == "-")) {
    places.clear();
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty()) places.push_back(line);
    }
  }
  int found = 0;
  for (const std::string& p : places) {
    std::vector<GeoMatch> c = geo.Candidates(p, ctx);
    nlohmann::json j = {{"mention", p}};
    if (c.empty()) {
      j["found"] = false;
    } else {
      ++found;
      j["found"] = true;
      j["candidates_total"] = c.front().candidates;
      j["place"] = MatchJson(c.front());
      if (candidates > 0) {
        j["candidates"] = nlohmann::json::array();
        for (const GeoMatch& m : c) j["candidates"].push_back(MatchJson(m));
      }
    }
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  return found > 0 ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
