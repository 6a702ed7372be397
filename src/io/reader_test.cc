// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// ReadInputs: detection, the directory walk, and one test per kind of bad input, each checking the
// message, the reject record and that the other records were still read.
#include "annals/reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "io/detect.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using io::DetectFormat;
using io::FormatFromExtension;
using io::SniffFormat;

class CollectingSink : public DocumentSink {
 public:
  bool Accept(Document&& doc) override {
    docs.push_back(std::move(doc));
    return stop_after == 0 || docs.size() < stop_after;
  }
  void OnReject(const Reject& r) override { rejects.push_back(r); }
  void OnProgress(uint64_t done, uint64_t total) override {
    ++progress_calls;
    last_done = done;
    last_total = total;
  }
  std::vector<Document> docs;
  std::vector<Reject> rejects;
  size_t stop_after = 0;
  int progress_calls = 0;
  uint64_t last_done = 0, last_total = 0;
};

std::string Gzip(const std::string& data) {
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

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("annals_reader_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
};

const char kGoodText[] = "Troops crossed the river on Monday, officials said.\n";

TEST(DetectTest, Extensions) {
  EXPECT_EQ(FormatFromExtension("a.txt"), InputFormat::kText);
  EXPECT_EQ(FormatFromExtension("A.TEXT"), InputFormat::kText);
  EXPECT_EQ(FormatFromExtension("x/news.jsonl.gz"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromExtension("x.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromExtension("x.json"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromExtension("x.HTM"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromExtension("x.html.gz"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromExtension("x.rss"), InputFormat::kFeed);
  EXPECT_EQ(FormatFromExtension("x.atom"), InputFormat::kFeed);
  EXPECT_EQ(FormatFromExtension("crawl.warc.gz"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromExtension("en_ewt-ud-dev.conllu"), InputFormat::kConllu);
  EXPECT_EQ(FormatFromExtension("feed.xml"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromExtension("README"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromExtension("dir.txt/README"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromExtension("x.gz"), InputFormat::kAuto);
}

TEST(DetectTest, InputExtensionsForDirectoryWalks) {
  for (const char* yes :
       {"a.txt", "A.TEXT", "x/news.jsonl.gz", "x.ndjson", "x.json", "x.HTM", "x.html", "x.rss",
        "x.atom", "feed.xml", "feed.XML.gz", "crawl.warc.gz", "ud.conllu", "d.md/a.txt"}) {
    EXPECT_TRUE(io::HasInputExtension(yes)) << yes;
  }
  for (const char* no : {"README.md", "answers.tsv", "x.gz", "README", "logo.png", "a.txt/README",
                         "notes.txt.bak", "x.xml/y", "xml", ".xml"}) {
    EXPECT_FALSE(io::HasInputExtension(no)) << no;
  }
}

TEST(DetectTest, Sniffing) {
  EXPECT_EQ(SniffFormat("{\"text\":\"a\"}\n"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF  \n{\"text\":\"a\"}"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("<!DOCTYPE html>\n<html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<html lang=en>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"),
            InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"x\">"),
            InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("<rdf:RDF xmlns:rdf=\"x\">"), InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?><catalog/>"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("WARC/1.1\r\nWARC-Type: warcinfo\r\n"), InputFormat::kWarc);
  EXPECT_EQ(SniffFormat("# newdoc id = a\n# sent_id = 1\n"), InputFormat::kConllu);
  EXPECT_EQ(SniffFormat("# sent_id = 1\n"), InputFormat::kConllu);
  EXPECT_EQ(SniffFormat("# generator = x\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"),
            InputFormat::kConllu);
  EXPECT_EQ(SniffFormat("# A markdown heading\nSome words.\n"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("a\tb\tc\n"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("BEIJING, Sept 2 (Reuters) - text"), InputFormat::kText);
  EXPECT_EQ(SniffFormat(""), InputFormat::kText);
  // The extension wins over the content; .xml and unknown extensions are sniffed.
  EXPECT_EQ(DetectFormat("a.txt", "{\"text\":\"a\"}"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("feed.xml", "<rss>"), InputFormat::kFeed);
  EXPECT_EQ(DetectFormat("", "{}"), InputFormat::kJsonl);
}

TEST(FormatNameTest, RoundTripAndAliases) {
  for (InputFormat f :
       {InputFormat::kAuto, InputFormat::kText, InputFormat::kJsonl, InputFormat::kHtml,
        InputFormat::kFeed, InputFormat::kWarc, InputFormat::kConllu}) {
    Result<InputFormat> back = ParseInputFormat(InputFormatName(f));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, f);
  }
  EXPECT_EQ(*ParseInputFormat("txt"), InputFormat::kText);
  EXPECT_EQ(*ParseInputFormat("JSON"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("rss"), InputFormat::kFeed);
  EXPECT_EQ(*ParseInputFormat("atom"), InputFormat::kFeed);
  Result<InputFormat> bad = ParseInputFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("'pdf'"), std::string::npos);
}

TEST(RejectTest, Message) {
  Reject r;
  r.file = "a.jsonl";
  r.location = "line 3";
  r.reason = "invalid JSON: x";
  EXPECT_EQ(r.Message(), "a.jsonl:line 3: invalid JSON: x");
  r.location.clear();
  EXPECT_EQ(r.Message(), "a.jsonl: invalid JSON: x");
}

TEST_F(ReaderTest, InvalidJsonLineIsRejectedAndTheRestRead) {
  std::string p =
      Write("a.jsonl", "{\"text\":\"First.\"}\n{\"text\":\"broken\n{\"text\":\"Third.\"}\n");
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({p}, {}, sink);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[0].text, "First.");
  EXPECT_EQ(sink.docs[1].text, "Third.");
  EXPECT_EQ(sink.docs[1].origin_location, "line 3");
  ASSERT_EQ(sink.rejects.size(), 1u);
  const Reject& r = sink.rejects[0];
  EXPECT_EQ(r.file, p);
  EXPECT_EQ(r.location, "line 2");
  EXPECT_EQ(r.offset, 18u);
  EXPECT_EQ(r.raw, "{\"text\":\"broken");
  EXPECT_EQ(r.Message(), p + ":line 2: invalid JSON: A string is opened, but never closed.");
  EXPECT_EQ(stats->documents, 2u);
  EXPECT_EQ(stats->rejects, 1u);
  EXPECT_EQ(stats->files, 1u);
}

TEST_F(ReaderTest, TruncatedGzipMemberKeepsEarlierRecords) {
  std::string tail = Gzip(std::string("{\"text\":\"Lost ") + std::string(4000, 'x') + "\"}\n");
  std::string p = Write("b.jsonl.gz", Gzip("{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n") +
                                          tail.substr(0, tail.size() / 2));
  std::string q = Write("c.txt", kGoodText);
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({p, q}, {}, sink);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(sink.docs.size(), 3u);
  EXPECT_EQ(sink.docs[0].text, "One.");
  EXPECT_EQ(sink.docs[1].text, "Two.");
  EXPECT_EQ(sink.docs[2].origin_file, q);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].file, p);
  EXPECT_EQ(sink.rejects[0].location, "line 3");
  EXPECT_NE(sink.rejects[0].reason.find("truncated gzip member at compressed offset"),
            std::string::npos)
      << sink.rejects[0].reason;
  EXPECT_EQ(stats->files, 2u);
}

TEST_F(ReaderTest, GzipIsDetectedByMagicNotName) {
  std::string p = Write("news", Gzip("{\"id\":\"z\",\"text\":\"Hidden in gzip.\"}\n"));
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].id, "z");
  EXPECT_TRUE(sink.rejects.empty());
}

TEST_F(ReaderTest, InvalidUtf8TextIsRejectedWithTheOffset) {
  std::string p = Write("bad.txt", "Good start \xC3\x28 bad continuation.\n");
  std::string q = Write("good.txt", kGoodText);
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p, q}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].origin_file, q);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].location, "byte 11");
  EXPECT_EQ(sink.rejects[0].offset, 11u);
  EXPECT_EQ(sink.rejects[0].Message(), p + ":byte 11: invalid UTF-8 at byte offset 11");
  EXPECT_NE(sink.rejects[0].raw.find("Good start"), std::string::npos);
}

TEST_F(ReaderTest, EmptyFileIsOneReject) {
  std::string p = Write("empty.txt", "");
  std::string g = Write("empty.jsonl.gz", Gzip(""));
  std::string q = Write("good.txt", kGoodText);
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({p, g, q}, {}, sink);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_EQ(sink.rejects[0].Message(), p + ": empty file");
  EXPECT_EQ(sink.rejects[1].Message(), g + ": empty file");
  EXPECT_EQ(stats->files, 3u);
}

TEST_F(ReaderTest, WhitespaceOnlyTextIsAnEmptyDocument) {
  std::string p = Write("blank.txt", "  \n\n \t\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, {}, sink).ok());
  EXPECT_TRUE(sink.docs.empty());
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].Message(), p + ": empty document");
}

TEST_F(ReaderTest, BinaryFileIsOneReject) {
  std::string p = Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string q = Write("good.txt", kGoodText);
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p, q}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].Message(), p + ": binary file (NUL byte at offset 8)");
  // A NUL beyond the sniffed prefix is still caught by the text reader.
  std::string late = Write("late.txt", std::string(10000, 'a') + std::string(1, '\0') + "b");
  CollectingSink sink2;
  ASSERT_TRUE(ReadInputs({late}, {}, sink2).ok());
  ASSERT_EQ(sink2.rejects.size(), 1u);
  EXPECT_EQ(sink2.rejects[0].reason, "binary file (NUL byte at offset 10000)");
}

TEST_F(ReaderTest, MissingPathIsOneReject) {
  std::string missing = (dir_ / "nope.txt").string();
  std::string q = Write("good.txt", kGoodText);
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({missing, q}, {}, sink);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].file, missing);
  EXPECT_EQ(sink.rejects[0].location, "");
  EXPECT_EQ(sink.rejects[0].Message(), missing + ": no such file or directory");
  EXPECT_EQ(stats->files, 1u);
  EXPECT_EQ(stats->rejects, 1u);
}

TEST_F(ReaderTest, BadConlluLineIsRejectedAndOtherSentencesKept) {
  std::string p = Write("t.conllu",
                        "# newdoc id = d1\n# text = Hi.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t"
                        "SpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
                        "# text = Bad.\n1\tBad\tbad\tADJ\tJJ\t_\tX\troot\t_\t_\n\n"
                        "# text = Bye.\n1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].id, "d1");
  EXPECT_EQ(sink.docs[0].text, "Hi. Bye.");
  EXPECT_EQ(sink.docs[0].sentences.size(), 2u);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].location, "line 7");
  EXPECT_EQ(sink.rejects[0].offset, 114u);  // The bad line, not the block.
  EXPECT_EQ(sink.rejects[0].Message(), p + ":line 7: bad HEAD 'X'");
  EXPECT_EQ(sink.rejects[0].raw, "# text = Bad.\n1\tBad\tbad\tADJ\tJJ\t_\tX\troot\t_\t_\n");
}

TEST_F(ReaderTest, OverlongJsonlLineIsRejected) {
  ReaderOptions options;
  options.max_record_bytes = 100;
  std::string p =
      Write("long.jsonl", "{\"text\":\"" + std::string(200, 'a') + "\"}\n{\"text\":\"Short.\"}\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, options, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "Short.");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].Message(), p + ":line 1: line longer than the limit of 100 bytes");
  EXPECT_EQ(sink.rejects[0].raw.size(), 100u);
}

TEST_F(ReaderTest, JsonlFieldNamesAreConfigurable) {
  ReaderOptions options;
  options.jsonl_fields.text = "body";
  options.jsonl_fields.title = "headline";
  options.jsonl_fields.date = "published";
  std::string p = Write("f.jsonl",
                        "{\"headline\":\"H\",\"body\":\"B text.\",\"published\":\"2025-01-02\","
                        "\"text\":\"ignored\"}\n{\"text\":\"no body\"}\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, options, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].title, "H");
  EXPECT_EQ(sink.docs[0].text, "B text.");
  EXPECT_EQ(sink.docs[0].date, "2025-01-02");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].reason, "missing text field 'body'");
}

TEST_F(ReaderTest, JsonlDatesKeepTheOffsetAndAcceptWebForms) {
  std::string p = Write("d.jsonl",
                        "{\"text\":\"a\",\"date\":\"2024-12-02T21:15:00+04:00\"}\n"
                        "{\"text\":\"b\",\"date\":\"September 2, 2025\"}\n"
                        "{\"text\":\"c\",\"date\":\"2025-09-02 08:15 CEST\"}\n"
                        "{\"text\":\"d\",\"date\":\"soon\"}\n"
                        "{\"text\":\"e\",\"date\":\"September 2, 1500\"}\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 5u);
  EXPECT_EQ(sink.docs[0].date, "2024-12-02T21:15:00+04:00");
  EXPECT_EQ(sink.docs[1].date, "2025-09-02");
  EXPECT_EQ(sink.docs[2].date, "2025-09-02T08:15:00+02:00");
  EXPECT_EQ(sink.docs[3].date, "");
  EXPECT_EQ(sink.docs[4].date, "");  // Outside 1800..2200.
}

TEST_F(ReaderTest, ForcedFormatOverridesDetection) {
  std::string p = Write("a.jsonl", "{\"text\":\"x\"}\n");
  ReaderOptions options;
  options.format = InputFormat::kText;
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, options, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "{\"text\":\"x\"}");
}

TEST_F(ReaderTest, DirectoriesAreWalkedSortedSkippingHiddenEntries) {
  Write("b.txt", "Bravo text.\n");
  Write("a/c.txt", "Charlie text.\n");
  Write("a/.hidden.txt", "Hidden text.\n");
  Write(".git/x.txt", "Git text.\n");
  Write("a/d/e.jsonl", "{\"text\":\"Echo text.\"}\n");
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({dir_.string()}, {}, sink);
  ASSERT_TRUE(stats.ok());
  std::vector<std::string> texts;
  for (const Document& d : sink.docs) texts.push_back(d.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Charlie text.", "Echo text.", "Bravo text."}));
  EXPECT_EQ(stats->files, 3u);
  EXPECT_TRUE(sink.rejects.empty());
}

TEST_F(ReaderTest, DirectoriesReadOnlyInputExtensionsButNamedFilesAlways) {
  Write("README.md", "# Notes about this folder\n\nNot an article.\n");
  Write("answers.tsv", "file\titem\n");
  Write("a.txt", "Alpha text.\n");
  Write("sub/feed.xml",
        "<rss><channel><item><title>T</title><description>Feed item.</description>"
        "</item></channel></rss>");
  std::string no_ext = Write("sub/news", "{\"text\":\"No extension.\"}\n");
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({dir_.string()}, {}, sink);
  ASSERT_TRUE(stats.ok());
  std::vector<std::string> texts;
  for (const Document& d : sink.docs) texts.push_back(d.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Alpha text.", "Feed item."}));
  EXPECT_EQ(stats->files, 2u);
  EXPECT_EQ(stats->skipped, 3u);  // README.md, answers.tsv, sub/news.
  EXPECT_TRUE(sink.rejects.empty());

  // Named explicitly, a file is read whatever its name (the format is sniffed).
  CollectingSink named;
  Result<ReadStats> named_stats = ReadInputs({no_ext}, {}, named);
  ASSERT_TRUE(named_stats.ok());
  ASSERT_EQ(named.docs.size(), 1u);
  EXPECT_EQ(named.docs[0].text, "No extension.");
  EXPECT_EQ(named_stats->skipped, 0u);
}

// The acceptance check of the readers: every bundled sample article is read exactly once, with a
// title (except the CoNLL-U one: that format has no title field), a date and a source, and the
// answer key and README are not taken for articles.
TEST(SamplesReadTest, EverySampleOnceWithTitleDateAndSource) {
  const char* root = std::getenv("ANNALS_SOURCE_DIR");
  fs::path samples = fs::path(root != nullptr ? root : ".") / "samples";
  ASSERT_TRUE(fs::is_directory(samples)) << samples;
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({samples.string()}, {}, sink);
  ASSERT_TRUE(stats.ok());
  EXPECT_TRUE(sink.rejects.empty()) << sink.rejects[0].Message();
  EXPECT_EQ(stats->skipped, 2u);  // README.md, answers.tsv.
  ASSERT_EQ(sink.docs.size(), 43u);
  std::set<std::string> ids, titles;
  for (const Document& d : sink.docs) {
    SCOPED_TRACE(d.origin_file + ":" + d.origin_location);
    const bool conllu = fs::path(d.origin_file).extension() == ".conllu";
    EXPECT_EQ(d.title.empty(), conllu);
    EXPECT_GE(d.date.size(), 10u);
    EXPECT_TRUE(d.date.rfind("2024-", 0) == 0 || d.date.rfind("2025-", 0) == 0 ||
                d.date.rfind("2026-", 0) == 0)
        << d.date;
    EXPECT_FALSE(d.source.empty());
    EXPECT_TRUE(d.dateline.has_value());  // Every sample, in every format, opens with one.
    ids.insert(d.id);
    titles.insert(d.title);
  }
  EXPECT_EQ(ids.size(), 43u);
  EXPECT_EQ(titles.size(), 43u);  // 42 headlines and the CoNLL-U article's empty one.
}

TEST_F(ReaderTest, ProgressReachesTheTotal) {
  std::string p = Write("a.txt", kGoodText);
  std::string q = Write("b.jsonl", "{\"text\":\"One.\"}\n");
  CollectingSink sink;
  Result<ReadStats> stats = ReadInputs({p, q}, {}, sink);
  ASSERT_TRUE(stats.ok());
  uint64_t total = sizeof(kGoodText) - 1 + 16;
  EXPECT_GE(sink.progress_calls, 2);
  EXPECT_EQ(sink.last_total, total);
  EXPECT_EQ(sink.last_done, total);
  EXPECT_EQ(stats->bytes, total);
}

TEST_F(ReaderTest, SinkCanStopReading) {
  std::string p = Write("a.jsonl", "{\"text\":\"1\"}\n{\"text\":\"2\"}\n{\"text\":\"3\"}\n");
  std::string q = Write("b.txt", kGoodText);
  CollectingSink sink;
  sink.stop_after = 2;
  Result<ReadStats> stats = ReadInputs({p, q}, {}, sink);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(stats->files, 1u);
}

TEST_F(ReaderTest, MinTextBytesRejectsShortDocuments) {
  ReaderOptions options;
  options.min_text_bytes = 10;
  std::string p = Write("a.jsonl", "{\"text\":\"Short.\"}\n{\"text\":\"Long enough text.\"}\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({p}, options, sink).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].Message(), p + ":line 1: empty document");
}

TEST(ReadInputsTest, InvalidOptionsAreAnError) {
  CollectingSink sink;
  ReaderOptions options;
  options.max_record_bytes = 0;
  EXPECT_EQ(ReadInputs({}, options, sink).status().code(), StatusCode::kInvalidArgument);
  ReaderOptions no_text;
  no_text.jsonl_fields.text.clear();
  EXPECT_EQ(ReadInputs({}, no_text, sink).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace annals
