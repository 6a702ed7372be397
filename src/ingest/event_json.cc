// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "ingest/event_json.h"

#include <string_view>

namespace annals::ingest {

void WriteActor(util::JsonOut& out, const ActorRef& a) {
  out.BeginObject();
  out.Key("code").String(a.code);
  out.Key("text").String(a.text);
  out.Key("begin").Int(a.span.begin);
  out.Key("end").Int(a.span.end);
  if (!a.name.empty()) out.Key("name").String(a.name);
  if (!a.entry_id.empty()) out.Key("entry").String(a.entry_id);
  if (a.country_from_context) out.Key("country_from_context").Bool(true);
  out.EndObject();
}

void WritePlaceFields(util::JsonOut& out, const Place& p) {
  out.Key("name").String(p.name);
  out.Key("feature").String(p.feature);
  out.Key("iso3").String(p.iso3);
  out.Key("fips").String(p.fips);
  out.Key("adm1").String(p.adm1);
  out.Key("geonames_id").Int(p.geonames_id);
  out.Key("lat").Double(p.lat);
  out.Key("lon").Double(p.lon);
  if (!p.span.empty()) {
    out.Key("begin").Int(p.span.begin);
    out.Key("end").Int(p.span.end);
  }
}

void WriteEventFields(util::JsonOut& out, const Event& e, const Document& d) {
  out.Key("document_id").String(e.document_id);
  out.Key("sentence").Int(e.sentence_index);
  out.Key("date").String(e.date);
  out.Key("date_precision").String(e.date_precision);
  out.Key("sources").BeginArray();
  for (const ActorRef& a : e.sources) WriteActor(out, a);
  out.EndArray();
  out.Key("targets").BeginArray();
  for (const ActorRef& a : e.targets) WriteActor(out, a);
  out.EndArray();
  out.Key("cameo").String(e.cameo);
  out.Key("cameo_base").String(e.cameo_base);
  out.Key("cameo_root").String(e.cameo_root);
  out.Key("quad_class").Int(e.quad_class);
  out.Key("goldstein").Double(e.goldstein);
  out.Key("plover_event").String(e.plover_event);
  out.Key("plover_mode").String(e.plover_mode);
  out.Key("plover_context").String(e.plover_context);
  out.Key("negated").Bool(e.negated);
  out.Key("hypothetical").Bool(e.hypothetical);
  out.Key("future").Bool(e.future);
  out.Key("reported").Bool(e.reported);
  out.Key("historical").Bool(e.historical);
  out.Key("pattern_id").String(e.pattern_id);
  out.Key("predicate").BeginObject();
  out.Key("begin").Int(e.predicate_span.begin);
  out.Key("end").Int(e.predicate_span.end);
  if (e.predicate_span.end <= d.text.size() && !e.predicate_span.empty()) {
    out.Key("text").String(
        std::string_view(d.text).substr(e.predicate_span.begin, e.predicate_span.size()));
  }
  out.EndObject();
  out.Key("sentence_span").BeginObject();
  out.Key("begin").Int(e.sentence_span.begin);
  out.Key("end").Int(e.sentence_span.end);
  out.EndObject();
  if (e.speaker) {
    out.Key("speaker");
    WriteActor(out, *e.speaker);
  }
}

}  // namespace annals::ingest
