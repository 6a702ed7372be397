// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The JSON record of `annals analyze`: every documented field, with values from a text we wrote.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

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
  EXPECT_TRUE(j["entities"].is_array() && j["entities"].empty());
  EXPECT_TRUE(j["events"].is_array());
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

}  // namespace
}  // namespace annals
