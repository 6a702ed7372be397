// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Each grammar feature and each bad-line case of the PETRARCH/TABARI importers. The fixtures are
// written for these tests (invented names).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"

namespace annals {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Dictionary One(const std::string& name, const std::string& text) {
  return Dictionary::FromMemory({{name, text}});
}

const Actor* FindActor(const Dictionary& d, const std::string& name) {
  for (const Actor& a : d.actors()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::vector<std::string> Codes(const Dictionary& d, const std::string& text,
                               std::optional<std::string> date = std::nullopt) {
  ActorMatcher m(d);
  MatchOptions opt;
  if (date) opt.day = *ParseIsoDay(*date);
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    if (c == ' ') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(cur);
  std::vector<std::string> out;
  for (const ActorMatch& am : m.MatchForms(words, opt)) {
    std::string joined;
    for (const std::string& c : am.codes) joined += (joined.empty() ? "" : "+") + c;
    out.push_back(joined);
  }
  return out;
}

std::vector<std::string> Messages(const Dictionary& d) {
  std::vector<std::string> out;
  for (const DictionaryProblem& p : d.problems()) out.push_back(p.Message());
  return out;
}

TEST(PetrarchActors, RootsSynonymsAndDatedCodes) {
  Dictionary d = One("Test.actors.txt",
                     "# comment line\n"
                     "<!-- xml comment line -->\n"
                     "FREEDONIA_  [FRD]  # inline comment\n"
                     "+FREEDONIAN_\n"
                     "+FREEDONIA_CITY\n"
                     "\n"
                     "RUFUS_T._FIREFLY_  # no code on the root\n"
                     "+FIREFLY\n"
                     "\t[FRDELI 330101-331231]\n"
                     "\t[FRDGOV 19340101-19391231]\n"
                     "\t[FRDOPP >400101]\n"
                     "\t[FRDREB <320101]\n"
                     "\t[FRDELI]\n");
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  ASSERT_EQ(d.actors().size(), 2u);
  const Actor* f = FindActor(d, "RUFUS T. FIREFLY");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->codes.size(), 5u);
  EXPECT_EQ(FormatIsoDay(f->codes[0].from), "1933-01-01");
  EXPECT_EQ(FormatIsoDay(f->codes[0].until), "1933-12-30");  // PETRARCH end is exclusive.
  EXPECT_EQ(FormatIsoDay(f->codes[1].from), "1934-01-01");
  EXPECT_EQ(FormatIsoDay(f->codes[2].from), "1940-01-01");  // '>' : on or after.
  EXPECT_EQ(f->codes[2].until, kDayMax);
  EXPECT_EQ(FormatIsoDay(f->codes[3].until), "1931-12-31");  // '<' : before.
  EXPECT_FALSE(f->codes[4].dated());
  EXPECT_EQ(d.Where(f->where), "Test.actors.txt:7");
  EXPECT_THAT(Codes(d, "Firefly", "1933-06-01"), ElementsAre("FRDELI"));
  EXPECT_THAT(Codes(d, "Rufus T. Firefly", "1935-06-01"), ElementsAre("FRDGOV"));
  EXPECT_THAT(Codes(d, "Firefly", "1945-06-01"), ElementsAre("FRDOPP"));
  EXPECT_THAT(Codes(d, "Firefly", "1920-06-01"), ElementsAre("FRDREB"));
  EXPECT_THAT(Codes(d, "Firefly", "1939-12-31"), ElementsAre("FRDELI"));  // Default.
  EXPECT_THAT(Codes(d, "Freedonian Freedonia City"), ElementsAre("FRD", "FRD"));
}

TEST(PetrarchActors, TwoDigitYearPivot) {
  Dictionary d = One("x.actors.txt",
                     "A_B\n\t[AAAGOV >300101]\n\t[AAAELI <310101]\n\t[AAAOPP 290101-310101]\n");
  ASSERT_EQ(d.actors().size(), 1u);
  ASSERT_EQ(d.actors()[0].codes.size(), 2u);
  EXPECT_EQ(FormatIsoDay(d.actors()[0].codes[0].from), "2030-01-01");   // 00-30 -> 20YY
  EXPECT_EQ(FormatIsoDay(d.actors()[0].codes[1].until), "1930-12-31");  // 31-99 -> 19YY
  // 2029 .. 1931 ends before it starts: never applies (as in PETRARCH), said in a warning.
  EXPECT_THAT(Messages(d), ElementsAre(HasSubstr("x.actors.txt:4: warning: date range ends")));
}

TEST(PetrarchActors, CodelessRootsChainAsSynonymsLikePetrarch) {
  Dictionary d = One("x.actors.txt",
                     "GROUCHO_MARX_\n"
                     "GROUCHO\n"
                     "JULIUS_MARX\n"
                     "\t[FRDGOV 330101-400101]\n"
                     "CHICO_ [FRDELI]\n");
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  ASSERT_EQ(d.actors().size(), 2u);
  EXPECT_EQ(d.actors()[0].name, "GROUCHO MARX");
  EXPECT_THAT(Codes(d, "Julius Marx met Groucho and Chico", "1935-01-01"),
              ElementsAre("FRDGOV", "FRDGOV", "FRDELI"));
}

TEST(PetrarchActors, SeveralBracketsAndSpacedDates) {
  Dictionary d = One("x.actors.txt",
                     "ACME_HOLDINGS_ [FRDGOVBUS >081004][MNCFRD]\n"
                     "GOLLUM\n"
                     "\t[HOB < 950601]\n"
                     "\t[HOBGOV 19950601 - 19990815]\n");
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  ASSERT_EQ(d.actors().size(), 2u);
  EXPECT_EQ(d.actors()[0].codes.size(), 2u);
  EXPECT_THAT(Codes(d, "Gollum", "1990-01-01"), ElementsAre("HOB"));
  EXPECT_THAT(Codes(d, "Gollum", "1996-01-01"), ElementsAre("HOBGOV"));
}

TEST(PetrarchActors, BadLinesAreReportedAndTheRestLoads) {
  Dictionary d = One("bad.actors.txt",
                     "\t[ORPHAN]\n"                    // 1: code before any actor
                     "+ORPHAN_SYNONYM\n"               // 2: synonym before any actor
                     "GOOD_ONE [GD1]\n"                // 3
                     "\t[GD1GOV 2025-01-01]\n"         // 4: bad date
                     "\t[GD1GOV 330101\n"              // 5: unclosed
                     "\t[BAD CODE!]\n"                 // 6: bad restriction
                     "LIAMINE_Z\x1AROUAL_ [DZAGOV]\n"  // 7: control byte (warning)
                     "[]\n"                            // 8: empty code
                     "GOOD_TWO [GD2]\n"                // 9
                     "NOCODE_AT_END\n");               // 10: no code (warning)
  std::vector<std::string> m = Messages(d);
  EXPECT_THAT(m,
              testing::Contains(HasSubstr("bad.actors.txt:1: error: code line before any actor")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.actors.txt:2: error: synonym")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.actors.txt:4: error: bad date")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.actors.txt:5: error: unclosed '['")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.actors.txt:6: error:")));
  EXPECT_THAT(m,
              testing::Contains(HasSubstr("bad.actors.txt:7: warning: stray control byte 0x1A")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.actors.txt:8: error:")));
  EXPECT_THAT(m, testing::Contains(
                     HasSubstr("bad.actors.txt:10: warning: actor 'NOCODE AT END' has no code")));
  EXPECT_EQ(d.counts().errors, 6u);
  EXPECT_EQ(d.counts().warnings, 2u);
  EXPECT_NE(FindActor(d, "GOOD ONE"), nullptr);
  EXPECT_NE(FindActor(d, "GOOD TWO"), nullptr);
  EXPECT_NE(FindActor(d, "LIAMINE ZROUAL"), nullptr);
  EXPECT_THAT(Codes(d, "Good One and Good Two"), ElementsAre("GD1", "GD2"));
}

TEST(PetrarchActors, LenientDatesWarn) {
  Dictionary d = One("x.actors.txt",
                     "A_ONE\n\t[AAAGOV >201005011]\n"
                     "B_TWO\n\t[BBBGOV 9008223-911221]\n"
                     "C_THREE\n\t[CCCGOV 920429-920429]\n"
                     "D_FOUR\n\t[DDDGOV 19820101]\n");
  EXPECT_EQ(d.counts().errors, 0u) << testing::PrintToString(Messages(d));
  EXPECT_EQ(d.counts().warnings, 4u);
  EXPECT_EQ(FormatIsoDay(d.actors()[0].codes[0].from), "2010-05-01");
  EXPECT_EQ(FormatIsoDay(d.actors()[1].codes[0].from), "1990-08-22");
  EXPECT_EQ(FormatIsoDay(d.actors()[2].codes[0].from), "1992-04-29");
  EXPECT_EQ(FormatIsoDay(d.actors()[2].codes[0].until), "1992-04-29");
  EXPECT_EQ(FormatIsoDay(d.actors()[3].codes[0].from), "1982-01-01");
}

TEST(PetrarchActors, MatchingRulesOnUpperCaseDictionaries) {
  Dictionary d = One("x.actors.txt",
                     "CHINA_ [CHN]\n+CHINESE_\nXI_JINPING_\n\t[CHNGOV >130314]\n"
                     "UN_ [IGOUNO]\nAL-QAEDA [IMGMOSALQ]\nKIM_JONG-UN\n\t[PRKGOV >111217]\n");
  EXPECT_TRUE(d.problems().empty());
  // Country followed by a person of that country: one actor, the person's code.
  EXPECT_THAT(Codes(d, "Chinese Xi Jinping", "2025-09-02"), ElementsAre("CHNGOV"));
  // "UN" must be written upper-case: "Un" ends a Korean name.
  EXPECT_THAT(Codes(d, "the UN said", "2025-09-02"), ElementsAre("IGOUNO"));
  EXPECT_THAT(Codes(d, "Kim Jong Un said", "2025-09-02"), ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes(d, "Kim Jong-un said", "2025-09-02"), ElementsAre("PRKGOV"));
  EXPECT_THAT(Codes(d, "Un said", "2025-09-02"), ElementsAre());
  // Hyphenated names are also found split.
  EXPECT_THAT(Codes(d, "al Qaeda and al-Qaeda", "2025-09-02"),
              ElementsAre("IMGMOSALQ", "IMGMOSALQ"));
}

TEST(PetrarchActors, StopMarker) {
  Dictionary d = One("x.actors.txt", "AAA_ [AAA]\n---STOP---\nBBB_ [BBB]\n");
  EXPECT_EQ(d.actors().size(), 1u);
}

TEST(PetrarchAgents, CodesPluralsMacrosAndPrefixes) {
  Dictionary d = One("Test.agents.txt",
                     "!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
                     "!MINIST! = MINISTER, MINISTERS\n"
                     "SOLDIER [~MIL]  # plural generated\n"
                     "ARMY [~MIL]\n"
                     "POLICE {} [ ~COP]\n"
                     "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
                     "POLICE!PERSON! [~COP]\n"
                     "FOREIGN_!MINIST! [~GOVFRM]\n"
                     "HUMAN_RIGHTS_BODY [NGO~]\n"
                     "MEDIA_ [~MED]\n"
                     "FREEDONIA_ [FRD]\n");
  EXPECT_EQ(d.counts().errors, 0u) << testing::PrintToString(Messages(d));
  EXPECT_EQ(d.agents().size(), 9u);
  EXPECT_EQ(d.counts().warnings, 1u);  // FREEDONIA_ [FRD] has no '~'.
  MatchOptions opt;
  ActorMatcher m(d);
  auto codes = [&](std::vector<std::string> words) {
    std::vector<std::string> out;
    for (const ActorMatch& am : m.MatchForms(words, opt)) out.push_back(am.codes.at(0));
    return out;
  };
  EXPECT_THAT(codes({"soldiers"}), ElementsAre("MIL"));
  EXPECT_THAT(codes({"armies"}), ElementsAre("MIL"));
  EXPECT_THAT(codes({"attorneys", "general"}), ElementsAre("JUD"));
  EXPECT_THAT(codes({"policewomen"}), ElementsAre("COP"));
  EXPECT_THAT(codes({"foreign", "ministers"}), ElementsAre("GOVFRM"));
  EXPECT_THAT(codes({"medias"}), ElementsAre());   // Trailing '_': no plural.
  EXPECT_THAT(codes({"polices"}), ElementsAre());  // "{}": no plural.
  EXPECT_TRUE(d.agents()[6].prefix);
  EXPECT_EQ(d.agents()[6].code, "NGO");
}

TEST(PetrarchAgents, BadLines) {
  Dictionary d = One("bad.agents.txt",
                     "NO_CODE_HERE\n"     // 1: warning, skipped
                     "TYPO [~ENV}\n"      // 2: warning, read
                     "UNCLOSED [~GOV\n"   // 3: error
                     "!BROKEN = A, B\n"   // 4: error
                     "X_!NOPE! [~GOV]\n"  // 5: error (undefined)
                     "{PLURAL} [~GOV]\n"  // 6: error (no phrase)
                     "GOOD [~GOV]\n");    // 7
  std::vector<std::string> m = Messages(d);
  EXPECT_THAT(m, testing::Contains(
                     HasSubstr("bad.agents.txt:1: warning: agent 'NO_CODE_HERE' has no [code]")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.agents.txt:2: warning: '[' closed by '}'")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.agents.txt:3: error: unclosed")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.agents.txt:4: error: bad substitution")));
  EXPECT_THAT(
      m, testing::Contains(HasSubstr("bad.agents.txt:5: error: undefined substitution !NOPE!")));
  EXPECT_THAT(m, testing::Contains(HasSubstr("bad.agents.txt:6: error:")));
  EXPECT_EQ(d.counts().errors, 4u);
  ASSERT_EQ(d.agents().size(), 2u);
  EXPECT_EQ(d.agents()[0].code, "ENV");
  EXPECT_EQ(d.agents()[1].code, "GOV");
}

TEST(PetrarchDiscards, SentenceAndStory) {
  Dictionary d = One("Test.discards.txt",
                     "# header\nMONTHS LATER\n+World Golf Championships   # comment\n+\n");
  ASSERT_EQ(d.discards().size(), 2u);
  EXPECT_FALSE(d.discards()[0].whole_story);
  EXPECT_TRUE(d.discards()[1].whole_story);
  EXPECT_EQ(d.discards()[1].phrase, "World Golf Championships");
  EXPECT_THAT(Messages(d), ElementsAre(HasSubstr("Test.discards.txt:4: error:")));
}

TEST(PetrarchVerbs, SynsetsBlocksPatternsTransformations) {
  Dictionary d = One("CAMEO.test.txt",
                     "####### SYNONYM SETS #######\n"
                     "&AUXVERB1_\n+WAS\n+WERE\n\n"
                     "&CURRENCY\n+MONEY\n+CASH_\n\n"
                     "####### VERB PATTERNS #######\n"
                     "---  ACCELERATE   [---]  ---\n"
                     "ACCELERATE\n"
                     "HURRY {HURRIES HURRYING HURRIED }\n"
                     "+ANGERED_BY {}\n"
                     "KLM_NOP_+RST [002]\n"
                     "- * (TO)                 [042:043]     # RUSH\n"
                     "- * {ARMS SHIPMENT}      [072]\n"
                     "- &MILITARY *            [154]\n"
                     "- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS $ %  [111]\n"
                     "- * DIPLXMATIC  [###]  # hash code\n"
                     "--- ADD  [081] ---\n"
                     "ADD  # comment\n"
                     "~ a (a b ATTACK) SAY = a b 015\n");
  EXPECT_TRUE(d.problems().empty()) << testing::PrintToString(Messages(d));
  ASSERT_EQ(d.synsets().size(), 2u);
  EXPECT_EQ(d.synsets()[0].name, "AUXVERB1");
  EXPECT_TRUE(d.synsets()[0].no_plural);
  EXPECT_THAT(d.synsets()[0].members, ElementsAre("WAS", "WERE"));
  EXPECT_THAT(d.synsets()[1].members, ElementsAre("MONEY", "CASH"));
  const VerbDictionary& v = d.verbs();
  ASSERT_EQ(v.classes.size(), 2u);
  const VerbClass& acc = v.classes[0];
  EXPECT_EQ(acc.name, "ACCELERATE");
  EXPECT_EQ(acc.code, "---");
  ASSERT_EQ(acc.verbs.size(), 4u);
  EXPECT_THAT(acc.verbs[1].inflections, ElementsAre("HURRIES", "HURRYING", "HURRIED"));
  EXPECT_TRUE(acc.verbs[2].explicit_forms);
  EXPECT_TRUE(acc.verbs[2].inflections.empty());
  EXPECT_EQ(acc.verbs[3].code, "002");
  ASSERT_EQ(acc.patterns.size(), 5u);
  using K = PatternElement::Kind;
  const VerbPattern& p0 = acc.patterns[0];
  EXPECT_EQ(p0.code, "042:043");
  EXPECT_EQ(p0.comment, "RUSH");
  ASSERT_EQ(p0.elements.size(), 4u);
  EXPECT_EQ(p0.elements[0].kind, K::kVerb);
  EXPECT_EQ(p0.elements[1].kind, K::kOpenPrep);
  EXPECT_EQ(p0.elements[2].text, "TO");
  EXPECT_EQ(p0.elements[3].kind, K::kClosePrep);
  EXPECT_EQ(acc.patterns[1].elements[1].kind, K::kOpenNoun);
  EXPECT_EQ(acc.patterns[2].elements[0].kind, K::kSynset);
  EXPECT_EQ(acc.patterns[2].elements[0].text, "MILITARY");
  const VerbPattern& p3 = acc.patterns[3];
  ASSERT_EQ(p3.elements.size(), 8u);
  EXPECT_EQ(p3.elements[0].text, "SUGGESTED");
  EXPECT_TRUE(p3.elements[0].joined);
  EXPECT_EQ(p3.elements[1].kind, K::kTarget);
  EXPECT_EQ(p3.elements[2].kind, K::kVerb);
  EXPECT_EQ(p3.elements[4].kind, K::kSynset);
  EXPECT_EQ(p3.elements[6].kind, K::kSource);
  EXPECT_EQ(p3.elements[7].kind, K::kCompound);
  EXPECT_EQ(acc.patterns[4].code, "###");
  EXPECT_EQ(v.classes[1].code, "081");
  ASSERT_EQ(v.transformations.size(), 1u);
  EXPECT_EQ(v.transformations[0].lhs, "a (a b ATTACK) SAY");
  EXPECT_EQ(v.transformations[0].rhs, "a b 015");
  EXPECT_EQ(d.counts().patterns, 5u);
  EXPECT_EQ(d.counts().verbs, 5u);
}

TEST(PetrarchVerbs, BadLines) {
  Dictionary d = One("x.verbs.txt",
                     "- * ORPHAN [010]\n"   // 1: pattern outside a block
                     "STRAY\n"              // 2: verb outside a block
                     "--- [010] ---\n"      // 3: header without verb
                     "--- SAY [010] ---\n"  // 4
                     "- * NOCODE\n"         // 5: no code
                     "- * UNCLOSED [010\n"  // 6: unclosed
                     "- * EMPTY []\n"       // 7: empty code
                     "~ no equals sign\n"   // 8
                     "HURRY {HURRIES\n"     // 9: unclosed brace
                     "- * FINE [011]\n");   // 10
  EXPECT_EQ(d.counts().errors, 8u) << testing::PrintToString(Messages(d));
  for (int line : {1, 2, 3, 5, 6, 7, 8, 9}) {
    EXPECT_THAT(Messages(d),
                testing::Contains(HasSubstr("x.verbs.txt:" + std::to_string(line) + ": error:")));
  }
  ASSERT_EQ(d.verbs().classes.size(), 1u);
  EXPECT_EQ(d.verbs().classes[0].patterns.size(), 1u);
}

TEST(PetrarchIssues, CategoriesExpansionsAndNegations) {
  Dictionary d = One("Phoenix.IssueCoding.txt",
                     "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
                     "n:kindergarten [EARLY_CHILDHOOD]\n"
                     "pre+n:school [EARLY_CHILDHOOD]\n"
                     "v:vote reform [VOTING]\n"
                     "school board\n"
                     "~a head start\n"
                     "</ISSUE>\n"
                     "orphan phrase\n"
                     "<ISSUE TYPE=\"ALL\">\n");
  std::vector<std::string> phrases;
  for (const IssuePhrase& p : d.issues()) phrases.push_back(p.phrase + "=" + p.code);
  EXPECT_THAT(phrases, testing::IsSupersetOf(
                           {"kindergarten=EARLY_CHILDHOOD", "kindergartens=EARLY_CHILDHOOD",
                            "pre school=EARLY_CHILDHOOD", "pre-schools=EARLY_CHILDHOOD",
                            "votes reform=VOTING", "voted reform=VOTING", "voting reform=VOTING",
                            "school board=EDUCATION", "a head start=EDUCATION"}));
  EXPECT_TRUE(d.issues().back().negation);
  EXPECT_THAT(Messages(d), ElementsAre(HasSubstr(":8: error:"), HasSubstr(":9: error:")));
}

TEST(PetrarchOntologyAndWordLists, Read) {
  Dictionary d =
      Dictionary::FromMemory({{"PETR.Internal.Coding.Ontology.txt",
                               "# header\r\n010:0x1000#Make Public Statement\r\n"
                               "011:0x1000-0xFFFF\r\nbroken line\r\n"},
                              {"Phoenix.prepositions.txt", "abaft\naboard\nvis-\xC3\xA0-vis\n"},
                              {"README.md", "ignored"},
                              {"notes.txt", "unknown"}});
  ASSERT_EQ(d.internal_codes().size(), 2u);
  EXPECT_EQ(d.internal_codes()[0].first, "010");
  EXPECT_EQ(d.internal_codes()[0].second, "0x1000");
  ASSERT_EQ(d.word_lists().size(), 1u);
  EXPECT_EQ(d.word_lists()[0].first, "Phoenix.prepositions");
  EXPECT_EQ(d.word_lists()[0].second.size(), 3u);
  EXPECT_THAT(Messages(d), ElementsAre(HasSubstr("Ontology.txt:4: error:"),
                                       HasSubstr("notes.txt: warning: not a recognised")));
  EXPECT_EQ(d.files().size(), 3u);
}

}  // namespace
}  // namespace annals
