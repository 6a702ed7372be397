// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// What the store backends share: their constructors (Store::Open picks one) and small helpers.
#ifndef ANNALS_SRC_STORE_STORE_INTERNAL_H_
#define ANNALS_SRC_STORE_STORE_INTERNAL_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "annals/store.h"

namespace annals {

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options);
// Unimplemented when the build has no libpqxx.
Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options);

// The current time, UTC, as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtc();

// EventGroupKey as the SQLite store keeps it: FNV-1a, 64 bits, as a signed integer.
int64_t EventGroupHash(const Event& e, bool with_place);

// An actor code or prefix as the dyad query takes it: 1..30 ASCII letters and digits.
bool ValidCodePattern(const std::string& code);

// The rollup tables (event_days, dyad_periods; docs/store.md): the day an event counts under (the
// first ten characters of its date), its flag state, its Goldstein value in exact tenths, and
// the distinct (source country, target country) pairs it counts under (sorted; the three-letter
// code prefixes event_dyads keys on).
std::string RollupDay(const Event& e);
int RollupFlagged(const Event& e);
int64_t GoldsteinTenths(double goldstein);
std::vector<std::pair<std::string, std::string>> RollupCountryPairs(const Event& e);

// What a document's events add to the rollups, summed over the events so that each row is
// written once per document: event_days per (day, quad class, flagged) -> (events, Goldstein
// tenths), every event; dyad_periods per (source country, target country, day) -> q1..q4,
// f1..f4 (events by quad class, unflagged then flagged), g and fg (Goldstein tenths, unflagged
// and flagged), dated events only (each pair of RollupCountryPairs once per event).
using RollupDays = std::map<std::tuple<std::string, int, int>, std::pair<int64_t, int64_t>>;
using RollupDyadDays =
    std::map<std::tuple<std::string, std::string, std::string>, std::array<int64_t, 10>>;
RollupDays SumRollupDays(const std::vector<Event>& events);
RollupDyadDays SumRollupDyadDays(const std::vector<Event>& events);

// True when a dyad query between `a` and `b` can be answered from dyad_periods: both are exactly
// a three-letter country (or group) code.
bool DyadFromRollup(const std::string& a, const std::string& b);

// The dyad_periods rows a rollup dyad query reads: "w" or "m" (the rows of its own period, read
// as they are) when the date bounds cut no week or month (none for weeks; none or "YYYY-MM"
// months for months), otherwise "d" (the day rows, regrouped by the query's period).
std::string DyadRollupKind(const DyadQuery& q);

// A dyad_periods row as a DyadPeriod of `query` (the flagged columns added when it includes
// flagged events); false when that leaves no events in the row. `counts` holds q1..q4, f1..f4,
// g, fg in that order.
bool DyadPeriodFromRollup(const DyadQuery& query, const int64_t counts[10], DyadPeriod& out);

// Adds one row of a query grouped by (period, quad class) — its count `n` and mean Goldstein — to
// `rows`, which come in period order: a new period starts a new DyadPeriod from `from` to `to`.
void AddQuadRow(std::vector<DyadPeriod>& rows, const std::string& period, int quad, int64_t n,
                double mean, const std::string& from = "", const std::string& to = "");

// Actor mention text is stored as NULL when it is exactly the document's text at the actor's span
// (as the coder writes it), and read back from the document: MentionIsDocumentText says when,
// DocumentTextAt reads it back (empty for a span outside the text).
bool MentionIsDocumentText(const std::string& document_text, const ActorRef& actor);
std::string DocumentTextAt(const std::string& document_text, const Span& span);

// The JOIN that adds a grouped event query's group columns (gid, nm, ns, na: the group's first
// event, its mentions, sources and articles) as `g`, for both backends; "" without grouping.
std::string EventGroupJoin(const EventQuery& q);

// The least string greater than every string that starts with `prefix` (bytewise), or "" when
// there is none: "2025-03-31" -> "2025-03-32".
std::string PrefixUpperBound(const std::string& prefix);

// CAMEO base and root codes, which are the first three and two digits of the code; the store
// keeps the code only.
void SetCameoBaseAndRoot(Event& e);

// The bounds every backend enforces on an AggregateQuery (limit 1..10000, code length >= 0).
Status ValidateAggregate(const AggregateQuery& q);

// A migration's SQL with @ROLLUP_TRIGGER@ replaced by `rollup_trigger` and every @WEEK(col)@ and
// @MONTH(col)@ by period_expr("week"/"month", col): migrations write the rollup trigger once and
// the week and month of a date with the same expression as the queries.
std::string ExpandMigration(std::string sql, const std::string& rollup_trigger,
                            Result<std::string> (*period_expr)(const std::string& by,
                                                               const std::string& col));

}  // namespace annals

#endif  // ANNALS_SRC_STORE_STORE_INTERNAL_H_
