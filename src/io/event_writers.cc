// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/dates.h"
#include "annals/export.h"
#include "code/actor_code.h"

namespace annals {

struct EventExporter::Impl {
  ExportFormat format;
  code::ActorCodeTable codes;
};

namespace {

// Tabs and newlines would break a TSV row; GDELT has no quoting, so they become spaces.
std::string Clean(std::string_view v) {
  std::string out(v);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string Upper(std::string_view v) {
  std::string out = Clean(v);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f", decimals, v);
  return buf;
}

// The event date as a full date: coarser precisions take the first day of their period.
CivilDate EventDay(const Event& e) {
  Result<CivilDate> d = ParseIsoDate(e.date);
  if (!d.ok()) return CivilDate{};
  CivilDate out = *d;
  if (out.month == 0) out.month = 1;
  if (out.day == 0) out.day = 1;
  return out;
}

// "2025-09-02T08:15:00Z" -> "20250902081500".
std::string CompactTimestamp(std::string_view iso) {
  std::string out;
  for (char c : iso) {
    if (c >= '0' && c <= '9') out += c;
  }
  out.resize(14, '0');
  return out;
}

void ActorColumns(const ActorRef* a, const code::ActorCodeTable& codes,
                  std::vector<std::string>& row) {
  if (a == nullptr) {
    row.insert(row.end(), 10, "");
    return;
  }
  code::ActorCodeParts p = codes.Split(a->code);
  row.push_back(Clean(a->code));
  row.push_back(Upper(!a->name.empty() ? a->name : a->text));
  row.push_back(p.country);
  row.push_back(p.known_group);
  row.push_back(p.ethnic);
  row.push_back(p.religion1);
  row.push_back(p.religion2);
  row.push_back(p.type1);
  row.push_back(p.type2);
  row.push_back(p.type3);
}

// GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
void GeoColumns(const std::optional<Place>& place, std::vector<std::string>& row) {
  if (!place) {
    row.push_back("0");
    row.insert(row.end(), 7, "");
    return;
  }
  const Place& p = *place;
  bool us = p.fips == "US";
  int type = p.feature == "country" ? 1 : p.feature == "adm1" ? (us ? 2 : 5) : (us ? 3 : 4);
  row.push_back(std::to_string(type));
  row.push_back(Clean(p.name));
  row.push_back(p.fips);
  row.push_back(p.adm1);
  row.push_back("");  // ADM2 (GAUL codes): not produced.
  row.push_back(Fixed(p.lat, 4));
  row.push_back(Fixed(p.lon, 4));
  row.push_back(p.geonames_id != 0 ? std::to_string(p.geonames_id) : std::string());
}

void AppendRow(const std::vector<std::string>& row, std::string& out) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += '\t';
    out += row[i];
  }
  out += '\n';
}

std::string CsvField(std::string_view v) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JoinCodes(const std::vector<ActorRef>& actors) {
  std::string out;
  for (const ActorRef& a : actors) out += (out.empty() ? "" : "|") + a.code;
  return out;
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "gdelt") return ExportFormat::kGdelt;
  if (name == "gdelt-mentions") return ExportFormat::kGdeltMentions;
  if (name == "plover") return ExportFormat::kPlover;
  if (name == "csv") return ExportFormat::kCsv;
  return InvalidArgumentError("unknown export format '" + std::string(name) +
                              "' (expected gdelt, gdelt-mentions, plover or csv)");
}

EventExporter::EventExporter(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
EventExporter::EventExporter(EventExporter&&) noexcept = default;
EventExporter& EventExporter::operator=(EventExporter&&) noexcept = default;
EventExporter::~EventExporter() = default;

Result<EventExporter> EventExporter::Create(ExportFormat format) {
  Result<code::ActorCodeTable> codes = code::ActorCodeTable::LoadDefault();
  if (!codes.ok()) return codes.status();
  auto impl = std::make_unique<Impl>();
  impl->format = format;
  impl->codes = std::move(*codes);
  return EventExporter(std::move(impl));
}

std::string EventExporter::Header() const {
  if (impl_->format != ExportFormat::kCsv) return "";
  return "event_id,document_id,sentence,date,date_precision,source_codes,cameo,target_codes,"
         "quad_class,goldstein,plover_event,plover_mode,plover_context,negated,hypothetical,"
         "future,reported,historical,place,place_country,lat,lon,pattern_id,url\n";
}

void EventExporter::Append(const StoredEvent& se, std::string& out) const {
  const Event& e = se.event;
  switch (impl_->format) {
    case ExportFormat::kGdelt:
    case ExportFormat::kGdeltMentions: {
      // One row per dyad; an empty side is a blank actor (GDELT allows a blank Actor2).
      std::vector<const ActorRef*> sources, targets;
      for (const ActorRef& a : e.sources) sources.push_back(&a);
      for (const ActorRef& a : e.targets) targets.push_back(&a);
      if (sources.empty()) sources.push_back(nullptr);
      if (targets.empty()) targets.push_back(nullptr);
      CivilDate day = EventDay(e);
      char sqldate[16], monthyear[16], year[8];
      std::snprintf(sqldate, sizeof(sqldate), "%04d%02d%02d", day.year, day.month, day.day);
      std::snprintf(monthyear, sizeof(monthyear), "%04d%02d", day.year, day.month);
      std::snprintf(year, sizeof(year), "%04d", day.year);
      int64_t doy = day.year > 0 ? DaysFromCivil(day) - DaysFromCivil({day.year, 1, 1}) + 1 : 0;
      std::string fraction = Fixed(day.year + static_cast<double>(doy) / 365.0, 4);
      std::string added = CompactTimestamp(se.added);
      int dyad = 0;
      for (const ActorRef* s : sources) {
        for (const ActorRef* t : targets) {
          if (dyad >= kMaxDyads) break;
          // With grouping the group's first report names the event; mentions point at it.
          int64_t event_id = se.group_id != 0 ? se.group_id : se.id;
          std::string id = std::to_string(event_id * kMaxDyads + dyad);
          std::vector<std::string> row;
          if (impl_->format == ExportFormat::kGdelt) {
            row = {id, sqldate, monthyear, year, fraction};
            ActorColumns(s, impl_->codes, row);
            ActorColumns(t, impl_->codes, row);
            row.push_back(e.sentence_index == 0 ? "1" : "0");  // IsRootEvent: lead sentence.
            row.push_back(e.cameo);
            row.push_back(e.cameo_base);
            row.push_back(e.cameo_root);
            row.push_back(std::to_string(e.quad_class));
            row.push_back(Fixed(e.goldstein, 1));
            row.push_back(std::to_string(se.num_mentions));
            row.push_back(std::to_string(se.num_sources));
            row.push_back(std::to_string(se.num_articles));
            row.push_back("0");             // AvgTone: not computed.
            GeoColumns(std::nullopt, row);  // Actor1Geo: not produced.
            GeoColumns(std::nullopt, row);  // Actor2Geo: not produced.
            GeoColumns(e.place, row);       // ActionGeo.
            row.push_back(added);
            row.push_back(Clean(!se.document_url.empty() ? se.document_url : e.document_id));
          } else {
            row = {id,
                   added,
                   added,
                   "1",
                   Clean(se.document_source),
                   Clean(!se.document_url.empty() ? se.document_url : e.document_id),
                   std::to_string(e.sentence_index + 1),
                   s ? std::to_string(s->span.begin) : "-1",
                   t ? std::to_string(t->span.begin) : "-1",
                   std::to_string(e.predicate_span.begin),
                   "1",
                   e.negated || e.hypothetical ? "50" : "100",
                   std::to_string(se.document_length),
                   "0",
                   "",
                   ""};
          }
          AppendRow(row, out);
          ++dyad;
        }
      }
      break;
    }
    case ExportFormat::kPlover: {
      auto entities = [](const std::vector<ActorRef>& list) {
        nlohmann::json arr = nlohmann::json::array();
        for (const ActorRef& a : list) {
          nlohmann::json o = {{"code", a.code.substr(0, 3)}, {"entity_text", a.text}};
          if (a.code.size() > 3) o["sector"] = a.code.substr(3);
          if (!a.name.empty()) o["identifier_text"] = a.name;
          if (!a.entry_id.empty()) o["identifier_id"] = a.entry_id;
          arr.push_back(std::move(o));
        }
        return arr;
      };
      nlohmann::json j;
      j["id"] = "ANNALS-" + std::to_string(se.id);
      j["date"] = e.date;
      j["actor"] = entities(e.sources);
      j["recipient"] = entities(e.targets);
      j["event"] = nlohmann::json::array();
      if (!e.plover_event.empty()) j["event"].push_back(e.plover_event);
      j["mode"] = nlohmann::json::array();
      if (!e.plover_mode.empty()) j["mode"].push_back(e.plover_mode);
      j["context"] = nlohmann::json::array();
      if (!e.plover_context.empty()) j["context"].push_back(e.plover_context);
      j["quad_code"] = e.quad_class;
      j["event_scale"] = e.goldstein;
      j["cameo"] = e.cameo;
      j["has_event"] = !e.plover_event.empty();
      if (e.place) {
        j["event_loc"] = {{"resolved_place", e.place->name},
                          {"geonameid", e.place->geonames_id},
                          {"lat", e.place->lat},
                          {"lon", e.place->lon},
                          {"country_code3", e.place->iso3}};
      }
      j["text_info"] = {{"sequence", e.sentence_index + 1},
                        {"start", e.predicate_span.begin},
                        {"end", e.predicate_span.end}};
      j["cite_info"] = {{"url", se.document_url},
                        {"title", se.document_title},
                        {"publication", se.document_source},
                        {"coder", "annals " ANNALS_VERSION},
                        {"codebook", "CAMEO 1.1b3 + CAMEO2PLOVER-2021"}};
      j["flags"] = {{"negated", e.negated},
                    {"hypothetical", e.hypothetical},
                    {"future", e.future},
                    {"reported", e.reported},
                    {"historical", e.historical}};
      j["pattern_id"] = e.pattern_id;
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out += '\n';
      break;
    }
    case ExportFormat::kCsv: {
      std::vector<std::string> f = {std::to_string(se.id),
                                    e.document_id,
                                    std::to_string(e.sentence_index),
                                    e.date,
                                    e.date_precision,
                                    JoinCodes(e.sources),
                                    e.cameo,
                                    JoinCodes(e.targets),
                                    std::to_string(e.quad_class),
                                    Fixed(e.goldstein, 1),
                                    e.plover_event,
                                    e.plover_mode,
                                    e.plover_context,
                                    e.negated ? "1" : "0",
                                    e.hypothetical ? "1" : "0",
                                    e.future ? "1" : "0",
                                    e.reported ? "1" : "0",
                                    e.historical ? "1" : "0",
                                    e.place ? e.place->name : "",
                                    e.place ? e.place->iso3 : "",
                                    e.place ? Fixed(e.place->lat, 4) : "",
                                    e.place ? Fixed(e.place->lon, 4) : "",
                                    e.pattern_id,
                                    se.document_url};
      for (size_t i = 0; i < f.size(); ++i) {
        if (i > 0) out += ',';
        out += CsvField(f[i]);
      }
      out += '\n';
      break;
    }
  }
}

}  // namespace annals
