// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>

#include "io/byte_source.h"
#include "io/format_readers.h"
#include "io/web_test_util.h"

namespace annals::io {
namespace {

using testing::CollectingSink;
using testing::ExpectGolden;
using testing::ReadTestFile;
using testing::SinkJson;

const std::string kDir = "src/io/testdata/web/";

struct FeedRun {
  Status status;
  CollectingSink sink;
  ReadStats stats;
};

void RunFeed(const std::string& data, FeedRun& run, const ReaderOptions& options = {},
             bool gzip = false) {
  ReadContext ctx(options, run.sink, "feed.xml", run.stats);
  std::string gz;
  std::unique_ptr<ByteSource> src;
  if (gzip) {
    gz = testing::Gzip(data);
    src = GzipSource(MemorySource(gz));
  } else {
    src = MemorySource(data);
  }
  run.status = ReadFeedInput(*src, ctx);
}

TEST(FeedSourceNameTest, PublisherBeforeTheSection) {
  EXPECT_EQ(FeedSourceName("Northgate Dispatch: World"), "Northgate Dispatch");
  EXPECT_EQ(FeedSourceName("Monsoon Review - Asia"), "Monsoon Review");
  EXPECT_EQ(FeedSourceName("Plains Gazette | Top stories - Local"), "Plains Gazette");
  EXPECT_EQ(FeedSourceName("Harbor Times \xE2\x80\x94 Politics"), "Harbor Times");
  EXPECT_EQ(FeedSourceName("  Coastal Wire & Co  "), "Coastal Wire & Co");
  EXPECT_EQ(FeedSourceName("Al-Wasat News"), "Al-Wasat News");  // A hyphen is not a separator.
  EXPECT_EQ(FeedSourceName(": World"), ": World");              // Nothing before it: keep all.
  EXPECT_EQ(FeedSourceName(""), "");
}

TEST(FeedReaderTest, ItemsTakeTheFeedPublisherAndTheLocalDate) {
  FeedRun run;
  RunFeed(
      "<rss version='2.0'><channel><title>Northgate Dispatch: World</title>"
      "<item><title>Talks</title><description>KYIV, Sept 2 (Wire Service) - Envoys met."
      "</description>"
      "<pubDate>Tue, 2 Sep 2025 23:30:00 -0500</pubDate></item></channel></rss>",
      run);
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_EQ(run.sink.documents.size(), 1u);
  EXPECT_EQ(run.sink.documents[0].source, "Northgate Dispatch");
  // Kept as published: not moved to 2025-09-03 in UTC.
  EXPECT_EQ(run.sink.documents[0].date, "2025-09-02T23:30:00-05:00");
  // Every format's text may open with a wire dateline; it is exposed, the feed's source kept.
  ASSERT_TRUE(run.sink.documents[0].dateline.has_value());
  EXPECT_EQ(run.sink.documents[0].dateline->place, "KYIV");
  EXPECT_EQ(run.sink.documents[0].dateline->agency, "Wire Service");
}

TEST(FeedReaderTest, MalformedRss) {
  FeedRun run;
  RunFeed(ReadTestFile(kDir + "rss_malformed.xml"), run);
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ExpectGolden(kDir + "rss_malformed.expected.json", SinkJson(run.sink));
  // Items 1, 2, 4, 5 are documents; 3 (empty) and 6 (truncated) are rejects.
  EXPECT_EQ(run.sink.documents.size(), 4u);
  ASSERT_EQ(run.sink.rejects.size(), 2u);
  EXPECT_EQ(run.sink.rejects[0].location, "item 3");
  EXPECT_EQ(run.sink.rejects[0].reason, "item has no title and no text");
  EXPECT_EQ(run.sink.rejects[1].location, "item 6");
  EXPECT_EQ(run.sink.rejects[1].file, "feed.xml");
  EXPECT_EQ(run.stats.documents, 4u);
  EXPECT_EQ(run.stats.rejects, 2u);
}

TEST(FeedReaderTest, Atom) {
  FeedRun run;
  RunFeed(ReadTestFile(kDir + "atom_feed.xml"), run);
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ExpectGolden(kDir + "atom_feed.expected.json", SinkJson(run.sink));
}

TEST(FeedReaderTest, Rss1RdfInLatin1) {
  FeedRun run;
  RunFeed(ReadTestFile(kDir + "rdf_feed.xml"), run);
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ExpectGolden(kDir + "rdf_feed.expected.json", SinkJson(run.sink));
}

TEST(FeedReaderTest, GzippedFeedGivesTheSameDocuments) {
  FeedRun plain, gz;
  std::string data = ReadTestFile(kDir + "atom_feed.xml");
  RunFeed(data, plain);
  RunFeed(data, gz, {}, /*gzip=*/true);
  EXPECT_EQ(SinkJson(plain.sink), SinkJson(gz.sink));
}

TEST(FeedReaderTest, UnparseableInputIsAnError) {
  for (const char* bad : {"", "not xml at all", "\x01\x02\x03", "<?xml version='1.0'?>"}) {
    FeedRun run;
    RunFeed(bad, run);
    EXPECT_EQ(run.status.code(), StatusCode::kDataLoss) << bad;
    EXPECT_NE(run.status.message().find("unparseable feed"), std::string::npos)
        << run.status.message();
  }
  FeedRun html;
  RunFeed("<html><body><p>hello</p></body></html>", html);
  EXPECT_EQ(html.status.code(), StatusCode::kDataLoss);
  EXPECT_EQ(html.status.message(), "not an RSS or Atom feed: the root element is <html>");
}

TEST(FeedReaderTest, EmptyFeedIsOkWithNoDocuments) {
  FeedRun run;
  RunFeed("<rss version='2.0'><channel><title>T</title></channel></rss>", run);
  EXPECT_TRUE(run.status.ok());
  EXPECT_TRUE(run.sink.documents.empty());
  EXPECT_TRUE(run.sink.rejects.empty());
}

TEST(FeedReaderTest, ItemLimitsAndStop) {
  std::string feed = "<rss><channel><title>T</title>";
  for (int i = 0; i < 5; ++i) {
    feed += "<item><title>Item " + std::to_string(i) + "</title><description>" +
            std::string(200, 'x') + "</description></item>";
  }
  feed += "</channel></rss>";
  ReaderOptions small;
  small.max_record_bytes = 100;
  FeedRun run;
  RunFeed(feed, run, small);
  EXPECT_TRUE(run.status.ok());
  EXPECT_EQ(run.sink.documents.size(), 0u);
  ASSERT_EQ(run.sink.rejects.size(), 5u);
  EXPECT_NE(run.sink.rejects[4].reason.find("max_record_bytes"), std::string::npos);

  FeedRun stop;
  stop.sink.stop_after = 2;
  RunFeed(feed, stop);
  EXPECT_TRUE(stop.status.ok());
  EXPECT_EQ(stop.sink.documents.size(), 2u);
}

TEST(FeedReaderTest, TruncatedGzipFeedRejectsAndKeepsEarlierItems) {
  std::string feed = "<rss><channel><title>T</title>";
  for (int i = 0; i < 50; ++i) {
    feed += "<item><title>Item " + std::to_string(i) + "</title><description>Body " +
            std::to_string(i) + " " + std::string(300, 'a' + i % 26) + "</description></item>";
  }
  feed += "</channel></rss>";
  std::string gz = testing::Gzip(feed);
  gz.resize(gz.size() * 2 / 3);
  FeedRun run;
  ReaderOptions options;  // ReadContext keeps a reference: it must outlive the context.
  ReadContext ctx(options, run.sink, "feed.xml.gz", run.stats);
  auto src = GzipSource(MemorySource(gz));
  run.status = ReadFeedInput(*src, ctx);
  EXPECT_TRUE(run.status.ok()) << run.status.ToString();
  EXPECT_GT(run.sink.documents.size(), 5u);
  EXPECT_LT(run.sink.documents.size(), 50u);
  bool gzip_reject = false;
  for (const Reject& r : run.sink.rejects) {
    gzip_reject = gzip_reject || r.reason.find("truncated gzip member") != std::string::npos;
  }
  EXPECT_TRUE(gzip_reject);
}

}  // namespace
}  // namespace annals::io
