// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals export`: stored events in GDELT, PLOVER or CSV form (docs/outputs.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "annals/export.h"
#include "annals/store.h"
#include "commands.h"

namespace annals::cli {

int RunExport(int argc, char** argv) {
  CLI::App app("Write stored events as GDELT 2.0 events or mentions (TSV), PLOVER JSONL or CSV.",
               "annals export");
  std::string db, format = "gdelt", output;
  EventQuery q;
  q.limit = 100000;
  app.add_option("--db", db, "database: a SQLite file or a postgresql:// URL")->required();
  app.add_option("--format", format, "gdelt, gdelt-mentions, plover or csv");
  app.add_option("-o,--output", output, "output file (default: stdout)");
  app.add_option("--from", q.date_from, "first event date (YYYY-MM-DD), inclusive");
  app.add_option("--to", q.date_to, "last event date (YYYY-MM-DD), inclusive");
  app.add_option("--actor", q.actor, "only events with a source or target code starting with this");
  app.add_option("--cameo", q.cameo, "only events whose CAMEO code starts with this");
  app.add_flag("--include-flagged", q.include_flagged, "include negated and hypothetical events");
  std::string group = "same-event";
  app.add_option("--group", group,
                 "link reports of one event across documents: same-event (day, actors, code, "
                 "flags, place), one-a-day (the same without the place) or none");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  Result<ExportFormat> fmt = ParseExportFormat(format);
  if (!fmt.ok()) {
    std::fprintf(stderr, "annals export: %s\n", fmt.status().message().c_str());
    return kExitUsage;
  }
  if (group == "same-event") {
    q.grouping = EventGrouping::kSameEvent;
  } else if (group == "one-a-day") {
    q.grouping = EventGrouping::kOneADay;
  } else if (group != "none") {
    std::fprintf(stderr, "annals export: --group must be same-event, one-a-day or none, not %s\n",
                 group.c_str());
    return kExitUsage;
  }
  // GDELT event rows and PLOVER/CSV records: one per group. Mentions: every report.
  q.first_report_only = q.grouping != EventGrouping::kNone && *fmt != ExportFormat::kGdeltMentions;
  Result<EventExporter> exporter = EventExporter::Create(*fmt);
  if (!exporter.ok()) {
    std::fprintf(stderr, "annals export: %s\n", exporter.status().message().c_str());
    return kExitFailure;
  }
  Result<std::unique_ptr<Store>> store = Store::Open({.path = db, .read_only = true});
  if (!store.ok()) {
    std::fprintf(stderr, "annals export: %s\n", store.status().message().c_str());
    return kExitFailure;
  }
  FILE* out = stdout;
  if (!output.empty()) {
    out = std::fopen(output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "annals export: %s: cannot open for writing\n", output.c_str());
      return kExitFailure;
    }
  }
  std::string buf = exporter->Header();
  uint64_t events = 0;
  // Page through the store so memory stays bounded on large databases.
  for (q.offset = 0;; q.offset += q.limit) {
    Result<std::vector<StoredEvent>> page = (*store)->QueryEvents(q);
    if (!page.ok()) {
      std::fprintf(stderr, "annals export: %s\n", page.status().message().c_str());
      if (out != stdout) std::fclose(out);
      return page.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
    }
    for (const StoredEvent& e : *page) {
      exporter->Append(e, buf);
      ++events;
      if (buf.size() > (1 << 20)) {
        std::fwrite(buf.data(), 1, buf.size(), out);
        buf.clear();
      }
    }
    if (static_cast<int>(page->size()) < q.limit) break;
  }
  std::fwrite(buf.data(), 1, buf.size(), out);
  if (out != stdout && std::fclose(out) != 0) {
    std::fprintf(stderr, "annals export: %s: write failed\n", output.c_str());
    return kExitFailure;
  }
  std::fprintf(stderr, "export: %llu events as %s\n", static_cast<unsigned long long>(events),
               format.c_str());
  return kExitOk;
}

}  // namespace annals::cli
