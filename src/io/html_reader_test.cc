// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>

#include "io/byte_source.h"
#include "io/format_readers.h"
#include "io/html_extract.h"
#include "io/web_test_util.h"
#include "util/text.h"

namespace annals::io {
namespace {

using testing::CollectingSink;
using testing::DocumentJson;
using testing::ExpectGolden;
using testing::ReadTestFile;

const std::string kDir = "src/io/testdata/web/";

std::string ExtractJson(const std::string& file, const std::string& url) {
  std::string html = ReadTestFile(kDir + file);
  Result<Document> doc = ExtractHtmlArticle(html, url);
  if (!doc.ok()) return doc.status().ToString();
  return DocumentJson(*doc).dump(2) + "\n";
}

TEST(HtmlExtractTest, NewsArticleWithFurniture) {
  std::string json = ExtractJson("news_article.html", "https://www.valleycourier.example/x?utm=1");
  ExpectGolden(kDir + "news_article.expected.json", json);
  // The things that must not leak into the text, whatever the golden says.
  for (const char* furniture :
       {"Skip to content", "cookies", "Most read", "Share", "Advertisement", "Drought hits",
        "Tags:", "rights reserved", "Photo:", "By Anna", "dataLayer", "Sign up"}) {
    EXPECT_EQ(json.find(furniture), std::string::npos) << furniture;
  }
}

TEST(HtmlExtractTest, DivLayoutChoosesDensestBlock) {
  ExpectGolden(kDir + "blog_divs.expected.json",
               ExtractJson("blog_divs.html", "http://harbourdaily.example/2025/03/strike"));
}

TEST(HtmlExtractTest, Latin1BreakSeparatedText) {
  ExpectGolden(kDir + "latin1_br.expected.json",
               ExtractJson("latin1_br.html", "https://www.cafes.example/news/1"));
}

TEST(HtmlExtractTest, PageWithoutTextIsDataLoss) {
  Result<Document> doc = ExtractHtmlArticle(ReadTestFile(kDir + "no_text.html"), "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(doc.status().message(), "no article text found");
  EXPECT_FALSE(ExtractHtmlArticle("", "").ok());
  EXPECT_FALSE(ExtractHtmlArticle("<html><body>   </body></html>", "").ok());
}

Document MustExtract(const std::string& html, const std::string& url = "") {
  Result<Document> doc = ExtractHtmlArticle(html, url);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : Document();
}

TEST(HtmlExtractTest, TitleSources) {
  const std::string body = "<body><h1>Heading One</h1><p>Some article text long enough.</p></body>";
  EXPECT_EQ(MustExtract("<title>Plain Title</title>" + body).title, "Plain Title");
  EXPECT_EQ(MustExtract("<title>Story | Site Name</title><meta property=og:site_name "
                        "content='Site Name'>" +
                        body)
                .title,
            "Story");
  // Without a matching site name the suffix stays: it may be part of the headline.
  EXPECT_EQ(
      MustExtract("<title>Story - Other</title><meta property=og:site_name content=Site>" + body)
          .title,
      "Story - Other");
  EXPECT_EQ(
      MustExtract("<title>Story - example.org</title>" + body, "https://www.example.org/a").title,
      "Story");
  EXPECT_EQ(MustExtract(body).title, "Heading One");
  EXPECT_EQ(
      MustExtract("<meta property='og:title' content=' OG  title '><title>T</title>" + body).title,
      "OG title");
}

TEST(HtmlExtractTest, DateSourcesInOrder) {
  const std::string body =
      "<body><article><p>Some article text long enough to count.</p>"
      "<time datetime='2025-01-05'>5 Jan</time></article></body>";
  struct Case {
    std::string head, want;
  };
  const Case cases[] = {
      {"<meta property='article:published_time' content='2025-01-01T00:00:00Z'>"
       "<meta name=date content=2025-01-02>",
       "2025-01-01T00:00:00Z"},
      {"<meta name='pubdate' content='20250102'>", "2025-01-02"},
      {"<meta name='DC.date.issued' content='2025-01-03'>", "2025-01-03"},
      {"<meta name='sailthru.date' content='Fri, 03 Jan 2025 10:00:00 -0000'>",
       "2025-01-03T10:00:00Z"},
      {"<meta name='parsely-pub-date' content='2025-01-04T09:00:00Z'>", "2025-01-04T09:00:00Z"},
      {"<meta itemprop='datePublished' content='2025-01-04'>", "2025-01-04"},
      {"<meta name=date content='not a date'>", "2025-01-05"},  // Falls through to <time>.
      {"", "2025-01-05"},
  };
  for (const Case& c : cases) EXPECT_EQ(MustExtract(c.head + body).date, c.want) << c.head;
  // <time> outside the article does not count; JSON-LD does.
  EXPECT_EQ(MustExtract("<body><nav><time datetime='2024-12-31'>x</time></nav><article><p>Text of "
                        "the article, long enough.</p></article></body>")
                .date,
            "");
  EXPECT_EQ(MustExtract("<script type='application/ld+json'>[{\"datePublished\":\"2025-02-01\"}]"
                        "</script><body><p>Text of the article, long enough.</p></body>")
                .date,
            "2025-02-01");
  // Broken JSON-LD is ignored, not fatal.
  EXPECT_EQ(MustExtract("<script type='application/ld+json'>{\"datePublished\":</script>"
                        "<body><p>Text of the article, long enough.</p></body>")
                .date,
            "");
}

TEST(HtmlExtractTest, UrlSourceAndLanguage) {
  Document d = MustExtract(
      "<html lang='pt_br'><head><link rel='canonical' href='//news.example.com/a/b'></head>"
      "<body><p>Text of the article, long enough.</p></body></html>",
      "https://www.news.example.com/a/b?x=1");
  EXPECT_EQ(d.url, "https://news.example.com/a/b");
  EXPECT_EQ(d.source, "news.example.com");
  EXPECT_EQ(d.language, "pt-BR");
  EXPECT_EQ(d.id, DeriveDocumentId("https://news.example.com/a/b", ""));
  d = MustExtract("<meta property='og:url' content='story.html'><p>Text long enough to count.</p>",
                  "http://www.example.org/news/index.html");
  EXPECT_EQ(d.url, "http://www.example.org/news/story.html");
  EXPECT_EQ(d.source, "example.org");
  // No URL at all: the id is the text's hash.
  d = MustExtract("<p>Text long enough to count.</p>");
  EXPECT_EQ(d.url, "");
  EXPECT_EQ(d.id, DeriveDocumentId("", "Text long enough to count."));
  // javascript: and other schemes are not URLs of the page.
  d = MustExtract("<link rel=canonical href='javascript:alert(1)'><p>Text long enough.</p>",
                  "https://a.example/p");
  EXPECT_EQ(d.url, "https://a.example/p");
}

TEST(HtmlExtractTest, DerivedIdsMatchTheOtherReaders) {
  // docs/formats.md, "Document ids": FNV-1a 64 of the URL, else of the collapsed text.
  EXPECT_EQ(DeriveDocumentId("https://a.example/x", "ignored"),
            util::Hex64(util::Fnv1a64("https://a.example/x")));
  EXPECT_EQ(DeriveDocumentId("", " Two\n words  here "),
            util::Hex64(util::Fnv1a64("Two words here")));
}

TEST(HtmlExtractTest, PrefersArticleMarkupAndSkipsHiddenAndLinkLists) {
  Document d = MustExtract(
      "<body><div class=promo><p>A long promotional paragraph that is not part of the story at "
      "all, but has plenty of words in it to look like content.</p></div>"
      "<div itemprop='articleBody'><p>First paragraph of the real story, which is here.</p>"
      "<p style='display: none'>Hidden paragraph text that must not appear.</p>"
      "<ul><li><a href=/1>Link one text</a></li><li><a href=/2>Link two text</a></li></ul>"
      "<p>Second paragraph with <a href=/x>a link</a> inside it.</p></div></body>");
  EXPECT_EQ(d.text,
            "First paragraph of the real story, which is here.\n\nSecond paragraph with a link "
            "inside it.");
}

TEST(HtmlExtractTest, ScriptAndStyleBodiesNeverLeak) {
  Document d = MustExtract(
      "<!-- <script> --><style>p{}</style><p>Visible text here.</p><SCRIPT type=x>var s = "
      "'<p>not text</p></div>';</SCRIPT ><p>More visible text.</p><script src=a.js></script>"
      "<script type='application/ld+json'>{\"datePublished\": \"2025-05-06\"}</script>");
  EXPECT_EQ(d.text, "Visible text here.\n\nMore visible text.");
  EXPECT_EQ(d.date, "2025-05-06");
  // An unterminated script swallows the rest of the page, as in a browser.
  EXPECT_EQ(MustExtract("<p>Before it.</p><script>var x = 1; <p>after</p>").text, "Before it.");
}

TEST(HtmlExtractTest, FragmentToText) {
  EXPECT_EQ(HtmlFragmentToText("  plain   text\n\nsecond  para "), "plain text\n\nsecond para");
  EXPECT_EQ(HtmlFragmentToText("<p>One &amp; two</p><p>Three<br>four</p><script>x()</script>"),
            "One & two\n\nThree\n\nfour");
  EXPECT_EQ(HtmlFragmentToText("Caf&eacute; &lt;b&gt;"), "Caf\xC3\xA9 <b>");
  EXPECT_EQ(HtmlFragmentToText(""), "");
}

TEST(HtmlExtractTest, CharsetConversion) {
  EXPECT_EQ(ToUtf8("caf\xE9 \x93q\x94", "ISO-8859-1"), "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D");
  EXPECT_EQ(ToUtf8("ok \xFF", "utf-8"), "ok \xEF\xBF\xBD");
  EXPECT_EQ(ToUtf8("x", "no-such-charset"), "x");
  // A page labelled latin-1 whose bytes are valid UTF-8 is read as UTF-8.
  Document d = MustExtract("<meta charset=iso-8859-1><p>Caf\xC3\xA9 society gathers.</p>");
  EXPECT_EQ(d.text, "Caf\xC3\xA9 society gathers.");
  d = MustExtract("\xEF\xBB\xBF<p>After a byte order mark.</p>");
  EXPECT_EQ(d.text, "After a byte order mark.");
}

TEST(HtmlExtractTest, DeepNestingDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep text";
  Result<Document> doc = ExtractHtmlArticle(html, "");
  // Text below the depth limit is dropped; what matters is a clean answer.
  EXPECT_TRUE(doc.ok() || doc.status().code() == StatusCode::kDataLoss);
}

TEST(HtmlReaderTest, ReadsOnePagePerInputIncludingGzip) {
  std::string html = ReadTestFile(kDir + "news_article.html");
  ReaderOptions options;
  ReadStats stats;
  CollectingSink sink;
  ReadContext ctx(options, sink, "page.html", stats);
  auto src = MemorySource(html);
  ASSERT_TRUE(ReadHtmlInput(*src, ctx).ok());
  std::string gz = testing::Gzip(html);
  ReadContext ctx2(options, sink, "page.html.gz", stats);
  auto gsrc = GzipSource(MemorySource(gz));
  ASSERT_TRUE(ReadHtmlInput(*gsrc, ctx2).ok());
  ASSERT_EQ(sink.documents.size(), 2u);
  EXPECT_EQ(stats.documents, 2u);
  EXPECT_EQ(sink.documents[0].title, "Ministers agree river treaty after night of talks");
  EXPECT_EQ(sink.documents[0].url, "https://www.valleycourier.example/world/river-treaty-2025");
  EXPECT_EQ(sink.documents[0].origin_file, "page.html");
  EXPECT_EQ(sink.documents[1].origin_file, "page.html.gz");
  EXPECT_EQ(sink.documents[0].text, sink.documents[1].text);
}

TEST(HtmlReaderTest, BadPagesAreErrorsNamingTheReason) {
  ReaderOptions options;
  ReadStats stats;
  CollectingSink sink;
  ReadContext ctx(options, sink, "empty.html", stats);
  std::string no_text = ReadTestFile(kDir + "no_text.html");
  auto src = MemorySource(no_text);
  Status s = ReadHtmlInput(*src, ctx);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.message(), "no article text found");

  options.max_record_bytes = 100;
  std::string big = ReadTestFile(kDir + "news_article.html");
  auto src2 = MemorySource(big);
  EXPECT_EQ(ReadHtmlInput(*src2, ctx).code(), StatusCode::kDataLoss);

  options.max_record_bytes = 1 << 20;
  options.min_text_bytes = 10000;
  auto src3 = MemorySource(big);
  s = ReadHtmlInput(*src3, ctx);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.message(), "empty document");

  // A truncated .html.gz: the corruption is reported, not swallowed.
  options.min_text_bytes = 1;
  std::string gz = testing::Gzip(big);
  gz.resize(gz.size() / 2);
  auto src4 = GzipSource(MemorySource(gz));
  s = ReadHtmlInput(*src4, ctx);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("truncated gzip member"), std::string::npos);
  EXPECT_TRUE(sink.documents.empty());
}

}  // namespace
}  // namespace annals::io
