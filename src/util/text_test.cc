// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "util/text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace annals::util {
namespace {

TEST(Utf8Test, FindsInvalidSequences) {
  EXPECT_EQ(FindInvalidUtf8("plain"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);       // Overlong '/'.
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);  // Surrogate.
  EXPECT_EQ(FindInvalidUtf8("x\xE2\x80"), 1u);      // Truncated.
}

TEST(Utf8Test, RepairsAndDecodes) {
  std::string s =
      "a\xFF"
      "b";
  EXPECT_EQ(RepairUtf8(s), 1u);
  EXPECT_EQ(s,
            "a\xEF\xBF\xBD"
            "b");
  std::string t = "\xE2\x80\x93";
  size_t i = 0;
  EXPECT_EQ(DecodeUtf8(t, i), U'\u2013');
  EXPECT_EQ(i, 3u);
  std::string out;
  AppendUtf8(U'\u2013', out);
  AppendUtf8(U'\U0001F600', out);
  EXPECT_EQ(out, "\xE2\x80\x93\xF0\x9F\x98\x80");
}

// NextLine: "\n" and "\r\n" both end a line, a last line without one is a line, and a text
// ending with "\n" has no empty line after it; blank lines inside are kept.
TEST(StringTest, NextLineSplitsLines) {
  auto lines = [](std::string_view text) {
    std::vector<std::string> out;
    size_t pos = 0;
    std::string_view line;
    while (NextLine(text, pos, line)) out.emplace_back(line);
    return out;
  };
  EXPECT_EQ(lines(""), std::vector<std::string>{});
  EXPECT_EQ(lines("a"), std::vector<std::string>{"a"});
  EXPECT_EQ(lines("a\n"), std::vector<std::string>{"a"});
  EXPECT_EQ(lines("a\r\n\nb"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(lines("\n\n"), (std::vector<std::string>{"", ""}));
  EXPECT_EQ(lines("a\rb\r\n"), std::vector<std::string>{"a\rb"});
}

TEST(StringTest, Helpers) {
  EXPECT_EQ(AsciiLower("BeiJING"), "beijing");
  EXPECT_EQ(TrimAsciiSpace("  x y \n"), "x y");
  EXPECT_EQ(Split("a,,b", ','), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(CollapseWhitespace("  a \n\t b\xC2\xA0"
                               "c  "),
            "a b c");
  EXPECT_EQ(Hex64(Fnv1a64("")), "cbf29ce484222325");
}

}  // namespace
}  // namespace annals::util
