// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/tokenizer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "nlp/tokenize/scanner.h"
#include "nlp/tokenize/sentence_model.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

const char kGoldenDir[] = "src/nlp/tokenize/testdata/golden";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Tokenizer& Tok() {
  static const Tokenizer* tok = [] {
    TokenizerOptions o;
    o.sentence_model = TokenizerOptions::SentenceModel::kRequired;
    Result<Tokenizer> t = Tokenizer::Create(o);
    if (!t.ok()) {
      ADD_FAILURE() << t.status().ToString();
      std::abort();
    }
    return new Tokenizer(std::move(*t));
  }();
  return *tok;
}

// One sentence per line, tokens separated by spaces, a multiword token as form[w1+w2].
std::string Render(const std::vector<Sentence>& sentences) {
  std::string out;
  for (const Sentence& s : sentences) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      if (i > 0) out += ' ';
      out += t.form;
      if (t.word_count > 1) {
        out += '[';
        for (int k = 0; k < t.word_count; ++k) {
          if (k > 0) out += '+';
          out += s.words[t.first_word + k].form;
        }
        out += ']';
      }
    }
    out += '\n';
  }
  return out;
}

// The invariants every Split result must satisfy, whatever the input.
void CheckInvariants(std::string_view text, const std::vector<Sentence>& sentences) {
  uint32_t last_end = 0;
  for (const Sentence& s : sentences) {
    ASSERT_FALSE(s.tokens.empty());
    ASSERT_EQ(s.span.begin, s.tokens.front().span.begin);
    ASSERT_EQ(s.span.end, s.tokens.back().span.end);
    int words = 0;
    for (const Token& t : s.tokens) {
      ASSERT_LT(t.span.begin, t.span.end);
      ASSERT_GE(t.span.begin, last_end);
      ASSERT_LE(t.span.end, text.size());
      ASSERT_EQ(t.form, text.substr(t.span.begin, t.span.size()));
      ASSERT_EQ(t.first_word, words);
      ASSERT_GE(t.word_count, 1);
      std::string joined;
      for (int k = 0; k < t.word_count; ++k) {
        const Word& w = s.words[t.first_word + k];
        ASSERT_EQ(w.id, t.first_word + k + 1);
        ASSERT_EQ(w.span, t.span);
        ASSERT_FALSE(w.form.empty());
        joined += w.form;
      }
      ASSERT_EQ(joined, t.form) << "words must spell the token";
      words += t.word_count;
      last_end = t.span.end;
    }
    ASSERT_EQ(static_cast<int>(s.words.size()), words);
  }
}

TEST(TokenizerTest, GoldenFiles) {
  const bool update = std::getenv("ANNALS_UPDATE_GOLDEN") != nullptr;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    std::string text = ReadFile(entry.path());
    std::vector<Sentence> sentences = Tok().Split(text);
    CheckInvariants(text, sentences);
    std::string got = Render(sentences);
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " missing (ANNALS_UPDATE_GOLDEN=1)";
    EXPECT_EQ(got, ReadFile(expected_path)) << "golden mismatch for " << entry.path();
  }
  EXPECT_GE(files, 9);
}

std::vector<std::string> Forms(const Sentence& s) {
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.push_back(t.form);
  return out;
}

TEST(TokenizerTest, MultiwordTokens) {
  struct Case {
    const char* token;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"don't", {"do", "n't"}},
      {"Don’t", {"Do", "n’t"}},
      {"can't", {"ca", "n't"}},
      {"won't", {"wo", "n't"}},
      {"Putin's", {"Putin", "'s"}},
      {"I'm", {"I", "'m"}},
      {"we're", {"we", "'re"}},
      {"they've", {"they", "'ve"}},
      {"he'll", {"he", "'ll"}},
      {"I'd", {"I", "'d"}},
      {"parents'", {"parents", "'"}},
      {"cannot", {"can", "not"}},
      {"gonna", {"gon", "na"}},
      {"wanna", {"wan", "na"}},
      {"dont", {"do", "nt"}},
      {"shouldn't've", {"should", "n't", "'ve"}},
      {"Xi's", {"Xi", "'s"}},
      {"O'Brien", {"O'Brien"}},
      {"'s", {"'s"}},
      {"Bush", {"Bush"}},
      {"n't", {"n't"}},
      {"rock'n'roll", {"rock'n'roll"}},
  };
  for (const Case& c : cases) {
    nlp::tokenize::WordPiece pieces[3];
    std::string_view t = c.token;
    int n = nlp::tokenize::SplitWords(t, pieces);
    std::vector<std::string> got;
    for (int k = 0; k < n; ++k)
      got.emplace_back(t.substr(pieces[k].begin, pieces[k].end - pieces[k].begin));
    EXPECT_EQ(got, c.words) << c.token;
  }
  std::vector<Sentence> s = Tok().Split("Putin's aides don't agree.");
  ASSERT_EQ(s.size(), 1u);
  ASSERT_EQ(s[0].tokens.size(), 5u);
  EXPECT_EQ(s[0].words.size(), 7u);
  EXPECT_EQ(s[0].tokens[0].word_count, 2);
  EXPECT_EQ(s[0].words[1].form, "'s");
  EXPECT_EQ(s[0].words[1].span, (Span{0, 7}));
  EXPECT_EQ(s[0].tokens[2].first_word, 3);
  EXPECT_EQ(s[0].words[4].form, "n't");
  EXPECT_EQ(s[0].words[4].id, 5);
}

TEST(TokenizerTest, OffsetsAndSpaceAfter) {
  std::string text = "  He said: \"Go.\"\n\nOK ";
  std::vector<Sentence> s = Tok().Split(text);
  CheckInvariants(text, s);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(Forms(s[0]), (std::vector<std::string>{"He", "said", ":", "\"", "Go", ".", "\""}));
  EXPECT_EQ(s[0].span, (Span{2, 16}));
  EXPECT_TRUE(s[0].tokens[0].space_after);
  EXPECT_FALSE(s[0].tokens[1].space_after);  // "said" is glued to ":".
  EXPECT_FALSE(s[0].tokens[4].space_after);
  EXPECT_EQ(s[1].span, (Span{18, 20}));
}

TEST(TokenizerTest, ConcurrentSplitsAgree) {
  std::string text;
  for (int k = 0; k < 50; ++k)
    text += "Gen. Smith didn't go to the U.S. on Sept. 2. \"Why?\" he asked.\n\n";
  const std::string expected = Render(Tok().Split(text));
  std::vector<std::thread> threads;
  std::vector<std::string> got(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { got[t] = Render(Tok().Split(text)); });
  }
  for (std::thread& th : threads) th.join();
  for (const std::string& g : got) EXPECT_EQ(g, expected);
}

TEST(TokenizerTest, EmptyAndWhitespace) {
  EXPECT_TRUE(Tok().Split("").empty());
  EXPECT_TRUE(Tok().Split(" \n\n\t \xC2\xA0 ").empty());
}

TEST(TokenizerTest, InvalidUtf8AndControlBytes) {
  std::string text = "Bad \xFF\xFE bytes\x01here. \xE2\x80 cut";
  std::vector<Sentence> s = Tok().Split(text);
  CheckInvariants(text, s);
  ASSERT_FALSE(s.empty());
}

TEST(TokenizerTest, RandomTextKeepsInvariants) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "a",      "B",     "7",   ".",   ",", "'",    "’",    "\"",   "“",     "”",
      "-",      "—",     "…",   " ",   " ", "\n",   "\n\n", "U.S.", "don't", "http://x.y/z",
      "@h",     "#t",    ":)",  "$",   "%", "\xFF", "é",    "中",   "s'",    "&",
      "e-mail", "1,000", "3.5", "No.", "(", ")",    "?!",   "www.", "x@y.z", "--"};
  for (int iter = 0; iter < 300; ++iter) {
    std::string text;
    int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    std::vector<Sentence> s = Tok().Split(text);
    CheckInvariants(text, s);
    // Every non-space character is inside some token.
    size_t covered = 0;
    for (const Sentence& x : s) {
      for (const Token& t : x.tokens) covered += t.span.size();
    }
    size_t nonspace = 0;
    for (char c : text) nonspace += !(c == ' ' || c == '\n');
    EXPECT_EQ(covered, nonspace) << text;
  }
}

TEST(TokenizerTest, RulesModeAndModelErrors) {
  TokenizerOptions rules;
  rules.sentence_model = TokenizerOptions::SentenceModel::kRules;
  Result<Tokenizer> r = Tokenizer::Create(rules);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_model());
  std::vector<Sentence> s = r->Split("He left. She stayed! Did they? Yes, Gen. Smith said so.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(Forms(s[3]).front(), "Yes");

  TokenizerOptions missing;
  missing.model_path = "/nonexistent/sentsplit.model";
  Result<Tokenizer> m = Tokenizer::Create(missing);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);

  fs::path bad = fs::temp_directory_path() / "annals_tokenizer_test_bad.model";
  std::ofstream(bad, std::ios::binary) << "ANNALSMD garbage";
  TokenizerOptions corrupt;
  corrupt.model_path = bad.string();
  Result<Tokenizer> c = Tokenizer::Create(corrupt);
  EXPECT_FALSE(c.ok());
  fs::remove(bad);

  EXPECT_TRUE(Tok().has_model());
  EXPECT_FALSE(Tok().model_path().empty());
}

TEST(TokenizerTest, ModelRoundTrip) {
  nlp::tokenize::SentenceModel m;
  m.weights()[5] = 1.5f;
  m.weights()[(1u << nlp::tokenize::kWeightBits) - 1] = -2.25f;
  m.set_bias(0.5f);
  Result<nlp::tokenize::SentenceModel> back =
      nlp::tokenize::SentenceModel::Parse(m.Serialize("test"));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->weights(), m.weights());
  EXPECT_EQ(back->bias(), 0.5f);
  Result<nlp::tokenize::SentenceModel> wrong =
      nlp::tokenize::SentenceModel::Parse(std::string("not a model"));
  EXPECT_FALSE(wrong.ok());
}

// The flagship article (machine-translated wire copy); read, never copied into the project.
TEST(TokenizerTest, SeedArticle) {
  const char* shared = std::getenv("ANNALS_SHARED");
  fs::path path = fs::path(shared ? shared : "../shared") / "seed/000_5601e05d72f0a748.txt";
  if (!fs::exists(path)) GTEST_SKIP() << "../shared absent: " << path;
  std::string text = ReadFile(path);
  std::vector<Sentence> s = Tok().Split(text);
  CheckInvariants(text, s);
  // Every paragraph gives at least one sentence, and no sentence crosses a paragraph break.
  size_t paragraphs = 1;
  for (size_t i = 0; (i = text.find("\n\n", i)) != std::string::npos; i += 2) ++paragraphs;
  EXPECT_GE(s.size(), paragraphs - 1);
  for (const Sentence& x : s) {
    EXPECT_EQ(text.substr(x.span.begin, x.span.size()).find("\n\n"), std::string::npos);
  }
  // The dateline stays in the first sentence: "(Reuters) –" is followed by its subject.
  std::vector<std::string> first = Forms(s[0]);
  auto reuters = std::find(first.begin(), first.end(), "Reuters");
  ASSERT_NE(reuters, first.end());
  ASSERT_LT(reuters + 3, first.end());
  EXPECT_EQ(*(reuters + 1), ")");
  // The machine translation lower-cased a ticker; it stays one token.
  bool ticker = false;
  for (const Sentence& x : s) {
    for (const Token& t : x.tokens) ticker |= t.form.size() > 3 && t.form.ends_with(".MM");
  }
  EXPECT_TRUE(ticker);
}

}  // namespace
}  // namespace annals
