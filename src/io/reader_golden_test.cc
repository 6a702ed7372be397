// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Golden tests: every input under src/io/testdata/golden/in/ is read with default options and the
// output (documents as `annals read` prints them and rejects as in the --rejects file, in the
// order the sink saw them) must equal golden/out/<input name>.jsonl byte for byte. Regenerate after
// a deliberate change with ANNALS_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annals/reader.h"
#include "io/detect.h"
#include "io/document_json.h"

namespace annals::io {
namespace {

constexpr const char* kInputDir = "src/io/testdata/golden/in";
constexpr const char* kOutputDir = "src/io/testdata/golden/out";

class JsonSink : public DocumentSink {
 public:
  bool Accept(Document&& doc) override {
    out += DocumentToJson(doc) + "\n";
    return true;
  }
  void OnReject(const Reject& r) override { out += RejectToJson(r) + "\n"; }
  std::string out;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string GoldenFor(const std::string& input) {
  return std::string(kOutputDir) + "/" + std::filesystem::path(input).filename().string() +
         ".jsonl";
}

std::vector<std::string> Inputs() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(kInputDir)) {
    out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ReaderGoldenTest, EveryInputMatchesItsGoldenFile) {
  std::vector<std::string> inputs = Inputs();
  ASSERT_GE(inputs.size(), 10u) << "golden inputs missing; run from the source root";
  bool update = std::getenv("ANNALS_UPDATE_GOLDEN") != nullptr;
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    JsonSink sink;
    Result<ReadStats> stats = ReadInputs({input}, ReaderOptions(), sink);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->files, 1u);
    EXPECT_GE(stats->documents, 1u);
    std::string golden = GoldenFor(input);
    if (update) {
      std::ofstream(golden, std::ios::binary) << sink.out;
      continue;
    }
    ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " missing (ANNALS_UPDATE_GOLDEN=1)";
    EXPECT_EQ(sink.out, Slurp(golden));
  }
}

// Reading the directory gives the same bytes as reading its files with an input extension one by
// one in sorted order; the sniffed inputs without one are skipped and counted.
TEST(ReaderGoldenTest, DirectoryEqualsSortedFilesWithInputExtensions) {
  JsonSink whole;
  Result<ReadStats> stats = ReadInputs({kInputDir}, ReaderOptions(), whole);
  ASSERT_TRUE(stats.ok());
  std::string expected;
  uint64_t read = 0, skipped = 0;
  for (const std::string& input : Inputs()) {
    if (!HasInputExtension(input)) {
      ++skipped;
      continue;
    }
    ++read;
    expected += Slurp(GoldenFor(input));
  }
  EXPECT_EQ(skipped, 2u);  // sniffed_conllu.dat, sniffed_jsonl.
  EXPECT_EQ(stats->files, read);
  EXPECT_EQ(stats->skipped, skipped);
  EXPECT_EQ(whole.out, expected);
}

}  // namespace
}  // namespace annals::io
