// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_test_util.h"

namespace annals {
namespace {

using extract::testing::Annotated;
using extract::testing::Plain;
using extract::testing::SharedMatcher;

// "<TYPE> <value> [qualifier] <object> <codes> @<place>" for each count of `text`.
std::vector<std::string> Counts(const Document& doc) {
  ExtractOptions o;
  o.matcher = SharedMatcher();
  std::vector<PlacedDate> dates = PlaceDates(doc, {2025, 9, 2});
  std::vector<std::string> out;
  for (const CountMention& c : FindCounts(doc, o, &dates)) {
    char v[64];
    std::snprintf(v, sizeof(v), "%.0f", c.value);
    std::string s = std::string(CountTypeName(c.type)) + " " + v;
    if (!c.qualifier.empty()) s += " [" + c.qualifier + "]";
    s += " " + (c.type == CountType::kMoney ? c.currency : c.object);
    for (const std::string& code : c.actor_codes) s += " " + code;
    if (!c.place.empty()) s += " @" + c.place;
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> Counts(const std::string& text) { return Counts(Annotated(text)); }

TEST(CountsTest, CasualtiesWithQualifierActorAndPlace) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Counts("About 600 North Korean soldiers died while fighting for Russia in the Kursk "
                   "region, officials said."),
            (std::vector<std::string>{"KILL 600 [about] soldiers PRKMIL @Kursk region"}));
  EXPECT_EQ(Counts("At least 12 civilians were killed in Kharkiv on Sunday."),
            (std::vector<std::string>{"KILL 12 [at least] civilians CVL @Kharkiv"}));
  EXPECT_EQ(Counts("The strike wounded up to 40 people."),
            (std::vector<std::string>{"WOUND 40 [up to] people CVL"}));
}

TEST(CountsTest, SoldiersProvidedTakeTheSubjectsCountry) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Counts("The North Korean leader provided more than 15,000 soldiers to Russia."),
            (std::vector<std::string>{"SOLDIERS 15000 [more than] soldiers PRKMIL"}));
}

TEST(CountsTest, AgentiveSubjectsAreNotVictims) {
  ANNALS_SKIP_WITHOUT_MODELS();
  std::vector<std::string> c = Counts("Two hundred soldiers killed 30 rebels near the border.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].rfind("SOLDIERS 200 soldiers", 0), 0u) << c[0];
  EXPECT_EQ(c[1].rfind("KILL 30 rebels", 0), 0u) << c[1];
}

TEST(CountsTest, ArrestsKidnapsDisplacementProtestsSeizures) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Counts("Police arrested 45 demonstrators on Monday."),
            (std::vector<std::string>{"ARREST 45 demonstrators OPP"}));
  EXPECT_EQ(Counts("Gunmen kidnapped 20 students from a school."),
            (std::vector<std::string>{"KIDNAP 20 students EDU"}));
  EXPECT_EQ(Counts("The floods displaced 3,500 families."),
            (std::vector<std::string>{"DISPLACE 3500 families"}));
  EXPECT_EQ(Counts("Thousands of protesters marched through the capital."),
            (std::vector<std::string>{"PROTEST 2000 protesters OPP"}));
  EXPECT_EQ(Counts("Customs officers seized 300 rifles at the port."),
            (std::vector<std::string>{"SEIZE 300 rifles"}));
  EXPECT_EQ(Counts("The outage affected 80,000 households."),
            (std::vector<std::string>{"AFFECT 80000 households"}));
}

TEST(CountsTest, MoneyAmounts) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Counts("The bank pledged $3 billion in loans."),
            (std::vector<std::string>{"MONEY 3000000000 USD"}));
  EXPECT_EQ(Counts("Brussels approved 50 million euros of aid."),
            (std::vector<std::string>{"MONEY 50000000 EUR"}));
}

TEST(CountsTest, WrittenAndRoundNumbers) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Counts("Two dozen refugees reached the coast."),
            (std::vector<std::string>{"DISPLACE 24 refugees REF"}));
  EXPECT_EQ(Counts("Hundreds of people were evacuated."),
            (std::vector<std::string>{"DISPLACE 200 people CVL"}));
  EXPECT_EQ(Counts("Around 50,000 spectators watched the parade."),
            (std::vector<std::string>{"OTHER 50000 [about] spectators"}));
}

TEST(CountsTest, DatesDurationsAndPercentagesAreNotCounts) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_TRUE(Counts("In 2024, he visited Pyongyang for the first time in 24 years.").empty());
  EXPECT_TRUE(Counts("The war has lasted three years and prices rose 12 percent.").empty());
  EXPECT_TRUE(Counts("They met on September 2, 2025.").empty());
}

TEST(CountsTest, UntaggedWordsUseSurfacePatterns) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Counts(Plain("more than 15,000 soldiers died in the Kursk region")),
            (std::vector<std::string>{"KILL 15000 [more than] soldiers MIL @Kursk region"}));
  EXPECT_EQ(Counts(Plain("rebels seized $3 billion")),
            (std::vector<std::string>{"MONEY 3000000000 USD"}));
}

TEST(CountsTest, GarbageIsHarmless) {
  Document doc = Plain("$ , 1,2,3 of of hundreds of , more than , $$ 9999999999999999999999 x");
  ExtractOptions o;
  (void)FindCounts(doc, o, nullptr);
  Document empty;
  EXPECT_TRUE(FindCounts(empty, o, nullptr).empty());
}

}  // namespace
}  // namespace annals
