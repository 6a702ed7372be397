// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The flagship article (../shared/seed/000_5601e05d72f0a748.txt, dated 2025-09-02) through what
// `annals analyze` runs (DocumentCoder::Analyze): dates, counts, quotes, entities, places within
// 25 km of the real ones, and located events, in the Analysis and in its JSON record. Skips when
// ../shared, the models or the dictionaries are absent.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "annals/reader.h"
#include "extract/extract_test_util.h"

namespace annals {
namespace {

std::string SharedDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  if (env != nullptr && *env != '\0') return env;
  const char* src = std::getenv("ANNALS_SOURCE_DIR");
  return std::string(src != nullptr && *src != '\0' ? src : ".") + "/../shared";
}

class Collect : public DocumentSink {
 public:
  bool Accept(Document&& d) override {
    docs.push_back(std::move(d));
    return true;
  }
  void OnReject(const Reject&) override {}
  std::vector<Document> docs;
};

class FlagshipTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string path = SharedDir() + "/seed/000_5601e05d72f0a748.txt";
    if (!std::ifstream(path).good()) return;
    const ingest::DocumentCoder* coder = extract::testing::SharedCoder();
    if (coder == nullptr) return;
    Collect c;
    ReaderOptions ro;
    ro.format = InputFormat::kText;
    if (!ReadInputs({path}, ro, c).ok() || c.docs.size() != 1) return;
    auto* doc = new Document(std::move(c.docs[0]));
    auto* analysis = new Analysis;
    if (!coder->Analyze(*doc, {2025, 9, 2}, *analysis).ok()) return;
    json_ = new nlohmann::json(nlohmann::json::parse(AnalysisToJson(*doc, *analysis)));
    doc_ = doc;
    analysis_ = analysis;
    locates_ = coder->locates();
  }
  void SetUp() override {
    if (doc_ == nullptr) GTEST_SKIP() << "../shared/seed, models or data/dict absent";
  }
  static Document* doc_;
  static Analysis* analysis_;
  static nlohmann::json* json_;
  static bool locates_;
};
Document* FlagshipTest::doc_ = nullptr;
Analysis* FlagshipTest::analysis_ = nullptr;
nlohmann::json* FlagshipTest::json_ = nullptr;
bool FlagshipTest::locates_ = false;

// Great-circle distance in km.
double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180;
  double a = std::sin((lat2 - lat1) * kRad / 2), b = std::sin((lon2 - lon1) * kRad / 2);
  double h = a * a + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * b * b;
  return 2 * 6371.0 * std::asin(std::sqrt(h));
}

TEST_F(FlagshipTest, DateExpressions) {
  EXPECT_EQ(analysis_->date, (CivilDate{2025, 9, 2}));
  auto find = [&](const std::string& text) -> std::string {
    for (const PlacedDate& p : analysis_->dates) {
      if (p.mention.text == text) return p.mention.Iso();
    }
    return "(missing)";
  };
  EXPECT_EQ(find("Tuesday"), "2025-09-02");
  EXPECT_EQ(find("Monday"), "2025-09-01");
  EXPECT_EQ(find("June 2024"), "2024-06");
  EXPECT_EQ(find("2024"), "2024");
  EXPECT_EQ(find("a few years ago"), "2022");
}

TEST_F(FlagshipTest, Counts) {
  const CountMention* soldiers = nullptr;
  const CountMention* killed = nullptr;
  for (const CountMention& c : analysis_->counts) {
    if (c.value == 15000) soldiers = &c;
    if (c.value == 600) killed = &c;
  }
  ASSERT_NE(soldiers, nullptr);
  EXPECT_EQ(soldiers->type, CountType::kSoldiers);
  EXPECT_EQ(soldiers->qualifier, "more than");
  EXPECT_EQ(soldiers->actor_codes, (std::vector<std::string>{"PRKMIL"}));
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->type, CountType::kKill);
  EXPECT_EQ(killed->qualifier, "about");
  EXPECT_EQ(killed->actor_codes, (std::vector<std::string>{"PRKMIL"}));
  EXPECT_EQ(killed->place, "Kursk region");
  EXPECT_EQ(killed->predicate_lemma, "die");
  // "Xi told a rally of more than 20 leaders ... on Monday": dated by its predicate.
  for (const CountMention& c : analysis_->counts) {
    if (c.value != 20) continue;
    EXPECT_EQ(c.date.Iso(), "2025-09-01");
    EXPECT_EQ(c.date.source, DateSource::kPredicate);
  }
}

TEST_F(FlagshipTest, Quotes) {
  const Quote* xi = nullptr;
  const Quote* hong = nullptr;
  for (const Quote& q : analysis_->quotes) {
    if (q.text.starts_with("We must continue to take a clear position")) xi = &q;
    if (q.text.find("next to Xi and Putin") != std::string::npos) hong = &q;
  }
  ASSERT_NE(xi, nullptr);
  EXPECT_EQ(xi->speaker, "Xi Jinping");
  EXPECT_EQ(xi->speaker_codes, (std::vector<std::string>{"CHNGOV"}));
  EXPECT_TRUE(xi->direct);
  // "..., he added" after Youngjun Kim's quote: the pronoun goes to the most recent person.
  const Quote* added = nullptr;
  for (const Quote& q : analysis_->quotes) {
    if (q.text.starts_with("Until a few years ago")) added = &q;
  }
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->speaker_text, "he");
  EXPECT_EQ(added->speaker, "Youngjun Kim");
  EXPECT_EQ(added->verb, "add");
  ASSERT_NE(hong, nullptr);
  EXPECT_EQ(hong->speaker, "Hong Min");
  EXPECT_EQ(hong->verb, "say");
}

TEST_F(FlagshipTest, RecordCarriesTheDatesCountsAndQuotes) {
  const nlohmann::json& j = *json_;
  EXPECT_EQ(j["date"], "2025-09-02");
  auto has = [](const nlohmann::json& list, const char* key, const char* value) {
    for (const nlohmann::json& x : list) {
      if (x[key] == value) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(j["dates"], "value", "2025-09-01"));
  EXPECT_TRUE(has(j["dates"], "value", "2024-06"));
  bool soldiers = false, killed = false;
  for (const nlohmann::json& c : j["counts"]) {
    if (c["value"] == 15000.0 && c["actor_codes"] == nlohmann::json::array({"PRKMIL"})) {
      soldiers = true;
    }
    if (c["value"] == 600.0 && c["type"] == "KILL") killed = true;
  }
  EXPECT_TRUE(soldiers && killed) << j["counts"].dump();
  EXPECT_TRUE(has(j["quotes"], "speaker", "Xi Jinping"));
  EXPECT_TRUE(has(j["quotes"], "speaker", "Hong Min"));
}

TEST_F(FlagshipTest, EntitiesNameThePeopleAndPlaces) {
  auto find = [&](const std::string& type, const std::string& text) {
    for (const EntityMention& m : analysis_->entities) {
      if (m.entity.type == type && m.entity.text == text) return &m;
    }
    return static_cast<const EntityMention*>(nullptr);
  };
  for (const char* person : {"Xi Jinping", "Vladimir Putin", "Youngjun Kim"}) {
    const EntityMention* m = find("PER", person);
    ASSERT_NE(m, nullptr) << person;
    EXPECT_EQ(doc_->text.substr(m->entity.span.begin, m->entity.span.size()), person);
    const Sentence& s = doc_->sentences[m->sentence];
    EXPECT_EQ(s.words[m->entity.first_word].span.begin, m->entity.span.begin);
  }
  for (const char* place : {"Beijing", "Pyongyang", "Tianjin"}) {
    EXPECT_NE(find("LOC", place), nullptr) << place;
  }
  // The JSON carries them with the same spans.
  size_t per = 0;
  for (const nlohmann::json& e : (*json_)["entities"]) per += e["type"] == "PER";
  EXPECT_GE(per, 3u);
  EXPECT_EQ((*json_)["entities"].size(), analysis_->entities.size());
}

TEST_F(FlagshipTest, PlacesWithin25KmOfTheRealOnes) {
  if (!locates_) GTEST_SKIP() << "no gazetteer in this build";
  struct Want {
    const char* mention;
    double lat, lon;  // The real place (public facts): city centres, Kursk the city.
    const char* adm1;
  };
  for (const Want& w :
       {Want{"Beijing", 39.904, 116.407, "CH22"}, Want{"Pyongyang", 39.039, 125.762, "KN12"},
        Want{"Tianjin", 39.084, 117.201, "CH28"}, Want{"Kursk region", 51.730, 36.193, "RS41"}}) {
    int found = 0;
    for (const nlohmann::json& p : (*json_)["places"]) {
      if (p["text"] != w.mention) continue;
      ++found;
      EXPECT_LT(Km(p["lat"], p["lon"], w.lat, w.lon), 25.0) << p.dump();
      EXPECT_EQ(p["adm1"], w.adm1) << p.dump();
      uint32_t b = p["span"][0], e = p["span"][1];
      EXPECT_EQ(doc_->text.substr(b, e - b), w.mention);
    }
    EXPECT_GT(found, 0) << w.mention << " not among " << (*json_)["places"].dump();
  }
  // The dateline, resolved: Beijing.
  const nlohmann::json& dl = (*json_)["dateline"]["resolved"];
  ASSERT_TRUE(dl.is_object());
  EXPECT_LT(Km(dl["lat"], dl["lon"], 39.904, 116.407), 25.0);
  // Country names are countries.
  for (const nlohmann::json& p : (*json_)["places"]) {
    if (p["text"] == "North Korea") {
      EXPECT_EQ(p["feature"], "country");
    }
    if (p["text"] == "Russia") {
      EXPECT_EQ(p["iso3"], "RUS");
    }
  }
}

TEST_F(FlagshipTest, EventsCarryTheirPlacesAndDates) {
  if (!locates_) GTEST_SKIP() << "no gazetteer in this build";
  const nlohmann::json& events = (*json_)["events"];
  ASSERT_FALSE(events.empty());
  int located = 0;
  bool kursk = false, tianjin = false, june = false;
  for (const nlohmann::json& e : events) {
    EXPECT_FALSE(e["date"].get<std::string>().empty()) << e.dump();
    if (e["place"].is_null()) continue;
    ++located;
    const nlohmann::json& p = e["place"];
    int m = p["mention"];
    if (p["source"] == "dateline") {
      EXPECT_EQ(m, -1);
      EXPECT_EQ(p["name"], "Beijing");
    } else {
      ASSERT_GE(m, 0);
      EXPECT_EQ((*json_)["places"][m]["sentence"], e["sentence"]);
      EXPECT_EQ((*json_)["places"][m]["name"], p["name"]);
    }
    // North Korean troops "fighting ... in the Kursk region": the oblast.
    if (p["adm1"] == "RS41" && p["source"] == "predicate") kursk = true;
    if (p["name"] == "Tianjin") tianjin = true;
    // The pact "signed in June 2024", dated by its expression and historical.
    if (e["date"] == "2024-06") {
      june = true;
      EXPECT_TRUE(e["historical"].get<bool>());
      ASSERT_GE(e["date_mention"].get<int>(), 0);
      EXPECT_EQ((*json_)["dates"][e["date_mention"].get<int>()]["text"], "June 2024");
    }
  }
  EXPECT_GE(located, static_cast<int>(events.size()) / 2);
  EXPECT_TRUE(kursk);
  EXPECT_TRUE(tianjin);
  EXPECT_TRUE(june);
}

}  // namespace
}  // namespace annals
