// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Places and geocoding: the gazetteer (GeoNames countries, first-level divisions and populated
// places, built at build time from pinned npm packages; see docs/geocoding.md), a geocoder that
// resolves one place mention in its context to a `Place`, and the choice of an event's action
// location among the place mentions of its document.
//
//   ANNALS_ASSIGN_OR_RETURN(auto gaz, Gazetteer::Load());
//   Geocoder geo(gaz);
//   GeoContext ctx;
//   ctx.next_word = "region";                       // "... in the Kursk region"
//   auto m = geo.Resolve("Kursk", ctx);             // -> Kursk Oblast, RS, RS41, precision kAdm1
//
// Everything is immutable after Load: one Gazetteer and any number of Geocoders may be used from
// any number of threads.
#ifndef ANNALS_GEOCODER_H_
#define ANNALS_GEOCODER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/event.h"
#include "annals/status.h"

namespace annals {

// How precisely a place is known, coarse to fine. Place::feature spells the same thing as a word
// ("country", "adm1", "city").
enum class GeoPrecision { kNone = 0, kCountry = 1, kAdm1 = 2, kCity = 3 };

std::string_view GeoPrecisionName(GeoPrecision p);  // "none", "country", "adm1", "city".
GeoPrecision PrecisionOf(const Place& place);       // From Place::feature.

// GDELT's ActionGeo_Type for a place: 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1;
// 0 for an empty place.
int GdeltGeoType(const Place& place);

struct GazetteerOptions {
  // The gazetteer file. Empty: $ANNALS_GAZETTEER, then data/geo/gazetteer.tsv found by the usual
  // data-path rule ($ANNALS_HOME, source tree, installed share/annals), then the file the build
  // tree made (src/geo/CMakeLists.txt).
  std::string path;
};

// One gazetteer entry. Countries and first-level divisions have geonames_id 0 (the packages the
// gazetteer is built from do not carry their ids).
struct GazetteerEntry {
  GeoPrecision kind = GeoPrecision::kNone;
  std::string name;       // "Kursk Oblast".
  std::string iso2;       // Country, ISO 3166-1 alpha-2.
  std::string admin1;     // GeoNames admin-1 code within the country ("41"); empty for countries.
  std::string iso3166_2;  // ISO 3166-2 code of a division when matched ("US-GA"), else empty.
  std::string
      feature_code;  // GeoNames feature code of a place ("PPLC", "PPLA", "PPL"); empty else.
  int64_t geonames_id = 0;
  int64_t population = 0;  // Places: GeoNames population; divisions and countries: sum of places.
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  uint32_t country = 0;        // Index of the country entry.
  uint32_t adm1 = UINT32_MAX;  // Index of the division entry, when known.
};

class Gazetteer {
 public:
  // Loads the gazetteer file. NotFound (naming the places tried) when there is none, e.g. in a
  // build configured with -DANNALS_GAZETTEER=OFF; InvalidArgument on a malformed file.
  static Result<std::shared_ptr<const Gazetteer>> Load(const GazetteerOptions& options = {});
  // Parses gazetteer text (the file's bytes). Never crashes on bad input.
  static Result<std::shared_ptr<const Gazetteer>> Parse(std::string_view text);

  // Lower case, diacritics removed, apostrophes and dots dropped, dashes and other punctuation as
  // single spaces: the form keys are stored in ("Kurskaya oblast'" -> "kurskaya oblast").
  std::string Fold(std::string_view text) const;

  // Indices of the entries whose name (or alternative name) folds to `folded`.
  std::span<const uint32_t> Lookup(std::string_view folded) const;
  // Words that are never a place by themselves ("west", "asia", "eu"; data/geo/aliases.tsv).
  bool IsNeverAPlace(std::string_view folded) const;
  // Divisions known by `folded` once a designator word is removed ("kursk" -> Kursk Oblast).
  std::span<const uint32_t> LookupDivisionBase(std::string_view folded) const;

  const GazetteerEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  // The country entry for an ISO alpha-2 or alpha-3 code, or nullptr.
  const GazetteerEntry* FindCountry(std::string_view iso) const;
  std::string_view Iso3(const GazetteerEntry& e) const;
  std::string_view Fips(const GazetteerEntry& e) const;

  // The entry as an event place: name, feature ("country"/"adm1"/"city"), ISO alpha-3, FIPS,
  // FIPS-style ADM1 code (FIPS country + GeoNames admin-1 code, GDELT's convention: "RS41"),
  // GeoNames id, coordinates. The span is left empty.
  Place ToPlace(const GazetteerEntry& e) const;
  // GDELT-style full name: "Kursk, Kursk Oblast, Russia", "Kursk Oblast, Russia", "Russia".
  std::string FullName(const GazetteerEntry& e) const;

  size_t country_count() const { return countries_; }
  size_t adm1_count() const { return adm1s_; }
  size_t city_count() const { return cities_; }

  struct Impl;
  ~Gazetteer();

 private:
  friend struct Impl;
  Gazetteer();

  std::vector<GazetteerEntry> entries_;
  size_t countries_ = 0, adm1s_ = 0, cities_ = 0;
  std::unique_ptr<Impl> impl_;
};

// What is known around a mention. All optional; more context, better choices.
struct GeoContext {
  // ISO 3166-1 codes (alpha-3 or alpha-2) of the countries the document is about or mentions.
  std::vector<std::string> countries;
  // The dateline place, already resolved (e.g. by resolving the dateline's place name).
  std::optional<Place> dateline;
  // The words just before and after the mention in the sentence ("the [Kursk] region",
  // "state of [Georgia]"). Designators ("region", "oblast", "province", "state", "governorate",
  // "prefecture", "county", ...) ask for a division; "city" asks for a city.
  std::string previous_word;
  std::string next_word;
  // Other place names of the document or sentence ("Atlanta" helps "Georgia" to the US state).
  std::vector<std::string> nearby;
};

struct GeoMatch {
  Place place;
  std::string full_name;  // Gazetteer::FullName.
  GeoPrecision precision = GeoPrecision::kNone;
  double score = 0;    // Higher is better; only comparable between candidates of one mention.
  int candidates = 0;  // How many gazetteer entries the mention could have meant.
  std::string why;     // Short, human-readable reason for the choice ("country name", ...).
};

struct GeocoderOptions {
  size_t max_candidates = 5;  // For Candidates().
};

class Geocoder {
 public:
  explicit Geocoder(std::shared_ptr<const Gazetteer> gazetteer, GeocoderOptions options = {});

  // The best reading of `mention` in `context`. NotFound when the gazetteer has no such name.
  // A mention that names a country resolves to the country, unless the context asks for a
  // same-named division ("state of Georgia", or "Georgia" near "Atlanta" in a document without
  // the country Georgia).
  Result<GeoMatch> Resolve(std::string_view mention, const GeoContext& context = {}) const;
  // A dateline's place as written (Dateline::place: "BEIJING", "PARIS, Texas", "KYIV, Ukraine"):
  // the part before the first comma, with the rest as its qualifier (GeoContext::next_word).
  Result<GeoMatch> ResolveDateline(std::string_view dateline_place,
                                   const GeoContext& context = {}) const;
  // The top candidates, best first (at most options.max_candidates).
  std::vector<GeoMatch> Candidates(std::string_view mention, const GeoContext& context = {}) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
  GeocoderOptions options_;
};

// ---------------------------------------------------------------------------------------------
// Action location of an event.
//
// Inputs: the resolved place mentions of the document with their sentence and word indices (the
// word indices of Document::sentences[s].words), the event's sentence, its predicate word and the
// sentence's dependency heads; optionally the dateline place. Preference: a place governed by the
// predicate (the predicate is an ancestor of the mention's head word within `max_hops` dependency
// arcs: "fought [in] Kursk") > another place in the event's sentence (non-actor mentions before
// mentions that are also the event's actors; finer precision first, then the nearest to the
// predicate) > the dateline place. Nothing → source kNone.

struct PlaceMention {
  Place place;            // Resolved (Geocoder::Resolve(...).place).
  int sentence = 0;       // Sentence index.
  int word_begin = 0;     // First word of the mention in the sentence.
  int word_end = 0;       // One past the last word.
  bool is_actor = false;  // The mention is also a source/target actor of the event ("Russia ...").
};

struct ActionLocationInput {
  std::span<const PlaceMention> mentions;
  int sentence = 0;            // The event's sentence.
  int predicate_word = -1;     // The event's predicate word in that sentence; -1 unknown.
  std::span<const int> heads;  // heads[i]: head word of word i in the sentence, -1 for the root.
                               // Empty: no parse, "governed" is not tested.
  std::optional<Place> dateline;
  int max_hops = 3;
};

enum class ActionLocationSource { kNone = 0, kPredicate, kSentence, kDateline };
std::string_view ActionLocationSourceName(ActionLocationSource s);  // "none", "predicate", ...

struct ActionLocation {
  Place place;
  GeoPrecision precision = GeoPrecision::kNone;
  ActionLocationSource source = ActionLocationSource::kNone;
};

// True for a lower-case word that names a kind of administrative division ("region",
// "province", "oblast", "state", ...), as in "the Kursk region".
bool IsPlaceDesignator(std::string_view lowercase_word);

ActionLocation ChooseActionLocation(const ActionLocationInput& input);

}  // namespace annals

#endif  // ANNALS_GEOCODER_H_
