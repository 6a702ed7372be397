// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals {
namespace {

const CivilDate kTuesday{2025, 9, 2};  // A Tuesday.

// Resolves the first date expression in `text` and returns "<iso> <text>" ("" when none).
std::string First(std::string_view text, CivilDate anchor = kTuesday) {
  std::vector<DateMention> m = FindDates(text, anchor);
  if (m.empty()) return "";
  return m[0].Iso() + " " + m[0].text;
}

TEST(CivilDateTest, DayArithmeticAndWeekdays) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(CivilFromDays(DaysFromCivil({2024, 2, 29})), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(DaysFromCivil({2025, 3, 1}) - DaysFromCivil({2025, 2, 28}), 1);
  EXPECT_EQ(Weekday(kTuesday), 1);
  EXPECT_EQ(Weekday({2000, 1, 1}), 5);  // A Saturday.
}

TEST(ParseIsoDateTest, AcceptsDatesAndTimesRejectsJunk) {
  EXPECT_EQ(*ParseIsoDate("2025-09-02"), kTuesday);
  EXPECT_EQ(*ParseIsoDate("2025-09-02T08:00:00Z"), kTuesday);
  EXPECT_EQ(*ParseIsoDate("2024-06"), (CivilDate{2024, 6, 0}));
  EXPECT_FALSE(ParseIsoDate("2025-02-30").ok());
  EXPECT_FALSE(ParseIsoDate("Sept 2").ok());
  EXPECT_FALSE(ParseIsoDate("2025-09-02x").ok());
}

TEST(FindDatesTest, WeekdaysResolveToTheNearestPastDayUnlessFuture) {
  EXPECT_EQ(First("Xi met them on Tuesday."), "2025-09-02 Tuesday");
  EXPECT_EQ(First("Xi told a rally on Monday that"), "2025-09-01 Monday");
  EXPECT_EQ(First("The ministers spoke on Friday."), "2025-08-29 Friday");
  EXPECT_EQ(First("Leaders will attend a parade on Wednesday."), "2025-09-03 Wednesday");
  EXPECT_EQ(First("They meet again next Monday."), "2025-09-08 next Monday");
  EXPECT_EQ(First("It happened last Tuesday."), "2025-08-26 last Tuesday");
}

TEST(FindDatesTest, WordRelatives) {
  EXPECT_EQ(First("Troops withdrew yesterday."), "2025-09-01 yesterday");
  EXPECT_EQ(First("The vote is today."), "2025-09-02 today");
  EXPECT_EQ(First("Talks resume tomorrow."), "2025-09-03 tomorrow");
  EXPECT_EQ(First("Protests grew last week."), "2025-W35 last week");
  EXPECT_EQ(First("Sanctions were imposed earlier this month."), "2025-09 earlier this month");
  EXPECT_TRUE(FindDates("earlier this month", kTuesday)[0].approximate);
  EXPECT_EQ(First("An election was held last year."), "2024 last year");
  EXPECT_EQ(First("in the worst war in 80 years ago"), "1945 80 years ago");
  EXPECT_EQ(First("Relations thawed until a few years ago."), "2022 a few years ago");
  EXPECT_EQ(First("The deal was signed three days ago."), "2025-08-30 three days ago");
}

TEST(FindDatesTest, AbsoluteDates) {
  EXPECT_EQ(First("a pact signed in June 2024 by both"), "2024-06 June 2024");
  EXPECT_EQ(First("On September 2, 2025, leaders met."), "2025-09-02 September 2, 2025");
  EXPECT_EQ(First("BEIJING, Sept. 2 (Annals Wire)"), "2025-09-02 Sept. 2");
  EXPECT_EQ(First("signed on 14 March 2024 in Kyiv"), "2024-03-14 14 March 2024");
  EXPECT_EQ(First("the 2nd of September"), "2025-09-02 2nd of September");
  EXPECT_EQ(First("tensions since 2014 rose"), "2014 2014");
  EXPECT_EQ(First("In 2024, he visited Pyongyang."), "2024 2024");
  EXPECT_EQ(First("a boom in the 1990s"), "1990s 1990s");
  EXPECT_EQ(First("published 2024-11-05 at noon"), "2024-11-05 2024-11-05");
}

TEST(FindDatesTest, BareMonthsNeedAPrepositionAndTakeTheNearestPastYear) {
  EXPECT_EQ(First("Talks collapsed in November."), "2024-11 November");
  EXPECT_EQ(First("Trade rose in March."), "2025-03 March");
  EXPECT_EQ(First("You may go."), "");
  EXPECT_EQ(First("May said nothing."), "");
  EXPECT_EQ(First("The summit is planned for in December."), "2025-12 December");
}

TEST(FindDatesTest, NumbersAreNotDates) {
  EXPECT_EQ(First("more than 15,000 soldiers"), "");
  EXPECT_EQ(First("2024 soldiers crossed"), "");
  EXPECT_EQ(First("No. 10 said"), "");
}

TEST(FindDatesTest, WithoutAnAnchorOnlyAbsoluteDatesResolve) {
  std::vector<DateMention> m = FindDates("On Tuesday, in June 2024, and yesterday.", CivilDate{});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].Iso(), "2024-06");
}

TEST(FindDatesTest, SpansPointAtTheExpression) {
  std::string text = "Kim arrived on Monday and left on Tuesday.";
  std::vector<DateMention> m = FindDates(text, kTuesday);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(text.substr(m[1].span.begin, m[1].span.size()), "Tuesday");
  EXPECT_TRUE(m[1].relative);
}

TEST(ResolveDatelineDateTest, UsesThePublicationDateOrYear) {
  EXPECT_EQ(*ResolveDatelineDate("Sept 2", kTuesday), kTuesday);
  EXPECT_EQ(*ResolveDatelineDate("Dec 30", CivilDate{2026, 1, 2}), (CivilDate{2025, 12, 30}));
  EXPECT_EQ(*ResolveDatelineDate("March 3, 2025", CivilDate{}), (CivilDate{2025, 3, 3}));
  EXPECT_FALSE(ResolveDatelineDate("Reuters", kTuesday).ok());
}

}  // namespace
}  // namespace annals
