// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The coder in PETRARCH mode (PETRARCH-format verb dictionary, `annals validate petrarch`
// options) on hand-parsed sentences and small dictionaries we wrote (invented names).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "annals/coder.h"
#include "annals/dates.h"
#include "annals/dictionary.h"
#include "code/pico.h"

namespace annals {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A sentence from "form/lemma/UPOS/head/deprel" items separated by spaces ('_' is a space).
Document Parsed(const std::string& spec) {
  Document d;
  d.id = "t";
  d.date = "2025-09-02";
  Sentence s;
  std::istringstream in(spec);
  std::string item;
  int id = 0;
  while (in >> item) {
    std::vector<std::string> f(1);
    for (char c : item) {
      if (c == '/') {
        f.emplace_back();
      } else {
        f.back().push_back(c == '_' ? ' ' : c);
      }
    }
    EXPECT_EQ(f.size(), 5u) << item;
    if (f.size() != 5) continue;
    Word w;
    w.id = ++id;
    w.form = f[0];
    w.lemma = f[1];
    w.upos = f[2];
    w.head = std::stoi(f[3]);
    w.deprel = f[4];
    if (!d.text.empty()) d.text += " ";
    w.span = {static_cast<uint32_t>(d.text.size()),
              static_cast<uint32_t>(d.text.size() + w.form.size())};
    d.text += w.form;
    s.words.push_back(w);
  }
  s.span = {0, static_cast<uint32_t>(d.text.size())};
  d.sentences.push_back(std::move(s));
  return d;
}

constexpr const char* kVerbs = R"(####### VERB PATTERNS #######

--- CRITICIZE  [110]  ---
CRITICIZE

--- PRAISE  [051]  ---
PRAISE

--- SAY  [010]  ---
SAY

--- RESTORE  [050]  ---
RESTORE

--- VOW  [170]  ---
VOW
- * WAR  [190]

--- ABANDON  [345]  ---
ABANDON
- * {NEW ECONOMIC RELATIONS}  [903]
)";

constexpr const char* kActors = R"(NUMENOR [NUM]
LINDON [LIN]
RHUN [RHU]
GONDOR [GON]
ARAGORN [GONGOV]
)";

constexpr const char* kAgents = R"(MINISTER [GOV]
SOLDIER [MIL]
MSF {} [NGO~]
)";

std::string Codes(const std::vector<ActorRef>& v) {
  std::string s;
  for (const ActorRef& a : v) s += (s.empty() ? "" : "+") + a.code;
  return s.empty() ? "---" : s;
}

// PETRARCH-mode coder as `annals validate petrarch` sets it up.
std::vector<std::string> Code(const Document& d, CoderOptions o = {}) {
  Dictionary dict = Dictionary::FromMemory(
      {{"Test.verbs.txt", kVerbs}, {"Test.actors.txt", kActors}, {"Test.agents.txt", kAgents}});
  o.verbs = CoderOptions::Verbs::kPetrarch;
  o.bare_agent_prefix = "---";
  o.loose_targets = true;
  o.require_target = true;
  Result<EventCoder> c = EventCoder::FromDictionary(dict, "", o);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  std::vector<std::string> out;
  if (!c.ok()) return out;
  for (const Event& e : c->Code(d)) {
    out.push_back(Codes(e.sources) + " " + Codes(e.targets) + " " + e.cameo +
                  (e.negated ? " neg" : ""));
  }
  return out;
}

TEST(PicoOntologyTest, ParsesValuesAndNegates) {
  code::PicoOntology o = code::PicoOntology::Parse(
      "# comment\n"
      "050:0x0080#Cooperate\n"
      "110:0x1007f#0xFFFF+0x0080#Disapprove\n"
      "060:0x0070\n"
      "121:-0xFFFF+0x0070\n"
      "010:0x1000\n"
      "011:0x1000-0xFFFF\n"
      "012:0x1000\n"
      "bad line\n"
      "013:0xZZ\n");
  EXPECT_EQ(o.size(), 7u);
  EXPECT_EQ(o.problems().size(), 2u);
  int64_t v = 0;
  ASSERT_TRUE(o.Value("121", v));
  EXPECT_EQ(v, -0xFFFF + 0x70);
  EXPECT_EQ(o.Negated("110"), "050");
  EXPECT_EQ(o.Negated("050"), "110");
  EXPECT_EQ(o.Negated("121"), "060");
  EXPECT_EQ(o.Negated("011"), "010");  // The first code listed with a value names it.
  EXPECT_EQ(o.Negated("060"), "");     // 0x1006F names no code.
  EXPECT_EQ(o.Negated("999"), "");
  EXPECT_EQ(o.NegationTable().size(), 4u);
}

TEST(PicoOntologyTest, BadInputNeverCrashes) {
  for (const char* text : {"", ":", "050:", "050:0x", "050:+", "050:0x80+", "0500000:0x1",
                           "050:0x80 0x1", "\n\n#", "050:0xFFFFFFFFFFFFFFFFFFFF"}) {
    code::PicoOntology o = code::PicoOntology::Parse(text);
    EXPECT_EQ(o.Negated("050"), "") << text;
  }
}

// "Numenor did not criticize Lindon": with PETRARCH's negation table the negated 110 becomes 050
// and is not flagged; without it, 110 flagged negated.
TEST(CoderPetrarchTest, NegationRewrite) {
  Document d = Parsed(
      "Numenor/Numenor/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
      "criticize/criticize/VERB/0/root Lindon/Lindon/PROPN/4/obj ././PUNCT/4/punct");
  CoderOptions o;
  o.negated_codes = {{"110", "050"}, {"050", "110"}};
  EXPECT_THAT(Code(d, o), ElementsAre("NUM LIN 050"));
  EXPECT_THAT(Code(d), ElementsAre("NUM LIN 110 neg"));
  Document plain = Parsed(
      "Numenor/Numenor/PROPN/2/nsubj criticized/criticize/VERB/0/root Lindon/Lindon/PROPN/2/obj "
      "././PUNCT/2/punct");
  EXPECT_THAT(Code(plain, o), ElementsAre("NUM LIN 110"));
  // Negation of a governing verb is not the predicate's own: no rewrite.
  Document gov = Parsed(
      "Numenor/Numenor/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod try/try/VERB/0/root "
      "to/to/PART/6/mark criticize/criticize/VERB/4/xcomp Lindon/Lindon/PROPN/6/obj "
      "././PUNCT/4/punct");
  EXPECT_THAT(Code(gov, o), ElementsAre("NUM LIN 110 neg"));
}

// "Numenor, Lindon and Rhun praised Gondor" parsed with Lindon as an apposition of Numenor:
// another actor in apposition is a list member; one that only refines the head's code is not.
TEST(CoderPetrarchTest, AppositionOfAnotherActorIsAListMember) {
  EXPECT_THAT(
      Code(Parsed("Numenor/Numenor/PROPN/6/nsubj ,/,/PUNCT/1/punct "
                  "Lindon/Lindon/PROPN/1/appos and/and/CCONJ/5/cc Rhun/Rhun/PROPN/3/conj "
                  "praised/praise/VERB/0/root Gondor/Gondor/PROPN/6/obj ././PUNCT/6/punct")),
      ElementsAre("NUM+LIN+RHU GON 051"));
  EXPECT_THAT(Code(Parsed("Gondor/Gondor/PROPN/5/nsubj ,/,/PUNCT/1/punct "
                          "Aragorn/Aragorn/PROPN/1/appos ,/,/PUNCT/1/punct "
                          "praised/praise/VERB/0/root Rhun/Rhun/PROPN/5/obj ././PUNCT/5/punct")),
              ElementsAre("GON RHU 051"));
}

// A passive without an agent takes its source from after the verb, as PETRARCH does.
TEST(CoderPetrarchTest, PassiveWithoutAgentTakesTheSourceByPosition) {
  EXPECT_THAT(
      Code(Parsed("Numenor/Numenor/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass "
                  "criticized/criticize/VERB/0/root over/over/ADP/6/case its/its/PRON/6/nmod:poss "
                  "dispute/dispute/NOUN/3/obl with/with/ADP/8/case Lindon/Lindon/PROPN/6/nmod "
                  "././PUNCT/3/punct")),
      ElementsAre("LIN NUM 110"));
}

// "Numenor was seen to praise Lindon": the raised patient is the subject of the complement.
TEST(CoderPetrarchTest, RaisingPassiveGivesTheComplementItsSubject) {
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass "
                          "seen/see/VERB/0/root to/to/PART/5/mark praise/praise/VERB/3/xcomp "
                          "Lindon/Lindon/PROPN/5/obj ././PUNCT/3/punct")),
              ElementsAre("NUM LIN 051"));
}

// A prefix agent ("MSF {} [NGO~]") right before an actor composes with it.
TEST(CoderPetrarchTest, PrefixAgentComposesWithTheActorAfterIt) {
  EXPECT_THAT(
      Code(Parsed("MSF/MSF/PROPN/2/compound Numenor/Numenor/PROPN/3/nsubj "
                  "praised/praise/VERB/0/root Lindon/Lindon/PROPN/3/obj ././PUNCT/3/punct")),
      ElementsAre("NGONUM LIN 051"));
}

// "Soldiers from Numenor camp": the country compounds the head of the from-phrase.
TEST(CoderPetrarchTest, CountryCompoundingAFromPhraseComposesWithTheAgent) {
  EXPECT_THAT(
      Code(Parsed("Soldiers/soldier/NOUN/5/nsubj from/from/ADP/4/case "
                  "Numenor/Numenor/PROPN/4/compound camp/camp/NOUN/1/nmod "
                  "praised/praise/VERB/0/root Lindon/Lindon/PROPN/5/obj ././PUNCT/5/punct")),
      ElementsAre("NUMMIL LIN 051"));
}

// An agent found inside a phrase ("ties with soldiers of Lindon") keeps its composed code.
TEST(CoderPetrarchTest, ComposedAgentInsideAPhrase) {
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj restored/restore/VERB/0/root "
                          "ties/tie/NOUN/2/obj with/with/ADP/5/case soldiers/soldier/NOUN/3/nmod "
                          "of/of/ADP/7/case Lindon/Lindon/PROPN/5/nmod ././PUNCT/2/punct")),
              ElementsAre("NUM LINMIL 050"));
}

// "Numenor indicated it would praise Lindon": the pronoun subject of the complement clause is
// the subject above.
TEST(CoderPetrarchTest, PronounSubjectOfAComplementClause) {
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj indicated/indicate/VERB/0/root "
                          "it/it/PRON/5/nsubj would/would/AUX/5/aux praise/praise/VERB/2/ccomp "
                          "Lindon/Lindon/PROPN/5/obj ././PUNCT/2/punct")),
              ElementsAre("NUM LIN 051"));
  // "she" is not a country.
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj indicated/indicate/VERB/0/root "
                          "she/she/PRON/5/nsubj would/would/AUX/5/aux praise/praise/VERB/2/ccomp "
                          "Lindon/Lindon/PROPN/5/obj ././PUNCT/2/punct")),
              IsEmpty());
  // An agent is a person: "the minister indicated he would praise Lindon".
  EXPECT_THAT(Code(Parsed("The/the/DET/2/det minister/minister/NOUN/3/nsubj "
                          "indicated/indicate/VERB/0/root "
                          "he/he/PRON/6/nsubj would/would/AUX/6/aux praise/praise/VERB/3/ccomp "
                          "Lindon/Lindon/PROPN/6/obj ././PUNCT/3/punct")),
              ElementsAre("---GOV LIN 051"));
  // A pronoun with no actor above stays without a source.
  EXPECT_THAT(Code(Parsed("People/people/NOUN/2/nsubj indicated/indicate/VERB/0/root "
                          "it/it/PRON/5/nsubj would/would/AUX/5/aux praise/praise/VERB/2/ccomp "
                          "Lindon/Lindon/PROPN/5/obj ././PUNCT/2/punct")),
              IsEmpty());
}

// The positional target is not looked for in a coordinated clause with its own subject, even
// when the parse heads it with a noun ("..., a Lindon official said Saturday").
TEST(CoderPetrarchTest, PositionalTargetSkipsCoordinatedClauses) {
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj praised/praise/VERB/0/root "
                          "the/the/DET/4/det plan/plan/NOUN/2/obj ,/,/PUNCT/2/punct a/a/DET/8/det "
                          "Lindon/Lindon/PROPN/8/compound official/official/NOUN/10/nsubj "
                          "said/say/VERB/10/cop Saturday/Saturday/PROPN/2/conj ././PUNCT/2/punct")),
              IsEmpty());
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj praised/praise/VERB/0/root "
                          "the/the/DET/4/det plan/plan/NOUN/2/obj of/of/ADP/6/case "
                          "Lindon/Lindon/PROPN/4/nmod ././PUNCT/2/punct")),
              ElementsAre("NUM LIN 051"));
}

// Patterns match over the verb's open complement ("vowed to wage war" matches "VOW * WAR"),
// also when the parse made the infinitive an advcl.
TEST(CoderPetrarchTest, PatternsSpanOpenComplements) {
  for (const char* rel : {"xcomp", "advcl"}) {
    EXPECT_THAT(Code(Parsed(std::string("Numenor/Numenor/PROPN/2/nsubj vowed/vow/VERB/0/root "
                                        "to/to/PART/4/mark wage/wage/VERB/2/") +
                            rel +
                            " war/war/NOUN/4/obj on/on/ADP/7/case Lindon/Lindon/PROPN/4/obl "
                            "././PUNCT/2/punct")),
                ElementsAre("NUM LIN 190"))
        << rel;
  }
}

// PETRARCH codes a verb phrase once: "Numenor vowed to praise Lindon" is the vow, not a
// second event for the complement; an uncoded verb leaves its complement to be coded.
TEST(CoderPetrarchTest, ComplementOfACodedVerbIsNotCodedApart) {
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj vowed/vow/VERB/0/root "
                          "to/to/PART/4/mark praise/praise/VERB/2/xcomp Lindon/Lindon/PROPN/4/obj "
                          "././PUNCT/2/punct")),
              ElementsAre("NUM LIN 170"));
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj hoped/hope/VERB/0/root "
                          "to/to/PART/4/mark praise/praise/VERB/2/xcomp Lindon/Lindon/PROPN/4/obj "
                          "././PUNCT/2/punct")),
              ElementsAre("NUM LIN 051"));
}

// In "{NEW ECONOMIC RELATIONS}" the modifier nearest the head must be next to it, or have only
// its own dependents between.
TEST(CoderPetrarchTest, NounPhrasePatternAdjacency) {
  EXPECT_THAT(
      Code(Parsed("Numenor/Numenor/PROPN/2/nsubj abandoned/abandon/VERB/0/root "
                  "new/new/ADJ/6/amod global/global/ADJ/6/amod economic/economic/ADJ/6/amod "
                  "relations/relation/NOUN/2/obj with/with/ADP/8/case "
                  "Lindon/Lindon/PROPN/6/nmod ././PUNCT/2/punct")),
      ElementsAre("NUM LIN 903"));
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj abandoned/abandon/VERB/0/root "
                          "new/new/ADJ/6/amod economic/economic/ADJ/6/amod "
                          "trade/trade/NOUN/6/compound relations/relation/NOUN/2/obj "
                          "with/with/ADP/8/case Lindon/Lindon/PROPN/6/nmod ././PUNCT/2/punct")),
              ElementsAre("NUM LIN 345"));
  EXPECT_THAT(Code(Parsed("Numenor/Numenor/PROPN/2/nsubj abandoned/abandon/VERB/0/root "
                          "new/new/ADJ/7/amod economic/economic/ADJ/7/amod and/and/CCONJ/6/cc "
                          "military/military/ADJ/4/conj relations/relation/NOUN/2/obj "
                          "with/with/ADP/9/case Lindon/Lindon/PROPN/7/nmod ././PUNCT/2/punct")),
              ElementsAre("NUM LIN 903"));
}

// A dated period nested inside another that also covers the day overrides it.
TEST(DatedCodesTest, NestedPeriodOverridesTheEnclosingOne) {
  auto day = [](const char* iso) { return *ParseIsoDay(iso); };
  Actor a;
  a.codes = {{.code = "HOB"},
             {.code = "HOBMIL", .from = day("2008-01-20"), .until = day("2012-11-09")},
             {.code = "ORCHOB", .from = day("2010-01-09"), .until = day("2010-01-12")},
             {.code = "HOBGOV", .from = day("2012-01-01"), .until = day("2013-01-19")}};
  EXPECT_THAT(Dictionary::Resolve(a, day("2010-01-10")).codes, ElementsAre("ORCHOB"));
  EXPECT_THAT(Dictionary::Resolve(a, day("2009-05-01")).codes, ElementsAre("HOBMIL"));
  // Overlapping, not nested: both.
  EXPECT_THAT(Dictionary::Resolve(a, day("2012-06-01")).codes, ElementsAre("HOBMIL", "HOBGOV"));
  EXPECT_THAT(Dictionary::Resolve(a, day("2020-01-01")).codes, ElementsAre("HOB"));
}

}  // namespace
}  // namespace annals
