// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/geocoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <span>
#include <sstream>
#include <string>

namespace annals {
namespace {

// Great-circle distance in km.
double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kR = 6371.0, kDeg = M_PI / 180;
  double dlat = (lat2 - lat1) * kDeg, dlon = (lon2 - lon1) * kDeg;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kDeg) *
                                                           std::cos(lat2 * kDeg) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kR * std::asin(std::sqrt(a));
}

// A tiny gazetteer written for these tests (not GeoNames data): two countries, a division, cities.
constexpr char kTiny[] =
    "#annals-gazetteer\t1\n"
    "# test\n"
    "F\tFC\tu\n"
    "N\twest\n"
    "C\tXA\tXAA\tXF\tAlphaland\t1000\t10.00000\t20.00000\talphaland|alpha\n"
    "C\tXB\tXBB\tXG\tBetania\t500\t-5.00000\t-6.00000\tbetania\n"
    "A\tXA\t01\tXA-N\tNorth Province\t900\t11.00000\t21.00000\tnorth province\tnorth\n"
    "P\tXA\t01\t7\tPPLC\tZürichstadt\t800\t11.50000\t21.50000\tzurichstadt\n"
    "P\tXB\t\t8\tPPL\tNorth\t50\t-5.50000\t-6.50000\tnorth\n";

TEST(GazetteerParse, TinyFile) {
  auto g = Gazetteer::Parse(kTiny);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const Gazetteer& gz = *g.value();
  EXPECT_EQ(gz.country_count(), 2u);
  EXPECT_EQ(gz.adm1_count(), 1u);
  EXPECT_EQ(gz.city_count(), 2u);
  EXPECT_EQ(gz.Fold("  ZÜRICHstadt "), "zÜrichstadt");  // Ü is not in the table: kept as is.
  EXPECT_EQ(gz.Fold("Zürichstadt"), "zurichstadt");
  EXPECT_EQ(gz.Fold("St.-Petersburg's (old)"), "st petersburgs old");
  ASSERT_EQ(gz.Lookup("zurichstadt").size(), 1u);
  const GazetteerEntry& z = gz.entry(gz.Lookup("zurichstadt")[0]);
  Place p = gz.ToPlace(z);
  EXPECT_EQ(p.feature, "city");
  EXPECT_EQ(p.iso3, "XAA");
  EXPECT_EQ(p.fips, "XF");
  EXPECT_EQ(p.adm1, "XF01");
  EXPECT_EQ(p.geonames_id, 7);
  EXPECT_EQ(gz.FullName(z), "Zürichstadt, North Province, Alphaland");
  ASSERT_NE(gz.FindCountry("xbb"), nullptr);
  EXPECT_EQ(gz.FindCountry("XB")->name, "Betania");
  EXPECT_EQ(gz.FindCountry("ZZ"), nullptr);
}

TEST(GazetteerParse, RejectsBadInput) {
  for (const char* bad : {
           "",
           "annals\n",
           "#annals-gazetteer\t2\n",
           "#annals-gazetteer\t1\nQ\tx\n",
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\t100.0\t0\ta\n",  // Latitude out of range.
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\tmany\t1\t1\ta\n",
           "#annals-gazetteer\t1\nP\tXA\t01\t7\tPPL\tZ\t8\t1\t1\tz\n",  // Country not declared.
           "#annals-gazetteer\t1\nF\tZZZZZZZZ\tx\n",
           "#annals-gazetteer\t1\nN\n",
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\t1\t1\ta\nC\tXA\tXAA\tXF\tA\t1\t1\t1\ta\n",
           // Numbers are plain decimals: no '+', spaces, hexadecimal, inf or nan.
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\t+1\t1\ta\n",
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\t 1\t1\ta\n",
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\t0x1p3\t1\ta\n",
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\t1\tinf\ta\n",
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\tnan\t1\ta\n",
           "#annals-gazetteer\t1\nC\tXA\tXAA\tXF\tA\t1\t1\t1.5x\ta\n",
       }) {
    EXPECT_FALSE(Gazetteer::Parse(bad).ok()) << bad;
  }
}

TEST(GazetteerParse, KeysListEachEntryOnceInFileOrder) {
  // "alpha" is a key of both countries (twice in the second's cell) and "beta" of the first's
  // cell twice: every key lists each of its entries once, in file order.
  auto g = Gazetteer::Parse(
      "#annals-gazetteer\t1\n"
      "C\tXB\tXBB\tXG\tBetania\t500\t-5.5\t-6.25\tbeta|alpha|beta\n"
      "C\tXA\tXAA\tXF\tAlphaland\t1000\t1e1\t20\talpha|alphaland|alpha\n");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const Gazetteer& gz = *g.value();
  std::span<const uint32_t> alpha = gz.Lookup("alpha");
  ASSERT_EQ(alpha.size(), 2u);
  EXPECT_EQ(gz.entry(alpha[0]).name, "Betania");
  EXPECT_EQ(gz.entry(alpha[1]).name, "Alphaland");
  ASSERT_EQ(gz.Lookup("beta").size(), 1u);
  ASSERT_EQ(gz.Lookup("alphaland").size(), 1u);
  EXPECT_TRUE(gz.Lookup("gamma").empty());
  EXPECT_DOUBLE_EQ(gz.entry(alpha[0]).lat, -5.5);
  EXPECT_DOUBLE_EQ(gz.entry(alpha[0]).lon, -6.25);
  EXPECT_DOUBLE_EQ(gz.entry(alpha[1]).lat, 10.0);
}

TEST(GeocoderTiny, CountryBeatsSameNamedCityAndDesignatorsPickDivisions) {
  auto g = Gazetteer::Parse(kTiny);
  ASSERT_TRUE(g.ok());
  Geocoder geo(g.value());
  auto a = geo.Resolve("Alpha");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value().precision, GeoPrecision::kCountry);
  // "North" alone: the city of that name (the division only matches without its designator).
  auto n = geo.Resolve("North");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n.value().precision, GeoPrecision::kCity);
  GeoContext ctx;
  ctx.next_word = "province";
  n = geo.Resolve("North", ctx);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n.value().precision, GeoPrecision::kAdm1);
  EXPECT_EQ(n.value().place.adm1, "XF01");
  EXPECT_EQ(geo.Resolve("the North Province").value().place.name, "North Province");
  EXPECT_FALSE(geo.Resolve("Nowhere").ok());
  EXPECT_FALSE(geo.Resolve("West").ok());  // An N row.
  EXPECT_TRUE(g.value()->IsNeverAPlace("west"));
  EXPECT_FALSE(geo.Resolve("  ").ok());
}

// ---- The real gazetteer (built with the project) ----

std::shared_ptr<const Gazetteer> RealGazetteer() {
  static auto g = Gazetteer::Load();
  return g.ok() ? g.value() : nullptr;
}

#define REQUIRE_GAZETTEER()                                                    \
  if (RealGazetteer() == nullptr) {                                            \
    GTEST_SKIP() << "no gazetteer (configured with -DANNALS_GAZETTEER=OFF?): " \
                 << Gazetteer::Load().status().ToString();                     \
  }

TEST(Geocoder, CountryNamesAlwaysResolveToCountries) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  for (const char* name : {"USA", "U.S.", "United States", "Russia", "China", "North Korea",
                           "Mexico", "Kuwait", "Djibouti", "Singapore"}) {
    auto m = geo.Resolve(name);
    ASSERT_TRUE(m.ok()) << name;
    EXPECT_EQ(m.value().precision, GeoPrecision::kCountry) << name << " -> " << m.value().full_name;
  }
  EXPECT_EQ(geo.Resolve("USA").value().place.fips, "US");
  EXPECT_EQ(geo.Resolve("Russia").value().place.fips, "RS");
  EXPECT_EQ(geo.Resolve("Russia").value().place.iso3, "RUS");
  EXPECT_EQ(geo.Resolve("North Korea").value().place.fips, "KN");
  EXPECT_EQ(GdeltGeoType(geo.Resolve("China").value().place), 1);
}

TEST(Geocoder, KurskRegionIsTheOblastAndKurskAloneTheCity) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  GeoContext region;
  region.next_word = "region";
  auto m = geo.Resolve("Kursk", region);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.value().place.feature, "adm1");
  EXPECT_EQ(m.value().place.name, "Kursk Oblast");
  EXPECT_EQ(m.value().place.adm1, "RS41");
  EXPECT_EQ(GdeltGeoType(m.value().place), 5);
  EXPECT_EQ(geo.Resolve("Kursk region").value().place.name, "Kursk Oblast");
  EXPECT_EQ(geo.Resolve("Kursk Oblast").value().place.name, "Kursk Oblast");
  auto city = geo.Resolve("Kursk");
  ASSERT_TRUE(city.ok());
  EXPECT_EQ(city.value().place.feature, "city");
  EXPECT_EQ(city.value().place.geonames_id, 538560);
  EXPECT_EQ(city.value().place.adm1, "RS41");
  EXPECT_EQ(GdeltGeoType(city.value().place), 4);
}

TEST(Geocoder, GeorgiaNearAtlantaIsTheStateNearTbilisiTheCountry) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  EXPECT_EQ(geo.Resolve("Georgia").value().place.iso3, "GEO");
  GeoContext atlanta;
  atlanta.nearby = {"Atlanta", "Savannah"};
  auto us = geo.Resolve("Georgia", atlanta);
  ASSERT_TRUE(us.ok());
  EXPECT_EQ(us.value().place.feature, "adm1");
  EXPECT_EQ(us.value().place.adm1, "USGA");
  EXPECT_EQ(GdeltGeoType(us.value().place), 2);
  GeoContext tbilisi;
  tbilisi.nearby = {"Tbilisi"};
  EXPECT_EQ(geo.Resolve("Georgia", tbilisi).value().place.fips, "GG");
  GeoContext doc_us;
  doc_us.countries = {"USA"};
  EXPECT_EQ(geo.Resolve("Georgia", doc_us).value().place.adm1, "USGA");
  doc_us.countries.push_back("GEO");  // Both countries in the document: the country name wins.
  EXPECT_EQ(geo.Resolve("Georgia", doc_us).value().place.feature, "country");
  GeoContext state_of;
  state_of.previous_word = "the state of";
  EXPECT_EQ(geo.Resolve("Georgia", state_of).value().place.adm1, "USGA");
  EXPECT_EQ(geo.Resolve("state of Georgia").value().place.adm1, "USGA");
}

TEST(Geocoder, PopulationAndDocumentCountriesPickAmongSameNamedCities) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  EXPECT_EQ(geo.Resolve("Paris").value().place.iso3, "FRA");
  GeoContext texas;
  texas.countries = {"USA"};
  texas.nearby = {"Dallas"};
  auto m = geo.Resolve("Paris", texas);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.value().place.iso3, "USA");
  EXPECT_EQ(m.value().place.adm1, "USTX");
  EXPECT_EQ(GdeltGeoType(m.value().place), 3);
  // Capitals beat larger same-named divisions: Washington is the capital, not the state.
  auto w = geo.Resolve("Washington");  // GeoNames: "Washington, D.C.".
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.value().place.feature, "city");
  EXPECT_NEAR(w.value().place.lat, 38.9, 0.2);
  // Diacritics and case do not matter.
  EXPECT_EQ(geo.Resolve("ZÜRICH").value().place.geonames_id,
            geo.Resolve("Zurich").value().place.geonames_id);
  EXPECT_EQ(geo.Resolve("Zurich").value().place.iso3, "CHE");
  // The dateline's country helps too.
  GeoContext dl;
  dl.dateline = geo.Resolve("Toronto").value().place;
  EXPECT_EQ(geo.Resolve("London", dl).value().place.iso3, "GBR");  // Population still wins.
  EXPECT_EQ(geo.Resolve("Hamilton", dl).value().place.iso3, "CAN");
}

TEST(Geocoder, OurAliasesAndTransliterations) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  EXPECT_EQ(geo.Resolve("Kiev").value().place.geonames_id,
            geo.Resolve("Kyiv").value().place.geonames_id);
  EXPECT_EQ(geo.Resolve("Kyiv").value().place.fips, "UP");
  EXPECT_EQ(geo.Resolve("Odesa").value().place.geonames_id,
            geo.Resolve("Odessa").value().place.geonames_id);
  EXPECT_EQ(geo.Resolve("Lugansk region").value().place.adm1, "UP14");
  // Apostrophes and diacritics in GeoNames names fold away: "Kramators'k", "Kandahar".
  EXPECT_EQ(geo.Resolve("Kramatorsk").value().place.iso3, "UKR");
  EXPECT_EQ(geo.Resolve("Kandahar").value().place.iso3, "AFG");
}

TEST(Geocoder, GenericWordsAreNotPlacesButNamesWithTheAre) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  for (const char* word : {"West", "north", "Asia", "EU", "UN", "NATO", "Gulf"}) {
    EXPECT_FALSE(geo.Resolve(word).ok()) << word << " -> " << geo.Resolve(word).value().full_name;
  }
  EXPECT_EQ(geo.Resolve("The Hague").value().place.iso3, "NLD");
  EXPECT_EQ(geo.Resolve("Shanghai's").value().place.iso3, "CHN");
  EXPECT_EQ(geo.Resolve("Georgia\u2019s").value().place.fips, "GG");
  EXPECT_EQ(geo.Resolve("the Kursk region").value().place.adm1, "RS41");
  EXPECT_EQ(geo.Resolve("D.C.").value().place.fips, "US");
  EXPECT_EQ(geo.Resolve("New York").value().place.feature, "city");
  EXPECT_EQ(geo.Resolve("New York state").value().place.feature, "adm1");
  EXPECT_EQ(geo.Resolve("New York state").value().place.adm1, "USNY");
}

TEST(Geocoder, Datelines) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  EXPECT_EQ(geo.ResolveDateline("BEIJING").value().place.iso3, "CHN");
  EXPECT_EQ(geo.ResolveDateline("PARIS, Texas").value().place.adm1, "USTX");
  EXPECT_EQ(geo.ResolveDateline("KYIV, Ukraine").value().place.fips, "UP");
  EXPECT_EQ(geo.ResolveDateline("Hamilton, Bermuda").value().place.iso3, "BMU");
  EXPECT_FALSE(geo.ResolveDateline(", ,").ok());
}

TEST(Geocoder, CandidatesAreRankedAndBounded) {
  REQUIRE_GAZETTEER();
  GeocoderOptions opts;
  opts.max_candidates = 3;
  Geocoder geo(RealGazetteer(), opts);
  auto c = geo.Candidates("Springfield");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_GT(c[0].candidates, 3);
  EXPECT_GE(c[0].score, c[1].score);
  EXPECT_GE(c[1].score, c[2].score);
}

// Sentences we wrote, one per ambiguity. The context is what a caller has: the words around the
// mention (punctuation skipped) and the sentence's other capitalised names as nearby places.
GeoMatch InSentence(const Geocoder& geo, const std::string& sentence, const std::string& mention,
                    std::vector<std::string> countries = {}) {
  GeoContext ctx;
  ctx.countries = std::move(countries);
  std::vector<std::string> words;
  std::string cur;
  for (char c : sentence + " ") {
    if (c == ' ' || c == ',' || c == '.') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  size_t at = 0;
  size_t len = std::count(mention.begin(), mention.end(), ' ') + 1;
  for (; at < words.size(); ++at) {
    std::string joined;
    for (size_t k = at; k < at + len && k < words.size(); ++k)
      joined += (k > at ? " " : "") + words[k];
    if (joined == mention || joined == mention + "'s") break;
  }
  EXPECT_LT(at, words.size()) << mention << " not in: " << sentence;
  if (at > 0) ctx.previous_word = words[at - 1];
  if (at >= 2 && words[at - 1] == "of") ctx.previous_word = words[at - 2] + " of";
  if (at + len < words.size()) ctx.next_word = words[at + len];
  for (size_t k = 0; k < words.size(); ++k) {
    if ((k < at || k >= at + len) && k > 0 &&
        std::isupper(static_cast<unsigned char>(words[k][0]))) {
      ctx.nearby.push_back(words[k]);
    }
  }
  auto m = geo.Resolve(mention, ctx);
  EXPECT_TRUE(m.ok()) << mention;
  return m.ok() ? m.value() : GeoMatch{};
}

TEST(Geocoder, SentencesWeWrote) {
  REQUIRE_GAZETTEER();
  Geocoder geo(RealGazetteer());
  GeoMatch m = InSentence(
      geo, "Russian forces pushed Ukrainian troops out of the Kursk region in March.", "Kursk");
  EXPECT_EQ(m.place.adm1, "RS41");
  EXPECT_EQ(m.place.feature, "adm1");
  m = InSentence(geo, "A drone struck an oil depot on the outskirts of Kursk overnight.", "Kursk");
  EXPECT_EQ(m.place.feature, "city");
  EXPECT_EQ(m.place.adm1, "RS41");
  m = InSentence(
      geo, "Protesters marched through downtown Atlanta, the capital of Georgia, on Saturday.",
      "Georgia");
  EXPECT_EQ(m.place.adm1, "USGA");
  m = InSentence(geo, "Georgia's prime minister met European officials in Tbilisi on Friday.",
                 "Georgia");
  EXPECT_EQ(m.place.fips, "GG");
  EXPECT_EQ(m.place.feature, "country");
  m = InSentence(geo, "Voters in the state of Georgia went to the polls.", "Georgia");
  EXPECT_EQ(m.place.adm1, "USGA");
  m = InSentence(geo, "Officials in Paris, Texas, said the storm damaged dozens of homes.",
                 "Paris");
  EXPECT_EQ(m.place.adm1, "USTX");
  m = InSentence(geo, "Ministers gathered in Paris to discuss the ceasefire.", "Paris");
  EXPECT_EQ(m.place.iso3, "FRA");
  m = InSentence(geo, "The USA imposed new tariffs on steel.", "USA");
  EXPECT_EQ(m.place.feature, "country");
  EXPECT_EQ(m.place.fips, "US");
  m = InSentence(geo, "Leaders met in Tianjin for the Shanghai Cooperation Organization summit.",
                 "Tianjin");
  EXPECT_EQ(m.place.iso3, "CHN");
  EXPECT_EQ(m.place.feature, "city");
  m = InSentence(geo, "Flooding hit Hamilton, Ontario, after days of rain.", "Hamilton");
  EXPECT_EQ(m.place.iso3, "CAN");
}

// The flagship article: its places within 25 km of where they really are.
TEST(Geocoder, FlagshipArticlePlaces) {
  REQUIRE_GAZETTEER();
  std::string shared;
  if (const char* env = std::getenv("ANNALS_SHARED")) shared = env;
  if (shared.empty()) {
    const char* src = std::getenv("ANNALS_SOURCE_DIR");
    shared = std::string(src != nullptr ? src : ".") + "/../shared";
  }
  std::ifstream in(shared + "/seed/000_5601e05d72f0a748.txt");
  if (!in) GTEST_SKIP() << "../shared absent: " << shared << "/seed/000_5601e05d72f0a748.txt";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  Geocoder geo(RealGazetteer());
  GeoContext doc;
  doc.countries = {"CHN", "RUS", "PRK"};
  doc.dateline = geo.Resolve("Beijing").value().place;
  struct Want {
    const char* name;
    double lat, lon;
  };
  // Real coordinates of the city centres (public facts).
  for (const Want& w : {Want{"Beijing", 39.904, 116.407}, Want{"Pyongyang", 39.039, 125.762},
                        Want{"Tianjin", 39.084, 117.201}, Want{"Kursk", 51.730, 36.193}}) {
    size_t at = text.find(w.name);
    ASSERT_NE(at, std::string::npos) << w.name;
    GeoContext ctx = doc;
    // The word after the mention, as the pipeline passes it ("the Kursk region").
    size_t after = at + std::string(w.name).size();
    while (after < text.size() && text[after] == ' ') ++after;
    size_t end = text.find_first_of(" ,.;\n", after);
    ctx.next_word = text.substr(after, end == std::string::npos ? std::string::npos : end - after);
    auto m = geo.Resolve(w.name, ctx);
    ASSERT_TRUE(m.ok()) << w.name;
    EXPECT_LT(Km(m.value().place.lat, m.value().place.lon, w.lat, w.lon), 25.0)
        << w.name << " -> " << m.value().full_name << " " << m.value().place.lat << ","
        << m.value().place.lon;
  }
  // "in the Kursk region" is the oblast.
  size_t kursk = text.find("Kursk region");
  ASSERT_NE(kursk, std::string::npos);
  GeoContext ctx = doc;
  ctx.next_word = "region";
  EXPECT_EQ(geo.Resolve("Kursk", ctx).value().place.adm1, "RS41");
}

// ---- Action location ----

Place MakePlace(const char* name, const char* feature) {
  Place p;
  p.name = name;
  p.feature = feature;
  return p;
}

TEST(ActionLocation, PredicateBeatsSentenceBeatsDateline) {
  // "Russia sent troops to Kursk , Reuters reported in Moscow"
  //   0      1    2      3  4     5 6       7        8  9
  std::vector<int> heads = {1, -1, 1, 4, 1, 7, 7, 1, 9, 7};
  std::vector<PlaceMention> mentions = {
      {MakePlace("Russia", "country"), 0, 0, 1, true},
      {MakePlace("Kursk", "city"), 0, 4, 5, false},
      {MakePlace("Moscow", "city"), 0, 9, 10, false},
      {MakePlace("Beijing", "city"), 1, 0, 1, false},
  };
  ActionLocationInput in;
  in.mentions = mentions;
  in.sentence = 0;
  in.predicate_word = 1;
  in.heads = heads;
  in.dateline = MakePlace("Beijing", "city");
  ActionLocation a = ChooseActionLocation(in);
  EXPECT_EQ(a.source, ActionLocationSource::kPredicate);
  EXPECT_EQ(a.place.name, "Kursk");  // One hop (to -> Kursk -> sent), Moscow is three.
  EXPECT_EQ(a.precision, GeoPrecision::kCity);

  // Without a parse: the sentence's non-actor places, finer and nearer first.
  in.heads = {};
  a = ChooseActionLocation(in);
  EXPECT_EQ(a.source, ActionLocationSource::kSentence);
  EXPECT_EQ(a.place.name, "Kursk");

  // Only the actor country in the sentence: it still locates the event.
  std::vector<PlaceMention> only_actor = {mentions[0]};
  in.mentions = only_actor;
  a = ChooseActionLocation(in);
  EXPECT_EQ(a.source, ActionLocationSource::kSentence);
  EXPECT_EQ(a.place.name, "Russia");
  EXPECT_EQ(a.precision, GeoPrecision::kCountry);

  // No place in the sentence: the dateline.
  in.sentence = 2;
  a = ChooseActionLocation(in);
  EXPECT_EQ(a.source, ActionLocationSource::kDateline);
  EXPECT_EQ(a.place.name, "Beijing");

  // Nothing at all.
  in.dateline.reset();
  a = ChooseActionLocation(in);
  EXPECT_EQ(a.source, ActionLocationSource::kNone);
  EXPECT_EQ(a.precision, GeoPrecision::kNone);
  EXPECT_EQ(ActionLocationSourceName(a.source), "none");
}

TEST(ActionLocation, BadIndicesDoNotCrash) {
  std::vector<int> heads = {5, 7, -3, 1};  // Heads out of range.
  std::vector<PlaceMention> mentions = {{MakePlace("X", "city"), 0, -4, 99, false},
                                        {MakePlace("Y", "adm1"), 0, 2, 1, false}};
  ActionLocationInput in;
  in.mentions = mentions;
  in.heads = heads;
  in.predicate_word = 3;
  ActionLocation a = ChooseActionLocation(in);
  EXPECT_NE(a.source, ActionLocationSource::kNone);
  in.predicate_word = 42;
  a = ChooseActionLocation(in);
  EXPECT_NE(a.source, ActionLocationSource::kNone);
}

}  // namespace
}  // namespace annals
