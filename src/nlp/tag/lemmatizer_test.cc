// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tag/lemmatizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals::nlp::tag {
namespace {

// Words written for this test (form, upos, xpos, lemma, feats).
std::vector<LemmaExample> Examples() {
  return {
      {"talked", "VERB", "VBD", "talk", "Tense=Past"},
      {"walked", "VERB", "VBD", "walk", "Tense=Past"},
      {"jumped", "VERB", "VBD", "jump", "Tense=Past"},
      {"cities", "NOUN", "NNS", "city", "Number=Plur"},
      {"parties", "NOUN", "NNS", "party", "Number=Plur"},
      {"cats", "NOUN", "NNS", "cat", "Number=Plur"},
      {"dogs", "NOUN", "NNS", "dog", "Number=Plur"},
      {"was", "AUX", "VBD", "be", "Tense=Past"},
      {"Talks", "NOUN", "NNS", "talk", "Number=Plur"},
      {"Talks", "NOUN", "NNS", "talk", "Number=Plur"},
      {"Americans", "PROPN", "NNPS", "American", "Number=Plur"},
      {"Germans", "PROPN", "NNPS", "German", "Number=Plur"},
      {"1,000", "NUM", "CD", "1,000", "NumType=Card"},
      {"better", "ADJ", "JJR", "good", "Degree=Cmp"},
  };
}

std::vector<WordnetException> Wordnet() {
  return {{'n', "geese", "goose"}, {'v', "ran", "run"}, {'a', "worse", "bad"}};
}

TEST(LemmatizerTest, LearnsSuffixRulesAndGeneralizes) {
  Lemmatizer lem = Lemmatizer::Build(Examples(), Wordnet(), 1);
  EXPECT_EQ(lem.Lemmatize("kicked", "VERB", "VBD"), "kick");
  EXPECT_EQ(lem.Lemmatize("ladies", "NOUN", "NNS"), "lady");
  EXPECT_EQ(lem.Lemmatize("birds", "NOUN", "NNS"), "bird");
  // Capitalised common nouns are lower-cased; proper nouns keep their case.
  EXPECT_EQ(lem.Lemmatize("Walks", "NOUN", "NNS"), "walk");
  EXPECT_EQ(lem.Lemmatize("Italians", "PROPN", "NNPS"), "Italian");
  EXPECT_EQ(lem.Lemmatize("Lisbon", "PROPN", "NNP"), "Lisbon");
  EXPECT_EQ(lem.Lemmatize("2,500", "NUM", "CD"), "2,500");
}

TEST(LemmatizerTest, LexiconKeepsOnlyWhatRulesGetWrong) {
  // With rules needing two examples, one-off irregular words land in the lexicon.
  Lemmatizer lem = Lemmatizer::Build(Examples(), Wordnet(), 2);
  EXPECT_EQ(lem.Lemmatize("talked", "VERB", "VBD"), "talk");
  EXPECT_EQ(lem.Lemmatize("was", "AUX", "VBD"), "be");
  EXPECT_EQ(lem.Lemmatize("WAS", "AUX", "VBD"), "be");  // Lower-cased lexicon lookup.
  EXPECT_EQ(lem.Lemmatize("better", "ADJ", "JJR"), "good");
  // "talked", "cats", ... are produced by rules, so they are not stored.
  EXPECT_LE(lem.lexicon_size(), 4u);
  EXPECT_GE(lem.lexicon_size(), 2u);
}

TEST(LemmatizerTest, WordnetExceptionsAndContractions) {
  Lemmatizer lem = Lemmatizer::Build(Examples(), Wordnet(), 1);
  EXPECT_EQ(lem.Lemmatize("geese", "NOUN", "NNS"), "goose");
  EXPECT_EQ(lem.Lemmatize("ran", "VERB", "VBD"), "run");
  EXPECT_EQ(lem.Lemmatize("worse", "ADJ", "JJR"), "bad");
  EXPECT_EQ(lem.Lemmatize("n't", "PART", "RB"), "not");
  EXPECT_EQ(lem.Lemmatize("n\xE2\x80\x99t", "PART", "RB"), "not");
  EXPECT_EQ(lem.Lemmatize("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(lem.Lemmatize("\xE2\x80\x99s", "PART", "POS"), "'s");
  EXPECT_EQ(lem.Lemmatize("'s", "PART", "POS"), "'s");
  EXPECT_EQ(lem.Lemmatize("'re", "AUX", "VBP"), "be");
  EXPECT_EQ(lem.Lemmatize("'ll", "AUX", "MD"), "will");
  EXPECT_EQ(lem.Lemmatize("'d", "AUX", "MD"), "would");
}

TEST(LemmatizerTest, UnknownTagFallsBackToLowerCase) {
  Lemmatizer lem = Lemmatizer::Build(Examples(), Wordnet(), 1);
  EXPECT_EQ(lem.Lemmatize("Hello", "INTJ", "UH"), "hello");
  EXPECT_EQ(lem.Lemmatize("", "X", "XX"), "");
}

TEST(LemmatizerTest, SerializesAndParses) {
  Lemmatizer lem = Lemmatizer::Build(Examples(), Wordnet(), 1);
  Result<Lemmatizer> back = Lemmatizer::Parse(lem.SerializeLemmas(), lem.SerializeWordnet());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  for (const char* w : {"kicked", "geese", "was", "Italians", "ladies"}) {
    EXPECT_EQ(back->Lemmatize(w, "NOUN", "NNS"), lem.Lemmatize(w, "NOUN", "NNS")) << w;
    EXPECT_EQ(back->Lemmatize(w, "VERB", "VBD"), lem.Lemmatize(w, "VERB", "VBD")) << w;
  }
  EXPECT_FALSE(Lemmatizer::Parse("\x05", "").ok());
}

TEST(LemmatizerTest, FeatsLexiconUsesWordThenTagDefault) {
  std::vector<LemmaExample> ex = Examples();
  ex.push_back({"I", "PRON", "PRP", "I", "Case=Nom|Number=Sing|Person=1"});
  ex.push_back({"them", "PRON", "PRP", "they", "Case=Acc|Number=Plur|Person=3"});
  ex.push_back({"them", "PRON", "PRP", "they", "Case=Acc|Number=Plur|Person=3"});
  FeatsLexicon f = FeatsLexicon::Build(ex);
  EXPECT_EQ(f.Find("Them", "PRON", "PRP"), "Case=Acc|Number=Plur|Person=3");
  EXPECT_EQ(f.Find("houses", "NOUN", "NNS"), "Number=Plur");
  EXPECT_EQ(f.Find("zzz", "SYM", "NFP"), "");
  Result<FeatsLexicon> back = FeatsLexicon::Parse(f.Serialize());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Find("them", "PRON", "PRP"), "Case=Acc|Number=Plur|Person=3");
}

TEST(LemmatizerTest, WordnetPosMasks) {
  WordnetPosLexicon wn({{"run", 3}, {"city", 1}, {"quick", 4}, {"goose", 1}},
                       {{'n', "geese", "goose"}});
  EXPECT_EQ(wn.Mask("run"), 3);
  EXPECT_EQ(wn.Mask("cities"), 1 << 4);         // ies -> y, noun
  EXPECT_EQ(wn.Mask("runs"), 2 << 4 | 1 << 4);  // s -> "": a verb and a noun
  EXPECT_EQ(wn.Mask("running"), 0);  // As in morphy: "runn" is no lemma (needs the .exc list).
  EXPECT_EQ(wn.Mask("quicker"), 4 << 4);
  EXPECT_EQ(wn.Mask("geese"), 1 << 4);
  EXPECT_EQ(wn.Mask("zzz"), 0);
  Result<WordnetPosLexicon> back = WordnetPosLexicon::Parse(wn.Serialize());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Mask("cities"), 1 << 4);
}

}  // namespace
}  // namespace annals::nlp::tag
