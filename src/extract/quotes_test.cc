// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_test_util.h"

namespace annals {
namespace {

using extract::testing::Annotated;
using extract::testing::SharedMatcher;

// "<D|I> <speaker> (<codes>) <verb>: <text>" per quote.
std::vector<std::string> Quotes(const std::string& text) {
  Document doc = Annotated(text);
  ExtractOptions o;
  o.matcher = SharedMatcher();
  std::vector<std::string> out;
  for (const Quote& q : FindQuotes(doc, o)) {
    std::string codes;
    for (const std::string& c : q.speaker_codes) codes += (codes.empty() ? "" : ",") + c;
    out.push_back(std::string(q.direct ? "D " : "I ") + q.speaker + " (" + codes + ") " + q.verb +
                  ": " + q.text);
    EXPECT_LE(q.span.end, doc.text.size());
  }
  return out;
}

TEST(QuotesTest, CurlyQuoteThenSaidName) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Quotes("\u201cWe will not retreat from the border,\u201d said Sergei Lavrov."),
            (std::vector<std::string>{
                "D Sergey Lavrov (RUSGOV) say: We will not retreat from the border"}));
}

TEST(QuotesTest, StraightQuoteThenNameSaid) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(
      Quotes("\"The talks went well and we expect more,\" Marta Ruiz said."),
      (std::vector<std::string>{"D Marta Ruiz () say: The talks went well and we expect more"}));
}

// A speaker with a long title after the closing mark, a person whose alias took part of the
// name ("North Korean leader Kim" + "Jong Un"), and someone speaking for a person (not the
// person).
TEST(QuotesTest, TitledSpeakersAfterTheQuote) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Quotes("\u201cWe are ready,\u201d Russian Foreign Minister Sergei Lavrov told "
                   "reporters."),
            (std::vector<std::string>{"D Sergey Lavrov (RUSGOV) tell: We are ready"}));
  EXPECT_EQ(Quotes("North Korean leader Kim Jong Un warned on Monday of \u201coverwhelming "
                   "force\u201d against any provocation."),
            (std::vector<std::string>{"D Kim Jong Un (PRKGOV) warn: overwhelming force"}));
  std::vector<std::string> q = Quotes(
      "\u201cThe talks were useful,\u201d a spokesman for Prime Minister Keir Starmer said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].find("Keir Starmer (GBRGOV)"), std::string::npos) << q[0];
}

TEST(QuotesTest, AttributionBeforeTheColon) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Quotes("Xi told the summit on Monday: \u201cWe must oppose hegemonism.\u201d"),
            (std::vector<std::string>{"D Xi Jinping (CHNGOV) tell: We must oppose hegemonism."}));
}

TEST(QuotesTest, MultiSentenceQuoteAndPronounSpeaker) {
  ANNALS_SKIP_WITHOUT_MODELS();
  std::vector<std::string> q = Quotes(
      "Dana Holt, an analyst, spoke to reporters in Seoul.\n\n"
      "\u201cThe drills are getting larger. They are also more frequent,\u201d she added.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0], "D Dana Holt () add: The drills are getting larger. They are also more frequent");
}

TEST(QuotesTest, QuoteSpanningParagraphs) {
  ANNALS_SKIP_WITHOUT_MODELS();
  std::vector<std::string> q = Quotes(
      "\u201cThe first part of the statement is long enough to matter,\u201d said Ana Silva.\n\n"
      "\u201cWe continue here without closing the mark\n\n"
      "\u201cand finish in the third paragraph.\u201d");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].substr(0, 15), "D Ana Silva () ");
  EXPECT_NE(q[1].find("We continue here without closing the mark and finish"), std::string::npos)
      << q[1];
}

TEST(QuotesTest, ScareQuotesAreSkipped) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_TRUE(Quotes("He praised \u201cunprecedented relations\u201d with China.").empty());
}

TEST(QuotesTest, IndirectSpeech) {
  ANNALS_SKIP_WITHOUT_MODELS();
  EXPECT_EQ(Quotes("Vladimir Putin said that Russia would keep its troops in the region."),
            (std::vector<std::string>{
                "I Vladimir Putin (RUSGOV) say: Russia would keep its troops in the region"}));
  EXPECT_EQ(
      Quotes("Putin told the forum in Tianjin that the balance had to be restored."),
      (std::vector<std::string>{"I Vladimir Putin (RUSGOV) tell: the balance had to be restored"}));
  EXPECT_EQ(Quotes("Troops left the town on Sunday, officials said."),
            (std::vector<std::string>{"I officials () say: Troops left the town on Sunday"}));
  EXPECT_EQ(
      Quotes("About 600 soldiers died in the Kursk region, according to the South Korean "
             "intelligence agency."),
      (std::vector<std::string>{"I the South Korean intelligence agency (KORSPY) according to: "
                                "About 600 soldiers died in the Kursk region"}));
}

TEST(QuotesTest, GarbageIsHarmless) {
  ExtractOptions o;
  Document doc;
  doc.text = "\u201c\u201c\"\" \u201d said \n\n\u201c";
  EXPECT_TRUE(FindQuotes(doc, o).empty());  // No sentences: nothing to attribute, no crash.
}

}  // namespace
}  // namespace annals
