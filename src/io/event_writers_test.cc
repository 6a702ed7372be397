// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/export.h"
#include "util/text.h"

namespace annals {
namespace {

StoredEvent Sample() {
  StoredEvent se;
  se.id = 7;
  se.document_url = "https://example.test/summit";
  se.document_source = "Annals Wire";
  se.document_title = "Leaders meet";
  se.document_length = 1200;
  se.added = "2025-09-02T10:15:00Z";
  Event& e = se.event;
  e.document_id = "doc1";
  e.sentence_index = 0;
  e.date = "2025-09-02";
  e.date_precision = "day";
  e.sources = {{.code = "CHNGOV", .name = "Xi Jinping", .text = "Xi", .span = {10, 12}},
               {.code = "RUSGOV", .text = "Putin", .span = {17, 22}}};
  e.targets = {{.code = "IGOUNO", .text = "the UN", .span = {40, 46}}};
  e.cameo = "042";
  e.cameo_base = "042";
  e.cameo_root = "04";
  e.quad_class = 1;
  e.goldstein = 1.9;
  e.plover_event = "CONSULT";
  e.plover_mode = "visit";
  e.place = Place{.name = "Beijing",
                  .feature = "city",
                  .iso3 = "CHN",
                  .fips = "CH",
                  .adm1 = "CH22",
                  .geonames_id = 1816670,
                  .lat = 39.9075,
                  .lon = 116.39723};
  e.predicate_span = {23, 30};
  e.pattern_id = "visit-host";
  return se;
}

std::vector<std::vector<std::string>> Rows(const std::string& out) {
  std::vector<std::vector<std::string>> rows;
  for (std::string_view line : util::Split(out, '\n')) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    for (std::string_view c : util::Split(line, '\t')) f.emplace_back(c);
    rows.push_back(std::move(f));
  }
  return rows;
}

class ExportTest : public ::testing::Test {
 protected:
  static EventExporter Make(ExportFormat f) {
    Result<EventExporter> ex = EventExporter::Create(f);
    EXPECT_TRUE(ex.ok()) << ex.status().ToString();
    return std::move(*ex);
  }
};

TEST_F(ExportTest, GdeltEventsHave61ColumnsAndOneRowPerDyad) {
  EventExporter ex = Make(ExportFormat::kGdelt);
  std::string out;
  ex.Append(Sample(), out);
  auto rows = Rows(out);
  ASSERT_EQ(rows.size(), 2u);  // 2 sources x 1 target.
  for (const auto& r : rows) ASSERT_EQ(r.size(), 61u);
  const auto& r = rows[0];
  EXPECT_EQ(r[0], "7000");
  EXPECT_EQ(rows[1][0], "7001");
  EXPECT_EQ(r[1], "20250902");
  EXPECT_EQ(r[2], "202509");
  EXPECT_EQ(r[3], "2025");
  EXPECT_EQ(r[4], "2025.6712");  // Day 245 of 365.
  EXPECT_EQ(r[5], "CHNGOV");
  EXPECT_EQ(r[6], "XI JINPING");
  EXPECT_EQ(r[7], "CHN");
  EXPECT_EQ(r[12], "GOV");
  EXPECT_EQ(r[15], "IGOUNO");
  EXPECT_EQ(r[17], "");     // No country for an IGO.
  EXPECT_EQ(r[18], "UNO");  // Known group.
  EXPECT_EQ(r[22], "IGO");  // Type.
  EXPECT_EQ(rows[1][5], "RUSGOV");
  EXPECT_EQ(r[25], "1");
  EXPECT_EQ(r[26], "042");  // Leading zero kept.
  EXPECT_EQ(r[27], "042");
  EXPECT_EQ(r[28], "04");
  EXPECT_EQ(r[29], "1");
  EXPECT_EQ(r[30], "1.9");
  EXPECT_EQ(r[35], "0");  // Actor1Geo_Type: none.
  EXPECT_EQ(r[51], "4");  // ActionGeo_Type: world city.
  EXPECT_EQ(r[52], "Beijing");
  EXPECT_EQ(r[53], "CH");  // FIPS, not ISO.
  EXPECT_EQ(r[54], "CH22");
  EXPECT_EQ(r[56], "39.9075");
  EXPECT_EQ(r[58], "1816670");
  EXPECT_EQ(r[59], "20250902101500");
  EXPECT_EQ(r[60], "https://example.test/summit");
}

TEST_F(ExportTest, GdeltWithoutTargetsWritesABlankActor2) {
  StoredEvent se = Sample();
  se.event.targets.clear();
  se.event.sources.resize(1);
  se.event.place.reset();
  se.event.date = "2024-06";
  EventExporter ex = Make(ExportFormat::kGdelt);
  std::string out;
  ex.Append(se, out);
  auto rows = Rows(out);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), 61u);
  EXPECT_EQ(rows[0][15], "");
  EXPECT_EQ(rows[0][1], "20240601");  // Month precision: first day of the month.
  EXPECT_EQ(rows[0][51], "0");
}

TEST_F(ExportTest, GdeltMentionsHave16Columns) {
  EventExporter ex = Make(ExportFormat::kGdeltMentions);
  std::string out;
  ex.Append(Sample(), out);
  auto rows = Rows(out);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), 16u);
  EXPECT_EQ(rows[0][0], "7000");
  EXPECT_EQ(rows[0][4], "Annals Wire");
  EXPECT_EQ(rows[0][6], "1");   // SentenceID is 1-based.
  EXPECT_EQ(rows[0][7], "10");  // Actor1CharOffset.
  EXPECT_EQ(rows[1][7], "17");
  EXPECT_EQ(rows[0][8], "40");
  EXPECT_EQ(rows[0][9], "23");
  EXPECT_EQ(rows[0][12], "1200");
}

TEST_F(ExportTest, PloverJsonRoundTrips) {
  EventExporter ex = Make(ExportFormat::kPlover);
  std::string out;
  ex.Append(Sample(), out);
  nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "ANNALS-7");
  EXPECT_EQ(j["date"], "2025-09-02");
  ASSERT_EQ(j["actor"].size(), 2u);
  EXPECT_EQ(j["actor"][0]["code"], "CHN");
  EXPECT_EQ(j["actor"][0]["sector"], "GOV");
  EXPECT_EQ(j["actor"][0]["entity_text"], "Xi");
  EXPECT_EQ(j["recipient"][0]["code"], "IGO");
  EXPECT_EQ(j["event"][0], "CONSULT");
  EXPECT_EQ(j["mode"][0], "visit");
  EXPECT_EQ(j["quad_code"], 1);
  EXPECT_EQ(j["event_loc"]["geonameid"], 1816670);
  EXPECT_EQ(j["cite_info"]["url"], "https://example.test/summit");
}

TEST_F(ExportTest, CsvQuotesAndHasAHeader) {
  EventExporter ex = Make(ExportFormat::kCsv);
  StoredEvent se = Sample();
  se.document_url = "https://example.test/a,b";
  std::string out = ex.Header();
  ex.Append(se, out);
  auto lines = util::Split(out, '\n');
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(util::Split(lines[0], ',').size(), 24u);
  EXPECT_NE(lines[1].find("CHNGOV|RUSGOV,042,IGOUNO"), std::string::npos);
  EXPECT_NE(lines[1].find("\"https://example.test/a,b\""), std::string::npos);
}

TEST(ExportFormatTest, Parses) {
  EXPECT_EQ(*ParseExportFormat("gdelt-mentions"), ExportFormat::kGdeltMentions);
  EXPECT_EQ(ParseExportFormat("xml").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace annals
