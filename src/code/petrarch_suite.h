// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the PETRARCH validation XML (`<Validation>` with `<Environment>` and `<Sentence>`
// records, PTB or CoNLL-U parses) and scoring of coded events against its `<EventCoding>`s, for
// `annals validate petrarch`. An event is a (source code, target code, event code) triple; records
// expecting "noevents" or "error" expect no event.
#ifndef ANNALS_CODE_PETRARCH_SUITE_H_
#define ANNALS_CODE_PETRARCH_SUITE_H_

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "annals/event.h"
#include "annals/status.h"

namespace annals::code {

using Triple = std::tuple<std::string, std::string, std::string>;  // source, target, event

struct PetrarchRecord {
  std::string id;
  std::string category;  // `category` (PTB file) or `source` (UD file).
  std::string date;      // "YYYY-MM-DD" from the 8-digit `date`, "" when absent/odd.
  std::string text;      // <Text>, whitespace collapsed.
  std::string parse;     // <Parse> as written.
  bool conllu = false;   // The parse is CoNLL-U (UniversalPetrarch) rather than PTB brackets.
  std::set<Triple> expected;
  bool expects_none = false;  // noevents="True" or error="...".
};

struct PetrarchSuite {
  std::map<std::string, std::string> environment;  // "Verbfile" -> "PETR.Validate.verbs.txt"...
  std::vector<PetrarchRecord> records;
};

// Reads the suite. InvalidArgument when the file is not well-formed XML or has no <Sentence>.
Result<PetrarchSuite> ReadPetrarchSuite(const std::string& path);
Result<PetrarchSuite> ParsePetrarchSuite(const std::string& xml, const std::string& name);

// The triples of coded events: every source x target pair (missing side "---"), without pairs of
// an actor code with itself, deduplicated.
std::set<Triple> EventTriples(const std::vector<Event>& events);

struct SuiteScore {
  int records = 0;
  int exact = 0;
  int expected_events = 0;
  int produced_events = 0;
  int matched_events = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  void Add(const std::set<Triple>& expected, const std::set<Triple>& produced);
};

}  // namespace annals::code

#endif  // ANNALS_CODE_PETRARCH_SUITE_H_
