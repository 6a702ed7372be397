// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/byte_source.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

namespace annals::io {
namespace {

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = data.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Reads everything, collecting errors instead of stopping.
std::string Drain(ByteSource& src, std::vector<Status>* errors) {
  std::string out;
  char buf[7];  // Small on purpose: exercises member boundaries inside one Read.
  for (int guard = 0; guard < 100000; ++guard) {
    Result<size_t> got = src.Read(buf, sizeof(buf));
    if (!got.ok()) {
      errors->push_back(got.status());
      continue;
    }
    if (*got == 0) break;
    out.append(buf, *got);
  }
  return out;
}

TEST(GzipSourceTest, MultiMember) {
  std::string data = Gzip("hello ") + Gzip("world\n") + Gzip("!");
  auto src = GzipSource(MemorySource(data));
  std::vector<Status> errors;
  EXPECT_EQ(Drain(*src, &errors), "hello world\n!");
  EXPECT_TRUE(errors.empty());
}

TEST(GzipSourceTest, TruncatedLastMemberReportsAndKeepsEarlier) {
  std::string second = Gzip(std::string(5000, 'b'));
  std::string data = Gzip("first\n") + second.substr(0, second.size() / 2);
  auto src = GzipSource(MemorySource(data));
  std::vector<Status> errors;
  std::string out = Drain(*src, &errors);
  EXPECT_EQ(out.substr(0, 6), "first\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code(), StatusCode::kDataLoss);
  EXPECT_NE(errors[0].message().find("truncated gzip member"), std::string::npos);
}

TEST(GzipSourceTest, CorruptMiddleMemberIsSkipped) {
  std::string bad = Gzip(std::string(3000, 'x'));
  for (size_t i = 20; i < bad.size() - 10; ++i) bad[i] = static_cast<char>(0xff);
  std::string data = Gzip("one\n") + bad + Gzip("two\n");
  auto src = GzipSource(MemorySource(data));
  std::vector<Status> errors;
  std::string out = Drain(*src, &errors);
  EXPECT_EQ(out.substr(0, 4), "one\n");
  EXPECT_EQ(out.substr(out.size() - 4), "two\n");
  ASSERT_GE(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("corrupt gzip member"), std::string::npos);
}

TEST(LineReaderTest, SplitsLinesAndTracksOffsets) {
  std::string data = "a\r\nbb\n\nccc";
  auto src = MemorySource(data);
  LineReader lines(*src, 100);
  std::string line;
  bool truncated = false;
  Status err;
  std::vector<std::string> got;
  std::vector<uint64_t> offsets;
  while (lines.Next(line, truncated, err)) {
    got.push_back(line);
    offsets.push_back(lines.line_offset());
  }
  EXPECT_EQ(got, (std::vector<std::string>{"a", "bb", "", "ccc"}));
  EXPECT_EQ(offsets, (std::vector<uint64_t>{0, 3, 6, 7}));
  EXPECT_EQ(lines.line_number(), 4u);
}

TEST(LineReaderTest, TruncatesOverlongLines) {
  std::string data = std::string(200000, 'z') + "\nshort\n";
  auto src = MemorySource(data);
  LineReader lines(*src, 1000);
  std::string line;
  bool truncated = false;
  Status err;
  ASSERT_TRUE(lines.Next(line, truncated, err));
  EXPECT_TRUE(truncated);
  EXPECT_EQ(line.size(), 1000u);
  ASSERT_TRUE(lines.Next(line, truncated, err));
  EXPECT_FALSE(truncated);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(lines.line_number(), 2u);
}

}  // namespace
}  // namespace annals::io
