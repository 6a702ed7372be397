// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Expected figures are computed by hand in the comments (CoNLL 2018 definitions).
#include "nlp/eval/ud_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals::nlp::eval {
namespace {

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

UdCorpus Gold(const std::vector<std::string>& blocks) {
  UdCorpus c;
  for (const std::string& b : blocks) {
    Result<ConlluSentence> s = ParseConlluBlock(Lines(b), 1);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    AppendSentence(c, std::move(*s));
  }
  return c;
}

// "Kim didn't go." with "didn't" = "did" + "n't".
const char kKim[] =
    "# text = Kim didn't go.\n"
    "1\tKim\tKim\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n";

// Adds a system token over text[b, e) with one word per form (several forms: a multiword token;
// they share the span).
void AddToken(Sentence& s, uint32_t b, uint32_t e, std::vector<std::string> forms,
              const std::string& upos = "", int head = -1, const std::string& deprel = "") {
  Token t;
  t.span = {b, e};
  t.first_word = static_cast<int>(s.words.size());
  t.word_count = static_cast<int>(forms.size());
  for (const std::string& f : forms) {
    Word w;
    w.id = static_cast<int>(s.words.size()) + 1;
    w.form = f;
    w.upos = upos;
    w.head = head;
    w.deprel = deprel;
    w.span = t.span;
    s.words.push_back(w);
  }
  t.form = forms.size() == 1 ? forms[0] : "";
  s.tokens.push_back(t);
}

TEST(UdEvalTest, IdenticalCorporaScorePerfectly) {
  UdCorpus gold = Gold({kKim});
  UdCorpus sys = gold;
  Result<UdScores> r = EvaluateUd(gold, sys);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const Score* s : {&r->tokens, &r->sentences, &r->words, &r->upos, &r->xpos, &r->ufeats,
                         &r->lemma, &r->uas, &r->las, &r->clas}) {
    EXPECT_DOUBLE_EQ(s->F1(), 1.0);
  }
  EXPECT_TRUE(r->has_heads);
  EXPECT_EQ(r->tokens.gold, 4u);
  EXPECT_EQ(r->words.gold, 5u);
  // CLAS counts content words only: nsubj, advmod, root (aux and punct are function words).
  EXPECT_EQ(r->clas.gold, 3u);
}

TEST(UdEvalTest, SplitMultiwordTokenAlignsWordsByForms) {
  UdCorpus gold = Gold({kKim});
  // System: "Kim" "did" "n't" "go" "." as five plain tokens, "n't" tagged wrong, no heads.
  UdCorpus sys;
  sys.text = gold.text;
  Sentence s;
  AddToken(s, 0, 3, {"Kim"}, "PROPN");
  AddToken(s, 4, 7, {"did"}, "AUX");
  AddToken(s, 7, 10, {"n't"}, "ADV");
  AddToken(s, 11, 13, {"go"}, "VERB");
  AddToken(s, 13, 14, {"."}, "PUNCT");
  s.span = {0, 14};
  sys.sentences.push_back(s);
  Result<UdScores> r = EvaluateUd(gold, sys);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Tokens: gold 4 (Kim, didn't, go, .), system 5, correct 3 -> F1 = 6/9.
  EXPECT_EQ(r->tokens.gold, 4u);
  EXPECT_EQ(r->tokens.system, 5u);
  EXPECT_EQ(r->tokens.correct, 3u);
  EXPECT_NEAR(r->tokens.F1(), 6.0 / 9.0, 1e-12);
  // Words: both have Kim did n't go . and all five align (did/n't by the LCS of forms).
  EXPECT_EQ(r->words.correct, 5u);
  EXPECT_DOUBLE_EQ(r->words.F1(), 1.0);
  // UPOS: 4 of 5 right -> F1 = 2*4/(5+5) = 0.8.
  EXPECT_EQ(r->upos.correct, 4u);
  EXPECT_NEAR(r->upos.F1(), 0.8, 1e-12);
  EXPECT_EQ(r->sentences.correct, 1u);
  EXPECT_FALSE(r->has_heads);
}

TEST(UdEvalTest, WrongTokenBoundariesCountAgainstBothSides) {
  // Gold: "ab cd." = ab, cd, . ; system: ab, "cd." (one token).
  UdCorpus gold =
      Gold({"# text = ab cd.\n"
            "1\tab\tab\tNOUN\tNN\t_\t0\troot\t_\t_\n"
            "2\tcd\tcd\tNOUN\tNN\t_\t1\tcompound\t_\tSpaceAfter=No\n"
            "3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"});
  UdCorpus sys;
  sys.text = gold.text;
  Sentence s;
  AddToken(s, 0, 2, {"ab"}, "NOUN", 0, "root");
  AddToken(s, 3, 6, {"cd."}, "NOUN", 1, "punct");
  s.span = {0, 6};
  sys.sentences.push_back(s);
  Result<UdScores> r = EvaluateUd(gold, sys);
  ASSERT_TRUE(r.ok());
  // Tokens and words: gold 3, system 2, correct 1 -> P 1/2, R 1/3, F1 = 2/5.
  EXPECT_NEAR(r->words.Precision(), 0.5, 1e-12);
  EXPECT_NEAR(r->words.Recall(), 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(r->words.F1(), 0.4, 1e-12);
  EXPECT_NEAR(r->upos.F1(), 0.4, 1e-12);
  // Lemma: gold has lemmas, the system none -> 0 correct.
  EXPECT_EQ(r->lemma.correct, 0u);
  // UAS: "ab" is root in both -> 1 correct of gold 3 / system 2 -> F1 = 2/5; LAS the same.
  EXPECT_EQ(r->uas.correct, 1u);
  EXPECT_EQ(r->las.correct, 1u);
  // CLAS: gold content words: ab (root), cd (compound) = 2; system: ab (root) = 1 ("punct" is a
  // function relation); correct 1 -> F1 = 2*1/(2+1).
  EXPECT_EQ(r->clas.gold, 2u);
  EXPECT_EQ(r->clas.system, 1u);
  EXPECT_NEAR(r->clas.F1(), 2.0 / 3.0, 1e-12);
}

TEST(UdEvalTest, HeadsAndLabelsComparedThroughTheAlignment) {
  UdCorpus gold = Gold({kKim});
  UdCorpus sys = gold;
  Sentence& s = sys.sentences[0];
  s.words[0].head = 2;               // Kim -> did (gold: go): UAS and LAS wrong.
  s.words[2].deprel = "advmod:neg";  // Subtype ignored: still right.
  s.words[4].deprel = "dep";         // "." right head, wrong label.
  Result<UdScores> r = EvaluateUd(gold, sys);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->uas.correct, 4u);
  EXPECT_EQ(r->las.correct, 3u);
  // CLAS: gold content = Kim, n't, go (3); system content = Kim, n't, go, "." (dep) = 4;
  // correct among gold content words: n't, go = 2 -> F1 = 4/7.
  EXPECT_EQ(r->clas.gold, 3u);
  EXPECT_EQ(r->clas.system, 4u);
  EXPECT_EQ(r->clas.correct, 2u);
  EXPECT_NEAR(r->clas.F1(), 4.0 / 7.0, 1e-12);
}

TEST(UdEvalTest, UniversalFeaturesOnlyAndUnderscoreLemmaMatches) {
  UdCorpus gold =
      Gold({"# text = Hi\n"
            "1\tHi\t_\tINTJ\tUH\tStyle=Coll|Number=Sing\t0\troot\t_\t_\n"});
  UdCorpus sys = gold;
  sys.sentences[0].words[0].feats = "Number=Sing";  // Style is not a universal feature.
  sys.sentences[0].words[0].lemma = "hi";           // Gold lemma "_" matches anything.
  Result<UdScores> r = EvaluateUd(gold, sys);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ufeats.correct, 1u);
  EXPECT_EQ(r->lemma.correct, 1u);
}

TEST(UdEvalTest, SentenceBoundariesAndParagraphs) {
  UdCorpus gold =
      Gold({"# newpar\n# text = A.\n1\tA\ta\tX\tFW\t_\t_\t_\t_\tSpaceAfter=No\n"
            "2\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n",
            "# text = B.\n1\tB\tb\tX\tFW\t_\t_\t_\t_\tSpaceAfter=No\n"
            "2\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n"});
  EXPECT_EQ(gold.text, "A. B.");
  // The system finds one sentence over both.
  UdCorpus sys;
  sys.text = gold.text;
  Sentence s;
  AddToken(s, 0, 1, {"A"});
  AddToken(s, 1, 2, {"."});
  AddToken(s, 3, 4, {"B"});
  AddToken(s, 4, 5, {"."});
  sys.sentences.push_back(s);
  Result<UdScores> r = EvaluateUd(gold, sys);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sentences.gold, 2u);
  EXPECT_EQ(r->sentences.system, 1u);
  EXPECT_EQ(r->sentences.correct, 0u);
  EXPECT_DOUBLE_EQ(r->tokens.F1(), 1.0);
}

TEST(UdEvalTest, DifferentTextsAreAnError) {
  UdCorpus gold = Gold({kKim});
  UdCorpus sys = gold;
  sys.text[0] = 'T';
  Result<UdScores> r = EvaluateUd(gold, sys);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace annals::nlp::eval
