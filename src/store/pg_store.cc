// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The PostgreSQL store backend (libpqxx): the SQLite schema translated (docs/store.md), with the
// same migrations, idempotency rules and query semantics. Text columns use the "C" collation so
// that date and code comparisons and orderings are bytewise, as in SQLite.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "annals/store.h"
#include "store/store_internal.h"

#ifdef ANNALS_HAVE_POSTGRES
#include <pqxx/pqxx>
#endif

namespace annals {

#ifndef ANNALS_HAVE_POSTGRES

Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options) {
  return UnimplementedError("this build of Annals has no PostgreSQL backend (libpqxx missing)");
}

#else

namespace {

// Migrations, one per schema version, as in the SQLite backend (same tables, columns and indexes;
// the full-text index is a GIN index over a tsvector instead of an FTS5 table).
// The function behind the trigger that takes a deleted event out of the rollups (see the SQLite
// backend's kRollupTrigger). Written by the migrations as @ROLLUP_TRIGGER@.
constexpr char kPgRollupTrigger[] = R"sql(
CREATE OR REPLACE FUNCTION annals_events_rollups_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_f SMALLINT := CASE WHEN OLD.negated <> 0 OR OLD.hypothetical <> 0 THEN 1 ELSE 0 END;
  v_u SMALLINT := 1 - v_f;
  v_g BIGINT := round(OLD.goldstein * 10)::bigint;
  v_q SMALLINT := OLD.quad_class;
BEGIN
  UPDATE event_days SET events = events - 1, goldstein_tenths = goldstein_tenths - v_g
  WHERE day = substr(OLD.date, 1, 10) AND quad_class = OLD.quad_class AND flagged = v_f;
  IF OLD.date <> '' THEN
    UPDATE dyad_periods SET
      q1 = q1 - CASE WHEN v_q = 1 THEN v_u ELSE 0 END, q2 = q2 - CASE WHEN v_q = 2 THEN v_u ELSE 0 END,
      q3 = q3 - CASE WHEN v_q = 3 THEN v_u ELSE 0 END, q4 = q4 - CASE WHEN v_q = 4 THEN v_u ELSE 0 END,
      f1 = f1 - CASE WHEN v_q = 1 THEN v_f ELSE 0 END, f2 = f2 - CASE WHEN v_q = 2 THEN v_f ELSE 0 END,
      f3 = f3 - CASE WHEN v_q = 3 THEN v_f ELSE 0 END, f4 = f4 - CASE WHEN v_q = 4 THEN v_f ELSE 0 END,
      g = g - v_g * v_u, fg = fg - v_g * v_f
    WHERE (source_country, target_country) IN
        (SELECT left(s.code, 3), left(t.code, 3) FROM event_actors s JOIN event_actors t
           ON t.event_rowid = s.event_rowid AND t.role = 1
         WHERE s.event_rowid = OLD.rowid AND s.role = 0)
      AND (kind, period) IN (('d', substr(OLD.date, 1, 10)),
                             ('w', @WEEK(OLD.date)@),
                             ('m', @MONTH(OLD.date)@));
  END IF;
  RETURN OLD;
END
$fn$;
)sql";

const char* const kPgMigrations[] = {
    // 0 -> 1: documents with full-text search.
    R"sql(
CREATE TABLE documents(
  rowid BIGSERIAL PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  url TEXT COLLATE "C" NOT NULL DEFAULT '',
  source TEXT COLLATE "C" NOT NULL DEFAULT '',
  title TEXT COLLATE "C" NOT NULL DEFAULT '',
  date TEXT COLLATE "C" NOT NULL DEFAULT '',
  language TEXT COLLATE "C" NOT NULL DEFAULT '',
  text TEXT COLLATE "C" NOT NULL,
  text_hash TEXT COLLATE "C" NOT NULL,
  dateline_place TEXT COLLATE "C" NOT NULL DEFAULT '',
  dateline_date TEXT COLLATE "C" NOT NULL DEFAULT '',
  dateline_agency TEXT COLLATE "C" NOT NULL DEFAULT '',
  origin_file TEXT COLLATE "C" NOT NULL DEFAULT '',
  origin_location TEXT COLLATE "C" NOT NULL DEFAULT '',
  ingested_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url <> '';
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_fts ON documents USING GIN (to_tsvector('simple', title || ' ' || text));
)sql",
    // 1 -> 2: events with their actor lists.
    R"sql(
CREATE TABLE events(
  rowid BIGSERIAL PRIMARY KEY,
  document_rowid BIGINT NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL,
  date TEXT COLLATE "C" NOT NULL DEFAULT '',
  date_precision TEXT COLLATE "C" NOT NULL DEFAULT '',
  cameo TEXT COLLATE "C" NOT NULL,
  cameo_base TEXT COLLATE "C" NOT NULL,
  cameo_root TEXT COLLATE "C" NOT NULL,
  quad_class SMALLINT NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  plover_event TEXT COLLATE "C" NOT NULL DEFAULT '',
  plover_mode TEXT COLLATE "C" NOT NULL DEFAULT '',
  plover_context TEXT COLLATE "C" NOT NULL DEFAULT '',
  negated SMALLINT NOT NULL DEFAULT 0,
  hypothetical SMALLINT NOT NULL DEFAULT 0,
  future SMALLINT NOT NULL DEFAULT 0,
  reported SMALLINT NOT NULL DEFAULT 0,
  historical SMALLINT NOT NULL DEFAULT 0,
  speaker_code TEXT COLLATE "C" NOT NULL DEFAULT '',
  speaker_text TEXT COLLATE "C" NOT NULL DEFAULT '',
  place_name TEXT COLLATE "C" NOT NULL DEFAULT '',
  place_feature TEXT COLLATE "C" NOT NULL DEFAULT '',
  place_iso3 TEXT COLLATE "C" NOT NULL DEFAULT '',
  place_fips TEXT COLLATE "C" NOT NULL DEFAULT '',
  place_adm1 TEXT COLLATE "C" NOT NULL DEFAULT '',
  place_geonames_id BIGINT NOT NULL DEFAULT 0,
  place_lat DOUBLE PRECISION,
  place_lon DOUBLE PRECISION,
  sentence_begin INTEGER NOT NULL DEFAULT 0,
  sentence_end INTEGER NOT NULL DEFAULT 0,
  predicate_begin INTEGER NOT NULL DEFAULT 0,
  predicate_end INTEGER NOT NULL DEFAULT 0,
  pattern_id TEXT COLLATE "C" NOT NULL DEFAULT '',
  source_codes TEXT COLLATE "C" NOT NULL DEFAULT '',
  target_codes TEXT COLLATE "C" NOT NULL DEFAULT '',
  group_key TEXT COLLATE "C" NOT NULL DEFAULT '',
  day_key TEXT COLLATE "C" NOT NULL DEFAULT '');
CREATE INDEX events_document ON events(document_rowid);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root_date ON events(cameo_root, date);
CREATE INDEX events_group ON events(group_key);
CREATE INDEX events_day ON events(day_key);
CREATE TABLE event_actors(
  event_rowid BIGINT NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  role TEXT COLLATE "C" NOT NULL CHECK(role IN ('source', 'target')),
  position INTEGER NOT NULL,
  code TEXT COLLATE "C" NOT NULL,
  country TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL DEFAULT '',
  text TEXT COLLATE "C" NOT NULL DEFAULT '',
  span_begin INTEGER NOT NULL DEFAULT 0,
  span_end INTEGER NOT NULL DEFAULT 0,
  entry_id TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY(event_rowid, role, position));
CREATE INDEX event_actors_code ON event_actors(code, role);
CREATE INDEX event_actors_country ON event_actors(country, role);
)sql",
    // 2 -> 3: event_dyads (see the SQLite backend).
    R"sql(
DROP INDEX event_actors_country;
CREATE TABLE event_dyads(
  source_country TEXT COLLATE "C" NOT NULL,
  target_country TEXT COLLATE "C" NOT NULL,
  event_rowid BIGINT NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  source_code TEXT COLLATE "C" NOT NULL,
  target_code TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY(source_country, target_country, event_rowid, source_code, target_code));
CREATE INDEX event_dyads_event ON event_dyads(event_rowid);
INSERT INTO event_dyads
  SELECT s.country, t.country, s.event_rowid, s.code, t.code FROM event_actors s
  JOIN event_actors t ON t.event_rowid = s.event_rowid AND t.role = 'target'
  WHERE s.role = 'source' ON CONFLICT DO NOTHING;
)sql",
    // 3 -> 4: the event_days and dyad_days rollups (see the SQLite backend); a plpgsql trigger
    // takes deleted events (and the cascade from a deleted document) out of them.
    R"sql(
DROP INDEX events_root_date;
CREATE TABLE event_days(
  day TEXT COLLATE "C" NOT NULL,
  quad_class SMALLINT NOT NULL,
  flagged SMALLINT NOT NULL,
  events BIGINT NOT NULL,
  goldstein_tenths BIGINT NOT NULL,
  PRIMARY KEY(day, quad_class, flagged));
CREATE TABLE dyad_days(
  source_country TEXT COLLATE "C" NOT NULL,
  target_country TEXT COLLATE "C" NOT NULL,
  day TEXT COLLATE "C" NOT NULL,
  quad_class SMALLINT NOT NULL,
  flagged SMALLINT NOT NULL,
  events BIGINT NOT NULL,
  goldstein_tenths BIGINT NOT NULL,
  PRIMARY KEY(source_country, target_country, day, quad_class, flagged));
INSERT INTO event_days
  SELECT substr(date, 1, 10), quad_class,
         CASE WHEN negated <> 0 OR hypothetical <> 0 THEN 1 ELSE 0 END, count(*),
         sum(round(goldstein * 10)::bigint)
  FROM events GROUP BY 1, 2, 3;
INSERT INTO dyad_days
  SELECT y.sc, y.tc, substr(e.date, 1, 10), e.quad_class,
         CASE WHEN e.negated <> 0 OR e.hypothetical <> 0 THEN 1 ELSE 0 END, count(*),
         sum(round(e.goldstein * 10)::bigint)
  FROM (SELECT DISTINCT event_rowid, source_country AS sc, target_country AS tc
        FROM event_dyads) y
  JOIN events e ON e.rowid = y.event_rowid GROUP BY 1, 2, 3, 4, 5;
CREATE FUNCTION annals_events_rollups_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  f SMALLINT := CASE WHEN OLD.negated <> 0 OR OLD.hypothetical <> 0 THEN 1 ELSE 0 END;
  g BIGINT := round(OLD.goldstein * 10)::bigint;
BEGIN
  UPDATE event_days SET events = events - 1, goldstein_tenths = goldstein_tenths - g
  WHERE day = substr(OLD.date, 1, 10) AND quad_class = OLD.quad_class AND flagged = f;
  UPDATE dyad_days SET events = events - 1, goldstein_tenths = goldstein_tenths - g
  WHERE (source_country, target_country) IN
      (SELECT source_country, target_country FROM event_dyads WHERE event_rowid = OLD.rowid)
    AND day = substr(OLD.date, 1, 10) AND quad_class = OLD.quad_class AND flagged = f;
  RETURN OLD;
END
$fn$;
CREATE TRIGGER events_rollups_delete BEFORE DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION annals_events_rollups_delete();
)sql",
    // 4 -> 5: dyad_days becomes dyad_periods (day, ISO week and month rows with the counts per
    // quad class and flag state as columns; see the SQLite backend).
    R"sql(
CREATE TABLE dyad_periods(
  source_country TEXT COLLATE "C" NOT NULL,
  target_country TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL CHECK(kind IN ('d', 'w', 'm')),
  period TEXT COLLATE "C" NOT NULL,
  q1 BIGINT NOT NULL DEFAULT 0,
  q2 BIGINT NOT NULL DEFAULT 0,
  q3 BIGINT NOT NULL DEFAULT 0,
  q4 BIGINT NOT NULL DEFAULT 0,
  f1 BIGINT NOT NULL DEFAULT 0,
  f2 BIGINT NOT NULL DEFAULT 0,
  f3 BIGINT NOT NULL DEFAULT 0,
  f4 BIGINT NOT NULL DEFAULT 0,
  g BIGINT NOT NULL DEFAULT 0,
  fg BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY(source_country, target_country, kind, period));
INSERT INTO dyad_periods
  SELECT source_country, target_country, kind, period,
    sum(CASE WHEN quad_class = 1 AND flagged = 0 THEN events ELSE 0 END), sum(CASE WHEN quad_class = 2 AND flagged = 0 THEN events ELSE 0 END), sum(CASE WHEN quad_class = 3 AND flagged = 0 THEN events ELSE 0 END), sum(CASE WHEN quad_class = 4 AND flagged = 0 THEN events ELSE 0 END),
    sum(CASE WHEN quad_class = 1 AND flagged = 1 THEN events ELSE 0 END), sum(CASE WHEN quad_class = 2 AND flagged = 1 THEN events ELSE 0 END), sum(CASE WHEN quad_class = 3 AND flagged = 1 THEN events ELSE 0 END), sum(CASE WHEN quad_class = 4 AND flagged = 1 THEN events ELSE 0 END),
    sum(CASE WHEN flagged = 0 THEN goldstein_tenths ELSE 0 END),
    sum(CASE WHEN flagged = 1 THEN goldstein_tenths ELSE 0 END)
  FROM (SELECT y.*, 'd' AS kind, day AS period FROM dyad_days y
        UNION ALL SELECT y.*, 'w', @WEEK(day)@ FROM dyad_days y
        UNION ALL SELECT y.*, 'm', @MONTH(day)@ FROM dyad_days y) u
  WHERE day <> '' GROUP BY 1, 2, 3, 4;
DROP TABLE dyad_days;
@ROLLUP_TRIGGER@
)sql",
    // 5 -> 6: the aggregation keys become 64-bit hashes (hashtextextended of EventGroupKey,
    // here and in the event insert; SQLite uses FNV-1a: the values never leave the database).
    R"sql(
DROP INDEX events_group;
DROP INDEX events_day;
ALTER TABLE events ADD COLUMN group_hash BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN day_hash BIGINT NOT NULL DEFAULT 0;
UPDATE events SET group_hash = hashtextextended(group_key, 0),
                  day_hash = hashtextextended(day_key, 0);
ALTER TABLE events DROP COLUMN group_key;
ALTER TABLE events DROP COLUMN day_key;
CREATE INDEX events_group ON events(group_hash);
CREATE INDEX events_day ON events(day_hash);
)sql",
    // 6 -> 7: event_dyads goes (see the SQLite backend); the delete trigger's function takes an
    // event's country pairs from its actors.
    R"sql(
DROP TABLE event_dyads;
@ROLLUP_TRIGGER@
)sql",
    // 7 -> 8: smaller rows (see the SQLite backend): event_actors.role becomes 0/1, its country
    // goes, its text is NULL when it is the document's text at the span; events loses cameo_base,
    // cameo_root, source_codes, target_codes and the group_hash index. The rollup function is
    // rewritten for the new
    // event_actors. The date index takes the rowid as well (SQLite's does implicitly), so an
    // event query walks it in its (date, rowid) order and stops at the limit instead of sorting
    // every event in the date range; a finer histogram of dates (1000 buckets instead of 100)
    // keeps a month's estimate near its true size (with 100 buckets over ten years it came out
    // 50 times too small, and the planner sorted the month instead). dyad_periods' primary key
    // includes the counts, so a dyad
    // query is an index-only scan of a few pages rather than a heap page per row (SQLite's
    // WITHOUT ROWID table is stored in key order).
    R"sql(
ALTER TABLE event_actors DROP COLUMN country;
ALTER TABLE event_actors DROP CONSTRAINT event_actors_role_check;
ALTER TABLE event_actors ALTER COLUMN role TYPE SMALLINT
  USING CASE role WHEN 'source' THEN 0 ELSE 1 END;
ALTER TABLE event_actors ADD CONSTRAINT event_actors_role_check CHECK(role IN (0, 1));
ALTER TABLE event_actors ALTER COLUMN text DROP NOT NULL;
ALTER TABLE event_actors ALTER COLUMN text DROP DEFAULT;
UPDATE event_actors a SET text = NULL FROM events e, documents d
  WHERE e.rowid = a.event_rowid AND d.rowid = e.document_rowid AND a.span_end > a.span_begin
    AND convert_to(a.text, 'UTF8') = substring(convert_to(d.text, 'UTF8')
                                               FROM a.span_begin + 1 FOR a.span_end - a.span_begin);
ALTER TABLE events DROP COLUMN cameo_base, DROP COLUMN cameo_root, DROP COLUMN source_codes,
  DROP COLUMN target_codes;
DROP INDEX events_date;
CREATE INDEX events_date ON events(date, rowid);
ALTER TABLE events ALTER COLUMN date SET STATISTICS 1000;
DROP INDEX events_group;
ALTER TABLE dyad_periods DROP CONSTRAINT dyad_periods_pkey;
ALTER TABLE dyad_periods ADD CONSTRAINT dyad_periods_pkey
  PRIMARY KEY (source_country, target_country, kind, period)
  INCLUDE (q1, q2, q3, q4, f1, f2, f3, f4, g, fg);
@ROLLUP_TRIGGER@
)sql",
};
constexpr int kPgMigrationCount = sizeof(kPgMigrations) / sizeof(kPgMigrations[0]);
static_assert(kPgMigrationCount == Store::kSchemaVersion, "one migration per schema version");

Result<std::string> PgPeriodExpr(const std::string& by, const std::string& col = "e.date");

// Migration `from` -> `from + 1` (@WEEK(col)@ and @MONTH(col)@ expanded with PgPeriodExpr).
std::string PgMigration(int from) {
  return ExpandMigration(kPgMigrations[from], kPgRollupTrigger, PgPeriodExpr);
}

Result<std::string> PgPeriodExpr(const std::string& by, const std::string& col) {
  if (by == "day") return "substr(" + col + ", 1, 10)";
  // As in SQLite: a week-precision date ("2024-W44") is its own week, and its month is that of
  // the week's Thursday.
  const std::string is_week = "substr(" + col + ", 6, 1) = 'W'";
  if (by == "month") {
    return "CASE WHEN " + is_week + " THEN to_char(to_date(substr(" + col +
           ", 1, 4) || '-' || substr(" + col + ", 7, 2), 'IYYY-IW') + 3, 'YYYY-MM') ELSE substr(" +
           col + ", 1, 7) END";
  }
  if (by == "week") {
    // ISO week of the date (dates coarser than a day: of their first day), as in SQLite.
    return "CASE WHEN " + is_week + " THEN substr(" + col + ", 1, 8) ELSE to_char(to_date(substr(" +
           col + " || '-01-01', 1, 10), 'YYYY-MM-DD'), 'IYYY-\"W\"IW') END";
  }
  return InvalidArgumentError("'by' must be day, week or month, not '" + by + "'");
}

// The full-text document vector; the GIN index is over exactly this expression.
constexpr char kDocVector[] = "to_tsvector('simple', d.title || ' ' || d.text)";

// Translates an FTS5 query (barewords, "phrases", prefix*, AND, OR, NOT, parentheses; adjacent
// terms mean AND) into to_tsquery syntax, so that both backends accept the same expressions.
// Words are split as FTS5's unicode61 tokenizer splits them (at anything but ASCII letters,
// digits, '_' and non-ASCII bytes) and quoted for to_tsquery.
class FtsTranslator {
 public:
  explicit FtsTranslator(const std::string& q) : q_(q) {}

  Result<std::string> Translate() {
    Result<std::string> out = Or();
    if (!out.ok()) return out;
    Skip();
    if (pos_ != q_.size()) return Error("unexpected '" + std::string(1, q_[pos_]) + "'");
    return out;
  }

 private:
  static bool WordChar(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c >= 0x80;
  }
  Status Error(const std::string& what) {
    return InvalidArgumentError("bad search expression '" + q_ + "': " + what);
  }
  void Skip() {
    while (pos_ < q_.size() &&
           (q_[pos_] == ' ' || q_[pos_] == '\t' || q_[pos_] == '\n' || q_[pos_] == '\r')) {
      ++pos_;
    }
  }
  // The next token is the keyword `kw` (a bareword written exactly so).
  bool Keyword(const char* kw) {
    Skip();
    size_t n = std::char_traits<char>::length(kw);
    if (q_.compare(pos_, n, kw) != 0) return false;
    if (pos_ + n < q_.size() && WordChar(static_cast<unsigned char>(q_[pos_ + n]))) return false;
    return true;
  }
  // Words of `s` as a to_tsquery phrase ('a' <-> 'b'), prefix-marked on the last word.
  static std::string Phrase(const std::string& s, bool prefix) {
    std::vector<std::string> words;
    std::string w;
    for (unsigned char c : s) {
      if (WordChar(c)) {
        w += static_cast<char>(c);
      } else if (!w.empty()) {
        words.push_back(std::move(w));
        w.clear();
      }
    }
    if (!w.empty()) words.push_back(std::move(w));
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) out += " <-> ";
      out += "'" + words[i] + "'";  // Word characters never include quotes or backslashes.
      if (prefix && i + 1 == words.size()) out += ":*";
    }
    return words.size() > 1 ? "(" + out + ")" : out;
  }
  Result<std::string> Primary() {
    Skip();
    if (pos_ >= q_.size()) return Error("expression ends early");
    char c = q_[pos_];
    if (c == '(') {
      ++pos_;
      Result<std::string> inner = Or();
      if (!inner.ok()) return inner;
      Skip();
      if (pos_ >= q_.size() || q_[pos_] != ')') return Error("unbalanced parenthesis");
      ++pos_;
      return "(" + *inner + ")";
    }
    std::string text;
    if (c == '"') {
      ++pos_;
      while (true) {
        if (pos_ >= q_.size()) return Error("unbalanced quote");
        if (q_[pos_] == '"') {
          if (pos_ + 1 < q_.size() && q_[pos_ + 1] == '"') {  // "" is a literal quote.
            text += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        text += q_[pos_++];
      }
    } else if (WordChar(static_cast<unsigned char>(c))) {
      if (Keyword("AND") || Keyword("OR") || Keyword("NOT") || Keyword("NEAR")) {
        return Error("operator where a term was expected");
      }
      while (pos_ < q_.size() && WordChar(static_cast<unsigned char>(q_[pos_]))) text += q_[pos_++];
    } else {
      return Error("unexpected '" + std::string(1, c) + "'");
    }
    bool prefix = false;
    if (pos_ < q_.size() && q_[pos_] == '*') {
      prefix = true;
      ++pos_;
    }
    std::string phrase = Phrase(text, prefix);
    if (phrase.empty()) return Error("a term without words");
    return phrase;
  }
  Result<std::string> Not() {
    Result<std::string> left = Primary();
    if (!left.ok()) return left;
    std::string out = *left;
    while (Keyword("NOT")) {
      pos_ += 3;
      Result<std::string> right = Primary();
      if (!right.ok()) return right;
      out = "(" + out + " & !" + *right + ")";
    }
    return out;
  }
  bool TermFollows() {
    Skip();
    if (pos_ >= q_.size()) return false;
    char c = q_[pos_];
    if (c == ')') return false;
    if (Keyword("OR")) return false;
    return true;
  }
  Result<std::string> And() {
    Result<std::string> left = Not();
    if (!left.ok()) return left;
    std::string out = *left;
    while (TermFollows()) {
      if (Keyword("AND")) pos_ += 3;
      Result<std::string> right = Not();
      if (!right.ok()) return right;
      out += " & " + *right;
    }
    return out;
  }
  Result<std::string> Or() {
    Result<std::string> left = And();
    if (!left.ok()) return left;
    std::string out = *left;
    while (Keyword("OR")) {
      pos_ += 2;
      Result<std::string> right = And();
      if (!right.ok()) return right;
      out += " | " + *right;
    }
    return out;
  }

  const std::string& q_;
  size_t pos_ = 0;
};

std::string Str(const pqxx::field& f) { return f.is_null() ? std::string() : f.c_str(); }
int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
double Dbl(const pqxx::field& f) { return f.is_null() ? 0.0 : f.as<double>(); }

// The URL without its password, for messages.
std::string Redacted(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

class PgStore final : public Store {
 public:
  const char* Backend() const override { return "postgresql"; }
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  Result<int> SchemaVersion() override;
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

  Status Connect(const StoreOptions& options);

 private:
  // The open transaction: the Begin()..Commit() one, or else an autocommit one.
  pqxx::transaction_base& Tx() {
    if (!tx_) tx_ = std::make_unique<pqxx::nontransaction>(*conn_);
    return *tx_;
  }
  // The name of the prepared statement for `sql`, prepared on first use: the queries the server
  // repeats skip parsing and planning.
  std::string Prepared(const std::string& sql) {
    auto it = prepared_.find(sql);
    if (it != prepared_.end()) return it->second;
    std::string name = "q" + std::to_string(prepared_.size());
    conn_->prepare(name, sql);
    prepared_.emplace(sql, name);
    return name;
  }
  // Runs `f`, turning libpqxx exceptions into a Status that says what was being done.
  template <typename F>
  Status Guard(const std::string& what, F&& f) {
    try {
      return f();
    } catch (const pqxx::sql_error& e) {
      std::string state = e.sqlstate();
      std::string msg = url_ + ": " + what + ": " + e.what();
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      if (state == "25006") return FailedPreconditionError(msg);  // Read-only transaction.
      return IoError(msg);
    } catch (const std::exception& e) {
      return IoError(url_ + ": " + what + ": " + e.what());
    }
  }
  Result<int> ReadVersion(pqxx::transaction_base& t);
  Status Migrate();

  std::string url_;  // Redacted.
  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<pqxx::transaction_base> tx_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name (Prepared).
  pqxx::work* work_ = nullptr;                             // tx_ when inside Begin()..Commit().
};

Status PgStore::Connect(const StoreOptions& options) {
  url_ = Redacted(options.path);
  Status st = Guard("cannot connect", [&] {
    conn_ = std::make_unique<pqxx::connection>(options.path);
    pqxx::nontransaction n(*conn_);
    // Lock waits are bounded like SQLite's busy timeout.
    n.exec("SET lock_timeout = " + std::to_string(options.busy_timeout_ms));
    n.exec("SET client_min_messages = warning");
    if (options.read_only) n.exec("SET default_transaction_read_only = on");
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (options.read_only) {
    Result<int> v = SchemaVersion();
    if (!v.ok()) return v.status();
    if (*v != kSchemaVersion) {
      return FailedPreconditionError(url_ + ": schema version " + std::to_string(*v) +
                                     ", expected " + std::to_string(kSchemaVersion) +
                                     " (open it read-write once to migrate)");
    }
    return Status::Ok();
  }
  ANNALS_RETURN_IF_ERROR(Migrate());
  return Guard("preparing statements", [&] {
    conn_->prepare(
        "doc_by_url",
        "SELECT rowid, text_hash, title, date, source, id FROM documents WHERE url = $1 "
        "AND url <> ''");  // The partial index's condition, so a generic plan can use it.
    conn_->prepare("doc_by_id_or_hash",
                   "SELECT rowid, text_hash, title, date, source, id FROM documents WHERE id = $1 "
                   "OR text_hash = $2 ORDER BY (id = $1) DESC LIMIT 1");
    conn_->prepare("doc_id_taken", "SELECT 1 FROM documents WHERE id = $1");
    conn_->prepare("doc_update",
                   "UPDATE documents SET source=$2, title=$3, date=$4, language=$5, text=$6, "
                   "text_hash=$7, dateline_place=$8, dateline_date=$9, dateline_agency=$10, "
                   "origin_file=$11, origin_location=$12, updated_at=$13 WHERE rowid=$1");
    conn_->prepare("doc_insert",
                   "INSERT INTO documents(id, url, source, title, date, language, text, text_hash, "
                   "dateline_place, dateline_date, dateline_agency, origin_file, origin_location, "
                   "ingested_at, updated_at) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,"
                   "$14,$14)");
    conn_->prepare("doc_rowid", "SELECT rowid, text FROM documents WHERE id = $1");
    conn_->prepare("events_delete", "DELETE FROM events WHERE document_rowid = $1");
    // A document's events in one statement each for the events, their actors and the two
    // rollups (arrays unnested in order); the event ids are drawn from the sequence first.
    conn_->prepare("event_ids",
                   "SELECT nextval(pg_get_serial_sequence('events', 'rowid')) FROM "
                   "generate_series(1, $1::int)");
    conn_->prepare(
        "events_insert",
        "INSERT INTO events(rowid, document_rowid, sentence_index, date, date_precision, cameo, "
        "quad_class, goldstein, plover_event, plover_mode, plover_context, negated, hypothetical, "
        "future, reported, historical, speaker_code, speaker_text, place_name, place_feature, "
        "place_iso3, place_fips, place_adm1, place_geonames_id, place_lat, place_lon, "
        "predicate_begin, predicate_end, pattern_id, sentence_begin, sentence_end, group_hash, "
        "day_hash) SELECT id, $2::bigint, si, dt, dp, cm, qc, gs, pe, pm, pc, ng, hy, fu, re, hi, "
        "sc, st, pn, pf, pi, pp, pa, pg, la, lo, pb, pd, pt, sb, se, hashtextextended(gk, 0), "
        "hashtextextended(dk, 0) FROM unnest($1::bigint[], $3::int[], $4::text[], $5::text[], "
        "$6::text[], $7::smallint[], $8::float8[], $9::text[], $10::text[], $11::text[], "
        "$12::smallint[], $13::smallint[], $14::smallint[], $15::smallint[], $16::smallint[], "
        "$17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], "
        "$23::text[], $24::bigint[], $25::float8[], $26::float8[], $27::int[], $28::int[], "
        "$29::text[], $30::int[], $31::int[], $32::text[], $33::text[]) AS u(id, si, dt, dp, cm, "
        "qc, gs, pe, pm, pc, ng, hy, fu, re, hi, sc, st, pn, pf, pi, pp, pa, pg, la, lo, pb, pd, "
        "pt, sb, se, gk, dk)");
    conn_->prepare("actors_insert",
                   "INSERT INTO event_actors(event_rowid, role, position, code, name, text, "
                   "span_begin, span_end, entry_id) SELECT * FROM unnest($1::bigint[], "
                   "$2::smallint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], "
                   "$8::int[], $9::text[])");
    // The rollups: rows per day, quad class and flag state (summed here), and per distinct
    // country pair of an event and its day, ISO week and month (summed in the statement, since
    // one INSERT may not update a row twice).
    conn_->prepare("days_add",
                   "INSERT INTO event_days SELECT * FROM unnest($1::text[], $2::smallint[], "
                   "$3::smallint[], $4::bigint[], $5::bigint[]) ON CONFLICT (day, quad_class, "
                   "flagged) DO UPDATE SET events = event_days.events + excluded.events, "
                   "goldstein_tenths = event_days.goldstein_tenths + excluded.goldstein_tenths");
    conn_->prepare(
        "dyads_add",
        "INSERT INTO dyad_periods SELECT s, t, k, p, "
        "sum(CASE WHEN q = 1 AND f = 0 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN q = 2 AND f = 0 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN q = 3 AND f = 0 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN q = 4 AND f = 0 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN q = 1 AND f = 1 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN q = 2 AND f = 1 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN q = 3 AND f = 1 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN q = 4 AND f = 1 THEN 1 ELSE 0 END), "
        "sum(g * (1 - f)), sum(g * f) "
        "FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::bigint[]) "
        "AS u(s, t, d, q, f, g) CROSS JOIN LATERAL (VALUES ('d', substr(d, 1, 10)), ('w', " +
            *PgPeriodExpr("week", "d") + "), ('m', " + *PgPeriodExpr("month", "d") +
            ")) AS v(k, p) GROUP BY s, t, k, p ON CONFLICT (source_country, "
            "target_country, kind, period) DO UPDATE SET q1 = dyad_periods.q1 + excluded.q1, "
            "q2 = dyad_periods.q2 + excluded.q2, q3 = dyad_periods.q3 + excluded.q3, "
            "q4 = dyad_periods.q4 + excluded.q4, f1 = dyad_periods.f1 + excluded.f1, "
            "f2 = dyad_periods.f2 + excluded.f2, f3 = dyad_periods.f3 + excluded.f3, "
            "f4 = dyad_periods.f4 + excluded.f4, g = dyad_periods.g + excluded.g, "
            "fg = dyad_periods.fg + excluded.fg");
    return Status::Ok();
  });
}

Result<int> PgStore::ReadVersion(pqxx::transaction_base& t) {
  pqxx::result r = t.exec("SELECT to_regclass('annals_schema') IS NOT NULL");
  if (!r[0][0].as<bool>()) return 0;
  pqxx::result v = t.exec("SELECT max(version) FROM annals_schema");
  return static_cast<int>(Int(v[0][0]));
}

Result<int> PgStore::SchemaVersion() {
  int version = 0;
  Status st = Guard("reading schema version", [&] {
    Result<int> v = ReadVersion(Tx());
    if (!v.ok()) return v.status();
    version = *v;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return version;
}

Status PgStore::Migrate() {
  tx_.reset();
  for (int step = 0;; ++step) {
    bool done = false;
    Status st = Guard("migrating the schema", [&]() -> Status {
      pqxx::work w(*conn_);
      // One migrating process at a time; the others wait, then find the work done.
      w.exec("SELECT pg_advisory_xact_lock(7411870031)");
      w.exec("CREATE TABLE IF NOT EXISTS annals_schema(version INTEGER NOT NULL)");
      Result<int> v = ReadVersion(w);
      if (!v.ok()) return v.status();
      if (*v > kSchemaVersion) {
        return FailedPreconditionError(url_ + ": schema version " + std::to_string(*v) +
                                       " is newer than this build supports (" +
                                       std::to_string(kSchemaVersion) + ")");
      }
      if (*v == kSchemaVersion) {
        w.commit();
        done = true;
        return Status::Ok();
      }
      w.exec(PgMigration(*v));
      w.exec("DELETE FROM annals_schema");
      w.exec("INSERT INTO annals_schema(version) VALUES(" + std::to_string(*v + 1) + ")");
      w.commit();
      return Status::Ok();
    });
    if (!st.ok()) return st;
    if (done) return Status::Ok();
  }
}

Status PgStore::Begin() {
  if (work_ != nullptr) return FailedPreconditionError(url_ + ": a transaction is already open");
  return Guard("beginning a transaction", [&] {
    tx_.reset();
    auto w = std::make_unique<pqxx::work>(*conn_);
    work_ = w.get();
    tx_ = std::move(w);
    return Status::Ok();
  });
}

Status PgStore::Commit() {
  if (work_ == nullptr) return FailedPreconditionError(url_ + ": no transaction to commit");
  Status st = Guard("committing", [&] {
    work_->commit();
    return Status::Ok();
  });
  work_ = nullptr;
  tx_.reset();
  return st;
}

Status PgStore::Rollback() {
  if (work_ == nullptr) return FailedPreconditionError(url_ + ": no transaction to roll back");
  Status st = Guard("rolling back", [&] {
    work_->abort();
    return Status::Ok();
  });
  work_ = nullptr;
  tx_.reset();
  return st;
}

Result<PutResult> PgStore::PutDocument(const Document& d) {
  PutResult out;
  Status st = Guard("storing document " + d.id, [&]() -> Status {
    pqxx::transaction_base& t = Tx();
    std::string hash = DocumentTextHash(d.text);
    pqxx::result found;
    bool same_doc = false;
    if (!d.url.empty()) {
      found = t.exec_prepared("doc_by_url", d.url);
      same_doc = !found.empty();
    }
    if (found.empty()) {
      found = t.exec_prepared("doc_by_id_or_hash", d.id, hash);
      same_doc = !found.empty() && Str(found[0][5]) == d.id;
    }
    if (!found.empty() && !same_doc) {
      out = {PutOutcome::kUnchanged, Str(found[0][5])};  // Same text, other URL/id.
      return Status::Ok();
    }
    std::string now = NowUtc();
    const std::string empty;
    const Dateline* dl = d.dateline ? &*d.dateline : nullptr;
    if (!found.empty()) {
      const pqxx::row row = found[0];
      if (Str(row[1]) == hash && Str(row[2]) == d.title && Str(row[3]) == d.date &&
          Str(row[4]) == d.source) {
        out = {PutOutcome::kUnchanged, Str(row[5])};
        return Status::Ok();
      }
      t.exec_prepared("doc_update", Int(row[0]), d.source, d.title, d.date, d.language, d.text,
                      hash, dl ? dl->place : empty, dl ? dl->date_text : empty,
                      dl ? dl->agency : empty, d.origin_file, d.origin_location, now);
      out = {PutOutcome::kUpdated, Str(row[5])};
      return Status::Ok();
    }
    std::string id = d.id.empty() ? hash : d.id;
    if (!t.exec_prepared("doc_id_taken", id).empty()) id += "-" + hash;
    t.exec_prepared("doc_insert", id, d.url, d.source, d.title, d.date, d.language, d.text, hash,
                    dl ? dl->place : empty, dl ? dl->date_text : empty, dl ? dl->agency : empty,
                    d.origin_file, d.origin_location, now);
    out = {PutOutcome::kInserted, id};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// An element of a PostgreSQL array literal: a quoted, escaped string, or NULL.
void AppendArrayElement(std::string& out, const std::string& value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}
void AppendArrayElement(std::string& out, const std::optional<std::string>& value) {
  if (value) {
    AppendArrayElement(out, *value);
  } else {
    out += "NULL";
  }
}

// A PostgreSQL array literal of strings ({"a","b"}), escaped; NULL for a missing optional one.
template <typename T>
std::string TextArray(const std::vector<T>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    AppendArrayElement(out, values[i]);
  }
  return out + "}";
}

std::string IntArray(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) out += (i > 0 ? "," : "") + std::to_string(values[i]);
  return out + "}";
}

// Doubles written so that they read back exactly; NULL for a missing one.
std::string DoubleArray(const std::vector<std::optional<double>>& values) {
  std::string out = "{";
  char buf[32];
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    if (values[i]) {
      std::snprintf(buf, sizeof(buf), "%.17g", *values[i]);
      out += buf;
    } else {
      out += "NULL";
    }
  }
  return out + "}";
}

Status PgStore::PutEvents(const std::string& document_id, const std::vector<Event>& events) {
  for (const Event& e : events) {
    if (e.cameo.empty() || e.quad_class < 1 || e.quad_class > 4) {
      return InvalidArgumentError("event in " + document_id + " sentence " +
                                  std::to_string(e.sentence_index) +
                                  " has no CAMEO code or an invalid quad class");
    }
  }
  bool missing = false;
  Status st = Guard("storing events of " + document_id, [&]() -> Status {
    pqxx::transaction_base& t = Tx();
    pqxx::result doc = t.exec_prepared("doc_rowid", document_id);
    if (doc.empty()) {
      missing = true;
      return Status::Ok();
    }
    const int64_t doc_rowid = Int(doc[0][0]);
    const std::string doc_text = Str(doc[0][1]);
    t.exec_prepared("events_delete", doc_rowid);
    if (events.empty()) return Status::Ok();
    std::vector<int64_t> ids;
    for (const pqxx::row& row : t.exec_prepared("event_ids", static_cast<int>(events.size()))) {
      ids.push_back(Int(row[0]));
    }
    if (ids.size() != events.size()) return InternalError("the event id sequence fell short");

    // The events' columns, one array each.
    std::vector<int64_t> sentence, quad, negated, hypothetical, future, reported, historical,
        geonames, pred_begin, pred_end, sent_begin, sent_end;
    std::vector<std::string> date, precision, cameo, plover_event, plover_mode, plover_context,
        speaker_code, speaker_text, place_name, place_feature, place_iso3, place_fips, place_adm1,
        pattern, group_key, day_key;
    std::vector<std::optional<double>> goldstein, lat, lon;
    // Their actors.
    std::vector<int64_t> actor_event, roles, positions, begins, ends;
    std::vector<std::string> codes, names, entries;
    std::vector<std::optional<std::string>> texts;  // NULL: the document's text at the span.
    // The dyad rollup rows per country pair and event (the statement sums them per period).
    std::vector<std::string> pair_sources, pair_targets, pair_days;
    std::vector<int64_t> pair_quads, pair_flags, pair_tenths;
    const Place empty_place;
    for (size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      const Place& p = e.place ? *e.place : empty_place;
      sentence.push_back(e.sentence_index);
      date.push_back(e.date);
      precision.push_back(e.date_precision);
      cameo.push_back(e.cameo);
      quad.push_back(e.quad_class);
      goldstein.push_back(e.goldstein);
      plover_event.push_back(e.plover_event);
      plover_mode.push_back(e.plover_mode);
      plover_context.push_back(e.plover_context);
      negated.push_back(e.negated);
      hypothetical.push_back(e.hypothetical);
      future.push_back(e.future);
      reported.push_back(e.reported);
      historical.push_back(e.historical);
      speaker_code.push_back(e.speaker ? e.speaker->code : std::string());
      speaker_text.push_back(e.speaker ? e.speaker->text : std::string());
      place_name.push_back(p.name);
      place_feature.push_back(p.feature);
      place_iso3.push_back(p.iso3);
      place_fips.push_back(p.fips);
      place_adm1.push_back(p.adm1);
      geonames.push_back(p.geonames_id);
      lat.push_back(e.place ? std::optional<double>(p.lat) : std::nullopt);
      lon.push_back(e.place ? std::optional<double>(p.lon) : std::nullopt);
      pred_begin.push_back(e.predicate_span.begin);
      pred_end.push_back(e.predicate_span.end);
      pattern.push_back(e.pattern_id);
      sent_begin.push_back(e.sentence_span.begin);
      sent_end.push_back(e.sentence_span.end);
      group_key.push_back(EventGroupKey(e, true));
      day_key.push_back(EventGroupKey(e, false));
      for (int role = 0; role < 2; ++role) {
        const std::vector<ActorRef>& list = role == 0 ? e.sources : e.targets;
        for (size_t k = 0; k < list.size(); ++k) {
          const ActorRef& a = list[k];
          actor_event.push_back(ids[i]);
          roles.push_back(role);
          positions.push_back(static_cast<int64_t>(k));
          codes.push_back(a.code);
          names.push_back(a.name);
          texts.push_back(MentionIsDocumentText(doc_text, a) ? std::nullopt
                                                             : std::optional<std::string>(a.text));
          begins.push_back(a.span.begin);
          ends.push_back(a.span.end);
          entries.push_back(a.entry_id);
        }
      }
      const std::string day = RollupDay(e);
      const int flagged = RollupFlagged(e);
      const int64_t tenths = GoldsteinTenths(e.goldstein);
      if (day.empty()) continue;
      for (const auto& [source_country, target_country] : RollupCountryPairs(e)) {
        pair_sources.push_back(source_country);
        pair_targets.push_back(target_country);
        pair_days.push_back(day);
        pair_quads.push_back(e.quad_class);
        pair_flags.push_back(flagged);
        pair_tenths.push_back(tenths);
      }
    }
    t.exec_prepared("events_insert", IntArray(ids), doc_rowid, IntArray(sentence), TextArray(date),
                    TextArray(precision), TextArray(cameo), IntArray(quad), DoubleArray(goldstein),
                    TextArray(plover_event), TextArray(plover_mode), TextArray(plover_context),
                    IntArray(negated), IntArray(hypothetical), IntArray(future), IntArray(reported),
                    IntArray(historical), TextArray(speaker_code), TextArray(speaker_text),
                    TextArray(place_name), TextArray(place_feature), TextArray(place_iso3),
                    TextArray(place_fips), TextArray(place_adm1), IntArray(geonames),
                    DoubleArray(lat), DoubleArray(lon), IntArray(pred_begin), IntArray(pred_end),
                    TextArray(pattern), IntArray(sent_begin), IntArray(sent_end),
                    TextArray(group_key), TextArray(day_key));
    if (!actor_event.empty()) {
      t.exec_prepared("actors_insert", IntArray(actor_event), IntArray(roles), IntArray(positions),
                      TextArray(codes), TextArray(names), TextArray(texts), IntArray(begins),
                      IntArray(ends), TextArray(entries));
    }
    std::vector<std::string> day_keys;
    std::vector<int64_t> day_quads, day_flags, day_counts, day_tenths;
    for (const auto& [key, value] : SumRollupDays(events)) {
      day_keys.push_back(std::get<0>(key));
      day_quads.push_back(std::get<1>(key));
      day_flags.push_back(std::get<2>(key));
      day_counts.push_back(value.first);
      day_tenths.push_back(value.second);
    }
    t.exec_prepared("days_add", TextArray(day_keys), IntArray(day_quads), IntArray(day_flags),
                    IntArray(day_counts), IntArray(day_tenths));
    if (!pair_sources.empty()) {
      t.exec_prepared("dyads_add", TextArray(pair_sources), TextArray(pair_targets),
                      TextArray(pair_days), IntArray(pair_quads), IntArray(pair_flags),
                      IntArray(pair_tenths));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (missing) return NotFoundError("no stored document with id '" + document_id + "'");
  return Status::Ok();
}

Result<std::vector<StoredEvent>> PgStore::QueryEvents(const EventQuery& q) {
  if (q.limit < 1 || q.limit > 100000) return InvalidArgumentError("limit must be 1..100000");
  if (q.offset < 0) return InvalidArgumentError("offset must be >= 0");
  if (q.quad_class < 0 || q.quad_class > 4) return InvalidArgumentError("quad class must be 1..4");
  for (char c : q.cameo) {
    if (c < '0' || c > '9') return InvalidArgumentError("CAMEO code must be digits: " + q.cameo);
  }
  std::string tsquery;
  if (!q.search.empty()) {
    Result<std::string> t = FtsTranslator(q.search).Translate();
    if (!t.ok()) return t.status();
    tsquery = *t;
  }
  const std::string group_join = EventGroupJoin(q);
  const std::string group_cols =
      q.grouping == EventGrouping::kNone ? ", e.rowid, 1, 1, 1" : ", g.gid, g.nm, g.ns, g.na";
  // An actor prefix p matches codes in [p, p || U+10FFFF) under the "C" collation; the range lets
  // the code index answer, the substr test keeps the match exact.
  std::string sql =
      "SELECT e.rowid, d.id, e.sentence_index, e.date, e.date_precision, e.cameo, "
      "e.document_rowid, NULL, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, "
      "e.plover_context, "
      "e.negated, e.hypothetical, e.future, e.reported, e.historical, e.speaker_code, "
      "e.speaker_text, e.place_name, e.place_feature, e.place_iso3, e.place_fips, e.place_adm1, "
      "e.place_geonames_id, e.place_lat, e.place_lon, e.predicate_begin, e.predicate_end, "
      "e.pattern_id, d.url, d.source, d.title, octet_length(d.text), d.updated_at, "
      "e.sentence_begin, e.sentence_end" +
      group_cols + " FROM events e JOIN documents d ON d.rowid = e.document_rowid " + group_join;
  // Only the filters given go into the statement (less for the planner), each value a parameter.
  std::vector<std::string> params;
  auto param = [&](std::string value, const char* type) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size()) + "::" + type;
  };
  if (!q.actor.empty()) {
    // A per-event probe of the event's actors (a LATERAL subquery with LIMIT 1 is never hashed or
    // turned into a join), so the planner walks the date index in order and stops after `limit`
    // events instead of first collecting every event of the actor. LIKE with a prefix is an
    // index range under the "C" collation.
    std::string like;
    for (char c : q.actor) {
      if (c == '%' || c == '_' || c == '\\') like += '\\';
      like += c;
    }
    sql +=
        " CROSS JOIN LATERAL (SELECT 1 FROM event_actors a WHERE a.event_rowid = e.rowid AND "
        "a.code LIKE " +
        param(like + "%", "text") + " LIMIT 1) act";
  }
  sql += " WHERE true";
  if (!q.date_from.empty()) sql += " AND e.date >= " + param(q.date_from, "text");
  // Everything that starts with date_to: below the least string after that prefix.
  if (const std::string to = PrefixUpperBound(q.date_to); !to.empty()) {
    sql += " AND e.date < " + param(to, "text");
  }
  if (!q.cameo.empty()) {
    std::string p = param(q.cameo, "text");
    sql += " AND substr(e.cameo, 1, length(" + p + ")) = " + p;
  }
  if (q.quad_class != 0) sql += " AND e.quad_class = " + param(std::to_string(q.quad_class), "int");
  if (!q.place.empty()) {
    std::string p = param(q.place, "text");
    sql +=
        " AND (e.place_name = " + p + " OR e.place_iso3 = " + p + " OR e.place_fips = " + p + ")";
  }
  if (!q.include_flagged) sql += " AND e.negated = 0 AND e.hypothetical = 0";
  if (q.id != 0) sql += " AND e.rowid = " + param(std::to_string(q.id), "bigint");
  if (!q.document_id.empty()) sql += " AND d.id = " + param(q.document_id, "text");
  if (!tsquery.empty()) {
    sql += std::string(" AND ") + kDocVector + " @@ to_tsquery('simple', " +
           param(tsquery, "text") + ")";
  }
  sql += " ORDER BY e.date, e.rowid LIMIT " + param(std::to_string(q.limit), "bigint") +
         " OFFSET " + param(std::to_string(q.offset), "bigint");
  std::vector<StoredEvent> out;
  std::vector<int64_t> doc_rowids;  // Of each event in `out`.
  Status st = Guard("querying events", [&] {
    pqxx::transaction_base& t = Tx();
    // Planned for the values given, every time: a generic plan (a prepared statement's, after a
    // few runs) cannot tell a rare actor from a frequent one and reads every event of the actor.
    pqxx::result r = t.exec_params(sql, pqxx::prepare::make_dynamic_params(params));
    for (const pqxx::row& s : r) {
      StoredEvent se;
      Event& e = se.event;
      se.id = Int(s[0]);
      e.document_id = Str(s[1]);
      e.sentence_index = static_cast<int>(Int(s[2]));
      e.date = Str(s[3]);
      e.date_precision = Str(s[4]);
      e.cameo = Str(s[5]);
      SetCameoBaseAndRoot(e);
      doc_rowids.push_back(Int(s[6]));
      e.quad_class = static_cast<int>(Int(s[8]));
      e.goldstein = Dbl(s[9]);
      e.plover_event = Str(s[10]);
      e.plover_mode = Str(s[11]);
      e.plover_context = Str(s[12]);
      e.negated = Int(s[13]) != 0;
      e.hypothetical = Int(s[14]) != 0;
      e.future = Int(s[15]) != 0;
      e.reported = Int(s[16]) != 0;
      e.historical = Int(s[17]) != 0;
      if (!Str(s[18]).empty() || !Str(s[19]).empty()) {
        e.speaker = ActorRef{.code = Str(s[18]), .text = Str(s[19])};
      }
      if (!Str(s[20]).empty() || !s[26].is_null()) {
        Place p;
        p.name = Str(s[20]);
        p.feature = Str(s[21]);
        p.iso3 = Str(s[22]);
        p.fips = Str(s[23]);
        p.adm1 = Str(s[24]);
        p.geonames_id = Int(s[25]);
        p.lat = Dbl(s[26]);
        p.lon = Dbl(s[27]);
        e.place = p;
      }
      e.predicate_span = {static_cast<uint32_t>(Int(s[28])), static_cast<uint32_t>(Int(s[29]))};
      e.pattern_id = Str(s[30]);
      se.document_url = Str(s[31]);
      se.document_source = Str(s[32]);
      se.document_title = Str(s[33]);
      se.document_length = static_cast<uint32_t>(Int(s[34]));
      se.added = Str(s[35]);
      e.sentence_span = {static_cast<uint32_t>(Int(s[36])), static_cast<uint32_t>(Int(s[37]))};
      se.group_id = Int(s[38]);
      se.num_mentions = Int(s[39]);
      se.num_sources = Int(s[40]);
      se.num_articles = Int(s[41]);
      out.push_back(std::move(se));
    }
    if (out.empty()) return Status::Ok();
    // Actor lists of all returned events in one query, in role and position order; a NULL
    // mention text is the document's text at the span (the documents' texts in a second query).
    std::vector<int64_t> ids;
    for (const StoredEvent& se : out) ids.push_back(se.id);
    pqxx::result a = t.exec_params(
        "SELECT event_rowid, role, code, name, text, span_begin, span_end, entry_id FROM "
        "event_actors WHERE event_rowid = ANY($1::bigint[]) ORDER BY event_rowid, role, position",
        IntArray(ids));
    std::vector<std::pair<int64_t, size_t>> index;  // Event id -> position in out, sorted.
    for (size_t i = 0; i < out.size(); ++i) index.emplace_back(out[i].id, i);
    std::sort(index.begin(), index.end());
    auto event_of = [&](int64_t id) -> size_t {  // Position in out, or out.size().
      auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(id, size_t{0}));
      return it == index.end() || it->first != id ? out.size() : it->second;
    };
    std::vector<int64_t> text_docs;
    for (const pqxx::row& row : a) {
      const size_t i = event_of(Int(row[0]));
      if (row[4].is_null() && i < out.size()) text_docs.push_back(doc_rowids[i]);
    }
    std::sort(text_docs.begin(), text_docs.end());
    text_docs.erase(std::unique(text_docs.begin(), text_docs.end()), text_docs.end());
    std::vector<std::pair<int64_t, std::string>> doc_texts;  // Sorted by rowid.
    if (!text_docs.empty()) {
      pqxx::result d = t.exec_params(
          "SELECT rowid, text FROM documents WHERE rowid = ANY($1::bigint[]) ORDER BY rowid",
          IntArray(text_docs));
      for (const pqxx::row& row : d) doc_texts.emplace_back(Int(row[0]), Str(row[1]));
    }
    for (const pqxx::row& row : a) {
      const size_t i = event_of(Int(row[0]));
      if (i == out.size()) continue;
      ActorRef ref{.code = Str(row[2]),
                   .name = Str(row[3]),
                   .text = Str(row[4]),
                   .span = {static_cast<uint32_t>(Int(row[5])), static_cast<uint32_t>(Int(row[6]))},
                   .entry_id = Str(row[7])};
      if (row[4].is_null()) {
        auto doc = std::lower_bound(doc_texts.begin(), doc_texts.end(),
                                    std::make_pair(doc_rowids[i], std::string()));
        if (doc != doc_texts.end() && doc->first == doc_rowids[i]) {
          ref.text = DocumentTextAt(doc->second, ref.span);
        }
      }
      Event& e = out[i].event;
      (Int(row[1]) == 0 ? e.sources : e.targets).push_back(std::move(ref));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

std::string PgActorMatch(const std::string& alias, const std::string& param) {
  const std::string p = param + "::text", code = alias + ".code";
  return "(" + code + " >= " + p + " AND " + code + " < " + p + " || chr(1114111) AND substr(" +
         code + ", 1, length(" + p + ")) = " + p + ")";
}

Result<std::vector<DyadPeriod>> PgStore::QueryDyad(const DyadQuery& q) {
  if (!ValidCodePattern(q.a) || !ValidCodePattern(q.b)) {
    return InvalidArgumentError("actors must be codes of letters and digits (e.g. CHN, USAGOV)");
  }
  Result<std::string> period = PgPeriodExpr(q.by);
  if (!period.ok()) return period.status();
  std::vector<DyadPeriod> out;
  Status st = Guard("querying dyad", [&] {
    if (DyadFromRollup(q.a, q.b)) {
      // Two countries: dyad_periods, as in SQLite (DyadRollupKind), both directions in one
      // statement (dir 0: a -> b). Rows of the query's own period are read as they are; day rows
      // for a week or month are regrouped.
      const std::string kind = DyadRollupKind(q);
      // One index-only scan per direction (an OR of the two would read the heap).
      auto direction = [](const char* dir, const char* from, const char* to) {
        return std::string("SELECT period, ") + dir +
               " AS dir, q1, q2, q3, q4, f1, f2, f3, f4, g, fg FROM dyad_periods WHERE "
               "source_country = " +
               from + "::text AND target_country = " + to +
               "::text AND kind = $5::text AND ($3::text = '' OR period >= $3::text) AND "
               "($4::text = '' OR period < $4::text || 'z')";
      };
      // A country with itself is one direction. No ORDER BY: the rows are sorted here (a sort on
      // the server costs a third of the query's time).
      const std::string rows =
          q.a == q.b ? direction("0", "$1", "$2")
                     : direction("0", "$1", "$2") + " UNION ALL " + direction("1", "$2", "$1");
      const std::string sql =
          kind == "d" && q.by != "day"
              ? "SELECT " + *PgPeriodExpr(q.by, "period") +
                    " AS p, dir, sum(q1), sum(q2), sum(q3), sum(q4), sum(f1), sum(f2), sum(f3), "
                    "sum(f4), sum(g), sum(fg) FROM (" +
                    rows + ") r GROUP BY p, dir"
              : rows;
      pqxx::result r = Tx().exec_prepared(Prepared(sql), q.a, q.b, q.date_from, q.date_to, kind);
      std::vector<DyadPeriod> backward;  // b -> a, after a -> b within a period.
      for (const pqxx::row& s : r) {
        int64_t counts[10];
        for (int k = 0; k < 10; ++k) counts[k] = Int(s[k + 2]);
        DyadPeriod d;
        if (!DyadPeriodFromRollup(q, counts, d)) continue;
        d.period = Str(s[0]);
        const bool forward = Int(s[1]) == 0;
        d.from = forward ? q.a : q.b;
        d.to = forward ? q.b : q.a;
        (forward ? out : backward).push_back(std::move(d));
      }
      // a -> b rows first: the stable sort by period below keeps them before b -> a's.
      out.insert(out.end(), std::make_move_iterator(backward.begin()),
                 std::make_move_iterator(backward.end()));
      return Status::Ok();
    }
    for (int dir = 0; dir < (q.a == q.b ? 1 : 2); ++dir) {  // A code with itself: one direction.
      // As in SQLite: through the event_actors code index.
      std::string match =
          "e.rowid IN (SELECT s.event_rowid FROM event_actors s JOIN event_actors t ON "
          "t.event_rowid = s.event_rowid AND t.role = 1 AND " +
          PgActorMatch("t", "$2") + " WHERE s.role = 0 AND " + PgActorMatch("s", "$1") + ")";
      std::string sql =
          "SELECT " + *period +
          " AS p, e.quad_class, count(*), avg(e.goldstein) FROM events e WHERE " + match +
          " AND ($3::text = '' OR e.date >= $3::text) AND ($4::text = '' OR e.date < $4::text "
          "|| 'z') AND ($5::int = 1 OR (e.negated = 0 AND e.hypothetical = 0)) AND e.date <> '' "
          "GROUP BY p, e.quad_class ORDER BY p";
      pqxx::result r = Tx().exec_params(sql, dir == 0 ? q.a : q.b, dir == 0 ? q.b : q.a,
                                        q.date_from, q.date_to, q.include_flagged ? 1 : 0);
      std::vector<DyadPeriod> rows;
      for (const pqxx::row& s : r) {
        AddQuadRow(rows, Str(s[0]), static_cast<int>(Int(s[1])), Int(s[2]), Dbl(s[3]),
                   dir == 0 ? q.a : q.b, dir == 0 ? q.b : q.a);
      }
      out.insert(out.end(), rows.begin(), rows.end());
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::stable_sort(out.begin(), out.end(),
                   [](const DyadPeriod& x, const DyadPeriod& y) { return x.period < y.period; });
  return out;
}

Result<std::vector<DyadPeriod>> PgStore::Timeline(const DyadQuery& q) {
  Result<std::string> period = PgPeriodExpr(q.by);
  if (!period.ok()) return period.status();
  std::vector<DyadPeriod> rows;
  Status st = Guard("querying timeline", [&] {
    // From the event_days rollup.
    std::string sql =
        "SELECT " + *PgPeriodExpr(q.by, "day") +
        " AS p, quad_class, sum(events), sum(goldstein_tenths) / 10.0 / sum(events) FROM "
        "event_days WHERE ($1::text = '' OR day >= $1::text) AND ($2::text = '' OR day < "
        "$2::text || 'z') AND ($3::int = 1 OR flagged = 0) AND day <> '' "
        "GROUP BY p, quad_class HAVING sum(events) > 0 ORDER BY p";
    pqxx::result r = Tx().exec_params(sql, q.date_from, q.date_to, q.include_flagged ? 1 : 0);
    for (const pqxx::row& s : r) {
      AddQuadRow(rows, Str(s[0]), static_cast<int>(Int(s[1])), Int(s[2]), Dbl(s[3]));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return rows;
}

Result<std::vector<ActorCount>> PgStore::TopActors(const AggregateQuery& q) {
  ANNALS_RETURN_IF_ERROR(ValidateAggregate(q));
  std::string code = q.code_length > 0 ? "substr(a.code, 1, " + std::to_string(q.code_length) + ")"
                                       : std::string("a.code");
  std::string sql =
      "SELECT " + code +
      " AS c, count(*) FILTER (WHERE a.role = 0), count(*) FILTER (WHERE a.role = 1), "
      "count(DISTINCT a.event_rowid) AS n FROM event_actors a JOIN events e ON "
      "e.rowid = a.event_rowid WHERE ($1::text = '' OR e.date >= $1::text) AND ($2::text = '' OR "
      "e.date < $2::text || 'z') AND ($3::int = 1 OR (e.negated = 0 AND e.hypothetical = 0)) "
      "GROUP BY c ORDER BY n DESC, c LIMIT $4::int";
  std::vector<ActorCount> out;
  Status st = Guard("querying actors", [&] {
    pqxx::result r =
        Tx().exec_params(sql, q.date_from, q.date_to, q.include_flagged ? 1 : 0, q.limit);
    for (const pqxx::row& s : r) out.push_back({Str(s[0]), Int(s[1]), Int(s[2]), Int(s[3])});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<NetworkEdge>> PgStore::Network(const AggregateQuery& q) {
  ANNALS_RETURN_IF_ERROR(ValidateAggregate(q));
  auto code = [&](const char* alias) {
    return q.code_length > 0
               ? "substr(" + std::string(alias) + ".code, 1, " + std::to_string(q.code_length) + ")"
               : std::string(alias) + ".code";
  };
  std::string sql = "SELECT " + code("s") + " AS sc, " + code("t") +
                    " AS tc, count(*) FILTER (WHERE e.quad_class <= 2), count(*) FILTER (WHERE "
                    "e.quad_class >= 3), avg(e.goldstein), count(*) AS n FROM events e "
                    "JOIN event_actors s ON s.event_rowid = e.rowid AND s.role = 0 "
                    "JOIN event_actors t ON t.event_rowid = e.rowid AND t.role = 1 "
                    "WHERE ($1::text = '' OR e.date >= $1::text) AND ($2::text = '' OR e.date < "
                    "$2::text || 'z') AND ($3::int = 1 OR (e.negated = 0 AND e.hypothetical = "
                    "0)) AND " +
                    code("s") + " <> " + code("t") +
                    " GROUP BY sc, tc ORDER BY n DESC, sc, tc LIMIT $4::int";
  std::vector<NetworkEdge> out;
  Status st = Guard("querying the network", [&] {
    pqxx::result r =
        Tx().exec_params(sql, q.date_from, q.date_to, q.include_flagged ? 1 : 0, q.limit);
    for (const pqxx::row& s : r) {
      out.push_back({Str(s[0]), Str(s[1]), Int(s[2]), Int(s[3]), Dbl(s[4])});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<StoredDocument> PgStore::GetDocument(const std::string& id) {
  StoredDocument d;
  bool found = false;
  Status st = Guard("reading document " + id, [&] {
    pqxx::result r = Tx().exec_params(
        "SELECT rowid, id, url, source, title, date, text, language, dateline_place, "
        "dateline_date, dateline_agency, origin_file, origin_location FROM documents "
        "WHERE id = $1::text",
        id);
    if (r.empty()) return Status::Ok();
    found = true;
    const pqxx::row s = r[0];
    d = {Int(s[0]), Str(s[1]), Str(s[2]), Str(s[3]),  Str(s[4]),  Str(s[5]), Str(s[6]),
         Str(s[7]), Str(s[8]), Str(s[9]), Str(s[10]), Str(s[11]), Str(s[12])};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!found) return NotFoundError("no document with id '" + id + "'");
  return d;
}

Result<StoreStats> PgStore::Stats() {
  StoreStats st;
  Status status = Guard("reading statistics", [&] {
    pqxx::transaction_base& t = Tx();
    pqxx::result r = t.exec(
        "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(events), 0) FROM "
        "event_days), (SELECT coalesce(sum(events), 0) FROM event_days WHERE flagged = 0), "
        "(SELECT min(date) FROM events WHERE date <> ''), (SELECT max(date) FROM events)");
    st.documents = Int(r[0][0]);
    st.events = Int(r[0][1]);
    st.unflagged_events = Int(r[0][2]);
    st.first_date = Str(r[0][3]);
    st.last_date = Str(r[0][4]);
    pqxx::result q = t.exec(
        "SELECT quad_class, sum(events) FROM event_days WHERE flagged = 0 GROUP BY quad_class");
    for (const pqxx::row& s : q) {
      int quad = static_cast<int>(Int(s[0]));
      if (quad >= 1 && quad <= 4) st.quad_counts[quad] = Int(s[1]);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return st;
}

Result<std::vector<PlaceCount>> PgStore::Places(const AggregateQuery& q) {
  ANNALS_RETURN_IF_ERROR(ValidateAggregate(q));
  std::vector<PlaceCount> out;
  Status st = Guard("querying places", [&] {
    pqxx::result r = Tx().exec_params(
        "SELECT place_name, place_iso3, avg(place_lat), avg(place_lon), count(*), "
        "count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2), "
        "count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4) "
        "FROM events e WHERE place_lat IS NOT NULL AND ($1::text = '' OR e.date >= $1::text) AND "
        "($2::text = '' OR e.date < $2::text || 'z') AND ($3::int = 1 OR (e.negated = 0 AND "
        "e.hypothetical = 0)) GROUP BY place_name, place_iso3 ORDER BY count(*) DESC, place_name "
        "LIMIT $4::int",
        q.date_from, q.date_to, q.include_flagged ? 1 : 0, q.limit);
    for (const pqxx::row& s : r) {
      PlaceCount p;
      p.name = Str(s[0]);
      p.iso3 = Str(s[1]);
      p.lat = Dbl(s[2]);
      p.lon = Dbl(s[3]);
      p.events = Int(s[4]);
      for (int k = 1; k <= 4; ++k) p.quad_counts[k] = Int(s[4 + k]);
      out.push_back(std::move(p));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> PgStore::CountEvents() {
  int64_t n = 0;
  Status st = Guard("counting events", [&] {
    n = Int(Tx().exec("SELECT count(*) FROM events")[0][0]);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<int64_t> PgStore::CountDocuments() {
  int64_t n = 0;
  Status st = Guard("counting documents", [&] {
    n = Int(Tx().exec("SELECT count(*) FROM documents")[0][0]);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<std::vector<StoredDocument>> PgStore::QueryDocuments(const DocumentQuery& q) {
  if (q.limit < 1 || q.limit > 1000) return InvalidArgumentError("limit must be 1..1000");
  if (q.offset < 0) return InvalidArgumentError("offset must be >= 0");
  std::string sql;
  std::string tsquery;
  if (q.search.empty()) {
    sql =
        "SELECT d.rowid, d.id, d.url, d.source, d.title, d.date, substr(d.text, 1, 240) "
        "FROM documents d WHERE ($1::text = '' OR d.date >= $1::text) AND ($2::text = '' OR "
        "d.date < $2::text || 'z') AND $5::text = '' "
        "ORDER BY d.date, d.rowid LIMIT $3::int OFFSET $4::int";
  } else {
    Result<std::string> t = FtsTranslator(q.search).Translate();
    if (!t.ok()) return t.status();
    tsquery = *t;
    // Best matches first (ts_rank, like FTS5's bm25 rank), with a marked snippet.
    sql = std::string(
              "SELECT d.rowid, d.id, d.url, d.source, d.title, d.date, ts_headline('simple', "
              "d.text, to_tsquery('simple', $5::text), 'StartSel=[, StopSel=], MaxWords=24, "
              "MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') FROM documents d "
              "WHERE ") +
          kDocVector +
          " @@ to_tsquery('simple', $5::text) AND ($1::text = '' OR d.date >= $1::text) AND "
          "($2::text = '' OR d.date < $2::text || 'z') ORDER BY ts_rank(" +
          kDocVector +
          ", to_tsquery('simple', $5::text)) DESC, d.rowid LIMIT $3::int OFFSET $4::int";
  }
  std::vector<StoredDocument> out;
  Status st = Guard("querying documents", [&] {
    pqxx::result r = Tx().exec_params(sql, q.date_from, q.date_to, q.limit, q.offset, tsquery);
    for (const pqxx::row& s : r) {
      out.push_back({Int(s[0]), Str(s[1]), Str(s[2]), Str(s[3]), Str(s[4]), Str(s[5]), Str(s[6])});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options) {
  auto store = std::make_unique<PgStore>();
  ANNALS_RETURN_IF_ERROR(store->Connect(options));
  return std::unique_ptr<Store>(std::move(store));
}

#endif  // ANNALS_HAVE_POSTGRES

}  // namespace annals
