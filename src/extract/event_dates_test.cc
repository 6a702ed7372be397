// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_test_util.h"

namespace annals {
namespace {

using extract::testing::Annotated;

TEST(DocumentDateTest, MetadataThenDatelineThenOption) {
  Document doc;
  std::string source;
  doc.date = "2025-09-02T08:00:00Z";
  EXPECT_EQ(DocumentDate(doc, {}, &source), (CivilDate{2025, 9, 2}));
  EXPECT_EQ(source, "metadata");
  doc.date = "";
  doc.dateline = Dateline{"BEIJING", "September 2", "Reuters", {0, 10}};
  EXPECT_EQ(DocumentDate(doc, {2025, 9, 3}, &source), (CivilDate{2025, 9, 2}));
  EXPECT_EQ(source, "dateline");
  doc.dateline.reset();
  EXPECT_EQ(DocumentDate(doc, {2025, 9, 3}, &source), (CivilDate{2025, 9, 3}));
  EXPECT_EQ(source, "option");
  EXPECT_EQ(DocumentDate(doc, {}, &source).year, 0);
  EXPECT_EQ(source, "");
}

// The event date of the first verb with lemma `lemma` in a one-sentence text.
EventDate DateOf(const std::string& text, const std::string& lemma, std::string* iso) {
  Document doc = Annotated(text);
  std::vector<PlacedDate> dates = PlaceDates(doc, {2025, 9, 2});
  int pred = -1;
  for (size_t i = 0; i < doc.sentences[0].words.size(); ++i) {
    if (doc.sentences[0].words[i].lemma == lemma) {
      pred = static_cast<int>(i);
      break;
    }
  }
  EventDate e = DateForEvent(dates, 0, pred, {2025, 9, 2});
  *iso = e.Iso();
  return e;
}

TEST(DateForEventTest, PredicateThenSentenceThenDocument) {
  ANNALS_SKIP_WITHOUT_MODELS();
  std::string iso;
  EventDate e = DateOf("Xi met Putin on Monday.", "meet", &iso);
  EXPECT_EQ(iso, "2025-09-01");
  EXPECT_EQ(e.source, DateSource::kPredicate);
  EXPECT_FALSE(e.historical);
  e = DateOf("Russia and North Korea signed a pact in June 2024.", "sign", &iso);
  EXPECT_EQ(iso, "2024-06");
  EXPECT_EQ(e.precision, DatePrecision::kMonth);
  EXPECT_TRUE(e.historical);
  e = DateOf("Leaders gathered in Tianjin.", "gather", &iso);
  EXPECT_EQ(iso, "2025-09-02");
  EXPECT_EQ(e.source, DateSource::kDocument);
  EXPECT_FALSE(e.historical);
  e = DateOf("Protests grew last week.", "grow", &iso);
  EXPECT_EQ(iso, "2025-W35");
  EXPECT_FALSE(e.historical);
  e = DateOf("The pact was signed 80 years ago.", "sign", &iso);
  EXPECT_EQ(iso, "1945");
  EXPECT_TRUE(e.historical);
}

TEST(DateForEventTest, WithoutAParseTheNearestDateOfTheSentenceWins) {
  std::vector<PlacedDate> dates(2);
  dates[0].sentence = 0;
  dates[0].head_word = 1;
  dates[0].mention.date = {2025, 8, 30};
  dates[1].sentence = 0;
  dates[1].head_word = 9;
  dates[1].mention.date = {2025, 9, 1};
  EventDate e = DateForEvent(dates, 0, 8, {2025, 9, 2});
  EXPECT_EQ(e.source, DateSource::kSentence);
  EXPECT_EQ(e.mention, 1);
  EXPECT_EQ(DateForEvent(dates, 1, 8, {}).source, DateSource::kNone);
}

TEST(PlaceDatesTest, DatelineDatesAreMarkedAndSkippedForEvents) {
  ANNALS_SKIP_WITHOUT_MODELS();
  Document doc = Annotated("BEIJING, Sept 2 (Reuters) - Leaders met on Monday.");
  doc.dateline = Dateline{"BEIJING", "Sept 2", "Reuters", {0, 28}};
  std::vector<PlacedDate> dates = PlaceDates(doc, {2025, 9, 2});
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_TRUE(dates[0].dateline);
  EXPECT_FALSE(dates[1].dateline);
  EXPECT_EQ(dates[1].mention.Iso(), "2025-09-01");
}

}  // namespace
}  // namespace annals
