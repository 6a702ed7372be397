// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "annals/store.h"
#include "store/store_internal.h"
#include "util/text.h"

namespace annals {
namespace {

// Schema migrations, applied in order; migration i takes the database from version i to i+1.
// Never edit a released migration: add a new one.
// The trigger that takes a deleted event out of the rollups (event_days, dyad_periods), whether
// PutEvents replaced it or a deleted document cascaded to it; its country pairs come from its
// actors, which are still there before the delete. Written by the migrations as @ROLLUP_TRIGGER@,
// always in its current form (event_actors as of version 8): the earlier migrations that write it
// are followed by 7 -> 8, which writes it again after reshaping event_actors.
constexpr char kRollupTrigger[] = R"sql(
CREATE TRIGGER events_rollups_delete BEFORE DELETE ON events BEGIN
  UPDATE event_days SET events = events - 1,
    goldstein_tenths = goldstein_tenths - CAST(round(old.goldstein * 10) AS INTEGER)
  WHERE day = substr(old.date, 1, 10) AND quad_class = old.quad_class
    AND flagged = (old.negated OR old.hypothetical);
  UPDATE dyad_periods SET
    q1 = q1 - (old.quad_class = 1 AND NOT (old.negated OR old.hypothetical)),
    q2 = q2 - (old.quad_class = 2 AND NOT (old.negated OR old.hypothetical)),
    q3 = q3 - (old.quad_class = 3 AND NOT (old.negated OR old.hypothetical)),
    q4 = q4 - (old.quad_class = 4 AND NOT (old.negated OR old.hypothetical)),
    f1 = f1 - (old.quad_class = 1 AND (old.negated OR old.hypothetical)),
    f2 = f2 - (old.quad_class = 2 AND (old.negated OR old.hypothetical)),
    f3 = f3 - (old.quad_class = 3 AND (old.negated OR old.hypothetical)),
    f4 = f4 - (old.quad_class = 4 AND (old.negated OR old.hypothetical)),
    g = g - CAST(round(old.goldstein * 10) AS INTEGER) * (1 - (old.negated OR old.hypothetical)),
    fg = fg - CAST(round(old.goldstein * 10) AS INTEGER) * (old.negated OR old.hypothetical)
  WHERE (source_country, target_country) IN
      (SELECT substr(s.code, 1, 3), substr(t.code, 1, 3) FROM event_actors s JOIN event_actors t
         ON t.event_rowid = s.event_rowid AND t.role = 1
       WHERE s.event_rowid = old.rowid AND s.role = 0)
    AND (kind, period) IN (VALUES ('d', substr(old.date, 1, 10)), ('w', @WEEK(old.date)@),
                                  ('m', @MONTH(old.date)@));
END;
)sql";

const char* const kMigrations[] = {
    // 0 -> 1: documents with full-text search.
    R"sql(
CREATE TABLE documents(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  dateline_place TEXT NOT NULL DEFAULT '',
  dateline_date TEXT NOT NULL DEFAULT '',
  dateline_agency TEXT NOT NULL DEFAULT '',
  origin_file TEXT NOT NULL DEFAULT '',
  origin_location TEXT NOT NULL DEFAULT '',
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url <> '';
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_date ON documents(date);
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES('delete', old.rowid, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
)sql",
    // 1 -> 2: events with their actor lists. Actors are rows of event_actors (role, position), so
    // queries by actor or country use an index; source_codes/target_codes repeat them for display.
    R"sql(
CREATE TABLE events(
  rowid INTEGER PRIMARY KEY,
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL,
  date TEXT NOT NULL DEFAULT '',
  date_precision TEXT NOT NULL DEFAULT '',
  cameo TEXT NOT NULL,
  cameo_base TEXT NOT NULL,
  cameo_root TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover_event TEXT NOT NULL DEFAULT '',
  plover_mode TEXT NOT NULL DEFAULT '',
  plover_context TEXT NOT NULL DEFAULT '',
  negated INTEGER NOT NULL DEFAULT 0,
  hypothetical INTEGER NOT NULL DEFAULT 0,
  future INTEGER NOT NULL DEFAULT 0,
  reported INTEGER NOT NULL DEFAULT 0,
  historical INTEGER NOT NULL DEFAULT 0,
  speaker_code TEXT NOT NULL DEFAULT '',
  speaker_text TEXT NOT NULL DEFAULT '',
  place_name TEXT NOT NULL DEFAULT '',
  place_feature TEXT NOT NULL DEFAULT '',
  place_iso3 TEXT NOT NULL DEFAULT '',
  place_fips TEXT NOT NULL DEFAULT '',
  place_adm1 TEXT NOT NULL DEFAULT '',
  place_geonames_id INTEGER NOT NULL DEFAULT 0,
  place_lat REAL,
  place_lon REAL,
  sentence_begin INTEGER NOT NULL DEFAULT 0,
  sentence_end INTEGER NOT NULL DEFAULT 0,
  predicate_begin INTEGER NOT NULL DEFAULT 0,
  predicate_end INTEGER NOT NULL DEFAULT 0,
  pattern_id TEXT NOT NULL DEFAULT '',
  source_codes TEXT NOT NULL DEFAULT '',
  target_codes TEXT NOT NULL DEFAULT '',
  group_key TEXT NOT NULL DEFAULT '',
  day_key TEXT NOT NULL DEFAULT '');
CREATE INDEX events_document ON events(document_rowid);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root_date ON events(cameo_root, date);
CREATE INDEX events_group ON events(group_key);
CREATE INDEX events_day ON events(day_key);
CREATE TABLE event_actors(
  event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK(role IN ('source', 'target')),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  country TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  span_begin INTEGER NOT NULL DEFAULT 0,
  span_end INTEGER NOT NULL DEFAULT 0,
  entry_id TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(event_rowid, role, position)) WITHOUT ROWID;
CREATE INDEX event_actors_code ON event_actors(code, role);
CREATE INDEX event_actors_country ON event_actors(country, role);
)sql",
    // 2 -> 3: event_dyads, one row per (source actor, target actor) pair of an event, keyed by
    // the two countries, so a dyad query reads only that dyad's events. The unused country index
    // of event_actors goes (the column stays).
    R"sql(
DROP INDEX event_actors_country;
CREATE TABLE event_dyads(
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  PRIMARY KEY(source_country, target_country, event_rowid, source_code, target_code))
  WITHOUT ROWID;
CREATE INDEX event_dyads_event ON event_dyads(event_rowid);
INSERT OR IGNORE INTO event_dyads
  SELECT s.country, t.country, s.event_rowid, s.code, t.code FROM event_actors s
  JOIN event_actors t ON t.event_rowid = s.event_rowid AND t.role = 'target'
  WHERE s.role = 'source';
)sql",
    // 3 -> 4: rollups kept exact by PutEvents (inserts) and by triggers (deletes, including the
    // cascade from a deleted document), so the dashboard's hot queries read a few thousand rows
    // instead of every event: event_days (events per day, quad class and flag state; the
    // timeline and the statistics) and dyad_days (the same per pair of actor countries, the
    // three-letter prefixes event_dyads keys on; `query dyad` between two countries). An event
    // counts once per distinct country pair. Goldstein sums are kept in tenths, exactly. The
    // (cameo_root, date) index goes: no query used it (CAMEO filters match code prefixes).
    R"sql(
DROP INDEX events_root_date;
CREATE TABLE event_days(
  day TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  events INTEGER NOT NULL,
  goldstein_tenths INTEGER NOT NULL,
  PRIMARY KEY(day, quad_class, flagged)) WITHOUT ROWID;
CREATE TABLE dyad_days(
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  day TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  events INTEGER NOT NULL,
  goldstein_tenths INTEGER NOT NULL,
  PRIMARY KEY(source_country, target_country, day, quad_class, flagged)) WITHOUT ROWID;
INSERT INTO event_days
  SELECT substr(date, 1, 10), quad_class, negated OR hypothetical, count(*),
         sum(CAST(round(goldstein * 10) AS INTEGER))
  FROM events GROUP BY 1, 2, 3;
INSERT INTO dyad_days
  SELECT y.sc, y.tc, substr(e.date, 1, 10), e.quad_class, e.negated OR e.hypothetical, count(*),
         sum(CAST(round(e.goldstein * 10) AS INTEGER))
  FROM (SELECT DISTINCT event_rowid, source_country AS sc, target_country AS tc FROM event_dyads) y
  JOIN events e ON e.rowid = y.event_rowid GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER events_rollups_delete BEFORE DELETE ON events BEGIN
  UPDATE event_days SET events = events - 1,
    goldstein_tenths = goldstein_tenths - CAST(round(old.goldstein * 10) AS INTEGER)
  WHERE day = substr(old.date, 1, 10) AND quad_class = old.quad_class
    AND flagged = (old.negated OR old.hypothetical);
  UPDATE dyad_days SET events = events - 1,
    goldstein_tenths = goldstein_tenths - CAST(round(old.goldstein * 10) AS INTEGER)
  WHERE (source_country, target_country) IN
      (SELECT source_country, target_country FROM event_dyads WHERE event_rowid = old.rowid)
    AND day = substr(old.date, 1, 10) AND quad_class = old.quad_class
    AND flagged = (old.negated OR old.hypothetical);
END;
)sql",
    // 4 -> 5: dyad_days becomes dyad_periods: one row per country pair and day ('d'), ISO week
    // ('w') and month ('m'), with the counts per quad class and flag state as columns, so a
    // dyad query by month or week over ten years reads a few hundred rows per direction instead
    // of tens of thousands. q1..q4 count unflagged events per quad class, f1..f4 flagged ones
    // (negated or hypothetical); g and fg are their Goldstein sums in tenths. @WEEK(x)@ and
    // @MONTH(x)@ stand for PeriodExpr (Migration expands them), so the migration, the delete
    // trigger, PutEvents and the queries compute the week and month of a date alike.
    R"sql(
DROP TRIGGER events_rollups_delete;
CREATE TABLE dyad_periods(
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('d', 'w', 'm')),
  period TEXT NOT NULL,
  q1 INTEGER NOT NULL DEFAULT 0,
  q2 INTEGER NOT NULL DEFAULT 0,
  q3 INTEGER NOT NULL DEFAULT 0,
  q4 INTEGER NOT NULL DEFAULT 0,
  f1 INTEGER NOT NULL DEFAULT 0,
  f2 INTEGER NOT NULL DEFAULT 0,
  f3 INTEGER NOT NULL DEFAULT 0,
  f4 INTEGER NOT NULL DEFAULT 0,
  g INTEGER NOT NULL DEFAULT 0,
  fg INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(source_country, target_country, kind, period)) WITHOUT ROWID;
INSERT INTO dyad_periods
  SELECT source_country, target_country, kind, period,
    sum(events * (quad_class = 1 AND flagged = 0)), sum(events * (quad_class = 2 AND flagged = 0)),
    sum(events * (quad_class = 3 AND flagged = 0)), sum(events * (quad_class = 4 AND flagged = 0)),
    sum(events * (quad_class = 1 AND flagged = 1)), sum(events * (quad_class = 2 AND flagged = 1)),
    sum(events * (quad_class = 3 AND flagged = 1)), sum(events * (quad_class = 4 AND flagged = 1)),
    sum(goldstein_tenths * (flagged = 0)), sum(goldstein_tenths * (flagged = 1))
  FROM (SELECT y.*, 'd' AS kind, day AS period FROM dyad_days y
        UNION ALL SELECT y.*, 'w', @WEEK(day)@ FROM dyad_days y
        UNION ALL SELECT y.*, 'm', @MONTH(day)@ FROM dyad_days y)
  WHERE day <> '' GROUP BY 1, 2, 3, 4;
DROP TABLE dyad_days;
@ROLLUP_TRIGGER@
)sql",
    // 5 -> 6: the aggregation keys become 64-bit hashes (EventGroupHash: FNV-1a of
    // EventGroupKey, computed here by the SQL function annals_key_hash that the store registers),
    // so the events rows and the two indexes on them no longer carry the key text.
    R"sql(
DROP INDEX events_group;
DROP INDEX events_day;
ALTER TABLE events ADD COLUMN group_hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN day_hash INTEGER NOT NULL DEFAULT 0;
UPDATE events SET group_hash = annals_key_hash(group_key), day_hash = annals_key_hash(day_key);
ALTER TABLE events DROP COLUMN group_key;
ALTER TABLE events DROP COLUMN day_key;
CREATE INDEX events_group ON events(group_hash);
CREATE INDEX events_day ON events(day_hash);
)sql",
    // 6 -> 7: event_dyads goes. The rollups answer country dyads; longer codes are matched
    // through the event_actors code index; the delete trigger takes an event's country pairs
    // from its actors.
    R"sql(
DROP TRIGGER events_rollups_delete;
DROP TABLE event_dyads;
@ROLLUP_TRIGGER@
)sql",
    // 7 -> 8: smaller rows (docs/store.md "Size"). event_actors: the role is 0 (source) or 1
    // (target), the country column goes (it is the code's first three letters), and the mention
    // text is NULL when it is the document's text at the actor's span (read back from the
    // document). events: cameo_base and cameo_root go (the code's first three and two digits),
    // and so do source_codes and target_codes (never read: the actors are in event_actors) and
    // the group_hash index (grouped queries read the events through the day_hash index).
    R"sql(
DROP TRIGGER events_rollups_delete;
CREATE TABLE event_actors_v8(
  event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  role INTEGER NOT NULL CHECK(role IN (0, 1)),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  text TEXT,
  span_begin INTEGER NOT NULL DEFAULT 0,
  span_end INTEGER NOT NULL DEFAULT 0,
  entry_id TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(event_rowid, role, position)) WITHOUT ROWID;
INSERT INTO event_actors_v8
  SELECT a.event_rowid, a.role = 'target', a.position, a.code, a.name,
    CASE WHEN a.span_end > a.span_begin AND a.text = CAST(substr(CAST(d.text AS BLOB),
      a.span_begin + 1, a.span_end - a.span_begin) AS TEXT) THEN NULL ELSE a.text END,
    a.span_begin, a.span_end, a.entry_id
  FROM event_actors a JOIN events e ON e.rowid = a.event_rowid
  JOIN documents d ON d.rowid = e.document_rowid;
DROP TABLE event_actors;
ALTER TABLE event_actors_v8 RENAME TO event_actors;
CREATE INDEX event_actors_code ON event_actors(code, role);
ALTER TABLE events DROP COLUMN cameo_base;
ALTER TABLE events DROP COLUMN cameo_root;
ALTER TABLE events DROP COLUMN source_codes;
ALTER TABLE events DROP COLUMN target_codes;
DROP INDEX events_group;
@ROLLUP_TRIGGER@
)sql",
};
constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kMigrationCount == Store::kSchemaVersion, "one migration per schema version");

Result<std::string> PeriodExpr(const std::string& by, const std::string& col = "e.date");

// Migration `from` -> `from + 1` (@WEEK(col)@ and @MONTH(col)@ expanded with PeriodExpr).
std::string Migration(int from) {
  return ExpandMigration(kMigrations[from], kRollupTrigger, PeriodExpr);
}

// Bounds on the date column `col` (parameters `from` and `to`), written only for the bounds given:
// an "(?1 = '' OR date >= ?1)" form would hide the date index from SQLite's planner. `to` is
// inclusive of everything that starts with it ("2025-01-15" includes "2025-01-15T10:00:00Z").
std::string DateBounds(const char* col, const std::string& from, const std::string& to,
                       const char* from_param, const char* to_param) {
  std::string s;
  if (!from.empty()) s += std::string(" AND ") + col + " >= " + from_param;
  if (!to.empty()) s += std::string(" AND ") + col + " < " + to_param + " || 'z'";
  return s;
}

Result<std::string> PeriodExpr(const std::string& by, const std::string& col) {
  if (by == "day") return "substr(" + col + ", 1, 10)";
  // A week-precision date ("2024-W44") is its own week, and its month is that of the week's
  // Thursday (the day ISO 8601 dates a week by).
  const std::string is_week = "substr(" + col + ", 6, 1) = 'W'";
  if (by == "month") {
    return "CASE WHEN " + is_week + " THEN substr(date(substr(" + col +
           ", 1, 4) || '-01-04', 'weekday 0', '-3 days', '+' || ((CAST(substr(" + col +
           ", 7, 2) AS INTEGER) - 1) * 7) || ' days'), 1, 7) ELSE substr(" + col + ", 1, 7) END";
  }
  if (by == "week") {
    // ISO week, computed from the date (SQLite's %W is not ISO). Dates coarser than a day fall
    // into the week of their first day.
    return "CASE WHEN " + is_week + " THEN substr(" + col +
           ", 1, 8) ELSE (SELECT strftime('%Y', d, '-3 days', 'weekday 4') || '-W' || "
           "printf('%02d', (CAST(strftime('%j', d, '-3 days', 'weekday 4') AS INTEGER) - 1) / 7 + "
           "1) FROM (SELECT date(substr(" +
           col + " || '-01-01', 1, 10)) AS d)) END";
  }
  return InvalidArgumentError("'by' must be day, week or month, not '" + by + "'");
}

// RAII prepared statement.
// Prepared statements a store keeps for its lifetime (hot queries of the server), by SQL text.
using StmtCache = std::unordered_map<std::string, sqlite3_stmt*>;

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  // The statement of `cache` for `sql`, prepared on first use; reset and unbound when this goes.
  Stmt(sqlite3* db, const std::string& sql, StmtCache& cache) : cached_(true) {
    auto it = cache.find(sql);
    if (it != cache.end()) {
      s_ = it->second;
      rc_ = SQLITE_OK;
      return;
    }
    rc_ = sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr);
    if (rc_ == SQLITE_OK) {
      cache.emplace(sql, s_);
    } else {
      cached_ = false;  // Nothing to keep; finalize whatever came back.
    }
  }
  ~Stmt() {
    if (cached_) {
      sqlite3_reset(s_);
      sqlite3_clear_bindings(s_);
    } else {
      sqlite3_finalize(s_);
    }
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return s_; }
  void Text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  int Step() { return sqlite3_step(s_); }
  std::string Col(int i) {
    const unsigned char* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, i))
             : std::string();
  }
  int64_t ColInt(int i) { return sqlite3_column_int64(s_, i); }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
  bool cached_ = false;
};

// The parameters of the aggregate queries: ?1/?2 the date bounds, ?3 include flagged, ?4 limit.
void BindAggregate(Stmt& s, const AggregateQuery& q) {
  s.Text(1, q.date_from);
  s.Text(2, q.date_to);
  s.Int(3, q.include_flagged ? 1 : 0);
  s.Int(4, q.limit);
}

}  // namespace

// The embedded SQLite backend.
class SqliteStore final : public Store {
 public:
  ~SqliteStore() override {
    for (auto& [sql, stmt] : stmt_cache) sqlite3_finalize(stmt);
    sqlite3_close(db);
  }
  const char* Backend() const override { return "sqlite"; }
  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override { return Exec("ROLLBACK"); }
  Result<int> SchemaVersion() override { return UserVersion(); }
  Result<PutResult> PutDocument(const Document& document) override;
  Status PutEvents(const std::string& document_id, const std::vector<Event>& events) override;
  Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& query) override;
  Result<std::vector<DyadPeriod>> QueryDyad(const DyadQuery& query) override;
  Result<std::vector<DyadPeriod>> Timeline(const DyadQuery& query) override;
  Result<std::vector<ActorCount>> TopActors(const AggregateQuery& query) override;
  Result<std::vector<NetworkEdge>> Network(const AggregateQuery& query) override;
  Result<std::vector<PlaceCount>> Places(const AggregateQuery& query) override;
  Result<StoredDocument> GetDocument(const std::string& id) override;
  Result<StoreStats> Stats() override;
  Result<int64_t> CountDocuments() override;
  Result<int64_t> CountEvents() override;
  Result<std::vector<StoredDocument>> QueryDocuments(const DocumentQuery& query) override;

  sqlite3* db = nullptr;
  std::string path;
  StmtCache stmt_cache;  // Finalized before the connection closes.

  Status Error(const std::string& what) const {
    return IoError(path + ": " + what + ": " + sqlite3_errmsg(db));
  }
  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return IoError(path + ": " + msg);
    }
    return Status::Ok();
  }
  Result<int> UserVersion() {
    Stmt s(db, "PRAGMA user_version");
    if (!s.ok() || s.Step() != SQLITE_ROW) return Error("reading schema version");
    return static_cast<int>(s.ColInt(0));
  }
  // Each step reads the version inside its own write transaction, so processes opening a new
  // database at the same moment (several workers) migrate it exactly once.
  Status Migrate() {
    for (;;) {
      ANNALS_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      Result<int> v = UserVersion();
      Status st = v.status();
      if (st.ok() && *v > kSchemaVersion) {
        st = FailedPreconditionError(path + ": schema version " + std::to_string(*v) +
                                     " is newer than this build supports (" +
                                     std::to_string(kSchemaVersion) + ")");
      }
      if (!st.ok()) {
        Exec("ROLLBACK").ok();
        return st;
      }
      if (*v == kSchemaVersion) return Exec("COMMIT");
      st = Exec(Migration(*v).c_str());
      if (st.ok()) st = Exec(("PRAGMA user_version = " + std::to_string(*v + 1)).c_str());
      if (!st.ok()) {
        Exec("ROLLBACK").ok();
        return st.WithContext("migration to schema " + std::to_string(*v + 1));
      }
      ANNALS_RETURN_IF_ERROR(Exec("COMMIT"));
    }
  }
};

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options) {
  if (options.path.empty()) return InvalidArgumentError("no database path given (--db)");
  // Before SQLite's first use: no global memory statistics, whose mutex every allocation of
  // every connection would take (the server runs one connection per worker thread). Fails
  // harmlessly (SQLITE_MISUSE) when the process already used SQLite.
  static const int kMemstatusOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kMemstatusOff;
  auto impl = std::make_unique<SqliteStore>();
  impl->path = options.path;
  int flags =
      options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(options.path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    return IoError(options.path + ": cannot open database: " +
                   (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
  }
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  // annals_key_hash(text): EventGroupHash's FNV-1a of an EventGroupKey (the 5 -> 6 migration).
  sqlite3_create_function(
      impl->db, "annals_key_hash", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
      [](sqlite3_context* ctx, int, sqlite3_value** argv) {
        const unsigned char* p = sqlite3_value_text(argv[0]);
        const int n = sqlite3_value_bytes(argv[0]);
        std::string_view key(p ? reinterpret_cast<const char*>(p) : "", p ? n : 0);
        sqlite3_result_int64(ctx, static_cast<int64_t>(util::Fnv1a64(key)));
      },
      nullptr, nullptr);
  sqlite3_extended_result_codes(impl->db, 1);
  if (!options.read_only) {
    ANNALS_RETURN_IF_ERROR(impl->Exec("PRAGMA journal_mode=WAL"));
    ANNALS_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous=NORMAL"));
  }
  ANNALS_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys=ON"));
  if (options.cache_mib > 0) {
    std::string pragma = "PRAGMA cache_size=-" + std::to_string(int64_t{options.cache_mib} * 1024);
    ANNALS_RETURN_IF_ERROR(impl->Exec(pragma.c_str()));
  }
  if (options.read_only) {
    Result<int> v = impl->UserVersion();
    if (!v.ok()) return v.status();
    if (*v != Store::kSchemaVersion) {
      return FailedPreconditionError(options.path + ": schema version " + std::to_string(*v) +
                                     ", expected " + std::to_string(Store::kSchemaVersion) +
                                     " (open it read-write once to migrate)");
    }
  } else {
    ANNALS_RETURN_IF_ERROR(impl->Migrate());
  }
  return std::unique_ptr<Store>(std::move(impl));
}

Result<PutResult> SqliteStore::PutDocument(const Document& d) {
  std::string hash = DocumentTextHash(d.text);
  // Find the stored copy: by URL when the document has one; otherwise (or when the URL is new) by
  // id or by normalised text, so a syndicated copy under another URL is not stored twice.
  int64_t rowid = 0;
  std::string stored_id;
  bool same_doc = false;  // Found by URL or id, not only by equal text.
  std::string stored_hash, stored_title, stored_date, stored_source;
  auto lookup = [&](const char* sql, bool by_url) -> Status {
    Stmt s(db, sql, stmt_cache);
    if (!s.ok()) return Error("preparing lookup");
    s.Text(1, by_url ? d.url : d.id);
    s.Text(2, hash);
    int rc = s.Step();
    if (rc == SQLITE_ROW) {
      rowid = s.ColInt(0);
      stored_hash = s.Col(1);
      stored_title = s.Col(2);
      stored_date = s.Col(3);
      stored_source = s.Col(4);
      stored_id = s.Col(5);
      same_doc = by_url || stored_id == d.id;
    } else if (rc != SQLITE_DONE) {
      return Error("looking up document " + d.id);
    }
    return Status::Ok();
  };
  if (!d.url.empty()) {
    ANNALS_RETURN_IF_ERROR(
        // "url <> ''" repeats the partial index's condition: without it SQLite cannot use
        // documents_url for a bound parameter and scans every document.
        lookup("SELECT rowid, text_hash, title, date, source, id FROM documents WHERE url = ?1 "
               "AND url <> '' AND ?2 = ?2",
               true));
  }
  if (rowid == 0) {
    ANNALS_RETURN_IF_ERROR(
        lookup("SELECT rowid, text_hash, title, date, source, id FROM documents WHERE id = ?1 OR "
               "text_hash = ?2 ORDER BY (id = ?1) DESC LIMIT 1",
               false));
  }
  if (rowid != 0 && !same_doc) {
    return PutResult{PutOutcome::kUnchanged, stored_id};  // Same text, other URL/id: a duplicate.
  }
  std::string now = NowUtc();
  const std::string empty;
  const Dateline* dl = d.dateline ? &*d.dateline : nullptr;
  // Parameters ?2..?13, the same in the update and the insert.
  auto bind_fields = [&](Stmt& s) {
    s.Text(2, d.source);
    s.Text(3, d.title);
    s.Text(4, d.date);
    s.Text(5, d.language);
    s.Text(6, d.text);
    s.Text(7, hash);
    s.Text(8, dl ? dl->place : empty);
    s.Text(9, dl ? dl->date_text : empty);
    s.Text(10, dl ? dl->agency : empty);
    s.Text(11, d.origin_file);
    s.Text(12, d.origin_location);
    s.Text(13, now);
  };
  if (rowid != 0) {
    if (stored_hash == hash && stored_title == d.title && stored_date == d.date &&
        stored_source == d.source) {
      return PutResult{PutOutcome::kUnchanged, stored_id};
    }
    Stmt s(db,
           "UPDATE documents SET source=?2, title=?3, date=?4, language=?5, text=?6, text_hash=?7, "
           "dateline_place=?8, dateline_date=?9, dateline_agency=?10, origin_file=?11, "
           "origin_location=?12, updated_at=?13 WHERE rowid=?1",
           stmt_cache);
    if (!s.ok()) return Error("preparing update");
    s.Int(1, rowid);
    bind_fields(s);
    if (s.Step() != SQLITE_DONE) return Error("updating document " + d.id);
    return PutResult{PutOutcome::kUpdated, stored_id};
  }
  Stmt s(db,
         "INSERT INTO documents(id, url, source, title, date, language, text, text_hash, "
         "dateline_place, dateline_date, dateline_agency, origin_file, origin_location, "
         "ingested_at, updated_at) VALUES(?1,?14,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?13)",
         stmt_cache);
  if (!s.ok()) return Error("preparing insert");
  // An id already taken by a different document (same id, other URL) gets the hash appended so
  // that nothing is lost; the clash is visible in the stored id.
  std::string id = d.id.empty() ? hash : d.id;
  {
    Stmt probe(db, "SELECT 1 FROM documents WHERE id = ?1", stmt_cache);
    probe.Text(1, id);
    if (probe.Step() == SQLITE_ROW) id += "-" + hash;
  }
  s.Text(1, id);
  bind_fields(s);
  s.Text(14, d.url);
  if (s.Step() != SQLITE_DONE) return Error("inserting document " + id);
  return PutResult{PutOutcome::kInserted, id};
}

Status SqliteStore::PutEvents(const std::string& document_id, const std::vector<Event>& events) {
  int64_t doc_rowid = 0;
  std::string doc_text;  // Actor mention text that is the document's text is stored as NULL.
  {
    Stmt s(db, "SELECT rowid, text FROM documents WHERE id = ?1", stmt_cache);
    s.Text(1, document_id);
    int rc = s.Step();
    if (rc != SQLITE_ROW) return NotFoundError("no stored document with id '" + document_id + "'");
    doc_rowid = s.ColInt(0);
    doc_text = s.Col(1);
  }
  {
    Stmt del(db, "DELETE FROM events WHERE document_rowid = ?1", stmt_cache);
    del.Int(1, doc_rowid);
    if (del.Step() != SQLITE_DONE) return Error("replacing events of " + document_id);
  }
  Stmt ins(
      db,
      "INSERT INTO events(document_rowid, sentence_index, date, date_precision, cameo, "
      "quad_class, goldstein, plover_event, plover_mode, plover_context, negated, hypothetical, "
      "future, reported, historical, speaker_code, speaker_text, place_name, place_feature, "
      "place_iso3, place_fips, place_adm1, place_geonames_id, place_lat, place_lon, "
      "predicate_begin, predicate_end, pattern_id, sentence_begin, sentence_end, group_hash, "
      // Parameter numbers as in version 7, whose ?6, ?7, ?31 and ?32 went in 7 -> 8.
      "day_hash) VALUES(?1,?2,?3,?4,?5,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,"
      "?22,?23,?24,?25,?26,?27,?28,?29,?30,?33,?34,?35,?36)",
      stmt_cache);
  Stmt actor(db,
             "INSERT INTO event_actors(event_rowid, role, position, code, name, text, span_begin, "
             "span_end, entry_id) VALUES(?1,?2,?3,?4,?6,?7,?8,?9,?10)",
             stmt_cache);
  Stmt day_add(db,
               "INSERT INTO event_days VALUES(?1, ?2, ?3, ?5, ?4) ON CONFLICT DO UPDATE SET "
               "events = events + excluded.events, "
               "goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths",
               stmt_cache);
  // The day's counts (SumRollupDyadDays) into its row and those of its ISO week and its month.
  const std::string dyad_add_sql =
      "INSERT INTO dyad_periods SELECT ?1, ?2, k, p, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13 "
      "FROM (SELECT 'd' AS k, substr(?3, 1, 10) AS p UNION ALL SELECT 'w', " +
      *PeriodExpr("week", "?3") + " UNION ALL SELECT 'm', " + *PeriodExpr("month", "?3") +
      ") WHERE ?3 <> '' ON CONFLICT DO UPDATE SET "
      "q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, "
      "q4 = q4 + excluded.q4, f1 = f1 + excluded.f1, f2 = f2 + excluded.f2, "
      "f3 = f3 + excluded.f3, f4 = f4 + excluded.f4, g = g + excluded.g, fg = fg + excluded.fg";
  Stmt dyad_add(db, dyad_add_sql, stmt_cache);
  if (!ins.ok() || !actor.ok() || !day_add.ok() || !dyad_add.ok()) {
    return Error("preparing event insert");
  }
  for (const Event& e : events) {
    if (e.cameo.empty() || e.quad_class < 1 || e.quad_class > 4) {
      return InvalidArgumentError("event in " + document_id + " sentence " +
                                  std::to_string(e.sentence_index) +
                                  " has no CAMEO code or an invalid quad class");
    }
    sqlite3_reset(ins.get());
    sqlite3_clear_bindings(ins.get());
    ins.Int(1, doc_rowid);
    ins.Int(2, e.sentence_index);
    ins.Text(3, e.date);
    ins.Text(4, e.date_precision);
    ins.Text(5, e.cameo);
    ins.Int(8, e.quad_class);
    sqlite3_bind_double(ins.get(), 9, e.goldstein);
    ins.Text(10, e.plover_event);
    ins.Text(11, e.plover_mode);
    ins.Text(12, e.plover_context);
    ins.Int(13, e.negated);
    ins.Int(14, e.hypothetical);
    ins.Int(15, e.future);
    ins.Int(16, e.reported);
    ins.Int(17, e.historical);
    ins.Text(18, e.speaker ? e.speaker->code : std::string());
    ins.Text(19, e.speaker ? e.speaker->text : std::string());
    const Place empty_place;
    const Place& p = e.place ? *e.place : empty_place;
    ins.Text(20, p.name);
    ins.Text(21, p.feature);
    ins.Text(22, p.iso3);
    ins.Text(23, p.fips);
    ins.Text(24, p.adm1);
    ins.Int(25, p.geonames_id);
    if (e.place) {
      sqlite3_bind_double(ins.get(), 26, p.lat);
      sqlite3_bind_double(ins.get(), 27, p.lon);
    }
    ins.Int(28, e.predicate_span.begin);
    ins.Int(29, e.predicate_span.end);
    ins.Text(30, e.pattern_id);
    ins.Int(33, e.sentence_span.begin);
    ins.Int(34, e.sentence_span.end);
    ins.Int(35, EventGroupHash(e, true));
    ins.Int(36, EventGroupHash(e, false));
    if (ins.Step() != SQLITE_DONE) return Error("inserting an event of " + document_id);
    int64_t event_rowid = sqlite3_last_insert_rowid(db);
    for (int role = 0; role < 2; ++role) {
      const std::vector<ActorRef>& list = role == 0 ? e.sources : e.targets;
      for (size_t k = 0; k < list.size(); ++k) {
        const ActorRef& a = list[k];
        sqlite3_reset(actor.get());
        actor.Int(1, event_rowid);
        actor.Int(2, role);
        actor.Int(3, static_cast<int64_t>(k));
        actor.Text(4, a.code);
        actor.Text(6, a.name);
        if (MentionIsDocumentText(doc_text, a)) {
          sqlite3_bind_null(actor.get(), 7);
        } else {
          actor.Text(7, a.text);
        }
        actor.Int(8, a.span.begin);
        actor.Int(9, a.span.end);
        actor.Text(10, a.entry_id);
        if (actor.Step() != SQLITE_DONE) return Error("inserting an event actor");
      }
    }
  }
  // The rollups, one row write per document and key (not per event).
  for (const auto& [key, value] : SumRollupDays(events)) {
    sqlite3_reset(day_add.get());
    day_add.Text(1, std::get<0>(key));
    day_add.Int(2, std::get<1>(key));
    day_add.Int(3, std::get<2>(key));
    day_add.Int(4, value.second);
    day_add.Int(5, value.first);
    if (day_add.Step() != SQLITE_DONE) return Error("updating event_days");
  }
  for (const auto& [key, counts] : SumRollupDyadDays(events)) {
    sqlite3_reset(dyad_add.get());
    dyad_add.Text(1, std::get<0>(key));
    dyad_add.Text(2, std::get<1>(key));
    dyad_add.Text(3, std::get<2>(key));
    for (int k = 0; k < 10; ++k) dyad_add.Int(4 + k, counts[static_cast<size_t>(k)]);
    if (dyad_add.Step() != SQLITE_DONE) return Error("updating dyad_periods");
  }
  return Status::Ok();
}

Result<std::vector<StoredEvent>> SqliteStore::QueryEvents(const EventQuery& q) {
  if (q.limit < 1 || q.limit > 100000) return InvalidArgumentError("limit must be 1..100000");
  if (q.offset < 0) return InvalidArgumentError("offset must be >= 0");
  if (q.quad_class < 0 || q.quad_class > 4) return InvalidArgumentError("quad class must be 1..4");
  for (char c : q.cameo) {
    if (c < '0' || c > '9') return InvalidArgumentError("CAMEO code must be digits: " + q.cameo);
  }
  const std::string group_join = EventGroupJoin(q);
  const std::string group_cols =
      q.grouping == EventGrouping::kNone ? ", e.rowid, 1, 1, 1" : ", g.gid, g.nm, g.ns, g.na";
  std::string sql =
      "SELECT e.rowid, d.id, e.sentence_index, e.date, e.date_precision, e.cameo, d.rowid, "
      "NULL, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, e.plover_context, "
      "e.negated, e.hypothetical, e.future, e.reported, e.historical, e.speaker_code, "
      "e.speaker_text, e.place_name, e.place_feature, e.place_iso3, e.place_fips, e.place_adm1, "
      "e.place_geonames_id, e.place_lat, e.place_lon, e.predicate_begin, e.predicate_end, "
      "e.pattern_id, d.url, d.source, d.title, length(CAST(d.text AS BLOB)), d.updated_at, "
      "e.sentence_begin, e.sentence_end" +
      group_cols +
      " "
      "FROM events e JOIN documents d ON d.rowid = e.document_rowid " +
      group_join +
      " WHERE "
      "1" +
      DateBounds("e.date", q.date_from, q.date_to, "?1", "?2") +
      " AND (?3 = '' OR EXISTS (SELECT 1 FROM event_actors a WHERE a.event_rowid = e.rowid AND "
      "(a.code = ?3 OR substr(a.code, 1, length(?3)) = ?3))) "
      "AND (?4 = '' OR substr(e.cameo, 1, length(?4)) = ?4) "
      "AND (?5 = 0 OR e.quad_class = ?5) "
      "AND (?6 = '' OR e.place_name = ?6 OR e.place_iso3 = ?6 OR e.place_fips = ?6) "
      "AND (?7 = 1 OR (e.negated = 0 AND e.hypothetical = 0)) AND (?11 = 0 OR e.rowid = ?11) "
      "AND (?12 = '' OR d.id = ?12) ";
  if (!q.search.empty()) {
    sql += "AND d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?10) ";
  }
  sql += "ORDER BY e.date, e.rowid LIMIT ?8 OFFSET ?9";
  Stmt s(db, sql.c_str());
  if (!s.ok()) return Error("preparing event query");
  s.Text(1, q.date_from);
  s.Text(2, q.date_to);
  s.Text(3, q.actor);
  s.Text(4, q.cameo);
  s.Int(5, q.quad_class);
  s.Text(6, q.place);
  s.Int(7, q.include_flagged ? 1 : 0);
  s.Int(8, q.limit);
  s.Int(9, q.offset);
  if (!q.search.empty()) s.Text(10, q.search);
  s.Int(11, q.id);
  s.Text(12, q.document_id);
  std::vector<StoredEvent> out;
  std::vector<int64_t> doc_rowids;  // Of each event in `out`.
  while (true) {
    int rc = s.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      if (!q.search.empty()) {
        return InvalidArgumentError("bad search expression '" + q.search +
                                    "': " + sqlite3_errmsg(db));
      }
      return Error("querying events");
    }
    StoredEvent se;
    Event& e = se.event;
    se.id = s.ColInt(0);
    e.document_id = s.Col(1);
    e.sentence_index = static_cast<int>(s.ColInt(2));
    e.date = s.Col(3);
    e.date_precision = s.Col(4);
    e.cameo = s.Col(5);
    SetCameoBaseAndRoot(e);
    doc_rowids.push_back(s.ColInt(6));
    e.quad_class = static_cast<int>(s.ColInt(8));
    e.goldstein = sqlite3_column_double(s.get(), 9);
    e.plover_event = s.Col(10);
    e.plover_mode = s.Col(11);
    e.plover_context = s.Col(12);
    e.negated = s.ColInt(13) != 0;
    e.hypothetical = s.ColInt(14) != 0;
    e.future = s.ColInt(15) != 0;
    e.reported = s.ColInt(16) != 0;
    e.historical = s.ColInt(17) != 0;
    if (!s.Col(18).empty() || !s.Col(19).empty()) {
      e.speaker = ActorRef{.code = s.Col(18), .text = s.Col(19)};
    }
    if (!s.Col(20).empty() || sqlite3_column_type(s.get(), 26) != SQLITE_NULL) {
      Place p;
      p.name = s.Col(20);
      p.feature = s.Col(21);
      p.iso3 = s.Col(22);
      p.fips = s.Col(23);
      p.adm1 = s.Col(24);
      p.geonames_id = s.ColInt(25);
      p.lat = sqlite3_column_double(s.get(), 26);
      p.lon = sqlite3_column_double(s.get(), 27);
      e.place = p;
    }
    e.predicate_span = {static_cast<uint32_t>(s.ColInt(28)), static_cast<uint32_t>(s.ColInt(29))};
    e.pattern_id = s.Col(30);
    se.document_url = s.Col(31);
    se.document_source = s.Col(32);
    se.document_title = s.Col(33);
    se.document_length = static_cast<uint32_t>(s.ColInt(34));
    se.added = s.Col(35);
    e.sentence_span = {static_cast<uint32_t>(s.ColInt(36)), static_cast<uint32_t>(s.ColInt(37))};
    se.group_id = s.ColInt(38);
    se.num_mentions = s.ColInt(39);
    se.num_sources = s.ColInt(40);
    se.num_articles = s.ColInt(41);
    out.push_back(std::move(se));
  }
  // Actor lists, in role and position order; a NULL mention text is the document's text at the
  // actor's span.
  Stmt a(db,
         "SELECT role, code, name, text, span_begin, span_end, entry_id FROM event_actors "
         "WHERE event_rowid = ?1 ORDER BY role, position");
  Stmt text(db, "SELECT text FROM documents WHERE rowid = ?1");
  if (!a.ok() || !text.ok()) return Error("preparing actor query");
  int64_t text_rowid = 0;  // The document whose text `doc_text` holds (events come by date).
  std::string doc_text;
  for (size_t i = 0; i < out.size(); ++i) {
    StoredEvent& se = out[i];
    sqlite3_reset(a.get());
    a.Int(1, se.id);
    while (a.Step() == SQLITE_ROW) {
      ActorRef r{.code = a.Col(1),
                 .name = a.Col(2),
                 .text = a.Col(3),
                 .span = {static_cast<uint32_t>(a.ColInt(4)), static_cast<uint32_t>(a.ColInt(5))},
                 .entry_id = a.Col(6)};
      if (sqlite3_column_type(a.get(), 3) == SQLITE_NULL) {
        if (text_rowid != doc_rowids[i]) {
          sqlite3_reset(text.get());
          text.Int(1, doc_rowids[i]);
          if (text.Step() != SQLITE_ROW) return Error("reading the text of an event's document");
          doc_text = text.Col(0);
          text_rowid = doc_rowids[i];
        }
        r.text = DocumentTextAt(doc_text, r.span);
      }
      (a.ColInt(0) == 0 ? se.event.sources : se.event.targets).push_back(std::move(r));
    }
  }
  return out;
}

namespace {

// Codes of `alias` equal to or starting with the pattern `param`: the range lets the code index
// answer (patterns are letters and digits, all below '~'), the substr test keeps the match exact.
std::string ActorMatch(const std::string& alias, const std::string& param) {
  const std::string code = alias + ".code";
  return "(" + code + " >= " + param + " AND " + code + " < " + param + " || '~' AND substr(" +
         code + ", 1, length(" + param + ")) = " + param + ")";
}

// Events from an actor matching ?1 to one matching ?2. The longer (more selective) pattern is read
// through the event_actors code index, the other side of each event through its primary key
// (CROSS JOIN keeps that order).
std::string DyadMatch(const std::string& a, const std::string& b) {
  const bool by_source = a.size() >= b.size();
  const char* drive = by_source ? "s" : "t";
  return std::string("e.rowid IN (SELECT ") + drive + ".event_rowid FROM event_actors " + drive +
         " CROSS JOIN event_actors " + (by_source ? "t" : "s") +
         " ON t.event_rowid = s.event_rowid WHERE s.role = 0 AND t.role = 1 AND " +
         ActorMatch("s", "?1") + " AND " + ActorMatch("t", "?2") + ")";
}

}  // namespace

Result<std::vector<DyadPeriod>> SqliteStore::QueryDyad(const DyadQuery& q) {
  if (!ValidCodePattern(q.a) || !ValidCodePattern(q.b)) {
    return InvalidArgumentError("actors must be codes of letters and digits (e.g. CHN, USAGOV)");
  }
  Result<std::string> period = PeriodExpr(q.by);
  if (!period.ok()) return period.status();
  std::vector<DyadPeriod> out;
  size_t split = 0;                           // Where the b -> a rows begin.
  const int directions = q.a == q.b ? 1 : 2;  // A code with itself is one direction.
  if (DyadFromRollup(q.a, q.b)) {
    // Two countries: dyad_periods, the rows of the query's own period when the bounds allow
    // (a few hundred per direction over ten years), else the day rows regrouped.
    const std::string kind = DyadRollupKind(q);
    const std::string where =
        " FROM dyad_periods WHERE source_country = ?1 AND target_country = ?2 AND kind = ?5" +
        DateBounds("period", q.date_from, q.date_to, "?3", "?4");
    // Rows of the query's own period are read as they are, in key order; day rows for a week or
    // month are regrouped.
    const std::string sql =
        kind == "d" && q.by != "day"
            ? "SELECT " + *PeriodExpr(q.by, "period") +
                  " AS p, sum(q1), sum(q2), sum(q3), sum(q4), sum(f1), sum(f2), sum(f3), sum(f4), "
                  "sum(g), sum(fg)" +
                  where + " GROUP BY p ORDER BY p"
            : "SELECT period, q1, q2, q3, q4, f1, f2, f3, f4, g, fg" + where + " ORDER BY period";
    Stmt s(db, sql, stmt_cache);
    if (!s.ok()) return Error("preparing dyad query");
    out.reserve(kind == "w" ? 1100 : kind == "m" ? 260 : 64);
    for (int dir = 0; dir < directions; ++dir) {
      if (dir == 1) split = out.size();
      sqlite3_reset(s.get());
      s.Text(1, dir == 0 ? q.a : q.b);
      s.Text(2, dir == 0 ? q.b : q.a);
      s.Text(3, q.date_from);
      s.Text(4, q.date_to);
      s.Text(5, kind);
      while (true) {
        int rc = s.Step();
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return Error("querying dyad");
        int64_t counts[10];
        for (int k = 0; k < 10; ++k) counts[k] = s.ColInt(k + 1);
        DyadPeriod d;
        if (!DyadPeriodFromRollup(q, counts, d)) continue;
        d.period = s.Col(0);
        d.from = dir == 0 ? q.a : q.b;
        d.to = dir == 0 ? q.b : q.a;
        out.push_back(std::move(d));
      }
    }
  } else {
    for (int dir = 0; dir < directions; ++dir) {
      if (dir == 1) split = out.size();
      std::string sql = "SELECT " + *period +
                        " AS p, e.quad_class, count(*), avg(e.goldstein) FROM events e WHERE " +
                        DyadMatch(dir == 0 ? q.a : q.b, dir == 0 ? q.b : q.a) +
                        DateBounds("e.date", q.date_from, q.date_to, "?3", "?4") +
                        " AND (?5 = 1 OR (e.negated = 0 AND e.hypothetical = 0)) AND e.date <> '' "
                        "GROUP BY p, e.quad_class ORDER BY p";
      Stmt s(db, sql.c_str());
      if (!s.ok()) return Error("preparing dyad query");
      s.Text(1, dir == 0 ? q.a : q.b);
      s.Text(2, dir == 0 ? q.b : q.a);
      s.Text(3, q.date_from);
      s.Text(4, q.date_to);
      s.Int(5, q.include_flagged ? 1 : 0);
      std::vector<DyadPeriod> rows;
      while (true) {
        int rc = s.Step();
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return Error("querying dyad");
        AddQuadRow(rows, s.Col(0), static_cast<int>(s.ColInt(1)), s.ColInt(2),
                   sqlite3_column_double(s.get(), 3), dir == 0 ? q.a : q.b, dir == 0 ? q.b : q.a);
      }
      out.insert(out.end(), rows.begin(), rows.end());
    }
  }
  // Each direction came in period order: merge them (a's rows first within a period).
  std::vector<DyadPeriod> merged;
  merged.reserve(out.size());
  const auto mid = out.begin() + static_cast<ptrdiff_t>(split);
  std::merge(std::make_move_iterator(out.begin()), std::make_move_iterator(mid),
             std::make_move_iterator(mid), std::make_move_iterator(out.end()),
             std::back_inserter(merged),
             [](const DyadPeriod& x, const DyadPeriod& y) { return x.period < y.period; });
  return merged;
}

Result<std::vector<DyadPeriod>> SqliteStore::Timeline(const DyadQuery& q) {
  Result<std::string> period = PeriodExpr(q.by);
  if (!period.ok()) return period.status();
  // From the event_days rollup: one row per day, quad class and flag state.
  Result<std::string> day_period = PeriodExpr(q.by, "day");
  if (!day_period.ok()) return day_period.status();
  std::string sql = "SELECT " + *day_period +
                    " AS p, quad_class, sum(events), sum(goldstein_tenths) / 10.0 / sum(events) "
                    "FROM event_days WHERE (?3 = 1 OR flagged = 0) AND day <> ''" +
                    DateBounds("day", q.date_from, q.date_to, "?1", "?2") +
                    " GROUP BY p, quad_class HAVING sum(events) > 0 ORDER BY p";
  Stmt s(db, sql.c_str());
  if (!s.ok()) return Error("preparing timeline query");
  s.Text(1, q.date_from);
  s.Text(2, q.date_to);
  s.Int(3, q.include_flagged ? 1 : 0);
  std::vector<DyadPeriod> rows;
  while (true) {
    int rc = s.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return Error("querying timeline");
    AddQuadRow(rows, s.Col(0), static_cast<int>(s.ColInt(1)), s.ColInt(2),
               sqlite3_column_double(s.get(), 3));
  }
  return rows;
}

Result<std::vector<ActorCount>> SqliteStore::TopActors(const AggregateQuery& q) {
  ANNALS_RETURN_IF_ERROR(ValidateAggregate(q));
  std::string code = q.code_length > 0 ? "substr(a.code, 1, " + std::to_string(q.code_length) + ")"
                                       : std::string("a.code");
  std::string sql =
      "SELECT " + code +
      " AS c, sum(a.role = 0), sum(a.role = 1), "
      "count(DISTINCT a.event_rowid) AS n FROM event_actors a JOIN events e ON e.rowid = "
      "a.event_rowid WHERE 1" +
      DateBounds("e.date", q.date_from, q.date_to, "?1", "?2") +
      " AND (?3 = 1 OR (e.negated = 0 AND e.hypothetical = 0)) GROUP BY c ORDER BY n DESC, c LIMIT "
      "?4";
  Stmt s(db, sql.c_str());
  if (!s.ok()) return Error("preparing actor query");
  BindAggregate(s, q);
  std::vector<ActorCount> out;
  while (s.Step() == SQLITE_ROW) {
    out.push_back({s.Col(0), s.ColInt(1), s.ColInt(2), s.ColInt(3)});
  }
  return out;
}

Result<std::vector<NetworkEdge>> SqliteStore::Network(const AggregateQuery& q) {
  ANNALS_RETURN_IF_ERROR(ValidateAggregate(q));
  auto code = [&](const char* alias) {
    return q.code_length > 0
               ? "substr(" + std::string(alias) + ".code, 1, " + std::to_string(q.code_length) + ")"
               : std::string(alias) + ".code";
  };
  std::string sql = "SELECT " + code("s") + " AS sc, " + code("t") +
                    " AS tc, sum(e.quad_class <= 2), "
                    "sum(e.quad_class >= 3), avg(e.goldstein), count(*) AS n FROM events e "
                    "JOIN event_actors s ON s.event_rowid = e.rowid AND s.role = 0 "
                    "JOIN event_actors t ON t.event_rowid = e.rowid AND t.role = 1 "
                    "WHERE 1" +
                    DateBounds("e.date", q.date_from, q.date_to, "?1", "?2") +
                    " AND (?3 = 1 OR (e.negated = 0 AND e.hypothetical = 0)) AND sc <> tc "
                    "GROUP BY sc, tc ORDER BY n DESC, sc, tc LIMIT ?4";
  Stmt s(db, sql.c_str());
  if (!s.ok()) return Error("preparing network query");
  BindAggregate(s, q);
  std::vector<NetworkEdge> out;
  while (s.Step() == SQLITE_ROW) {
    out.push_back(
        {s.Col(0), s.Col(1), s.ColInt(2), s.ColInt(3), sqlite3_column_double(s.get(), 4)});
  }
  return out;
}

Result<StoredDocument> SqliteStore::GetDocument(const std::string& id) {
  Stmt s(
      db,
      "SELECT rowid, id, url, source, title, date, text, language, dateline_place, "
      "dateline_date, dateline_agency, origin_file, origin_location FROM documents WHERE id = ?1");
  if (!s.ok()) return Error("preparing document lookup");
  s.Text(1, id);
  int rc = s.Step();
  if (rc == SQLITE_DONE) return NotFoundError("no document with id '" + id + "'");
  if (rc != SQLITE_ROW) return Error("reading document " + id);
  return StoredDocument{s.ColInt(0), s.Col(1), s.Col(2), s.Col(3),  s.Col(4),  s.Col(5), s.Col(6),
                        s.Col(7),    s.Col(8), s.Col(9), s.Col(10), s.Col(11), s.Col(12)};
}

Result<StoreStats> SqliteStore::Stats() {
  StoreStats st;
  // Event counts from the event_days rollup; the first and last dates from the date index.
  Stmt s(db,
         "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(events), 0) FROM "
         "event_days), (SELECT coalesce(sum(events), 0) FROM event_days WHERE flagged = 0), "
         "(SELECT min(date) FROM events WHERE date <> ''), (SELECT max(date) FROM events)");
  if (!s.ok() || s.Step() != SQLITE_ROW) return Error("reading statistics");
  st.documents = s.ColInt(0);
  st.events = s.ColInt(1);
  st.unflagged_events = s.ColInt(2);
  st.first_date = s.Col(3);
  st.last_date = s.Col(4);
  Stmt q(db,
         "SELECT quad_class, sum(events) FROM event_days WHERE flagged = 0 GROUP BY quad_class");
  while (q.Step() == SQLITE_ROW) {
    int quad = static_cast<int>(q.ColInt(0));
    if (quad >= 1 && quad <= 4) st.quad_counts[quad] = q.ColInt(1);
  }
  return st;
}

Result<std::vector<PlaceCount>> SqliteStore::Places(const AggregateQuery& q) {
  ANNALS_RETURN_IF_ERROR(ValidateAggregate(q));
  std::string sql =
      "SELECT place_name, place_iso3, avg(place_lat), avg(place_lon), count(*), "
      "sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4) "
      "FROM events e WHERE place_lat IS NOT NULL" +
      DateBounds("e.date", q.date_from, q.date_to, "?1", "?2") +
      " AND (?3 = 1 OR (e.negated = 0 AND e.hypothetical = 0)) "
      "GROUP BY place_name, place_iso3 ORDER BY count(*) DESC, place_name LIMIT ?4";
  Stmt s(db, sql.c_str());
  if (!s.ok()) return Error("preparing place query");
  BindAggregate(s, q);
  std::vector<PlaceCount> out;
  while (s.Step() == SQLITE_ROW) {
    PlaceCount p;
    p.name = s.Col(0);
    p.iso3 = s.Col(1);
    p.lat = sqlite3_column_double(s.get(), 2);
    p.lon = sqlite3_column_double(s.get(), 3);
    p.events = s.ColInt(4);
    for (int k = 1; k <= 4; ++k) p.quad_counts[k] = s.ColInt(4 + k);
    out.push_back(std::move(p));
  }
  return out;
}

Result<int64_t> SqliteStore::CountEvents() {
  Stmt s(db, "SELECT count(*) FROM events");
  if (!s.ok() || s.Step() != SQLITE_ROW) return Error("counting events");
  return s.ColInt(0);
}

Result<int64_t> SqliteStore::CountDocuments() {
  Stmt s(db, "SELECT count(*) FROM documents");
  if (!s.ok() || s.Step() != SQLITE_ROW) return Error("counting documents");
  return s.ColInt(0);
}

Result<std::vector<StoredDocument>> SqliteStore::QueryDocuments(const DocumentQuery& q) {
  if (q.limit < 1 || q.limit > 1000) return InvalidArgumentError("limit must be 1..1000");
  if (q.offset < 0) return InvalidArgumentError("offset must be >= 0");
  std::string sql;
  if (q.search.empty()) {
    sql =
        "SELECT d.rowid, d.id, d.url, d.source, d.title, d.date, substr(d.text, 1, 240) "
        "FROM documents d WHERE (?1 = '' OR d.date >= ?1) AND (?2 = '' OR d.date < ?2 || 'z') "
        "ORDER BY d.date, d.rowid LIMIT ?3 OFFSET ?4";
  } else {
    sql =
        "SELECT d.rowid, d.id, d.url, d.source, d.title, d.date, "
        "snippet(documents_fts, 1, '[', ']', '…', 24) FROM documents_fts "
        "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?5 "
        "AND (?1 = '' OR d.date >= ?1) AND (?2 = '' OR d.date < ?2 || 'z') "
        "ORDER BY rank LIMIT ?3 OFFSET ?4";
  }
  Stmt s(db, sql.c_str());
  if (!s.ok()) return Error("preparing document query");
  s.Text(1, q.date_from);
  s.Text(2, q.date_to);
  s.Int(3, q.limit);
  s.Int(4, q.offset);
  if (!q.search.empty()) s.Text(5, q.search);
  std::vector<StoredDocument> out;
  while (true) {
    int rc = s.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      if (!q.search.empty()) {
        return InvalidArgumentError("bad search expression '" + q.search +
                                    "': " + sqlite3_errmsg(db));
      }
      return Error("querying documents");
    }
    StoredDocument d;
    d.rowid = s.ColInt(0);
    d.id = s.Col(1);
    d.url = s.Col(2);
    d.source = s.Col(3);
    d.title = s.Col(4);
    d.date = s.Col(5);
    d.text = s.Col(6);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace annals
