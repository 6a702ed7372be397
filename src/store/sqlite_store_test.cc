// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "annals/store.h"

namespace annals {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/annals-store-XXXXXX";
    int fd = mkstemp(tmpl);
    ASSERT_GE(fd, 0);
    close(fd);
    path_ = tmpl;
    std::remove(path_.c_str());
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  std::unique_ptr<Store> OpenStore(bool read_only = false) {
    Result<std::unique_ptr<Store>> s = Store::Open({.path = path_, .read_only = read_only});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
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
};

TEST_F(SqliteStoreTest, MigratesAVersionOneDatabase) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  // A minimal version-1 database: the documents table and one row.
  ASSERT_EQ(
      sqlite3_exec(db,
                   "CREATE TABLE documents(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
                   " url TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', title TEXT"
                   " NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '', language TEXT NOT NULL"
                   " DEFAULT '', text TEXT NOT NULL, text_hash TEXT NOT NULL, dateline_place"
                   " TEXT NOT NULL DEFAULT '', dateline_date TEXT NOT NULL DEFAULT '',"
                   " dateline_agency TEXT NOT NULL DEFAULT '', origin_file TEXT NOT NULL"
                   " DEFAULT '', origin_location TEXT NOT NULL DEFAULT '', ingested_at TEXT NOT"
                   " NULL, updated_at TEXT NOT NULL);"
                   "INSERT INTO documents(id, text, text_hash, ingested_at, updated_at)"
                   " VALUES('old', 'kept', 'h', 't', 't');"
                   "PRAGMA user_version = 1;",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), Store::kSchemaVersion);
  EXPECT_EQ(*store->CountDocuments(), 1);
  EXPECT_EQ(*store->CountEvents(), 0);
}

}  // namespace
}  // namespace annals
