// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The per-document record of `annals analyze` and its JSON form (docs/analysis.md).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_util.h"
#include "ingest/event_json.h"

namespace annals {

Analysis Analyze(const Document& doc, const ExtractOptions& options,
                 const CivilDate& fallback_date) {
  Analysis a;
  a.date = DocumentDate(doc, fallback_date, &a.date_source);
  a.dates = PlaceDates(doc, a.date);
  ExtractOptions o = options;
  if (o.article_date.year == 0) o.article_date = a.date;
  a.counts = FindCounts(doc, o, &a.dates);
  for (CountMention& c : a.counts) {
    c.date = DateForEvent(a.dates, c.sentence, c.predicate, a.date, o);
  }
  a.quotes = FindQuotes(doc, o);
  return a;
}

namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(const Span& s) { return Json::array({s.begin, s.end}); }

std::string DateIso(const CivilDate& d) {
  if (d.year <= 0) return "";
  DateMention m;
  m.date = d;
  m.precision = d.day > 0     ? DatePrecision::kDay
                : d.month > 0 ? DatePrecision::kMonth
                              : DatePrecision::kYear;
  return m.Iso();
}

Json EventDateJson(const EventDate& e) {
  Json j;
  j["value"] = e.Iso();
  j["precision"] = e.source == DateSource::kNone ? "" : std::string(DatePrecisionName(e.precision));
  j["source"] = std::string(DateSourceName(e.source));
  j["mention"] = e.mention;
  j["historical"] = e.historical;
  return j;
}

// The place fields of a geocoder match, added to `j`.
void AddMatch(const GeoMatch& m, Json& j) {
  const Place& p = m.place;
  j["name"] = p.name;
  j["feature"] = p.feature;
  j["iso3"] = p.iso3;
  j["fips"] = p.fips;
  j["adm1"] = p.adm1;
  j["geonames_id"] = p.geonames_id;
  j["lat"] = p.lat;
  j["lon"] = p.lon;
  j["full_name"] = m.full_name;
  j["precision"] = std::string(GeoPrecisionName(m.precision));
  j["gdelt_type"] = GdeltGeoType(m.place);
  j["candidates"] = m.candidates;
  j["why"] = m.why;
}

// The date expression (index into `dates`) that dated an event: one of its sentence whose value
// is the event's date; -1 when the event has the article date.
int EventDateMention(const std::vector<PlacedDate>& dates, const Event& e) {
  if (e.date.empty()) return -1;
  for (size_t i = 0; i < dates.size(); ++i) {
    const PlacedDate& p = dates[i];
    if (p.sentence == e.sentence_index && !p.dateline && p.mention.Iso() == e.date) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace

std::string AnalysisToJson(const Document& doc, const Analysis& a) {
  Json j;
  j["id"] = doc.id;
  j["title"] = doc.title;
  j["url"] = doc.url;
  j["date"] = DateIso(a.date);
  j["date_source"] = a.date_source;
  if (doc.dateline.has_value()) {
    Json d;
    d["place"] = doc.dateline->place;
    d["date"] = doc.dateline->date_text;
    d["agency"] = doc.dateline->agency;
    d["span"] = SpanJson(doc.dateline->span);
    d["resolved"] = nullptr;
    if (a.dateline_place) AddMatch(*a.dateline_place, d["resolved"]);
    j["dateline"] = std::move(d);
  } else {
    j["dateline"] = nullptr;
  }
  j["sentences"] = doc.sentences.size();
  Json entities = Json::array();
  for (const EntityMention& m : a.entities) {
    Json e;
    e["type"] = m.entity.type;
    e["text"] = m.entity.text;
    e["span"] = SpanJson(m.entity.span);
    e["sentence"] = m.sentence;
    e["words"] = Json::array({m.entity.first_word, m.entity.last_word + 1});
    entities.push_back(std::move(e));
  }
  j["entities"] = std::move(entities);
  Json places = Json::array();
  for (const ResolvedPlace& p : a.places) {
    Json o;
    o["text"] = p.text;
    o["span"] = SpanJson(p.span);
    o["sentence"] = p.sentence;
    o["entity"] = p.entity;
    AddMatch(p.match, o);
    places.push_back(std::move(o));
  }
  j["places"] = std::move(places);
  Json dates = Json::array();
  for (const PlacedDate& p : a.dates) {
    Json d;
    d["text"] = p.mention.text;
    d["span"] = SpanJson(p.mention.span);
    d["value"] = p.mention.Iso();
    d["precision"] = std::string(DatePrecisionName(p.mention.precision));
    d["relative"] = p.mention.relative;
    d["approximate"] = p.mention.approximate;
    d["sentence"] = p.sentence;
    d["governor"] = p.governor;
    d["dateline"] = p.dateline;
    dates.push_back(std::move(d));
  }
  j["dates"] = std::move(dates);
  Json counts = Json::array();
  for (const CountMention& c : a.counts) {
    Json o;
    o["text"] = c.text;
    o["span"] = SpanJson(c.span);
    o["type"] = std::string(CountTypeName(c.type));
    o["value"] = c.value;
    o["qualifier"] = c.qualifier;
    o["approximate"] = c.approximate;
    o["object"] = c.object;
    o["currency"] = c.currency;
    o["actor"] = c.actor;
    o["actor_codes"] = c.actor_codes;
    o["place"] = c.place;
    o["sentence"] = c.sentence;
    o["predicate"] = c.predicate_lemma;
    o["date"] = EventDateJson(c.date);
    counts.push_back(std::move(o));
  }
  j["counts"] = std::move(counts);
  Json quotes = Json::array();
  for (const Quote& q : a.quotes) {
    Json o;
    o["text"] = q.text;
    o["span"] = SpanJson(q.span);
    o["direct"] = q.direct;
    o["speaker"] = q.speaker;
    o["speaker_text"] = q.speaker_text;
    o["speaker_codes"] = q.speaker_codes;
    o["verb"] = q.verb;
    o["sentence"] = q.sentence;
    quotes.push_back(std::move(o));
  }
  j["quotes"] = std::move(quotes);
  Json events = Json::array();
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event& e = a.events[i];
    Json o = ingest::EventJson(e, doc);
    o["date_mention"] = EventDateMention(a.dates, e);
    if (e.place) {
      EventPlace how = i < a.event_places.size() ? a.event_places[i] : EventPlace{};
      o["place"]["precision"] = std::string(GeoPrecisionName(how.precision));
      o["place"]["source"] = std::string(ActionLocationSourceName(how.source));
      o["place"]["mention"] = how.place;
    } else {
      o["place"] = nullptr;
    }
    events.push_back(std::move(o));
  }
  j["events"] = std::move(events);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace annals
