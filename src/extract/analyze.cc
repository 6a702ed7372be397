// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The per-document record of `annals analyze` and its JSON form (docs/analysis.md).
#include <string>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_util.h"
#include "ingest/event_json.h"
#include "util/json_out.h"

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

using util::JsonOut;

void WriteSpan(JsonOut& out, const Span& s) { out.BeginArray().Int(s.begin).Int(s.end).EndArray(); }

std::string DateIso(const CivilDate& d) {
  if (d.year <= 0) return "";
  DateMention m;
  m.date = d;
  m.precision = d.day > 0     ? DatePrecision::kDay
                : d.month > 0 ? DatePrecision::kMonth
                              : DatePrecision::kYear;
  return m.Iso();
}

void WriteEventDate(JsonOut& out, const EventDate& e) {
  out.BeginObject();
  out.Key("value").String(e.Iso());
  out.Key("precision").String(e.source == DateSource::kNone ? "" : DatePrecisionName(e.precision));
  out.Key("source").String(DateSourceName(e.source));
  out.Key("mention").Int(e.mention);
  out.Key("historical").Bool(e.historical);
  out.EndObject();
}

// The fields of a geocoder match, into the open object.
void WriteMatchFields(JsonOut& out, const GeoMatch& m) {
  Place p = m.place;
  p.span = {};  // The mention's span is written by the caller, as `span`.
  ingest::WritePlaceFields(out, p);
  out.Key("full_name").String(m.full_name);
  out.Key("precision").String(GeoPrecisionName(m.precision));
  out.Key("gdelt_type").Int(GdeltGeoType(m.place));
  out.Key("candidates").Int(m.candidates);
  out.Key("why").String(m.why);
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
  JsonOut out;
  out.BeginObject();
  out.Key("id").String(doc.id);
  out.Key("title").String(doc.title);
  out.Key("url").String(doc.url);
  out.Key("date").String(DateIso(a.date));
  out.Key("date_source").String(a.date_source);
  out.Key("dateline");
  if (doc.dateline.has_value()) {
    out.BeginObject();
    out.Key("place").String(doc.dateline->place);
    out.Key("date").String(doc.dateline->date_text);
    out.Key("agency").String(doc.dateline->agency);
    out.Key("span");
    WriteSpan(out, doc.dateline->span);
    out.Key("resolved");
    if (a.dateline_place) {
      out.BeginObject();
      WriteMatchFields(out, *a.dateline_place);
      out.EndObject();
    } else {
      out.Null();
    }
    out.EndObject();
  } else {
    out.Null();
  }
  out.Key("sentences").Int(static_cast<int64_t>(doc.sentences.size()));

  out.Key("entities").BeginArray();
  for (const EntityMention& m : a.entities) {
    out.BeginObject();
    out.Key("type").String(m.entity.type);
    out.Key("text").String(m.entity.text);
    out.Key("span");
    WriteSpan(out, m.entity.span);
    out.Key("sentence").Int(m.sentence);
    out.Key("words").BeginArray().Int(m.entity.first_word).Int(m.entity.last_word + 1).EndArray();
    out.EndObject();
  }
  out.EndArray();

  out.Key("places").BeginArray();
  for (const ResolvedPlace& p : a.places) {
    out.BeginObject();
    out.Key("text").String(p.text);
    out.Key("span");
    WriteSpan(out, p.span);
    out.Key("sentence").Int(p.sentence);
    out.Key("entity").Int(p.entity);
    out.Key("dateline").Bool(p.dateline);
    WriteMatchFields(out, p.match);
    out.EndObject();
  }
  out.EndArray();

  out.Key("dates").BeginArray();
  for (const PlacedDate& p : a.dates) {
    out.BeginObject();
    out.Key("text").String(p.mention.text);
    out.Key("span");
    WriteSpan(out, p.mention.span);
    out.Key("value").String(p.mention.Iso());
    out.Key("precision").String(DatePrecisionName(p.mention.precision));
    out.Key("relative").Bool(p.mention.relative);
    out.Key("approximate").Bool(p.mention.approximate);
    out.Key("sentence").Int(p.sentence);
    out.Key("governor").Int(p.governor);
    out.Key("dateline").Bool(p.dateline);
    out.EndObject();
  }
  out.EndArray();

  out.Key("counts").BeginArray();
  for (const CountMention& c : a.counts) {
    out.BeginObject();
    out.Key("text").String(c.text);
    out.Key("span");
    WriteSpan(out, c.span);
    out.Key("type").String(CountTypeName(c.type));
    out.Key("value").Double(c.value);
    out.Key("qualifier").String(c.qualifier);
    out.Key("approximate").Bool(c.approximate);
    out.Key("object").String(c.object);
    out.Key("currency").String(c.currency);
    out.Key("actor").String(c.actor);
    out.Key("actor_codes").Strings(c.actor_codes);
    out.Key("place").String(c.place);
    out.Key("sentence").Int(c.sentence);
    out.Key("predicate").String(c.predicate_lemma);
    out.Key("date");
    WriteEventDate(out, c.date);
    out.EndObject();
  }
  out.EndArray();

  out.Key("quotes").BeginArray();
  for (const Quote& q : a.quotes) {
    out.BeginObject();
    out.Key("text").String(q.text);
    out.Key("span");
    WriteSpan(out, q.span);
    out.Key("direct").Bool(q.direct);
    out.Key("speaker").String(q.speaker);
    out.Key("speaker_text").String(q.speaker_text);
    out.Key("speaker_codes").Strings(q.speaker_codes);
    out.Key("verb").String(q.verb);
    out.Key("sentence").Int(q.sentence);
    out.EndObject();
  }
  out.EndArray();

  out.Key("events").BeginArray();
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event& e = a.events[i];
    out.BeginObject();
    ingest::WriteEventFields(out, e, doc);
    out.Key("date_mention").Int(EventDateMention(a.dates, e));
    out.Key("place");
    if (e.place) {
      EventPlace how = i < a.event_places.size() ? a.event_places[i] : EventPlace{};
      out.BeginObject();
      ingest::WritePlaceFields(out, *e.place);
      out.Key("precision").String(GeoPrecisionName(how.precision));
      out.Key("source").String(ActionLocationSourceName(how.source));
      out.Key("mention").Int(how.place);
      out.EndObject();
    } else {
      out.Null();
    }
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return out.Take();
}

}  // namespace annals
