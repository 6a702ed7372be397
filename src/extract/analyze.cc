// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The per-document record of `annals analyze` and its JSON form (docs/analysis.md).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_util.h"

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
    j["dateline"] = std::move(d);
  } else {
    j["dateline"] = nullptr;
  }
  j["sentences"] = doc.sentences.size();
  j["entities"] = Json::array();
  j["places"] = Json::array();
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
  j["events"] = Json::array();
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace annals
