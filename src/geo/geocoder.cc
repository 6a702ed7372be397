// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Mention -> place resolution and the choice of an event's action location (docs/geocoding.md).
#include "annals/geocoder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

#include "geo/geo_internal.h"

namespace annals {

std::string_view GeoPrecisionName(GeoPrecision p) {
  switch (p) {
    case GeoPrecision::kCountry:
      return "country";
    case GeoPrecision::kAdm1:
      return "adm1";
    case GeoPrecision::kCity:
      return "city";
    case GeoPrecision::kNone:
      break;
  }
  return "none";
}

GeoPrecision PrecisionOf(const Place& place) {
  if (place.feature == "country") return GeoPrecision::kCountry;
  if (place.feature == "adm1") return GeoPrecision::kAdm1;
  if (place.feature == "city") return GeoPrecision::kCity;
  return GeoPrecision::kNone;
}

int GdeltGeoType(const Place& place) {
  bool us = place.fips == "US";
  switch (PrecisionOf(place)) {
    case GeoPrecision::kCountry:
      return 1;
    case GeoPrecision::kAdm1:
      return us ? 2 : 5;
    case GeoPrecision::kCity:
      return us ? 3 : 4;
    case GeoPrecision::kNone:
      break;
  }
  return 0;
}

std::string_view ActionLocationSourceName(ActionLocationSource s) {
  switch (s) {
    case ActionLocationSource::kPredicate:
      return "predicate";
    case ActionLocationSource::kSentence:
      return "sentence";
    case ActionLocationSource::kDateline:
      return "dateline";
    case ActionLocationSource::kNone:
      break;
  }
  return "none";
}

namespace {

// Words that name a first-level division ("the Kursk region", "the state of Georgia").
constexpr std::array<std::string_view, 22> kDesignators = {
    "region",    "oblast",     "province",    "state",  "governorate", "prefecture",
    "county",    "district",   "krai",        "kray",   "okrug",       "republic",
    "territory", "department", "voivodeship", "canton", "emirate",     "municipality",
    "provinces", "regions",    "oblasts",     "states"};

bool IsDesignator(std::string_view w) {
  return std::find(kDesignators.begin(), kDesignators.end(), w) != kDesignators.end();
}

std::string_view LastWord(std::string_view s) {
  size_t sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

std::string_view FirstWord(std::string_view s) {
  size_t sp = s.find(' ');
  return sp == std::string_view::npos ? s : s.substr(0, sp);
}

struct Cand {
  uint32_t entry;
  bool base_match = false;  // Matched a division by its name without the designator.
  double score = 0;
  const char* why = "";
};

double FeatureBonus(std::string_view fc) {
  if (fc == "PPLC") return 2.0;
  if (fc == "PPLA") return 1.5;
  if (fc == "PPLA2") return 0.5;
  if (fc == "PPLX") return -1.0;  // Section of a populated place.
  if (fc == "PPLH" || fc == "PPLQ" || fc == "PPLW")
    return -3.0;  // Historical, abandoned, destroyed.
  return 0;
}

}  // namespace

Geocoder::Geocoder(std::shared_ptr<const Gazetteer> gazetteer, GeocoderOptions options)
    : gazetteer_(std::move(gazetteer)), options_(options) {}

Result<GeoMatch> Geocoder::Resolve(std::string_view mention, const GeoContext& context) const {
  std::vector<GeoMatch> c = Candidates(mention, context);
  if (c.empty()) return NotFoundError("no place named '" + std::string(mention) + "'");
  return std::move(c.front());
}

Result<GeoMatch> Geocoder::ResolveDateline(std::string_view dateline_place,
                                           const GeoContext& context) const {
  size_t comma = dateline_place.find(',');
  if (comma == std::string_view::npos) return Resolve(dateline_place, context);
  GeoContext ctx = context;
  std::string_view rest = dateline_place.substr(comma + 1);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
  ctx.next_word = std::string(rest);
  return Resolve(dateline_place.substr(0, comma), ctx);
}

std::vector<GeoMatch> Geocoder::Candidates(std::string_view mention,
                                           const GeoContext& context) const {
  const Gazetteer& g = *gazetteer_;
  // A possessive is not part of the name: "Georgia's", "Shanghai’s".
  for (std::string_view pos : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (mention.size() > pos.size() && mention.ends_with(pos)) {
      mention.remove_suffix(pos.size());
      break;
    }
  }
  std::string key = g.Fold(mention);
  // "The Hague" is a name; "the Kursk region" starts with an article.
  if (key.starts_with("the ") && g.Lookup(key).empty()) key.erase(0, 4);
  if (key.empty() || g.IsNeverAPlace(key)) return {};

  // What the words around the mention ask for.
  std::string prev = g.Fold(context.previous_word);
  std::string next = g.Fold(context.next_word);
  std::string_view prev_last = LastWord(prev);
  bool want_division = IsDesignator(FirstWord(next)) || IsDesignator(prev_last) ||
                       (prev_last == "of" && prev.size() > 3 &&
                        IsDesignator(LastWord(std::string_view(prev).substr(0, prev.size() - 3))));
  bool want_city = FirstWord(next) == "city";

  std::vector<Cand> cands;
  auto add = [&](std::span<const uint32_t> ids, bool base, bool divisions_only) {
    for (uint32_t id : ids) {
      if (divisions_only && g.entry(id).kind != GeoPrecision::kAdm1) continue;
      cands.push_back({id, base});
    }
  };
  add(g.Lookup(key), false, false);
  // The mention may carry its own designator: "Kursk region", "state of Georgia", "Kursk city".
  std::string_view k = key;
  if (size_t sp = k.rfind(' '); sp != std::string_view::npos) {
    std::string_view head = k.substr(0, sp), tail = k.substr(sp + 1);
    if (IsDesignator(tail)) {
      want_division = true;
      add(g.LookupDivisionBase(head), true, true);
      add(g.Lookup(head), false, true);
    } else if (tail == "city") {
      want_city = true;
      add(g.Lookup(head), false, false);
    }
  }
  if (size_t of = k.find(" of "); of != std::string_view::npos && IsDesignator(k.substr(0, of))) {
    want_division = true;
    add(g.LookupDivisionBase(k.substr(of + 4)), true, true);
    add(g.Lookup(k.substr(of + 4)), false, true);
  }
  add(g.LookupDivisionBase(key), true, true);
  if (cands.empty()) return {};
  // One candidate per entry; a full-name match beats a bare-name match of the same entry.
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    return a.entry != b.entry ? a.entry < b.entry : a.base_match < b.base_match;
  });
  cands.erase(std::unique(cands.begin(), cands.end(),
                          [](const Cand& a, const Cand& b) { return a.entry == b.entry; }),
              cands.end());

  // Evidence from the document.
  std::vector<uint32_t> doc_countries;
  for (const std::string& iso : context.countries) {
    if (const GazetteerEntry* e = g.FindCountry(iso)) doc_countries.push_back(e->country);
  }
  const GazetteerEntry* dl_country = nullptr;
  std::string dl_adm1;
  if (context.dateline) {
    dl_country = g.FindCountry(context.dateline->iso3);
    dl_adm1 = context.dateline->adm1;
  }
  // Nearby names: the few most likely readings of each (by population) vote for their country and
  // division.
  std::vector<uint32_t> near_countries, near_adm1s;
  for (const std::string& n : context.nearby) {
    std::string nk = g.Fold(n);
    if (nk == key) continue;
    std::span<const uint32_t> ids = g.Lookup(nk);
    std::array<uint32_t, 3> top{};
    size_t ntop = 0;
    for (uint32_t id : ids) {
      const GazetteerEntry& e = g.entry(id);
      if (e.kind == GeoPrecision::kCountry) {
        near_countries.push_back(e.country);
        ntop = 0;
        break;
      }
      if (ntop < top.size()) {
        top[ntop++] = id;
      } else {
        auto min = std::min_element(top.begin(), top.end(), [&](uint32_t a, uint32_t b) {
          return g.entry(a).population < g.entry(b).population;
        });
        if (g.entry(*min).population < e.population) *min = id;
      }
    }
    for (size_t i = 0; i < ntop; ++i) {
      const GazetteerEntry& e = g.entry(top[i]);
      near_countries.push_back(e.country);
      if (e.adm1 != UINT32_MAX) near_adm1s.push_back(e.adm1);
    }
  }
  auto has = [](const std::vector<uint32_t>& v, uint32_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  // A qualifier right after the mention: "Paris, Texas", "Kursk, Russia".
  std::vector<uint32_t> qual_countries, qual_adm1s;
  if (!next.empty() && !want_division && !want_city) {
    for (uint32_t id : g.Lookup(next)) {
      const GazetteerEntry& e = g.entry(id);
      if (e.kind == GeoPrecision::kCountry) qual_countries.push_back(e.country);
      if (e.kind == GeoPrecision::kAdm1) qual_adm1s.push_back(id);
    }
  }

  // Which divisions are matched by name (a city inside a same-named division wins over it).
  std::vector<uint32_t> matched_divisions;
  for (const Cand& c : cands) {
    if (g.entry(c.entry).kind == GeoPrecision::kAdm1) matched_divisions.push_back(c.entry);
  }
  std::sort(matched_divisions.begin(), matched_divisions.end());  // cands are sorted by entry.

  bool division_supported = false;  // Some division has context for it beyond its name.
  std::vector<uint32_t> supported_countries;
  for (Cand& c : cands) {
    const GazetteerEntry& e = g.entry(c.entry);
    double s = 0;
    double support = 0;
    if (has(doc_countries, e.country)) support += 3.0;
    if (dl_country != nullptr && dl_country->country == e.country) support += 1.5;
    if (has(near_countries, e.country)) support += 1.5;
    if (e.kind != GeoPrecision::kCountry && e.adm1 != UINT32_MAX && has(near_adm1s, e.adm1)) {
      support += 2.5;
    }
    if (e.kind == GeoPrecision::kCity && e.adm1 != UINT32_MAX && has(qual_adm1s, e.adm1))
      support += 10;
    if (e.kind != GeoPrecision::kCountry && has(qual_countries, e.country)) support += 5;
    if (e.kind == GeoPrecision::kCity && !dl_adm1.empty()) {
      Place p = g.ToPlace(e);
      if (p.adm1 == dl_adm1) support += 1.0;
    }
    s = std::log10(static_cast<double>(e.population) + 10.0) + support;
    c.why = support > 0 ? "document context" : "population";
    switch (e.kind) {
      case GeoPrecision::kCountry:
        if (support > 0) supported_countries.push_back(e.country);
        break;
      case GeoPrecision::kAdm1:
        s -= 0.3;
        if (c.base_match) s -= 2.5;
        if (want_division) {
          s += 20;
          c.why = "division (designator)";
        }
        if (want_division || has(near_adm1s, e.adm1) || has(doc_countries, e.country) ||
            (dl_country != nullptr && dl_country->country == e.country)) {
          division_supported = true;
        }
        break;
      case GeoPrecision::kCity:
        s += FeatureBonus(e.feature_code);
        if (e.adm1 != UINT32_MAX &&
            std::binary_search(matched_divisions.begin(), matched_divisions.end(), e.adm1)) {
          s += 1.0;
        }
        if (want_city) {
          s += 20;
          c.why = "city (designator)";
        }
        break;
      case GeoPrecision::kNone:
        break;
    }
    c.score = s;
  }
  // Country names resolve to countries, unless a same-named division has context and the country
  // has none ("Georgia" near "Atlanta").
  for (Cand& c : cands) {
    const GazetteerEntry& e = g.entry(c.entry);
    if (e.kind != GeoPrecision::kCountry) continue;
    bool demote = division_supported && !has(supported_countries, e.country);
    if (!demote) {
      c.score += 100;
      c.why = "country name";
    } else {
      c.why = "country name, but context points to a division";
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.entry < b.entry;
  });
  std::vector<GeoMatch> out;
  size_t n = std::min(cands.size(), std::max<size_t>(1, options_.max_candidates));
  for (size_t i = 0; i < n; ++i) {
    const GazetteerEntry& e = g.entry(cands[i].entry);
    GeoMatch m;
    m.place = g.ToPlace(e);
    m.full_name = g.FullName(e);
    m.precision = e.kind;
    m.score = cands[i].score;
    m.candidates = static_cast<int>(cands.size());
    m.why = cands[i].why;
    out.push_back(std::move(m));
  }
  return out;
}

bool IsPlaceDesignator(std::string_view lowercase_word) { return IsDesignator(lowercase_word); }

ActionLocation ChooseActionLocation(const ActionLocationInput& in) {
  ActionLocation best;
  auto hops_to_predicate = [&](const PlaceMention& m) -> int {
    if (in.predicate_word < 0 || in.heads.empty()) return -1;
    int n = static_cast<int>(in.heads.size());
    if (in.predicate_word >= n) return -1;
    // The mention's head word: the word of the mention whose head lies outside it.
    int head = -1;
    for (int w = std::max(0, m.word_begin); w < std::min(m.word_end, n); ++w) {
      int h = in.heads[w];
      if (h < m.word_begin || h >= m.word_end) {
        head = w;
        break;
      }
    }
    if (head < 0) return -1;
    int w = head;
    for (int hops = 0; hops <= in.max_hops && w >= 0 && w < n; ++hops) {
      if (w == in.predicate_word) return hops;
      w = in.heads[w];
    }
    return -1;
  };
  const PlaceMention* chosen = nullptr;
  int chosen_hops = 0;
  // 1. Governed by the predicate: fewest hops, then finer precision.
  for (const PlaceMention& m : in.mentions) {
    if (m.sentence != in.sentence || PrecisionOf(m.place) == GeoPrecision::kNone) continue;
    int hops = hops_to_predicate(m);
    if (hops <= 0) continue;  // 0 would be the predicate itself.
    if (chosen == nullptr || hops < chosen_hops ||
        (hops == chosen_hops && PrecisionOf(m.place) > PrecisionOf(chosen->place))) {
      chosen = &m;
      chosen_hops = hops;
    }
  }
  if (chosen != nullptr) {
    best.place = chosen->place;
    best.precision = PrecisionOf(chosen->place);
    best.source = ActionLocationSource::kPredicate;
    return best;
  }
  // 2. In the sentence: non-actors first, then finer precision, then nearer the predicate.
  auto distance = [&](const PlaceMention& m) {
    if (in.predicate_word < 0) return m.word_begin;
    if (in.predicate_word < m.word_begin) return m.word_begin - in.predicate_word;
    if (in.predicate_word >= m.word_end) return in.predicate_word - m.word_end + 1;
    return 0;
  };
  for (const PlaceMention& m : in.mentions) {
    if (m.sentence != in.sentence || PrecisionOf(m.place) == GeoPrecision::kNone) continue;
    if (chosen == nullptr) {
      chosen = &m;
      continue;
    }
    auto rank = [&](const PlaceMention& x) {
      return std::make_tuple(x.is_actor ? 1 : 0, -static_cast<int>(PrecisionOf(x.place)),
                             distance(x));
    };
    if (rank(m) < rank(*chosen)) chosen = &m;
  }
  if (chosen != nullptr) {
    best.place = chosen->place;
    best.precision = PrecisionOf(chosen->place);
    best.source = ActionLocationSource::kSentence;
    return best;
  }
  // 3. The dateline.
  if (in.dateline && PrecisionOf(*in.dateline) != GeoPrecision::kNone) {
    best.place = *in.dateline;
    best.place.span = {};
    best.precision = PrecisionOf(*in.dateline);
    best.source = ActionLocationSource::kDateline;
  }
  return best;
}

}  // namespace annals
