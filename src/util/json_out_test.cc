// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "util/json_out.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace annals::util {
namespace {

TEST(JsonOut, NestedContainersGetTheirCommas) {
  JsonOut out;
  out.BeginObject();
  out.Key("a").Int(1);
  out.Key("b").BeginArray().Int(2).String("x").BeginObject().EndObject().EndArray();
  out.Key("c").BeginObject().Key("d").Null().Key("e").Bool(false).EndObject();
  out.Key("f").Strings({"p", "q"});
  out.Key("g").BeginArray().EndArray();
  out.EndObject();
  EXPECT_EQ(out.str(), R"({"a":1,"b":[2,"x",{}],"c":{"d":null,"e":false},"f":["p","q"],"g":[]})");
}

TEST(JsonOut, StringsAreEscapedAndRepaired) {
  JsonOut out;
  std::string s = "quote \" backslash \\ newline \n tab \t bell \x07 caf\xC3\xA9 bad \xFF end";
  out.String(s);
  EXPECT_EQ(out.str(),
            "\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 caf\xC3\xA9 bad "
            "\xEF\xBF\xBD end\"");
  // What nlohmann reads back is the text (with the invalid byte replaced).
  EXPECT_EQ(nlohmann::json::parse(out.str()).get<std::string>(),
            "quote \" backslash \\ newline \n tab \t bell \x07 caf\xC3\xA9 bad \xEF\xBF\xBD end");
}

TEST(JsonOut, DoublesAsNlohmannWritesThem) {
  for (double v : {0.0, 40.0, -3.5, 39.9075, 116.39723, 1e-7, 3e9, 123456789.125, -0.25, 0.001,
                   0.00012, 1e15, 1e16, 2.5e17, -1.25e-10, 1e300, 5e-324}) {
    JsonOut out;
    out.Double(v);
    EXPECT_EQ(out.str(), nlohmann::json(v).dump()) << v;
    EXPECT_EQ(nlohmann::json::parse(out.str()).get<double>(), v);
  }
  JsonOut nan;
  nan.BeginArray()
      .Double(std::numeric_limits<double>::quiet_NaN())
      .Double(std::numeric_limits<double>::infinity());
  nan.EndArray();
  EXPECT_EQ(nan.str(), "[null,null]");
}

}  // namespace
}  // namespace annals::util
