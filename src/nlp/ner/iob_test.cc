// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Entity corpus readers and the span metric, on examples small enough to count by hand.
#include "nlp/ner/iob.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals::nlp::ner {
namespace {

std::vector<LabeledSentence> Read(std::string_view text, IobFormat format,
                                  std::vector<std::string>* errors = nullptr) {
  std::vector<LabeledSentence> out;
  ReadIob(
      text, format, [&](LabeledSentence&& s) { out.push_back(std::move(s)); },
      [&](const std::string& m) {
        if (errors != nullptr) errors->push_back(m);
      });
  return out;
}

TEST(IobTest, ChunksFromIob2) {
  std::vector<Chunk> c = ChunksFromTags({"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"});
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], (Chunk{"PER", 0, 1}));
  EXPECT_EQ(c[1], (Chunk{"LOC", 3, 3}));
  EXPECT_EQ(c[2], (Chunk{"LOC", 4, 5}));
}

TEST(IobTest, ChunksLenient) {
  // IO tagging (wikigold): runs of one type; a type change starts a new entity.
  std::vector<Chunk> c = ChunksFromTags({"I-ORG", "I-ORG", "I-PER", "O", "I-LOC"});
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], (Chunk{"ORG", 0, 1}));
  EXPECT_EQ(c[1], (Chunk{"PER", 2, 2}));
  EXPECT_EQ(c[2], (Chunk{"LOC", 4, 4}));
  // BIOES / BILOU, lower-case and long type names; MISC dropped.
  c = ChunksFromTags({"S-person", "B-location", "E-location", "B-MISC", "I-MISC", "U-Organisation",
                      "B-corporation", "L-corporation"});
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0], (Chunk{"PER", 0, 0}));
  EXPECT_EQ(c[1], (Chunk{"LOC", 1, 2}));
  EXPECT_EQ(c[2], (Chunk{"ORG", 5, 5}));
  EXPECT_EQ(c[3], (Chunk{"ORG", 6, 7}));
  c = ChunksFromTags({"B-group", "I-group", "B-product"});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0], (Chunk{"ORG", 0, 1}));
}

TEST(IobTest, TagsRoundTrip) {
  std::vector<std::string> tags = {"O", "B-ORG", "I-ORG", "B-ORG", "O", "B-PER"};
  EXPECT_EQ(TagsFromChunks(ChunksFromTags(tags), tags.size()), tags);
}

TEST(IobTest, ReadsUnerIob2) {
  const char* text =
      "# newdoc id = d1\n"
      "# sent_id = s-1\n"
      "# text = Ann met Bo Li in tampa\n"
      "1\tAnn\tB-PER\t-\tx\n"
      "2\tmet\tO\t-\t-\n"
      "3\tBo\tB-PER\t-\tx\n"
      "4\tLi\tI-PER\t-\tx\n"
      "5\tin\tO\t-\t-\n"
      "6\ttampa\tB-LOC\t-\tx\n"
      "\n"
      "# sent_id = s-2\n"
      "1\t#\tO\t-\t-\n"
      "\n";
  std::vector<LabeledSentence> s = Read(text, IobFormat::kAuto);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].sentence.id, "s-1");
  ASSERT_EQ(s[0].sentence.words.size(), 6u);
  EXPECT_EQ(s[0].sentence.words[5].form, "tampa");
  EXPECT_EQ(s[0].sentence.words[2].span, (Span{8, 10}));
  ASSERT_EQ(s[0].chunks.size(), 3u);
  EXPECT_EQ(s[0].chunks[1], (Chunk{"PER", 2, 3}));
  EXPECT_EQ(s[1].sentence.words[0].form, "#");
}

TEST(IobTest, ReadsConllColumns) {
  // Space- and tab-separated columns, DOCSTART, lines of only a tab as separators, CRLF.
  const char* text =
      "-DOCSTART- O\n\n"
      "The O\nUN I-ORG\nmet\tB-org\r\n"
      "\t\n"
      "Paris NNP B-NP I-LOC\n";
  std::vector<LabeledSentence> s = Read(text, IobFormat::kConll);
  ASSERT_EQ(s.size(), 2u);
  ASSERT_EQ(s[0].chunks.size(), 2u);
  EXPECT_EQ(s[0].chunks[0], (Chunk{"ORG", 1, 1}));
  EXPECT_EQ(s[0].chunks[1], (Chunk{"ORG", 2, 2}));
  ASSERT_EQ(s[1].chunks.size(), 1u);
  EXPECT_EQ(s[1].chunks[0], (Chunk{"LOC", 0, 0}));
}

TEST(IobTest, MalformedSentenceIsSkippedAndReported) {
  std::vector<std::string> errors;
  std::vector<LabeledSentence> s =
      Read("Ann B-PER\nlonely\n\nBo B-PER\n", IobFormat::kConll, &errors);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].sentence.words[0].form, "Bo");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("line 1"), std::string::npos);
}

TEST(IobTest, FormatNames) {
  EXPECT_TRUE(ParseIobFormat("iob2").ok());
  EXPECT_TRUE(ParseIobFormat("conll").ok());
  EXPECT_FALSE(ParseIobFormat("json").ok());
}

TEST(NerScoresTest, HandCounted) {
  NerScores s;
  // Sentence 1: gold PER 0-1, LOC 3; system PER 0-1 (right), LOC 3-4 (wrong span), ORG 6
  // (spurious).
  s.Add({{"PER", 0, 1}, {"LOC", 3, 3}}, {{"PER", 0, 1}, {"LOC", 3, 4}, {"ORG", 6, 6}});
  // Sentence 2: gold ORG 2; system LOC 2 (wrong type).
  s.Add({{"ORG", 2, 2}}, {{"LOC", 2, 2}});
  EXPECT_EQ(s.all.gold, 3u);
  EXPECT_EQ(s.all.system, 4u);
  EXPECT_EQ(s.all.correct, 1u);
  EXPECT_DOUBLE_EQ(s.all.Precision(), 0.25);
  EXPECT_DOUBLE_EQ(s.all.Recall(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.all.F1(), 2.0 / 7);  // 2 * 1 / (3 + 4)
  EXPECT_EQ(s.by_type["PER"].correct, 1u);
  EXPECT_DOUBLE_EQ(s.by_type["PER"].F1(), 1.0);
  EXPECT_EQ(s.by_type["LOC"].gold, 1u);
  EXPECT_EQ(s.by_type["LOC"].system, 2u);
  EXPECT_DOUBLE_EQ(s.by_type["LOC"].F1(), 0.0);
  EXPECT_DOUBLE_EQ(s.by_type["ORG"].Recall(), 0.0);
}

TEST(NerScoresTest, EmptyIsZeroNotNan) {
  NerScores s;
  s.Add({}, {});
  EXPECT_EQ(s.all.F1(), 0.0);
  EXPECT_EQ(s.all.Precision(), 0.0);
}

}  // namespace
}  // namespace annals::nlp::ner
