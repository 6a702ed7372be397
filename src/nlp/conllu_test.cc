// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/conllu.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals::nlp {
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

const char kBlock[] =
    "# newdoc id = d1\n"
    "# sent_id = d1-1\n"
    "# text = Kim didn't go.\n"
    "1\tKim\tKim\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t3\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\tgo\tgo\tVERB\tVB\t_\t3\txcomp\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n";

TEST(ConlluTest, ParsesWordsTokensAndOffsets) {
  Result<ConlluSentence> r = ParseConlluBlock(Lines(kBlock), 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Sentence& s = r->sentence;
  EXPECT_TRUE(r->newdoc);
  EXPECT_EQ(r->newdoc_id, "d1");
  EXPECT_EQ(s.id, "d1-1");
  EXPECT_EQ(r->text, "Kim didn't go.");
  ASSERT_EQ(s.words.size(), 5u);
  ASSERT_EQ(s.tokens.size(), 4u);
  EXPECT_EQ(s.tokens[1].form, "didn't");
  EXPECT_EQ(s.tokens[1].word_count, 2);
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[0].feats, "Number=Sing");
  EXPECT_EQ(s.words[2].head, 0);
  // "didn't" spans bytes 4..10 of the text; both its words share the span.
  EXPECT_EQ(s.words[1].span, (Span{4, 10}));
  EXPECT_EQ(s.words[2].span, (Span{4, 10}));
  EXPECT_EQ(s.tokens[3].span, (Span{13, 14}));
  EXPECT_FALSE(s.tokens[2].space_after);
}

TEST(ConlluTest, RoundTripsWithOffsets) {
  Result<ConlluSentence> r = ParseConlluBlock(Lines(kBlock), 1);
  ASSERT_TRUE(r.ok());
  std::string written = WriteConllu(r->sentence, r->text, /*offsets=*/true);
  EXPECT_EQ(written.rfind("# newdoc id = d1\n# sent_id = d1-1\n", 0), 0u) << written;
  EXPECT_NE(written.find("2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=4:10\n"), std::string::npos)
      << written;
  EXPECT_NE(written.find("4\tgo\tgo\tVERB\tVB\t_\t3\txcomp\t_\tSpaceAfter=No|TokenRange=11:13\n"),
            std::string::npos);
  std::vector<std::string> lines = Lines(written);
  lines.pop_back();  // Trailing blank line.
  Result<ConlluSentence> again = ParseConlluBlock(lines, 1);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->sentence.words.size(), 5u);
  EXPECT_EQ(again->sentence.tokens[3].span, (Span{13, 14}));
  EXPECT_EQ(again->text, "Kim didn't go.");
}

TEST(ConlluTest, RejectsBadLinesWithLineNumbers) {
  std::vector<std::string> bad = {"# sent_id = x", "1\tA\ta\tNOUN\tNN\t_\t0\troot\t_"};
  Result<ConlluSentence> r = ParseConlluBlock(bad, 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "line 11: expected 10 tab-separated columns, got 9");

  std::vector<std::string> gap = {"1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\t_",
                                  "3\tB\tb\tNOUN\tNN\t_\t1\tdep\t_\t_"};
  r = ParseConlluBlock(gap, 1);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2: word id '3' out of sequence"), std::string::npos);

  std::vector<std::string> head = {"1\tA\ta\tNOUN\tNN\t_\t7\troot\t_\t_"};
  EXPECT_FALSE(ParseConlluBlock(head, 1).ok());

  // A multiword token whose range runs past the sentence's last word (found by the fuzzer).
  std::vector<std::string> range = {"1-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
                                    "1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_",
                                    "2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_"};
  r = ParseConlluBlock(range, 5);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "line 5: multiword token 'don't' spans words 1-3, beyond the sentence's 2 words");
}

TEST(ConlluTest, RebuildsTextWithoutTextComment) {
  std::vector<std::string> lines = {"1\tHello\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No",
                                    "2\t,\t_\t_\t_\t_\t_\t_\t_\t_",
                                    "3\tworld\t_\t_\t_\t_\t_\t_\t_\t_"};
  Result<ConlluSentence> r = ParseConlluBlock(lines, 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Hello, world");
  EXPECT_EQ(r->sentence.words[2].span, (Span{7, 12}));
  EXPECT_EQ(r->sentence.words[0].head, -1);
}

}  // namespace
}  // namespace annals::nlp
