// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "annals/server.h"
#include "annals/store.h"
#include "server/web_assets.h"

namespace annals {
namespace {

using Json = nlohmann::json;
using ParamMap = std::multimap<std::string, std::string>;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char tmpl[] = "/tmp/annals-api-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    db_ = std::string(tmpl) + "/t.db";
    auto store = Store::Open({.path = db_});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Begin().ok());
    Document d;
    d.id = "summit";
    d.title = "Leaders meet";
    d.date = "2025-09-02";
    d.text = "Intro. Xi met Putin in Beijing.";
    ASSERT_TRUE((*store)->PutDocument(d).ok());
    Event e;
    e.date = "2025-09-02";
    e.cameo = "042";
    e.cameo_base = "042";
    e.cameo_root = "04";
    e.quad_class = 1;
    e.goldstein = 1.9;
    e.sentence_index = 1;
    e.sentence_span = {7, 31};
    e.sources = {{.code = "CHNGOV", .text = "Xi", .span = {7, 9}}};
    e.targets = {{.code = "RUSGOV", .text = "Putin", .span = {14, 19}}};
    e.predicate_span = {10, 13};
    e.place = Place{.name = "Beijing", .iso3 = "CHN", .lat = 39.9, .lon = 116.4};
    ASSERT_TRUE((*store)->PutEvents("summit", {e}).ok());
    ASSERT_TRUE((*store)->Commit().ok());
    auto ro = Store::Open({.path = db_, .read_only = true});
    ASSERT_TRUE(ro.ok());
    store_ = ro->release();
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
    std::error_code ec;  // The test's own temporary directory; a failure to remove it is harmless.
    std::filesystem::remove_all(std::filesystem::path(db_).parent_path(), ec);
  }

  static Json Get(const std::string& path, const ParamMap& params, int expect_status) {
    ApiResponse r = HandleApiRequest(*store_, path, params, 1000);
    EXPECT_EQ(r.status, expect_status) << path << " " << r.body;
    return Json::parse(r.body);
  }
  static std::string db_;
  static Store* store_;
};
std::string ApiTest::db_;
Store* ApiTest::store_ = nullptr;

TEST_F(ApiTest, StatsEventsAndEventDetailWithHighlights) {
  Json stats = Get("/api/stats", {}, 200);
  EXPECT_EQ(stats["documents"], 1);
  EXPECT_EQ(stats["events"], 1);
  EXPECT_EQ(stats["quad_counts"][0], 1);

  Json events = Get("/api/events", {{"actor", "CHN"}}, 200);
  ASSERT_EQ(events["events"].size(), 1u);
  int64_t id = events["events"][0]["id"];
  Json detail = Get("/api/events/" + std::to_string(id), {}, 200);
  EXPECT_EQ(detail["sentence_text"]["text"], "Xi met Putin in Beijing.");
  Json h = detail["sentence_text"]["highlights"];
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0]["role"], "source");
  EXPECT_EQ(h[0]["begin"], 0);
  EXPECT_EQ(h[1]["role"], "predicate");
  EXPECT_EQ(h[1]["begin"], 3);
  EXPECT_EQ(h[2]["role"], "target");
  EXPECT_EQ(h[2]["end"], 12);
  EXPECT_EQ(detail["document"]["title"], "Leaders meet");
  Get("/api/events/999999", {}, 404);
}

TEST_F(ApiTest, AggregatesAndDocuments) {
  Json dyad = Get("/api/dyad", {{"a", "CHN"}, {"b", "RUS"}, {"by", "day"}}, 200);
  ASSERT_EQ(dyad["periods"].size(), 1u);
  EXPECT_EQ(dyad["periods"][0]["period"], "2025-09-02");
  EXPECT_EQ(Get("/api/actors", {{"countries", "true"}}, 200)["actors"].size(), 2u);
  EXPECT_EQ(Get("/api/network", {}, 200)["edges"][0]["cooperation"], 1);
  EXPECT_EQ(Get("/api/places", {}, 200)["places"][0]["name"], "Beijing");
  EXPECT_EQ(Get("/api/documents", {{"q", "Putin"}}, 200)["documents"].size(), 1u);
  Json doc = Get("/api/documents/summit", {}, 200);
  EXPECT_EQ(doc["events"].size(), 1u);
  Get("/api/documents/nope", {}, 404);
  Json timeline = Get("/api/timeline", {{"by", "day"}}, 200);
  ASSERT_EQ(timeline["periods"].size(), 1u);
  EXPECT_EQ(timeline["periods"][0]["period"], "2025-09-02");
  EXPECT_EQ(timeline["periods"][0]["quad_counts"][0], 1);
  EXPECT_EQ(Get("/api/timeline", {{"to", "2025-08-31"}}, 200)["periods"].size(), 0u);
}

TEST_F(ApiTest, EveryBadParameterIsA400NamingIt) {
  struct Case {
    std::string path;
    ParamMap params;
    std::string parameter;
  } cases[] = {
      {"/api/events", {{"limit", "0"}}, "limit"},
      {"/api/events", {{"limit", "5000"}}, "limit"},
      {"/api/events", {{"limit", "ten"}}, "limit"},
      {"/api/events", {{"from", "yesterday"}}, "from"},
      {"/api/events", {{"actor", "CHN' OR 1=1"}}, "actor"},
      {"/api/events", {{"cameo", "04a"}}, "cameo"},
      {"/api/events", {{"quad", "7"}}, "quad"},
      {"/api/events", {{"include_flagged", "maybe"}}, "include_flagged"},
      {"/api/events", {{"acter", "CHN"}}, "acter"},
      {"/api/events", {{"actor", "CHN"}, {"actor", "RUS"}}, "actor"},
      {"/api/dyad", {{"a", "CHN"}}, "b"},
      {"/api/dyad", {{"a", "CHN"}, {"b", "RUS"}, {"by", "year"}}, "by"},
      {"/api/actors", {{"top", "-1"}}, "top"},
      {"/api/stats", {{"x", "1"}}, "x"},
      {"/api/timeline", {{"by", "year"}}, "by"},
      {"/api/timeline", {{"from", "soon"}}, "from"},
      {"/api/events/abc", {}, "id"},
      {"/api/events", {{"to", "2025-13-01"}}, "to"},
      {"/api/events", {{"place", std::string(101, 'x')}}, "place"},
      {"/api/events", {{"q", std::string(201, 'x')}}, "q"},
      {"/api/events", {{"document", std::string(201, 'x')}}, "document"},
      {"/api/events", {{"offset", "-1"}}, "offset"},
      {"/api/events/1", {{"limit", "5"}}, "limit"},
      {"/api/dyad", {{"b", "RUS"}}, "a"},
      {"/api/dyad", {{"a", "CH N"}, {"b", "RUS"}}, "a"},
      {"/api/dyad", {{"a", "CHN"}, {"b", "RUS"}, {"from", "2025-02-30"}}, "from"},
      {"/api/dyad", {{"a", "CHN"}, {"b", "RUS"}, {"to", "june"}}, "to"},
      {"/api/dyad", {{"a", "CHN"}, {"b", "RUS"}, {"include_flagged", "2"}}, "include_flagged"},
      {"/api/dyad", {{"a", "CHN"}, {"b", "RUS"}, {"c", "IND"}}, "c"},
      {"/api/timeline", {{"to", "2025-1-1"}}, "to"},
      {"/api/timeline", {{"include_flagged", "yes please"}}, "include_flagged"},
      {"/api/actors", {{"top", "1001"}}, "top"},
      {"/api/actors", {{"from", "x"}}, "from"},
      {"/api/actors", {{"to", "x"}}, "to"},
      {"/api/actors", {{"countries", "sometimes"}}, "countries"},
      {"/api/actors", {{"include_flagged", "x"}}, "include_flagged"},
      {"/api/network", {{"top", "0"}}, "top"},
      {"/api/network", {{"from", "x"}}, "from"},
      {"/api/network", {{"countries", "x"}}, "countries"},
      {"/api/network", {{"actor", "CHN"}}, "actor"},
      {"/api/places", {{"top", "abc"}}, "top"},
      {"/api/places", {{"to", "x"}}, "to"},
      {"/api/places", {{"include_flagged", "x"}}, "include_flagged"},
      {"/api/documents", {{"limit", "0"}}, "limit"},
      {"/api/documents", {{"offset", "x"}}, "offset"},
      {"/api/documents", {{"from", "x"}}, "from"},
      {"/api/documents", {{"to", "x"}}, "to"},
      {"/api/documents", {{"q", std::string(201, 'x')}}, "q"},
      {"/api/documents", {{"title", "x"}}, "title"},
      {"/api/documents/some-id", {{"x", "1"}}, "x"},
  };
  for (const Case& c : cases) {
    Json j = Get(c.path, c.params, 400);
    EXPECT_EQ(j["parameter"], c.parameter) << c.path;
    EXPECT_FALSE(j["error"].get<std::string>().empty());
  }
  Json bad_search = Get("/api/documents", {{"q", "\"open"}}, 400);
  EXPECT_NE(bad_search["error"].get<std::string>().find("search"), std::string::npos);
  Get("/api/nothing", {}, 404);
}

TEST_F(ApiTest, ServesOverLoopbackAndRefusesWrites) {
  std::atomic<bool> stop{false};
  std::atomic<int> port{0};
  ServerOptions options;
  options.db = db_;
  options.port = 0;
  options.threads = 2;
  options.bound_port = &port;
  Status served;
  std::thread t([&] { served = Serve(options, &stop); });
  for (int i = 0; i < 100 && port.load() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_NE(port.load(), 0);
  httplib::Client client("127.0.0.1", port.load());
  auto res = client.Get("/api/stats");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(Json::parse(res->body)["events"], 1);
  auto bad = client.Get("/api/events?limit=0");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  // The dashboard (or, when it was not built, a page that says so) is served at /.
  auto root = client.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, WebDashboardBuilt() ? 200 : 503);
  EXPECT_NE(root->body.find("<html"), std::string::npos);
  auto missing = client.Get("/assets/nope.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, WebDashboardBuilt() ? 404 : 503);
  if (WebDashboardBuilt()) {
    // The script index.html names is embedded and served with its type.
    size_t at = root->body.find("/assets/");
    ASSERT_NE(at, std::string::npos);
    std::string script = root->body.substr(at, root->body.find('"', at) - at);
    auto js = client.Get(script);
    ASSERT_TRUE(js);
    EXPECT_EQ(js->status, 200);
    EXPECT_EQ(js->body.size(), FindWebAsset(script)->size);
    EXPECT_NE(js->get_header_value("Content-Type").find("script"), std::string::npos);
  }
  auto post = client.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  stop = true;
  t.join();
  EXPECT_TRUE(served.ok()) << served.ToString();
  // Missing databases are refused before binding.
  options.db = "/nonexistent/x.db";
  EXPECT_FALSE(Serve(options, &stop).ok());
}

}  // namespace
}  // namespace annals
