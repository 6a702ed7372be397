// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "nlp/tokenize/segment.h"
#include "nlp/tokenize/sentsplit_train.h"
#include "nlp/tokenize/ud_eval.h"

namespace annals::nlp::tokenize {
namespace {

namespace fs = std::filesystem;

Sentence MakeSentence(std::vector<std::pair<Span, std::vector<std::string>>> tokens) {
  Sentence s;
  for (auto& [span, words] : tokens) {
    Token t;
    t.span = span;
    t.first_word = static_cast<int>(s.words.size());
    t.word_count = static_cast<int>(words.size());
    for (const std::string& f : words) {
      Word w;
      w.id = static_cast<int>(s.words.size()) + 1;
      w.form = f;
      w.span = span;
      s.words.push_back(w);
    }
    s.tokens.push_back(t);
  }
  s.span = {s.tokens.front().span.begin, s.tokens.back().span.end};
  return s;
}

// "I don't. Go" : gold = [I][don't=do+n't][.] | [Go]
TEST(SegmentationEvalTest, CountsTokensWordsAndSentences) {
  std::vector<Sentence> gold = {
      MakeSentence({{{0, 1}, {"I"}}, {{2, 7}, {"do", "n't"}}, {{7, 8}, {"."}}}),
      MakeSentence({{{9, 11}, {"Go"}}})};
  // System: "don't" unsplit, one sentence for all.
  std::vector<Sentence> sys = {
      MakeSentence({{{0, 1}, {"I"}}, {{2, 7}, {"don't"}}, {{7, 8}, {"."}}, {{9, 11}, {"Go"}}})};
  SegmentationScores sc = ScoreSegmentation("I don't. Go", gold, sys);
  EXPECT_EQ(sc.tokens.gold, 4);
  EXPECT_EQ(sc.tokens.system, 4);
  EXPECT_EQ(sc.tokens.correct, 4);
  EXPECT_EQ(sc.words.gold, 5);
  EXPECT_EQ(sc.words.system, 4);
  EXPECT_EQ(sc.words.correct, 3);  // I . Go; "don't" matches neither "do" nor "n't".
  EXPECT_EQ(sc.sentences.gold, 2);
  EXPECT_EQ(sc.sentences.system, 1);
  EXPECT_EQ(sc.sentences.correct, 0);
  EXPECT_DOUBLE_EQ(sc.tokens.F1(), 100.0);
  EXPECT_NEAR(sc.words.F1(), 200.0 * 3 / 9, 1e-9);

  // A system that splits "don't" at the wrong place loses the token and its words.
  std::vector<Sentence> sys2 = {
      MakeSentence({{{0, 1}, {"I"}}, {{2, 5}, {"don"}}, {{5, 7}, {"'t"}}, {{7, 8}, {"."}}}),
      MakeSentence({{{9, 11}, {"Go"}}})};
  SegmentationScores sc2 = ScoreSegmentation("I don't. Go", gold, sys2);
  EXPECT_EQ(sc2.tokens.correct, 3);
  EXPECT_EQ(sc2.words.correct, 3);
  EXPECT_EQ(sc2.sentences.correct, 2);
}

TEST(SegmentationEvalTest, RawTextFromConllu) {
  fs::path p = fs::temp_directory_path() / "annals_ud_eval_test.conllu";
  std::ofstream(p) << "# newdoc id = d1\n# text = I can't.\n"
                      "1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"
                      "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                      "2\tca\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                      "4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                      "# text = Go home\n1\tGo\t_\t_\t_\t_\t_\t_\t_\t_\n"
                      "2\thome\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                      "# newpar\n# text = Bye\n1\tBye\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
                      "1\tbroken line\n\n";
  std::vector<std::string> errors;
  Result<UdRawText> raw =
      LoadUdRawText(p.string(), [&](const std::string& m) { errors.push_back(m); });
  fs::remove(p);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(raw->text, "I can't. Go home\n\nBye");
  ASSERT_EQ(raw->gold.size(), 3u);
  EXPECT_EQ(raw->gold[1].span, (Span{9, 16}));
  EXPECT_EQ(raw->gold[2].tokens[0].span, (Span{18, 21}));
  EXPECT_EQ(raw->bad_blocks, 1u);
  ASSERT_EQ(errors.size(), 1u);
  // The real pipeline on this text: perfect tokens and words; the rules split "I can't." off.
  SegmentationScores sc = EvaluateSegmentation(*raw, nullptr);
  EXPECT_EQ(sc.tokens.correct, sc.tokens.gold);
  EXPECT_EQ(sc.words.correct, sc.words.gold);
  EXPECT_EQ(sc.sentences.correct, 3);
}

// A tiny training run: deterministic, and it learns its own data.
TEST(SegmentationEvalTest, TrainingSmokeIsDeterministic) {
  UdRawText raw;
  raw.text = "we met him. he left soon. they stayed there. we met her. she left too";
  // Gold sentences from the scanner's tokens.
  std::vector<Sentence> all = Segment(raw.text, nullptr);
  ASSERT_EQ(all.size(), 1u);  // The rules keep it one sentence: every sentence opens lower-case.
  Sentence cur;
  for (const Token& t : all[0].tokens) {
    Token c = t;
    c.first_word = static_cast<int>(cur.words.size());
    for (int k = 0; k < t.word_count; ++k) cur.words.push_back(all[0].words[t.first_word + k]);
    cur.tokens.push_back(c);
    if (t.form == ".") {
      cur.span = {cur.tokens.front().span.begin, cur.tokens.back().span.end};
      raw.gold.push_back(std::move(cur));
      cur = Sentence();
    }
  }
  cur.span = {cur.tokens.front().span.begin, cur.tokens.back().span.end};
  raw.gold.push_back(std::move(cur));
  ASSERT_EQ(raw.gold.size(), 5u);
  SentsplitTrainOptions opts;
  opts.epochs = 3;
  auto quiet = [](const std::string&) {};
  Result<SentenceModel> a = TrainSentsplit(raw, &raw, opts, quiet);
  Result<SentenceModel> b = TrainSentsplit(raw, &raw, opts, quiet);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->Serialize("x"), b->Serialize("x"));
  SegmentationScores sc = EvaluateSegmentation(raw, &*a);
  EXPECT_EQ(sc.sentences.correct, 5);
}

// UD English EWT dev, raw-text setting. Floors sit just under what the committed model measured
// (Tokens 99.68, Words 99.36, Sentences 90.35 on 2026-11-29): a drop means a regression.
TEST(SegmentationEvalTest, EwtDev) {
  const char* shared = std::getenv("ANNALS_SHARED");
  fs::path path = fs::path(shared ? shared : "../shared") / "data/ud-english-ewt/dev.conllu";
  if (!fs::exists(path)) GTEST_SKIP() << "../shared absent: " << path;
  const char* src = std::getenv("ANNALS_SOURCE_DIR");
  fs::path model = fs::path(src ? src : ".") / "models/sentsplit.model";
  Result<SentenceModel> m = SentenceModel::Load(model.string());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  Result<UdRawText> raw =
      LoadUdRawText(path.string(), [](const std::string& e) { ADD_FAILURE() << e; });
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  SegmentationScores sc = EvaluateSegmentation(*raw, &*m);
  std::printf("EWT dev: Tokens F1 %.2f Words F1 %.2f Sentences F1 %.2f\n", sc.tokens.F1(),
              sc.words.F1(), sc.sentences.F1());
  EXPECT_GE(sc.tokens.F1(), 99.5);
  EXPECT_GE(sc.words.F1(), 99.0);
  EXPECT_GE(sc.sentences.F1(), 89.5);
  EXPECT_EQ(sc.tokens.gold, 24787);
  EXPECT_EQ(sc.sentences.gold, 2001);
}

}  // namespace
}  // namespace annals::nlp::tokenize
