// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "code/predicate_dictionary.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "util/text.h"

namespace annals::code {
namespace {

constexpr std::string_view kHeader[] = {"id",     "cameo",  "pos",   "lemma",  "particle",
                                        "object", "target", "flags", "example"};

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

bool ValidId(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsIdChar); }

bool ValidWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '|' || c == ',') return false;
    if (c >= 'A' && c <= 'Z') return false;
  }
  return true;
}

bool ValidCameoShape(std::string_view s) {
  return s.size() >= 2 && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "obj", "iobj", "obl:with", "nmod:on", "obj.nmod:with".
bool ParseTarget(std::string_view s, TargetPath& out) {
  out = TargetPath{};
  if (s.substr(0, 4) == "obj.") {
    out.via_object = true;
    s.remove_prefix(4);
    if (s.substr(0, 5) != "nmod:") return false;
  }
  size_t colon = s.find(':');
  std::string_view rel = s.substr(0, colon);
  std::string_view prep = colon == std::string_view::npos ? "" : s.substr(colon + 1);
  if (rel == "obj" || rel == "iobj") {
    if (!prep.empty() || out.via_object) return false;
  } else if (rel == "obl" || rel == "nmod") {
    if (!ValidWord(prep)) return false;
  } else {
    return false;
  }
  out.rel = std::string(rel);
  out.prep = std::string(prep);
  return true;
}

// A line of a table that is neither blank nor a comment, without its CR.
struct DataLine {
  int number = 0;
  std::string_view text;
};

// The data lines of a table's text; a line that is not valid UTF-8 becomes a problem of `file`
// instead.
std::vector<DataLine> DataLines(std::string_view text, const std::string& file,
                                std::vector<PredicateProblem>& problems) {
  std::vector<DataLine> out;
  int line_no = 0;
  size_t pos = 0;
  std::string_view line;
  while (util::NextLine(text, pos, line)) {
    ++line_no;
    if (util::FindInvalidUtf8(line) != std::string_view::npos) {
      problems.push_back({true, file, line_no, "invalid UTF-8; row skipped"});
      continue;
    }
    if (util::TrimAsciiSpace(line).empty() || line[0] == '#') continue;
    out.push_back({line_no, line});
  }
  return out;
}

}  // namespace

std::string TargetPath::ToString() const {
  std::string s = via_object ? "obj." : "";
  s += rel;
  if (!prep.empty()) s += ":" + prep;
  return s;
}

int PredicateRow::Specificity() const {
  return (particle.empty() ? 0 : 4) + (objects.empty() ? 0 : 2) +
         (passive_only || active_only ? 1 : 0);
}

std::string PredicateProblem::Message() const {
  return file + ":" + std::to_string(line) + ": " + (error ? "error: " : "warning: ") + message;
}

size_t PredicateDictionary::errors() const {
  return std::count_if(problems_.begin(), problems_.end(),
                       [](const PredicateProblem& p) { return p.error; });
}

PredicateDictionary PredicateDictionary::Parse(std::string_view text, std::string_view file_name,
                                               const CameoOntology* ontology) {
  PredicateDictionary d;
  std::string file(file_name);
  auto problem = [&](int line, std::string msg, bool error = true) {
    d.problems_.push_back({error, file, line, std::move(msg)});
  };
  std::unordered_set<std::string> ids;
  bool header_done = false;
  for (const DataLine& dl : DataLines(text, file, d.problems_)) {
    const int line_no = dl.number;
    std::vector<std::string_view> cells = util::Split(dl.text, '\t');
    if (!header_done) {
      header_done = true;
      bool ok = cells.size() == std::size(kHeader);
      for (size_t i = 0; ok && i < cells.size(); ++i)
        ok = util::TrimAsciiSpace(cells[i]) == kHeader[i];
      if (!ok) {
        problem(line_no,
                "bad header (want: id cameo pos lemma particle object target flags example); "
                "file skipped");
        return d;
      }
      continue;
    }
    if (cells.size() != std::size(kHeader)) {
      problem(line_no, "row has " + std::to_string(cells.size()) + " cells, want 9; row skipped");
      continue;
    }
    for (auto& c : cells) c = util::TrimAsciiSpace(c);
    PredicateRow r;
    r.file = file;
    r.line = line_no;
    std::string err;
    r.id = std::string(cells[0]);
    r.cameo = std::string(cells[1]);
    if (!ValidId(r.id)) {
      err = "bad id '" + r.id + "' (want [A-Za-z0-9_.-]+)";
    } else if (!ValidCameoShape(r.cameo)) {
      err = "bad CAMEO code '" + r.cameo + "' (want 2-4 digits)";
    } else if (ontology && !ontology->Find(r.cameo)) {
      err = "CAMEO code '" + r.cameo + "' is not in data/cameo/events.tsv";
    } else if (cells[2] != "VERB" && cells[2] != "NOUN") {
      err = "bad pos '" + std::string(cells[2]) + "' (want VERB or NOUN)";
    } else if (!ValidWord(cells[3])) {
      err = "bad lemma '" + std::string(cells[3]) + "' (one lower-case word)";
    } else if (cells[4] != "-" && !ValidWord(cells[4])) {
      err = "bad particle '" + std::string(cells[4]) + "'";
    }
    r.noun = cells[2] == "NOUN";
    r.lemma = std::string(cells[3]);
    if (cells[4] != "-") r.particle = std::string(cells[4]);
    if (err.empty() && cells[5] != "-") {
      for (std::string_view o : util::Split(cells[5], '|')) {
        if (!ValidWord(o)) {
          err = "bad object '" + std::string(cells[5]) + "' (lemmas separated by |, or -)";
          break;
        }
        r.objects.emplace_back(o);
      }
    }
    if (err.empty() && cells[6] != "-") {
      for (std::string_view t : util::Split(cells[6], ',')) {
        TargetPath p;
        if (!ParseTarget(util::TrimAsciiSpace(t), p)) {
          err = "bad target path '" + std::string(t) +
                "' (want obj, iobj, obl:PREP, nmod:PREP, obj.nmod:PREP or -)";
          break;
        }
        r.targets.push_back(std::move(p));
      }
    }
    if (err.empty() && cells[7] != "-") {
      for (std::string_view f : util::Split(cells[7], ',')) {
        f = util::TrimAsciiSpace(f);
        if (f == "passive") {
          r.passive_only = true;
        } else if (f == "active") {
          r.active_only = true;
        } else if (f == "transitive") {
          r.transitive = true;
        } else if (f == "intransitive") {
          r.intransitive = true;
        } else if (f == "negative") {
          r.negative = true;
        } else if (f == "stance") {
          r.stance = true;
        } else if (f == "addressed") {
          r.addressed = true;
        } else if (f.substr(0, 3) == "wn=" && ValidId(f.substr(3))) {
          r.wn_seed = std::string(f.substr(3));
        } else if (f.substr(0, 8) == "refusal=" && ValidCameoShape(f.substr(8))) {
          r.refusal = std::string(f.substr(8));
          if (ontology && !ontology->Find(r.refusal)) {
            err = "refusal code '" + r.refusal + "' is not in data/cameo/events.tsv";
            break;
          }
        } else {
          err = "bad flag '" + std::string(f) +
                "' (want wn=ID, passive, active, transitive, intransitive, negative, "
                "refusal=CODE, stance)";
          break;
        }
      }
      if (err.empty() && r.passive_only && r.active_only) err = "flags passive and active together";
      if (err.empty() && r.transitive && r.intransitive) {
        err = "flags transitive and intransitive together";
      }
      if (err.empty() && r.noun && (r.transitive || r.intransitive)) {
        err = "flag transitive or intransitive on a NOUN row";
      }
      if (err.empty() && r.noun && (r.stance || !r.refusal.empty())) {
        err = "flag stance or refusal on a NOUN row";
      }
    }
    if (err.empty() && cells[8] != "-") r.example = std::string(cells[8]);
    if (err.empty() && !ids.insert(r.id).second) err = "duplicate id '" + r.id + "'";
    if (!err.empty()) {
      problem(line_no, err + "; row skipped");
    } else {
      d.rows_.push_back(std::move(r));
    }
  }
  if (!header_done) problem(0, "empty table (no header row)", false);
  d.Index();
  return d;
}

Result<PredicateDictionary> PredicateDictionary::Load(const std::string& path,
                                                      const CameoOntology* ontology) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return Parse(ss.str(), path, ontology);
}

void PredicateDictionary::Merge(PredicateDictionary&& other) {
  std::unordered_set<std::string> ids;
  for (const PredicateRow& r : rows_) ids.insert(r.id);
  for (PredicateProblem& p : other.problems_) problems_.push_back(std::move(p));
  for (PredicateRow& r : other.rows_) {
    if (!ids.insert(r.id).second) {
      problems_.push_back({true, r.file, r.line, "duplicate id '" + r.id + "'; row skipped"});
      continue;
    }
    rows_.push_back(std::move(r));
  }
  Index();
}

void PredicateDictionary::Index() {
  verbs_.clear();
  nouns_.clear();
  for (size_t i = 0; i < rows_.size(); ++i) {
    (rows_[i].noun ? nouns_ : verbs_)[rows_[i].lemma].push_back(static_cast<int>(i));
  }
  for (auto* m : {&verbs_, &nouns_}) {
    for (auto& [lemma, v] : *m) {
      std::stable_sort(v.begin(), v.end(), [&](int a, int b) {
        return rows_[a].Specificity() > rows_[b].Specificity();
      });
    }
  }
}

const std::vector<int>* PredicateDictionary::Find(bool noun, std::string_view lemma) const {
  const auto& m = noun ? nouns_ : verbs_;
  auto it = m.find(std::string(lemma));
  return it == m.end() ? nullptr : &it->second;
}

const std::vector<std::string_view>& WordClasses::Names() {
  static const std::vector<std::string_view> kNames = {
      "bystander",  "speech", "cancel",      "naming", "intent", "directive", "threat", "warning",
      "commissive", "denial", "speculation", "venue",  "title",  "kin",       "patient"};
  return kNames;
}

WordClasses WordClasses::Parse(std::string_view text, std::string_view file_name) {
  constexpr std::string_view kWant[] = {"lemma", "classes", "note"};
  WordClasses d;
  std::string file(file_name);
  auto problem = [&](int line, std::string msg) {
    d.problems_.push_back({true, file, line, std::move(msg)});
  };
  std::unordered_map<std::string, int> first_line;
  bool header_done = false;
  int line_no = 0;
  for (const DataLine& dl : DataLines(text, file, d.problems_)) {
    line_no = dl.number;
    std::vector<std::string_view> cells = util::Split(dl.text, '\t');
    for (auto& c : cells) c = util::TrimAsciiSpace(c);
    if (!header_done) {
      header_done = true;
      bool ok = cells.size() == std::size(kWant);
      for (size_t i = 0; ok && i < cells.size(); ++i) ok = cells[i] == kWant[i];
      if (!ok) {
        problem(line_no, "bad header (want: lemma classes note); file skipped");
        return d;
      }
      continue;
    }
    if (cells.size() != std::size(kWant)) {
      problem(line_no, "row has " + std::to_string(cells.size()) + " cells, want 3; row skipped");
      continue;
    }
    if (!ValidWord(cells[0])) {
      problem(line_no,
              "bad lemma '" + std::string(cells[0]) + "' (one lower-case word); row skipped");
      continue;
    }
    const std::string lemma(cells[0]);
    if (auto [it, fresh] = first_line.emplace(lemma, line_no); !fresh) {
      problem(line_no, "duplicate lemma '" + lemma + "' (first on line " +
                           std::to_string(it->second) + "); row skipped");
      continue;
    }
    Change change;
    std::string err;
    for (std::string_view item : util::Split(cells[1], '|')) {
      item = util::TrimAsciiSpace(item);
      const bool remove = !item.empty() && item[0] == '-';
      if (remove) item.remove_prefix(1);
      const auto& names = Names();
      auto it = std::find(names.begin(), names.end(), item);
      if (it == names.end()) {
        err = "unknown class '" + std::string(item) + "' (want one of ";
        for (std::string_view n : names) err += std::string(n) + ", ";
        err += "or -NAME)";
        break;
      }
      const uint32_t bit = 1u << (it - names.begin());
      (remove ? change.remove : change.add) |= bit;
    }
    if (err.empty() && (change.add & change.remove) != 0) err = "a class both added and removed";
    if (!err.empty()) {
      problem(line_no, err + "; row skipped");
      continue;
    }
    d.changes_[lemma] = change;
    uint32_t& m = d.mask_[lemma];
    m = (m | change.add) & ~change.remove;
  }
  if (!header_done) problem(line_no, "no header row (want: lemma classes note)");
  return d;
}

Result<WordClasses> WordClasses::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return Parse(ss.str(), path);
}

void WordClasses::Merge(WordClasses&& other) {
  for (PredicateProblem& p : other.problems_) problems_.push_back(std::move(p));
  for (const auto& [lemma, change] : other.changes_) {
    uint32_t& m = mask_[lemma];
    m = (m | change.add) & ~change.remove;
    Change& mine = changes_[lemma];
    mine.add = (mine.add & ~change.remove) | change.add;
    mine.remove = (mine.remove & ~change.add) | change.remove;
  }
}

bool WordClasses::Has(std::string_view lemma, WordClass c) const {
  auto it = mask_.find(lemma);
  return it != mask_.end() && (it->second & static_cast<uint32_t>(c)) != 0;
}

}  // namespace annals::code
