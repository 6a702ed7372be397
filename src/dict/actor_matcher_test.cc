// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The matcher over the small test dictionary in src/dict/testdata/default-mini (our own facts).
// Test sentences are written by us.
#include "annals/actor_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "annals/tokenizer.h"

namespace annals {
namespace {

using ::testing::ElementsAre;

class MatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DictionaryOptions o;
    o.dirs = {"src/dict/testdata/default-mini"};
    Result<Dictionary> d = Dictionary::Load(o);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    ASSERT_TRUE(d->problems().empty()) << d->problems()[0].Message();
    dict_ = new Dictionary(std::move(*d));
  }
  static void TearDownTestSuite() {
    delete dict_;
    dict_ = nullptr;
  }

  // Splits on blanks (whitespace words, punctuation attached, as a naive tokenizer gives).
  static std::vector<std::string> Words(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
      if (c == ' ') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
  }

  // "CODE[+CODE]" per match; for one-match texts, the list has one element.
  std::vector<std::string> Codes(const std::vector<std::string>& words, const char* date,
                                 MatchOptions opt = {}) {
    if (date) opt.day = *ParseIsoDay(date);
    ActorMatcher m(*dict_);
    std::vector<std::string> out;
    for (const ActorMatch& am : m.MatchForms(words, opt)) {
      std::string joined;
      for (const std::string& c : am.codes) joined += (joined.empty() ? "" : "+") + c;
      out.push_back(joined);
    }
    return out;
  }
  std::vector<std::string> Codes(const std::string& text, const char* date = "2025-09-02") {
    return Codes(Words(text), date);
  }

  static Dictionary* dict_;
};

Dictionary* MatcherTest::dict_ = nullptr;

TEST_F(MatcherTest, IssueExamplesOnSummitDate) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Xi Jinping", "CHNGOV"},
      {"Chinese President Xi", "CHNGOV"},
      {"Vladimir Putin", "RUSGOV"},
      {"Kim Jong Un", "PRKGOV"},
      {"Narendra Modi", "INDGOV"},
      {"Scott Bessent", "USAGOV"},
      {"Donald Trump", "USAGOV"},
      {"Gazprom", "RUSBUS"},
      {"China National Petroleum Corporation", "CHNBUS"},
      {"Shanghai Cooperation Organization", "IGOASIASCO"},
      {"NATO", "IGOWSTNAT"},
      {"North Korean soldiers", "PRKMIL"},
      {"the Iranian leader", "IRNGOV"},
      {"South Korea intelligence agency", "KORSPY"},
      {"the South Korea intelligence agency", "KORSPY"},
  };
  for (const auto& [text, code] : cases) {
    EXPECT_THAT(Codes(text), ElementsAre(code)) << text;
  }
}

TEST_F(MatcherTest, DateDecidesRoles) {
  EXPECT_THAT(Codes("Donald Trump", "2022-06-01"), ElementsAre("USA"));  // Out of office.
  EXPECT_THAT(Codes("Donald Trump", "2019-06-01"), ElementsAre("USAGOV"));
  EXPECT_THAT(Codes("Donald Trump", "2016-06-01"), ElementsAre("USA"));
  EXPECT_THAT(Codes("Scott Bessent", "2024-06-01"), ElementsAre("USA"));
  EXPECT_THAT(Codes("Putin", "2010-01-01"), ElementsAre("RUSGOV"));  // Prime minister then.
  EXPECT_THAT(Codes(Words("Donald Trump"), nullptr), ElementsAre("USAGOV"));  // Unknown: latest.
}

TEST_F(MatcherTest, AmbiguousAliasPicksTheEntryInForce) {
  // "Kim Jong" names both Kim Jong Il and Kim Jong Un; the date decides which.
  ActorMatcher m(*dict_);
  MatchOptions opt;
  opt.day = *ParseIsoDay("2025-09-02");
  std::vector<ActorMatch> r = m.MatchForms({"Kim", "Jong's", "armored", "train"}, opt);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(dict_->actors()[r[0].actor].name, "Kim Jong Un");
  EXPECT_THAT(r[0].codes, ElementsAre("PRKGOV"));
  EXPECT_EQ(r[0].how, "date");
  opt.day = *ParseIsoDay("2005-01-01");
  r = m.MatchForms({"Kim", "Jong"}, opt);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(dict_->actors()[r[0].actor].name, "Kim Jong Il");
}

TEST_F(MatcherTest, CaseRulesForAmbiguousNames) {
  EXPECT_THAT(Codes("Turkey said"), ElementsAre("TUR"));
  EXPECT_THAT(Codes("TURKEY SAID"), ElementsAre("TUR"));
  EXPECT_THAT(Codes("they ate turkey"), ElementsAre());
  EXPECT_THAT(Codes("Chad and Georgia and Jordan"), ElementsAre("TCD", "GEO", "JOR"));
  EXPECT_THAT(Codes("the chad of a ballot in georgia near jordan"), ElementsAre());
  EXPECT_THAT(Codes("the US said"), ElementsAre("USA"));
  EXPECT_THAT(Codes("the U.S. said"), ElementsAre("USA"));
  EXPECT_THAT(Codes("let us go"), ElementsAre());
  EXPECT_THAT(Codes("Us and them"), ElementsAre());
  EXPECT_THAT(Codes("May said"), ElementsAre());  // Month/modal word alone: never a name.
  EXPECT_THAT(Codes("Theresa May said", "2017-01-01"), ElementsAre("GBRGOV"));
  EXPECT_THAT(Codes("XI MET PUTIN"), ElementsAre("CHNGOV", "RUSGOV"));  // All caps.
  EXPECT_THAT(Codes("xi met putin"), ElementsAre());
}

TEST_F(MatcherTest, PossessivesAttachedOrSplit) {
  EXPECT_THAT(Codes("Russia's army"), ElementsAre("RUSMIL"));
  EXPECT_THAT(Codes(Words("Russia 's army"), "2025-09-02"), ElementsAre("RUSMIL"));
  EXPECT_THAT(Codes("Russia\xE2\x80\x99s army"), ElementsAre("RUSMIL"));
  EXPECT_THAT(Codes("Putin's spokesman"), ElementsAre("RUSGOV"));
  EXPECT_THAT(Codes("China's Xi"), ElementsAre("CHNGOV"));
  EXPECT_THAT(Codes("Trump's Treasury Secretary Scott Bessent"), ElementsAre("USAGOV"));
  EXPECT_THAT(Codes(Words("Trump 's Treasury Secretary Scott Bessent"), "2025-09-02"),
              ElementsAre("USAGOV"));
  EXPECT_THAT(Codes("Kim Jong's special armored train"), ElementsAre("PRKGOV"));
  // A person without a possessive does not take the following noun.
  EXPECT_THAT(Codes("Putin soldiers"), ElementsAre("RUSGOV", "MIL"));
}

TEST_F(MatcherTest, CoordinatedActorsStayOneList) {
  EXPECT_THAT(Codes("Russian and North Korean counterparts"), ElementsAre("RUSGOV+PRKGOV"));
  EXPECT_THAT(Codes("Russian, Chinese and Iranian troops"), ElementsAre("RUSMIL+CHNMIL+IRNMIL"));
  EXPECT_THAT(Codes("Russian & Indian officials"), ElementsAre("RUSGOV+INDGOV"));
  // Without a shared agent noun each country is its own match.
  EXPECT_THAT(Codes("Russia and China signed"), ElementsAre("RUS", "CHN"));
  ActorMatcher m(*dict_);
  std::vector<ActorMatch> r = m.MatchForms(Words("Russian and North Korean counterparts"), {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].first_word, 0);
  EXPECT_EQ(r[0].end_word, 5);
  EXPECT_EQ(r[0].actors.size(), 2u);
}

TEST_F(MatcherTest, CountriesMetonymsCapitalsHistorical) {
  EXPECT_THAT(Codes("Beijing"), ElementsAre("CHN"));
  EXPECT_THAT(Codes("the Kremlin said"), ElementsAre("RUSGOV"));
  EXPECT_THAT(Codes("Zhongnanhai"), ElementsAre("CHNGOV"));
  EXPECT_THAT(Codes("Downing Street"), ElementsAre("GBRGOV"));
  EXPECT_THAT(Codes("Burma"), ElementsAre("MMR"));
  EXPECT_THAT(Codes("People's Republic of China"), ElementsAre("CHN"));
  EXPECT_THAT(Codes("the DPRK"), ElementsAre("PRK"));
  EXPECT_THAT(Codes("Chinese soldiers"), ElementsAre("CHNMIL"));
  EXPECT_THAT(Codes("Chinese foreign ministry spokesman"), ElementsAre("CHNGOV"));
  EXPECT_THAT(Codes("American police officers"), ElementsAre("USACOP"));
}

TEST_F(MatcherTest, AgentsAloneAndDiscards) {
  EXPECT_THAT(Codes("soldiers fired"), ElementsAre("MIL"));
  MatchOptions no_bare;
  no_bare.report_bare_agents = false;
  EXPECT_THAT(Codes(Words("soldiers fired"), nullptr, no_bare), ElementsAre());
  EXPECT_THAT(Codes("Manchester United beat Chinese rebels"), ElementsAre("CHNREB"));
  MatchOptions discards;
  discards.report_discards = true;
  ActorMatcher m(*dict_);
  std::vector<ActorMatch> r = m.MatchForms(Words("the World Cup in Russia"), discards);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].kind, ActorMatch::Kind::kDiscard);
  EXPECT_THAT(r[1].codes, ElementsAre("RUS"));
}

TEST_F(MatcherTest, CompositionCanBeTurnedOff) {
  MatchOptions plain;
  plain.compose = false;
  EXPECT_THAT(Codes(Words("North Korean soldiers"), "2025-09-02", plain),
              ElementsAre("PRK", "MIL"));
}

TEST_F(MatcherTest, SpansPointAtTheText) {
  Result<Tokenizer> tok = Tokenizer::Create({});
  ASSERT_TRUE(tok.ok());
  std::string text = "On Tuesday Xi Jinping hosted Vladimir Putin and Kim Jong Un in Beijing";
  std::vector<Sentence> sentences = tok->Split(text);
  ASSERT_EQ(sentences.size(), 1u);
  ActorMatcher m(*dict_);
  std::vector<ActorMatch> r = m.Match(sentences[0].words, {});
  std::vector<std::string> spans;
  for (const ActorMatch& am : r) spans.push_back(text.substr(am.span.begin, am.span.size()));
  EXPECT_THAT(spans, ElementsAre("Xi Jinping", "Vladimir Putin", "Kim Jong Un", "Beijing"));
}

// The phrase index and the matcher split words the same way, so names with hyphens, commas and
// brackets match whether the tokenizer split them ("Guinea", "-", "Bissau") or not.
TEST_F(MatcherTest, HyphenCommaAndBracketNamesWithEitherTokenization) {
  Result<Tokenizer> tok = Tokenizer::Create({});
  ASSERT_TRUE(tok.ok());
  for (const char* text : {"Guinea-Bissau", "Bissau-Guinean", "Bissau-Guineans",
                           "Bonaire, Saba and Sample", "Cocos (Keeling) Islands"}) {
    EXPECT_THAT(Codes(Words(text), nullptr), ElementsAre("GNB")) << "whitespace words: " << text;
    std::vector<Sentence> s = tok->Split(text);
    ASSERT_EQ(s.size(), 1u) << text;
    ActorMatcher m(*dict_);
    std::vector<ActorMatch> r = m.Match(s[0].words, {});
    ASSERT_EQ(r.size(), 1u) << "tokenizer words: " << text;
    EXPECT_THAT(r[0].codes, ElementsAre("GNB")) << text;
    EXPECT_EQ(r[0].span.begin, 0u) << text;
    EXPECT_EQ(r[0].span.end, std::string_view(text).size()) << text;
  }
  // Hyphenated person names also match without the hyphen, and with it.
  EXPECT_THAT(Codes("Kim Jong-un"), ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes("Kim Jong Un"), ElementsAre("PRKGOV"));
  // A comma that is not part of a name still separates ("Bonaire, Saba" is not a name here).
  EXPECT_THAT(Codes("Guinea-Bissau, Russia"), ElementsAre("GNB", "RUS"));
  // Adjectives joined by comma tokens still coordinate.
  std::vector<Sentence> s = tok->Split("Russian, Chinese and Iranian troops");
  ASSERT_EQ(s.size(), 1u);
  ActorMatcher m(*dict_);
  std::vector<ActorMatch> r = m.Match(s[0].words, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0].codes, ElementsAre("RUSMIL", "CHNMIL", "IRNMIL"));
}

// A phrase written without the hyphen (PETRARCH's "GUINEA_BISSAU") matches the hyphenated text; a
// trailing hyphen is not part of a match.
TEST(MatcherHyphens, PhraseWithoutHyphenMatchesHyphenatedText) {
  Dictionary d =
      Dictionary::FromMemory({{"test.actors.txt", "GUINEA_BISSAU  [GNB]\nGUINEA [GIN]\n"}});
  ASSERT_TRUE(d.problems().empty());
  ActorMatcher m(d);
  auto codes = [&](const std::vector<std::string>& forms) {
    std::vector<std::string> out;
    for (const ActorMatch& am : m.MatchForms(forms, {})) {
      for (const std::string& c : am.codes) out.push_back(c);
    }
    return out;
  };
  EXPECT_THAT(codes({"Guinea-Bissau"}), ElementsAre("GNB"));
  EXPECT_THAT(codes({"Guinea", "-", "Bissau"}), ElementsAre("GNB"));
  EXPECT_THAT(codes({"Guinea", "Bissau"}), ElementsAre("GNB"));
  EXPECT_THAT(codes({"Guinea", "-"}), ElementsAre("GIN"));
  EXPECT_THAT(codes({"Guinea-based"}), ElementsAre("GIN"));
}

TEST_F(MatcherTest, EmptyAndPunctuationOnlyInput) {
  ActorMatcher m(*dict_);
  EXPECT_TRUE(m.MatchForms({}, {}).empty());
  EXPECT_TRUE(m.MatchForms({"'s", ",", "--", "'"}, {}).empty());
}

}  // namespace
}  // namespace annals
