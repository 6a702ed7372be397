// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The JSON record of `annals analyze`: every documented field, with values from texts we wrote;
// the extractors alone (annals::Analyze) and the whole ingestion path (DocumentCoder::Analyze:
// entities, places, events with their places and dates).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_test_util.h"

namespace annals {
namespace {

TEST(AnalysisJsonTest, RecordHasEveryFieldAndTheValues) {
  ANNALS_SKIP_WITHOUT_MODELS();
  Document doc = extract::testing::Annotated(
      "SEOUL, March 3 (Annals Wire) - More than 40 protesters were arrested on Sunday in Busan, "
      "police said.\n\n"
      "\u201cWe will not allow violence in the streets,\u201d said Lee Jae-myung.",
      "");
  doc.dateline = Dateline{"SEOUL", "March 3", "Annals Wire", {0, 30}};
  ExtractOptions o;
  o.matcher = extract::testing::SharedMatcher();
  Analysis a = Analyze(doc, o, {2026, 3, 4});
  nlohmann::json j = nlohmann::json::parse(AnalysisToJson(doc, a));
  for (const char* key : {"id", "title", "url", "date", "date_source", "dateline", "sentences",
                          "entities", "places", "dates", "counts", "quotes", "events"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["date"], "2026-03-03");  // The dateline's date, its year from --date.
  EXPECT_EQ(j["date_source"], "dateline");
  // The extractors alone leave the slots of the later stages empty (DocumentCoder fills them).
  EXPECT_TRUE(j["entities"].is_array() && j["entities"].empty());
  EXPECT_TRUE(j["events"].is_array() && j["events"].empty());
  ASSERT_GE(j["dates"].size(), 2u);
  EXPECT_EQ(j["dates"][0]["dateline"], true);
  EXPECT_EQ(j["dates"][1]["text"], "Sunday");
  EXPECT_EQ(j["dates"][1]["value"], "2026-03-01");
  ASSERT_EQ(j["counts"].size(), 1u);
  const nlohmann::json& c = j["counts"][0];
  EXPECT_EQ(c["type"], "ARREST");
  EXPECT_EQ(c["value"], 40.0);
  EXPECT_EQ(c["qualifier"], "more than");
  EXPECT_EQ(c["place"], "Busan");
  EXPECT_EQ(c["predicate"], "arrest");
  EXPECT_EQ(c["date"]["value"], "2026-03-01");
  EXPECT_EQ(c["date"]["source"], "predicate");
  EXPECT_EQ(c["date"]["historical"], false);
  ASSERT_EQ(j["quotes"].size(), 2u);
  EXPECT_EQ(j["quotes"][0]["direct"], false);  // "..., police said."
  EXPECT_EQ(j["quotes"][0]["speaker"], "police");
  EXPECT_EQ(j["quotes"][0]["text"], "More than 40 protesters were arrested on Sunday in Busan");
  EXPECT_EQ(j["quotes"][1]["direct"], true);
  EXPECT_EQ(j["quotes"][1]["text"], "We will not allow violence in the streets");
  EXPECT_EQ(j["quotes"][1]["verb"], "say");
  EXPECT_FALSE(j["quotes"][1]["speaker"].get<std::string>().empty());
}

// Written for this test: a dateline, two people, three Turkish cities, a date per sentence.
constexpr char kTalks[] =
    "ANKARA, March 3 (Annals Wire) - Turkish President Recep Tayyip Erdogan met Ukrainian "
    "President Volodymyr Zelenskiy in Istanbul on Sunday to discuss a ceasefire.\n\n"
    "Police arrested more than 40 protesters in Izmir on Saturday, officials said.\n\n"
    "\"We will not accept any plan that divides Ukraine,\" Zelenskiy told reporters.";

const nlohmann::json* Find(const nlohmann::json& list, const std::string& key,
                           const std::string& value) {
  for (const nlohmann::json& x : list) {
    if (x.contains(key) && x[key] == value) return &x;
  }
  return nullptr;
}

TEST(AnalysisJsonTest, EntitiesPlacesAndLocatedEventsFromTheIngestionPath) {
  const ingest::DocumentCoder* coder = extract::testing::SharedCoder();
  if (coder == nullptr || !coder->recognizes() || coder->coder() == nullptr) {
    GTEST_SKIP() << "models/ (with ner.model) or data/dict absent in this checkout";
  }
  Document doc;
  doc.id = "talks";
  doc.text = kTalks;
  doc.dateline = Dateline{"ANKARA", "March 3", "Annals Wire", {0, 31}};
  Analysis a;
  ASSERT_TRUE(coder->Analyze(doc, {2026, 3, 4}, a).ok());
  EXPECT_TRUE(doc.date.empty());  // Events were dated against the dateline; the date is restored.
  nlohmann::json j = nlohmann::json::parse(AnalysisToJson(doc, a));
  EXPECT_EQ(j["date"], "2026-03-03");

  // Entities: type, text, span, sentence, words.
  const nlohmann::json* erdogan = Find(j["entities"], "text", "Recep Tayyip Erdogan");
  ASSERT_NE(erdogan, nullptr) << j["entities"].dump();
  EXPECT_EQ((*erdogan)["type"], "PER");
  EXPECT_EQ((*erdogan)["span"], nlohmann::json::array({50, 70}));
  EXPECT_EQ(doc.text.substr(50, 20), "Recep Tayyip Erdogan");
  EXPECT_EQ((*erdogan)["sentence"], 0);
  EXPECT_EQ((*erdogan)["words"], nlohmann::json::array({11, 14}));
  const nlohmann::json* zelenskiy = Find(j["entities"], "text", "Volodymyr Zelenskiy");
  ASSERT_NE(zelenskiy, nullptr);
  EXPECT_EQ((*zelenskiy)["type"], "PER");

  if (!coder->locates()) GTEST_SKIP() << "no gazetteer in this build: places not checked";
  // The dateline's place, resolved; its mention is marked.
  ASSERT_TRUE(j["dateline"]["resolved"].is_object());
  EXPECT_EQ(j["dateline"]["resolved"]["name"], "Ankara");
  EXPECT_EQ(j["dateline"]["resolved"]["iso3"], "TUR");
  const nlohmann::json* ankara = Find(j["places"], "text", "ANKARA");
  ASSERT_NE(ankara, nullptr);
  EXPECT_EQ((*ankara)["dateline"], true);

  // Places: every field, Istanbul (41.01 N, 28.95 E) as the city.
  const nlohmann::json* istanbul = Find(j["places"], "text", "Istanbul");
  ASSERT_NE(istanbul, nullptr) << j["places"].dump();
  EXPECT_EQ((*istanbul)["span"], nlohmann::json::array({118, 126}));
  EXPECT_EQ((*istanbul)["sentence"], 0);
  EXPECT_EQ(j["entities"][(*istanbul)["entity"].get<int>()]["text"], "Istanbul");
  EXPECT_EQ((*istanbul)["dateline"], false);
  EXPECT_EQ((*istanbul)["name"], "Istanbul");
  EXPECT_EQ((*istanbul)["feature"], "city");
  EXPECT_EQ((*istanbul)["precision"], "city");
  EXPECT_EQ((*istanbul)["iso3"], "TUR");
  EXPECT_EQ((*istanbul)["fips"], "TU");
  EXPECT_EQ((*istanbul)["adm1"], "TU34");
  EXPECT_EQ((*istanbul)["geonames_id"], 745044);
  EXPECT_EQ((*istanbul)["gdelt_type"], 4);
  EXPECT_LT(std::abs((*istanbul)["lat"].get<double>() - 41.01), 0.1);
  EXPECT_LT(std::abs((*istanbul)["lon"].get<double>() - 28.95), 0.1);
  EXPECT_GE((*istanbul)["candidates"].get<int>(), 1);
  EXPECT_FALSE((*istanbul)["why"].get<std::string>().empty());

  // Events: "Police arrested ... in Izmir on Saturday" at Izmir, dated by "Saturday".
  const nlohmann::json* arrest = nullptr;
  const nlohmann::json* meet = nullptr;
  for (const nlohmann::json& e : j["events"]) {
    if (e["predicate"]["text"] == "arrested") arrest = &e;
    if (e["predicate"]["text"] == "met") meet = &e;
  }
  ASSERT_NE(arrest, nullptr) << j["events"].dump();
  EXPECT_EQ(arrest->at("cameo_root"), "17");
  EXPECT_EQ(arrest->at("date"), "2026-02-28");
  int dm = arrest->at("date_mention").get<int>();
  ASSERT_GE(dm, 0);
  EXPECT_EQ(j["dates"][dm]["text"], "Saturday");
  const nlohmann::json& place = arrest->at("place");
  ASSERT_TRUE(place.is_object());
  EXPECT_EQ(place["iso3"], "TUR");
  EXPECT_EQ(place["adm1"], "TU35");
  EXPECT_LT(std::abs(place["lat"].get<double>() - 38.41), 0.1);
  EXPECT_EQ(place["precision"], "city");
  EXPECT_EQ(place["source"], "predicate");
  int pm = place["mention"].get<int>();
  ASSERT_GE(pm, 0);
  EXPECT_EQ(j["places"][pm]["text"], "Izmir");
  EXPECT_EQ(place["begin"], j["places"][pm]["span"][0]);
  // The bare police and protesters of a Turkish city in an Ankara story are Turkish.
  ASSERT_FALSE(arrest->at("sources").empty());
  EXPECT_EQ(arrest->at("sources")[0]["code"], "TURCOP");
  ASSERT_FALSE(arrest->at("targets").empty());
  EXPECT_EQ(arrest->at("targets")[0]["code"], "TUROPP");
  // "met ... in Istanbul": the predicate's place, not the dateline's Ankara.
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->at("place")["name"], "Istanbul");
  EXPECT_EQ(meet->at("place")["source"], "predicate");
  // The same events as the ingestion path stores (Process).
  Document again;
  again.id = "talks";
  again.text = kTalks;
  again.date = "2026-03-03";
  again.dateline = doc.dateline;
  std::vector<Event> stored;
  ASSERT_TRUE(coder->Process(again, stored).ok());
  ASSERT_EQ(stored.size(), a.events.size());
  for (size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].cameo, a.events[i].cameo);
    EXPECT_EQ(stored[i].date, a.events[i].date);
    EXPECT_EQ(stored[i].place, a.events[i].place) << i;
  }
}

// A bare domestic agent gets the country of the event's place only when it is the dateline's:
// police in Izmir in a Kyiv story stay bare; "its judges" (someone else's) stay bare.
TEST(AnalysisJsonTest, BareAgentsTakeTheirCountryOnlyAtHome) {
  const ingest::DocumentCoder* coder = extract::testing::SharedCoder();
  if (coder == nullptr || coder->coder() == nullptr || !coder->locates()) {
    GTEST_SKIP() << "models/, data/dict or the gazetteer absent in this checkout";
  }
  auto sources = [&](const char* dateline, const char* sentence) {
    Document doc;
    doc.id = "d";
    doc.dateline = Dateline{dateline, "March 3", "Annals Wire", {0, 0}};
    doc.text = std::string(dateline) + ", March 3 (Annals Wire) - " + sentence;
    doc.dateline->span = {0, static_cast<uint32_t>(std::strlen(dateline) + 27)};
    Analysis a;
    EXPECT_TRUE(coder->Analyze(doc, {2026, 3, 4}, a).ok());
    std::vector<std::string> out;
    for (const Event& e : a.events) {
      for (const ActorRef& r : e.sources) out.push_back(r.code);
    }
    return out;
  };
  EXPECT_THAT(sources("ANKARA", "Police arrested more than 40 protesters in Izmir on Saturday."),
              ::testing::Contains("TURCOP"));
  EXPECT_THAT(sources("KYIV", "Police arrested more than 40 protesters in Izmir on Saturday."),
              ::testing::Contains("COP"));
  EXPECT_THAT(sources("MANILA",
                      "The court opened a case in Manila and its judges arrested "
                      "more than 40 protesters in Manila on Saturday."),
              ::testing::Not(::testing::Contains("PHLJUD")));
}

// Force with no target actor, in a place its predicate governs in another country than its
// source's, targets that country (the geocoder's places; capitals are the coder's).
TEST(AnalysisJsonTest, ForceInAForeignPlaceTargetsItsCountry) {
  const ingest::DocumentCoder* coder = extract::testing::SharedCoder();
  if (coder == nullptr || coder->coder() == nullptr || !coder->locates()) {
    GTEST_SKIP() << "models/, data/dict or the gazetteer absent in this checkout";
  }
  auto targets = [&](const char* sentence) {
    Document doc;
    doc.id = "d";
    doc.text = sentence;
    doc.date = "2026-03-03";
    Analysis a;
    EXPECT_TRUE(coder->Analyze(doc, {2026, 3, 3}, a).ok());
    std::vector<std::string> out;
    for (const Event& e : a.events) {
      if (e.cameo_root != "19") continue;
      out.push_back(e.targets.empty() ? "---" : e.targets[0].code);
    }
    return out;
  };
  EXPECT_THAT(targets("Russian drones struck an oil depot in Odesa on Monday."),
              ::testing::ElementsAre("UKR"));
  EXPECT_THAT(targets("Ukrainian drones struck an oil depot in Odesa on Monday."),
              ::testing::ElementsAre("---"));
}

TEST(AnalysisJsonTest, BadInputGivesARecord) {
  const ingest::DocumentCoder* coder = extract::testing::SharedCoder();
  if (coder == nullptr) GTEST_SKIP() << "models/ or data/dict absent in this checkout";
  for (std::string text :
       {std::string(), std::string("\xFF\xFE \"\" \x01 ,,, -- (("), std::string(3000, 'A')}) {
    Document doc;
    doc.id = "bad";
    doc.text = text;
    Analysis a;
    ASSERT_TRUE(coder->Analyze(doc, {}, a).ok());
    nlohmann::json j = nlohmann::json::parse(AnalysisToJson(doc, a));
    EXPECT_EQ(j["id"], "bad");
    EXPECT_TRUE(j["events"].is_array());
  }
}

}  // namespace
}  // namespace annals
