// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The store suite, run against every backend: SQLite always, PostgreSQL when ANNALS_TEST_PG holds
// a connection URL (scripts/pg-test-server prints one). Each PostgreSQL test runs in a schema of
// its own, dropped afterwards.
#include "annals/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

#ifdef ANNALS_HAVE_POSTGRES
#include <pqxx/pqxx>
#endif

namespace annals {
namespace {

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  bool postgres() const { return GetParam() == "postgresql"; }

  void SetUp() override {
    if (postgres()) {
      const char* url = std::getenv("ANNALS_TEST_PG");
      if (url == nullptr || *url == 0) {
        GTEST_SKIP() << "ANNALS_TEST_PG is not set: PostgreSQL backend not tested "
                        "(start a server with scripts/pg-test-server start)";
      }
#ifdef ANNALS_HAVE_POSTGRES
      static std::atomic<int> counter{0};
      schema_ = "annals_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
      base_url_ = url;
      try {
        pqxx::connection c(base_url_);
        pqxx::nontransaction n(c);
        n.exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
        n.exec("CREATE SCHEMA " + schema_);
      } catch (const std::exception& e) {
        FAIL() << "cannot prepare a schema on ANNALS_TEST_PG: " << e.what();
      }
      path_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
              "options=-csearch_path%3D" + schema_;
#else
      GTEST_SKIP() << "this build has no PostgreSQL backend (libpqxx missing)";
#endif
      return;
    }
    char tmpl[] = "/tmp/annals-store-XXXXXX";
    int fd = mkstemp(tmpl);
    ASSERT_GE(fd, 0);
    close(fd);
    path_ = tmpl;
    std::remove(path_.c_str());
  }
  void TearDown() override {
    if (postgres()) {
#ifdef ANNALS_HAVE_POSTGRES
      if (schema_.empty()) return;
      try {
        pqxx::connection c(base_url_);
        pqxx::nontransaction n(c);
        n.exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      } catch (const std::exception& e) {
        ADD_FAILURE() << "cannot drop test schema " << schema_ << ": " << e.what();
      }
#endif
      return;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  // Marks the stored database as having schema `version`, behind the store's back.
  void SetStoredVersion(int version) {
    if (postgres()) {
#ifdef ANNALS_HAVE_POSTGRES
      pqxx::connection c(base_url_);
      pqxx::nontransaction n(c);
      n.exec("UPDATE " + schema_ + ".annals_schema SET version = " + std::to_string(version));
#endif
      return;
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string sql = "PRAGMA user_version = " + std::to_string(version);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  // Turns a current database back into a version-2 one (no event_dyads), as an older Annals left
  // it, to test the 2 -> 3 migration on data.
  // Undoes the 7 -> 8 (event_actors role, country and text; the events' derived columns),
  // 6 -> 7 (no event_dyads), 5 -> 6 (key hashes; the keys come back empty), 4 -> 5
  // (dyad_periods), 3 -> 4 (rollups) and 2 -> 3 (event_dyads) migrations, so reopening tests
  // them.
  void DowngradeToVersion2() {
    const char* sqlite_v8 =
        "DROP TRIGGER events_rollups_delete; CREATE TABLE ea7(event_rowid INTEGER NOT NULL "
        "REFERENCES events(rowid) ON DELETE CASCADE, role TEXT NOT NULL CHECK(role IN ('source', "
        "'target')), position INTEGER NOT NULL, code TEXT NOT NULL, country TEXT NOT NULL, name "
        "TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '', span_begin INTEGER NOT NULL "
        "DEFAULT 0, span_end INTEGER NOT NULL DEFAULT 0, entry_id TEXT NOT NULL DEFAULT '', "
        "PRIMARY KEY(event_rowid, role, position)) WITHOUT ROWID; INSERT INTO ea7 SELECT "
        "a.event_rowid, CASE a.role WHEN 0 THEN 'source' ELSE 'target' END, a.position, a.code, "
        "substr(a.code, 1, 3), a.name, coalesce(a.text, CAST(substr(CAST(d.text AS BLOB), "
        "a.span_begin + 1, a.span_end - a.span_begin) AS TEXT)), a.span_begin, a.span_end, "
        "a.entry_id FROM event_actors a JOIN events e ON e.rowid = a.event_rowid JOIN documents "
        "d ON d.rowid = e.document_rowid; DROP TABLE event_actors; ALTER TABLE ea7 RENAME TO "
        "event_actors; CREATE INDEX event_actors_code ON event_actors(code, role);";
    const char* pg_v8 =
        "DROP TRIGGER events_rollups_delete ON events; ALTER TABLE event_actors ADD COLUMN "
        "country TEXT COLLATE \"C\" NOT NULL DEFAULT ''; UPDATE event_actors a SET country = "
        "left(a.code, 3), text = coalesce(a.text, convert_from(substring(convert_to(d.text, "
        "'UTF8') FROM a.span_begin + 1 FOR a.span_end - a.span_begin), 'UTF8')) FROM events e, "
        "documents d WHERE e.rowid = a.event_rowid AND d.rowid = e.document_rowid; ALTER TABLE "
        "event_actors ALTER COLUMN text SET NOT NULL, ALTER COLUMN text SET DEFAULT ''; ALTER "
        "TABLE event_actors DROP CONSTRAINT event_actors_role_check; ALTER TABLE event_actors "
        "ALTER COLUMN role TYPE TEXT COLLATE \"C\" USING CASE role WHEN 0 THEN 'source' ELSE "
        "'target' END; ALTER TABLE event_actors ADD CONSTRAINT event_actors_role_check "
        "CHECK(role IN ('source', 'target'));";
    const char* both_v8 =
        "ALTER TABLE events ADD COLUMN cameo_base TEXT NOT NULL DEFAULT ''; ALTER TABLE events "
        "ADD COLUMN cameo_root TEXT NOT NULL DEFAULT ''; ALTER TABLE events ADD COLUMN "
        "source_codes TEXT NOT NULL DEFAULT ''; ALTER TABLE events ADD COLUMN target_codes TEXT "
        "NOT NULL DEFAULT ''; UPDATE events SET cameo_base = substr(cameo, 1, 3), cameo_root = "
        "substr(cameo, 1, 2); CREATE INDEX events_group ON events(group_hash);";
    const char* sql =
        "DROP INDEX events_group; DROP INDEX events_day; ALTER TABLE events DROP COLUMN "
        "group_hash; ALTER TABLE events DROP COLUMN day_hash; ALTER TABLE events ADD COLUMN "
        "group_key TEXT NOT NULL DEFAULT ''; ALTER TABLE events ADD COLUMN day_key TEXT NOT NULL "
        "DEFAULT ''; CREATE INDEX events_group ON events(group_key); CREATE INDEX events_day ON "
        "events(day_key); DROP TABLE event_days; DROP TABLE "
        "dyad_periods; "
        "CREATE INDEX events_root_date ON events(cameo_root, date); DROP TABLE IF EXISTS "
        "event_dyads; "
        "CREATE INDEX event_actors_country ON event_actors(country, role);";
    const std::string all = std::string(postgres() ? pg_v8 : sqlite_v8) + both_v8 + sql;
    sql = all.c_str();
    if (postgres()) {
#ifdef ANNALS_HAVE_POSTGRES
      pqxx::connection c(path_);
      pqxx::work w(c);
      w.exec(sql);
      w.exec("DROP FUNCTION annals_events_rollups_delete()");
      w.exec("UPDATE annals_schema SET version = 2");
      w.commit();
#endif
      return;
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 2", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  std::unique_ptr<Store> OpenStore(bool read_only = false) {
    Result<std::unique_ptr<Store>> s = Store::Open({.path = path_, .read_only = read_only});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (s.ok()) {
      EXPECT_EQ((*s)->Backend(), GetParam());
    }
    return s.ok() ? std::move(*s) : nullptr;
  }
  static Document Doc(std::string id, std::string url, std::string text) {
    Document d;
    d.id = std::move(id);
    d.url = std::move(url);
    d.text = std::move(text);
    d.title = "Title of " + d.id;
    d.date = "2025-09-02";
    return d;
  }
  std::string path_;
  std::string base_url_;
  std::string schema_;
};

TEST_P(StoreTest, CreatesSchemaAndReportsVersion) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), Store::kSchemaVersion);
  EXPECT_EQ(*store->CountDocuments(), 0);
}

TEST_P(StoreTest, IngestIsIdempotentAndUpdatesChangedDocuments) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Begin().ok());
  EXPECT_EQ(store->PutDocument(Doc("a", "https://x.test/a", "Leaders met in Beijing."))->outcome,
            PutOutcome::kInserted);
  EXPECT_EQ(store->PutDocument(Doc("b", "", "Talks ended  without\na deal."))->outcome,
            PutOutcome::kInserted);
  ASSERT_TRUE(store->Commit().ok());

  ASSERT_TRUE(store->Begin().ok());
  // Same URL, same text: unchanged.
  EXPECT_EQ(store->PutDocument(Doc("a", "https://x.test/a", "Leaders met in Beijing."))->outcome,
            PutOutcome::kUnchanged);
  // No URL, same text up to whitespace: unchanged even under another id.
  EXPECT_EQ(store->PutDocument(Doc("b2", "", "Talks ended without a deal."))->outcome,
            PutOutcome::kUnchanged);
  // Syndicated copy under another URL: not stored twice.
  EXPECT_EQ(
      store->PutDocument(Doc("c", "https://mirror.test/a", "Leaders met in Beijing."))->outcome,
      PutOutcome::kUnchanged);
  // Same URL, corrected text: updated in place.
  EXPECT_EQ(store->PutDocument(Doc("a", "https://x.test/a", "Leaders met in Beijing on Tuesday."))
                ->outcome,
            PutOutcome::kUpdated);
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(*store->CountDocuments(), 2);

  // The update reached the full-text index; the old text is gone from it.
  Result<std::vector<StoredDocument>> hits = store->QueryDocuments({.search = "Tuesday"});
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, "a");
  EXPECT_NE((*hits)[0].text.find("[Tuesday]"), std::string::npos);
}

TEST_P(StoreTest, RolledBackBatchLeavesNothing) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutDocument(Doc("a", "", "one")).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(*store->CountDocuments(), 0);
  // An uncommitted transaction when the store is closed (a killed process) is not kept either.
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutDocument(Doc("b", "", "two")).ok());
  store.reset();
  auto again = OpenStore();
  EXPECT_EQ(*again->CountDocuments(), 0);
}

TEST_P(StoreTest, QueriesValidateAndFilter) {
  auto store = OpenStore();
  ASSERT_TRUE(store->Begin().ok());
  Document a = Doc("a", "", "Sanctions were announced.");
  a.date = "2024-06-19";
  Document b = Doc("b", "", "A ceasefire was signed.");
  b.date = "2025-01-15T10:00:00Z";
  ASSERT_TRUE(store->PutDocument(a).ok());
  ASSERT_TRUE(store->PutDocument(b).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(store->QueryDocuments({.limit = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->QueryDocuments({.search = "\"unbalanced"}).status().code(),
            StatusCode::kInvalidArgument);
  auto in2025 = store->QueryDocuments({.date_from = "2025-01-01", .date_to = "2025-01-15"});
  ASSERT_TRUE(in2025.ok());
  ASSERT_EQ(in2025->size(), 1u);
  EXPECT_EQ((*in2025)[0].id, "b");
  auto all = store->QueryDocuments({});
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, "a");  // Date order.
}

TEST_P(StoreTest, ReadOnlyRefusesWritesAndNewerSchemas) {
  { auto store = OpenStore(); }
  auto ro = OpenStore(/*read_only=*/true);
  ASSERT_NE(ro, nullptr);
  EXPECT_FALSE(ro->PutDocument(Doc("x", "", "text")).ok());
  ro.reset();
  // A database from a future version is refused, not damaged.
  SetStoredVersion(99);
  Result<std::unique_ptr<Store>> s = Store::Open({.path = path_});
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
}

Event MakeEvent(std::string cameo, std::vector<std::string> sources,
                std::vector<std::string> targets) {
  Event e;
  e.sentence_index = 1;
  e.date = "2025-09-02";
  e.date_precision = "day";
  e.cameo = cameo;
  e.cameo_base = cameo.substr(0, 3);
  e.cameo_root = cameo.substr(0, 2);
  e.quad_class = 1;
  e.goldstein = 1.0;
  for (const std::string& c : sources) e.sources.push_back({.code = c, .text = c});
  for (const std::string& c : targets) e.targets.push_back({.code = c, .text = c});
  return e;
}

TEST_P(StoreTest, EventsKeepActorListsAndAreReplacedNotDuplicated) {
  auto store = OpenStore();
  ASSERT_TRUE(store->Begin().ok());
  Result<PutResult> put = store->PutDocument(Doc("d", "", "China and Russia met India."));
  ASSERT_TRUE(put.ok());
  std::vector<Event> events = {MakeEvent("040", {"CHNGOV", "RUSGOV"}, {"INDGOV"})};
  {
    Status put_status = store->PutEvents(put->id, events);
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }
  {
    Status put_status = store->PutEvents(put->id, events);
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }  // Re-coding replaces.
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(*store->CountEvents(), 1);

  Result<std::vector<StoredEvent>> got = store->QueryEvents({});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 1u);
  const Event& e = (*got)[0].event;
  EXPECT_EQ(e.document_id, "d");
  ASSERT_EQ(e.sources.size(), 2u);
  EXPECT_EQ(e.sources[0].code, "CHNGOV");
  EXPECT_EQ(e.sources[1].code, "RUSGOV");
  ASSERT_EQ(e.targets.size(), 1u);
  EXPECT_EQ(e.targets[0].code, "INDGOV");
  EXPECT_EQ(e.cameo, "040");

  EXPECT_EQ(store->PutEvents("missing", events).code(), StatusCode::kNotFound);
  Event bad = MakeEvent("040", {"CHN"}, {});
  bad.quad_class = 0;
  EXPECT_EQ(store->PutEvents(put->id, {bad}).code(), StatusCode::kInvalidArgument);
}

// Mention texts equal to the document's text at their span are stored as NULL and read back from
// the document (byte spans, multi-byte text included); any other text is kept as given, an empty
// one too, before and after the migrations.
TEST_P(StoreTest, ActorMentionTextsSurviveStorageAndMigration) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  const std::string text = "Zelenskyy met Erdoğan in Ankara; Türkiye hosted.";
  const uint32_t erdogan = static_cast<uint32_t>(text.find("Erdoğan"));
  const uint32_t turkiye = static_cast<uint32_t>(text.find("Türkiye"));
  ASSERT_TRUE(store->Begin().ok());
  Result<PutResult> put = store->PutDocument(Doc("m", "", text));
  ASSERT_TRUE(put.ok());
  Event e = MakeEvent("040", {"UKRGOV", "UKR"}, {"TURGOV", "TUR", "TURGOV"});
  e.sources[0] = {
      .code = "UKRGOV", .name = "ZELENSKYY", .text = "Zelenskyy", .span = {0, 9}, .entry_id = "e1"};
  e.sources[1] = {.code = "UKR", .text = "Ukraine", .span = {0, 9}};  // Not the span's text.
  e.targets[0] = {.code = "TURGOV", .text = "Erdoğan", .span = {erdogan, erdogan + 8}};
  e.targets[1] = {.code = "TUR", .text = "", .span = {turkiye, turkiye + 8}};  // Empty: kept.
  e.targets[2] = {.code = "TURGOV", .text = "Erdoğan", .span = {900, 908}};    // Outside the text.
  ASSERT_TRUE(store->PutEvents(put->id, {e}).ok());
  ASSERT_TRUE(store->Commit().ok());
  for (int pass = 0; pass < 2; ++pass) {
    SCOPED_TRACE(pass == 0 ? "stored" : "after the migrations from version 2");
    Result<std::vector<StoredEvent>> got = store->QueryEvents({});
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_EQ(got->size(), 1u);
    const Event& g = (*got)[0].event;
    EXPECT_EQ(g.sources, e.sources);
    EXPECT_EQ(g.targets, e.targets);
    EXPECT_EQ(g.cameo_base, "040");
    EXPECT_EQ(g.cameo_root, "04");
    if (pass == 0) {
      store.reset();
      DowngradeToVersion2();
      store = OpenStore();
      ASSERT_NE(store, nullptr);
    }
  }
}

TEST_P(StoreTest, EventQueriesFilterByActorCodeDateAndFlags) {
  auto store = OpenStore();
  ASSERT_TRUE(store->Begin().ok());
  Result<PutResult> put = store->PutDocument(Doc("d", "", "Several things happened."));
  Event meet = MakeEvent("042", {"CHNGOV"}, {"RUSGOV"});
  Event accuse = MakeEvent("112", {"USAGOV"}, {"CHNGOV", "INDGOV"});
  accuse.quad_class = 3;
  accuse.date = "2025-08-30";
  Event maybe = MakeEvent("0874", {"CHNMIL"}, {"PRKMIL"});
  maybe.hypothetical = true;
  maybe.place = Place{.name = "Kursk", .iso3 = "RUS", .fips = "RS", .lat = 51.7, .lon = 36.2};
  {
    Status put_status = store->PutEvents(put->id, {meet, accuse, maybe});
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }
  ASSERT_TRUE(store->Commit().ok());

  auto codes = [&](EventQuery q) {
    Result<std::vector<StoredEvent>> r = store->QueryEvents(q);
    if (!r.ok()) return r.status().ToString();
    std::string out;
    for (const StoredEvent& se : *r) out += se.event.cameo + " ";
    return out;
  };
  EXPECT_EQ(codes({}), "112 042 ");  // Date order; the hypothetical one left out.
  EXPECT_EQ(codes({.include_flagged = true}), "112 042 0874 ");
  EXPECT_EQ(codes({.actor = "CHN", .include_flagged = true}), "112 042 0874 ");
  EXPECT_EQ(codes({.actor = "CHNGOV"}), "112 042 ");
  EXPECT_EQ(codes({.actor = "IND"}), "112 ");
  EXPECT_EQ(codes({.cameo = "04"}), "042 ");
  EXPECT_EQ(codes({.quad_class = 3}), "112 ");
  EXPECT_EQ(codes({.date_from = "2025-09-01"}), "042 ");
  EXPECT_EQ(codes({.place = "RUS", .include_flagged = true}), "0874 ");
  EXPECT_EQ(codes({.search = "happened"}), "112 042 ");
  EXPECT_EQ(store->QueryEvents({.cameo = "04x"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->QueryEvents({.quad_class = 5}).status().code(), StatusCode::kInvalidArgument);
  auto with_place = store->QueryEvents({.include_flagged = true});
  ASSERT_TRUE((*with_place)[2].event.place.has_value());
  EXPECT_DOUBLE_EQ((*with_place)[2].event.place->lat, 51.7);
}

TEST_P(StoreTest, GroupsReportsOfTheSameEventAcrossDocuments) {
  auto store = OpenStore();
  ASSERT_TRUE(store->Begin().ok());
  Document a = Doc("a", "https://wire.test/a", "Xi met Putin in Beijing.");
  a.source = "Wire";
  Document b = Doc("b", "https://paper.test/b", "Putin and Xi met in Beijing on Tuesday.");
  b.source = "Paper";
  Document c = Doc("c", "https://wire.test/c", "Xi and Putin met again, in Beijing.");
  c.source = "Wire";
  Event meet = MakeEvent("040", {"CHNGOV"}, {"RUSGOV"});
  meet.place = Place{.name = "Beijing", .iso3 = "CHN", .geonames_id = 1816670};
  Event meet_elsewhere = meet;
  meet_elsewhere.place = Place{.name = "Shanghai", .iso3 = "CHN", .geonames_id = 1796236};
  Event other_day = meet;
  other_day.date = "2025-09-03";
  std::string ida = store->PutDocument(a)->id, idb = store->PutDocument(b)->id;
  std::string idc = store->PutDocument(c)->id;
  {
    Status put_status = store->PutEvents(ida, {meet, meet});
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }  // Two mentions in one article.
  {
    Status put_status = store->PutEvents(idb, {meet, meet_elsewhere});
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }
  {
    Status put_status = store->PutEvents(idc, {other_day});
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }
  ASSERT_TRUE(store->Commit().ok());

  Result<std::vector<StoredEvent>> all =
      store->QueryEvents({.grouping = EventGrouping::kSameEvent});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 5u);
  Result<std::vector<StoredEvent>> first =
      store->QueryEvents({.grouping = EventGrouping::kSameEvent, .first_report_only = true});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 3u);  // Beijing on the 2nd, Shanghai on the 2nd, Beijing on the 3rd.
  int64_t beijing_mentions = 0;
  for (const StoredEvent& se : *first) {
    EXPECT_EQ(se.group_id, se.id);
    if (se.event.date == "2025-09-02" && se.event.place->name == "Beijing") {
      beijing_mentions = se.num_mentions;
      EXPECT_EQ(se.num_articles, 2);
      EXPECT_EQ(se.num_sources, 2);
    }
  }
  EXPECT_EQ(beijing_mentions, 3);
  // One-a-day ignores the place: the Shanghai report joins the Beijing group.
  Result<std::vector<StoredEvent>> daily =
      store->QueryEvents({.grouping = EventGrouping::kOneADay, .first_report_only = true});
  ASSERT_TRUE(daily.ok());
  ASSERT_EQ(daily->size(), 2u);
  for (const StoredEvent& se : *daily) {
    if (se.event.date == "2025-09-02") {
      EXPECT_EQ(se.num_mentions, 4);
    }
    if (se.event.date == "2025-09-03") {
      EXPECT_EQ(se.num_mentions, 1);
    }
  }
  // Without grouping every event is its own group.
  Result<std::vector<StoredEvent>> ungrouped = store->QueryEvents({});
  ASSERT_TRUE(ungrouped.ok());
  for (const StoredEvent& se : *ungrouped) EXPECT_EQ(se.num_mentions, 1);
  EXPECT_EQ(EventGroupKey(meet, true) == EventGroupKey(meet_elsewhere, true), false);
  EXPECT_EQ(EventGroupKey(meet, false), EventGroupKey(meet_elsewhere, false));
}

TEST_P(StoreTest, DyadActorAndNetworkAggregates) {
  auto store = OpenStore();
  ASSERT_TRUE(store->Begin().ok());
  Result<PutResult> put = store->PutDocument(Doc("d", "", "text"));
  auto ev = [](std::string cameo, int quad, double g, std::string date, std::string s,
               std::string t) {
    Event e = MakeEvent(cameo, {s}, {t});
    e.quad_class = quad;
    e.goldstein = g;
    e.date = date;
    return e;
  };
  std::vector<Event> events = {
      ev("042", 1, 1.9, "2025-09-02", "CHNGOV", "RUSGOV"),
      ev("057", 1, 8.0, "2025-09-03", "RUSGOV", "CHNGOV"),
      ev("112", 3, -2.0, "2025-09-20", "CHNGOV", "RUSMIL"),
      ev("190", 4, -10.0, "2025-10-01", "USAMIL", "CHNMIL"),
  };
  {
    Status put_status = store->PutEvents(put->id, events);
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }
  ASSERT_TRUE(store->Commit().ok());

  Result<std::vector<DyadPeriod>> dyad = store->QueryDyad({.a = "CHN", .b = "RUS"});
  ASSERT_TRUE(dyad.ok()) << dyad.status().ToString();
  ASSERT_EQ(dyad->size(), 2u);  // September in both directions.
  const DyadPeriod& cr = (*dyad)[0].from == "CHN" ? (*dyad)[0] : (*dyad)[1];
  EXPECT_EQ(cr.period, "2025-09");
  EXPECT_EQ(cr.events, 2);
  EXPECT_EQ(cr.quad_counts[1], 1);
  EXPECT_EQ(cr.quad_counts[3], 1);
  EXPECT_NEAR(cr.mean_goldstein, (1.9 - 2.0) / 2, 1e-12);

  // Patterns shorter than a country code take the other path (the actor index) to the same answer.
  Result<std::vector<DyadPeriod>> short_dyad = store->QueryDyad({.a = "CH", .b = "RU"});
  ASSERT_TRUE(short_dyad.ok()) << short_dyad.status().ToString();
  ASSERT_EQ(short_dyad->size(), 2u);
  EXPECT_EQ((*short_dyad)[0].events + (*short_dyad)[1].events, 3);
  Result<std::vector<DyadPeriod>> narrow = store->QueryDyad({.a = "CHNGOV", .b = "RUSMIL"});
  ASSERT_TRUE(narrow.ok());
  ASSERT_EQ(narrow->size(), 1u);
  EXPECT_EQ((*narrow)[0].quad_counts[3], 1);

  // The migrations from version 2 rebuild the rollups from the stored events and actors.
  store.reset();
  DowngradeToVersion2();
  store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), Store::kSchemaVersion);
  Result<std::vector<DyadPeriod>> migrated = store->QueryDyad({.a = "CHN", .b = "RUS"});
  ASSERT_TRUE(migrated.ok());
  ASSERT_EQ(migrated->size(), 2u);
  EXPECT_EQ((*migrated)[0].events + (*migrated)[1].events, 3);

  dyad = store->QueryDyad({.a = "CHN", .b = "RUS", .by = "week"});
  ASSERT_TRUE(dyad.ok()) << dyad.status().ToString();
  ASSERT_EQ(dyad->size(), 3u);
  EXPECT_EQ((*dyad)[0].period, "2025-W36");
  EXPECT_EQ((*dyad)[2].period, "2025-W38");
  EXPECT_EQ(store->QueryDyad({.a = "CHN", .b = "RUS", .by = "year"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store->QueryDyad({.a = "CHN'--", .b = "RUS"}).status().code(),
            StatusCode::kInvalidArgument);

  // The timeline counts every event per period, whoever the actors.
  Result<std::vector<DyadPeriod>> timeline = store->Timeline({.by = "month"});
  ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
  ASSERT_EQ(timeline->size(), 2u);
  EXPECT_EQ((*timeline)[0].period, "2025-09");
  EXPECT_EQ((*timeline)[0].events, 3);
  EXPECT_EQ((*timeline)[0].quad_counts[1], 2);
  EXPECT_EQ((*timeline)[1].period, "2025-10");
  EXPECT_EQ((*timeline)[1].quad_counts[4], 1);
  EXPECT_DOUBLE_EQ((*timeline)[1].mean_goldstein, -10.0);
  Result<std::vector<DyadPeriod>> weeks =
      store->Timeline({.by = "week", .date_from = "2025-09-10"});
  ASSERT_TRUE(weeks.ok()) << weeks.status().ToString();
  ASSERT_EQ(weeks->size(), 2u);
  EXPECT_EQ((*weeks)[0].period, "2025-W38");
  EXPECT_EQ((*weeks)[1].period, "2025-W40");
  EXPECT_EQ(store->Timeline({.by = "year"}).status().code(), StatusCode::kInvalidArgument);

  Result<std::vector<ActorCount>> top = store->TopActors({.code_length = 3});
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 3u);
  EXPECT_EQ((*top)[0].code, "CHN");
  EXPECT_EQ((*top)[0].events, 4);
  EXPECT_EQ((*top)[0].as_source, 2);

  Result<std::vector<NetworkEdge>> net = store->Network({.code_length = 3});
  ASSERT_TRUE(net.ok());
  ASSERT_EQ(net->size(), 3u);
  EXPECT_EQ((*net)[0].source, "CHN");
  EXPECT_EQ((*net)[0].target, "RUS");
  EXPECT_EQ((*net)[0].cooperation, 1);
  EXPECT_EQ((*net)[0].conflict, 1);
}

// The rollups behind `query dyad` between countries, the timeline and the statistics must always
// equal what the events themselves say: after inserts, after a document's events are replaced,
// with flagged events and with events that have several sources and targets.
TEST_P(StoreTest, RollupsAgreeWithTheEventsAfterReplacement) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto ev = [](std::string cameo, int quad, double g, std::string date, std::vector<std::string> s,
               std::vector<std::string> t) {
    Event e = MakeEvent(cameo, s, t);
    e.quad_class = quad;
    e.goldstein = g;
    e.date = date;
    return e;
  };
  ASSERT_TRUE(store->Begin().ok());
  Result<PutResult> a = store->PutDocument(Doc("a", "", "First report."));
  Result<PutResult> b = store->PutDocument(Doc("b", "", "Second report."));
  ASSERT_TRUE(a.ok() && b.ok());
  Event flagged = ev("043", 1, 2.8, "2025-03-04", {"CHNGOV"}, {"RUSGOV"});
  flagged.hypothetical = true;
  ASSERT_TRUE(store
                  ->PutEvents(a->id, {ev("043", 1, 2.8, "2025-03-04", {"CHNGOV", "CHNMIL"},
                                         {"RUSGOV", "IND"}),
                                      ev("112", 3, -2.0, "2025-03-05", {"CHN"}, {"RUS"}), flagged})
                  .ok());
  ASSERT_TRUE(
      store->PutEvents(b->id, {ev("173", 4, -5.0, "2025-04-01", {"RUSMIL"}, {"CHN"})}).ok());
  ASSERT_TRUE(store->Commit().ok());

  // Compares the country dyad (rollup) with the same dyad asked through the events (a pattern
  // of four letters cannot use the rollup, so "CHNG"-style queries are not comparable; instead
  // the full-code path is forced with the two-letter prefixes, which match only CHN and RUS here).
  // Every period, with and without date bounds (bounds that cut a week or a month make the
  // rollup regroup its day rows; month-aligned ones read the month rows).
  auto check = [&](bool include_flagged, const char* when) {
    const std::pair<const char*, const char*> bounds[] = {
        {"", ""}, {"2025-03", "2025-03"}, {"2025-03-05", ""}, {"", "2025-03-04"}, {"2025-04", ""}};
    for (const auto& [from, to] : bounds) {
      for (const char* by : {"day", "week", "month"}) {
        DyadQuery query{.a = "CHN", .b = "RUS", .by = by, .date_from = from, .date_to = to};
        query.include_flagged = include_flagged;
        Result<std::vector<DyadPeriod>> rolled = store->QueryDyad(query);
        query.a = "CH";
        query.b = "RU";
        Result<std::vector<DyadPeriod>> direct = store->QueryDyad(query);
        ASSERT_TRUE(rolled.ok() && direct.ok()) << when;
        ASSERT_EQ(rolled->size(), direct->size())
            << when << " by " << by << " " << from << ".." << to;
        for (size_t i = 0; i < rolled->size(); ++i) {
          const DyadPeriod& x = (*rolled)[i];
          const DyadPeriod& y = (*direct)[i];
          EXPECT_EQ(x.period, y.period) << when;
          EXPECT_EQ(x.events, y.events) << when << " " << x.period;
          for (int k = 1; k <= 4; ++k) EXPECT_EQ(x.quad_counts[k], y.quad_counts[k]) << when;
          EXPECT_NEAR(x.mean_goldstein, y.mean_goldstein, 1e-9) << when;
        }
      }
    }
  };
  check(false, "after insert");
  check(true, "after insert, flagged included");
  Result<std::vector<DyadPeriod>> march = store->QueryDyad({.a = "CHN", .b = "RUS"});
  ASSERT_TRUE(march.ok());
  ASSERT_EQ(march->size(), 2u);      // March CHN->RUS, April RUS->CHN.
  EXPECT_EQ((*march)[0].events, 2);  // The two-source event counts once; the flagged one not.
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->events, 4);
  EXPECT_EQ(stats->unflagged_events, 3);
  EXPECT_EQ(stats->quad_counts[1], 1);

  // Replacing document a's events takes the old ones out of every rollup.
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(
      store->PutEvents(a->id, {ev("190", 4, -10.0, "2025-03-06", {"CHNMIL"}, {"RUSMIL"})}).ok());
  ASSERT_TRUE(store->Commit().ok());
  check(false, "after replacement");
  check(true, "after replacement, flagged included");
  march = store->QueryDyad({.a = "CHN", .b = "RUS", .include_flagged = true});
  ASSERT_TRUE(march.ok());
  ASSERT_EQ(march->size(), 2u);
  EXPECT_EQ((*march)[0].events, 1);
  EXPECT_EQ((*march)[0].quad_counts[4], 1);
  EXPECT_DOUBLE_EQ((*march)[0].mean_goldstein, -10.0);
  Result<std::vector<DyadPeriod>> india = store->QueryDyad({.a = "CHN", .b = "IND"});
  ASSERT_TRUE(india.ok());
  EXPECT_TRUE(india->empty());
  stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->events, 2);
  EXPECT_EQ(stats->unflagged_events, 2);
  EXPECT_EQ(stats->quad_counts[1], 0);
  EXPECT_EQ(stats->quad_counts[4], 2);
  Result<std::vector<DyadPeriod>> timeline = store->Timeline({.by = "month"});
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->size(), 2u);
  EXPECT_EQ((*timeline)[0].events, 1);
  EXPECT_EQ((*timeline)[1].events, 1);

  // A country with itself (China's government and its army): one row per period, from the
  // rollup and from the events alike, not one per direction.
  ASSERT_TRUE(store->Begin().ok());
  Result<PutResult> c = store->PutDocument(Doc("c", "", "Third report."));
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(
      store->PutEvents(c->id, {ev("051", 1, 3.5, "2025-05-02", {"CHNGOV"}, {"CHNMIL"})}).ok());
  ASSERT_TRUE(store->Commit().ok());
  for (const char* code : {"CHN", "CH"}) {
    for (const char* by : {"day", "week", "month"}) {
      Result<std::vector<DyadPeriod>> self = store->QueryDyad({.a = code, .b = code, .by = by});
      ASSERT_TRUE(self.ok()) << code;
      ASSERT_EQ(self->size(), 1u) << code << " by " << by;
      EXPECT_EQ((*self)[0].events, 1) << code << " by " << by;
      EXPECT_EQ((*self)[0].from, code);
      EXPECT_EQ((*self)[0].to, code);
    }
  }
}

// Dates coarser than a day: a month-precision date counts in its month and in the week of its
// first day; a week-precision date ("2025-W14") is its own week and counts in the month of the
// week's Thursday — the same from the rollup, from the events and after a deletion.
TEST_P(StoreTest, CoarseDatesFallIntoTheirWeekAndMonth) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto ev = [](std::string date, double g) {
    Event e = MakeEvent("036", {"CHNGOV"}, {"RUSGOV"});
    e.quad_class = 1;
    e.goldstein = g;
    e.date = std::move(date);
    return e;
  };
  ASSERT_TRUE(store->Begin().ok());
  Result<PutResult> a = store->PutDocument(Doc("a", "", "Coarse dates."));
  ASSERT_TRUE(a.ok());
  // 2025-W14 runs from Monday 31 March to Sunday 6 April; its Thursday is 3 April.
  ASSERT_TRUE(store
                  ->PutEvents(a->id, {ev("2025-W14", 4.0), ev("2025-W11", 1.0), ev("2025-03", 2.0),
                                      ev("2025-04-02", 3.0)})
                  .ok());
  ASSERT_TRUE(store->Commit().ok());
  auto periods = [&](const char* a_code, const char* by) {
    Result<std::vector<DyadPeriod>> r = store->QueryDyad({.a = a_code, .b = "RUS", .by = by});
    std::string out;
    if (!r.ok()) return r.status().ToString();
    for (const DyadPeriod& d : *r) out += d.period + ":" + std::to_string(d.events) + " ";
    return out;
  };
  for (const char* a_code : {"CHN", "CH"}) {  // The rollup, then the events.
    EXPECT_EQ(periods(a_code, "month"), "2025-03:2 2025-04:2 ") << a_code;
    EXPECT_EQ(periods(a_code, "week"), "2025-W09:1 2025-W11:1 2025-W14:2 ") << a_code;
  }
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutEvents(a->id, {ev("2025-W11", 1.0)}).ok());
  ASSERT_TRUE(store->Commit().ok());
  for (const char* a_code : {"CHN", "CH"}) {
    EXPECT_EQ(periods(a_code, "month"), "2025-03:1 ") << a_code;
    EXPECT_EQ(periods(a_code, "week"), "2025-W11:1 ") << a_code;
  }
}

TEST_P(StoreTest, SearchSyntaxMeansTheSameOnEveryBackend) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->PutDocument(Doc("a", "", "Russian troops shelled Kharkiv overnight.")).ok());
  ASSERT_TRUE(store->PutDocument(Doc("b", "", "Ukraine shelled positions near Kursk.")).ok());
  ASSERT_TRUE(store->PutDocument(Doc("c", "", "Talks on grain exports resumed in Istanbul.")).ok());
  ASSERT_TRUE(store->Commit().ok());
  auto ids = [&](std::string search) {
    Result<std::vector<StoredDocument>> r = store->QueryDocuments({.search = search});
    if (!r.ok()) return "error: " + r.status().ToString();
    std::vector<std::string> got;
    for (const StoredDocument& d : *r) got.push_back(d.id);
    std::sort(got.begin(), got.end());
    std::string out;
    for (const std::string& id : got) out += id + " ";
    return out;
  };
  EXPECT_EQ(ids("shelled"), "a b ");
  EXPECT_EQ(ids("SHELLED kursk"), "b ");  // Case-insensitive; adjacent terms: AND.
  EXPECT_EQ(ids("shelled AND kharkiv"), "a ");
  EXPECT_EQ(ids("kharkiv OR istanbul"), "a c ");
  EXPECT_EQ(ids("shelled NOT kursk"), "a ");
  EXPECT_EQ(ids("\"grain exports\""), "c ");
  EXPECT_EQ(ids("\"exports grain\""), "");  // A phrase keeps its order.
  EXPECT_EQ(ids("Ukr*"), "b ");
  EXPECT_EQ(ids("(kursk OR kharkiv) AND russian"), "a ");
  EXPECT_EQ(ids("title"), "a b c ");  // Titles are searched too ("Title of a").
  for (const char* bad : {"\"open", "(kursk", "kursk)", "AND kursk", "kursk OR", ""}) {
    if (*bad == 0) continue;  // An empty search lists everything instead.
    EXPECT_EQ(store->QueryDocuments({.search = bad}).status().code(), StatusCode::kInvalidArgument)
        << bad;
    EXPECT_EQ(store->QueryEvents({.search = bad}).status().code(), StatusCode::kInvalidArgument)
        << bad;
  }
  // A failed search inside a transaction leaves the batch usable.
  ASSERT_TRUE(store->Begin().ok());
  EXPECT_FALSE(store->QueryDocuments({.search = "\"open"}).ok());
  ASSERT_TRUE(store->PutDocument(Doc("d", "", "Another report.")).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(*store->CountDocuments(), 4);
}

TEST_P(StoreTest, PlacesStatsAndDocumentLookup) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Begin().ok());
  Document doc = Doc("d", "https://x.test/d", "Fighting near Kursk; talks in Geneva.");
  doc.source = "Wire";
  Result<PutResult> put = store->PutDocument(doc);
  ASSERT_TRUE(put.ok());
  Event fight = MakeEvent("190", {"UKRMIL"}, {"RUSMIL"});
  fight.quad_class = 4;
  fight.goldstein = -10;
  fight.place = Place{.name = "Kursk", .iso3 = "RUS", .fips = "RS", .lat = 51.73, .lon = 36.19};
  Event fight2 = fight;
  fight2.date = "2025-09-05";
  Event talk = MakeEvent("043", {"USAGOV"}, {"RUSGOV"});
  talk.place = Place{.name = "Geneva", .iso3 = "CHE", .fips = "SZ", .lat = 46.2, .lon = 6.15};
  Event maybe = MakeEvent("042", {"USAGOV"}, {"UKRGOV"});
  maybe.negated = true;
  {
    Status put_status = store->PutEvents(put->id, {fight, fight2, talk, maybe});
    ASSERT_TRUE(put_status.ok()) << put_status.ToString();
  }
  ASSERT_TRUE(store->Commit().ok());

  Result<std::vector<PlaceCount>> places = store->Places({});
  ASSERT_TRUE(places.ok()) << places.status().ToString();
  ASSERT_EQ(places->size(), 2u);
  EXPECT_EQ((*places)[0].name, "Kursk");
  EXPECT_EQ((*places)[0].events, 2);
  EXPECT_EQ((*places)[0].quad_counts[4], 2);
  EXPECT_NEAR((*places)[0].lat, 51.73, 1e-9);
  EXPECT_EQ((*places)[1].iso3, "CHE");

  Result<StoreStats> st = store->Stats();
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->documents, 1);
  EXPECT_EQ(st->events, 4);
  EXPECT_EQ(st->unflagged_events, 3);
  EXPECT_EQ(st->first_date, "2025-09-02");
  EXPECT_EQ(st->last_date, "2025-09-05");
  EXPECT_EQ(st->quad_counts[1], 1);
  EXPECT_EQ(st->quad_counts[4], 2);

  Result<StoredDocument> got = store->GetDocument("d");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->text, doc.text);
  EXPECT_EQ(got->source, "Wire");
  EXPECT_EQ(store->GetDocument("nope").status().code(), StatusCode::kNotFound);

  Result<std::vector<StoredEvent>> one = store->QueryEvents({.place = "Geneva"});
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  const StoredEvent& se = (*one)[0];
  EXPECT_EQ(se.document_url, "https://x.test/d");
  EXPECT_EQ(se.document_length, doc.text.size());
  EXPECT_EQ(se.event.place->fips, "SZ");
  EXPECT_FALSE(se.added.empty());
  Result<std::vector<StoredEvent>> by_id = store->QueryEvents({.id = se.id});
  ASSERT_TRUE(by_id.ok());
  ASSERT_EQ(by_id->size(), 1u);
  EXPECT_EQ((*by_id)[0].event.cameo, "043");
  Result<std::vector<StoredEvent>> paged = store->QueryEvents({.limit = 1, .offset = 1});
  ASSERT_TRUE(paged.ok());
  ASSERT_EQ(paged->size(), 1u);
  EXPECT_EQ((*paged)[0].event.date, "2025-09-02");
  Result<std::vector<ActorCount>> top = store->TopActors({.limit = 1});
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].code, "RUSMIL");  // Ties on 2 events broken by code: RUSMIL < UKRMIL.
}

TEST(StoreOpenTest, TheDbValueChoosesTheBackend) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://u@localhost/db"));
  EXPECT_TRUE(IsPostgresUrl("postgres://localhost:5433/db"));
  EXPECT_FALSE(IsPostgresUrl("annals.db"));
  EXPECT_FALSE(IsPostgresUrl("./postgresql://x"));
  // Nothing listens on port 1: the PostgreSQL backend is tried and fails cleanly, without echoing
  // the password.
  Result<std::unique_ptr<Store>> s =
      Store::Open({.path = "postgresql://annals:secret@127.0.0.1:1/annals?connect_timeout=2"});
  ASSERT_FALSE(s.ok());
#ifdef ANNALS_HAVE_POSTGRES
  EXPECT_EQ(s.status().code(), StatusCode::kIoError) << s.status().ToString();
  EXPECT_EQ(s.status().ToString().find("secret"), std::string::npos) << s.status().ToString();
#else
  EXPECT_EQ(s.status().code(), StatusCode::kUnimplemented);
#endif
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
}  // namespace annals
