// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Reading PETRARCH validation XML and scoring event triples, on a small suite we wrote
// (src/code/testdata/petrarch-mini).
#include "code/petrarch_suite.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace annals::code {
namespace {

TEST(PetrarchSuiteTest, ReadsRecordsAndEnvironment) {
  Result<PetrarchSuite> s = ReadPetrarchSuite("src/code/testdata/petrarch-mini/mini.xml");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->environment["Verbfile"], "Mini.verbs.txt");
  EXPECT_EQ(s->environment["Actorfile"], "Mini.actors.txt");
  ASSERT_EQ(s->records.size(), 5u);
  const PetrarchRecord& r = s->records[0];
  EXPECT_EQ(r.id, "BASIC_01");
  EXPECT_EQ(r.category, "BASIC");
  EXPECT_EQ(r.date, "2025-01-02");
  EXPECT_EQ(r.text, "Numenor praised Lindon.");
  EXPECT_TRUE(r.conllu);
  EXPECT_EQ(r.expected, (std::set<Triple>{{"NUM", "LIN", "051"}}));
  EXPECT_EQ(s->records[2].expected.size(), 2u);
  EXPECT_TRUE(s->records[3].expects_none);
  EXPECT_TRUE(s->records[3].expected.empty());
}

TEST(PetrarchSuiteTest, BadXmlIsAnError) {
  EXPECT_FALSE(ParsePetrarchSuite("<Validation><Sentence", "x.xml").ok());
  EXPECT_FALSE(ParsePetrarchSuite("<Validation></Validation>", "x.xml").ok());
  EXPECT_FALSE(ParsePetrarchSuite("", "x.xml").ok());
  EXPECT_FALSE(ReadPetrarchSuite("/nonexistent/x.xml").ok());
}

TEST(PetrarchSuiteTest, TriplesExpandListsWithoutSelfPairs) {
  Event e;
  e.cameo = "040";
  e.sources = {{.code = "RUS"}, {.code = "CHN"}};
  e.targets = {{.code = "CHN"}};
  Event lone;
  lone.cameo = "010";
  lone.sources = {{.code = "GOV"}};
  std::set<Triple> t = EventTriples({e, lone});
  EXPECT_EQ(t, (std::set<Triple>{{"RUS", "CHN", "040"}, {"GOV", "---", "010"}}));
}

TEST(PetrarchSuiteTest, Scores) {
  SuiteScore s;
  s.Add({{"A", "B", "040"}}, {{"A", "B", "040"}});  // exact
  s.Add({}, {{"A", "B", "040"}});                   // expected none, produced one
  s.Add({{"A", "B", "040"}, {"B", "A", "040"}}, {{"A", "B", "040"}});  // half recall
  EXPECT_EQ(s.records, 3);
  EXPECT_EQ(s.exact, 1);
  EXPECT_EQ(s.expected_events, 3);
  EXPECT_EQ(s.produced_events, 3);
  EXPECT_EQ(s.matched_events, 2);
  EXPECT_NEAR(s.precision(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.recall(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.f1(), 2.0 / 3, 1e-9);
  EXPECT_EQ(SuiteScore{}.f1(), 0);
}

}  // namespace
}  // namespace annals::code
