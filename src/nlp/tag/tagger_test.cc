// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nlp/conllu.h"

namespace annals {
namespace {

// Sentences written for this test: "form/UPOS/XPOS/lemma/feats" tokens.
const char* const kCorpus[] = {
    "The/DET/DT/the/Definite=Def|PronType=Art cat/NOUN/NN/cat/Number=Sing "
    "sleeps/VERB/VBZ/sleep/Number=Sing|Person=3|Tense=Pres ./PUNCT/././_",
    "Two/NUM/CD/two/NumType=Card dogs/NOUN/NNS/dog/Number=Plur barked/VERB/VBD/bark/Tense=Past "
    "loudly/ADV/RB/loudly/_ ./PUNCT/././_",
    "Maria/PROPN/NNP/Maria/Number=Sing visited/VERB/VBD/visit/Tense=Past "
    "Lisbon/PROPN/NNP/Lisbon/Number=Sing yesterday/NOUN/NN/yesterday/Number=Sing ./PUNCT/././_",
    "She/PRON/PRP/she/Case=Nom|Number=Sing|Person=3 likes/VERB/VBZ/like/Number=Sing|Person=3 "
    "green/ADJ/JJ/green/Degree=Pos apples/NOUN/NNS/apple/Number=Plur ./PUNCT/././_",
    "The/DET/DT/the/Definite=Def|PronType=Art ministers/NOUN/NNS/minister/Number=Plur "
    "met/VERB/VBD/meet/Tense=Past in/ADP/IN/in/_ Geneva/PROPN/NNP/Geneva/Number=Sing "
    "./PUNCT/././_",
    "A/DET/DT/a/Definite=Ind|PronType=Art small/ADJ/JJ/small/Degree=Pos bird/NOUN/NN/bird/"
    "Number=Sing sang/VERB/VBD/sing/Tense=Past ./PUNCT/././_",
    "They/PRON/PRP/they/Case=Nom|Number=Plur|Person=3 walked/VERB/VBD/walk/Tense=Past "
    "to/ADP/IN/to/_ the/DET/DT/the/Definite=Def|PronType=Art river/NOUN/NN/river/Number=Sing "
    "./PUNCT/././_",
    "Old/ADJ/JJ/old/Degree=Pos houses/NOUN/NNS/house/Number=Plur need/VERB/VBP/need/Tense=Pres "
    "paint/NOUN/NN/paint/Number=Sing ./PUNCT/././_",
};

Sentence ParseLine(const std::string& line) {
  Sentence s;
  size_t start = 0;
  while (start < line.size()) {
    size_t sp = line.find(' ', start);
    std::string tok = line.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
    start = sp == std::string::npos ? line.size() : sp + 1;
    std::vector<std::string> f;
    size_t p = 0;
    for (int k = 0; k < 4; ++k) {
      size_t slash = tok.find('/', p == 0 ? 1 : p);  // A form may be "/".
      f.push_back(tok.substr(p, slash - p));
      p = slash + 1;
    }
    f.push_back(tok.substr(p));
    Word w;
    w.id = static_cast<int>(s.words.size()) + 1;
    w.form = f[0];
    w.upos = f[1];
    w.xpos = f[2];
    w.lemma = f[3];
    w.feats = f[4] == "_" ? "" : f[4];
    s.words.push_back(w);
    Token t;
    t.form = w.form;
    t.first_word = w.id - 1;
    s.tokens.push_back(t);
  }
  return s;
}

std::vector<Sentence> Corpus() {
  std::vector<Sentence> out;
  for (const char* line : kCorpus) out.push_back(ParseLine(line));
  return out;
}

TaggerTrainOptions TinyOptions() {
  TaggerTrainOptions o;
  o.epochs = 8;
  o.ambiguity_min_count = 1;
  o.lemma_rule_min_count = 1;
  o.prune_below = 0;
  o.wordnet_dir = "";  // Hermetic: no system files.
  return o;
}

TEST(TaggerTest, TinyModelTagsItsTrainingSentencesBack) {
  std::vector<Sentence> gold = Corpus();
  Result<Tagger> tagger = Tagger::Train(gold, {}, TinyOptions());
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  size_t words = 0, upos = 0, xpos = 0, lemma = 0, feats = 0;
  for (const Sentence& g : gold) {
    Sentence s = g;
    for (Word& w : s.words) w.upos = w.xpos = w.lemma = w.feats = "";
    tagger->Tag(s);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++words;
      upos += s.words[i].upos == g.words[i].upos;
      xpos += s.words[i].xpos == g.words[i].xpos;
      lemma += s.words[i].lemma == g.words[i].lemma;
      feats += s.words[i].feats == g.words[i].feats;
    }
  }
  EXPECT_EQ(upos, words);
  EXPECT_EQ(xpos, words);
  EXPECT_EQ(lemma, words);
  EXPECT_EQ(feats, words);
}

TEST(TaggerTest, TagsAnUnseenSentenceSensibly) {
  Result<Tagger> tagger = Tagger::Train(Corpus(), {}, TinyOptions());
  ASSERT_TRUE(tagger.ok());
  Sentence s = ParseLine("The/_/_/_/_ dog/_/_/_/_ sleeps/_/_/_/_ ./_/_/_/_");
  tagger->Tag(s);
  EXPECT_EQ(s.words[0].xpos, "DT");
  EXPECT_EQ(s.words[0].upos, "DET");
  EXPECT_EQ(s.words[2].xpos, "VBZ");
  EXPECT_EQ(s.words[3].upos, "PUNCT");
  EXPECT_EQ(s.words[2].lemma, "sleep");
}

TEST(TaggerTest, TrainingIsDeterministicAndSurvivesSaveLoad) {
  Result<Tagger> a = Tagger::Train(Corpus(), {}, TinyOptions());
  Result<Tagger> b = Tagger::Train(Corpus(), {}, TinyOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->bytes(), b->bytes());
  TaggerTrainOptions other = TinyOptions();
  other.seed = 7;
  Result<Tagger> c = Tagger::Train(Corpus(), {}, other);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a->bytes(), c->bytes()) << "the seed should change the shuffle";

  std::string path = ::testing::TempDir() + "/tagger_test.model";
  ASSERT_TRUE(a->Save(path).ok());
  Result<Tagger> loaded = Tagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->bytes(), a->bytes());
  for (const Sentence& g : Corpus()) {
    Sentence x = g, y = g;
    a->Tag(x);
    loaded->Tag(y);
    for (size_t i = 0; i < x.words.size(); ++i) {
      EXPECT_EQ(x.words[i].xpos, y.words[i].xpos);
      EXPECT_EQ(x.words[i].lemma, y.words[i].lemma);
    }
  }
}

TEST(TaggerTest, RejectsBadModelsWithoutCrashing) {
  Result<Tagger> a = Tagger::Train(Corpus(), {}, TinyOptions());
  ASSERT_TRUE(a.ok());
  const std::string& bytes = a->bytes();
  EXPECT_FALSE(Tagger::FromBytes("").ok());
  EXPECT_FALSE(Tagger::FromBytes("ANNALSMD").ok());
  // Every truncation fails cleanly.
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 16) {
    EXPECT_FALSE(Tagger::FromBytes(bytes.substr(0, n)).ok()) << n;
  }
  // A flipped byte is caught by the section CRC (or the header checks).
  for (size_t i = 8; i < bytes.size(); i += 97) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    EXPECT_FALSE(Tagger::FromBytes(bad).ok()) << i;
  }
  Result<Tagger> missing = Tagger::Load(::testing::TempDir() + "/no-such.model");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(TaggerTest, RejectsEmptyTrainingData) {
  EXPECT_EQ(Tagger::Train({}, {}, TinyOptions()).status().code(), StatusCode::kInvalidArgument);
}

TEST(TaggerTest, EmptySentenceIsLeftAlone) {
  Result<Tagger> a = Tagger::Train(Corpus(), {}, TinyOptions());
  ASSERT_TRUE(a.ok());
  Sentence empty;
  a->Tag(empty);
  EXPECT_TRUE(empty.words.empty());
}

}  // namespace
}  // namespace annals
