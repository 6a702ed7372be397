// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The bundled corpus under samples/ stays consistent: valid UTF-8 everywhere, a WARC whose records
// parse, and an answer key (samples/answers.tsv) that names existing files and real CAMEO codes.
// scripts/make-samples --check does the full validation (word counts, XML, JSONL, digests, README);
// this test keeps the parts every build can check without Python.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/byte_source.h"
#include "util/text.h"

namespace annals::io {
namespace {

namespace fs = std::filesystem;

// Tests run from the source root; ANNALS_SOURCE_DIR says so explicitly under ctest.
fs::path SourceRoot() {
  const char* dir = std::getenv("ANNALS_SOURCE_DIR");
  return dir != nullptr ? fs::path(dir) : fs::current_path();
}

fs::path SharedDir() {
  const char* dir = std::getenv("ANNALS_SHARED");
  return dir != nullptr ? fs::path(dir) : SourceRoot() / ".." / "shared";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The file's bytes, gunzipped (all members) when it ends in .gz.
std::string ReadContent(const fs::path& path) {
  if (path.extension() != ".gz") return ReadFile(path);
  Result<std::unique_ptr<ByteSource>> file = OpenFileSource(path.string());
  EXPECT_TRUE(file.ok()) << path;
  if (!file.ok()) return "";
  std::unique_ptr<ByteSource> gz = GzipSource(std::move(*file));
  Result<std::string> all = ReadAll(*gz, 64u << 20);
  EXPECT_TRUE(all.ok()) << path << ": " << all.status().ToString();
  return all.ok() ? *all : "";
}

// Undoes HTTP chunked transfer coding (no extensions or trailers in our samples).
std::string Dechunk(std::string_view in) {
  std::string out;
  size_t pos = 0;
  while (pos < in.size()) {
    const size_t eol = in.find("\r\n", pos);
    if (eol == std::string_view::npos) break;
    const size_t size = std::stoul(std::string(in.substr(pos, eol - pos)), nullptr, 16);
    if (size == 0) break;
    out.append(in.substr(eol + 2, size));
    pos = eol + 2 + size + 2;
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  for (std::string_view f : util::Split(line, '\t')) fields.emplace_back(f);
  return fields;
}

struct AnswerRow {
  int line = 0;
  std::vector<std::string> fields;
};

std::vector<AnswerRow> ReadAnswers() {
  std::ifstream in(SourceRoot() / "samples" / "answers.tsv");
  std::vector<AnswerRow> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) rows.push_back({n, SplitTabs(line)});
  return rows;
}

TEST(SamplesTest, EveryFileIsValidUtf8) {
  const fs::path samples = SourceRoot() / "samples";
  ASSERT_TRUE(fs::is_directory(samples)) << samples;
  int files = 0;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(samples)) {
    if (!e.is_regular_file()) continue;
    ++files;
    // The WARC's chunked response deliberately splits a character across chunks; its bodies are
    // checked after dechunking in WarcRecordsParse.
    if (e.path().extension() == ".gz") continue;
    const std::string content = ReadContent(e.path());
    EXPECT_FALSE(content.empty()) << e.path();
    EXPECT_EQ(util::FindInvalidUtf8(content), std::string_view::npos) << e.path();
  }
  // 11 text, 1 JSONL, 7 HTML, 4 feeds, 1 WARC, 1 CoNLL-U, README.md, answers.tsv.
  EXPECT_EQ(files, 27);
}

// Walks the gunzipped WARC record by record, as a reader must: version line, fields, blank line,
// Content-Length bytes of block, then exactly "\r\n\r\n".
TEST(SamplesTest, WarcRecordsParse) {
  const std::string warc = ReadContent(SourceRoot() / "samples" / "warc" / "crawl.warc.gz");
  std::vector<std::string> types;
  int chunked = 0;
  size_t pos = 0;
  while (pos < warc.size()) {
    ASSERT_EQ(warc.compare(pos, 10, "WARC/1.1\r\n"), 0) << "record at " << pos;
    const size_t head_end = warc.find("\r\n\r\n", pos);
    ASSERT_NE(head_end, std::string::npos);
    const std::string head = warc.substr(pos, head_end - pos);
    std::smatch type, length;
    ASSERT_TRUE(std::regex_search(head, type, std::regex("\r\nWARC-Type: ([a-z]+)")));
    ASSERT_TRUE(std::regex_search(head, length, std::regex("\r\nContent-Length: ([0-9]+)")));
    types.push_back(type[1]);
    const size_t block = head_end + 4;
    const size_t block_end = block + std::stoul(length[1]);
    ASSERT_LE(block_end + 4, warc.size());
    EXPECT_EQ(warc.compare(block_end, 4, "\r\n\r\n"), 0) << "record " << types.size();
    if (types.back() == "response") {
      EXPECT_EQ(warc.compare(block, 17, "HTTP/1.1 200 OK\r\n"), 0);
      const size_t body = warc.find("\r\n\r\n", block) + 4;
      const std::string http_head = warc.substr(block, body - block);
      std::string page = warc.substr(body, block_end - body);
      if (http_head.find("Transfer-Encoding: chunked\r\n") != std::string::npos) {
        page = Dechunk(page);
        ++chunked;
      }
      EXPECT_EQ(util::FindInvalidUtf8(page), std::string_view::npos) << "record " << types.size();
      EXPECT_NE(page.find("<article>"), std::string::npos) << "record " << types.size();
      EXPECT_EQ(page.substr(page.size() - 8), "</html>\n") << "record " << types.size();
    }
    pos = block_end + 4;
  }
  std::vector<std::string> expected = {"warcinfo"};
  for (int page = 0; page < 6; ++page) {
    expected.push_back("request");
    expected.push_back("response");
  }
  EXPECT_EQ(types, expected);
  EXPECT_EQ(chunked, 3);
}

int CountOf(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// Articles per format, counted from the files the way the README table lists them: one per text
// and HTML file, one per JSONL line, RSS <item>, Atom <entry>, WARC response record and CoNLL-U
// "# newdoc". The corpus has at least 40 articles and every format has some.
TEST(SamplesTest, ArticlesPerFormat) {
  const fs::path samples = SourceRoot() / "samples";
  std::map<std::string, int> count;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(samples)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    const std::string content = ReadContent(e.path());
    if (ext == ".txt") {
      ++count["text"];
    } else if (ext == ".html") {
      ++count["html"];
    } else if (ext == ".jsonl") {
      count["jsonl"] += CountOf(content, "\n");
    } else if (ext == ".rss") {
      count["rss"] += CountOf(content, "<item>");
    } else if (ext == ".atom") {
      count["atom"] += CountOf(content, "<entry>");
    } else if (ext == ".gz") {
      count["warc"] += CountOf(content, "\r\nWARC-Type: response\r\n");
    } else if (ext == ".conllu") {
      count["conllu"] += CountOf(content, "# newdoc");
    }
  }
  EXPECT_EQ(count, (std::map<std::string, int>{{"atom", 5},
                                               {"conllu", 1},
                                               {"html", 7},
                                               {"jsonl", 8},
                                               {"rss", 5},
                                               {"text", 11},
                                               {"warc", 6}}));
  int total = 0;
  for (const auto& [format, n] : count) total += n;
  EXPECT_GE(total, 40);
}

// The answer key exercises every CAMEO root category, 01 to 20, with events that are neither
// negated nor hypothetical.
TEST(SamplesTest, AnswerKeyCoversEveryCameoRoot) {
  const std::vector<AnswerRow> rows = ReadAnswers();
  std::map<std::string, int> roots;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].fields.size(), 9u) << "answers.tsv:" << rows[i].line;
    if (rows[i].fields[6] == "0" && rows[i].fields[7] == "0") {
      ++roots[rows[i].fields[4].substr(0, 2)];
    }
  }
  for (int r = 1; r <= 20; ++r) {
    const std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_GE(roots[root], 2) << "CAMEO root " << root << " has fewer than 2 plain rows";
  }
  EXPECT_EQ(roots.size(), 20u);
}

TEST(SamplesTest, AnswerKeyNamesExistingArticles) {
  const std::vector<AnswerRow> rows = ReadAnswers();
  ASSERT_GT(rows.size(), 43u);
  EXPECT_EQ(rows[0].fields,
            (std::vector<std::string>{"file", "item", "date", "source", "cameo", "target",
                                      "negated", "hypothetical", "note"}));
  const std::regex date(R"(\d{4}-\d\d-\d\d(/\d{4}-\d\d-\d\d)?)");
  const std::regex actor(R"(([A-Z]{3}|---)([A-Z]{3})*)");
  std::set<std::string> files_with_events;
  std::map<std::string, int> flagged;
  for (size_t i = 1; i < rows.size(); ++i) {
    const AnswerRow& r = rows[i];
    ASSERT_EQ(r.fields.size(), 9u) << "answers.tsv:" << r.line;
    const std::string& file = r.fields[0];
    EXPECT_TRUE(fs::is_regular_file(SourceRoot() / "samples" / file)) << "answers.tsv:" << r.line;
    EXPECT_GE(std::atoi(r.fields[1].c_str()), 1) << "answers.tsv:" << r.line;
    EXPECT_TRUE(std::regex_match(r.fields[2], date)) << "answers.tsv:" << r.line;
    EXPECT_TRUE(std::regex_match(r.fields[3], actor)) << "answers.tsv:" << r.line;
    EXPECT_TRUE(std::regex_match(r.fields[5], actor)) << "answers.tsv:" << r.line;
    for (int f : {6, 7}) {
      EXPECT_TRUE(r.fields[f] == "0" || r.fields[f] == "1") << "answers.tsv:" << r.line;
      if (r.fields[f] == "1") ++flagged[f == 6 ? "negated" : "hypothetical"];
    }
    EXPECT_FALSE(r.fields[8].empty()) << "answers.tsv:" << r.line;
    files_with_events.insert(file);
  }
  // Every article file has events (README.md and answers.tsv themselves are not articles).
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(SourceRoot() / "samples")) {
    if (!e.is_regular_file() || e.path().parent_path() == SourceRoot() / "samples") continue;
    const std::string rel = fs::relative(e.path(), SourceRoot() / "samples").generic_string();
    EXPECT_EQ(files_with_events.count(rel), 1u) << rel << " has no row in answers.tsv";
  }
  EXPECT_GE(flagged["negated"], 3);
  EXPECT_GE(flagged["hypothetical"], 3);
}

TEST(SamplesTest, AnswerKeyCodesAreCameoCodes) {
  const fs::path table = SharedDir() / "data" / "cameo" / "CAMEO.eventcodes.txt";
  if (!fs::exists(table)) GTEST_SKIP() << "../shared absent: " << table;
  std::set<std::string> codes = {"106"};  // Hidden inside GDELT's 1056 line (shared README).
  std::istringstream in(ReadFile(table));
  std::string line;
  std::getline(in, line);  // Header.
  while (std::getline(in, line)) codes.insert(line.substr(0, line.find('\t')));
  ASSERT_GT(codes.size(), 300u);
  const std::vector<AnswerRow> rows = ReadAnswers();
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_GE(rows[i].fields.size(), 5u);
    EXPECT_EQ(codes.count(rows[i].fields[4]), 1u)
        << "answers.tsv:" << rows[i].line << ": " << rows[i].fields[4];
  }
}

}  // namespace
}  // namespace annals::io
