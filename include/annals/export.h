// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Event exporters: GDELT 2.0 Events (61 tab-separated columns, one row per source-target dyad),
// GDELT 2.0 Mentions (16 columns), PLOVER JSONL (field names from the PLOVER manual) and CSV.
// Every column and every deviation from the originals is documented in docs/outputs.md.
//
//   annals::Result<annals::EventExporter> ex = annals::EventExporter::Create(format);
//   std::string out = ex->Header();
//   for (const annals::StoredEvent& e : events) ex->Append(e, out);
//
// Thread-safety: an EventExporter is immutable after Create; Append is const.
#ifndef ANNALS_EXPORT_H_
#define ANNALS_EXPORT_H_

#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"
#include "annals/store.h"

namespace annals {

enum class ExportFormat { kGdelt, kGdeltMentions, kPlover, kCsv };

// "gdelt", "gdelt-mentions", "plover", "csv".
Result<ExportFormat> ParseExportFormat(std::string_view name);

// Most dyads one event expands to in GDELT output (sources x targets); the rest are dropped with
// a count in the exporter's statistics. GLOBALEVENTID = event id * kMaxDyads + dyad index.
inline constexpr int kMaxDyads = 1000;

class EventExporter {
 public:
  static Result<EventExporter> Create(ExportFormat format);

  // The header line (CSV only; GDELT and PLOVER files have none).
  std::string Header() const;
  // Appends the line(s) for one event: one per dyad for GDELT formats, one otherwise.
  void Append(const StoredEvent& event, std::string& out) const;

  EventExporter(EventExporter&&) noexcept;
  EventExporter& operator=(EventExporter&&) noexcept;
  ~EventExporter();

 private:
  struct Impl;
  explicit EventExporter(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_EXPORT_H_
