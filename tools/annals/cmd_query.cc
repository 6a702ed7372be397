// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals query`: questions asked of a database. Output is a table on a terminal, or --json / --csv.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/store.h"
#include "commands.h"

namespace annals::cli {
namespace {

std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string OneLine(std::string v, size_t max) {
  for (char& c : v) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (v.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary.
    v = v.substr(0, cut) + "…";
  }
  return v;
}

}  // namespace

int RunQuery(int argc, char** argv) {
  CLI::App app("Ask questions of an Annals database.", "annals query");
  app.require_subcommand(1);
  std::string db;
  bool json = false, csv = false;
  app.add_option("--db", db, "database file")->required();
  app.add_flag("--json", json, "one JSON object per line");
  app.add_flag("--csv", csv, "CSV with a header row");

  DocumentQuery dq;
  CLI::App* docs = app.add_subcommand("documents", "list documents, or search their text (FTS5)");
  docs->add_option("--search", dq.search, "full-text query, e.g. 'sanctions AND Iran'");
  docs->add_option("--from", dq.date_from, "first date (YYYY-MM-DD), inclusive");
  docs->add_option("--to", dq.date_to, "last date (YYYY-MM-DD), inclusive");
  docs->add_option("--limit", dq.limit, "rows to return (1..1000)")->check(CLI::Range(1, 1000));
  docs->add_option("--offset", dq.offset, "rows to skip")->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (json && csv) {
    std::fprintf(stderr, "annals query: choose one of --json and --csv\n");
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = Store::Open({.path = db, .read_only = true});
  if (!store.ok()) {
    std::fprintf(stderr, "annals query: %s\n", store.status().message().c_str());
    return kExitFailure;
  }
  Result<std::vector<StoredDocument>> rows = (*store)->QueryDocuments(dq);
  if (!rows.ok()) {
    std::fprintf(stderr, "annals query: %s\n", rows.status().message().c_str());
    return rows.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  if (json) {
    for (const StoredDocument& d : *rows) {
      nlohmann::json j = {{"id", d.id},       {"url", d.url},   {"source", d.source},
                          {"title", d.title}, {"date", d.date}, {"snippet", d.text}};
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
  } else if (csv) {
    std::printf("id,date,source,title,url\n");
    for (const StoredDocument& d : *rows) {
      std::printf("%s,%s,%s,%s,%s\n", CsvField(d.id).c_str(), CsvField(d.date).c_str(),
                  CsvField(d.source).c_str(), CsvField(d.title).c_str(), CsvField(d.url).c_str());
    }
  } else {
    std::printf("%-10s  %-16s  %s\n", "date", "source", "title");
    for (const StoredDocument& d : *rows) {
      std::printf("%-10s  %-16s  %s\n", OneLine(d.date, 10).c_str(), OneLine(d.source, 16).c_str(),
                  OneLine(d.title.empty() ? d.text : d.title, 72).c_str());
      if (!dq.search.empty()) std::printf("%12s%s\n", "", OneLine(d.text, 110).c_str());
    }
  }
  return kExitOk;
}

}  // namespace annals::cli
