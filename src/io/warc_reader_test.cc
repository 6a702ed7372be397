// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/warc_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "io/byte_source.h"
#include "io/web_test_util.h"

namespace annals::io {
namespace {

using testing::Chunked;
using testing::CollectingSink;
using testing::Deflate;
using testing::ExpectGolden;
using testing::Gzip;
using testing::HttpResponse;
using testing::ReadTestFile;
using testing::SinkJson;
using testing::WarcRecord;

const std::string kDir = "src/io/testdata/web/";

std::string Page(const std::string& name) { return ReadTestFile(kDir + name); }

std::string Response(const std::string& uri, const std::string& date, const std::string& id,
                     const std::string& http) {
  return WarcRecord("response", uri, date, id, "application/http; msgtype=response", http);
}

// The members of sample.warc.gz, one record each (as crawlers write them), in order.
std::vector<std::string> SampleRecords() {
  std::vector<std::string> r;
  r.push_back(WarcRecord("warcinfo", "", "2025-09-03T10:00:00Z", "info-1",
                         "application/warc-fields",
                         "software: annals-test\r\nformat: WARC File Format 1.1\r\n"));
  r.push_back(WarcRecord("request", "https://www.valleycourier.example/world/river-treaty-2025",
                         "2025-09-03T10:00:01Z", "req-1", "application/http; msgtype=request",
                         "GET /world/river-treaty-2025 HTTP/1.1\r\nHost: "
                         "www.valleycourier.example\r\n\r\n"));
  // Chunked HTML.
  r.push_back(Response("https://www.valleycourier.example/world/river-treaty-2025",
                       "2025-09-03T10:00:02Z", "resp-1",
                       HttpResponse("HTTP/1.1 200 OK",
                                    "Content-Type: text/html; charset=utf-8\r\n"
                                    "Transfer-Encoding: chunked\r\n",
                                    Chunked(Page("news_article.html"), 700))));
  r.push_back(WarcRecord("metadata", "https://www.valleycourier.example/world/river-treaty-2025",
                         "2025-09-03T10:00:02Z", "meta-1", "application/warc-fields",
                         "fetchTimeMs: 120\r\n"));
  // gzip Content-Encoding, and a Target-URI in angle brackets (WARC 1.0 style).
  r.push_back(Response(
      "<http://harbourdaily.example/2025/03/strike>", "2025-09-03T10:00:03Z", "resp-2",
      HttpResponse("HTTP/1.1 200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                   Gzip(Page("blog_divs.html")))));
  // Not articles: an error page and an image.
  r.push_back(Response("https://www.valleycourier.example/missing", "2025-09-03T10:00:04Z",
                       "resp-3",
                       HttpResponse("HTTP/1.1 404 Not Found", "Content-Type: text/html\r\n",
                                    "<html><body><p>This page does not exist, sorry about "
                                    "that.</p></body></html>")));
  r.push_back(Response("https://www.valleycourier.example/logo.png", "2025-09-03T10:00:05Z",
                       "resp-4",
                       HttpResponse("HTTP/1.1 200 OK", "Content-Type: image/png\r\n",
                                    std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))));
  // A page without text: rejected.
  r.push_back(Response(
      "https://www.valleycourier.example/app", "2025-09-03T10:00:06Z", "resp-5",
      HttpResponse("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", Page("no_text.html"))));
  // A corrupt header line: rejected, then resync.
  r.push_back(
      "WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\nContent-Length: "
      "5\r\n\r\nhello\r\n\r\n");
  // Content-Length larger than the block: rejected; the record after it must survive.
  std::string bad =
      Response("https://x.example/", "2025-09-03T10:00:07Z", "resp-6",
               HttpResponse("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", "<p>short</p>"));
  bad.replace(bad.find("Content-Length: ") + 16, 2, "99");
  r.push_back(bad);
  // deflate Content-Encoding, latin-1 declared by HTTP, no date in the page: WARC-Date is used.
  std::string latin = Page("latin1_br.html");
  latin.erase(latin.find("<meta name=\"date\""),
              latin.find(">\n<", latin.find("<meta name=\"date\"")) -
                  latin.find("<meta name=\"date\"") + 2);
  r.push_back(Response("https://www.cafes.example/news/1", "2025-09-03T10:00:08Z", "resp-7",
                       HttpResponse("HTTP/1.0 200 OK",
                                    "Content-Type: text/html; charset=\"ISO-8859-1\"\r\n"
                                    "Content-Encoding: deflate\r\n",
                                    Deflate(latin))));
  // A resource record holding HTML directly.
  r.push_back(WarcRecord("resource", "https://archive.example/page.html", "2025-09-03T10:00:09Z",
                         "res-1", "text/html",
                         "<html><body><article><p>A resource record stored without HTTP "
                         "headers still holds an article.</p></article></body></html>"));
  // The last record's member is cut off by the end of the file.
  r.push_back(Response(
      "https://www.valleycourier.example/last", "2025-09-03T10:00:10Z", "resp-8",
      HttpResponse("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", Page("news_article.html"))));
  return r;
}

std::string BuildSampleWarcGz() {
  std::string out;
  std::vector<std::string> records = SampleRecords();
  for (size_t i = 0; i < records.size(); ++i) {
    std::string member = Gzip(records[i]);
    if (i + 1 == records.size()) member.resize(member.size() / 2);
    out += member;
  }
  return out;
}

struct WarcRun {
  Status status;
  CollectingSink sink;
  ReadStats stats;
  WarcCounts counts;
};

void RunWarc(const std::string& data, bool gzip, WarcRun& run, const ReaderOptions& options = {}) {
  ReadContext ctx(options, run.sink, "test.warc", run.stats);
  std::unique_ptr<ByteSource> src = MemorySource(data);
  if (gzip) src = GzipSource(std::move(src));
  run.status = ReadWarcRecords(*src, ctx, &run.counts);
}

TEST(WarcReaderTest, SampleWarcGz) {
  const std::string path = kDir + "sample.warc.gz";
  const char* update = std::getenv("ANNALS_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << BuildSampleWarcGz();
  }
  WarcRun run;
  RunWarc(ReadTestFile(path), /*gzip=*/true, run);
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ExpectGolden(kDir + "sample.warc.expected.json", SinkJson(run.sink));

  EXPECT_EQ(run.counts.records, 13u);
  EXPECT_EQ(run.counts.documents, 4u);
  EXPECT_EQ(run.counts.skipped, 5u);
  EXPECT_EQ(run.counts.skipped_by_reason["warcinfo"], 1u);
  EXPECT_EQ(run.counts.skipped_by_reason["request"], 1u);
  EXPECT_EQ(run.counts.skipped_by_reason["metadata"], 1u);
  EXPECT_EQ(run.counts.skipped_by_reason["response: status 404"], 1u);
  EXPECT_EQ(run.counts.skipped_by_reason["response: image/png"], 1u);
  ASSERT_EQ(run.counts.rejects, 4u);
  ASSERT_EQ(run.sink.rejects.size(), 4u);
  EXPECT_EQ(run.sink.rejects[0].location, "record 8");
  EXPECT_EQ(run.sink.rejects[0].reason, "no article text found");
  EXPECT_EQ(run.sink.rejects[1].location, "record 9");
  EXPECT_NE(run.sink.rejects[1].reason.find("bad header line"), std::string::npos);
  EXPECT_EQ(run.sink.rejects[2].location, "record 10");
  EXPECT_NE(run.sink.rejects[2].reason.find("wrong Content-Length"), std::string::npos);
  EXPECT_EQ(run.sink.rejects[3].location, "record 13");
  EXPECT_NE(run.sink.rejects[3].reason.find("truncated gzip member"), std::string::npos);
  EXPECT_EQ(run.stats.documents, 4u);
  EXPECT_EQ(run.stats.rejects, 4u);
}

TEST(WarcReaderTest, UncompressedWarcGivesTheSameDocuments) {
  std::string plain;
  std::vector<std::string> records = SampleRecords();
  records.pop_back();
  for (const std::string& r : records) plain += r;
  WarcRun a, b;
  RunWarc(plain, false, a);
  std::string gz;
  for (const std::string& r : records) gz += Gzip(r);
  RunWarc(gz, true, b);
  ASSERT_TRUE(a.status.ok());
  EXPECT_EQ(a.sink.documents.size(), 4u);
  EXPECT_EQ(SinkJson(a.sink), SinkJson(b.sink));
}

TEST(WarcReaderTest, CorruptMiddleMemberIsRejectedAndReadingContinues) {
  std::vector<std::string> records = SampleRecords();
  std::string gz = Gzip(records[2]);
  std::string broken = Gzip(records[4]);
  for (size_t i = 30; i + 20 < broken.size(); i += 7)
    broken[i] = static_cast<char>(broken[i] ^ 0x5a);
  gz += broken + Gzip(records[10]);
  WarcRun run;
  RunWarc(gz, true, run);
  ASSERT_TRUE(run.status.ok());
  ASSERT_EQ(run.sink.documents.size(), 2u);
  EXPECT_EQ(run.sink.documents[0].origin_location, "record 1");
  EXPECT_EQ(run.sink.documents[1].url, "https://www.cafes.example/news/1");
  EXPECT_EQ(run.sink.documents[1].date, "2025-09-03T10:00:08Z");  // WARC-Date fallback.
  ASSERT_GE(run.sink.rejects.size(), 1u);
  EXPECT_EQ(run.sink.rejects[0].location, "record 2");
  EXPECT_NE(run.sink.rejects[0].reason.find("gzip member"), std::string::npos);
}

TEST(WarcReaderTest, HeaderFaults) {
  const std::string good = WarcRecord("resource", "https://a.example/", "2025-01-01T00:00:00Z", "r",
                                      "text/html", "<p>Good record text here.</p>");
  struct Case {
    std::string record, reason;
  };
  const Case cases[] = {
      {"WARC/1.1\r\nWARC-Type: resource\r\n\r\nxx\r\n\r\n", "missing Content-Length"},
      {"WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\n", "bad Content-Length"},
      {"WARC/1.1\r\nContent-Length: 2\r\n\r\nxx\r\n\r\n", "missing WARC-Type"},
      {"WARC/1.1\r\n: no name\r\nContent-Length: 2\r\n\r\nxx\r\n\r\n", "bad header line"},
      {"garbage line\r\nmore garbage\r\n", "expected a WARC/1.x version line"},
  };
  for (const Case& c : cases) {
    WarcRun run;
    RunWarc(good + c.record + good, false, run);
    ASSERT_TRUE(run.status.ok()) << c.reason;
    EXPECT_EQ(run.sink.documents.size(), 2u) << c.reason;
    ASSERT_EQ(run.sink.rejects.size(), 1u) << c.reason;
    EXPECT_EQ(run.sink.rejects[0].location, "record 2");
    EXPECT_EQ(run.sink.rejects[0].offset, good.size());
    EXPECT_NE(run.sink.rejects[0].reason.find(c.reason), std::string::npos)
        << run.sink.rejects[0].reason;
  }
  // Content-Length beyond the end of the data.
  WarcRun run;
  std::string cut = good + good.substr(0, good.size() - 10);
  RunWarc(cut, false, run);
  EXPECT_EQ(run.sink.documents.size(), 1u);
  ASSERT_EQ(run.sink.rejects.size(), 1u);
  EXPECT_NE(run.sink.rejects[0].reason.find("beyond the end of the data"), std::string::npos);
}

TEST(WarcReaderTest, NotAWarcFileIsAnError) {
  for (const std::string bad : {"<html><p>not a warc</p></html>", "WAR", "\r\n\r\nHTTP/1.1 200"}) {
    WarcRun run;
    RunWarc(bad, false, run);
    EXPECT_EQ(run.status.code(), StatusCode::kDataLoss) << bad;
  }
  WarcRun empty;
  RunWarc("", false, empty);
  EXPECT_TRUE(empty.status.ok());
  EXPECT_EQ(empty.counts.records, 0u);
}

TEST(WarcReaderTest, OversizedRecordsAreSkippedNotRead) {
  const std::string big = WarcRecord("resource", "https://a.example/", "2025-01-01T00:00:00Z", "r",
                                     "text/html", "<p>" + std::string(5000, 'x') + "</p>");
  const std::string small = WarcRecord("resource", "https://b.example/", "2025-01-01T00:00:00Z",
                                       "s", "text/html", "<p>Small record.</p>");
  ReaderOptions options;
  options.max_record_bytes = 1000;
  WarcRun run;
  RunWarc(big + small, false, run, options);
  ASSERT_EQ(run.sink.documents.size(), 1u);
  EXPECT_EQ(run.sink.documents[0].url, "https://b.example/");
  ASSERT_EQ(run.sink.rejects.size(), 1u);
  EXPECT_NE(run.sink.rejects[0].reason.find("exceeds max_record_bytes"), std::string::npos);
}

TEST(WarcReaderTest, StopsWhenTheSinkSaysSo) {
  const std::string rec = WarcRecord("resource", "https://a.example/", "2025-01-01T00:00:00Z", "r",
                                     "text/html", "<p>Some text.</p>");
  WarcRun run;
  run.sink.stop_after = 2;
  RunWarc(rec + rec + rec + rec, false, run);
  EXPECT_TRUE(run.status.ok());
  EXPECT_EQ(run.sink.documents.size(), 2u);
}

TEST(WarcReaderTest, DechunkAndInflate) {
  EXPECT_EQ(*Dechunk(Chunked("hello world", 3), 100), "hello world");
  EXPECT_EQ(*Dechunk("5;ext=1\r\nhello\r\n0\r\nTrailer: x\r\n\r\n", 100), "hello");
  EXPECT_FALSE(Dechunk("zz\r\nhello\r\n0\r\n\r\n", 100).ok());
  EXPECT_FALSE(Dechunk("50\r\nhello\r\n0\r\n\r\n", 100).ok());
  EXPECT_FALSE(Dechunk(Chunked("hello world", 3), 5).ok());
  const std::string text(10000, 'q');
  EXPECT_EQ(*InflateBody(Gzip(text), 1 << 20), text);
  EXPECT_EQ(*InflateBody(Deflate(text), 1 << 20), text);
  std::string raw = Deflate(text).substr(2);  // Raw deflate, as some servers send.
  EXPECT_EQ(*InflateBody(raw, 1 << 20), text);
  EXPECT_FALSE(InflateBody(Gzip(text), 100).ok());  // Bomb guard.
  EXPECT_FALSE(InflateBody("not compressed at all", 1 << 20).ok());
}

}  // namespace
}  // namespace annals::io
