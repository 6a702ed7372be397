// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The coder in PETRARCH mode (PETRARCH-format verb dictionary, `annals validate petrarch`
// options) on hand-parsed sentences and small dictionaries we wrote (invented names).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "annals/coder.h"
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
)";

constexpr const char* kActors = R"(NUMENOR [NUM]
LINDON [LIN]
RHUN [RHU]
)";

constexpr const char* kAgents = R"(MINISTER [GOV]
SOLDIER [MIL]
)";

std::string Codes(const std::vector<ActorRef>& v) {
  std::string s;
  for (const ActorRef& a : v) s += (s.empty() ? "" : "+") + a.code;
  return s.empty() ? "---" : s;
}

// PETRARCH-mode coder as `annals validate petrarch` sets it up.
std::vector<std::string> Code(const Document& d, CoderOptions o = {}) {
  Dictionary dict = Dictionary::FromMemory({{"Test.verbs.txt", kVerbs},
                                            {"Test.actors.txt", kActors},
                                            {"Test.agents.txt", kAgents}});
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

}  // namespace
}  // namespace annals
