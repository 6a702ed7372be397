// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Annals' native dictionary tables (UTF-8 TSV; grammar in docs/dictionaries.md).
#include <map>

#include "dict/dict_impl.h"
#include "util/text.h"

namespace annals::dict {
namespace {

using util::TrimAsciiSpace;

enum class Table {
  kCountries,
  kPeople,
  kOrganizations,
  kAgents,
  kDiscards,
  kSynsets,
  kPredicates,
  kWordClasses
};

struct TableSpec {
  Table table;
  std::string_view name;
  std::vector<std::string_view> required;  // Columns that must be in the header.
};

const std::vector<TableSpec>& Specs() {
  static const std::vector<TableSpec> kSpecs = {
      {Table::kCountries,
       "countries",
       {"code", "iso2", "names", "adjectives", "demonyms", "capitals", "metonyms", "historical"}},
      {Table::kPeople, "people", {"name", "aliases", "code", "from", "until", "role"}},
      {Table::kOrganizations, "organizations", {"code", "type", "names", "country"}},
      {Table::kAgents, "agents", {"code", "nouns"}},
      {Table::kDiscards, "discards", {"phrase"}},
      {Table::kSynsets, "synsets", {"name", "members"}},
      // The predicate dictionary (verbs.tsv) belongs to the event coder, which reads it itself.
      {Table::kPredicates,
       "predicates",
       {"id", "cameo", "pos", "lemma", "particle", "object", "target", "flags"}},
      // So are the word classes (word_classes.tsv).
      {Table::kWordClasses, "word_classes", {"lemma", "classes"}},
  };
  return kSpecs;
}

// Cell lists are separated by " | " (a bare '|' is accepted too); items are trimmed.
std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> out;
  for (std::string_view item : util::Split(cell, '|')) {
    item = TrimAsciiSpace(item);
    if (!item.empty()) out.emplace_back(item);
  }
  return out;
}

bool ValidCode(std::string_view code, size_t min_len) {
  if (code.size() < min_len) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

class Row {
 public:
  Row(const std::map<std::string, size_t>& cols, std::vector<std::string_view> cells)
      : cols_(cols), cells_(std::move(cells)) {}
  std::string_view Get(std::string_view col) const {
    auto it = cols_.find(std::string(col));
    if (it == cols_.end() || it->second >= cells_.size()) return "";
    return TrimAsciiSpace(cells_[it->second]);
  }

 private:
  const std::map<std::string, size_t>& cols_;
  std::vector<std::string_view> cells_;
};

}  // namespace

void ReadNativeTable(std::string_view text, uint32_t file, Builder& b) {
  const TableSpec* spec = nullptr;
  std::map<std::string, size_t> cols;
  size_t ncols = 0;
  // people.tsv: rows of one person (same name) merge into one actor.
  std::map<std::string, uint32_t> person_by_name;
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  bool header_done = false;
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view line = cleaned;
    if (TrimAsciiSpace(line).empty() || line[0] == '#') continue;
    std::vector<std::string_view> cells = util::Split(line, '\t');
    if (!header_done) {
      header_done = true;
      for (size_t i = 0; i < cells.size(); ++i) {
        cols[util::AsciiLower(TrimAsciiSpace(cells[i]))] = i;
      }
      ncols = cells.size();
      // The most specific table whose required columns are all present.
      size_t best = 0;
      for (const TableSpec& s : Specs()) {
        bool all = true;
        for (std::string_view c : s.required) all = all && cols.count(std::string(c)) > 0;
        if (all && s.required.size() > best) {
          spec = &s;
          best = s.required.size();
        }
      }
      if (!spec) {
        b.Error(file, line_no,
                "unknown table header (want the columns of countries, people, organizations, "
                "agents, discards, synsets, predicates or word classes; see docs/dictionaries.md); "
                "file skipped");
        return;
      }
      // Not actor tables: nothing to load here.
      if (spec->table == Table::kPredicates || spec->table == Table::kWordClasses) return;
      continue;
    }
    if (cells.size() > ncols) {
      b.Error(file, line_no,
              "row has " + std::to_string(cells.size()) + " cells, header has " +
                  std::to_string(ncols) + "; skipped");
      continue;
    }
    Row row(cols, cells);
    SourceRef where{file, static_cast<uint32_t>(line_no)};
    auto error = [&](const std::string& m) { b.Error(file, line_no, m + "; row skipped"); };
    switch (spec->table) {
      case Table::kCountries: {
        std::string code(row.Get("code"));
        if (!ValidCode(code, 3)) {
          error("bad country code '" + code + "' (want 3+ upper-case letters/digits)");
          break;
        }
        std::string_view iso2 = row.Get("iso2");
        if (!iso2.empty() && !(iso2.size() == 2 && ValidCode(iso2, 2))) {
          error("bad iso2 '" + std::string(iso2) + "'");
          break;
        }
        std::vector<std::string> names = SplitList(row.Get("names"));
        if (names.empty()) {
          error("country " + code + " has no names");
          break;
        }
        Actor a;
        a.name = names[0];
        a.kind = ActorKind::kCountry;
        a.codes.push_back({code, kDayMin, kDayMax});
        a.where = where;
        uint32_t id = b.AddActor(std::move(a));
        for (std::string_view col : {"names", "adjectives", "demonyms", "capitals", "historical"}) {
          for (const std::string& alias : SplitList(row.Get(col))) b.AddActorAlias(id, alias);
        }
        std::vector<std::string> metonyms = SplitList(row.Get("metonyms"));
        if (!metonyms.empty()) {
          Actor g;
          g.name = metonyms[0];
          g.kind = ActorKind::kGovernmentBody;
          g.codes.push_back({code + "GOV", kDayMin, kDayMax});
          g.country = code;
          g.where = where;
          uint32_t gid = b.AddActor(std::move(g));
          for (const std::string& m : metonyms) b.AddActorAlias(gid, m);
        }
        break;
      }
      case Table::kPeople: {
        std::string name(row.Get("name"));
        std::string code(row.Get("code"));
        if (name.empty()) {
          error("person has no name");
          break;
        }
        if (!ValidCode(code, 3)) {
          error("bad actor code '" + code + "' for " + name);
          break;
        }
        DatedCode dc;
        dc.code = code;
        std::string_view from = row.Get("from"), until = row.Get("until");
        if (!from.empty()) {
          Result<int32_t> d = ParseIsoDay(from);
          if (!d.ok()) {
            error("from: " + d.status().message());
            break;
          }
          dc.from = *d;
        }
        if (!until.empty()) {
          Result<int32_t> d = ParseIsoDay(until);
          if (!d.ok()) {
            error("until: " + d.status().message());
            break;
          }
          dc.until = *d;
        }
        if (dc.from > dc.until) {
          error("period ends before it starts");
          break;
        }
        uint32_t id;
        auto it = person_by_name.find(name);
        if (it == person_by_name.end()) {
          Actor a;
          a.name = name;
          a.kind = ActorKind::kPerson;
          a.where = where;
          id = b.AddActor(std::move(a));
          person_by_name[name] = id;
          b.AddActorAlias(id, name);
        } else {
          id = it->second;
        }
        Actor& a = b.impl().actors[id];
        a.codes.push_back(std::move(dc));
        a.roles.emplace_back(row.Get("role"));
        for (const std::string& alias : SplitList(row.Get("aliases"))) b.AddActorAlias(id, alias);
        break;
      }
      case Table::kOrganizations: {
        std::string code(row.Get("code"));
        if (!ValidCode(code, 3)) {
          error("bad actor code '" + code + "'");
          break;
        }
        std::optional<ActorKind> kind = ParseActorKind(row.Get("type"));
        if (!kind || *kind == ActorKind::kCountry || *kind == ActorKind::kPerson) {
          // The type is descriptive; the code is what matters. Keep the row, say so.
          b.Warning(file, line_no,
                    "unknown organization type '" + std::string(row.Get("type")) +
                        "' read as other (want igo, ngo, company, armed_group, intelligence, "
                        "media, party, government_body or other)");
          kind = ActorKind::kOther;
        }
        std::vector<std::string> names = SplitList(row.Get("names"));
        if (names.empty()) {
          error("organization " + code + " has no names");
          break;
        }
        std::string_view country = row.Get("country");
        if (!country.empty() && !ValidCode(country, 3)) {
          error("bad country '" + std::string(country) + "'");
          break;
        }
        Actor a;
        a.name = names[0];
        a.kind = *kind;
        a.codes.push_back({code, kDayMin, kDayMax});
        a.country = std::string(country);
        a.where = where;
        uint32_t id = b.AddActor(std::move(a));
        for (const std::string& n : names) b.AddActorAlias(id, n);
        break;
      }
      case Table::kAgents: {
        std::string code(row.Get("code"));
        if (!ValidCode(code, 3)) {
          error("bad agent code '" + code + "'");
          break;
        }
        std::vector<std::string> nouns = SplitList(row.Get("nouns"));
        if (nouns.empty()) {
          error("agent " + code + " has no nouns");
          break;
        }
        Agent ag;
        ag.code = code;
        ag.name = nouns[0];
        ag.where = where;
        uint32_t id = b.AddAgent(std::move(ag));
        for (const std::string& n : nouns) b.AddAgentPhrase(id, n);
        break;
      }
      case Table::kDiscards: {
        std::string_view phrase = row.Get("phrase");
        if (PhraseWords(phrase).empty()) {
          error("empty discard phrase");
          break;
        }
        b.AddDiscard({std::string(phrase), false, where});
        break;
      }
      case Table::kSynsets: {
        std::string_view name = row.Get("name");
        if (!name.empty() && name[0] == '&') name.remove_prefix(1);
        std::vector<std::string> members = SplitList(row.Get("members"));
        if (name.empty() || members.empty()) {
          error("synset needs a name and members");
          break;
        }
        Synset s;
        s.name = std::string(name);
        s.members = std::move(members);
        s.where = where;
        b.impl().synsets.push_back(std::move(s));
        break;
      }
      case Table::kPredicates:
      case Table::kWordClasses:
        break;  // Unreachable: the file is left to the event coder at its header.
    }
  }
  if (!header_done) b.Warning(file, 0, "empty table (no header row)");
}

}  // namespace annals::dict
