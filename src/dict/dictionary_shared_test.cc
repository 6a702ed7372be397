// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The real PETRARCH dictionaries in ../shared load with zero errors, and match as PETRARCH would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"

namespace annals {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string SharedDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  return env && *env ? env : "../shared";
}

Result<Dictionary> LoadShared(const std::string& sub) {
  DictionaryOptions o;
  o.dirs = {SharedDir() + "/data/" + sub};
  return Dictionary::Load(o);
}

// The Phoenix set is loaded once for all tests (it is the big one).
const Result<Dictionary>& Phoenix() {
  static const Result<Dictionary>* d = new Result<Dictionary>(LoadShared("phoenix-dictionaries"));
  return *d;
}

#define SKIP_IF_NO_SHARED(sub)                                              \
  if (!std::filesystem::is_directory(SharedDir() + "/data/" + sub)) {       \
    GTEST_SKIP() << "../shared absent: " << SharedDir() << "/data/" << sub; \
  }

std::vector<std::string> Codes(const Dictionary& d, std::vector<std::string> words,
                               const char* date) {
  ActorMatcher m(d);
  MatchOptions opt;
  if (date) opt.day = *ParseIsoDay(date);
  std::vector<std::string> out;
  for (const ActorMatch& am : m.MatchForms(words, opt)) {
    std::string joined;
    for (const std::string& c : am.codes) joined += (joined.empty() ? "" : "+") + c;
    out.push_back(joined);
  }
  return out;
}

TEST(SharedDictionaries, PhoenixLoadsWithZeroErrors) {
  SKIP_IF_NO_SHARED("phoenix-dictionaries");
  const Result<Dictionary>& d = Phoenix();
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  DictionaryCounts c = d->counts();
  std::vector<std::string> problems;
  for (const DictionaryProblem& p : d->problems()) {
    if (p.severity == DictionaryProblem::Severity::kError) problems.push_back(p.Message());
  }
  EXPECT_EQ(c.errors, 0u) << testing::PrintToString(problems);
  // The two lines with a stray 0x1A byte are reported as warnings.
  int control = 0;
  for (const DictionaryProblem& p : d->problems()) {
    if (p.message.find("stray control byte 0x1A") != std::string::npos) {
      ++control;
      EXPECT_THAT(p.file, HasSubstr("Phoenix.Countries.actors.txt"));
      EXPECT_TRUE(p.line == 745 || p.line == 12159) << p.line;
    }
  }
  EXPECT_EQ(control, 2);
  // Sizes from the README of ../shared/data/phoenix-dictionaries.
  EXPECT_EQ(c.verb_classes, 397u);
  EXPECT_EQ(c.patterns, 4668u);
  EXPECT_EQ(c.synsets, 40u);
  EXPECT_EQ(c.transformations, 8u);
  EXPECT_EQ(c.discards, 506u);
  EXPECT_GT(c.actors, 20000u);
  EXPECT_GT(c.agents, 2200u);
  EXPECT_GT(c.issues, 3000u);
  // 266 CAMEO:0xHHHH lines (the README's 268 counts two indented comment lines too).
  EXPECT_EQ(d->internal_codes().size(), 266u);
  ASSERT_EQ(d->word_lists().size(), 1u);
  EXPECT_EQ(d->word_lists()[0].second.size(), 106u);
}

TEST(SharedDictionaries, PhoenixMatchesWithDates) {
  SKIP_IF_NO_SHARED("phoenix-dictionaries");
  const Result<Dictionary>& d = Phoenix();
  ASSERT_TRUE(d.ok());
  EXPECT_THAT(Codes(*d, {"Afghanistan"}, "2010-01-01"), ElementsAre("AFG"));
  EXPECT_THAT(Codes(*d, {"Kabul"}, "2010-01-01"), ElementsAre("AFG"));
  // Yeltsin: several codeless root lines share the dated codes that follow them.
  EXPECT_THAT(Codes(*d, {"President", "Yeltsin"}, "1995-01-01"), ElementsAre("RUSGOV"));
  EXPECT_THAT(Codes(*d, {"Boris", "Yeltsin"}, "1985-01-01"), ElementsAre("RUSELI"));
  EXPECT_THAT(Codes(*d, {"Chinese", "soldiers"}, "2010-01-01"), ElementsAre("CHNMIL"));
  EXPECT_THAT(Codes(*d, {"French", "police"}, "2010-01-01"), ElementsAre("FRACOP"));
}

TEST(SharedDictionaries, PetrarchValidationSetsLoadCleanly) {
  for (const char* set :
       {"petrarch-unit-tests/petrarch2", "petrarch-unit-tests/universalpetrarch"}) {
    SKIP_IF_NO_SHARED(set);
    Result<Dictionary> d = LoadShared(set);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_TRUE(d->problems().empty()) << set << ": " << d->problems()[0].Message();
    EXPECT_GT(d->counts().actors, 100u);
    EXPECT_GT(d->counts().patterns, 400u);
    // GOLLUM's dated codes from the validation dictionary.
    EXPECT_THAT(Codes(*d, {"Gollum"}, "1994-01-01"), ElementsAre("HOB"));
    EXPECT_THAT(Codes(*d, {"Smeagol"}, "1996-01-01"), ElementsAre("HOBGOV"));
    EXPECT_THAT(Codes(*d, {"Gollum"}, "2000-01-01"), ElementsAre("HOBREB"));
  }
}

}  // namespace
}  // namespace annals
