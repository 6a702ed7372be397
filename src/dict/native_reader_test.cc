// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The native TSV tables: each table, list cells, dates, and each bad-row case.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"

namespace annals {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> Messages(const Dictionary& d) {
  std::vector<std::string> out;
  for (const DictionaryProblem& p : d.problems()) out.push_back(p.Message());
  return out;
}

const char kCountries[] =
    "# source: written for this test\n"
    "code\tiso2\tnames\tadjectives\tdemonyms\tcapitals\tmetonyms\thistorical\tnote\n"
    "FRD\tFD\tFreedonia | Republic of Freedonia\tFreedonian\tFreedonian | Freedonians\tFredville"
    "\tPalace of Fredville\tOld Freedonia\tinvented\n"
    "SYL\tSY\tSylvania\tSylvanian\t\t\t\t\t\n";

TEST(NativeTables, CountriesWithAllColumns) {
  Dictionary d = Dictionary::FromMemory({{"countries.tsv", kCountries}});
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  ASSERT_EQ(d.actors().size(), 3u);  // FRD, its metonym entry, SYL.
  EXPECT_EQ(d.actors()[0].kind, ActorKind::kCountry);
  EXPECT_EQ(d.actors()[1].kind, ActorKind::kGovernmentBody);
  EXPECT_EQ(d.actors()[1].codes[0].code, "FRDGOV");
  EXPECT_EQ(d.Where(d.actors()[0].where), "countries.tsv:3");
  ActorMatcher m(d);
  MatchOptions opt;
  for (const char* name : {"Freedonia", "Republic of Freedonia", "Freedonian", "Freedonians",
                           "Fredville", "Old Freedonia"}) {
    std::vector<std::string> words;
    std::string w;
    for (const char* p = name;; ++p) {
      if (*p == ' ' || *p == 0) {
        words.push_back(w);
        w.clear();
        if (*p == 0) break;
      } else {
        w.push_back(*p);
      }
    }
    std::vector<ActorMatch> r = m.MatchForms(words, opt);
    ASSERT_EQ(r.size(), 1u) << name;
    EXPECT_THAT(r[0].codes, ElementsAre("FRD")) << name;
  }
  std::vector<ActorMatch> r = m.MatchForms({"the", "Palace", "of", "Fredville"}, opt);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0].codes, ElementsAre("FRDGOV"));
}

TEST(NativeTables, PeopleRowsMergeIntoOneActorWithPeriods) {
  Dictionary d = Dictionary::FromMemory(
      {{"people.tsv",
        "name\taliases\tcode\tfrom\tuntil\trole\tnote\n"
        "Rufus Firefly\tFirefly | R. T. Firefly\tFRDGOV\t1933-01-01\t1935-12-31\tleader\t\n"
        "Rufus Firefly\tRufus\tFRDOPP\t1936-01-01\t\topposition leader\t\n"
        "Ambassador Trentino\tTrentino\tSYLGOV\t\t\tambassador\t\n"}});
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  ASSERT_EQ(d.actors().size(), 2u);
  const Actor& f = d.actors()[0];
  EXPECT_EQ(f.kind, ActorKind::kPerson);
  ASSERT_EQ(f.codes.size(), 2u);
  EXPECT_EQ(FormatIsoDay(f.codes[0].until), "1935-12-31");
  EXPECT_EQ(f.codes[1].until, kDayMax);
  EXPECT_THAT(f.roles, ElementsAre("leader", "opposition leader"));
  ActorMatcher m(d);
  MatchOptions opt;
  opt.day = *ParseIsoDay("1935-12-31");
  EXPECT_THAT(m.MatchForms({"Firefly"}, opt).at(0).codes, ElementsAre("FRDGOV"));
  opt.day = *ParseIsoDay("1936-01-01");
  EXPECT_THAT(m.MatchForms({"Rufus"}, opt).at(0).codes, ElementsAre("FRDOPP"));
  opt.day = *ParseIsoDay("1930-01-01");
  EXPECT_THAT(m.MatchForms({"Firefly"}, opt).at(0).codes, ElementsAre("FRD"));      // Country only.
  EXPECT_THAT(m.MatchForms({"Trentino"}, opt).at(0).codes, ElementsAre("SYLGOV"));  // Undated.
}

TEST(NativeTables, OrganizationsAgentsDiscardsSynsets) {
  Dictionary d = Dictionary::FromMemory(
      {{"organizations.tsv",
        "code\ttype\tnames\tcountry\tnote\n"
        "FRDBUS\tcompany\tFreedonia Mining Company | FMC\tFRD\t\n"
        "IGOMRX\tigo\tMarx Brothers Alliance\t\t\n"},
       {"agents.tsv", "code\tnouns\tnote\nMIL\tsoldier | soldiers | troops\t\n"},
       {"discards.tsv", "phrase\tnote\nDuck Soup\tfilm title\n"},
       {"synsets.tsv", "name\tmembers\tnote\n&CURRENCY\tducat | ducats\t\n"}});
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  ASSERT_EQ(d.actors().size(), 2u);
  EXPECT_EQ(d.actors()[0].kind, ActorKind::kCompany);
  EXPECT_EQ(d.actors()[0].country, "FRD");
  EXPECT_EQ(d.actors()[1].kind, ActorKind::kIgo);
  ASSERT_EQ(d.agents().size(), 1u);
  EXPECT_EQ(d.counts().agent_phrases, 3u);
  ASSERT_EQ(d.discards().size(), 1u);
  ASSERT_EQ(d.synsets().size(), 1u);
  EXPECT_EQ(d.synsets()[0].name, "CURRENCY");
  EXPECT_THAT(d.synsets()[0].members, ElementsAre("ducat", "ducats"));
  ActorMatcher m(d);
  MatchOptions opt;
  EXPECT_THAT(m.MatchForms({"FMC"}, opt).at(0).codes, ElementsAre("FRDBUS"));
  EXPECT_TRUE(m.MatchForms({"Duck", "Soup"}, opt).empty());
}

// verbs.tsv (the predicate table) and word_classes.tsv are the event coder's: the actor dictionary
// recognises their headers and leaves them alone, with no problem reported, whatever their rows
// hold.
TEST(NativeTables, PredicateTableIsRecognisedAndLeftToTheCoder) {
  Dictionary d = Dictionary::FromMemory(
      {{"verbs.tsv",
        "# patterns\n"
        "id\tcameo\tpos\tlemma\tparticle\tobject\ttarget\tflags\texample\n"
        "v.meet.1\t040\tVERB\tmeet\t-\t-\tobj\t-\tFreedonia met Sylvania.\n"
        "not\ta\tvalid\trow\n"},
       {"word_classes.tsv", "lemma\tclasses\tnote\nmeet\tno such class\t-\n"},
       {"countries.tsv", kCountries}});
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  Dictionary alone = Dictionary::FromMemory({{"countries.tsv", kCountries}});
  EXPECT_EQ(d.counts().actors, alone.counts().actors);
  // An unknown header is still an error.
  Dictionary bad = Dictionary::FromMemory({{"verbs.tsv", "id\tcameo\tlemma\n"}});
  EXPECT_THAT(Messages(bad), Contains(HasSubstr("unknown table header")));
}

TEST(NativeTables, BadRowsAreReportedAndTheRestLoads) {
  Dictionary d = Dictionary::FromMemory(
      {{"people.tsv",
        "name\taliases\tcode\tfrom\tuntil\trole\tnote\n"     // 1
        "Good Person\t\tFRDGOV\t2020-01-01\t\tleader\t\n"    // 2
        "\t\tFRDGOV\t\t\t\t\n"                               // 3: no name
        "Bad Code\t\tfrdgov\t\t\t\t\n"                       // 4: lower-case code
        "Bad Date\t\tFRDGOV\t2020-13-01\t\t\t\n"             // 5
        "Backwards\t\tFRDGOV\t2020-01-02\t2020-01-01\t\t\n"  // 6
        "Too Many\t\tFRDGOV\t\t\t\t\textra\n"                // 7: 8 cells
        "Bad Until\t\tFRDGOV\t\tsoon\t\t\n"                  // 8
        "Short Row\t\tFRDGOV\n"},                            // 9: fewer cells are fine
       {"organizations.tsv",
        "code\ttype\tnames\tcountry\n"
        "FRDBNK\tbank\tFreedonia Bank\tFRD\n"     // 2: unknown type: warning, read as other
        "FRDBUS\tcompany\t\tFRD\n"                // 3: no names
        "FRDBUS\tcompany\tX Corp\tfreedonia\n"},  // 4: bad country
       {"countries.tsv",
        "code\tiso2\tnames\tadjectives\tdemonyms\tcapitals\tmetonyms\thistorical\n"
        "FR\tFD\tFreedonia\t\t\t\t\t\n"         // 2: short code
        "FRD\tFRD\tFreedonia\t\t\t\t\t\n"       // 3: bad iso2
        "FRD\tFD\t\t\t\t\t\t\n"},               // 4: no names
       {"agents.tsv", "code\tnouns\nMIL\t\n"},  // 2: no nouns
       {"weird.tsv", "alpha\tbeta\nx\ty\n"}});
  std::vector<std::string> m = Messages(d);
  for (const char* want :
       {"people.tsv:3: error: person has no name", "people.tsv:4: error: bad actor code 'frdgov'",
        "people.tsv:5: error: from: invalid date", "people.tsv:6: error: period ends before",
        "people.tsv:7: error: row has 8 cells, header has 7", "people.tsv:8: error: until:",
        "organizations.tsv:2: warning: unknown organization type 'bank' read as other",
        "organizations.tsv:3: error: organization FRDBUS has no names",
        "organizations.tsv:4: error: bad country", "countries.tsv:2: error: bad country code",
        "countries.tsv:3: error: bad iso2", "countries.tsv:4: error: country FRD has no names",
        "agents.tsv:2: error: agent MIL has no nouns",
        "weird.tsv:1: error: unknown table header"}) {
    EXPECT_THAT(m, Contains(HasSubstr(want))) << want;
  }
  EXPECT_EQ(d.counts().errors, 13u) << testing::PrintToString(m);
  EXPECT_EQ(d.counts().warnings, 1u);
  ASSERT_EQ(d.actors().size(), 3u);  // Good Person, Short Row, Freedonia Bank.
  EXPECT_EQ(d.actors()[2].kind, ActorKind::kOther);
}

TEST(NativeTables, ControlBytesAndInvalidUtf8AreWarnings) {
  Dictionary d = Dictionary::FromMemory({{"agents.tsv",
                                          "code\tnouns\nMIL\tsol\x1A"
                                          "dier\nGOV\tminist\xFF"
                                          "er\n"}});
  EXPECT_THAT(Messages(d), ElementsAre(HasSubstr("agents.tsv:2: warning: stray control byte"),
                                       HasSubstr("agents.tsv:3: warning: invalid UTF-8")));
  EXPECT_EQ(d.agents().size(), 2u);
}

}  // namespace
}  // namespace annals
