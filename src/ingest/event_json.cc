// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "ingest/event_json.h"

namespace annals::ingest {

nlohmann::json ActorJson(const ActorRef& a) {
  nlohmann::json j = {
      {"code", a.code}, {"text", a.text}, {"begin", a.span.begin}, {"end", a.span.end}};
  if (!a.name.empty()) j["name"] = a.name;
  if (!a.entry_id.empty()) j["entry"] = a.entry_id;
  return j;
}

nlohmann::json PlaceJson(const Place& p) {
  nlohmann::json j = {{"name", p.name}, {"feature", p.feature}, {"iso3", p.iso3},
                      {"fips", p.fips}, {"adm1", p.adm1},       {"geonames_id", p.geonames_id},
                      {"lat", p.lat},   {"lon", p.lon}};
  if (!p.span.empty()) {
    j["begin"] = p.span.begin;
    j["end"] = p.span.end;
  }
  return j;
}

nlohmann::json EventJson(const Event& e, const Document& d) {
  nlohmann::json src = nlohmann::json::array(), tgt = nlohmann::json::array();
  for (const ActorRef& a : e.sources) src.push_back(ActorJson(a));
  for (const ActorRef& a : e.targets) tgt.push_back(ActorJson(a));
  nlohmann::json j = {
      {"document_id", e.document_id},
      {"sentence", e.sentence_index},
      {"date", e.date},
      {"date_precision", e.date_precision},
      {"sources", src},
      {"targets", tgt},
      {"cameo", e.cameo},
      {"cameo_base", e.cameo_base},
      {"cameo_root", e.cameo_root},
      {"quad_class", e.quad_class},
      {"goldstein", e.goldstein},
      {"plover_event", e.plover_event},
      {"plover_mode", e.plover_mode},
      {"plover_context", e.plover_context},
      {"negated", e.negated},
      {"hypothetical", e.hypothetical},
      {"future", e.future},
      {"reported", e.reported},
      {"historical", e.historical},
      {"pattern_id", e.pattern_id},
      {"predicate", {{"begin", e.predicate_span.begin}, {"end", e.predicate_span.end}}},
      {"sentence_span", {{"begin", e.sentence_span.begin}, {"end", e.sentence_span.end}}}};
  if (e.predicate_span.end <= d.text.size() && !e.predicate_span.empty()) {
    j["predicate"]["text"] = d.text.substr(e.predicate_span.begin, e.predicate_span.size());
  }
  if (e.speaker) j["speaker"] = ActorJson(*e.speaker);
  if (e.place) j["place"] = PlaceJson(*e.place);
  return j;
}

}  // namespace annals::ingest
