// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The plain-text reader's parts: wire datelines, title and paragraph layout, date normalisation.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "io/dateline.h"
#include "io/dates.h"
#include "io/format_readers.h"
#include "io/text_layout.h"

namespace annals::io {
namespace {

struct DatelineCase {
  const char* text;
  const char* place;
  const char* date_text;
  const char* agency;
  const char* dateline;  // The text the span covers.
  const char* iso;
};

TEST(DatelineTest, WireStyles) {
  const DatelineCase cases[] = {
      {"BEIJING, Sept 2 (Reuters) - Leaders met.", "BEIJING", "Sept 2", "Reuters",
       "BEIJING, Sept 2 (Reuters) -", ""},
      {"WASHINGTON (AP) \xE2\x80\x94 The Senate voted.", "WASHINGTON", "", "AP",
       "WASHINGTON (AP) \xE2\x80\x94", ""},
      {"Beijing, September 2 (Reuters) \xE2\x80\x93 Leaders met.", "Beijing", "September 2",
       "Reuters", "Beijing, September 2 (Reuters) \xE2\x80\x93", ""},
      {"KYIV, Ukraine, March 3, 2025 (AFP) - Talks resumed.", "KYIV, Ukraine", "March 3, 2025",
       "AFP", "KYIV, Ukraine, March 3, 2025 (AFP) -", "2025-03-03"},
      {"UNITED NATIONS, Jan. 14 \xE2\x80\x94 The council met.", "UNITED NATIONS", "Jan. 14", "",
       "UNITED NATIONS, Jan. 14 \xE2\x80\x94", ""},
      {"LONDON -- Prices rose.", "LONDON", "", "", "LONDON --", ""},
      {"WASHINGTON\xE2\x80\x94The Senate voted.", "WASHINGTON", "", "", "WASHINGTON\xE2\x80\x94",
       ""},
      {"AL-HASAKAH, Syria, May 1 2024 (Reuters) - Shells fell.", "AL-HASAKAH, Syria", "May 1 2024",
       "Reuters", "AL-HASAKAH, Syria, May 1 2024 (Reuters) -", "2024-05-01"},
      {"S\xC3\x83O PAULO, Dec 24 (Reuters) - Markets closed.", "S\xC3\x83O PAULO", "Dec 24",
       "Reuters", "S\xC3\x83O PAULO, Dec 24 (Reuters) -", ""},
      {"Paris, Feb. 29, 2024 (AFP) - \xE2\x80\x9CNo,\xE2\x80\x9D he said.", "Paris",
       "Feb. 29, 2024", "AFP", "Paris, Feb. 29, 2024 (AFP) -", "2024-02-29"},
  };
  for (const DatelineCase& c : cases) {
    SCOPED_TRACE(c.text);
    std::string iso = "stale";
    std::optional<Dateline> d = FindDateline(c.text, &iso);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->place, c.place);
    EXPECT_EQ(d->date_text, c.date_text);
    EXPECT_EQ(d->agency, c.agency);
    EXPECT_EQ(std::string(c.text).substr(d->span.begin, d->span.size()), c.dateline);
    EXPECT_EQ(iso, c.iso);
  }
}

TEST(DatelineTest, OrdinaryOpeningsAreNotDatelines) {
  const char* cases[] = {
      "Putin - who spoke on Sunday - said the talks were useful.",
      "The talks \xE2\x80\x94 the first in years \xE2\x80\x94 ended early.",
      "BEIJING, Sept 2 (Reuters) -",               // Nothing follows.
      "BEIJING, Sept 2 (Reuters)\n- a list item",  // Dash on the next line.
      "Officials in the north-east said eleven people died.",
      "Paris, Feb. 30, 2024 (AFP) - impossible date",  // No such day.
      "Beijing - the capital - was quiet.",            // Title case, no date or agency.
      "ONE, TWO, THREE, FOUR (AP) - too many places",
      "BEIJING (this agency name is far too long to be an agency at all) - x",
      "HAMSTERS - will a hamster be fine in the bathroom?",  // Lower case after the dash.
      "MUST READ - Do not miss this.",                       // Place only needs a real dash.
      "",
  };
  for (const char* c : cases) {
    SCOPED_TRACE(c);
    EXPECT_FALSE(FindDateline(c, nullptr).has_value());
  }
  std::string far(170, 'A');
  EXPECT_FALSE(FindDateline(far + " (AP) - text", nullptr).has_value());
}

TEST(AttachDatelineTest, SetsDateOnlyWhenMissing) {
  Document doc;
  doc.text = "KYIV, Ukraine, March 3, 2025 (AFP) - Talks resumed.";
  AttachDateline(doc);
  ASSERT_TRUE(doc.dateline.has_value());
  EXPECT_EQ(doc.date, "2025-03-03");
  Document dated;
  dated.text = doc.text;
  dated.date = "2025-03-04T10:00:00Z";
  AttachDateline(dated);
  EXPECT_EQ(dated.date, "2025-03-04T10:00:00Z");
}

TEST(TextLayoutTest, TitleParagraphsAndWrapping) {
  TextLayout t = LayOutText(
      "\n  Army retakes town  \n\nThe army said on Monday\nit had retaken the town.\n\n\n\n"
      "Residents returned.   \n\n");
  EXPECT_EQ(t.title, "Army retakes town");
  EXPECT_EQ(t.text, "The army said on Monday it had retaken the town.\n\nResidents returned.");
}

TEST(TextLayoutTest, NoBlankLinesMeansOneParagraphPerLine) {
  TextLayout t = LayOutText("Short line\nAnother line.\r\nThird.");
  EXPECT_EQ(t.title, "");
  EXPECT_EQ(t.text, "Short line\n\nAnother line.\n\nThird.");
}

TEST(TextLayoutTest, WhatIsNotATitle) {
  // A sentence (ends with '.'), a dateline, a wrapped first paragraph, a lone paragraph.
  EXPECT_EQ(LayOutText("He said it was over.\n\nMore text.").title, "");
  EXPECT_EQ(LayOutText("BEIJING, Sept 2 (Reuters) - Leaders met\n\nMore text.").title, "");
  EXPECT_EQ(LayOutText("Two line\nheadline\n\nMore text.").title, "");
  EXPECT_EQ(LayOutText("Only a headline\n\n").title, "");
  EXPECT_EQ(LayOutText(std::string(201, 'x') + "\n\nMore text.").title, "");
  EXPECT_EQ(LayOutText("Will the truce hold?\n\nMore text.").title, "Will the truce hold?");
  EXPECT_EQ(LayOutText("\xEF\xBB\xBFTitle\n\nBody.").title, "Title");
}

TEST(DatesTest, NormalizeDate) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"2025-09-02", "2025-09-02"},
      {" 2025-09-02 ", "2025-09-02"},
      {"2025-09-02T08:15:00Z", "2025-09-02T08:15:00Z"},
      {"2025-09-02T08:15:00.123456Z", "2025-09-02T08:15:00Z"},
      {"2025-09-02T08:15:00+02:00", "2025-09-02T06:15:00Z"},
      {"2025-09-02T01:15:00-05:00", "2025-09-02T06:15:00Z"},
      {"2025-09-01T23:30:00-01:00", "2025-09-02T00:30:00Z"},
      {"2025-09-02 08:15:00", "2025-09-02T08:15:00"},
      {"2025-09-02T08:15", "2025-09-02T08:15:00"},
      {"2025-09-02 08:15:00 UTC", "2025-09-02T08:15:00Z"},
      {"Tue, 02 Sep 2025 08:15:00 GMT", "2025-09-02T08:15:00Z"},
      {"Tue, 02 Sep 2025 08:15:00 +0200", "2025-09-02T06:15:00Z"},
      {"2 Sep 2025 08:15 EDT", "2025-09-02T12:15:00Z"},
      {"2 September 2025", "2025-09-02"},
      {"1756800900", "2025-09-02T08:15:00Z"},
      {"2024-02-29", "2024-02-29"},
      {"2025-02-29", ""},
      {"2025-13-01", ""},
      {"2025-09-02T25:00:00Z", ""},
      {"2025-09-02garbage", ""},
      {"next Tuesday", ""},
      {"12345", ""},
      {"", ""},
      {"1700-01-01", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeDate(c.in), c.out) << c.in;
  EXPECT_EQ(EpochToIso(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(EpochToIso(-86400), "1969-12-31T00:00:00Z");
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(MonthFromName("MAY"), 5);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName("Mayday"), 0);
}

TEST(DerivedIdTest, UrlElseCollapsedText) {
  EXPECT_EQ(DerivedDocumentId("https://a.example/x", "whatever"),
            util::Hex64(util::Fnv1a64("https://a.example/x")));
  EXPECT_EQ(DerivedDocumentId("", "Two  words\n\nhere "),
            util::Hex64(util::Fnv1a64("Two words here")));
  EXPECT_EQ(DerivedDocumentId("", "a b").size(), 16u);
}

}  // namespace
}  // namespace annals::io
