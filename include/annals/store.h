// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The event store: documents (and, as later stages land, sentences, events, places, counts, quotes)
// in a database with a versioned schema (docs/store.md). Two backends implement the same interface
// with the same schema and query semantics, chosen by the `--db` value: a file path opens an
// embedded SQLite database; a `postgresql://` (or `postgres://`) URL connects to PostgreSQL.
//
//   annals::Result<std::unique_ptr<annals::Store>> store = annals::Store::Open({.path = "a.db"});
//   annals::Result<annals::PutOutcome> put = (*store)->PutDocument(doc);
//
// Ingestion is idempotent: a document whose URL (when it has one) or normalised text (when it has
// none) is already stored is not stored again; when the stored copy differs, it is updated in
// place. Writes go through explicit transactions (`Begin`/`Commit`), so a killed process leaves
// the database as of the last commit and a rerun completes the work without duplicates.
//
// Thread-safety: a Store is used from one thread at a time. Open several for concurrent readers.
#ifndef ANNALS_STORE_H_
#define ANNALS_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/event.h"
#include "annals/status.h"

namespace annals {

struct StoreOptions {
  // SQLite database file, created (with the current schema) when missing; or a PostgreSQL
  // connection URL (`postgresql://user@host:port/db?...`), whose schema is created when missing.
  std::string path;
  // Open without write access (the server and queries use this).
  bool read_only = false;
  // Milliseconds to wait for a lock held by another process before failing.
  int busy_timeout_ms = 10000;
  // SQLite page cache per connection, in MiB (PRAGMA cache_size). Large ingests into a large
  // database insert into indexes all over the file; a cache that holds the hot index pages keeps
  // that from becoming random I/O. Ignored by PostgreSQL (its server owns the cache).
  int cache_mib = 64;
};

// What PutDocument did, and the id under which the document is stored (the input id, or the id of
// the stored copy it duplicates, or the input id with "-<hash>" appended when another document
// already holds that id).
enum class PutOutcome { kInserted, kUpdated, kUnchanged };
struct PutResult {
  PutOutcome outcome = PutOutcome::kInserted;
  std::string id;
};

// A stored document as queries return it (the text may be cut to a snippet).
struct StoredDocument {
  int64_t rowid = 0;
  std::string id;
  std::string url;
  std::string source;
  std::string title;
  std::string date;
  std::string text;  // Full text, or a snippet with the match marked for full-text searches.
  // Filled by GetDocument only (empty in query results).
  std::string language;
  std::string dateline_place, dateline_date, dateline_agency;
  std::string origin_file, origin_location;
};

struct DocumentQuery {
  std::string search;     // FTS5 query over title and text; empty lists all.
  std::string date_from;  // Inclusive ISO dates; empty = unbounded.
  std::string date_to;
  int limit = 20;  // 1..1000.
  int offset = 0;
};

// A stored event with the document fields exporters need.
struct StoredEvent {
  int64_t id = 0;  // Stable within the database (GDELT's GLOBALEVENTID on export).
  Event event;     // event.document_id is the stored document id.
  std::string document_url;
  std::string document_source;
  std::string document_title;
  uint32_t document_length = 0;  // Bytes of document text.
  std::string added;             // When the event was stored, UTC "YYYY-MM-DDTHH:MM:SSZ".
  // Cross-document aggregation (with EventQuery::grouping): the id of the group's first report and
  // how many events, sources (publishers) and documents report it. 1s without grouping.
  int64_t group_id = 0;
  int64_t num_mentions = 1;
  int64_t num_sources = 1;
  int64_t num_articles = 1;
};

// How reports of the same event from different documents are linked (see EventGroupKey).
enum class EventGrouping {
  kNone,       // Every event stands alone.
  kSameEvent,  // Same day, sources, targets, CAMEO code, flags and place (GDELT-style).
  kOneADay,    // The same without the place (Phoenix's one-a-day filter).
};

struct EventQuery {
  std::string date_from;  // Inclusive ISO dates on the event date; empty = unbounded.
  std::string date_to;
  std::string actor;             // A source or target whose code equals or starts with this
                                 // ("CHN" matches CHNGOV and CHNMIL; "CHNGOV" only itself).
  std::string cameo;             // Event code prefix: "04" (a root), "042", "0422".
  int quad_class = 0;            // 1..4, 0 = any.
  std::string place;             // Matches the place name, ISO3 or FIPS code exactly.
  std::string search;            // FTS5 query over the document text.
  bool include_flagged = false;  // Include negated and hypothetical events.
  int64_t id = 0;                // Only this event (0 = any).
  std::string document_id;       // Only events of this document (empty = any).
  EventGrouping grouping = EventGrouping::kNone;
  bool first_report_only = false;  // With grouping: one row per group (its first report).
  int limit = 100;                 // 1..100000.
  int offset = 0;
};

// One period of a dyad timeline: events from `from` to `to` in that period.
struct DyadPeriod {
  std::string period;  // "2025-09-02" (day), "2025-W36" (week), "2025-09" (month).
  std::string from;    // Actor pattern on the source side (query's a or b).
  std::string to;
  int64_t quad_counts[5] = {0, 0, 0, 0, 0};  // Index 1..4 by GDELT quad class.
  int64_t events = 0;
  double mean_goldstein = 0;
};

struct DyadQuery {
  std::string a;  // Actor code or prefix ("CHN", "USAGOV").
  std::string b;
  std::string by = "month";  // "day", "week" or "month".
  std::string date_from;
  std::string date_to;
  bool include_flagged = false;
};

struct ActorCount {
  std::string code;
  int64_t as_source = 0;
  int64_t as_target = 0;
  int64_t events = 0;  // Distinct events the actor takes part in.
};

// A weighted edge of the actor network: events from `source` to `target` by quad class.
struct NetworkEdge {
  std::string source;
  std::string target;
  int64_t cooperation = 0;  // Quad classes 1 and 2.
  int64_t conflict = 0;     // Quad classes 3 and 4.
  double mean_goldstein = 0;
};

struct AggregateQuery {
  std::string date_from;
  std::string date_to;
  bool include_flagged = false;
  int limit = 20;       // 1..10000.
  int code_length = 0;  // Truncate codes to this many letters (3 = countries); 0 = whole.
};

struct StoreStats {
  int64_t documents = 0;
  int64_t events = 0;
  int64_t unflagged_events = 0;  // Neither negated nor hypothetical.
  std::string first_date;        // Earliest and latest event dates ("" when no events).
  std::string last_date;
  int64_t quad_counts[5] = {0, 0, 0, 0, 0};  // Unflagged events by GDELT quad class 1..4.
};

// Events per place (for maps).
struct PlaceCount {
  std::string name;
  std::string iso3;
  double lat = 0;
  double lon = 0;
  int64_t events = 0;
  int64_t quad_counts[5] = {0, 0, 0, 0, 0};
};

class Store {
 public:
  // Current schema version; older databases are migrated on open (read-write only).
  static constexpr int kSchemaVersion = 8;

  // Opens the backend `options.path` names (see IsPostgresUrl).
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options);
  virtual ~Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // "sqlite" or "postgresql".
  virtual const char* Backend() const = 0;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Inserts or updates one document (see the idempotency rule above). Call inside Begin/Commit.
  virtual Result<PutResult> PutDocument(const Document& document) = 0;

  // Replaces the events of the stored document `document_id` with `events` (so re-coding a
  // document never duplicates its events). NotFound when the document is not stored;
  // InvalidArgument when an event has no CAMEO code or quad class. Call inside Begin/Commit.
  virtual Status PutEvents(const std::string& document_id, const std::vector<Event>& events) = 0;

  // Events matching `query`, ordered by date then id. InvalidArgument for bad parameters.
  virtual Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& query) = 0;

  // Dyad timeline: events from a to b and from b to a, per period, with counts per quad class
  // and the mean Goldstein value. Periods without events are omitted.
  virtual Result<std::vector<DyadPeriod>> QueryDyad(const DyadQuery& query) = 0;
  // All events per period (the dashboard's overview): DyadQuery's `by`, dates and flags; `a` and
  // `b` are ignored and the rows' `from`/`to` are empty.
  virtual Result<std::vector<DyadPeriod>> Timeline(const DyadQuery& query) = 0;
  // Actors taking part in most events.
  virtual Result<std::vector<ActorCount>> TopActors(const AggregateQuery& query) = 0;
  // Heaviest directed source -> target edges.
  virtual Result<std::vector<NetworkEdge>> Network(const AggregateQuery& query) = 0;

  // Places with most events (events with a resolved place only).
  virtual Result<std::vector<PlaceCount>> Places(const AggregateQuery& query) = 0;
  // One document with its full text; NotFound when absent.
  virtual Result<StoredDocument> GetDocument(const std::string& id) = 0;
  virtual Result<StoreStats> Stats() = 0;

  virtual Result<int64_t> CountDocuments() = 0;
  virtual Result<int64_t> CountEvents() = 0;
  virtual Result<std::vector<StoredDocument>> QueryDocuments(const DocumentQuery& query) = 0;
  // The schema version of the open database.
  virtual Result<int> SchemaVersion() = 0;

 protected:
  Store() = default;
};

// True when `db` is a PostgreSQL connection URL (starts with postgresql:// or postgres://).
bool IsPostgresUrl(const std::string& db);

// The key under which reports of the same event from different documents are linked: event date
// (day), sorted source codes, sorted target codes, CAMEO code, modality flags and — when
// `with_place` and the event has one — its place. Without the place it is Phoenix's one-a-day key.
std::string EventGroupKey(const Event& event, bool with_place);

// Hash used for deduplication: FNV-1a 64 of the text with whitespace collapsed, as 16 hex digits.
std::string DocumentTextHash(const std::string& text);

}  // namespace annals

#endif  // ANNALS_STORE_H_
