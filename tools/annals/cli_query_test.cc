// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `annals query` and `annals export` on a database built through the Store
// API: what the commands print, their exit codes, and that exports parse back to the stored events.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/cameo.h"
#include "annals/store.h"
#include "util/text.h"

namespace annals {
namespace {

struct CmdResult {
  int code = -1;
  std::string out;
};

// Runs the CLI with `args` (shell-quoted by the caller), capturing stdout.
CmdResult Annals(const std::string& args) {
  std::string cmd = std::string(ANNALS_CLI) + " " + args + " 2>/dev/null";
  CmdResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::vector<std::string_view> Lines(const std::string& s) {
  std::vector<std::string_view> out;
  for (std::string_view l : util::Split(s, '\n')) {
    if (!l.empty()) out.push_back(l);
  }
  return out;
}

class CliQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char tmpl[] = "/tmp/annals-cli-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    db_ = dir_ + "/t.db";
    Result<std::unique_ptr<Store>> store = Store::Open({.path = db_});
    ASSERT_TRUE(store.ok());
    Result<CameoOntology> cameo = CameoOntology::LoadDefault();
    ASSERT_TRUE(cameo.ok());
    ASSERT_TRUE((*store)->Begin().ok());
    Document d;
    d.id = "summit";
    d.url = "https://example.test/summit";
    d.source = "Annals Wire";
    d.title = "Leaders meet in Beijing";
    d.date = "2025-09-02";
    d.text = "Xi met Putin in Beijing. Bessent accused China and India. Talks may follow.";
    Result<PutResult> put = (*store)->PutDocument(d);
    ASSERT_TRUE(put.ok());
    auto ev = [&](std::string code, std::vector<std::string> s, std::vector<std::string> t,
                  int sentence) {
      Event e;
      e.cameo = code;
      EXPECT_TRUE(cameo->Annotate(e).ok());
      e.date = "2025-09-02";
      e.date_precision = "day";
      e.sentence_index = sentence;
      for (auto& c : s) e.sources.push_back({.code = c, .text = c});
      for (auto& c : t) e.targets.push_back({.code = c, .text = c});
      return e;
    };
    Event maybe = ev("036", {"CHNGOV"}, {"INDGOV"}, 2);
    maybe.hypothetical = true;
    ASSERT_TRUE((*store)
                    ->PutEvents(put->id, {ev("042", {"CHNGOV"}, {"RUSGOV"}, 0),
                                          ev("112", {"USAGOV"}, {"CHNGOV", "INDGOV"}, 1), maybe})
                    .ok());
    ASSERT_TRUE((*store)->Commit().ok());
  }
  static void TearDownTestSuite() {
    std::error_code ec;  // The test's own temporary directory; a failure to remove it is harmless.
    std::filesystem::remove_all(dir_, ec);
  }
  static std::string dir_, db_;
};
std::string CliQueryTest::dir_, CliQueryTest::db_;

TEST_F(CliQueryTest, EventsAsJsonLeaveFlaggedEventsOut) {
  CmdResult r = Annals("query --db " + db_ + " --json events");
  ASSERT_EQ(r.code, 0);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  nlohmann::json first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["cameo"], "042");
  EXPECT_EQ(first["sources"][0]["code"], "CHNGOV");
  CmdResult all = Annals("query --db " + db_ + " --json events --include-flagged --actor IND");
  EXPECT_EQ(Lines(all.out).size(), 2u);
}

TEST_F(CliQueryTest, DyadActorsNetworkAsCsv) {
  CmdResult r = Annals("query --db " + db_ + " --csv dyad CHN USA --by day");
  ASSERT_EQ(r.code, 0);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "period,from,to,events,verbal_coop,material_coop,verbal_conflict,material_conflict,"
            "mean_goldstein");
  EXPECT_EQ(lines[1], "2025-09-02,USA,CHN,1,0,0,1,0,-2.00");
  CmdResult actors = Annals("query --db " + db_ + " --csv actors --countries");
  ASSERT_EQ(actors.code, 0);
  EXPECT_EQ(Lines(actors.out)[1], "CHN,2,1,1");
  CmdResult net = Annals("query --db " + db_ + " --csv network --countries");
  ASSERT_EQ(net.code, 0);
  EXPECT_EQ(Lines(net.out).size(), 4u);  // Header + CHN>RUS, USA>CHN, USA>IND.
}

TEST_F(CliQueryTest, TableOutputAndDocumentSearch) {
  CmdResult r = Annals("query --db " + db_ + " documents --search Bessent");
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Leaders meet in Beijing"), std::string::npos);
  EXPECT_NE(r.out.find("[Bessent]"), std::string::npos);
}

TEST_F(CliQueryTest, BadParametersAreUsageErrors) {
  EXPECT_EQ(Annals("query --db " + db_ + " dyad CHN RUS --by year").code, 2);
  EXPECT_EQ(Annals("query --db " + db_ + " events --cameo 04x").code, 2);
  EXPECT_EQ(Annals("query --db " + db_ + " documents --search '\"open'").code, 2);
  EXPECT_EQ(Annals("query --db " + db_ + " --json --csv events").code, 2);
  EXPECT_EQ(Annals("query --db " + dir_ + "/missing.db events").code, 1);
  EXPECT_EQ(Annals("export --db " + db_ + " --format xml").code, 2);
}

TEST_F(CliQueryTest, GdeltExportHas61FieldsPerDyadAndRoundTrips) {
  CmdResult r = Annals("export --db " + db_ + " --format gdelt");
  ASSERT_EQ(r.code, 0);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);  // 042: one dyad; 112: two dyads; 036 flagged: none.
  for (std::string_view l : lines) ASSERT_EQ(util::Split(l, '\t').size(), 61u);
  auto f = util::Split(lines[1], '\t');
  EXPECT_EQ(f[5], "USAGOV");
  EXPECT_EQ(f[15], "CHNGOV");
  EXPECT_EQ(f[26], "112");
  EXPECT_EQ(f[60], "https://example.test/summit");
  CmdResult mentions = Annals("export --db " + db_ + " --format gdelt-mentions");
  ASSERT_EQ(Lines(mentions.out).size(), 3u);
  EXPECT_EQ(util::Split(Lines(mentions.out)[0], '\t').size(), 16u);
}

TEST_F(CliQueryTest, PloverAndCsvExportsParseBackToTheStoredEvents) {
  CmdResult r = Annals("export --db " + db_ + " --format plover --include-flagged");
  ASSERT_EQ(r.code, 0);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  std::vector<std::string> events;
  for (std::string_view l : lines) {
    nlohmann::json j = nlohmann::json::parse(l);
    events.push_back(j["cameo"].get<std::string>() + ":" + j["event"][0].get<std::string>());
  }
  EXPECT_EQ(events, (std::vector<std::string>{"042:CONSULT", "112:ACCUSE", "036:AGREE"}));
  CmdResult csv = Annals("export --db " + db_ + " --format csv -o " + dir_ + "/e.csv");
  ASSERT_EQ(csv.code, 0);
  FILE* f = std::fopen((dir_ + "/e.csv").c_str(), "r");
  ASSERT_NE(f, nullptr);
  char line[4096];
  int rows = 0;
  while (std::fgets(line, sizeof(line), f) != nullptr) ++rows;
  std::fclose(f);
  EXPECT_EQ(rows, 3);  // Header + 2 unflagged events.
}

}  // namespace
}  // namespace annals
