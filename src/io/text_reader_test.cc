// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The plain-text reader's parts: wire datelines, title and paragraph layout, date normalisation.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/byte_source.h"
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
      // Day first, as British and many international outlets write it.
      {"TEHRAN, 16 November 2024 (Gulf Courier) - The president spoke.", "TEHRAN",
       "16 November 2024", "Gulf Courier", "TEHRAN, 16 November 2024 (Gulf Courier) -",
       "2024-11-16"},
      {"GENEVA, 2 Sept. (AFP) \xE2\x80\x93 Talks began.", "GENEVA", "2 Sept.", "AFP",
       "GENEVA, 2 Sept. (AFP) \xE2\x80\x93", ""},
      {"NAIROBI, Kenya, 5 March, 2025 \xE2\x80\x94 Voters queued.", "NAIROBI, Kenya",
       "5 March, 2025", "", "NAIROBI, Kenya, 5 March, 2025 \xE2\x80\x94", "2025-03-05"},
      // The samples' shapes: month first with ", Year", without a year, em dash.
      {"NEW DELHI, March 3, 2025 (Meridian Post) \xE2\x80\x94 Diplomats met.", "NEW DELHI",
       "March 3, 2025", "Meridian Post", "NEW DELHI, March 3, 2025 (Meridian Post) \xE2\x80\x94",
       "2025-03-03"},
      {"SEOUL, Aug 18 (Harbor Times) - Kim warned.", "SEOUL", "Aug 18", "Harbor Times",
       "SEOUL, Aug 18 (Harbor Times) -", ""},
      {"NEW DELHI/ISLAMABAD, May 10 (Crescent Herald) - Both sides agreed.", "NEW DELHI/ISLAMABAD",
       "May 10", "Crescent Herald", "NEW DELHI/ISLAMABAD, May 10 (Crescent Herald) -", ""},
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
      "LONDON, 31 June 2024 (AFP) - Impossible day first.",
      "LONDON, 3 Downing Street (AP) - An address, not a date.",
      "TEHRAN, 123 November 2024 (AP) - Not a day.",
      "Beijing - the capital - was quiet.",  // Title case, no date or agency.
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

TEST(AttachDatelineTest, AgencyIsTheSourceWhenThereIsNone) {
  Document doc;
  doc.text = "BEIJING, Sept 2 (Reuters) - Leaders met.";
  AttachDateline(doc);
  EXPECT_EQ(doc.source, "Reuters");
  Document sourced;
  sourced.text = doc.text;
  sourced.source = "Example News";
  AttachDateline(sourced);
  EXPECT_EQ(sourced.source, "Example News");
  Document no_agency;
  no_agency.text = "WASHINGTON \xE2\x80\x94 The Senate voted.";
  AttachDateline(no_agency);
  ASSERT_TRUE(no_agency.dateline.has_value());
  EXPECT_EQ(no_agency.source, "");
}

TEST(DateFromFileNameTest, NameDateAndYearlessDatelines) {
  std::optional<Dateline> none;
  EXPECT_EQ(DateFromFileName("samples/text/2025-08-18-kim.txt", none), "2025-08-18");
  EXPECT_EQ(DateFromFileName("2024-02-29.txt", none), "2024-02-29");
  EXPECT_EQ(DateFromFileName("a/2025-02-30-x.txt", none), "");  // No such day.
  EXPECT_EQ(DateFromFileName("a/2025-08-181.txt", none), "");
  EXPECT_EQ(DateFromFileName("notes-2025-08-18.txt", none), "");
  EXPECT_EQ(DateFromFileName("2025-08-18-dir/x.txt", none), "");  // Only the file name counts.
  EXPECT_EQ(DateFromFileName("", none), "");
  Dateline d;
  d.date_text = "Aug 17";
  EXPECT_EQ(DateFromFileName("2025-08-18-x.txt", d), "2025-08-17");
  d.date_text = "Dec 31";
  EXPECT_EQ(DateFromFileName("2025-01-02-x.txt", d), "2024-12-31");
  d.date_text = "2 January";
  EXPECT_EQ(DateFromFileName("2025-12-30-x.txt", d), "2026-01-02");
  d.date_text = "Feb 29";  // Not in 2025: the file name's date.
  EXPECT_EQ(DateFromFileName("2025-03-01-x.txt", d), "2025-03-01");
}

TEST(TextReaderTest, DatelineAgencyAndFileNameDate) {
  struct Sink : DocumentSink {
    bool Accept(Document&& d) override {
      docs.push_back(std::move(d));
      return true;
    }
    void OnReject(const Reject&) override {}
    std::vector<Document> docs;
  } sink;
  ReaderOptions options;
  ReadStats stats;
  {
    ReadContext ctx(options, sink, "in/2025-08-18-north-korea.txt", stats);
    std::unique_ptr<ByteSource> in =
        MemorySource("Kim warns allies\n\nSEOUL, Aug 18 (Harbor Times) - Kim warned on Monday.\n");
    ASSERT_TRUE(ReadTextInput(*in, ctx).ok());
  }
  {
    ReadContext ctx(options, sink, "in/2024-01-01-x.txt", stats);
    std::unique_ptr<ByteSource> in =
        MemorySource("TEHRAN, 16 November 2024 (Gulf Courier) - The president spoke.\n");
    ASSERT_TRUE(ReadTextInput(*in, ctx).ok());
  }
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[0].title, "Kim warns allies");
  EXPECT_EQ(sink.docs[0].source, "Harbor Times");
  EXPECT_EQ(sink.docs[0].date, "2025-08-18");
  EXPECT_EQ(sink.docs[1].source, "Gulf Courier");
  EXPECT_EQ(sink.docs[1].date, "2024-11-16");  // The dateline's own year wins over the name.
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
      {"2025-09-02T08:15:00+02:00", "2025-09-02T08:15:00+02:00"},
      {"2025-09-02T01:15:00-05:00", "2025-09-02T01:15:00-05:00"},
      {"2025-09-01T23:30:00-01:00", "2025-09-01T23:30:00-01:00"},
      {"2025-09-02 08:15:00", "2025-09-02T08:15:00"},
      {"2025-09-02T08:15", "2025-09-02T08:15:00"},
      {"2025-09-02 08:15:00 UTC", "2025-09-02T08:15:00Z"},
      {"Tue, 02 Sep 2025 08:15:00 GMT", "2025-09-02T08:15:00Z"},
      {"Tue, 02 Sep 2025 08:15:00 +0200", "2025-09-02T08:15:00+02:00"},
      {"2 Sep 2025 08:15 EDT", "2025-09-02T08:15:00-04:00"},
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
