// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "annals/store.h"
#include "util/text.h"

namespace annals {
namespace {

// Schema migrations, applied in order; migration i takes the database from version i to i+1.
// Never edit a released migration: add a new one.
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
};
constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kMigrationCount == Store::kSchemaVersion, "one migration per schema version");

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// RAII prepared statement.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
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
};

}  // namespace

std::string DocumentTextHash(const std::string& text) {
  return util::Hex64(util::Fnv1a64(util::CollapseWhitespace(text)));
}

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ~Impl() { sqlite3_close(db); }

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
  Status Migrate() {
    Result<int> v = UserVersion();
    if (!v.ok()) return v.status();
    if (*v > kSchemaVersion) {
      return FailedPreconditionError(path + ": schema version " + std::to_string(*v) +
                                     " is newer than this build supports (" +
                                     std::to_string(kSchemaVersion) + ")");
    }
    for (int i = *v; i < kSchemaVersion; ++i) {
      ANNALS_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      Status st = Exec(kMigrations[i]);
      if (st.ok()) st = Exec(("PRAGMA user_version = " + std::to_string(i + 1)).c_str());
      if (!st.ok()) {
        Exec("ROLLBACK").ok();
        return st.WithContext("migration to schema " + std::to_string(i + 1));
      }
      ANNALS_RETURN_IF_ERROR(Exec("COMMIT"));
    }
    return Status::Ok();
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options) {
  if (options.path.empty()) return InvalidArgumentError("no database path given (--db)");
  auto impl = std::make_unique<Impl>();
  impl->path = options.path;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(options.path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    return IoError(options.path + ": cannot open database: " +
                   (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
  }
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(impl->db, 1);
  if (!options.read_only) {
    ANNALS_RETURN_IF_ERROR(impl->Exec("PRAGMA journal_mode=WAL"));
    ANNALS_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous=NORMAL"));
  }
  ANNALS_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys=ON"));
  if (options.read_only) {
    Result<int> v = impl->UserVersion();
    if (!v.ok()) return v.status();
    if (*v != kSchemaVersion) {
      return FailedPreconditionError(options.path + ": schema version " + std::to_string(*v) +
                                     ", expected " + std::to_string(kSchemaVersion) +
                                     " (open it read-write once to migrate)");
    }
  } else {
    ANNALS_RETURN_IF_ERROR(impl->Migrate());
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::Begin() { return impl_->Exec("BEGIN IMMEDIATE"); }
Status Store::Commit() { return impl_->Exec("COMMIT"); }
Status Store::Rollback() { return impl_->Exec("ROLLBACK"); }

Result<int> Store::SchemaVersion() { return impl_->UserVersion(); }

Result<PutOutcome> Store::PutDocument(const Document& d) {
  std::string hash = DocumentTextHash(d.text);
  // Find the stored copy: by URL when the document has one; otherwise (or when the URL is new) by
  // id or by normalised text, so a syndicated copy under another URL is not stored twice.
  int64_t rowid = 0;
  bool same_doc = false;  // Found by URL or id, not only by equal text.
  std::string stored_hash, stored_title, stored_date, stored_source;
  auto lookup = [&](const char* sql, bool by_url) -> Status {
    Stmt s(impl_->db, sql);
    if (!s.ok()) return impl_->Error("preparing lookup");
    s.Text(1, by_url ? d.url : d.id);
    s.Text(2, hash);
    int rc = s.Step();
    if (rc == SQLITE_ROW) {
      rowid = s.ColInt(0);
      stored_hash = s.Col(1);
      stored_title = s.Col(2);
      stored_date = s.Col(3);
      stored_source = s.Col(4);
      same_doc = by_url || s.Col(5) == d.id;
    } else if (rc != SQLITE_DONE) {
      return impl_->Error("looking up document " + d.id);
    }
    return Status::Ok();
  };
  if (!d.url.empty()) {
    ANNALS_RETURN_IF_ERROR(lookup(
        "SELECT rowid, text_hash, title, date, source, id FROM documents WHERE url = ?1 "
        "AND ?2 = ?2",
        true));
  }
  if (rowid == 0) {
    ANNALS_RETURN_IF_ERROR(lookup(
        "SELECT rowid, text_hash, title, date, source, id FROM documents WHERE id = ?1 OR "
        "text_hash = ?2 ORDER BY (id = ?1) DESC LIMIT 1",
        false));
  }
  if (rowid != 0 && !same_doc) {
    return PutOutcome::kUnchanged;  // The same text under another URL or id: a duplicate.
  }
  std::string now = NowUtc();
  const std::string empty;
  const Dateline* dl = d.dateline ? &*d.dateline : nullptr;
  if (rowid != 0) {
    if (stored_hash == hash && stored_title == d.title && stored_date == d.date &&
        stored_source == d.source) {
      return PutOutcome::kUnchanged;
    }
    Stmt s(impl_->db,
           "UPDATE documents SET source=?2, title=?3, date=?4, language=?5, text=?6, text_hash=?7, "
           "dateline_place=?8, dateline_date=?9, dateline_agency=?10, origin_file=?11, "
           "origin_location=?12, updated_at=?13 WHERE rowid=?1");
    if (!s.ok()) return impl_->Error("preparing update");
    s.Int(1, rowid);
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
    if (s.Step() != SQLITE_DONE) return impl_->Error("updating document " + d.id);
    return PutOutcome::kUpdated;
  }
  Stmt s(impl_->db,
         "INSERT INTO documents(id, url, source, title, date, language, text, text_hash, "
         "dateline_place, dateline_date, dateline_agency, origin_file, origin_location, "
         "ingested_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?14)");
  if (!s.ok()) return impl_->Error("preparing insert");
  // An id already taken by a different document (same id, other URL) gets the hash appended so
  // that nothing is lost; the clash is visible in the stored id.
  std::string id = d.id.empty() ? hash : d.id;
  {
    Stmt probe(impl_->db, "SELECT 1 FROM documents WHERE id = ?1");
    probe.Text(1, id);
    if (probe.Step() == SQLITE_ROW) id += "-" + hash;
  }
  s.Text(1, id);
  s.Text(2, d.url);
  s.Text(3, d.source);
  s.Text(4, d.title);
  s.Text(5, d.date);
  s.Text(6, d.language);
  s.Text(7, d.text);
  s.Text(8, hash);
  s.Text(9, dl ? dl->place : empty);
  s.Text(10, dl ? dl->date_text : empty);
  s.Text(11, dl ? dl->agency : empty);
  s.Text(12, d.origin_file);
  s.Text(13, d.origin_location);
  s.Text(14, now);
  if (s.Step() != SQLITE_DONE) return impl_->Error("inserting document " + id);
  return PutOutcome::kInserted;
}

Result<int64_t> Store::CountDocuments() {
  Stmt s(impl_->db, "SELECT count(*) FROM documents");
  if (!s.ok() || s.Step() != SQLITE_ROW) return impl_->Error("counting documents");
  return s.ColInt(0);
}

Result<std::vector<StoredDocument>> Store::QueryDocuments(const DocumentQuery& q) {
  if (q.limit < 1 || q.limit > 1000) return InvalidArgumentError("limit must be 1..1000");
  if (q.offset < 0) return InvalidArgumentError("offset must be >= 0");
  std::string sql;
  if (q.search.empty()) {
    sql = "SELECT d.rowid, d.id, d.url, d.source, d.title, d.date, substr(d.text, 1, 240) "
          "FROM documents d WHERE (?1 = '' OR d.date >= ?1) AND (?2 = '' OR d.date < ?2 || 'z') "
          "ORDER BY d.date, d.rowid LIMIT ?3 OFFSET ?4";
  } else {
    sql = "SELECT d.rowid, d.id, d.url, d.source, d.title, d.date, "
          "snippet(documents_fts, 1, '[', ']', '…', 24) FROM documents_fts "
          "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?5 "
          "AND (?1 = '' OR d.date >= ?1) AND (?2 = '' OR d.date < ?2 || 'z') "
          "ORDER BY rank LIMIT ?3 OFFSET ?4";
  }
  Stmt s(impl_->db, sql.c_str());
  if (!s.ok()) return impl_->Error("preparing document query");
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
                                    "': " + sqlite3_errmsg(impl_->db));
      }
      return impl_->Error("querying documents");
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
