// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/xml_repair.h"

#include <gtest/gtest.h>

#include <string>

namespace annals::io {
namespace {

std::string Repair(const std::string& in, size_t chunk) {
  XmlRepairFilter f;
  std::string out;
  for (size_t i = 0; i < in.size(); i += chunk) {
    f.Process(std::string_view(in).substr(i, chunk), false, out);
  }
  f.Process("", true, out);
  return out;
}

TEST(XmlRepairTest, FixesBareAmpersandsEntitiesAndLessThan) {
  const std::string in =
      "<t a=\"x?a=1&b=2\">AT&T &amp; Co&nbsp;&mdash; &#233;&#xE9; &bogus; 5 < 6 &</t>"
      "<![CDATA[a & b < c &nbsp;]]><!-- & --><?pi x?>";
  const std::string want =
      "<t a=\"x?a=1&amp;b=2\">AT&amp;T &amp; Co&#160;&#8212; &#233;&#xE9; &amp;bogus; 5 &lt; 6 "
      "&amp;</t><![CDATA[a & b < c &nbsp;]]><!-- &amp; --><?pi x?>";
  // Every chunking gives the same answer (look-ahead across calls).
  for (size_t chunk : {1, 2, 3, 5, 7, 64, 1000}) EXPECT_EQ(Repair(in, chunk), want) << chunk;
}

TEST(XmlRepairTest, LeavesWellFormedXmlAlone) {
  const std::string in = "<?xml version=\"1.0\"?><a><b x='&lt;'>&quot;&apos;&gt;</b></a>";
  EXPECT_EQ(Repair(in, 3), in);
  EXPECT_EQ(HtmlEntityCodePoint("eacute"), U'\u00E9');
  EXPECT_EQ(HtmlEntityCodePoint("yuml"), U'\u00FF');
  EXPECT_EQ(HtmlEntityCodePoint("hellip"), U'\u2026');
  EXPECT_EQ(HtmlEntityCodePoint("nope"), 0u);
}

}  // namespace
}  // namespace annals::io
