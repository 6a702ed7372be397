// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The event coder on hand-parsed sentences we wrote (one test per construction), with the
// default actor dictionaries (data/dict) and the test predicate table src/code/testdata/verbs.tsv.
#include "annals/coder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "code/predicate_dictionary.h"

namespace annals {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A coder over data/dict with the test verbs table (run from the source root). The tests of the
// tree's paths write bare country codes ("RUS UKR 190"): this coder keeps them bare (option
// country_as_government off) unless `states` (CountryAsGovernmentTest).
Result<EventCoder> TestCoder(const CoderOptions& options, bool states = false) {
  DictionaryOptions o;
  o.dirs = {"data/dict"};
  Result<Dictionary> d = Dictionary::Load(o);
  if (!d.ok()) return d.status();
  CoderOptions co = options;
  co.country_as_government = states;
  return EventCoder::FromDictionary(*d, ReadAll("src/code/testdata/verbs.tsv"), co);
}

// A sentence from "form/lemma/UPOS/head/deprel" items separated by spaces.
Document Parsed(const std::string& spec, const char* date = "2025-09-02") {
  Document d;
  d.id = "t";
  d.date = date;
  Sentence s;
  std::istringstream in(spec);
  std::string item;
  int id = 0;
  while (in >> item) {
    std::vector<std::string> f;
    std::string cur;
    for (char c : item) {
      if (c == '/') {
        f.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c == '_' ? ' ' : c);
      }
    }
    f.push_back(cur);
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

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CoderOptions co;
    co.collect_unmatched = true;
    co.require_source = false;  // Most tests look at target-only events too; see RequiresASource.
    Result<EventCoder> c = TestCoder(co);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = new EventCoder(std::move(*c));
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }
  static std::string Codes(const std::vector<ActorRef>& v) {
    std::string s;
    for (const ActorRef& a : v) s += (s.empty() ? "" : "+") + a.code;
    return s.empty() ? "---" : s;
  }
  // "SRC TGT CODE" per event, with flags appended (" neg", " hyp", " fut", " rep:SPEAKER").
  std::vector<std::string> Code(const Document& d, CodingStats* stats = nullptr) {
    std::vector<std::string> out;
    for (const Event& e : coder_->Code(d, stats)) {
      std::string s = Codes(e.sources) + " " + Codes(e.targets) + " " + e.cameo;
      if (e.negated) s += " neg";
      if (e.hypothetical) s += " hyp";
      if (e.future) s += " fut";
      if (e.reported) s += " rep:" + (e.speaker ? e.speaker->code : std::string("?"));
      if (e.historical) s += " hist";
      out.push_back(s);
    }
    return out;
  }
  static EventCoder* coder_;
};
EventCoder* CoderTest::coder_ = nullptr;

TEST(PredicateDictionaryTest, LoadsRowsAndReportsBadOnes) {
  Result<CameoOntology> cameo = CameoOntology::LoadDefault();
  ASSERT_TRUE(cameo.ok());
  Result<code::PredicateDictionary> d =
      code::PredicateDictionary::Load("src/code/testdata/verbs.tsv", &*cameo);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rows().size(), 48u);
  ASSERT_EQ(d->errors(), 6u);
  EXPECT_THAT(d->problems()[0].Message(), HasSubstr("verbs.tsv:45: error: CAMEO code '999'"));
  EXPECT_THAT(d->problems()[1].Message(), HasSubstr("verbs.tsv:46: error: bad pos 'ADJ'"));
  EXPECT_THAT(d->problems()[2].Message(), HasSubstr("verbs.tsv:47: error: duplicate id"));
  EXPECT_THAT(d->problems()[3].Message(),
              HasSubstr("verbs.tsv:48: error: flags transitive and intransitive together"));
  EXPECT_THAT(d->problems()[4].Message(),
              HasSubstr("verbs.tsv:49: error: flag transitive or intransitive on a NOUN row"));
  EXPECT_THAT(d->problems()[5].Message(),
              HasSubstr("verbs.tsv:52: error: refusal code '999' is not in data/cameo/events.tsv"));
  const std::vector<int>* accept = d->Find(false, "accept");
  ASSERT_NE(accept, nullptr);
  EXPECT_EQ(d->rows()[(*accept)[0]].refusal, "127");
  const std::vector<int>* sign = d->Find(false, "sign");
  ASSERT_NE(sign, nullptr);
  const code::PredicateRow& r = d->rows()[(*sign)[0]];
  EXPECT_EQ(r.cameo, "057");
  ASSERT_EQ(r.targets.size(), 2u);
  EXPECT_EQ(r.targets[0].ToString(), "obj.nmod:with");
  EXPECT_EQ(r.targets[1].ToString(), "obl:with");
}

TEST(WordClassesTest, LoadsClassesReportsBadRowsAndMergesOnTop) {
  code::WordClasses d = code::WordClasses::Parse(
      "# comment\n"
      "lemma\tclasses\tnote\n"                       // 2
      "condemn\tbystander\t-\n"                      // 3
      "warn\tspeech | warning\t-\n"                  // 4
      "Urge\tdirective\t-\n"                         // 5: upper case
      "urge\tdirectiv\t-\n"                          // 6: unknown class
      "warn\tspeech\t-\n"                            // 7: duplicate
      "vow\tthreat\n"                                // 8: two cells
      "pledge\tthreat | -threat\t-\n"                // 9: added and removed
      "promise\tcommissive|threat\tbare bar too\n",  // 10
      "w.tsv");
  EXPECT_TRUE(d.Has("condemn", code::WordClass::kBystander));
  EXPECT_FALSE(d.Has("condemn", code::WordClass::kSpeech));
  EXPECT_TRUE(d.Has("warn", code::WordClass::kSpeech));
  EXPECT_TRUE(d.Has("warn", code::WordClass::kWarning));
  EXPECT_TRUE(d.Has("promise", code::WordClass::kThreat));
  EXPECT_FALSE(d.Has("urge", code::WordClass::kDirective));
  EXPECT_FALSE(d.Has("pledge", code::WordClass::kThreat));
  ASSERT_EQ(d.problems().size(), 5u);
  EXPECT_EQ(d.problems()[0].Message(),
            "w.tsv:5: error: bad lemma 'Urge' (one lower-case word); row skipped");
  EXPECT_THAT(d.problems()[1].Message(), HasSubstr("w.tsv:6: error: unknown class 'directiv'"));
  EXPECT_THAT(d.problems()[2].Message(),
              HasSubstr("w.tsv:7: error: duplicate lemma 'warn' (first on line 4)"));
  EXPECT_THAT(d.problems()[3].Message(), HasSubstr("w.tsv:8: error: row has 2 cells, want 3"));
  EXPECT_THAT(d.problems()[4].Message(), HasSubstr("w.tsv:9: error: a class both added"));

  // A table applied on top adds classes and removes those written "-name".
  d.Merge(code::WordClasses::Parse(
      "lemma\tclasses\tnote\ncondemn\t-bystander | speech\t-\nurge\tdirective\t-\n", "u.tsv"));
  EXPECT_FALSE(d.Has("condemn", code::WordClass::kBystander));
  EXPECT_TRUE(d.Has("condemn", code::WordClass::kSpeech));
  EXPECT_TRUE(d.Has("urge", code::WordClass::kDirective));
  EXPECT_TRUE(d.Has("warn", code::WordClass::kWarning));

  code::WordClasses bad = code::WordClasses::Parse("lemma\tclass\tnote\nx\ty\tz\n", "b.tsv");
  ASSERT_EQ(bad.problems().size(), 1u);
  EXPECT_THAT(bad.problems()[0].Message(), HasSubstr("b.tsv:1: error: bad header"));
  EXPECT_EQ(bad.size(), 0u);
}

// The default table holds the classes the coder's rules were written with.
TEST(WordClassesTest, DefaultTableLoadsCleanly) {
  Result<code::WordClasses> d = code::WordClasses::Load("data/dict/word_classes.tsv");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->problems().empty()) << d->problems()[0].Message();
  EXPECT_TRUE(d->Has("condemn", code::WordClass::kBystander));
  EXPECT_TRUE(d->Has("urge", code::WordClass::kDirective));
  EXPECT_TRUE(d->Has("say", code::WordClass::kSpeech));
  EXPECT_TRUE(d->Has("postpone", code::WordClass::kCancel));
  EXPECT_GE(d->size(), 100u);
}

TEST(PredicateDictionaryTest, BadInputNeverCrashes) {
  for (const char* text : {"", "\n\n", "# only a comment\n", "id\tcameo\n", "x\ty\n1\t2\n",
                           "id\tcameo\tpos\tlemma\tparticle\tobject\ttarget\tflags\texample\n"
                           "a\t04\tVERB\tmeet\t-\t-\tobl:\t-\t-\n"
                           "b\t04\tVERB\tmeet\t-\t|\tobj\t-\t-\n"
                           "c\t04\tVERB\tmeet\t-\t-\tobj\tpassive,active\t-\n"
                           "d d\t04\tVERB\tmeet\t-\t-\tobj\t-\t-\n"
                           "e\t04\tVERB\tMeet\t-\t-\tobj\t-\t-\n"
                           "f\t04\tVERB\tmeet\t-\t-\tobj.obl:with\t-\t-\n"
                           "g\t04\tVERB\tmeet\t-\t-\tobj\twn=\t-\n"
                           "h\t04\tVERB\tmeet\n"
                           "i\t04\tVERB\tmeet\t-\t-\tnmod:with\twn=v.meet.1\tAn example.\n"}) {
    code::PredicateDictionary d = code::PredicateDictionary::Parse(text, "x.tsv", nullptr);
    for (const auto& p : d.problems()) EXPECT_THAT(p.Message(), HasSubstr("x.tsv:"));
    if (std::string(text).find("i\t04") != std::string::npos) {
      ASSERT_EQ(d.rows().size(), 1u);
      EXPECT_EQ(d.rows()[0].id, "i");
      EXPECT_EQ(d.rows()[0].wn_seed, "v.meet.1");
      EXPECT_EQ(d.errors(), 8u);
    }
  }
}

TEST_F(CoderTest, SubjectVerbObject) {
  EXPECT_THAT(Code(Parsed("Russia/Russia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                          "Ukraine/Ukraine/PROPN/2/obj ././PUNCT/2/punct")),
              ElementsAre("RUS UKR 190"));
}

TEST_F(CoderTest, PassiveWithAgent) {
  EXPECT_THAT(Code(Parsed("Ukraine/Ukraine/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass "
                          "attacked/attack/VERB/0/root by/by/ADP/5/case Russia/Russia/PROPN/3/obl "
                          "././PUNCT/3/punct")),
              ElementsAre("RUS UKR 190"));
  // UD 1 labels as in the PETRARCH suite's parses.
  EXPECT_THAT(
      Code(Parsed("Ukraine/Ukraine/PROPN/3/nsubjpass was/be/AUX/3/auxpass "
                  "attacked/attack/VERB/0/root by/by/ADP/5/case Russia/Russia/PROPN/3/nmod")),
      ElementsAre("RUS UKR 190"));
}

TEST_F(CoderTest, PassiveOnlyAndActiveOnlyRows) {
  Document d = Parsed(
      "The/the/DET/2/det activist/activist/NOUN/4/nsubj:pass was/be/AUX/4/aux:pass "
      "arrested/arrest/VERB/0/root by/by/ADP/7/case Egyptian/Egyptian/ADJ/7/amod "
      "police/police/NOUN/4/obl");
  std::vector<Event> e = coder_->Code(d);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].pattern_id, "v.arrest.pass");
  EXPECT_EQ(Codes(e[0].sources), "EGYCOP");
}

TEST_F(CoderTest, ObliqueWithPrepositionAndLightVerb) {
  // "held talks with": the verb row with object "talks"; the noun is not coded a second time.
  Document d = Parsed(
      "Japan/Japan/PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj "
      "with/with/ADP/5/case India/India/PROPN/3/nmod");
  std::vector<Event> e = coder_->Code(d);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].pattern_id, "v.hold.talks");
  EXPECT_EQ(Codes(e[0].sources) + " " + Codes(e[0].targets), "JPN IND");
  EXPECT_EQ(d.text.substr(e[0].predicate_span.begin, e[0].predicate_span.size()), "held");
  // Same with the oblique on the verb.
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj "
                          "with/with/ADP/5/case India/India/PROPN/2/obl")),
              ElementsAre("JPN IND 040"));
}

TEST_F(CoderTest, PrepositionalPhraseOnATimeExpression) {
  // "held talks on Monday with India" parsed with "with India" under "Monday", which hangs off
  // the verb: the with-phrase counts as the verb's.
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj "
                          "on/on/ADP/5/case Monday/Monday/PROPN/2/obl "
                          "with/with/ADP/7/case India/India/PROPN/5/nmod")),
              ElementsAre("JPN IND 040"));
  // Same with the time expression under the object noun ("talks on Monday with India").
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj "
                          "on/on/ADP/5/case Monday/Monday/PROPN/3/nmod "
                          "with/with/ADP/7/case India/India/PROPN/5/nmod")),
              ElementsAre("JPN IND 040"));
  // A verb whose target is an oblique ("met last week with India").
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj met/meet/VERB/0/root last/last/ADJ/4/amod "
                          "week/week/NOUN/2/obl:tmod with/with/ADP/6/case "
                          "India/India/PROPN/4/nmod")),
              ElementsAre("JPN IND 040"));
}

TEST_F(CoderTest, PrepositionalPhraseOnOtherNounsIsNotTheTarget) {
  // Not a time expression: "talks on trade with India" does not make India the target here.
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj "
                          "on/on/ADP/5/case trade/trade/NOUN/2/obl "
                          "with/with/ADP/7/case India/India/PROPN/5/nmod")),
              ElementsAre("JPN --- 040"));
  // A time expression, but the wrong preposition for the row ("on Monday in India").
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj "
                          "on/on/ADP/5/case Monday/Monday/PROPN/2/obl "
                          "in/in/ADP/7/case India/India/PROPN/5/nmod")),
              ElementsAre("JPN --- 040"));
  // A time expression that does not hang off the predicate ("after the summit on Monday with
  // India": Monday modifies "summit").
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj held/hold/VERB/0/root talks/talk/NOUN/2/obj "
                          "after/after/ADP/6/case the/the/DET/6/det summit/summit/NOUN/2/obl "
                          "on/on/ADP/8/case Monday/Monday/PROPN/6/nmod "
                          "with/with/ADP/10/case India/India/PROPN/8/nmod")),
              ElementsAre("JPN --- 040"));
}

TEST_F(CoderTest, ObjectNounOfAnUncodedVerb) {
  // "began talks with": no row for "begin", the object noun's row codes it.
  EXPECT_THAT(Code(Parsed("Japan/Japan/PROPN/2/nsubj began/begin/VERB/0/root "
                          "talks/talk/NOUN/2/obj with/with/ADP/5/case India/India/PROPN/3/nmod")),
              ElementsAre("JPN IND 040"));
}

TEST_F(CoderTest, EventNounWithPossessor) {
  EXPECT_THAT(Code(Parsed("Xi/Xi/PROPN/3/nmod:poss 's/'s/PART/1/case talks/talk/NOUN/0/root "
                          "with/with/ADP/5/case Modi/Modi/PROPN/3/nmod")),
              ElementsAre("CHNGOV INDGOV 040"));
}

TEST_F(CoderTest, XcompControllerIsTheSource) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj tried/try/VERB/0/root to/to/PART/4/mark "
                          "visit/visit/VERB/2/xcomp Peru/Peru/PROPN/4/obj")),
              ElementsAre("CHL PER 042"));
  // Object control: "urged Chile to sign".
  EXPECT_THAT(
      Code(Parsed("Peru/Peru/PROPN/2/nsubj urged/urge/VERB/0/root Chile/Chile/PROPN/2/obj "
                  "to/to/PART/5/mark sign/sign/VERB/2/xcomp the/the/DET/7/det "
                  "treaty/treaty/NOUN/5/obj with/with/ADP/9/case Bolivia/Bolivia/PROPN/7/nmod")),
      ElementsAre("PER CHL 020", "CHL BOL 057 hyp"));  // Asked for (AskedForActsAreHypothetical).
}

TEST_F(CoderTest, IntentionChainIsHypothetical) {
  EXPECT_THAT(Code(Parsed("Iran/Iran/PROPN/2/nsubj plans/plan/VERB/0/root to/to/PART/4/mark "
                          "attack/attack/VERB/2/xcomp Israel/Israel/PROPN/4/obj")),
              ElementsAre("IRN ISR 190 hyp"));
}

TEST_F(CoderTest, CoordinatedActorsAreOneEventWithLists) {
  EXPECT_THAT(Code(Parsed("China/China/PROPN/4/nsubj and/and/CCONJ/3/cc Russia/Russia/PROPN/1/conj "
                          "condemned/condemn/VERB/0/root Japan/Japan/PROPN/4/obj ,/,/PUNCT/7/punct "
                          "Chile/Chile/PROPN/5/conj and/and/CCONJ/9/cc Peru/Peru/PROPN/5/conj")),
              ElementsAre("CHN+RUS JPN+CHL+PER 111"));
}

TEST_F(CoderTest, CoordinatedVerbsShareTheSubject) {
  EXPECT_THAT(Code(Parsed("Brazil/Brazil/PROPN/2/nsubj praised/praise/VERB/0/root "
                          "Argentina/Argentina/PROPN/2/obj and/and/CCONJ/5/cc "
                          "criticized/criticize/VERB/2/conj Chile/Chile/PROPN/5/obj")),
              ElementsAre("BRA ARG 051", "BRA CHL 111"));
}

TEST_F(CoderTest, Apposition) {
  EXPECT_THAT(Code(Parsed("The/the/DET/2/det neighbour/neighbour/NOUN/6/nsubj ,/,/PUNCT/4/punct "
                          "Chile/Chile/PROPN/2/appos ,/,/PUNCT/4/punct "
                          "criticized/criticize/VERB/0/root Bolivia/Bolivia/PROPN/6/obj")),
              ElementsAre("CHL BOL 111"));
}

TEST_F(CoderTest, RelativeClause) {
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/7/nsubj ,/,/PUNCT/4/punct which/which/PRON/4/nsubj "
                          "hosted/host/VERB/1/acl:relcl Sudan/Sudan/PROPN/4/obj ,/,/PUNCT/4/punct "
                          "praised/praise/VERB/0/root Chad/Chad/PROPN/7/obj")),
              ElementsAre("EGY SDN 043", "EGY TCD 051"));
}

// A relative clause the parser hung on the verb before (parataxis, conj) instead of on its noun:
// the relative pronoun still stands for the noun phrase right before it, as the subject and as
// the patient of a passive; "who" stands for the whole phrase ("the leader of Chad"), "which" for
// the nearest name.
TEST_F(CoderTest, RelativePronounStandsForThePhraseBeforeIt) {
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj praised/praise/VERB/0/root "
                          "Chad/Chad/PROPN/2/obj ,/,/PUNCT/6/punct which/which/PRON/6/nsubj "
                          "criticized/criticize/VERB/2/parataxis Sudan/Sudan/PROPN/6/obj")),
              ElementsAre("EGY TCD 051", "TCD SDN 111"));
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj hosted/host/VERB/0/root the/the/DET/4/det "
                          "leader/leader/NOUN/2/obj of/of/ADP/6/case Chad/Chad/PROPN/4/nmod "
                          ",/,/PUNCT/10/punct who/who/PRON/10/nsubj:pass was/be/AUX/10/aux:pass "
                          "condemned/condemn/VERB/2/conj by/by/ADP/12/case "
                          "Sudan/Sudan/PROPN/10/obl:agent")),
              ElementsAre("EGY TCDGOV 043", "SDN TCDGOV 111"));
  // Without a noun before it the pronoun stands for no one.
  EXPECT_THAT(Code(Parsed("Who/who/PRON/2/nsubj criticized/criticize/VERB/0/root "
                          "Sudan/Sudan/PROPN/2/obj")),
              ElementsAre("--- SDN 111"));
}

// "X is under attack", "X has been under house arrest", "X is in custody": the subject suffers
// the event, as the patient of a passive; other copular phrases keep their subject as the
// source ("China is in talks with Russia").
TEST_F(CoderTest, UnderAttackIsSuffered) {
  EXPECT_THAT(Code(Parsed("Sudan/Sudan/PROPN/4/nsubj was/be/AUX/4/cop under/under/ADP/4/case "
                          "attack/attack/NOUN/0/root")),
              ElementsAre("--- SDN 190"));
  EXPECT_THAT(Code(Parsed("China/China/PROPN/4/nsubj is/be/AUX/4/cop in/in/ADP/4/case "
                          "talks/talk/NOUN/0/root with/with/ADP/6/case "
                          "Russia/Russia/PROPN/4/nmod")),
              ElementsAre("CHN RUS 040"));
}

// An event noun that the verb over it calls off did not take place: "Egypt cancelled a visit to
// Chad" is Egypt's visit, negated (also "postponed", "called off", ...); "Egypt made a visit to
// Chad" is not negated.
TEST_F(CoderTest, CalledOffEventsAreNegated) {
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj cancelled/cancel/VERB/0/root a/a/DET/4/det "
                          "visit/visit/NOUN/2/obj to/to/ADP/6/case Chad/Chad/PROPN/4/nmod")),
              ElementsAre("EGY TCD 042 neg"));
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj postponed/postpone/VERB/0/root "
                          "its/its/PRON/4/nmod:poss visit/visit/NOUN/2/obj to/to/ADP/6/case "
                          "Chad/Chad/PROPN/4/nmod")),
              ElementsAre("EGY TCD 042 neg"));
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj made/make/VERB/0/root a/a/DET/4/det "
                          "visit/visit/NOUN/2/obj to/to/ADP/6/case Chad/Chad/PROPN/4/nmod")),
              ElementsAre("EGY TCD 042"));
}

// A conjoined clause with a subject of its own does not share the negation of the clause before
// it ("Egypt did not meet Chad, and Sudan condemned Chad": the condemnation happened); a conjunct
// that shares the subject does ("Egypt did not meet Chad or condemn Sudan").
TEST_F(CoderTest, ConjoinedClauseWithItsOwnSubjectKeepsItsModality) {
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                          "meet/meet/VERB/0/root Chad/Chad/PROPN/4/obj ,/,/PUNCT/9/punct "
                          "and/and/CCONJ/9/cc Sudan/Sudan/PROPN/9/nsubj "
                          "condemned/condemn/VERB/4/conj Chad/Chad/PROPN/9/obj")),
              ElementsAre("EGY TCD 040 neg", "SDN TCD 111"));
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                          "meet/meet/VERB/0/root Chad/Chad/PROPN/4/obj or/or/CCONJ/7/cc "
                          "condemn/condemn/VERB/4/conj Sudan/Sudan/PROPN/7/obj")),
              ElementsAre("EGY TCD 040 neg", "EGY SDN 111 neg"));
}

// What a subject denies or refuses to do is negated ("Egypt denied attacking Chad", "Egypt
// refused to meet Chad"); what it agrees to do is not.
TEST_F(CoderTest, DeniedAndRefusedActsAreNegated) {
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj denied/deny/VERB/0/root "
                          "attacking/attack/VERB/2/xcomp Chad/Chad/PROPN/3/obj")),
              ElementsAre("EGY TCD 190 neg"));
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj refused/refuse/VERB/0/root to/to/PART/4/mark "
                          "meet/meet/VERB/2/xcomp Chad/Chad/PROPN/4/obj")),
              ElementsAre("EGY TCD 040 neg"));
  // Agreed to: not negated, an intent to meet (PromisedActsAreIntents).
  EXPECT_THAT(Code(Parsed("Egypt/Egypt/PROPN/2/nsubj agreed/agree/VERB/0/root to/to/PART/4/mark "
                          "meet/meet/VERB/2/xcomp Chad/Chad/PROPN/4/obj")),
              ElementsAre("EGY TCD 036"));
}

// "Egypt threatened to attack Chad if attacked": the elided passive has no agent, and Egypt is
// the one attacked, not the attacker.
TEST_F(CoderTest, ElidedPassiveTakesNoSourceFromTheMainClause) {
  Document d = Parsed(
      "Egypt/Egypt/PROPN/2/nsubj threatened/threaten/VERB/0/root to/to/PART/4/mark "
      "attack/attack/VERB/2/xcomp Chad/Chad/PROPN/4/obj if/if/SCONJ/7/mark "
      "attacked/attack/VERB/4/advcl");
  d.sentences[0].words[6].xpos = "VBN";
  EXPECT_THAT(Code(d), ElementsAre("EGY TCD 138"));  // The threat (ThreatenedActsAreThreats).
}

// A target path through the object's possessor (obj.nmod:poss) also takes an actor adjective or
// compound of the object: "rejected Peru's proposal" and "rejected the Peruvian proposal" alike.
TEST_F(CoderTest, PossessorPathTakesActorAdjectives) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj rejected/reject/VERB/0/root "
                          "Peru/Peru/PROPN/5/nmod:poss 's/'s/PART/3/case "
                          "proposal/proposal/NOUN/2/obj")),
              ElementsAre("CHL PER 120"));
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj rejected/reject/VERB/0/root the/the/DET/5/det "
                          "Peruvian/Peruvian/ADJ/5/amod proposal/proposal/NOUN/2/obj")),
              ElementsAre("CHL PER 120"));
}

// A bystander verb ("ended", "fuelled", "monitored") is no light verb for its object noun: the
// noun's event is coded with the noun's own modifier as source, or not at all; "launched" is.
TEST_F(CoderTest, BystanderVerbsLendNoSourceToTheirObjectNoun) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj launched/launch/VERB/0/root an/a/DET/4/det "
                          "attack/attack/NOUN/2/obj on/on/ADP/6/case Peru/Peru/PROPN/4/nmod")),
              ElementsAre("CHL PER 190"));
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj fuelled/fuel/VERB/0/root the/the/DET/5/det "
                          "Peruvian/Peruvian/ADJ/5/amod attack/attack/NOUN/2/obj on/on/ADP/7/case "
                          "Bolivia/Bolivia/PROPN/5/nmod")),
              ElementsAre("PER BOL 190"));
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj ended/end/VERB/0/root the/the/DET/4/det "
                          "attack/attack/NOUN/2/obj")),
              ElementsAre());
}

// The classes come from word_classes.tsv: a table in another dictionary directory applied on
// top of the default one changes what the rules see ("end" no longer a bystander lends its
// subject to the attack it ends), and reports no problem of its own.
TEST(WordClassesTest, ATableInADictionaryDirectoryChangesTheRules) {
  const std::string dir = ::testing::TempDir() + "/annals-word-classes";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/word_classes.tsv") << "lemma\tclasses\tnote\nend\t-bystander\t-\n";
  CoderOptions co;
  co.require_source = false;
  co.dict_dirs = {dir};
  Result<EventCoder> changed = TestCoder(co);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  // (The test verbs table has bad rows of its own.)
  EXPECT_THAT(changed->problems(), ::testing::Not(::testing::Contains(HasSubstr("word_classes"))));
  co.dict_dirs = {};
  Result<EventCoder> plain = TestCoder(co);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  Document d = Parsed(
      "Chile/Chile/PROPN/2/nsubj ended/end/VERB/0/root the/the/DET/4/det attack/attack/NOUN/2/obj");
  EXPECT_TRUE(plain->Code(d).empty());
  std::vector<Event> events = changed->Code(d);
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].sources.size(), 1u);
  EXPECT_EQ(events[0].sources[0].code, "CHL");
  EXPECT_EQ(events[0].cameo, "190");
  std::filesystem::remove_all(dir);
}

// "They" as a subject stands for the latest coordinated subject of two or more sides, in its
// sentence or the one before; not when a plural noun subject that is no actor comes first
// ("organisers said they ...").
TEST_F(CoderTest, TheyIsTheLatestCoordinatedSubject) {
  auto two = [](const std::string& a, const std::string& b) {
    Document d = Parsed(a);
    Document second = Parsed(b);
    Sentence s = second.sentences[0];
    const uint32_t shift = static_cast<uint32_t>(d.text.size() + 1);
    for (Word& w : s.words) w.span = {w.span.begin + shift, w.span.end + shift};
    s.span = {s.span.begin + shift, s.span.end + shift};
    d.text += " " + second.text;
    d.sentences.push_back(std::move(s));
    return d;
  };
  const std::string first =
      "Chile/Chile/PROPN/4/nsubj and/and/CCONJ/3/cc Peru/Peru/PROPN/1/conj met/meet/VERB/0/root";
  EXPECT_THAT(Code(two(first,
                       "They/they/PRON/2/nsubj criticized/criticize/VERB/0/root "
                       "Bolivia/Bolivia/PROPN/2/obj")),
              ElementsAre("CHL PER 040", "PER CHL 040", "CHL+PER BOL 111"));
  EXPECT_THAT(Code(two(first,
                       "Organisers/organiser/NOUN/2/nsubj said/say/VERB/0/root "
                       "they/they/PRON/4/nsubj criticized/criticize/VERB/2/ccomp "
                       "Bolivia/Bolivia/PROPN/4/obj")),
              ElementsAre("CHL PER 040", "PER CHL 040", "--- BOL 111 rep:?"));
}

// A free relative of naming as object: the target is in the naming verb's phrase, also past an
// agent ("criticized what they called the military activity of Peru").
TEST_F(CoderTest, TargetInsideANamingFreeRelative) {
  EXPECT_THAT(
      Code(Parsed("Chile/Chile/PROPN/2/nsubj criticized/criticize/VERB/0/root what/what/PRON/2/obj "
                  "they/they/PRON/5/nsubj called/call/VERB/3/acl:relcl the/the/DET/8/det "
                  "military/military/ADJ/8/amod activity/activity/NOUN/5/obj of/of/ADP/10/case "
                  "Peru/Peru/PROPN/8/nmod")),
      ElementsAre("CHL PER 111"));
}

// A row with refusal=CODE negated in its own clause with a future or modal auxiliary is a
// refusal, stated now: "would not accept the plan of Peru" is 127, plain; "did not accept" only
// reports what was not done (a negated 030). A particle the parser made an adverb still counts
// ("would not back down").
TEST_F(CoderTest, NegatedStanceIsARefusal) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/4/nsubj would/would/AUX/4/aux not/not/PART/4/advmod "
                          "accept/accept/VERB/0/root the/the/DET/6/det plan/plan/NOUN/4/obj "
                          "of/of/ADP/8/case Peru/Peru/PROPN/6/nmod")),
              ElementsAre("CHL PER 127"));
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                          "accept/accept/VERB/0/root the/the/DET/6/det plan/plan/NOUN/4/obj "
                          "of/of/ADP/8/case Peru/Peru/PROPN/6/nmod")),
              ElementsAre("CHL PER 030 neg"));
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/4/nsubj will/will/AUX/4/aux not/not/PART/4/advmod "
                          "back/back/VERB/0/root down/down/ADV/4/advmod")),
              ElementsAre("CHL --- 124"));
}

// A stance row fires only with will/would/shall/could, which is then not its modality: "Chile
// would respond to Peru" is a plain threat (130); "Chile responded to Peru" codes nothing.
TEST_F(CoderTest, StanceRowsNeedAnAuxiliaryAndArePlain) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/3/nsubj would/would/AUX/3/aux "
                          "respond/respond/VERB/0/root to/to/ADP/5/case Peru/Peru/PROPN/3/obl")),
              ElementsAre("CHL PER 130"));
  EXPECT_THAT(
      Code(Parsed("Chile/Chile/PROPN/2/nsubj responded/respond/VERB/0/root to/to/ADP/4/case "
                  "Peru/Peru/PROPN/2/obl")),
      ElementsAre());
}

// A row that names the verb's object outranks the verb's generic row even with no target:
// "announced sanctions against 100 tankers" is 163, not a statement (010); but not when the
// object names its own sides ("a ceasefire between Peru and Bolivia" is theirs).
TEST_F(CoderTest, ObjectRowOutranksTheGenericRow) {
  EXPECT_THAT(
      Code(Parsed("Chile/Chile/PROPN/2/nsubj announced/announce/VERB/0/root "
                  "sanctions/sanction/NOUN/2/obj against/against/ADP/6/case 100/100/NUM/6/nummod "
                  "tankers/tanker/NOUN/3/nmod")),
      ElementsAre("CHL --- 163"));
  EXPECT_THAT(
      Code(Parsed("Chile/Chile/PROPN/2/nsubj announced/announce/VERB/0/root a/a/DET/4/det "
                  "ceasefire/ceasefire/NOUN/2/obj between/between/ADP/6/case "
                  "Peru/Peru/PROPN/4/nmod and/and/CCONJ/8/cc Bolivia/Bolivia/PROPN/6/conj")),
      ElementsAre("CHL --- 010"));
}

// An event noun that a light verb only intends is hypothetical: "prepared an attack on Peru".
TEST_F(CoderTest, IntendedEventNounsAreHypothetical) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj prepared/prepare/VERB/0/root an/a/DET/4/det "
                          "attack/attack/NOUN/2/obj on/on/ADP/6/case Peru/Peru/PROPN/4/nmod")),
              ElementsAre("CHL PER 190 hyp"));
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj made/make/VERB/0/root a/a/DET/4/det "
                          "visit/visit/NOUN/2/obj to/to/ADP/6/case Peru/Peru/PROPN/4/nmod")),
              ElementsAre("CHL PER 042"));
}

// Between two rows of the same specificity that find no actor, the one whose target path names
// a word of the sentence wins: "struck the camps" has an object (190), "struck against the law"
// an oblique (143).
TEST_F(CoderTest, RowWhosePathIsPresentWins) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj struck/strike/VERB/0/root the/the/DET/4/det "
                          "camps/camp/NOUN/2/obj")),
              ElementsAre("CHL --- 190"));
  EXPECT_THAT(Code(Parsed("Workers/worker/NOUN/2/nsubj struck/strike/VERB/0/root")),
              ElementsAre("LAB --- 143"));
  // A state that strikes uses force, whichever row fits: "Chile struck" is no labour strike.
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj struck/strike/VERB/0/root")),
              ElementsAre("CHL --- 190"));
}

// An oblique the parser hung on the object is still the row's oblique: "recalled its ambassador
// from Lima" with "from Lima" under "ambassador".
TEST_F(CoderTest, OblPathAlsoLooksUnderTheObject) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj recalled/recall/VERB/0/root its/its/PRON/4/"
                          "nmod:poss ambassador/ambassador/NOUN/2/obj from/from/ADP/6/case "
                          "Peru/Peru/PROPN/4/nmod")),
              ElementsAre("CHL PER 161"));
}

// Force with no target actor takes the actor of where it happened: "struck camps in Lima".
TEST_F(CoderTest, ForceAgainstAPlaceTakesItsActor) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj struck/strike/VERB/0/root "
                          "camps/camp/NOUN/2/obj in/in/ADP/5/case Lima/Lima/PROPN/2/obl")),
              ElementsAre("CHL PER 190"));
  // Not for other acts: talks held in Lima are not talks with Peru.
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj held/hold/VERB/0/root "
                          "talks/talk/NOUN/2/obj in/in/ADP/5/case Lima/Lima/PROPN/2/obl")),
              ElementsAre("CHL --- 040"));
}

// A date right after another event noun dates that event, even when the parser hangs it on the
// predicate: the accusation is not historical, the attack is.
TEST_F(CoderTest, DateAfterAnotherEventNounIsThatEventsDate) {
  EXPECT_THAT(
      Code(Parsed("Peru/Peru/PROPN/2/nsubj accused/accuse/VERB/0/root Chile/Chile/PROPN/2/obj "
                  "of/of/SCONJ/5/mark joining/join/VERB/3/acl the/the/DET/7/det "
                  "attack/attack/NOUN/5/obj on/on/ADP/9/case 3_May_2020/3_May_2020/NUM/2/obl")),
      ElementsAre("PER CHL 112", "CHL --- 190 hist"));
  EXPECT_THAT(
      Code(Parsed("Peru/Peru/PROPN/2/nsubj attacked/attack/VERB/0/root "
                  "Chile/Chile/PROPN/2/obj on/on/ADP/5/case 3_May_2020/3_May_2020/NUM/2/obl")),
      ElementsAre("PER CHL 190 hist"));
}

// A reported event with no date of its own is dated by its report's own clause ("said on 3 May
// 2020 that Chile attacked Bolivia"), not by a clause embedded in the report's span.
TEST_F(CoderTest, ReportedEventTakesTheDateOfTheReport) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj said/say/VERB/0/root on/on/ADP/4/case "
                          "3_May_2020/3_May_2020/NUM/2/obl that/that/SCONJ/7/mark "
                          "Chile/Chile/PROPN/7/nsubj attacked/attack/VERB/2/ccomp "
                          "Bolivia/Bolivia/PROPN/7/obj")),
              ElementsAre("CHL BOL 190 rep:PER hist"));
  EXPECT_THAT(
      Code(Parsed("Peru/Peru/PROPN/6/nsubj who/who/PRON/3/nsubj left/leave/VERB/1/acl:relcl "
                  "on/on/ADP/5/case 3_May_2020/3_May_2020/NUM/3/obl said/say/VERB/0/root "
                  "Chile/Chile/PROPN/8/nsubj attacked/attack/VERB/6/ccomp "
                  "Bolivia/Bolivia/PROPN/8/obj")),
      ElementsAre("CHL BOL 190 rep:PER"));
}

// A date inside a clause embedded under the predicate ("Peru, which left on 3 May 2020,
// attacked Chile") dates that clause's event, not the predicate's.
TEST_F(CoderTest, DateInAnEmbeddedClauseIsNotThePredicates) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/6/nsubj which/which/PRON/3/nsubj "
                          "left/leave/VERB/1/acl:relcl on/on/ADP/5/case "
                          "3_May_2020/3_May_2020/NUM/3/obl attacked/attack/VERB/0/root "
                          "Chile/Chile/PROPN/6/obj")),
              ElementsAre("PER CHL 190"));
}

// Sentences of `specs` (Parsed's format) as one document, in order.
Document ParsedDocument(const std::vector<std::string>& specs) {
  Document d;
  for (const std::string& spec : specs) {
    Document one = Parsed(spec);
    const uint32_t shift = d.text.empty() ? 0 : static_cast<uint32_t>(d.text.size() + 1);
    if (!d.text.empty()) d.text += " ";
    d.text += one.text;
    Sentence sentence = one.sentences[0];
    sentence.span = {sentence.span.begin + shift, sentence.span.end + shift};
    for (Word& w : sentence.words) w.span = {w.span.begin + shift, w.span.end + shift};
    d.sentences.push_back(std::move(sentence));
    d.id = one.id;
    d.date = one.date;
  }
  return d;
}

// A person named in full is found later in the document by a part of the dictionary name alone
// ("Hun Manet ... Manet thanked Chile"), not when the part stands next to another name.
TEST_F(CoderTest, PartOfAFullNameFoundLaterIsThePerson) {
  const std::string first =
      "Chile/Chile/PROPN/2/nsubj welcomed/welcome/VERB/0/root Hun/Hun/PROPN/2/obj "
      "Manet/Manet/PROPN/3/flat";
  EXPECT_THAT(Code(ParsedDocument({first,
                                   "Manet/Manet/PROPN/2/nsubj thanked/thank/VERB/0/root "
                                   "Chile/Chile/PROPN/2/obj"})),
              ElementsAre("CHL KHMGOV 043", "KHMGOV CHL 051"));
  EXPECT_THAT(Code(ParsedDocument({first,
                                   "Manet/Manet/PROPN/3/compound Kuan/Kuan/PROPN/3/nsubj "
                                   "thanked/thank/VERB/0/root Chile/Chile/PROPN/3/obj"})),
              ElementsAre("CHL KHMGOV 043", "--- CHL 051"));
  // Not before the full name.
  EXPECT_THAT(Code(ParsedDocument({"Manet/Manet/PROPN/2/nsubj thanked/thank/VERB/0/root "
                                   "Chile/Chile/PROPN/2/obj",
                                   first})),
              ElementsAre("--- CHL 051", "CHL KHMGOV 043"));
}

// A response to an earlier act named by a definite noun targets that act's source ("Bolivia
// condemned the attack": Peru's, coded before), unless it is the responder's own act.
TEST_F(CoderTest, ResponseToAnEarlierActTargetsItsSource) {
  const std::string attack =
      "Peru/Peru/PROPN/2/nsubj attacked/attack/VERB/0/root Chile/Chile/PROPN/2/obj";
  EXPECT_THAT(Code(ParsedDocument({attack,
                                   "Bolivia/Bolivia/PROPN/2/nsubj "
                                   "condemned/condemn/VERB/0/root the/the/DET/4/det "
                                   "attack/attack/NOUN/2/obj"})),
              ElementsAre("PER CHL 190", "BOL PER 111"));
  EXPECT_THAT(Code(ParsedDocument({attack,
                                   "Peru/Peru/PROPN/2/nsubj condemned/condemn/VERB/0/root "
                                   "the/the/DET/4/det attack/attack/NOUN/2/obj"})),
              ElementsAre("PER CHL 190", "PER --- 111"));
  // Not an indefinite noun: "condemned an attack" names no earlier act.
  EXPECT_THAT(Code(ParsedDocument({attack,
                                   "Bolivia/Bolivia/PROPN/2/nsubj "
                                   "condemned/condemn/VERB/0/root an/a/DET/4/det "
                                   "attack/attack/NOUN/2/obj"})),
              ElementsAre("PER CHL 190", "BOL --- 111"));
}

// A response verb is not a light verb for the act its object names: "rejected the criticism" is
// no criticism by the one who rejects it (this table's "reject" rows all ask for another object,
// and "criticism" has a row of its own). The critic answered may be an international
// organisation.
TEST_F(CoderTest, ResponseVerbsAreNotLightVerbs) {
  EXPECT_THAT(Code(ParsedDocument({"Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "Bolivia/Bolivia/PROPN/2/obj",
                                   "Bolivia/Bolivia/PROPN/2/nsubj rejected/reject/VERB/0/root "
                                   "the/the/DET/4/det criticism/criticism/NOUN/2/obj"})),
              ElementsAre("PER BOL 111"));
  EXPECT_THAT(Code(ParsedDocument({"EU/EU/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "Bolivia/Bolivia/PROPN/2/obj",
                                   "Bolivia/Bolivia/PROPN/2/nsubj condemned/condemn/VERB/0/root "
                                   "the/the/DET/4/det criticism/criticism/NOUN/2/obj"})),
              ElementsAre("IGOEUREEC BOL 111", "BOL IGOEUREEC 111"));
}

// "Congo" alone is the Democratic Republic of the Congo, as international news uses it (and as the
// geocoder resolves it); the Republic of the Congo needs its full name.
TEST_F(CoderTest, CongoAloneIsTheDemocraticRepublic) {
  EXPECT_THAT(Code(Parsed("Congo/Congo/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "Rwanda/Rwanda/PROPN/2/obj")),
              ElementsAre("COD RWA 111"));
  EXPECT_THAT(Code(Parsed("Congo-Brazzaville/Congo-Brazzaville/PROPN/2/nsubj "
                          "criticized/criticize/VERB/0/root Rwanda/Rwanda/PROPN/2/obj")),
              ElementsAre("COG RWA 111"));
}

// One word of a dictionary name right after another capitalised name is another person of that
// family name ("Hunter Biden" is not Joe Biden); after a title (word class `title`) it is the
// person.
TEST_F(CoderTest, AFamilyNameAfterAnotherFirstNameIsAnotherPerson) {
  EXPECT_THAT(Code(Parsed("Biden/Biden/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "Peru/Peru/PROPN/2/obj",
                          "2022-01-01")),
              ElementsAre("USAGOV PER 111"));
  EXPECT_THAT(Code(Parsed("Hunter/Hunter/PROPN/3/nsubj Biden/Biden/PROPN/1/flat "
                          "criticized/criticize/VERB/0/root Peru/Peru/PROPN/3/obj",
                          "2022-01-01")),
              ElementsAre("--- PER 111"));
  EXPECT_THAT(Code(Parsed("Mr./Mr./PROPN/2/compound Biden/Biden/PROPN/3/nsubj "
                          "criticized/criticize/VERB/0/root Peru/Peru/PROPN/3/obj",
                          "2022-01-01")),
              ElementsAre("USAGOV PER 111"));
  // "Chairman" is no agent noun; word_classes.tsv makes it a title.
  EXPECT_THAT(Code(Parsed("Chairman/Chairman/PROPN/2/compound Xi/Xi/PROPN/3/nsubj "
                          "criticized/criticize/VERB/0/root Peru/Peru/PROPN/3/obj")),
              ElementsAre("CHNGOV PER 111"));
}

// A relative (word class `kin`) is not the one whose relative it is; an apposition after the name
// may still give the actor ("Lula's son Pedro, a lawmaker").
TEST_F(CoderTest, ARelativeIsNotThePossessor) {
  EXPECT_THAT(Code(Parsed("Lula/Lula/PROPN/3/nmod:poss 's/'s/PART/1/case son/son/NOUN/4/nsubj "
                          "criticized/criticize/VERB/0/root Peru/Peru/PROPN/4/obj")),
              ElementsAre("--- PER 111"));
  EXPECT_THAT(Code(Parsed("Lula/Lula/PROPN/3/nmod:poss 's/'s/PART/1/case son/son/NOUN/9/nsubj "
                          "Pedro/Pedro/PROPN/3/appos ,/,/PUNCT/7/punct a/a/DET/7/det "
                          "lawmaker/lawmaker/NOUN/3/appos ,/,/PUNCT/7/punct "
                          "criticized/criticize/VERB/0/root Peru/Peru/PROPN/9/obj")),
              ElementsAre("LEG PER 111"));
  // Not a relative: the possessor is the actor.
  EXPECT_THAT(Code(Parsed("Lula/Lula/PROPN/3/nmod:poss 's/'s/PART/1/case government/government/"
                          "NOUN/4/nsubj criticized/criticize/VERB/0/root Peru/Peru/PROPN/4/obj")),
              ElementsAre("BRAGOV PER 111"));
  // Nor are other relations: "Peru's allies", "supporters of Lula" (the shipped word classes list
  // ally, supporter, rival, critic, ... under kin).
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj urged/urge/VERB/0/root "
                          "Peru/Peru/PROPN/5/nmod:poss 's/'s/PART/3/case allies/ally/NOUN/2/obj")),
              ElementsAre("CHL --- 020"));
  EXPECT_THAT(Code(Parsed("Supporters/supporter/NOUN/4/nsubj of/of/ADP/3/case "
                          "Lula/Lula/PROPN/1/nmod criticized/criticize/VERB/0/root "
                          "Peru/Peru/PROPN/4/obj")),
              ElementsAre("--- PER 111"));
}

// Force by protesters is a riot (145); by soldiers it stays force, unless against protesters
// (violent repression, 175).
TEST_F(CoderTest, ForceByProtestersIsARiotAgainstThemRepression) {
  EXPECT_THAT(Code(Parsed("Protesters/protester/NOUN/2/nsubj attacked/attack/VERB/0/root "
                          "the/the/DET/4/det embassy/embassy/NOUN/2/obj of/of/ADP/6/case "
                          "Peru/Peru/PROPN/4/nmod")),
              ElementsAre("OPP PER 145"));
  EXPECT_THAT(Code(Parsed("Soldiers/soldier/NOUN/2/nsubj attacked/attack/VERB/0/root "
                          "Peru/Peru/PROPN/2/obj")),
              ElementsAre("MIL PER 190"));
  EXPECT_THAT(Code(Parsed("Police/police/NOUN/2/nsubj attacked/attack/VERB/0/root "
                          "protesters/protester/NOUN/2/obj")),
              ElementsAre("COP OPP 175"));
}

// "All parties", "both parties", "the warring parties" are the sides of a conflict, not political
// parties (PTY); "the parties" alone still are.
TEST_F(CoderTest, AllPartiesAreNoPoliticalParties) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj urged/urge/VERB/0/root all/all/DET/4/det "
                          "parties/party/NOUN/2/obj")),
              ElementsAre("PER --- 020"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj urged/urge/VERB/0/root the/the/DET/5/det "
                          "warring/warring/ADJ/5/amod parties/party/NOUN/2/obj")),
              ElementsAre("PER --- 020"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "the/the/DET/4/det parties/party/NOUN/2/obj")),
              ElementsAre("PER PTY 111"));
}

// "The protest" names a lodged one, "the resolution" one that demanded something; a side of the
// same country answers when both have roles and they differ (not one ministry another's).
TEST_F(CoderTest, ReferredActsOfLodgingDemandingAndDomesticSides) {
  EXPECT_THAT(Code(ParsedDocument({"Peru/Peru/PROPN/2/nsubj lodged/lodge/VERB/0/root "
                                   "a/a/DET/4/det protest/protest/NOUN/2/obj",
                                   "Chile/Chile/PROPN/2/nsubj condemned/condemn/VERB/0/root "
                                   "the/the/DET/4/det protest/protest/NOUN/2/obj"})),
              ElementsAre("PER --- 114", "CHL PER 111"));
  EXPECT_THAT(Code(ParsedDocument({"Chile/Chile/PROPN/2/nsubj demanded/demand/VERB/0/root "
                                   "a/a/DET/4/det ceasefire/ceasefire/NOUN/2/obj",
                                   "Peru/Peru/PROPN/2/nsubj praised/praise/VERB/0/root "
                                   "the/the/DET/4/det resolution/resolution/NOUN/2/obj"})),
              ElementsAre("CHL --- 100", "PER CHL 051"));
  const std::string government =
      "The/the/DET/3/det Peruvian/Peruvian/ADJ/3/amod government/government/NOUN/4/nsubj "
      "condemned/condemn/VERB/0/root the/the/DET/6/det demand/demand/NOUN/4/obj";
  EXPECT_THAT(Code(ParsedDocument({"Peruvian/Peruvian/ADJ/2/amod protesters/protester/NOUN/3/nsubj "
                                   "demanded/demand/VERB/0/root elections/election/NOUN/3/obj",
                                   government})),
              ElementsAre("PEROPP --- 100", "PERGOV PEROPP 111"));
  EXPECT_THAT(Code(ParsedDocument({"Peruvian/Peruvian/ADJ/2/amod ministers/minister/NOUN/3/nsubj "
                                   "demanded/demand/VERB/0/root elections/election/NOUN/3/obj",
                                   government})),
              ElementsAre("PERGOV --- 100", "PERGOV --- 111"));
  // A bare role with no country answers a side with another role when no side with a country
  // acted before: the government rejecting the protesters' demands.
  EXPECT_THAT(Code(ParsedDocument({"Protesters/protester/NOUN/2/nsubj demanded/demand/VERB/0/root "
                                   "elections/election/NOUN/2/obj",
                                   government})),
              ElementsAre("OPP --- 100", "PERGOV OPP 111"));
  // "The ban" names a suspension too; "the meeting" one that was hosted.
  EXPECT_THAT(Code(ParsedDocument({"Peru/Peru/PROPN/2/nsubj suspended/suspend/VERB/0/root "
                                   "imports/import/NOUN/2/obj",
                                   "Chile/Chile/PROPN/2/nsubj condemned/condemn/VERB/0/root "
                                   "the/the/DET/4/det ban/ban/NOUN/2/obj"})),
              ElementsAre("PER --- 163", "CHL PER 111"));
  EXPECT_THAT(Code(ParsedDocument({"Peru/Peru/PROPN/2/nsubj hosted/host/VERB/0/root "
                                   "a/a/DET/4/det conference/conference/NOUN/2/obj",
                                   "Chile/Chile/PROPN/2/nsubj condemned/condemn/VERB/0/root "
                                   "the/the/DET/4/det meeting/meeting/NOUN/2/obj"})),
              ::testing::Contains("CHL PER 111"));
}

// Rows flagged transitive fire only with a direct object, intransitive ones only without:
// "returned from Chile" is no return of persons or property (084), "withdrew the remarks" no
// retreat (0874).
TEST_F(CoderTest, TransitivityFlags) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj returned/return/VERB/0/root "
                          "the/the/DET/4/det prisoners/prisoner/NOUN/2/obj")),
              ElementsAre("PER --- 084"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj returned/return/VERB/0/root "
                          "from/from/ADP/4/case Chile/Chile/PROPN/2/obl")),
              ElementsAre());
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj withdrew/withdraw/VERB/0/root "
                          "from/from/ADP/4/case Chile/Chile/PROPN/2/obl")),
              ElementsAre("PER CHL 0874"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj withdrew/withdraw/VERB/0/root "
                          "the/the/DET/4/det remarks/remark/NOUN/2/obj")),
              ElementsAre());
}

// A coordination the parser folded into the head's compounds ("Russia's Gazprom and China
// National Petroleum Corporation", with "Gazprom" a compound of "Corporation" and "China" a conj
// of "Gazprom") still gives both companies as the subject; a compound without such a conjunct
// ("the Gazprom pipeline company") is no list member.
TEST_F(CoderTest, CoordinationFoldedIntoCompoundsGivesEveryMember) {
  EXPECT_THAT(Code(Parsed("Russia/Russia/PROPN/8/nmod:poss 's/'s/PART/1/case "
                          "Gazprom/Gazprom/PROPN/8/compound and/and/CCONJ/5/cc "
                          "China/China/PROPN/3/conj National/National/ADJ/7/amod "
                          "Petroleum/Petroleum/PROPN/8/compound "
                          "Corporation/Corporation/PROPN/9/nsubj signed/sign/VERB/0/root "
                          "an/a/DET/11/det agreement/agreement/NOUN/9/obj")),
              ElementsAre("RUSBUS CHNBUS 057", "CHNBUS RUSBUS 057"));
  EXPECT_THAT(Code(Parsed("Gazprom/Gazprom/PROPN/3/compound China/China/PROPN/3/compound "
                          "Corporation/Corporation/PROPN/4/nsubj signed/sign/VERB/0/root "
                          "an/a/DET/6/det agreement/agreement/NOUN/4/obj")),
              ElementsAre("CHNBUS --- 057"));
}

// A military retreat (087x) is not coded from a venue (word class venue): "the leaders withdrew
// from Chile's presidential residence" and "Peru withdrew from the talks" leave a gathering or a
// building; "Peru withdrew from Chile" is still a retreat.
TEST_F(CoderTest, NoRetreatFromAVenue) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj withdrew/withdraw/VERB/0/root "
                          "from/from/ADP/5/case Chile/Chile/PROPN/5/nmod:poss "
                          "residence/residence/NOUN/2/obl")),
              ElementsAre());
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj withdrew/withdraw/VERB/0/root "
                          "from/from/ADP/5/case the/the/DET/5/det talks/talk/NOUN/2/obl")),
              ElementsAre());
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj withdrew/withdraw/VERB/0/root "
                          "from/from/ADP/4/case Chile/Chile/PROPN/2/obl")),
              ElementsAre("PER CHL 0874"));
}

// "Call" that names or judges is no telephone call: "called the vote outrageous", "what Peru
// called a provocation".
TEST_F(CoderTest, NamingVerbsCodeNoEvent) {
  EXPECT_THAT(
      Code(Parsed("Peru/Peru/PROPN/2/nsubj called/call/VERB/0/root Chile/Chile/PROPN/2/obj")),
      ElementsAre("PER CHL 041"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj called/call/VERB/0/root the/the/DET/4/det "
                          "vote/vote/NOUN/2/obj outrageous/outrageous/ADJ/2/xcomp")),
              ElementsAre());
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "what/what/PRON/2/obj Peru/Peru/PROPN/5/nsubj "
                          "called/call/VERB/3/acl:relcl a/a/DET/7/det "
                          "provocation/provocation/NOUN/5/obj")),
              ElementsAre("CHL --- 111"));
  // The judging noun parsed as an unmarked oblique ("called it a sad day"); a time stays a call.
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj called/call/VERB/0/root it/it/PRON/2/obj "
                          "a/a/DET/6/det sad/sad/ADJ/6/amod day/day/NOUN/2/obl:unmarked")),
              ElementsAre());
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj called/call/VERB/0/root Chile/Chile/PROPN/2/obj "
                          "the/the/DET/6/det next/next/ADJ/6/amod day/day/NOUN/2/obl:unmarked")),
              ElementsAre("PER CHL 041"));
  // The judging noun parsed as a second object ("called Beijing a decisive enabler").
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj called/call/VERB/0/root Chile/Chile/PROPN/2/obj "
                          "a/a/DET/6/det decisive/decisive/ADJ/6/amod enabler/enabler/NOUN/2/obj")),
              ElementsAre());
}

// What one asks another to do has not happened, and the one asked to do it is the target of a
// demand that names no one else: "demanded that Chile withdraw from Bolivia".
TEST_F(CoderTest, AskedForActsAreHypothetical) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj urged/urge/VERB/0/root Chile/Chile/PROPN/2/obj "
                          "to/to/PART/5/mark attack/attack/VERB/2/xcomp "
                          "Bolivia/Bolivia/PROPN/5/obj")),
              ElementsAre("PER CHL 020", "CHL BOL 190 hyp"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj demanded/demand/VERB/0/root "
                          "that/that/SCONJ/5/mark Chile/Chile/PROPN/5/nsubj "
                          "withdraw/withdraw/VERB/2/ccomp from/from/ADP/7/case "
                          "Bolivia/Bolivia/PROPN/5/obl")),
              ElementsAre("PER CHL 100", "CHL BOL 0874 hyp"));
}

// "He" or "she" as a subject is the person last named: earlier in the sentence, else the subject
// person of the previous sentence. A country is no antecedent.
TEST_F(CoderTest, PersonalPronounsAreThePersonLastNamed) {
  EXPECT_THAT(Code(ParsedDocument({"Lula/Lula/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "Peru/Peru/PROPN/2/obj",
                                   "He/he/PRON/2/nsubj condemned/condemn/VERB/0/root "
                                   "Chile/Chile/PROPN/2/obj"})),
              ElementsAre("BRAGOV PER 111", "BRAGOV CHL 111"));
  EXPECT_THAT(Code(Parsed("Lula/Lula/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "Peru/Peru/PROPN/2/obj and/and/CCONJ/6/cc he/he/PRON/6/nsubj "
                          "condemned/condemn/VERB/2/conj Chile/Chile/PROPN/6/obj")),
              ElementsAre("BRAGOV PER 111", "BRAGOV CHL 111"));
  EXPECT_THAT(Code(ParsedDocument({"Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "Chile/Chile/PROPN/2/obj",
                                   "He/he/PRON/2/nsubj condemned/condemn/VERB/0/root "
                                   "Bolivia/Bolivia/PROPN/2/obj"})),
              ElementsAre("PER CHL 111", "--- BOL 111"));
}

// The one object before an open complement, labelled iobj by the parser ("urged Chile to
// attack Bolivia"), is the object a row's obj path asks for.
TEST_F(CoderTest, IobjBeforeAnOpenComplementIsTheObject) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj urged/urge/VERB/0/root "
                          "Chile/Chile/PROPN/2/iobj to/to/PART/5/mark attack/attack/VERB/2/xcomp "
                          "Bolivia/Bolivia/PROPN/5/obj")),
              ElementsAre("PER CHL 020", "CHL BOL 190 hyp"));
}

// A verb conjunct sharing its head's subject, with no date of its own, takes the date of its
// head's clause ("criticized Chile on Monday and condemned Bolivia"); one with its own subject
// does not.
TEST_F(CoderTest, SharedSubjectConjunctTakesItsHeadsDate) {
  auto dates = [&](const std::string& spec) {
    std::vector<std::string> out;
    for (const Event& e : coder_->Code(Parsed(spec))) out.push_back(e.cameo + " " + e.date);
    return out;
  };
  EXPECT_THAT(dates("Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                    "Chile/Chile/PROPN/2/obj on/on/ADP/5/case Monday/Monday/PROPN/2/obl "
                    "and/and/CCONJ/7/cc condemned/condemn/VERB/2/conj "
                    "Bolivia/Bolivia/PROPN/7/obj"),
              ElementsAre("111 2025-09-01", "111 2025-09-01"));
  EXPECT_THAT(dates("Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                    "Chile/Chile/PROPN/2/obj on/on/ADP/5/case Monday/Monday/PROPN/2/obl "
                    "and/and/CCONJ/8/cc Bolivia/Bolivia/PROPN/8/nsubj "
                    "condemned/condemn/VERB/2/conj Chile/Chile/PROPN/8/obj"),
              ElementsAre("111 2025-09-01", "111 2025-09-02"));
}

// "It" as a subject stands for a country or organisation that is a subject: the latest before it
// in its sentence, else the first of the sentence before; not for a person ("Lula ... It ...").
TEST_F(CoderTest, ItIsTheCountryOrOrganisationLastASubject) {
  EXPECT_THAT(Code(ParsedDocument({"Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "Chile/Chile/PROPN/2/obj",
                                   "It/it/PRON/2/nsubj condemned/condemn/VERB/0/root "
                                   "Bolivia/Bolivia/PROPN/2/obj"})),
              ElementsAre("PER CHL 111", "PER BOL 111"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "Chile/Chile/PROPN/2/obj and/and/CCONJ/6/cc it/it/PRON/6/nsubj "
                          "condemned/condemn/VERB/2/conj Bolivia/Bolivia/PROPN/6/obj")),
              ElementsAre("PER CHL 111", "PER BOL 111"));
  EXPECT_THAT(Code(ParsedDocument({"Lula/Lula/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "Peru/Peru/PROPN/2/obj",
                                   "It/it/PRON/2/nsubj condemned/condemn/VERB/0/root "
                                   "Chile/Chile/PROPN/2/obj"})),
              ElementsAre("BRAGOV PER 111", "--- CHL 111"));
}

// A row whose target paths find no actor takes a country or organisation named inside the
// verb's object phrase, not through a place phrase: "suspended imports of Chilean wine".
TEST_F(CoderTest, TargetInsideTheObjectPhrase) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj suspended/suspend/VERB/0/root "
                          "imports/import/NOUN/2/obj of/of/ADP/6/case Chilean/Chilean/ADJ/6/amod "
                          "wine/wine/NOUN/3/nmod")),
              ElementsAre("PER CHL 163"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj suspended/suspend/VERB/0/root "
                          "flights/flight/NOUN/2/obj through/through/ADP/5/case "
                          "Chile/Chile/PROPN/3/nmod")),
              ElementsAre("PER --- 163"));
}

// A definite group of two ("the two countries", "the two leaders") stands for the last
// coordination of two such sides ("talks between Peru and Chile"), or for people the last two
// named; "each other" makes any act mutual.
// "Both sides" are the two sides of the latest coordination after "between", else of the latest
// coordination of two: not the pair named last when that is not the sides ("Bolivia and Ecuador
// praised the talks").
TEST_F(CoderTest, BothSidesAreTheSidesOfABetween) {
  const std::string talks =
      "Talks/talk/NOUN/5/nsubj between/between/ADP/3/case Peru/Peru/PROPN/1/nmod "
      "and/and/CCONJ/5/cc Chile/Chile/PROPN/3/conj began/begin/VERB/0/root";
  const std::string urged =
      "Brazil/Brazil/PROPN/2/nsubj urged/urge/VERB/0/root both/both/DET/4/det "
      "sides/side/NOUN/2/obj";
  EXPECT_THAT(Code(ParsedDocument({talks, urged})), ::testing::Contains("BRA PER+CHL 020"));
  EXPECT_THAT(Code(ParsedDocument({talks,
                                   "Bolivia/Bolivia/PROPN/4/nsubj and/and/CCONJ/3/cc "
                                   "Ecuador/Ecuador/PROPN/1/conj praised/praise/VERB/0/root "
                                   "the/the/DET/6/det talks/talk/NOUN/4/obj",
                                   urged})),
              ::testing::Contains("BRA PER+CHL 020"));
  // With no coordination before, nobody.
  EXPECT_THAT(Code(ParsedDocument({urged})), ElementsAre("BRA --- 020"));
}

TEST_F(CoderTest, GroupsOfTwoAndEachOther) {
  const std::string talks =
      "Talks/talk/NOUN/5/nsubj between/between/ADP/3/case Peru/Peru/PROPN/1/nmod "
      "and/and/CCONJ/5/cc "
      "Chile/Chile/PROPN/3/conj began/begin/VERB/0/root";
  EXPECT_THAT(Code(ParsedDocument({talks,
                                   "Bolivia/Bolivia/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "the/the/DET/5/det two/two/NUM/5/nummod "
                                   "countries/country/NOUN/2/obj"})),
              ElementsAre("BOL PER+CHL 111"));
  EXPECT_THAT(Code(ParsedDocument({"Lula/Lula/PROPN/2/nsubj met/meet/VERB/0/root Xi/Xi/PROPN/2/obj",
                                   "The/the/DET/3/det two/two/NUM/3/nummod "
                                   "leaders/leader/NOUN/4/nsubj signed/sign/VERB/0/root "
                                   "an/a/DET/6/det agreement/agreement/NOUN/4/obj"})),
              ElementsAre("BRAGOV CHNGOV 040", "BRAGOV CHNGOV 057", "CHNGOV BRAGOV 057"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/4/nsubj and/and/CCONJ/3/cc Chile/Chile/PROPN/1/conj "
                          "accused/accuse/VERB/0/root each/each/DET/6/det other/other/ADJ/4/obj")),
              ElementsAre("PER CHL 112", "CHL PER 112"));
}

// An international organisation's officials, leaders or envoys are the organisation itself: no
// GOV after an IGO code ("UN officials" IGOUNO, not IGOUNOGOV).
TEST_F(CoderTest, OrganisationOfficialsAreTheOrganisation) {
  EXPECT_THAT(Code(Parsed("UN/UN/PROPN/2/compound officials/official/NOUN/3/nsubj "
                          "urged/urge/VERB/0/root Peru/Peru/PROPN/3/obj")),
              ElementsAre("IGOUNO PER 020"));
}

// So are the leaders, officials and spokesmen of any group with a role of its own: "rebel leaders"
// REB, "Russian military leaders" RUSMIL (not REBGOV, RUSMILGOV); "protest leaders" are the
// opposition. A government named stays GOV.
TEST_F(CoderTest, GroupLeadersAreTheGroup) {
  EXPECT_THAT(Code(Parsed("Rebel/rebel/NOUN/2/compound leaders/leader/NOUN/3/nsubj "
                          "urged/urge/VERB/0/root Peru/Peru/PROPN/3/obj")),
              ElementsAre("REB PER 020"));
  EXPECT_THAT(Code(Parsed("Russian/Russian/ADJ/3/amod military/military/NOUN/3/compound "
                          "leaders/leader/NOUN/4/nsubj urged/urge/VERB/0/root "
                          "Peru/Peru/PROPN/4/obj")),
              ElementsAre("RUSMIL PER 020"));
  EXPECT_THAT(Code(Parsed("Protest/protest/NOUN/2/compound leaders/leader/NOUN/3/nsubj "
                          "urged/urge/VERB/0/root Peru/Peru/PROPN/3/obj")),
              ElementsAre("OPP PER 020"));
  EXPECT_THAT(Code(Parsed("Russian/Russian/ADJ/2/amod officials/official/NOUN/3/nsubj "
                          "urged/urge/VERB/0/root Peru/Peru/PROPN/3/obj")),
              ElementsAre("RUSGOV PER 020"));
  EXPECT_THAT(Code(Parsed("The/the/DET/3/det Peruvian/Peruvian/ADJ/3/amod "
                          "government/government/NOUN/4/nsubj urged/urge/VERB/0/root "
                          "Chile/Chile/PROPN/4/obj")),
              ElementsAre("PERGOV CHL 020"));
}

// CoderOptions::country_as_government (on by default): a country named by its name or capital
// stands for its government as a source, and as a target of a verbal, diplomatic or economic act;
// a target of force or travel, and an adjective with a role, stay as they are.
TEST(CountryAsGovernmentTest, NamedCountriesAreTheirGovernments) {
  CoderOptions co;
  co.require_source = false;
  Result<EventCoder> c = TestCoder(co, /*states=*/true);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  auto code = [&](const Document& d) {
    std::vector<std::string> out;
    for (const Event& e : c->Code(d)) {
      std::string src, tgt;
      for (const ActorRef& a : e.sources) src += (src.empty() ? "" : "+") + a.code;
      for (const ActorRef& a : e.targets) tgt += (tgt.empty() ? "" : "+") + a.code;
      out.push_back((src.empty() ? "---" : src) + " " + (tgt.empty() ? "---" : tgt) + " " +
                    e.cameo);
    }
    return out;
  };
  EXPECT_THAT(code(Parsed("Britain/Britain/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "Iran/Iran/PROPN/2/obj")),
              ElementsAre("GBRGOV IRNGOV 111"));
  // A capital too ("Washington urged Moscow").
  EXPECT_THAT(code(Parsed("Washington/Washington/PROPN/2/nsubj urged/urge/VERB/0/root "
                          "Moscow/Moscow/PROPN/2/obj")),
              ElementsAre("USAGOV RUSGOV 020"));
  // Force and travel: the target is the country itself.
  EXPECT_THAT(code(Parsed("Russia/Russia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                          "Ukraine/Ukraine/PROPN/2/obj")),
              ElementsAre("RUSGOV UKR 190"));
  // A visit is paid to the government (2026-12-04; it was the bare country); other travel (042
  // rows of other verbs, "flew to India") goes to the place:
  // CountryAsGovernmentTest.TravelIsToThePlace.
  EXPECT_THAT(code(Parsed("Japan/Japan/PROPN/2/nsubj visited/visit/VERB/0/root "
                          "India/India/PROPN/2/obj")),
              ElementsAre("JPNGOV INDGOV 042"));
  // An adjective with a role keeps the role; an adjective is not a name.
  EXPECT_THAT(code(Parsed("Chinese/Chinese/ADJ/2/amod troops/troop/NOUN/3/nsubj "
                          "attacked/attack/VERB/0/root India/India/PROPN/3/obj")),
              ElementsAre("CHNMIL IND 190"));
  EXPECT_THAT(code(Parsed("Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                          "Chilean/Chilean/ADJ/2/obj")),
              ElementsAre("PERGOV CHL 111"));
  // "The two countries" stands for the countries named before it, and so for their governments.
  EXPECT_THAT(code(ParsedDocument({"Talks/talk/NOUN/5/nsubj between/between/ADP/3/case "
                                   "Peru/Peru/PROPN/1/nmod and/and/CCONJ/5/cc "
                                   "Chile/Chile/PROPN/3/conj began/begin/VERB/0/root",
                                   "Bolivia/Bolivia/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                                   "the/the/DET/5/det two/two/NUM/5/nummod "
                                   "countries/country/NOUN/2/obj"})),
              ElementsAre("BOLGOV PERGOV+CHLGOV 111"));
  // Off: bare codes (PETRARCH and GDELT; `annals validate petrarch`, `--bare-countries`).
  Result<EventCoder> bare = TestCoder(co);
  ASSERT_TRUE(bare.ok());
  std::vector<Event> e = bare->Code(Parsed(
      "Britain/Britain/PROPN/2/nsubj criticized/criticize/VERB/0/root Iran/Iran/PROPN/2/obj"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sources[0].code, "GBR");
  EXPECT_EQ(e[0].targets[0].code, "IRN");
}

// The consequent of a condition is hypothetical when it is in the future or a modal ("if Chile
// rearms, Peru will attack"); a past one happened.
TEST_F(CoderTest, ConditionalConsequentIsHypothetical) {
  EXPECT_THAT(Code(Parsed("If/if/SCONJ/3/mark Chile/Chile/PROPN/3/nsubj rearms/rearm/VERB/6/advcl "
                          "Peru/Peru/PROPN/6/nsubj will/will/AUX/6/aux attack/attack/VERB/0/root "
                          "Chile/Chile/PROPN/6/obj")),
              ElementsAre("PER CHL 190 hyp fut"));
  EXPECT_THAT(Code(Parsed("If/if/SCONJ/3/mark Chile/Chile/PROPN/3/nsubj rearmed/rearm/VERB/5/advcl "
                          "Peru/Peru/PROPN/5/nsubj attacked/attack/VERB/0/root "
                          "Chile/Chile/PROPN/5/obj")),
              ElementsAre("PER CHL 190"));
}

TEST_F(CoderTest, CopulaWithXcomp) {
  EXPECT_THAT(
      Code(Parsed("Peru/Peru/PROPN/3/nsubj is/be/AUX/3/cop ready/ready/ADJ/0/root "
                  "to/to/PART/5/mark sign/sign/VERB/3/xcomp an/a/DET/7/det "
                  "agreement/agreement/NOUN/5/obj with/with/ADP/9/case Chile/Chile/PROPN/7/nmod")),
      ElementsAre("PER CHL 030"));  // Ready to sign: an intent to cooperate (promised acts).
}

// A promised act is CAMEO's expression of intent, and the promise's own generic event is folded
// into it: "agreed to meet" is 036, not 040 (no meeting yet) plus the agreement's 030.
TEST_F(CoderTest, PromisedActsAreIntents) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj pledged/pledge/VERB/0/root to/to/PART/4/mark "
                          "send/send/VERB/2/xcomp aid/aid/NOUN/4/obj to/to/ADP/7/case "
                          "Chile/Chile/PROPN/4/obl")),
              ElementsAre("PER CHL 033"));
  // Through a coordination of complements.
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj agreed/agree/VERB/0/root to/to/PART/4/mark "
                          "visit/visit/VERB/2/xcomp Chile/Chile/PROPN/4/obj and/and/CCONJ/7/cc "
                          "meet/meet/VERB/4/conj Bolivia/Bolivia/PROPN/7/obj")),
              ElementsAre("PER CHL 036", "PER BOL 036"));
  // An act with no intent (nor threat) code stays itself, hypothetical.
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj vowed/vow/VERB/0/root to/to/PART/4/mark "
                          "criticize/criticize/VERB/2/xcomp Chile/Chile/PROPN/4/obj")),
              ElementsAre("PER CHL 111 hyp"));
}

// A threatened act is CAMEO's threat, with the act's target, and the threatening verb's own
// generic event (130) is folded into it: "threatened to attack Chile" is 138, as is a vow of force
// and a warning of what one would do. The threat is as real as the threatening verb.
TEST_F(CoderTest, ThreatenedActsAreThreats) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj threatened/threaten/VERB/0/root "
                          "to/to/PART/4/mark attack/attack/VERB/2/xcomp Chile/Chile/PROPN/4/obj")),
              ElementsAre("PER CHL 138"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj vowed/vow/VERB/0/root to/to/PART/4/mark "
                          "attack/attack/VERB/2/xcomp Chile/Chile/PROPN/4/obj")),
              ElementsAre("PER CHL 138"));
  EXPECT_THAT(
      Code(Parsed("Peru/Peru/PROPN/2/nsubj threatened/threaten/VERB/0/root "
                  "to/to/PART/4/mark impose/impose/VERB/2/xcomp "
                  "sanctions/sanction/NOUN/4/obj on/on/ADP/7/case Chile/Chile/PROPN/4/obl")),
      ElementsAre("PER CHL 1312"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/6/mark "
                          "Bolivia/Bolivia/PROPN/6/nsubj would/would/AUX/6/aux "
                          "attack/attack/VERB/2/ccomp Chile/Chile/PROPN/6/obj")),
              ElementsAre("BOL CHL 138"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                          "threaten/threaten/VERB/0/root to/to/PART/6/mark "
                          "attack/attack/VERB/4/xcomp Chile/Chile/PROPN/6/obj")),
              ElementsAre("PER CHL 138 neg"));
  // Not a threat: a warning about what happened.
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/5/mark "
                          "Bolivia/Bolivia/PROPN/5/nsubj attacked/attack/VERB/2/ccomp "
                          "Chile/Chile/PROPN/5/obj")),
              ElementsAre("BOL CHL 190 rep:PER"));
}

TEST_F(CoderTest, ReportedSpeechKeepsTheSpeakerApart) {
  EXPECT_THAT(Code(Parsed("Chile/Chile/PROPN/2/nsubj said/say/VERB/0/root Peru/Peru/PROPN/4/nsubj "
                          "attacked/attack/VERB/2/ccomp Bolivia/Bolivia/PROPN/4/obj")),
              ElementsAre("PER BOL 190 rep:CHL"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj attacked/attack/VERB/0/root "
                          "Bolivia/Bolivia/PROPN/2/obj ,/,/PUNCT/2/punct Chile/Chile/PROPN/6/nsubj "
                          "said/say/VERB/2/parataxis")),
              ElementsAre("PER BOL 190 rep:CHL"));
}

TEST_F(CoderTest, Modality) {
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                          "attack/attack/VERB/0/root Chile/Chile/PROPN/4/obj")),
              ElementsAre("PER CHL 190 neg"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/3/nsubj could/could/AUX/3/aux attack/attack/VERB/0/root "
                          "Chile/Chile/PROPN/3/obj")),
              ElementsAre("PER CHL 190 hyp"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/3/nsubj will/will/AUX/3/aux attack/attack/VERB/0/root "
                          "Chile/Chile/PROPN/3/obj")),
              ElementsAre("PER CHL 190 fut"));
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/3/nsubj is/be/AUX/3/aux going/go/VERB/0/root "
                          "to/to/PART/5/mark attack/attack/VERB/3/xcomp Chile/Chile/PROPN/5/obj")),
              ElementsAre("PER CHL 190 fut"));
  EXPECT_THAT(Code(Parsed("If/if/SCONJ/3/mark Peru/Peru/PROPN/3/nsubj attacks/attack/VERB/6/advcl "
                          "Chile/Chile/PROPN/3/obj ,/,/PUNCT/3/punct war/war/NOUN/8/nsubj "
                          "will/will/AUX/8/aux follow/follow/VERB/0/root")),
              ElementsAre("PER CHL 190 hyp"));
  // "... seem almost inevitable": the event noun is the subject of a speculative predicate.
  EXPECT_THAT(Code(Parsed("Sanctions/sanction/NOUN/6/nsubj on/on/ADP/3/case Iran/Iran/PROPN/1/nmod "
                          "by/by/ADP/5/case Canada/Canada/PROPN/1/nmod seem/seem/VERB/0/root "
                          "almost/almost/ADV/8/advmod inevitable/inevitable/ADJ/6/xcomp")),
              ElementsAre("--- IRN 163 hyp"));
}

TEST_F(CoderTest, ParticleMustMatch) {
  EXPECT_THAT(
      Code(Parsed("Chile/Chile/PROPN/2/nsubj called/call/VERB/0/root off/off/ADP/2/compound:prt "
                  "the/the/DET/5/det visit/visit/NOUN/2/obj")),
      ElementsAre("CHL --- 036"));  // The object noun is not coded a second time.
  EXPECT_THAT(
      Code(Parsed("Chile/Chile/PROPN/2/nsubj called/call/VERB/0/root Peru/Peru/PROPN/2/obj")),
      ElementsAre("CHL PER 041"));  // The particle-less row, not "call off".
}

// "Xi met his Russian and North Korean counterparts": one match with two codes.
constexpr char kXiMeetsCounterparts[] =
    "Xi/Xi/PROPN/2/nsubj met/meet/VERB/0/root his/his/PRON/8/nmod:poss "
    "Russian/Russian/ADJ/8/amod and/and/CCONJ/7/cc North/North/PROPN/7/compound "
    "Korean/Korean/ADJ/4/conj counterparts/counterpart/NOUN/2/obj";

TEST_F(CoderTest, CompoundActorMatch) {
  EXPECT_THAT(Code(Parsed(kXiMeetsCounterparts)), ElementsAre("CHNGOV RUSGOV+PRKGOV 040"));
}

// Each code of a coordinated match names the entry it came from, not the head's.
TEST_F(CoderTest, CoordinatedCodesNameTheirOwnEntries) {
  Document d = Parsed(kXiMeetsCounterparts);
  std::vector<Event> events = coder_->Code(d);
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].targets.size(), 2u);
  const ActorRef& russia = events[0].targets[0];
  const ActorRef& korea = events[0].targets[1];
  EXPECT_EQ(russia.code, "RUSGOV");
  EXPECT_EQ(korea.code, "PRKGOV");
  EXPECT_EQ(russia.text, korea.text);  // One mention, "Russian and North Korean counterparts".
  EXPECT_NE(russia.name, korea.name);
  EXPECT_NE(russia.entry_id, korea.entry_id);
  EXPECT_THAT(korea.name, HasSubstr("Korea"));
  EXPECT_THAT(russia.name, HasSubstr("Russia"));
}

// The dateline's place and agency ("Beijing, September 2 (Reuters) -") are not actors.
TEST_F(CoderTest, DatelineMentionsAreNotActors) {
  Document d = Parsed(
      "Beijing/Beijing/PROPN/10/nsubj ,/,/PUNCT/4/punct September/September/PROPN/4/nmod:unmarked "
      "2/2/NUM/1/appos (/(/PUNCT/6/punct Reuters/Reuters/PROPN/1/appos )/)/PUNCT/6/punct "
      "-/-/PUNCT/10/punct Xi/Xi/PROPN/10/nsubj met/meet/VERB/0/root Putin/Putin/PROPN/10/obj");
  // Parsed as the pipeline parses the flagship article's first sentence (Beijing a second nsubj,
  // Reuters its apposition): without a dateline, Beijing and Reuters join the sources.
  EXPECT_THAT(Code(d), ElementsAre("CHN+GBRMED+CHNGOV RUSGOV 040"));
  d.dateline = Dateline{.place = "Beijing",
                        .date_text = "September 2",
                        .agency = "Reuters",
                        .span = {0, static_cast<uint32_t>(d.text.find("Xi"))}};
  EXPECT_THAT(Code(d), ElementsAre("CHNGOV RUSGOV 040"));
  CodingTrace trace;
  (void)coder_->CodeSentence(d, 0, nullptr, &trace);
  std::string all;
  for (const std::string& l : trace.lines) all += l + "\n";
  EXPECT_THAT(all, HasSubstr("dateline mention 'Reuters' is not an actor"));
}

// The dateline's date is when the story was filed: an event whose clause takes in the dateline
// (the pipeline hangs the dateline from the main verb) is not dated by it.
TEST_F(CoderTest, DatelineDateIsNotTheEventDate) {
  Document d = Parsed(
      "Beijing/Beijing/PROPN/10/dep ,/,/PUNCT/4/punct August/August/PROPN/4/nmod:unmarked "
      "30/30/NUM/1/appos (/(/PUNCT/6/punct Reuters/Reuters/PROPN/1/appos )/)/PUNCT/6/punct "
      "-/-/PUNCT/1/punct Xi/Xi/PROPN/10/nsubj met/meet/VERB/0/root Putin/Putin/PROPN/10/obj");
  std::vector<Event> e = coder_->Code(d);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, "2025-08-30");  // Without a dateline the date is just a date.
  d.dateline = Dateline{.place = "Beijing",
                        .date_text = "August 30",
                        .agency = "Reuters",
                        .span = {0, static_cast<uint32_t>(d.text.find("Xi"))}};
  e = coder_->Code(d);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, "2025-09-02");
  EXPECT_EQ(Codes(e[0].sources), "CHNGOV");
}

// "former President Jair Bolsonaro" is the person whichever of its words the parser made the
// head: here "former" (an obj with the name hanging from it), as our parser does when the
// sentence has no dateline before it.
TEST_F(CoderTest, TitleBeforeANameIsTheNamesWhateverTheHead) {
  const char* kTitleHead =
      "Brazil/Brazil/PROPN/2/nsubj condemned/condemn/VERB/0/root former/former/ADJ/2/obj "
      "President/President/PROPN/5/nmod:desc Jair/Jair/PROPN/3/obj "
      "Bolsonaro/Bolsonaro/PROPN/5/flat";
  const char* kNameHead =
      "Brazil/Brazil/PROPN/2/nsubj condemned/condemn/VERB/0/root former/former/ADJ/4/amod "
      "President/President/PROPN/5/nmod:desc Jair/Jair/PROPN/2/obj "
      "Bolsonaro/Bolsonaro/PROPN/5/flat";
  EXPECT_THAT(Code(Parsed(kNameHead)), ElementsAre("BRA BRAOPP 111"));
  EXPECT_THAT(Code(Parsed(kTitleHead)), ElementsAre("BRA BRAOPP 111"));
  // A title with no name after it keeps its own code.
  EXPECT_THAT(Code(Parsed("Brazil/Brazil/PROPN/2/nsubj condemned/condemn/VERB/0/root "
                          "former/former/ADJ/4/amod President/President/PROPN/2/obj")),
              ElementsAre("BRA ELI 111"));
}

// Two mentions with the same code in one role ("The President of Iran Masoud Pezeshkian",
// parsed as two subjects) list the code once.
TEST_F(CoderTest, ACodeIsListedOncePerRole) {
  std::vector<Event> e = coder_->Code(
      Parsed("President/President/PROPN/6/nsubj of/of/ADP/3/case Iran/Iran/PROPN/1/nmod "
             "Masoud/Masoud/PROPN/6/nsubj Pezeshkian/Pezeshkian/PROPN/4/flat "
             "condemned/condemn/VERB/0/root Israel/Israel/PROPN/6/obj",
             "2024-11-16"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(Codes(e[0].sources), "IRNGOV");
}

// A relative clause's noun is its subject through "who"/"that"; a present-tense relative clause
// with no subject at all is a misparse (the flagship's "... by certain Western analysts, arrives
// at a time when ..." had the analysts arriving) and takes no subject from the noun.
TEST_F(CoderTest, SubjectlessPresentTenseRelativeClauseTakesNoSubject) {
  Document d = Parsed(
      "analysts/analyst/NOUN/0/root ,/,/PUNCT/3/punct visits/visit/VERB/1/acl:relcl "
      "China/China/PROPN/3/obj");
  d.sentences[0].words[2].xpos = "VBZ";
  EXPECT_THAT(Code(d), ElementsAre("--- CHN 042"));
  Document who = Parsed(
      "analysts/analyst/NOUN/0/root who/who/PRON/3/nsubj visit/visit/VERB/1/acl:relcl "
      "China/China/PROPN/3/obj");
  who.sentences[0].words[2].xpos = "VBP";
  EXPECT_THAT(Code(who), ElementsAre("EDU CHN 042"));
}

// "Russian oil purchases considered as threatening Ukraine": the purchases are considered, they
// (and Russia) do not consider, and what the participle's clause says has no source either.
// Another participle after a noun keeps the noun's actors as its source.
TEST_F(CoderTest, JudgingParticipleAfterANounTakesNoSubject) {
  const char* kConsidered =
      "Russian/Russian/ADJ/3/amod oil/oil/NOUN/3/compound purchases/purchase/NOUN/0/root "
      "considered/consider/VERB/3/acl as/as/SCONJ/6/mark threatening/threaten/VERB/4/advcl "
      "Ukraine/Ukraine/PROPN/6/obj";
  EXPECT_THAT(Code(Parsed(kConsidered)), ElementsAre("--- UKR 130"));
  const char* kHosting =
      "Russian/Russian/ADJ/2/amod officials/official/NOUN/0/root hosting/host/VERB/2/acl "
      "Ukraine/Ukraine/PROPN/3/obj";
  EXPECT_THAT(Code(Parsed(kHosting)), ElementsAre("RUSGOV UKR 043"));
}

// "China accused Taiwan of threatening Japan": the one said to threaten is the accused (the
// object), not the accuser; a pronoun object ("accused him of ...") gives no source at all.
TEST_F(CoderTest, AccusedOfActsAreTheAccused) {
  EXPECT_THAT(Code(Parsed("China/China/PROPN/2/nsubj accused/accuse/VERB/0/root "
                          "Taiwan/Taiwan/PROPN/2/obj of/of/SCONJ/5/mark "
                          "threatening/threaten/VERB/2/advcl Japan/Japan/PROPN/5/obj")),
              ElementsAre("CHN TWN 112", "TWN JPN 130"));
  EXPECT_THAT(Code(Parsed("China/China/PROPN/2/nsubj accused/accuse/VERB/0/root "
                          "him/he/PRON/2/obj of/of/SCONJ/5/mark "
                          "threatening/threaten/VERB/2/advcl Japan/Japan/PROPN/5/obj")),
              ElementsAre("CHN --- 112", "--- JPN 130"));
}

// "China and India held talks": a mutual act of two countries with no target is one event per
// side, each with the other as its target. Not for a one-way act, not for sources of one
// country, not for an event noun under a verb that is not its support verb.
TEST_F(CoderTest, MutualActsOfSeveralCountriesGoBothWays) {
  EXPECT_THAT(Code(Parsed("China/China/PROPN/4/nsubj and/and/CCONJ/3/cc India/India/PROPN/1/conj "
                          "met/meet/VERB/0/root")),
              ElementsAre("CHN IND 040", "IND CHN 040"));
  EXPECT_THAT(Code(Parsed("China/China/PROPN/4/nsubj and/and/CCONJ/3/cc India/India/PROPN/1/conj "
                          "held/hold/VERB/0/root talks/talk/NOUN/4/obj")),
              ElementsAre("CHN IND 040", "IND CHN 040"));
  EXPECT_THAT(Code(Parsed("China/China/PROPN/4/nsubj and/and/CCONJ/3/cc India/India/PROPN/1/conj "
                          "criticized/criticize/VERB/0/root")),
              ElementsAre("CHN+IND --- 111"));
  CoderOptions off;
  off.reciprocal = false;
  off.require_source = false;
  Result<EventCoder> plain = TestCoder(off);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  std::vector<Event> e =
      plain->Code(Parsed("China/China/PROPN/4/nsubj and/and/CCONJ/3/cc India/India/PROPN/1/conj "
                         "met/meet/VERB/0/root"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(Codes(e[0].sources), "CHN+IND");
  EXPECT_TRUE(e[0].targets.empty());
}

// A verb's own row naming its object is mutual like any verb row ("exchanged fire" is no support
// verb, but its row is the verb's, not the object noun's).
TEST_F(CoderTest, MutualVerbRowWithAnObjectGoesBothWays) {
  EXPECT_THAT(Code(Parsed("India/India/PROPN/4/nsubj and/and/CCONJ/3/cc "
                          "Pakistan/Pakistan/PROPN/1/conj exchanged/exchange/VERB/0/root "
                          "fire/fire/NOUN/4/obj")),
              ElementsAre("IND PAK 193", "PAK IND 193"));
}

TEST_F(CoderTest, PastDatesAreHistorical) {
  Document d = Parsed(
      "In/in/ADP/2/case 2024/2024/NUM/4/obl ,/,/PUNCT/4/punct "
      "Russia/Russia/PROPN/5/nsubj attacked/attack/VERB/0/root "
      "Ukraine/Ukraine/PROPN/5/obj");
  // Fix the tree: "2024" hangs off "attacked".
  d.sentences[0].words[1].head = 5;
  d.sentences[0].words[2].head = 5;
  d.sentences[0].words[3].head = 5;
  std::vector<Event> e = coder_->Code(d);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, "2024");
  EXPECT_TRUE(e[0].historical);
  // Undated: the story date.
  e =
      coder_->Code(Parsed("Russia/Russia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                          "Ukraine/Ukraine/PROPN/2/obj"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, "2025-09-02");
  EXPECT_FALSE(e[0].historical);
  EXPECT_EQ(e[0].quad_class, 4);
  EXPECT_EQ(e[0].cameo_root, "19");
  EXPECT_EQ(e[0].pattern_id, "v.attack.1");
}

TEST_F(CoderTest, PassiveParticipleModifier) {
  // "... a pact signed by Russia and North Korea in June 2024": the agent is the source, the
  // modified noun the (object) patient, and the event keeps its own past date. Signing is mutual
  // (CoderOptions::reciprocal): Russia -> North Korea and North Korea -> Russia.
  Document d = Parsed(
      "after/after/ADP/3/case a/a/DET/3/det pact/pact/NOUN/0/root signed/sign/VERB/3/acl "
      "by/by/ADP/6/case Russia/Russia/PROPN/4/obl and/and/CCONJ/9/cc North/North/PROPN/9/compound "
      "Korea/Korea/PROPN/6/conj in/in/ADP/11/case June/June/PROPN/4/obl 2024/2024/NUM/11/nummod");
  d.sentences[0].words[3].xpos = "VBN";
  std::vector<Event> e = coder_->Code(d);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(Codes(e[0].sources) + " " + Codes(e[0].targets), "RUS PRK");
  EXPECT_EQ(Codes(e[1].sources) + " " + Codes(e[1].targets), "PRK RUS");
  for (const Event& x : e) {
    EXPECT_EQ(x.cameo, "057");
    EXPECT_EQ(x.date, "2024-06");
    EXPECT_TRUE(x.historical);
  }
}

// "Secretary-General" is an office (GOV, and after an organisation the organisation), not a
// general: before it was an agent, "General" alone matched MIL, and the title was an actor of its
// own that took part in no event.
TEST_F(CoderTest, ASecretaryGeneralIsNoGeneral) {
  CodingStats stats;
  Document d = Parsed(
      "UN/UN/PROPN/6/compound Secretary/Secretary/PROPN/6/compound -/-/PUNCT/4/punct "
      "General/General/PROPN/6/compound Antonio/Antonio/PROPN/6/compound "
      "Guterres/Guterres/PROPN/7/nsubj urged/urge/VERB/0/root Israel/Israel/PROPN/7/obj");
  std::vector<Event> e = coder_->Code(d, &stats);
  ASSERT_EQ(e.size(), 1u);
  ASSERT_EQ(e[0].sources.size(), 1u);
  EXPECT_EQ(e[0].sources[0].code, "IGOUNO");
  EXPECT_EQ(e[0].sources[0].text, "UN Secretary - General Antonio Guterres");
  EXPECT_EQ(stats.unmatched_actors, 0);
  // Alone, the office is a government official, not the military.
  EXPECT_THAT(Code(Parsed("the/the/DET/4/det secretary/secretary/NOUN/4/compound -/-/PUNCT/4/punct "
                          "general/general/NOUN/5/nsubj urged/urge/VERB/0/root "
                          "Israel/Israel/PROPN/5/obj")),
              ElementsAre("GOV ISR 020"));
}

TEST_F(CoderTest, NoEventWithoutAPredicate) {
  CodingStats stats;
  EXPECT_THAT(Code(Parsed("Peru/Peru/PROPN/2/nsubj danced/dance/VERB/0/root "
                          "with/with/ADP/4/case Chile/Chile/PROPN/2/obl"),
                   &stats),
              ElementsAre());
  EXPECT_EQ(stats.unmatched_actors, 2);
  ASSERT_EQ(stats.unmatched.size(), 2u);
  EXPECT_THAT(stats.unmatched[0].reason, HasSubstr("dance"));
  // A predicate with no actors at all.
  EXPECT_THAT(Code(Parsed("Someone/someone/PRON/2/nsubj attacked/attack/VERB/0/root "
                          "something/something/PRON/2/obj")),
              ElementsAre());
  // Unparsed sentences are skipped, not guessed.
  Document d = Parsed(
      "Russia/Russia/PROPN/2/nsubj attacked/attack/VERB/0/root "
      "Ukraine/Ukraine/PROPN/2/obj");
  for (Word& w : d.sentences[0].words) w.head = -1;
  EXPECT_THAT(Code(d), ElementsAre());
}

TEST_F(CoderTest, BrokenTreesDoNotCrash) {
  // A cycle and out-of-range heads.
  Document d = Parsed(
      "Russia/Russia/PROPN/2/nsubj attacked/attack/VERB/1/root "
      "Ukraine/Ukraine/PROPN/99/obj x/x/X/-5/dep");
  (void)coder_->Code(d);
  CodingTrace trace;
  (void)coder_->CodeSentence(d, 0, nullptr, &trace);
  (void)coder_->CodeSentence(d, 7, nullptr, &trace);
  SUCCEED();
}

TEST_F(CoderTest, TraceExplains) {
  CodingTrace trace;
  Document d = Parsed("Chile/Chile/PROPN/2/nsubj called/call/VERB/0/root Peru/Peru/PROPN/2/obj");
  (void)coder_->CodeSentence(d, 0, nullptr, &trace);
  std::string all;
  for (const std::string& l : trace.lines) all += l + "\n";
  EXPECT_THAT(all, HasSubstr("row v.call.off [036]: no, particle 'off' absent"));
  EXPECT_THAT(all, HasSubstr("EVENT CHL PER 041 via v.call.1"));
  CodingTrace naming;
  (void)coder_->CodeSentence(
      Parsed("Chile/Chile/PROPN/2/nsubj called/call/VERB/0/root Peru/Peru/PROPN/2/obj "
             "a/a/DET/5/det friend/friend/NOUN/2/xcomp"),
      0, nullptr, &naming);
  all.clear();
  for (const std::string& l : naming.lines) all += l + "\n";
  EXPECT_THAT(all, HasSubstr("predicate 'called' names, no event"));
  EXPECT_THAT(all, HasSubstr("actor 'Peru' is in no event"));
}

// The shipped word_classes.tsv uses only classes the coder knows: every row is read.
TEST(CoderDefaultsTest, TheShippedWordClassesHaveNoProblems) {
  Result<EventCoder> c = TestCoder({});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_THAT(c->problems(), ::testing::Not(::testing::Contains(HasSubstr("word_classes"))));
}

TEST(CoderDefaultsTest, RequiresASource) {
  Result<EventCoder> c = TestCoder({});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  // No source actor ("sanctions on Iran seem almost inevitable"): no event by default.
  Document nosrc = Parsed(
      "Sanctions/sanction/NOUN/6/nsubj on/on/ADP/3/case Iran/Iran/PROPN/1/nmod by/by/ADP/5/case "
      "Canada/Canada/PROPN/1/nmod seem/seem/VERB/0/root almost/almost/ADV/8/advmod "
      "inevitable/inevitable/ADJ/6/xcomp");
  CodingStats stats;
  EXPECT_TRUE(c->Code(nosrc, &stats).empty());
  // With a source the same coder codes the event.
  Document src =
      Parsed("Peru/Peru/PROPN/2/nsubj attacked/attack/VERB/0/root Chile/Chile/PROPN/2/obj");
  std::vector<Event> events = c->Code(src);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].cameo, "190");
}

// The coder over the default dictionary and verbs, default options (run from the source root).
Result<EventCoder> DefaultCoder() {
  DictionaryOptions o;
  o.dirs = {"data/dict"};
  Result<Dictionary> d = Dictionary::Load(o);
  if (!d.ok()) return d.status();
  return EventCoder::FromDictionary(*d, ReadAll("data/dict/verbs.tsv"), {});
}

// "SRC TGT CAMEO ROW" of each event of `spec` coded with the default dictionary and verbs.
std::vector<std::string> DefaultCodes(const std::string& spec) {
  Result<EventCoder> c = DefaultCoder();
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  if (!c.ok()) return {};
  std::vector<std::string> got;
  for (const Event& e : c->Code(Parsed(spec))) {
    got.push_back(e.sources.at(0).code + " " + (e.targets.empty() ? "---" : e.targets[0].code) +
                  " " + e.cameo + " " + e.pattern_id);
  }
  return got;
}

// With the default predicate dictionary (and default options: countries named stand for their
// governments): signing a joint statement or communique is a signed
// agreement (057, v.sign.5), not a statement (010); coordinated signers of two countries sign
// with each other.
TEST(CoderDefaultsTest, SignedJointStatementIsAnAgreement) {
  EXPECT_THAT(DefaultCodes("China/China/PROPN/4/nsubj and/and/CCONJ/3/cc "
                           "Russia/Russia/PROPN/1/conj signed/sign/VERB/0/root a/a/DET/7/det "
                           "joint/joint/ADJ/7/amod statement/statement/NOUN/4/obj"),
              ElementsAre("CHNGOV RUSGOV 057 v.sign.5", "RUSGOV CHNGOV 057 v.sign.5"));
}

// Valuing or appreciating someone's position or support is praise (051), its target the
// object's possessor or of-nmod.
TEST(CoderDefaultsTest, ValuingAndAppreciatingArePraise) {
  EXPECT_THAT(DefaultCodes("Russia/Russia/PROPN/2/nsubj valued/value/VERB/0/root "
                           "China/China/PROPN/5/nmod:poss 's/'s/PART/3/case "
                           "position/position/NOUN/2/obj"),
              ElementsAre("RUSGOV CHNGOV 051 v.value.1"));
  EXPECT_THAT(DefaultCodes("Peru/Peru/PROPN/2/nsubj appreciated/appreciate/VERB/0/root "
                           "the/the/DET/4/det support/support/NOUN/2/obj of/of/ADP/6/case "
                           "Bolivia/Bolivia/PROPN/4/nmod"),
              ElementsAre("PERGOV BOLGOV 051 v.appreciate.1"));
}

// An act its own side says it will or would do is announced intent (03) or a threat (13),
// stated now; the report's own 010 is folded into it. Another side's act stays hypothetical.
TEST(CoderDefaultsTest, AnnouncedIntentionsAreIntentsOrThreats) {
  EXPECT_THAT(DefaultCodes("The/the/DET/2/det army/army/NOUN/3/nsubj said/say/VERB/0/root "
                           "it/it/PRON/6/nsubj would/would/AUX/6/aux support/support/VERB/3/ccomp "
                           "the/the/DET/8/det government/government/NOUN/6/obj"),
              ElementsAre("MIL GOV 032 v.support.1"));
  EXPECT_THAT(
      DefaultCodes("Russia/Russia/PROPN/2/nsubj said/say/VERB/0/root it/it/PRON/5/nsubj "
                   "will/will/AUX/5/aux attack/attack/VERB/2/ccomp Ukraine/Ukraine/PROPN/5/obj"),
      ::testing::Contains(HasSubstr("RUSGOV UKRGOV 1383")));
  EXPECT_THAT(DefaultCodes("Chile/Chile/PROPN/2/nsubj said/say/VERB/0/root Peru/Peru/PROPN/5/nsubj "
                           "would/would/AUX/5/aux attack/attack/VERB/2/ccomp "
                           "Bolivia/Bolivia/PROPN/5/obj"),
              ::testing::Not(::testing::Contains(HasSubstr(" 13"))));
  // A coalition the speaker's side is part of: "Russia said Russia and Peru would attack ...".
  EXPECT_THAT(DefaultCodes("Russia/Russia/PROPN/2/nsubj said/say/VERB/0/root "
                           "Russia/Russia/PROPN/7/nsubj and/and/CCONJ/5/cc Peru/Peru/PROPN/3/conj "
                           "would/would/AUX/7/aux attack/attack/VERB/2/ccomp "
                           "Ukraine/Ukraine/PROPN/7/obj"),
              ::testing::Contains(HasSubstr("RUSGOV UKRGOV 13")));
}

// Pausing tariffs or sanctions eases them (085), as suspending and lifting do.
TEST(CoderDefaultsTest, PausingTariffsEasesThem) {
  EXPECT_THAT(
      DefaultCodes("The/the/DET/3/det United/United/PROPN/3/compound States/States/PROPN/4/nsubj "
                   "paused/pause/VERB/0/root tariffs/tariff/NOUN/4/obj on/on/ADP/7/case "
                   "Canada/Canada/PROPN/5/nmod"),
      ElementsAre("USAGOV CANGOV 085 v.pause.1"));
}

// Speaking or talking to or with someone is a consultation (040, rows flagged `addressed`: they
// fire only with their addressee); speaking to no one named is a statement (010).
TEST(CoderDefaultsTest, SpeakingToSomeoneIsAConsultation) {
  EXPECT_THAT(DefaultCodes("Putin/Putin/PROPN/2/nsubj spoke/speak/VERB/0/root to/to/ADP/5/case "
                           "Xi/Xi/PROPN/5/compound Jinping/Jinping/PROPN/2/obl"),
              ElementsAre("RUSGOV CHNGOV 040 v.speak.1"));
  EXPECT_THAT(DefaultCodes("Putin/Putin/PROPN/2/nsubj spoke/speak/VERB/0/root on/on/ADP/4/case "
                           "Monday/Monday/PROPN/2/obl"),
              ElementsAre("RUSGOV --- 010 v.speak.3"));
}

// Boarding a vessel is a seizure of property (171); boarding a plane is no event.
TEST(CoderDefaultsTest, BoardingAVesselIsASeizure) {
  EXPECT_THAT(DefaultCodes("Finnish/Finnish/ADJ/3/amod border/border/NOUN/3/compound "
                           "guards/guard/NOUN/4/nsubj boarded/board/VERB/0/root the/the/DET/6/det "
                           "tanker/tanker/NOUN/4/obj"),
              ElementsAre("FINCOP --- 171 v.board.1"));
  EXPECT_THAT(DefaultCodes("Police/police/NOUN/2/nsubj boarded/board/VERB/0/root the/the/DET/4/det "
                           "plane/plane/NOUN/2/obj"),
              ElementsAre());
}

// Expelling a diplomat expels an individual (174, as in the Phoenix verb dictionary); 166 is for
// missions, peacekeepers, inspectors and aid groups.
TEST(CoderDefaultsTest, ExpellingADiplomatExpelsAnIndividual) {
  EXPECT_THAT(DefaultCodes("Britain/Britain/PROPN/2/nsubj expelled/expel/VERB/0/root "
                           "a/a/DET/5/det Russian/Russian/ADJ/5/amod diplomat/diplomat/NOUN/2/obj"),
              ElementsAre("GBRGOV RUSGOV 174 v.expel.5"));
  EXPECT_THAT(DefaultCodes("Iran/Iran/PROPN/2/nsubj expelled/expel/VERB/0/root "
                           "inspectors/inspector/NOUN/2/obj from/from/ADP/5/case "
                           "Iraq/Iraq/PROPN/2/obl"),
              ElementsAre("IRNGOV IRQGOV 1662 v.expel.3"));
}

// A protest held in a place of the protesters' own country is aimed at its government; held
// abroad, the place is only where it happened.
TEST(CoderDefaultsTest, AProtestAbroadHasNoTargetByItsPlace) {
  EXPECT_THAT(
      DefaultCodes("Georgian/Georgian/ADJ/2/amod protesters/protester/NOUN/3/nsubj "
                   "rallied/rally/VERB/0/root in/in/ADP/5/case Tbilisi/Tbilisi/PROPN/3/obl"),
      ElementsAre("GEOOPP GEOGOV 141 v.rally.4"));
  EXPECT_THAT(DefaultCodes("Georgian/Georgian/ADJ/2/amod protesters/protester/NOUN/3/nsubj "
                           "rallied/rally/VERB/0/root in/in/ADP/5/case Paris/Paris/PROPN/3/obl"),
              ElementsAre("GEOOPP --- 141 v.rally.4"));
  EXPECT_THAT(DefaultCodes("Georgian/Georgian/ADJ/2/amod protesters/protester/NOUN/3/nsubj "
                           "rallied/rally/VERB/0/root against/against/ADP/5/case "
                           "France/France/PROPN/3/obl"),
              ElementsAre("GEOOPP FRAGOV 141 v.rally.4"));
}

// "SRC TGT+TGT CAMEO" of each event of a document of parsed sentences (specs as for Parsed), coded
// with the default dictionary and verbs.
std::vector<std::string> DocumentCodes(const std::vector<std::string>& specs) {
  Result<EventCoder> c = DefaultCoder();
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  if (!c.ok()) return {};
  std::vector<std::string> got;
  for (const Event& e : c->Code(ParsedDocument(specs))) {
    std::string tgt;
    for (const ActorRef& a : e.targets) tgt += (tgt.empty() ? "" : "+") + a.code;
    got.push_back(e.sources.at(0).code + " " + (tgt.empty() ? "---" : tgt) + " " + e.cameo);
  }
  return got;
}

// A possessive pronoun stands for the person or the country it refers to: "his" the person last
// named, "its" the nearest subject or object before it in its sentence (not one in a
// prepositional phrase). A person or a government composed with an agent gives its country
// ("the government said its troops": PERMIL).
TEST(CoderDefaultsTest, PossessivePronounsStandForTheirAntecedent) {
  EXPECT_THAT(
      DocumentCodes({"Lula/Lula/PROPN/2/nsubj visited/visit/VERB/0/root Chile/Chile/PROPN/2/obj",
                     "Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                     "his/his/PRON/4/nmod:poss decision/decision/NOUN/2/obj"}),
      ::testing::Contains("PERGOV BRAGOV 111"));
  EXPECT_THAT(
      DocumentCodes({"Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                     "Chile/Chile/PROPN/2/obj for/for/ADP/6/case its/its/PRON/6/nmod:poss "
                     "attack/attack/NOUN/2/obl on/on/ADP/8/case Bolivia/Bolivia/PROPN/6/nmod"}),
      ::testing::Contains("CHLGOV BOL 190"));
  EXPECT_THAT(DocumentCodes({"The/the/DET/3/det Peruvian/Peruvian/ADJ/3/amod "
                             "government/government/NOUN/4/nsubj said/say/VERB/0/root "
                             "its/its/PRON/6/nmod:poss troops/troop/NOUN/7/nsubj "
                             "attacked/attack/VERB/4/ccomp Chile/Chile/PROPN/7/obj"}),
              ::testing::Contains("PERMIL CHL 182"));
}

// The possessor of an arrest, a release, a killing, ... undergoes it (word class `patient`):
// "Duterte's arrest" is no arrest by Duterte; "the rebels' capture of the soldiers" is theirs.
TEST(CoderDefaultsTest, APatientNounsPossessorUndergoesIt) {
  EXPECT_THAT(DefaultCodes("a/a/DET/2/det court/court/NOUN/3/nsubj issued/issue/VERB/0/root "
                           "a/a/DET/5/det warrant/warrant/NOUN/3/obj for/for/ADP/10/case "
                           "Rodrigo/Rodrigo/PROPN/8/compound Duterte/Duterte/PROPN/10/nmod:poss "
                           "'s/'s/PART/8/case arrest/arrest/NOUN/5/nmod"),
              ::testing::Not(::testing::Contains(HasSubstr("n.arrest"))));
  EXPECT_THAT(
      DefaultCodes("rebels/rebel/NOUN/3/nmod:poss '/'/PART/1/case arrest/arrest/NOUN/0/root "
                   "of/of/ADP/6/case Russian/Russian/ADJ/6/amod "
                   "soldiers/soldier/NOUN/3/nmod"),
      ElementsAre("REB RUSMIL 173 n.arrest.1"));
}

// What a mediator brokers stands for the sides between whom it was reached: the latest
// coordination after "between" ("a ceasefire between Peru and Chile ... Brazil brokered the
// agreement": PERGOV, CHLGOV); with no such coordination, no target.
TEST(CoderDefaultsTest, ABrokeredAgreementIsBetweenItsSides) {
  const std::string brokered =
      "Brazil/Brazil/PROPN/2/nsubj brokered/broker/VERB/0/root the/the/DET/4/det "
      "agreement/agreement/NOUN/2/obj";
  EXPECT_THAT(
      DocumentCodes({"A/a/DET/2/det ceasefire/ceasefire/NOUN/7/nsubj between/between/ADP/4/case "
                     "Peru/Peru/PROPN/2/nmod and/and/CCONJ/6/cc Chile/Chile/PROPN/4/conj "
                     "held/hold/VERB/0/root",
                     brokered}),
      ::testing::Contains("BRAGOV PERGOV+CHLGOV 045"));
  EXPECT_THAT(DocumentCodes({brokered}), ElementsAre("BRAGOV --- 045"));
}

// "The drills" and "the exercises" name a show of force (CAMEO 15) whatever verb coded it.
TEST(CoderDefaultsTest, TheDrillsNameAShowOfForce) {
  EXPECT_THAT(
      DocumentCodes({"China/China/PROPN/2/nsubj sent/send/VERB/0/root warships/warship/NOUN/2/obj "
                     "near/near/ADP/5/case Taiwan/Taiwan/PROPN/2/obl",
                     "Taiwan/Taiwan/PROPN/2/nsubj condemned/condemn/VERB/0/root the/the/DET/4/det "
                     "drills/drill/NOUN/2/obj"}),
      ::testing::Contains("TWNGOV CHNGOV 111"));
}

// A retaliation with no target answers the side it acted on earlier in its sentence, else the side
// that last acted on it ("Britain expelled a Russian diplomat. Moscow would respond.": Britain).
TEST(CoderDefaultsTest, ARetaliationAnswersTheSideThatActed) {
  const std::string respond =
      "Moscow/Moscow/PROPN/3/nsubj would/would/AUX/3/aux respond/respond/VERB/0/root";
  EXPECT_THAT(
      DocumentCodes({"Britain/Britain/PROPN/2/nsubj expelled/expel/VERB/0/root a/a/DET/5/det "
                     "Russian/Russian/ADJ/5/amod diplomat/diplomat/NOUN/2/obj",
                     respond}),
      ElementsAre("GBRGOV RUSGOV 174", "RUSGOV GBRGOV 130"));
  // Nobody acted on Russia: no target.
  EXPECT_THAT(DocumentCodes({"Britain/Britain/PROPN/2/nsubj praised/praise/VERB/0/root "
                             "Peru/Peru/PROPN/2/obj",
                             respond}),
              ElementsAre("GBRGOV PERGOV 051", "RUSGOV --- 130"));
  // In its own sentence, the side it acted on comes first.
  EXPECT_THAT(
      DocumentCodes({"Britain/Britain/PROPN/2/nsubj expelled/expel/VERB/0/root a/a/DET/5/det "
                     "Russian/Russian/ADJ/5/amod diplomat/diplomat/NOUN/2/obj",
                     "Russia/Russia/PROPN/2/nsubj accused/accuse/VERB/0/root Peru/Peru/PROPN/2/obj "
                     "and/and/CCONJ/5/cc said/say/VERB/2/conj Moscow/Moscow/PROPN/8/nsubj "
                     "would/would/AUX/8/aux retaliate/retaliate/VERB/5/ccomp"}),
      ::testing::Contains("RUSGOV PERGOV 130"));
}

TEST(CountryAsGovernmentTest, TravelIsToThePlace) {
  EXPECT_THAT(DefaultCodes("Japan/Japan/PROPN/2/nsubj flew/fly/VERB/0/root to/to/ADP/4/case "
                           "India/India/PROPN/2/obl"),
              ElementsAre("JPNGOV IND 042 v.fly.1"));
  EXPECT_THAT(DefaultCodes("Putin/Putin/PROPN/2/nsubj arrived/arrive/VERB/0/root in/in/ADP/4/case "
                           "Beijing/Beijing/PROPN/2/obl for/for/ADP/8/case a/a/DET/8/det "
                           "state/state/NOUN/8/compound visit/visit/NOUN/2/obl"),
              ::testing::Contains("RUSGOV CHNGOV 042 v.arrive.1"));
}

// DocumentCodes of a story filed from `place` (a dateline sentence of that one word first).
std::vector<std::string> DatelinedCodes(const std::string& place,
                                        const std::vector<std::string>& specs) {
  std::vector<std::string> all = {place + "/" + place + "/PROPN/0/root"};
  all.insert(all.end(), specs.begin(), specs.end());
  Document d = ParsedDocument(all);
  d.dateline = Dateline{place, "", "", d.sentences[0].span};
  Result<EventCoder> c = DefaultCoder();
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  if (!c.ok()) return {};
  std::vector<std::string> got;
  for (const Event& e : c->Code(d)) {
    std::string src, tgt;
    for (const ActorRef& a : e.sources) src += (src.empty() ? "" : "+") + a.code;
    for (const ActorRef& a : e.targets) tgt += (tgt.empty() ? "" : "+") + a.code;
    got.push_back(src + " " + (tgt.empty() ? "---" : tgt) + " " + e.cameo);
  }
  return got;
}

// A role named with no country ("police", "the government") is that role of the story's country:
// of a phrase it is a conjunct of, else of the latest mention of the role with a country in its
// sentence or the two before, else of the dateline. Plural leaders, owned roles and stories
// with neither stay bare.
TEST(CoderDefaultsTest, ARoleWithNoCountryIsTheStorys) {
  const std::string arrest =
      "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root protesters/protester/NOUN/2/obj";
  EXPECT_THAT(DatelinedCodes("LIMA", {arrest}), ElementsAre("PERCOP PEROPP 173"));
  EXPECT_THAT(DocumentCodes({arrest}), ElementsAre("COP OPP 173"));
  // The latest government named, not a country named as its government ("criticized Peru").
  EXPECT_THAT(DatelinedCodes("LIMA", {"The/the/DET/3/det Chilean/Chilean/ADJ/3/amod "
                                      "government/government/NOUN/4/nsubj "
                                      "criticized/criticize/VERB/0/root Peru/Peru/PROPN/4/obj",
                                      "The/the/DET/2/det government/government/NOUN/3/nsubj "
                                      "criticized/criticize/VERB/0/root "
                                      "Bolivia/Bolivia/PROPN/3/obj"}),
              ElementsAre("CHLGOV PERGOV 111", "CHLGOV BOLGOV 111"));
  EXPECT_THAT(DatelinedCodes("LIMA", {"Peru/Peru/PROPN/2/nsubj attacked/attack/VERB/0/root "
                                      "Chilean/Chilean/ADJ/4/amod bases/base/NOUN/2/obj "
                                      "and/and/CCONJ/6/cc soldiers/soldier/NOUN/4/conj"}),
              ::testing::Contains(::testing::HasSubstr("CHLMIL")));
  EXPECT_THAT(DatelinedCodes("LIMA", {"Leaders/leader/NOUN/2/nsubj "
                                      "criticized/criticize/VERB/0/root Chile/Chile/PROPN/2/obj"}),
              ElementsAre("GOV CHLGOV 111"));
  EXPECT_THAT(DatelinedCodes("LIMA", {"Heads/head/NOUN/4/nsubj of/of/ADP/3/case "
                                      "state/state/NOUN/1/nmod criticized/criticize/VERB/0/root "
                                      "Chile/Chile/PROPN/4/obj"}),
              ElementsAre("GOV CHLGOV 111"));
  // No actor acts on itself: the government criticizing Peru in a Lima story is not Peru's.
  EXPECT_THAT(DatelinedCodes("LIMA", {"The/the/DET/2/det government/government/NOUN/3/nsubj "
                                      "criticized/criticize/VERB/0/root Peru/Peru/PROPN/3/obj"}),
              ElementsAre("GOV PERGOV 111"));
  EXPECT_THAT(DatelinedCodes("LIMA", {"Its/its/PRON/2/nmod:poss judges/judge/NOUN/3/nsubj "
                                      "criticized/criticize/VERB/0/root Chile/Chile/PROPN/3/obj"}),
              ElementsAre("JUD CHLGOV 111"));
}

// A sum of money pledged is aid pledged (0331) by its amount word ("$1 billion": billion), and
// holds no target of its own ("pledged €5 million, and Chile €2 million" is no pledge to Chile).
TEST(CoderDefaultsTest, APledgedSumOfMoneyIsEconomicAid) {
  EXPECT_THAT(DefaultCodes("Peru/Peru/PROPN/2/nsubj pledged/pledge/VERB/0/root $/$/SYM/2/obj "
                           "1/1/NUM/5/compound billion/billion/NUM/3/nummod for/for/ADP/7/case "
                           "Chile/Chile/PROPN/3/nmod"),
              ElementsAre("PERGOV CHLGOV 0331 v.pledge.9"));
  EXPECT_THAT(DefaultCodes("Peru/Peru/PROPN/2/nsubj pledged/pledge/VERB/0/root €/€/SYM/2/obj "
                           "5/5/NUM/5/compound million/million/NUM/3/nummod ,/,/PUNCT/3/punct "
                           "and/and/CCONJ/3/cc Chile/Chile/PROPN/9/compound €/€/PROPN/3/conj "
                           "2/2/NUM/11/compound million/million/NUM/9/nmod:unmarked"),
              ElementsAre("PERGOV --- 0331 v.pledge.9"));
  // The recipient one phrase down, through what the sum is given as ("in aid to Chile").
  EXPECT_THAT(DefaultCodes("Peru/Peru/PROPN/2/nsubj pledged/pledge/VERB/0/root "
                           "5/5/NUM/4/compound million/million/NUM/5/nummod "
                           "euros/euro/NOUN/2/obj in/in/ADP/7/case aid/aid/NOUN/5/nmod "
                           "to/to/ADP/9/case Chile/Chile/PROPN/7/nmod"),
              ElementsAre("PERGOV CHLGOV 0331 v.pledge.9"));
}

// "The allies" (definite, nobody's) are whichever came last: a coordination of two or three
// countries in its sentence or the two before, or an international organisation.
TEST(CoderDefaultsTest, TheAlliesAreTheLatestPairOrAlliance) {
  const std::string allies =
      "Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root the/the/DET/4/det "
      "allies/ally/NOUN/2/obj";
  EXPECT_THAT(DocumentCodes({"Peru/Peru/PROPN/2/nsubj met/meet/VERB/0/root "
                             "Chile/Chile/PROPN/2/obj and/and/CCONJ/5/cc "
                             "Bolivia/Bolivia/PROPN/3/conj",
                             allies}),
              ::testing::Contains("PERGOV CHLGOV+BOLGOV 111"));
  EXPECT_THAT(DocumentCodes({"NATO/NATO/PROPN/2/nsubj met/meet/VERB/0/root", allies}),
              ::testing::Contains("PERGOV IGOWSTNAT 111"));
  // Somebody's allies are not a group named before.
  EXPECT_THAT(DocumentCodes({"NATO/NATO/PROPN/2/nsubj met/meet/VERB/0/root",
                             "Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                             "Chile/Chile/PROPN/4/nmod:poss 's/'s/PART/3/case "
                             "allies/ally/NOUN/2/obj"}),
              ::testing::Not(::testing::Contains(::testing::HasSubstr("IGOWSTNAT 111"))));
}

// An event the story does not date, told as the next step of a narrative ("then", "later",
// "in the evening"), happened on the day of the step before it that has a date of its own.
TEST(CoderDefaultsTest, ANarrativeGoesOnOnTheDayItWasOn) {
  Result<EventCoder> c = DefaultCoder();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  // 2025-09-02 is a Tuesday: "on Sunday" is 2025-08-31.
  std::vector<std::string> got;
  for (const Event& e :
       c->Code(ParsedDocument({"Peru/Peru/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                               "Chile/Chile/PROPN/2/obj on/on/ADP/5/case Sunday/Sunday/PROPN/2/obl",
                               "Chile/Chile/PROPN/3/nsubj then/then/ADV/3/advmod "
                               "criticized/criticize/VERB/0/root Peru/Peru/PROPN/3/obj",
                               "Bolivia/Bolivia/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                               "Peru/Peru/PROPN/2/obj"}))) {
    got.push_back(e.sources.at(0).code + " " + e.date);
  }
  EXPECT_THAT(got, ElementsAre("PERGOV 2025-08-31", "CHLGOV 2025-08-31", "BOLGOV 2025-09-02"));
}
}  // namespace
}  // namespace annals
