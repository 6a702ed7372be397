// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The CoNLL-U reader: documents at # newdoc, paragraphs at # newpar, spans shifted into the
// document text, sentence ids and comments kept. (Output fields are pinned by the golden test.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/byte_source.h"
#include "io/format_readers.h"

namespace annals::io {
namespace {

class Sink : public DocumentSink {
 public:
  bool Accept(Document&& d) override {
    docs.push_back(std::move(d));
    return true;
  }
  void OnReject(const Reject& r) override { rejects.push_back(r); }
  std::vector<Document> docs;
  std::vector<Reject> rejects;
};

constexpr char kTwoDocs[] =
    "# newdoc id = first\n# newpar\n# sent_id = s1\n# text = Rebels fired.\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tfired\tfire\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "# sent_id = s2\n# text = Police didn't.\n"
    "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t0\troot\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "# newpar\n# sent_id = s3\n# note = kept\n# text = Calm.\n"
    "1\tCalm\tcalm\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
    "# newdoc\n# sent_id = t1\n# text = Next.\n"
    "1\tNext\tnext\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

TEST(ConlluReaderTest, DocumentsParagraphsAndSpans) {
  auto src = MemorySource(kTwoDocs);
  Sink sink;
  ReadStats stats;
  const ReaderOptions options;  // ReadContext keeps a reference: it must outlive ctx.
  ReadContext ctx(options, sink, "mem.conllu", stats);
  ASSERT_TRUE(ReadConlluInput(*src, ctx).ok());
  ASSERT_TRUE(sink.rejects.empty()) << sink.rejects[0].Message();
  ASSERT_EQ(sink.docs.size(), 2u);
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.id, "first");
  EXPECT_EQ(d.text, "Rebels fired. Police didn't.\n\nCalm.");
  EXPECT_EQ(d.origin_location, "line 1");
  EXPECT_EQ(d.origin_offset, 0u);
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.sentences[0].id, "s1");
  EXPECT_EQ(d.sentences[1].id, "s2");
  EXPECT_EQ(d.sentences[2].id, "s3");
  for (const Sentence& s : d.sentences) {
    for (const Token& t : s.tokens) {
      EXPECT_EQ(d.text.substr(t.span.begin, t.span.size()), t.form) << s.id;
    }
    for (const Word& w : s.words) EXPECT_FALSE(w.span.empty()) << s.id << " " << w.form;
  }
  EXPECT_EQ(d.text.substr(d.sentences[1].span.begin, d.sentences[1].span.size()), "Police didn't.");
  EXPECT_EQ(d.text.substr(d.sentences[2].span.begin, d.sentences[2].span.size()), "Calm.");
  // The multiword token's two words share its span.
  EXPECT_EQ(d.sentences[1].words[1].span, d.sentences[1].words[2].span);
  EXPECT_EQ(d.sentences[1].words[1].head, 0);
  // Comments kept verbatim (including # newpar), sent_id and text are fields.
  std::vector<std::string> want = {"# newpar", "# note = kept"};
  EXPECT_EQ(d.sentences[2].comments, want);
  // A # newdoc without id gets the derived id.
  const Document& e = sink.docs[1];
  EXPECT_EQ(e.text, "Next.");
  EXPECT_EQ(e.id, DerivedDocumentId("", "Next."));
  EXPECT_EQ(e.origin_location, "line 24");
}

TEST(ConlluReaderTest, InvalidUtf8IsRejectedByLine) {
  std::string in =
      "# text = Bad \xff.\n1\tBad\tbad\tADJ\tJJ\t_\t0\troot\t_\t_\n\n"
      "# text = Good.\n1\tGood\tgood\tADJ\tJJ\t_\t0\troot\t_\t_\n";
  auto src = MemorySource(in);
  Sink sink;
  ReadStats stats;
  const ReaderOptions options;  // ReadContext keeps a reference: it must outlive ctx.
  ReadContext ctx(options, sink, "u.conllu", stats);
  ASSERT_TRUE(ReadConlluInput(*src, ctx).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "Good.");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].Message(), "u.conllu:line 1: invalid UTF-8 at byte 13 of the line");
}

TEST(ConlluReaderTest, OversizedDocumentIsRejected) {
  ReaderOptions options;
  options.max_record_bytes = 8;
  std::string in =
      "# newdoc id = big\n# text = Long sentence.\n1\tLong\tlong\tADJ\tJJ\t_\t0\troot\t_\t_\n\n"
      "# newdoc id = ok\n# text = Ok.\n1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n";
  auto src = MemorySource(in);
  Sink sink;
  ReadStats stats;
  ReadContext ctx(options, sink, "big.conllu", stats);
  ASSERT_TRUE(ReadConlluInput(*src, ctx).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].id, "ok");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].Message(),
            "big.conllu:line 1: document longer than the limit of 8 bytes");
}

}  // namespace
}  // namespace annals::io

namespace annals::io {
namespace {

// Annals' own output carries TokenRange offsets into the document it came from; read back, the
// spans must point into the new document text all the same.
TEST(ConlluReaderTest, TokenRangesFromAnotherDocumentAreRealigned) {
  std::string in =
      "# text = Talks ended.\n"
      "1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\tTokenRange=40:45\n"
      "2\tended\tend\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No|TokenRange=46:51\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tTokenRange=51:52\n\n"
      "# text = Then came an empty form.\n"
      "1\tThen\tthen\tADV\tRB\t_\t2\tadvmod\t_\t_\n"
      "2\t\t_\tX\tX\t_\t0\troot\t_\t_\n";
  auto src = MemorySource(in);
  Sink sink;
  ReadStats stats;
  const ReaderOptions options;  // ReadContext keeps a reference: it must outlive ctx.
  ReadContext ctx(options, sink, "r.conllu", stats);
  ASSERT_TRUE(ReadConlluInput(*src, ctx).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.text, "Talks ended. Then came an empty form.");
  ASSERT_EQ(d.sentences.size(), 2u);
  for (const Sentence& s : d.sentences) {
    ASSERT_LE(s.span.end, d.text.size());
    for (const Token& t : s.tokens) {
      ASSERT_LE(t.span.end, d.text.size());
      EXPECT_EQ(d.text.substr(t.span.begin, t.span.size()), t.form);
    }
  }
  EXPECT_EQ(d.sentences[0].tokens[1].span, (Span{6, 11}));
}

}  // namespace
}  // namespace annals::io
