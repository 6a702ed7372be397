// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The API as a pure function of (path, parameters): validation, queries, JSON.
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "annals/dates.h"
#include "annals/server.h"
#include "util/json_out.h"

namespace annals {
namespace {

using Json = nlohmann::json;

// A 400 answer naming the parameter at fault.
struct ParamError {
  std::string parameter;
  std::string message;
};

// Validated access to query parameters. Unknown or repeated parameters are errors, so a typo
// ("acter=CHN") is reported rather than silently ignored.
class Params {
 public:
  Params(const std::multimap<std::string, std::string>& raw, std::set<std::string> allowed)
      : raw_(raw) {
    for (const auto& [k, v] : raw) {
      if (!allowed.count(k)) {
        Fail(k, "unknown parameter");
        return;
      }
      if (raw.count(k) > 1) {
        Fail(k, "given more than once");
        return;
      }
    }
  }
  bool ok() const { return !error_.has_value(); }
  const ParamError& error() const { return *error_; }

  std::string Text(const std::string& name, size_t max_len = 200) {
    std::string v = Get(name);
    if (v.size() > max_len) Fail(name, "longer than " + std::to_string(max_len) + " characters");
    return v;
  }
  int Int(const std::string& name, int def, int lo, int hi) {
    std::string v = Get(name);
    if (v.empty()) return def;
    int out = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || p != v.data() + v.size()) {
      Fail(name, "must be an integer");
      return def;
    }
    if (out < lo || out > hi) {
      Fail(name, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
      return def;
    }
    return out;
  }
  bool Bool(const std::string& name) {
    std::string v = Get(name);
    if (v.empty() || v == "0" || v == "false") return false;
    if (v == "1" || v == "true") return true;
    Fail(name, "must be true or false");
    return false;
  }
  std::string Date(const std::string& name) {
    std::string v = Get(name);
    if (v.empty()) return v;
    Result<CivilDate> d = ParseIsoDate(v);
    if (!d.ok() || v.size() > 10) Fail(name, "must be a date YYYY-MM-DD, YYYY-MM or YYYY");
    return v;
  }
  // Actor codes and prefixes: letters and digits only.
  std::string Code(const std::string& name, bool required) {
    std::string v = Get(name);
    if (v.empty()) {
      if (required) Fail(name, "is required");
      return v;
    }
    bool good = v.size() <= 30;
    for (char c : v) {
      good = good && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
    if (!good) Fail(name, "must be an actor code of letters and digits (e.g. CHN, USAGOV)");
    return v;
  }
  std::string Digits(const std::string& name) {
    std::string v = Get(name);
    for (char c : v) {
      if (c < '0' || c > '9' || v.size() > 4) {
        Fail(name, "must be a CAMEO code of 1 to 4 digits");
        break;
      }
    }
    return v;
  }
  std::string OneOf(const std::string& name, const std::string& def,
                    const std::set<std::string>& values) {
    std::string v = Get(name);
    if (v.empty()) return def;
    if (!values.count(v)) {
      std::string all;
      for (const std::string& x : values) all += (all.empty() ? "" : ", ") + x;
      Fail(name, "must be one of " + all);
    }
    return v;
  }

 private:
  std::string Get(const std::string& name) {
    auto it = raw_.find(name);
    return it == raw_.end() ? std::string() : it->second;
  }
  void Fail(const std::string& name, const std::string& message) {
    if (!error_) error_ = ParamError{name, message};
  }
  const std::multimap<std::string, std::string>& raw_;
  std::optional<ParamError> error_;
};

ApiResponse JsonResponse(int status, const Json& j) {
  return {status, j.dump(-1, ' ', false, Json::error_handler_t::replace)};
}

// "periods": the rows of /api/dyad (with_actors: each row's from and to) and /api/timeline.
void WritePeriods(util::JsonOut& out, const std::vector<DyadPeriod>& rows, bool with_actors) {
  out.Reserve(rows.size() * 128 + 64);
  out.Key("periods").BeginArray();
  for (const DyadPeriod& d : rows) {
    out.BeginObject().Key("events").Int(d.events);
    if (with_actors) out.Key("from").String(d.from);
    out.Key("mean_goldstein").Double(d.mean_goldstein).Key("period").String(d.period);
    out.Key("quad_counts").BeginArray();
    for (int k = 1; k <= 4; ++k) out.Int(d.quad_counts[k]);
    out.EndArray();
    if (with_actors) out.Key("to").String(d.to);
    out.EndObject();
  }
  out.EndArray();
}

ApiResponse ParamFailure(const ParamError& e) {
  return JsonResponse(
      400, {{"error", "parameter '" + e.parameter + "' " + e.message}, {"parameter", e.parameter}});
}

ApiResponse StatusFailure(const Status& st) {
  int code = st.code() == StatusCode::kInvalidArgument ? 400
             : st.code() == StatusCode::kNotFound      ? 404
                                                       : 500;
  return JsonResponse(code, {{"error", st.message()}});
}

Json ActorsJson(const std::vector<ActorRef>& list) {
  Json arr = Json::array();
  for (const ActorRef& a : list) {
    arr.push_back({{"code", a.code},
                   {"name", a.name},
                   {"text", a.text},
                   {"begin", a.span.begin},
                   {"end", a.span.end}});
  }
  return arr;
}

Json EventJson(const StoredEvent& se) {
  const Event& e = se.event;
  Json j = {{"id", se.id},
            {"document_id", e.document_id},
            {"sentence", e.sentence_index},
            {"date", e.date},
            {"date_precision", e.date_precision},
            {"sources", ActorsJson(e.sources)},
            {"targets", ActorsJson(e.targets)},
            {"cameo", e.cameo},
            {"cameo_root", e.cameo_root},
            {"quad_class", e.quad_class},
            {"goldstein", e.goldstein},
            {"plover",
             {{"event", e.plover_event}, {"mode", e.plover_mode}, {"context", e.plover_context}}},
            {"flags",
             {{"negated", e.negated},
              {"hypothetical", e.hypothetical},
              {"future", e.future},
              {"reported", e.reported},
              {"historical", e.historical}}},
            {"pattern", e.pattern_id},
            {"url", se.document_url},
            {"title", se.document_title},
            {"source", se.document_source}};
  if (e.speaker) j["speaker"] = {{"code", e.speaker->code}, {"text", e.speaker->text}};
  if (e.place) {
    j["place"] = {{"name", e.place->name}, {"feature", e.place->feature},
                  {"iso3", e.place->iso3}, {"lat", e.place->lat},
                  {"lon", e.place->lon},   {"geonames_id", e.place->geonames_id}};
  }
  return j;
}

// Cuts `text` to the sentence span and lists the highlighted spans relative to it.
Json SentenceJson(const std::string& text, const Event& e) {
  Span s = e.sentence_span;
  if (s.empty() || s.end > text.size()) {
    // No sentence span stored: show the whole predicate neighbourhood instead.
    uint32_t b = e.predicate_span.begin > 200 ? e.predicate_span.begin - 200 : 0;
    uint32_t en =
        std::min<uint32_t>(static_cast<uint32_t>(text.size()), e.predicate_span.end + 200);
    s = {b, en};
  }
  Json highlights = Json::array();
  auto add = [&](const char* role, Span span, const std::string& code) {
    if (span.empty() || span.begin < s.begin || span.end > s.end) return;
    highlights.push_back({{"role", role},
                          {"begin", span.begin - s.begin},
                          {"end", span.end - s.begin},
                          {"code", code}});
  };
  for (const ActorRef& a : e.sources) add("source", a.span, a.code);
  add("predicate", e.predicate_span, e.cameo);
  for (const ActorRef& a : e.targets) add("target", a.span, a.code);
  return {{"text", text.substr(s.begin, s.size())},
          {"begin", s.begin},
          {"end", s.end},
          {"highlights", highlights}};
}

const std::set<std::string> kAggregateParams = {"top", "from", "to", "countries",
                                                "include_flagged"};

AggregateQuery ReadAggregate(Params& p) {
  AggregateQuery q;
  q.limit = p.Int("top", 20, 1, 1000);
  q.date_from = p.Date("from");
  q.date_to = p.Date("to");
  q.code_length = p.Bool("countries") ? 3 : 0;
  q.include_flagged = p.Bool("include_flagged");
  return q;
}

}  // namespace

ApiResponse HandleApiRequest(Store& store, const std::string& path,
                             const std::multimap<std::string, std::string>& raw, int max_page) {
  const std::string kEvents = "/api/events/", kDocuments = "/api/documents/";
  if (path == "/api/stats") {
    Params p(raw, {});
    if (!p.ok()) return ParamFailure(p.error());
    Result<StoreStats> st = store.Stats();
    if (!st.ok()) return StatusFailure(st.status());
    return JsonResponse(
        200, {{"documents", st->documents},
              {"events", st->events},
              {"unflagged_events", st->unflagged_events},
              {"first_date", st->first_date},
              {"last_date", st->last_date},
              {"quad_counts",
               {st->quad_counts[1], st->quad_counts[2], st->quad_counts[3], st->quad_counts[4]}}});
  }
  if (path == "/api/events") {
    Params p(raw, {"from", "to", "actor", "cameo", "quad", "place", "q", "include_flagged",
                   "document", "limit", "offset"});
    EventQuery q;
    q.date_from = p.Date("from");
    q.date_to = p.Date("to");
    q.actor = p.Code("actor", false);
    q.cameo = p.Digits("cameo");
    q.quad_class = p.Int("quad", 0, 1, 4);
    q.place = p.Text("place", 100);
    q.search = p.Text("q");
    q.include_flagged = p.Bool("include_flagged");
    q.document_id = p.Text("document");
    q.limit = p.Int("limit", 50, 1, max_page);
    q.offset = p.Int("offset", 0, 0, 100000000);
    if (!p.ok()) return ParamFailure(p.error());
    Result<std::vector<StoredEvent>> rows = store.QueryEvents(q);
    if (!rows.ok()) return StatusFailure(rows.status());
    Json events = Json::array();
    for (const StoredEvent& se : *rows) events.push_back(EventJson(se));
    return JsonResponse(200, {{"events", events}, {"limit", q.limit}, {"offset", q.offset}});
  }
  if (path.rfind(kEvents, 0) == 0) {
    Params p(raw, {});
    std::string id_text = path.substr(kEvents.size());
    int64_t id = 0;
    auto [ptr, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    if (ec != std::errc() || ptr != id_text.data() + id_text.size() || id <= 0) {
      return JsonResponse(400,
                          {{"error", "event id must be a positive integer"}, {"parameter", "id"}});
    }
    if (!p.ok()) return ParamFailure(p.error());
    EventQuery q;
    q.id = id;
    q.include_flagged = true;
    q.limit = 1;
    Result<std::vector<StoredEvent>> rows = store.QueryEvents(q);
    if (!rows.ok()) return StatusFailure(rows.status());
    if (rows->empty()) return JsonResponse(404, {{"error", "no event " + id_text}});
    const StoredEvent& se = (*rows)[0];
    Json j = EventJson(se);
    Result<StoredDocument> doc = store.GetDocument(se.event.document_id);
    if (doc.ok()) {
      j["sentence_text"] = SentenceJson(doc->text, se.event);
      j["document"] = {{"id", doc->id},
                       {"title", doc->title},
                       {"date", doc->date},
                       {"source", doc->source},
                       {"url", doc->url}};
    }
    return JsonResponse(200, j);
  }
  if (path == "/api/dyad") {
    Params p(raw, {"a", "b", "by", "from", "to", "include_flagged"});
    DyadQuery q;
    q.a = p.Code("a", true);
    q.b = p.Code("b", true);
    q.by = p.OneOf("by", "month", {"day", "week", "month"});
    q.date_from = p.Date("from");
    q.date_to = p.Date("to");
    q.include_flagged = p.Bool("include_flagged");
    if (!p.ok()) return ParamFailure(p.error());
    Result<std::vector<DyadPeriod>> rows = store.QueryDyad(q);
    if (!rows.ok()) return StatusFailure(rows.status());
    // Written directly (keys in nlohmann's sorted order): a week series over ten years has a
    // thousand periods, and building a json tree for it cost more than the query.
    util::JsonOut out;
    out.BeginObject().Key("a").String(q.a).Key("b").String(q.b).Key("by").String(q.by);
    WritePeriods(out, *rows, true);
    return {200, out.EndObject().Take()};
  }
  if (path == "/api/timeline") {
    Params p(raw, {"by", "from", "to", "include_flagged"});
    DyadQuery q;
    q.by = p.OneOf("by", "month", {"day", "week", "month"});
    q.date_from = p.Date("from");
    q.date_to = p.Date("to");
    q.include_flagged = p.Bool("include_flagged");
    if (!p.ok()) return ParamFailure(p.error());
    Result<std::vector<DyadPeriod>> rows = store.Timeline(q);
    if (!rows.ok()) return StatusFailure(rows.status());
    util::JsonOut out;
    out.BeginObject().Key("by").String(q.by);
    WritePeriods(out, *rows, false);
    return {200, out.EndObject().Take()};
  }
  if (path == "/api/actors" || path == "/api/network" || path == "/api/places") {
    Params p(raw, kAggregateParams);
    AggregateQuery q = ReadAggregate(p);
    if (!p.ok()) return ParamFailure(p.error());
    if (path == "/api/actors") {
      Result<std::vector<ActorCount>> rows = store.TopActors(q);
      if (!rows.ok()) return StatusFailure(rows.status());
      Json out = Json::array();
      for (const ActorCount& a : *rows) {
        out.push_back({{"code", a.code},
                       {"events", a.events},
                       {"as_source", a.as_source},
                       {"as_target", a.as_target}});
      }
      return JsonResponse(200, {{"actors", out}});
    }
    if (path == "/api/network") {
      Result<std::vector<NetworkEdge>> rows = store.Network(q);
      if (!rows.ok()) return StatusFailure(rows.status());
      Json out = Json::array();
      for (const NetworkEdge& e : *rows) {
        out.push_back({{"source", e.source},
                       {"target", e.target},
                       {"cooperation", e.cooperation},
                       {"conflict", e.conflict},
                       {"mean_goldstein", e.mean_goldstein}});
      }
      return JsonResponse(200, {{"edges", out}});
    }
    Result<std::vector<PlaceCount>> rows = store.Places(q);
    if (!rows.ok()) return StatusFailure(rows.status());
    Json out = Json::array();
    for (const PlaceCount& pc : *rows) {
      out.push_back(
          {{"name", pc.name},
           {"iso3", pc.iso3},
           {"lat", pc.lat},
           {"lon", pc.lon},
           {"events", pc.events},
           {"quad_counts",
            {pc.quad_counts[1], pc.quad_counts[2], pc.quad_counts[3], pc.quad_counts[4]}}});
    }
    return JsonResponse(200, {{"places", out}});
  }
  if (path == "/api/documents") {
    Params p(raw, {"q", "from", "to", "limit", "offset"});
    DocumentQuery q;
    q.search = p.Text("q");
    q.date_from = p.Date("from");
    q.date_to = p.Date("to");
    q.limit = p.Int("limit", 20, 1, std::min(max_page, 1000));
    q.offset = p.Int("offset", 0, 0, 100000000);
    if (!p.ok()) return ParamFailure(p.error());
    Result<std::vector<StoredDocument>> rows = store.QueryDocuments(q);
    if (!rows.ok()) return StatusFailure(rows.status());
    Json out = Json::array();
    for (const StoredDocument& d : *rows) {
      out.push_back({{"id", d.id},
                     {"url", d.url},
                     {"source", d.source},
                     {"title", d.title},
                     {"date", d.date},
                     {"snippet", d.text}});
    }
    return JsonResponse(200, {{"documents", out}, {"limit", q.limit}, {"offset", q.offset}});
  }
  if (path.rfind(kDocuments, 0) == 0) {
    Params p(raw, {});
    if (!p.ok()) return ParamFailure(p.error());
    std::string id = path.substr(kDocuments.size());
    if (id.empty() || id.size() > 300) {
      return JsonResponse(400, {{"error", "bad document id"}, {"parameter", "id"}});
    }
    Result<StoredDocument> doc = store.GetDocument(id);
    if (!doc.ok()) return StatusFailure(doc.status());
    EventQuery q;
    q.document_id = id;
    q.include_flagged = true;
    q.limit = 10000;
    Result<std::vector<StoredEvent>> events = store.QueryEvents(q);
    if (!events.ok()) return StatusFailure(events.status());
    Json ev = Json::array();
    for (const StoredEvent& se : *events) ev.push_back(EventJson(se));
    return JsonResponse(200, {{"id", doc->id},
                              {"url", doc->url},
                              {"source", doc->source},
                              {"title", doc->title},
                              {"date", doc->date},
                              {"text", doc->text},
                              {"events", ev}});
  }
  return JsonResponse(404, {{"error", "no such endpoint: " + path}});
}

}  // namespace annals
