// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "annals/queue.h"

namespace annals {
namespace {

TEST(QueueMessageTest, RoundTripsEveryStoredField) {
  Document d;
  d.id = "doc-1";
  d.url = "https://wire.test/1";
  d.source = "Wire";
  d.title = "Xi meets Putin";
  d.date = "2025-09-02T10:00:00+08:00";
  d.language = "en";
  d.text = "BEIJING, Sept 2 (Wire) - Xi Jinping met Vladimir Putin. «Quotes» stay UTF-8.";
  d.dateline =
      Dateline{.place = "BEIJING", .date_text = "Sept 2", .agency = "Wire", .span = {0, 25}};
  d.origin_file = "feeds/world.rss";
  d.origin_location = "item 3";
  d.origin_offset = 4096;
  Document back;
  ASSERT_TRUE(DecodeDocumentMessage(EncodeDocumentMessage(d), back).ok());
  EXPECT_EQ(back.id, d.id);
  EXPECT_EQ(back.url, d.url);
  EXPECT_EQ(back.source, d.source);
  EXPECT_EQ(back.title, d.title);
  EXPECT_EQ(back.date, d.date);
  EXPECT_EQ(back.language, d.language);
  EXPECT_EQ(back.text, d.text);
  ASSERT_TRUE(back.dateline.has_value());
  EXPECT_EQ(back.dateline->place, "BEIJING");
  EXPECT_EQ(back.dateline->date_text, "Sept 2");
  EXPECT_EQ(back.dateline->agency, "Wire");
  EXPECT_EQ(back.dateline->span, (Span{0, 25}));
  EXPECT_EQ(back.origin_file, d.origin_file);
  EXPECT_EQ(back.origin_location, d.origin_location);
  EXPECT_EQ(back.origin_offset, 4096u);
}

TEST(QueueMessageTest, RefusesBadMessagesWithAReason) {
  Document d;
  auto reason = [&](std::string_view body) {
    Status st = DecodeDocumentMessage(body, d);
    return st.ok() ? std::string("ok") : st.message();
  };
  EXPECT_EQ(reason("not json"), "message is not valid JSON");
  EXPECT_EQ(reason("[1,2]"), "message is not a JSON object");
  EXPECT_EQ(reason(R"({"text":"x"})"), "message has no document id");
  EXPECT_EQ(reason(R"({"id":"a"})"), "message has no text");
  EXPECT_EQ(reason(R"({"id":7,"text":"x"})"), "'id' is not a string");
  EXPECT_EQ(reason(R"({"id":"a","text":"x","dateline":{"begin":0,"end":9}})"),
            "dateline span is outside the text");
  EXPECT_EQ(reason(R"({"id":"a","text":"x","origin":{"offset":-1}})"),
            "'offset' is not a non-negative integer");
  EXPECT_EQ(reason(R"({"id":"a","text":"x","extra":[1]})"), "ok");  // Unknown fields ignored.
}

}  // namespace
}  // namespace annals
