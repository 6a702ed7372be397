// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Store::Open (backend choice) and what both backends share.
#include "annals/store.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store_internal.h"
#include "util/text.h"

namespace annals {

bool IsPostgresUrl(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options) {
  if (options.path.empty()) return InvalidArgumentError("no database path given (--db)");
  if (IsPostgresUrl(options.path)) return OpenPostgresStore(options);
  return OpenSqliteStore(options);
}

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool ValidCodePattern(const std::string& code) {
  if (code.empty() || code.size() > 30) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

bool MentionIsDocumentText(const std::string& document_text, const ActorRef& actor) {
  return actor.span.end > actor.span.begin && actor.span.end <= document_text.size() &&
         std::string_view(document_text)
                 .substr(actor.span.begin, actor.span.end - actor.span.begin) == actor.text;
}

std::string DocumentTextAt(const std::string& document_text, const Span& span) {
  if (span.end <= span.begin || span.end > document_text.size()) return std::string();
  return document_text.substr(span.begin, span.end - span.begin);
}

std::string EventGroupJoin(const EventQuery& q) {
  if (q.grouping == EventGrouping::kNone) return "";
  // Reports of the same event also share the day key (the group key is the day key and the
  // place), so both groupings read the events in day_hash order through its index; the same-event
  // groups are then told apart by group_hash, which needs no index of its own.
  const bool same_event = q.grouping == EventGrouping::kSameEvent;
  return std::string("JOIN (SELECT e2.day_hash AS dk, ") + (same_event ? "e2.group_hash" : "0") +
         " AS k, min(e2.rowid) AS gid, count(*) AS nm, count(DISTINCT CASE WHEN d2.source <> '' "
         "THEN d2.source ELSE 'doc:' || d2.rowid END) AS ns, count(DISTINCT e2.document_rowid) "
         "AS na FROM events e2 JOIN documents d2 ON d2.rowid = e2.document_rowid GROUP BY "
         "e2.day_hash" +
         (same_event ? ", e2.group_hash" : "") + ") g ON g.dk = e.day_hash" +
         (same_event ? " AND g.k = e.group_hash" : "") +
         (q.first_report_only ? " AND g.gid = e.rowid" : "");
}

std::string PrefixUpperBound(const std::string& prefix) {
  std::string out = prefix;
  while (!out.empty() && static_cast<unsigned char>(out.back()) == 0xFF) out.pop_back();
  if (!out.empty()) out.back() = static_cast<char>(static_cast<unsigned char>(out.back()) + 1);
  return out;
}

void SetCameoBaseAndRoot(Event& e) {
  e.cameo_base = e.cameo.substr(0, std::min<size_t>(3, e.cameo.size()));
  e.cameo_root = e.cameo.substr(0, std::min<size_t>(2, e.cameo.size()));
}

std::string EventGroupKey(const Event& e, bool with_place) {
  auto codes = [](const std::vector<ActorRef>& list) {
    std::vector<std::string> c;
    for (const ActorRef& a : list) c.push_back(a.code);
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    std::string out;
    for (const std::string& x : c) out += (out.empty() ? "" : "+") + x;
    return out;
  };
  std::string key = e.date.substr(0, 10) + "|" + codes(e.sources) + ">" + codes(e.targets) + "|" +
                    e.cameo + "|" + (e.negated ? "n" : "") + (e.hypothetical ? "h" : "");
  if (with_place && e.place) {
    key += "|" + (!e.place->iso3.empty() ? e.place->iso3 : std::string()) + ":" +
           (e.place->geonames_id != 0 ? std::to_string(e.place->geonames_id) : e.place->name);
  }
  return key;
}

int64_t EventGroupHash(const Event& e, bool with_place) {
  return static_cast<int64_t>(util::Fnv1a64(EventGroupKey(e, with_place)));
}

std::string DocumentTextHash(const std::string& text) {
  return util::Hex64(util::Fnv1a64(util::CollapseWhitespace(text)));
}

std::string RollupDay(const Event& e) { return e.date.substr(0, 10); }

int RollupFlagged(const Event& e) { return e.negated || e.hypothetical ? 1 : 0; }

int64_t GoldsteinTenths(double goldstein) { return std::llround(goldstein * 10); }

std::vector<std::pair<std::string, std::string>> RollupCountryPairs(const Event& e) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const ActorRef& s : e.sources) {
    for (const ActorRef& t : e.targets)
      pairs.emplace_back(s.code.substr(0, 3), t.code.substr(0, 3));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

RollupDays SumRollupDays(const std::vector<Event>& events) {
  RollupDays days;
  for (const Event& e : events) {
    auto& d = days[{RollupDay(e), e.quad_class, RollupFlagged(e)}];
    d.first += 1;
    d.second += GoldsteinTenths(e.goldstein);
  }
  return days;
}

RollupDyadDays SumRollupDyadDays(const std::vector<Event>& events) {
  RollupDyadDays dyads;
  for (const Event& e : events) {
    std::string day = RollupDay(e);
    if (day.empty() || e.quad_class < 1 || e.quad_class > 4) continue;
    const int flagged = RollupFlagged(e);
    for (auto& [source_country, target_country] : RollupCountryPairs(e)) {
      std::array<int64_t, 10>& c =
          dyads[{std::move(source_country), std::move(target_country), day}];
      c[static_cast<size_t>(flagged * 4 + e.quad_class - 1)] += 1;
      c[static_cast<size_t>(8 + flagged)] += GoldsteinTenths(e.goldstein);
    }
  }
  return dyads;
}

bool DyadFromRollup(const std::string& a, const std::string& b) {
  return a.size() == 3 && b.size() == 3;
}

void AddQuadRow(std::vector<DyadPeriod>& rows, const std::string& period, int quad, int64_t n,
                double mean, const std::string& from, const std::string& to) {
  if (rows.empty() || rows.back().period != period) {
    DyadPeriod d;
    d.period = period;
    d.from = from;
    d.to = to;
    rows.push_back(std::move(d));
  }
  DyadPeriod& d = rows.back();
  if (quad >= 1 && quad <= 4) d.quad_counts[quad] += n;
  d.mean_goldstein =
      (d.mean_goldstein * static_cast<double>(d.events) + mean * static_cast<double>(n)) /
      static_cast<double>(d.events + n);
  d.events += n;
}

std::string ExpandMigration(std::string sql, const std::string& rollup_trigger,
                            Result<std::string> (*period_expr)(const std::string& by,
                                                               const std::string& col)) {
  const std::string trigger_macro = "@ROLLUP_TRIGGER@";
  if (size_t p = sql.find(trigger_macro); p != std::string::npos) {
    sql.replace(p, trigger_macro.size(), rollup_trigger);
  }
  for (const char* by : {"WEEK", "MONTH"}) {
    const std::string open = std::string("@") + by + "(";
    for (size_t p = sql.find(open); p != std::string::npos; p = sql.find(open, p)) {
      const size_t close = sql.find(")@", p);
      if (close == std::string::npos) break;
      const std::string col = sql.substr(p + open.size(), close - p - open.size());
      const std::string expr = *period_expr(by[0] == 'W' ? "week" : "month", col);
      sql.replace(p, close + 2 - p, expr);
      p += expr.size();
    }
  }
  return sql;
}

Status ValidateAggregate(const AggregateQuery& q) {
  if (q.limit < 1 || q.limit > 10000) return InvalidArgumentError("limit must be 1..10000");
  if (q.code_length < 0) return InvalidArgumentError("code length must be >= 0");
  return Status::Ok();
}

std::string DyadRollupKind(const DyadQuery& q) {
  if (q.by == "week" && q.date_from.empty() && q.date_to.empty()) return "w";
  auto month_bound = [](const std::string& d) { return d.empty() || d.size() == 7; };
  if (q.by == "month" && month_bound(q.date_from) && month_bound(q.date_to)) return "m";
  return "d";
}

bool DyadPeriodFromRollup(const DyadQuery& query, const int64_t counts[10], DyadPeriod& out) {
  const int64_t flagged = query.include_flagged ? 1 : 0;
  int64_t events = 0;
  for (int k = 1; k <= 4; ++k) {
    out.quad_counts[k] = counts[k - 1] + flagged * counts[k + 3];
    events += out.quad_counts[k];
  }
  out.events = events;
  if (events <= 0) return false;
  out.mean_goldstein =
      static_cast<double>(counts[8] + flagged * counts[9]) / 10.0 / static_cast<double>(events);
  return true;
}

}  // namespace annals
