// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/parser.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/model_file.h"
#include "nlp/parse/transition.h"

namespace annals {
namespace {

std::vector<Sentence> ReadAll(const std::string& path) {
  std::vector<Sentence> out;
  Status st = nlp::ReadConlluFile(
      path, [&](nlp::ConlluSentence&& s) { out.push_back(std::move(s.sentence)); },
      [&](const std::string& m) { ADD_FAILURE() << m; });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

std::vector<int> Heads(const Sentence& s) {
  std::vector<int> h(s.words.size() + 1, 0);
  for (size_t i = 0; i < s.words.size(); ++i) h[i + 1] = s.words[i].head;
  return h;
}

std::string SharedDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  return env != nullptr ? env : "../shared";
}

// n words of punctuation, "the" and invalid UTF-8, some without tags.
Sentence OddWords(int n) {
  Sentence s;
  for (int i = 0; i < n; ++i) {
    Word w;
    w.id = i + 1;
    w.form = i % 3 == 0 ? "." : (i % 3 == 1 ? "the" : "\xff\xfe");
    w.upos = i % 2 == 0 ? "" : "PUNCT";
    s.words.push_back(w);
  }
  return s;
}

// `gold` with its trees cleared and parsed again by `p`; every tree must be single-rooted.
std::vector<Sentence> Reparsed(const Parser& p, const std::vector<Sentence>& gold) {
  std::vector<Sentence> out = gold;
  for (Sentence& s : out) {
    for (Word& w : s.words) {
      w.head = -1;
      w.deprel.clear();
    }
    EXPECT_TRUE(p.Parse(s).ok());
    EXPECT_TRUE(nlp::parse::IsWellFormedSingleRoot(Heads(s))) << s.id;
  }
  return out;
}

ParserTrainOptions TinyOptions() {
  ParserTrainOptions o;
  o.epochs = 15;
  o.seed = 42;
  o.hash_bits = 12;
  return o;
}

TEST(ParserTest, TinyTrainingIsDeterministicAndFitsItsData) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  ASSERT_EQ(train.size(), 9u);
  ParserTrainReport report;
  Result<Parser> a = Parser::Train(train, train, TinyOptions(), &report);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  Result<Parser> b = Parser::Train(train, train, TinyOptions(), nullptr);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->Serialize(), b->Serialize()) << "same seed and data must give the same weights";
  EXPECT_EQ(report.train_sentences, 9);
  EXPECT_GE(report.lifted_arcs, 1);  // Sentence s9 is non-projective.
  EXPECT_EQ(report.dev_by_epoch.size(), 15u);

  DependencyScores d = ScoreDependencies(train, Reparsed(*a, train));
  EXPECT_EQ(d.words, 70);
  // A perceptron memorises nine short sentences.
  EXPECT_GE(d.las, 95.0);
  EXPECT_DOUBLE_EQ(d.las, report.best_dev.las);
}

TEST(ParserTest, TagNoiseTrainingIsDeterministic) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  ParserTrainOptions o = TinyOptions();
  o.tag_noise = 0.3;
  Result<Parser> a = Parser::Train(train, {}, o, nullptr);
  Result<Parser> b = Parser::Train(train, {}, o, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Serialize(), b->Serialize());
  Result<Parser> clean = Parser::Train(train, {}, TinyOptions(), nullptr);
  ASSERT_TRUE(clean.ok());
  EXPECT_NE(a->Serialize(), clean->Serialize()) << "tag noise had no effect";
  o.tag_noise = 1.5;
  EXPECT_FALSE(Parser::Train(train, {}, o, nullptr).ok());
}

TEST(ParserTest, SerializeRoundTripsAndCorruptionIsAnError) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  Result<Parser> p = Parser::Train(train, {}, TinyOptions(), nullptr);
  ASSERT_TRUE(p.ok());
  std::string bytes = p->Serialize();
  Result<Parser> q = Parser::FromBytes(bytes);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->Serialize(), bytes);
  EXPECT_EQ(q->labels(), p->labels());
  Sentence s1 = train[1], s2 = train[1];
  ASSERT_TRUE(p->Parse(s1).ok());
  ASSERT_TRUE(q->Parse(s2).ok());
  for (size_t i = 0; i < s1.words.size(); ++i) {
    EXPECT_EQ(s1.words[i].head, s2.words[i].head);
    EXPECT_EQ(s1.words[i].deprel, s2.words[i].deprel);
  }
  // Every truncation is rejected (the container's CRCs and the section checks), never a crash.
  for (size_t cut = 0; cut < bytes.size(); cut += 1 + cut / 4) {
    EXPECT_FALSE(Parser::FromBytes(bytes.substr(0, cut)).ok()) << "cut at " << cut;
  }
  EXPECT_FALSE(Parser::Load("/nonexistent/parser.model").ok());
}

TEST(ParserTest, PruningDropsSmallWeightsOnly) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  Result<Parser> p = Parser::Train(train, {}, TinyOptions(), nullptr);
  ASSERT_TRUE(p.ok());
  std::string bytes = p->Serialize();
  EXPECT_EQ(p->Pruned(1).Serialize(), bytes);  // Every stored weight is non-zero.
  std::string half = p->Pruned(16384).Serialize();
  std::string none = p->Pruned(32767 + 1).Serialize();
  EXPECT_LT(half.size(), bytes.size());
  EXPECT_LT(none.size(), half.size());
  // A pruned model round-trips and still gives trees, even with no weights left.
  for (const std::string& b : {half, none}) {
    Result<Parser> q = Parser::FromBytes(b);
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    Sentence s = train[0];
    ASSERT_TRUE(q->Parse(s).ok());
    EXPECT_TRUE(nlp::parse::IsWellFormedSingleRoot(Heads(s)));
  }
}

TEST(ParserTest, AnyInputGivesASingleRootedTree) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  Result<Parser> p = Parser::Train(train, {}, TinyOptions(), nullptr);
  ASSERT_TRUE(p.ok());
  Sentence empty;
  EXPECT_TRUE(p->Parse(empty).ok());
  for (int n : {1, 2, 3, 17, 400}) {
    Sentence s = OddWords(n);
    ASSERT_TRUE(p->Parse(s).ok());
    EXPECT_TRUE(nlp::parse::IsWellFormedSingleRoot(Heads(s))) << "n=" << n;
    for (const Word& w : s.words) EXPECT_FALSE(w.deprel.empty());
  }
}

TEST(ParserTest, BeamTrainingIsDeterministicFitsItsDataAndKeepsItsWidth) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  ParserTrainOptions o = TinyOptions();
  o.beam = 4;
  ParserTrainReport report;
  Result<Parser> a = Parser::Train(train, train, o, &report);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  Result<Parser> b = Parser::Train(train, train, o, nullptr);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->Serialize(), b->Serialize()) << "same seed and data must give the same weights";
  EXPECT_EQ(a->beam(), 4);
  Result<Parser> greedy = Parser::Train(train, train, TinyOptions(), nullptr);
  ASSERT_TRUE(greedy.ok());
  EXPECT_EQ(greedy->beam(), 1);
  EXPECT_NE(a->Serialize(), greedy->Serialize());

  DependencyScores d = ScoreDependencies(train, Reparsed(*a, train));
  EXPECT_GE(d.las, 95.0);  // Global training memorises nine short sentences too.
  EXPECT_DOUBLE_EQ(d.las, report.best_dev.las);

  // The width travels with the model; WithBeam overrides it, 0 restores it.
  Result<Parser> q = Parser::FromBytes(a->Serialize());
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->beam(), 4);
  EXPECT_EQ(q->WithBeam(1).beam(), 1);
  EXPECT_EQ(q->WithBeam(1).WithBeam(0).beam(), 4);
  EXPECT_EQ(q->Pruned(1).beam(), 4);
  o.beam = 0;
  EXPECT_FALSE(Parser::Train(train, {}, o, nullptr).ok());
  o.beam = kMaxParserBeam + 1;
  EXPECT_FALSE(Parser::Train(train, {}, o, nullptr).ok());
}

TEST(ParserTest, BeamDecodingAlwaysGivesASingleRootedTree) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  Result<Parser> greedy = Parser::Train(train, {}, TinyOptions(), nullptr);
  ParserTrainOptions o = TinyOptions();
  o.beam = 3;
  Result<Parser> beam = Parser::Train(train, {}, o, nullptr);
  ASSERT_TRUE(greedy.ok() && beam.ok());
  // Every width on a beam model and on a greedy one, on odd words and on the training sentences
  // with their tags scrambled.
  for (const Parser* p : {&*greedy, &*beam}) {
    for (int width : {1, 2, 3, 8, kMaxParserBeam}) {
      const Parser q = p->WithBeam(width);
      for (int n : {1, 2, 3, 17, 120}) {
        Sentence s = OddWords(n);
        ASSERT_TRUE(q.Parse(s).ok());
        EXPECT_TRUE(nlp::parse::IsWellFormedSingleRoot(Heads(s))) << "n=" << n;
        for (const Word& w : s.words) EXPECT_FALSE(w.deprel.empty());
      }
      for (Sentence s : train) {
        for (size_t i = 0; i < s.words.size(); ++i) {
          s.words[i].upos = s.words[(i * 7 + 3) % s.words.size()].upos;
        }
        ASSERT_TRUE(q.Parse(s).ok());
        EXPECT_TRUE(nlp::parse::IsWellFormedSingleRoot(Heads(s))) << s.id << " beam " << width;
      }
    }
  }
}

TEST(ParserTest, BadBeamWidthInAModelIsDataLoss) {
  std::vector<Sentence> train = ReadAll("src/nlp/parse/testdata/tiny.conllu");
  Result<Parser> p = Parser::Train(train, {}, TinyOptions(), nullptr);
  ASSERT_TRUE(p.ok());
  Result<nlp::ModelFile> file = nlp::ModelFile::Parse(p->Serialize(), "parser");
  ASSERT_TRUE(file.ok());
  for (uint64_t width : {uint64_t{0}, uint64_t{kMaxParserBeam} + 1, uint64_t{5}}) {
    nlp::ModelWriter w("parser");
    for (const char* name : {"meta", "labels", "weights"}) {
      w.AddSection(name, std::string(*file->Section(name)));
    }
    nlp::ByteWriter decode;
    decode.VarU(width);
    w.AddSection("decode", decode.Take());
    Result<Parser> q = Parser::FromBytes(w.Serialize());
    if (width == 5) {
      ASSERT_TRUE(q.ok()) << q.status().ToString();
      EXPECT_EQ(q->beam(), 5);
    } else {
      EXPECT_EQ(q.status().code(), StatusCode::kDataLoss) << width;
    }
  }
  EXPECT_EQ(Parser::Create({.model_path = "models/parser.model", .beam = -1}).status().code(),
            StatusCode::kInvalidArgument);
}

// The committed model on EWT dev with gold tags. Floors: the dev scores measured when the model
// was committed (`annals parse --keep-tags --score dev.conllu`, models/README.md) minus half a
// point, so a broken loader, feature change or decoder regression fails while the committed model
// passes. (The model is trained on predicted tags; its scores with predicted tags are checked in
// src/nlp/pipeline_test.cc.)
constexpr double kDevUasFloor = 87.4;  // Measured 87.92.
constexpr double kDevLasFloor = 85.5;  // Measured 86.06.

TEST(ParserTest, CommittedModelOnEwtDev) {
  std::string dev_path = SharedDir() + "/data/ud-english-ewt/dev.conllu";
  if (!std::filesystem::exists(dev_path)) GTEST_SKIP() << "../shared absent: " << dev_path;
  Result<Parser> p = Parser::Load("models/parser.model");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  std::vector<Sentence> gold = ReadAll(dev_path);
  ASSERT_GT(gold.size(), 1000u);
  std::vector<Sentence> out = gold;
  for (Sentence& s : out) {
    for (Word& w : s.words) {
      w.head = -1;
      w.deprel.clear();
    }
    ASSERT_TRUE(p->Parse(s).ok());
    ASSERT_TRUE(nlp::parse::IsWellFormedSingleRoot(Heads(s))) << s.id;
  }
  DependencyScores d = ScoreDependencies(gold, out);
  EXPECT_GE(d.uas, kDevUasFloor);
  EXPECT_GE(d.las, kDevLasFloor);
}

}  // namespace
}  // namespace annals
