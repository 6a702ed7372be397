// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// EntityRecognizer: training on a few sentences we wrote, determinism, save/load, bad models and
// odd input.
#include "annals/ner.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "nlp/model_file.h"

namespace annals {
namespace {

// A sentence from "Word/UPOS/ENTITY" items separated by spaces; ENTITY is "B-X", "I-X" or "O".
NerExample Example(const std::string& spec) {
  NerExample ex;
  std::istringstream in(spec);
  std::string item;
  uint32_t pos = 0;
  std::vector<std::string> tags;
  while (in >> item) {
    size_t a = item.find('/');
    size_t b = item.find('/', a + 1);
    Word w;
    w.id = static_cast<int>(ex.sentence.words.size()) + 1;
    w.form = item.substr(0, a);
    w.upos = item.substr(a + 1, b - a - 1);
    w.xpos = w.upos == "PROPN" ? "NNP" : "XX";
    w.span = {pos, pos + static_cast<uint32_t>(w.form.size())};
    pos = w.span.end + 1;
    ex.sentence.words.push_back(w);
    tags.push_back(item.substr(b + 1));
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i][0] != 'B') continue;
    Entity e;
    e.type = tags[i].substr(2);
    e.first_word = e.last_word = static_cast<int>(i);
    while (static_cast<size_t>(e.last_word + 1) < tags.size() && tags[e.last_word + 1][0] == 'I')
      ++e.last_word;
    ex.entities.push_back(e);
  }
  return ex;
}

std::vector<NerExample> TinyCorpus() {
  return {
      Example(
          "Maria/PROPN/B-PER Lopez/PROPN/I-PER flew/VERB/O to/ADP/O Lisbon/PROPN/B-LOC ./PUNCT/O"),
      Example("Tomas/PROPN/B-PER Berg/PROPN/I-PER works/VERB/O for/ADP/O Nordbank/PROPN/B-ORG "
              "./PUNCT/O"),
      Example("Nordbank/PROPN/B-ORG opened/VERB/O an/DET/O office/NOUN/O in/ADP/O Oslo/PROPN/B-LOC "
              "./PUNCT/O"),
      Example("Maria/PROPN/B-PER met/VERB/O Tomas/PROPN/B-PER in/ADP/O Oslo/PROPN/B-LOC ./PUNCT/O"),
      Example("the/DET/O office/NOUN/O in/ADP/O Lisbon/PROPN/B-LOC is/AUX/O new/ADJ/O ./PUNCT/O"),
      Example("Greenfield/PROPN/B-ORG Labs/PROPN/I-ORG hired/VERB/O Maria/PROPN/B-PER "
              "Lopez/PROPN/I-PER "
              "./PUNCT/O"),
  };
}

NerTrainOptions Options() {
  NerTrainOptions o;
  o.epochs = 8;
  o.prune_below = 0;
  return o;
}

TEST(EntityRecognizerTest, LearnsTinyCorpus) {
  std::vector<NerExample> train = TinyCorpus();
  Result<EntityRecognizer> ner = EntityRecognizer::Train(train, {}, Options());
  ASSERT_TRUE(ner.ok()) << ner.status().ToString();
  EXPECT_EQ(ner->types(), (std::vector<std::string>{"LOC", "ORG", "PER"}));
  // The training sentences come back with their entities.
  for (const NerExample& ex : train) {
    std::vector<Entity> got = ner->Recognize(ex.sentence);
    ASSERT_EQ(got.size(), ex.entities.size()) << ex.sentence.words[0].form;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].type, ex.entities[i].type);
      EXPECT_EQ(got[i].first_word, ex.entities[i].first_word);
      EXPECT_EQ(got[i].last_word, ex.entities[i].last_word);
    }
  }
  // Text and span of a two-word entity.
  std::vector<Entity> got = ner->Recognize(train[0].sentence);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0].text, "Maria Lopez");
  EXPECT_EQ(got[0].span, (Span{0, 11}));
}

TEST(EntityRecognizerTest, DeterministicAndRoundTrips) {
  std::vector<NerExample> train = TinyCorpus();
  Result<EntityRecognizer> a = EntityRecognizer::Train(train, {}, Options());
  Result<EntityRecognizer> b = EntityRecognizer::Train(train, {}, Options());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->bytes(), b->bytes());
  NerTrainOptions other = Options();
  other.seed = 7;
  Result<EntityRecognizer> c = EntityRecognizer::Train(train, {}, other);
  ASSERT_TRUE(c.ok());

  std::string path = (std::filesystem::temp_directory_path() / "annals_ner_test.model").string();
  ASSERT_TRUE(a->Save(path).ok());
  Result<EntityRecognizer> loaded = EntityRecognizer::Load(path);
  std::remove(path.c_str());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->bytes(), a->bytes());
  for (const NerExample& ex : train) {
    EXPECT_EQ(loaded->Recognize(ex.sentence), a->Recognize(ex.sentence));
  }
}

TEST(EntityRecognizerTest, GazetteerFromDictionaries) {
  // A gazetteer directory we write: "Vellmar" is only known from it.
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "annals_ner_gaz_test";
  std::filesystem::create_directories(dir);
  {
    FILE* f = std::fopen((dir / "countries.tsv").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("# test\ncode\tnames\tcapitals\nXXA\tVellmar | Upper Vellmar\tKaro\n", f);
    std::fclose(f);
  }
  NerTrainOptions o = Options();
  o.gazetteer_dir = dir.string();
  std::vector<std::string> log;
  o.log = [&](const std::string& line) { log.push_back(line); };
  Result<EntityRecognizer> with = EntityRecognizer::Train(TinyCorpus(), {}, o);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(with.ok());
  bool logged = false;
  for (const std::string& line : log) logged |= line.find("3 names") != std::string::npos;
  EXPECT_TRUE(logged) << "expected the gazetteer to read 3 names";
  Result<EntityRecognizer> without = EntityRecognizer::Train(TinyCorpus(), {}, Options());
  ASSERT_TRUE(without.ok());
  EXPECT_GT(with->bytes().size(), without->bytes().size());
}

TEST(EntityRecognizerTest, GazetteerFromPlaceFile) {
  // A place gazetteer in the geocoder's format (docs/geocoding.md) that we write: one division,
  // a big place, a small one below the population floor, and rows of other kinds.
  std::filesystem::path path = std::filesystem::temp_directory_path() / "annals_ner_places.tsv";
  {
    FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "#annals-gazetteer\t1\n# test\nN\twest\n"
        "C\tXA\tXAA\tXA\tVellmar\t900000\t1.0\t2.0\tvellmar\n"
        "A\tXA\t01\tXA-01\tKaro Oblast\t400000\t1.0\t2.0\tkaro oblast\tkaro\n"
        "P\tXA\t01\t11\tPPLA\tKarograd\t250000\t1.0\t2.0\tkarograd|karo city\n"
        "P\tXA\t01\t12\tPPL\tSmallton\t900\t1.0\t2.0\tsmallton\n"
        "P\tXA\t01\t13\tPPL\tBroken\n",
        f);
    std::fclose(f);
  }
  NerTrainOptions o = Options();
  o.places_path = path.string();
  o.min_place_population = 1000;
  std::vector<std::string> log;
  o.log = [&](const std::string& line) { log.push_back(line); };
  Result<EntityRecognizer> with = EntityRecognizer::Train(TinyCorpus(), {}, o);
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  bool logged = false;
  for (const std::string& line : log) {
    logged |= line.find("1 places of at least 1000 people and 1 divisions") != std::string::npos;
  }
  EXPECT_TRUE(logged) << "expected one place (Smallton is too small) and one division";
  Result<EntityRecognizer> without = EntityRecognizer::Train(TinyCorpus(), {}, Options());
  ASSERT_TRUE(without.ok());
  EXPECT_GT(with->bytes().size(), without->bytes().size());

  // A file that is not a place gazetteer, and a missing one, are errors.
  {
    FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("name\tpopulation\nKarograd\t250000\n", f);
    std::fclose(f);
  }
  EXPECT_EQ(EntityRecognizer::Train(TinyCorpus(), {}, o).status().code(),
            StatusCode::kInvalidArgument);
  std::filesystem::remove(path);
  EXPECT_EQ(EntityRecognizer::Train(TinyCorpus(), {}, o).status().code(), StatusCode::kNotFound);
}

TEST(EntityRecognizerTest, MultiWordNamesInLongCapitalisedRuns) {
  // Runs of capitalised words joined by "of" and "&": every word of the name must come back in
  // one entity, also for names longer than the two-word context window.
  std::vector<NerExample> train = TinyCorpus();
  train.push_back(Example(
      "she/PRON/O studied/VERB/O at/ADP/O the/DET/O Royal/PROPN/B-ORG Academy/PROPN/I-ORG "
      "of/ADP/I-ORG Fine/PROPN/I-ORG Arts/PROPN/I-ORG in/ADP/O Oslo/PROPN/B-LOC ./PUNCT/O"));
  train.push_back(
      Example("Procter/PROPN/B-ORG &/CCONJ/I-ORG Gamble/PROPN/I-ORG hired/VERB/O "
              "Tomas/PROPN/B-PER ./PUNCT/O"));
  Result<EntityRecognizer> ner = EntityRecognizer::Train(train, {}, Options());
  ASSERT_TRUE(ner.ok());
  for (size_t s = train.size() - 2; s < train.size(); ++s) {
    std::vector<Entity> got = ner->Recognize(train[s].sentence);
    ASSERT_EQ(got.size(), train[s].entities.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].type, train[s].entities[i].type);
      EXPECT_EQ(got[i].first_word, train[s].entities[i].first_word);
      EXPECT_EQ(got[i].last_word, train[s].entities[i].last_word);
    }
  }
}

TEST(EntityRecognizerTest, RejectsBadTrainingData) {
  EXPECT_FALSE(EntityRecognizer::Train({}, {}, Options()).ok());
  std::vector<NerExample> bad = TinyCorpus();
  bad[0].entities[0].last_word = 99;
  EXPECT_FALSE(EntityRecognizer::Train(bad, {}, Options()).ok());
  bad = TinyCorpus();
  bad[0].entities.push_back(bad[0].entities[0]);  // Overlaps itself.
  EXPECT_FALSE(EntityRecognizer::Train(bad, {}, Options()).ok());
}

TEST(EntityRecognizerTest, OddSentencesDoNotCrash) {
  Result<EntityRecognizer> ner = EntityRecognizer::Train(TinyCorpus(), {}, Options());
  ASSERT_TRUE(ner.ok());
  Sentence empty;
  EXPECT_TRUE(ner->Recognize(empty).empty());
  Sentence odd;
  for (const char* form : {"", "\xff\xfe", "Oslo", "", "ÉTÉ", "Lisbon"}) {
    Word w;
    w.form = form;  // No tags, empty forms, invalid UTF-8.
    odd.words.push_back(w);
  }
  for (const Entity& e : ner->Recognize(odd)) {
    EXPECT_LE(e.first_word, e.last_word);
    EXPECT_LT(e.last_word, static_cast<int>(odd.words.size()));
  }
}

TEST(EntityRecognizerTest, LoadErrors) {
  EXPECT_EQ(EntityRecognizer::Load("/nonexistent/ner.model").status().code(),
            StatusCode::kNotFound);
  EXPECT_FALSE(EntityRecognizer::FromBytes("not a model").ok());
  Result<EntityRecognizer> ner = EntityRecognizer::Train(TinyCorpus(), {}, Options());
  ASSERT_TRUE(ner.ok());
  std::string bytes = ner->bytes();
  bytes.resize(bytes.size() / 2);
  EXPECT_FALSE(EntityRecognizer::FromBytes(bytes).ok());
  // Another kind of model is refused.
  nlp::ModelWriter w("tagger");
  w.AddSection("meta", std::string(4, '\0'));
  EXPECT_FALSE(EntityRecognizer::FromBytes(w.Serialize()).ok());
}

}  // namespace
}  // namespace annals
