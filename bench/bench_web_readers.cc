// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Throughput of the web readers on generated input (no ../shared data): HTML article extraction,
// RSS parsing, and WARC.gz reading including gunzip. Bytes processed are input bytes (compressed
// bytes for WARC.gz; the "raw_MB/s" counter gives the decompressed rate).
//
//   build/bench/bench_web_readers --benchmark_min_time=0.5
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "annals/reader.h"
#include "io/byte_source.h"
#include "io/format_readers.h"
#include "io/warc_reader.h"

namespace annals::io {
namespace {

// Deterministic pseudo-text over a vocabulary of a few hundred made-up words, so that pages
// compress about as well as real HTML (ratio 4-6), not better.
class Words {
 public:
  std::string Word() {
    static const char* kSyllables[] = {"ka",  "lo", "mi",  "ten", "ra",  "vos", "de", "un",
                                       "sel", "po", "tri", "an",  "gor", "li",  "ma", "zet"};
    std::string s;
    int n = 1 + static_cast<int>(Next() % 4);
    for (int i = 0; i < n; ++i) s += kSyllables[Next() % 16];
    return s;
  }
  std::string Sentence(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      if (i > 0) s += ' ';
      s += Word();
    }
    s[0] = static_cast<char>(s[0] - 32);
    return s + ".";
  }
  // Minified-script-like filler.
  std::string Code(size_t bytes) {
    std::string s;
    while (s.size() < bytes) s += "var " + Word() + "=" + std::to_string(Next() % 100) + ";";
    return s;
  }

 private:
  uint64_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }
  uint64_t state_ = 42;
};

// A news page of about 45 KB: head with meta tags and scripts, navigation, the article, a
// sidebar of links, a footer.
std::string MakePage(Words& w, int id) {
  std::string h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                  w.Sentence(8) + " | Bench Times</title>";
  h += "<meta property=\"og:site_name\" content=\"Bench Times\">";
  h += "<meta property=\"article:published_time\" content=\"2025-09-02T08:15:00Z\">";
  h += "<link rel=\"canonical\" href=\"https://bench.example/story/" + std::to_string(id) + "\">";
  h += "<style>" + w.Code(3000) + "</style>";
  h += "<script>" + w.Code(6000) + "</script></head><body>";
  h += "<header class=\"site-header\"><nav><ul>";
  for (int i = 0; i < 60; ++i) {
    h += "<li><a href=\"/section/" + std::to_string(i) + "\">" + w.Sentence(2) + "</a></li>";
  }
  h += "</ul></nav></header><main><article><h1>" + w.Sentence(8) + "</h1>";
  h += "<div class=\"byline\">By Bench Writer</div><div class=\"story-body\">";
  for (int i = 0; i < 40; ++i) {
    h += "<p>" + w.Sentence(30) + " <a href=\"/t/" + std::to_string(i) + "\">" + w.Sentence(3) +
         "</a> " + w.Sentence(25) + "</p>\n";
    if (i % 10 == 5) h += "<div class=\"ad-slot\"><script>ads.push(1)</script></div>";
  }
  h += "</div></article></main><aside class=\"sidebar\"><ol>";
  for (int i = 0; i < 40; ++i) {
    h += "<li><a href=\"/popular/" + std::to_string(i) + "\">" + w.Sentence(10) + "</a></li>";
  }
  h += "</ol></aside><footer>" + w.Sentence(20) + "</footer>";
  h += "<script>" + w.Code(8000) + "</script></body></html>";
  return h;
}

std::string GzipMember(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& ct,
                       const std::string& block) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2025-09-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:x>\r\nContent-Type: " +
         ct + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
         "\r\n\r\n";
}

// 50 request/response pairs, one gzip member per record, as crawlers write them. With
// `html == false` the responses are binary (skipped), measuring framing and gunzip alone.
std::string MakeWarcGz(bool html, size_t* raw_size) {
  Words w;
  std::string out;
  *raw_size = 0;
  for (int i = 0; i < 50; ++i) {
    std::string uri = "https://bench.example/story/" + std::to_string(i);
    std::string req = WarcRecord("request", uri, "application/http; msgtype=request",
                                 "GET /story HTTP/1.1\r\nHost: bench.example\r\n\r\n");
    std::string body = MakePage(w, i);
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: " +
                       std::string(html ? "text/html; charset=utf-8" : "application/octet-stream") +
                       "\r\n\r\n" + body;
    std::string resp = WarcRecord("response", uri, "application/http; msgtype=response", http);
    *raw_size += req.size() + resp.size();
    out += GzipMember(req) + GzipMember(resp);
  }
  return out;
}

class CountingSink : public DocumentSink {
 public:
  bool Accept(Document&& doc) override {
    bytes += doc.text.size();
    ++docs;
    return true;
  }
  void OnReject(const Reject&) override { ++rejects; }
  uint64_t bytes = 0, docs = 0, rejects = 0;
};

void BM_HtmlExtract(benchmark::State& state) {
  Words w;
  std::string page = MakePage(w, 1);
  for (auto _ : state) {
    Result<Document> doc = ExtractHtmlArticle(page, "https://bench.example/story/1");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetLabel("docs");
  state.counters["page_KB"] = static_cast<double>(page.size()) / 1024.0;
}
BENCHMARK(BM_HtmlExtract);

void BM_FeedRss(benchmark::State& state) {
  Words w;
  std::string feed =
      "<?xml version=\"1.0\"?><rss version=\"2.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Bench "
      "Feed</title><language>en</language>";
  for (int i = 0; i < 200; ++i) {
    feed += "<item><title>" + w.Sentence(8) + "</title><link>https://bench.example/" +
            std::to_string(i) + "</link><guid>bench-" + std::to_string(i) +
            "</guid><pubDate>Tue, 02 Sep 2025 08:15:00 GMT</pubDate><description>&lt;p&gt;" +
            w.Sentence(40) + "&lt;/p&gt;&lt;p&gt;" + w.Sentence(40) + " &amp; " + w.Sentence(30) +
            "&lt;/p&gt;</description></item>\n";
  }
  feed += "</channel></rss>";
  ReaderOptions options;
  for (auto _ : state) {
    CountingSink sink;
    ReadStats stats;
    ReadContext ctx(options, sink, "bench.xml", stats);
    auto src = MemorySource(feed);
    Status s = ReadFeedInput(*src, ctx);
    benchmark::DoNotOptimize(s);
    if (sink.docs != 200) state.SkipWithError("wrong item count");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * feed.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 200));
  state.SetLabel("docs");
}
BENCHMARK(BM_FeedRss);

void RunWarcBench(benchmark::State& state, bool html) {
  size_t raw = 0;
  std::string warc = MakeWarcGz(html, &raw);
  ReaderOptions options;
  for (auto _ : state) {
    CountingSink sink;
    ReadStats stats;
    ReadContext ctx(options, sink, "bench.warc.gz", stats);
    auto src = GzipSource(MemorySource(warc));
    Status s = ReadWarcInput(*src, ctx);
    benchmark::DoNotOptimize(s);
    if (sink.docs != (html ? 50u : 0u)) state.SkipWithError("wrong document count");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * warc.size()));
  if (html) {
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 50));
    state.SetLabel("docs");
  }
  state.counters["raw_MB/s"] = benchmark::Counter(static_cast<double>(raw) / 1e6,
                                                  benchmark::Counter::kIsIterationInvariantRate);
  state.counters["ratio"] = static_cast<double>(raw) / static_cast<double>(warc.size());
}

// WARC.gz with 50 HTML responses: gunzip + record parsing + article extraction.
void BM_WarcGzHtml(benchmark::State& state) { RunWarcBench(state, true); }
BENCHMARK(BM_WarcGzHtml);

// The same file with non-HTML responses: gunzip + record parsing only.
void BM_WarcGzFramingOnly(benchmark::State& state) { RunWarcBench(state, false); }
BENCHMARK(BM_WarcGzFramingOnly);

}  // namespace
}  // namespace annals::io
