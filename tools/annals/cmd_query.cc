// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals query`: questions asked of a database. Output is a table on a terminal, or --json /
// --csv.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
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
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80)
      --cut;  // UTF-8 boundary.
    v = v.substr(0, cut) + "…";
  }
  return v;
}

// Prints rows as a table, JSON lines or CSV. `cells` are the row values, in header order.
class Output {
 public:
  Output(bool json, bool csv, std::vector<std::string> header)
      : json_(json), csv_(csv), header_(std::move(header)) {
    if (csv_) PrintCsv(header_);
  }
  void Row(const std::vector<std::string>& cells, const nlohmann::json& object) {
    if (json_) {
      std::printf("%s\n",
                  object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else if (csv_) {
      PrintCsv(cells);
    } else {
      rows_.push_back(cells);
    }
  }
  // Table output is aligned once all rows are known.
  void Finish() {
    if (json_ || csv_) return;
    std::vector<size_t> width(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& r) {
      for (size_t i = 0; i < r.size() && i < width.size(); ++i) {
        width[i] = std::max(width[i], std::min<size_t>(Utf8Length(r[i]), 60));
      }
    };
    measure(header_);
    for (const auto& r : rows_) measure(r);
    auto print = [&](const std::vector<std::string>& r) {
      std::string line;
      for (size_t i = 0; i < r.size() && i < width.size(); ++i) {
        std::string cell = OneLine(r[i], 60);
        line += cell;
        if (i + 1 < r.size())
          line += std::string(width[i] - std::min(width[i], Utf8Length(cell)) + 2, ' ');
      }
      std::printf("%s\n", line.c_str());
    };
    print(header_);
    for (const auto& r : rows_) print(r);
    if (rows_.empty()) std::printf("(no rows)\n");
  }

 private:
  static size_t Utf8Length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }
  static void PrintCsv(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + CsvField(cells[i]);
    std::printf("%s\n", line.c_str());
  }
  bool json_, csv_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

std::string Codes(const std::vector<ActorRef>& actors) {
  std::string out;
  for (const ActorRef& a : actors) out += (out.empty() ? "" : "+") + a.code;
  return out;
}

}  // namespace

int RunQuery(int argc, char** argv) {
  CLI::App app(
      "Ask questions of an Annals database. Negated and hypothetical events are left out "
      "unless --include-flagged is given.",
      "annals query");
  app.require_subcommand(1);
  std::string db;
  bool json = false, csv = false;
  app.add_option("--db", db, "database: a SQLite file or a postgresql:// URL")->required();
  app.add_flag("--json", json, "one JSON object per line");
  app.add_flag("--csv", csv, "CSV with a header row");

  DocumentQuery dq;
  CLI::App* docs = app.add_subcommand("documents", "list documents, or search their text (FTS5)");
  docs->add_option("--search", dq.search, "full-text query, e.g. 'sanctions AND Iran'");
  docs->add_option("--from", dq.date_from, "first date (YYYY-MM-DD), inclusive");
  docs->add_option("--to", dq.date_to, "last date (YYYY-MM-DD), inclusive");
  docs->add_option("--limit", dq.limit, "rows to return (1..1000)")->check(CLI::Range(1, 1000));
  docs->add_option("--offset", dq.offset, "rows to skip")->check(CLI::NonNegativeNumber);

  EventQuery eq;
  CLI::App* events = app.add_subcommand("events", "list events matching filters");
  events->add_option("--from", eq.date_from, "first event date, inclusive");
  events->add_option("--to", eq.date_to, "last event date, inclusive");
  events->add_option("--actor", eq.actor, "actor code or prefix (CHN, USAGOV)");
  events->add_option("--cameo", eq.cameo, "CAMEO code or prefix (04, 042)");
  events->add_option("--quad", eq.quad_class, "GDELT quad class 1..4")->check(CLI::Range(1, 4));
  events->add_option("--place", eq.place, "place name, ISO3 or FIPS code");
  events->add_option("--search", eq.search, "full-text query over the documents");
  events->add_flag("--include-flagged", eq.include_flagged, "include negated/hypothetical");
  events->add_option("--limit", eq.limit, "rows (1..100000)")->check(CLI::Range(1, 100000));
  events->add_option("--offset", eq.offset, "rows to skip")->check(CLI::NonNegativeNumber);

  DyadQuery yq;
  CLI::App* dyad = app.add_subcommand("dyad", "cooperation/conflict between two actors over time");
  dyad->add_option("a", yq.a, "first actor code or prefix")->required();
  dyad->add_option("b", yq.b, "second actor code or prefix")->required();
  dyad->add_option("--by", yq.by, "day, week or month")
      ->check(CLI::IsMember({"day", "week", "month"}));
  dyad->add_option("--from", yq.date_from, "first date, inclusive");
  dyad->add_option("--to", yq.date_to, "last date, inclusive");
  dyad->add_flag("--include-flagged", yq.include_flagged, "include negated/hypothetical");

  AggregateQuery aq;
  bool countries = false;
  CLI::App* actors = app.add_subcommand("actors", "actors in most events");
  CLI::App* network = app.add_subcommand("network", "weighted cooperation/conflict edges");
  for (CLI::App* sub : {actors, network}) {
    sub->add_option("--top", aq.limit, "rows (1..10000)")->check(CLI::Range(1, 10000));
    sub->add_option("--from", aq.date_from, "first date, inclusive");
    sub->add_option("--to", aq.date_to, "last date, inclusive");
    sub->add_flag("--countries", countries, "group codes by their first three letters");
    sub->add_flag("--include-flagged", aq.include_flagged, "include negated/hypothetical");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (json && csv) {
    std::fprintf(stderr, "annals query: choose one of --json and --csv\n");
    return kExitUsage;
  }
  if (countries) aq.code_length = 3;
  Result<std::unique_ptr<Store>> opened = Store::Open({.path = db, .read_only = true});
  if (!opened.ok()) {
    std::fprintf(stderr, "annals query: %s\n", opened.status().message().c_str());
    return kExitFailure;
  }
  Store& store = **opened;
  auto fail = [](const Status& st) {
    std::fprintf(stderr, "annals query: %s\n", st.message().c_str());
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  };

  if (docs->parsed()) {
    Result<std::vector<StoredDocument>> rows = store.QueryDocuments(dq);
    if (!rows.ok()) return fail(rows.status());
    Output out(json, csv, {"date", "source", "title", dq.search.empty() ? "id" : "snippet"});
    for (const StoredDocument& d : *rows) {
      out.Row({d.date.substr(0, 10), d.source, d.title, dq.search.empty() ? d.id : d.text},
              {{"id", d.id},
               {"url", d.url},
               {"source", d.source},
               {"title", d.title},
               {"date", d.date},
               {"snippet", d.text}});
    }
    out.Finish();
  } else if (events->parsed()) {
    Result<std::vector<StoredEvent>> rows = store.QueryEvents(eq);
    if (!rows.ok()) return fail(rows.status());
    Output out(json, csv,
               {"id", "date", "source", "cameo", "target", "quad", "goldstein", "document"});
    for (const StoredEvent& se : *rows) {
      const Event& e = se.event;
      nlohmann::json j = {{"id", se.id},
                          {"date", e.date},
                          {"cameo", e.cameo},
                          {"quad_class", e.quad_class},
                          {"goldstein", e.goldstein},
                          {"document", e.document_id},
                          {"sentence", e.sentence_index},
                          {"negated", e.negated},
                          {"hypothetical", e.hypothetical},
                          {"pattern", e.pattern_id}};
      j["sources"] = nlohmann::json::array();
      for (const ActorRef& a : e.sources)
        j["sources"].push_back({{"code", a.code}, {"text", a.text}});
      j["targets"] = nlohmann::json::array();
      for (const ActorRef& a : e.targets)
        j["targets"].push_back({{"code", a.code}, {"text", a.text}});
      if (e.place)
        j["place"] = {{"name", e.place->name}, {"lat", e.place->lat}, {"lon", e.place->lon}};
      out.Row({std::to_string(se.id), e.date, Codes(e.sources), e.cameo, Codes(e.targets),
               std::to_string(e.quad_class), Fixed2(e.goldstein), e.document_id},
              j);
    }
    out.Finish();
  } else if (dyad->parsed()) {
    Result<std::vector<DyadPeriod>> rows = store.QueryDyad(yq);
    if (!rows.ok()) return fail(rows.status());
    Output out(json, csv,
               {"period", "from", "to", "events", "verbal_coop", "material_coop", "verbal_conflict",
                "material_conflict", "mean_goldstein"});
    for (const DyadPeriod& p : *rows) {
      out.Row({p.period, p.from, p.to, std::to_string(p.events), std::to_string(p.quad_counts[1]),
               std::to_string(p.quad_counts[2]), std::to_string(p.quad_counts[3]),
               std::to_string(p.quad_counts[4]), Fixed2(p.mean_goldstein)},
              {{"period", p.period},
               {"from", p.from},
               {"to", p.to},
               {"events", p.events},
               {"quad_counts",
                {p.quad_counts[1], p.quad_counts[2], p.quad_counts[3], p.quad_counts[4]}},
               {"mean_goldstein", p.mean_goldstein}});
    }
    out.Finish();
  } else if (actors->parsed()) {
    Result<std::vector<ActorCount>> rows = store.TopActors(aq);
    if (!rows.ok()) return fail(rows.status());
    Output out(json, csv, {"actor", "events", "as_source", "as_target"});
    for (const ActorCount& a : *rows) {
      out.Row({a.code, std::to_string(a.events), std::to_string(a.as_source),
               std::to_string(a.as_target)},
              {{"actor", a.code},
               {"events", a.events},
               {"as_source", a.as_source},
               {"as_target", a.as_target}});
    }
    out.Finish();
  } else if (network->parsed()) {
    Result<std::vector<NetworkEdge>> rows = store.Network(aq);
    if (!rows.ok()) return fail(rows.status());
    Output out(json, csv, {"source", "target", "cooperation", "conflict", "mean_goldstein"});
    for (const NetworkEdge& e : *rows) {
      out.Row({e.source, e.target, std::to_string(e.cooperation), std::to_string(e.conflict),
               Fixed2(e.mean_goldstein)},
              {{"source", e.source},
               {"target", e.target},
               {"cooperation", e.cooperation},
               {"conflict", e.conflict},
               {"mean_goldstein", e.mean_goldstein}});
    }
    out.Finish();
  }
  return kExitOk;
}

}  // namespace annals::cli
