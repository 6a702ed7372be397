// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Dictionary: loading directories, the builder, code resolution by date.
#include "annals/dictionary.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "dict/dict_impl.h"
#include "io/byte_source.h"
#include "util/text.h"

namespace annals {
namespace {

constexpr std::array<std::pair<ActorKind, std::string_view>, 11> kKindNames = {{
    {ActorKind::kCountry, "country"},
    {ActorKind::kPerson, "person"},
    {ActorKind::kIgo, "igo"},
    {ActorKind::kNgo, "ngo"},
    {ActorKind::kCompany, "company"},
    {ActorKind::kArmedGroup, "armed_group"},
    {ActorKind::kIntelligence, "intelligence"},
    {ActorKind::kMedia, "media"},
    {ActorKind::kParty, "party"},
    {ActorKind::kGovernmentBody, "government_body"},
    {ActorKind::kOther, "other"},
}};

// One-word names that are also English function words (or, like "UN", the end of a Korean name):
// they match only written all upper-case.
bool IsFunctionWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "UN", "A",  "AM",  "AN", "AND", "ARE", "AS", "AT",  "BE",  "BY",  "DO",  "FOR", "GO", "HE",
      "HI", "I",  "IF",  "IN", "IS",  "IT",  "ME", "MY",  "NO",  "NOT", "OF",  "OH",  "OK", "ON",
      "OR", "SO", "THE", "TO", "UP",  "US",  "WE", "WHO", "YES", "OUR", "ALL", "ONE"};
  return kWords.count(w) > 0;
}

// One-word names that are months or modal verbs: never a name on their own.
bool IsNeverAlone(std::string_view w) {
  static const std::set<std::string_view> kWords = {"MAY",    "MARCH", "APRIL", "JUNE", "JULY",
                                                    "AUGUST", "WILL",  "CAN",   "MUST", "SHALL",
                                                    "SAID",   "SAYS",  "NEW"};
  return kWords.count(w) > 0;
}

std::string ExecutableDir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return exe.parent_path().string();
}

}  // namespace

std::string_view ActorKindName(ActorKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "other";
}

std::optional<ActorKind> ParseActorKind(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string DictionaryProblem::Message() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

std::string DefaultDictionaryDirectory() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("ANNALS_DICT_DIR"); env && *env) candidates.push_back(env);
  if (const char* env = std::getenv("ANNALS_SOURCE_DIR"); env && *env) {
    candidates.push_back(std::string(env) + "/data/dict");
  }
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    candidates.push_back(exe + "/../share/annals/dict");
    candidates.push_back(exe + "/data/dict");
  }
#ifdef ANNALS_SOURCE_DIR
  candidates.push_back(std::string(ANNALS_SOURCE_DIR) + "/data/dict");
#endif
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (std::filesystem::is_directory(c, ec)) return c;
  }
  return candidates.empty() ? std::string("data/dict") : candidates.back();
}

Dictionary::Dictionary(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Dictionary::~Dictionary() = default;

const std::vector<Actor>& Dictionary::actors() const { return impl_->actors; }
const std::vector<Agent>& Dictionary::agents() const { return impl_->agents; }
const std::vector<Discard>& Dictionary::discards() const { return impl_->discards; }
const std::vector<Synset>& Dictionary::synsets() const { return impl_->synsets; }
const std::vector<IssuePhrase>& Dictionary::issues() const { return impl_->issues; }
const VerbDictionary& Dictionary::verbs() const { return impl_->verbs; }
const std::vector<std::pair<std::string, std::string>>& Dictionary::internal_codes() const {
  return impl_->internal_codes;
}
const std::vector<std::pair<std::string, std::vector<std::string>>>& Dictionary::word_lists()
    const {
  return impl_->word_lists;
}
const std::vector<std::string>& Dictionary::files() const { return impl_->files; }
const std::vector<DictionaryProblem>& Dictionary::problems() const { return impl_->problems; }

std::string Dictionary::Where(const SourceRef& ref) const {
  std::string f = ref.file < impl_->files.size() ? impl_->files[ref.file] : "?";
  return f + ":" + std::to_string(ref.line);
}

DictionaryCounts Dictionary::counts() const {
  DictionaryCounts c;
  c.files = impl_->files.size();
  c.actors = impl_->actors.size();
  c.aliases = impl_->aliases;
  c.agents = impl_->agents.size();
  c.agent_phrases = impl_->agent_phrases;
  c.discards = impl_->discards.size();
  c.issues = impl_->issues.size();
  c.synsets = impl_->synsets.size();
  c.verb_classes = impl_->verbs.classes.size();
  for (const VerbClass& v : impl_->verbs.classes) {
    c.verbs += v.verbs.size();
    c.patterns += v.patterns.size();
  }
  c.transformations = impl_->verbs.transformations.size();
  for (const DictionaryProblem& p : impl_->problems) {
    (p.severity == DictionaryProblem::Severity::kError ? c.errors : c.warnings)++;
  }
  return c;
}

Dictionary::ResolvedCodes Dictionary::Resolve(const Actor& actor, std::optional<int32_t> day) {
  ResolvedCodes r;
  auto add = [&](const std::string& code) {
    if (std::find(r.codes.begin(), r.codes.end(), code) == r.codes.end()) r.codes.push_back(code);
  };
  if (day) {
    // A period nested inside another one that also covers the day overrides it (PETRARCH:
    // "[ORCHOB 20100109-20100112]" within "[HOBMIL 20080120-20121109]").
    auto nested_in = [](const DatedCode& inner, const DatedCode& outer) {
      return outer.from <= inner.from && inner.until <= outer.until &&
             (outer.from != inner.from || outer.until != inner.until);
    };
    for (const DatedCode& c : actor.codes) {
      if (!c.dated() || !c.Covers(*day)) continue;
      // On a handover day, where one period ends and the next begins ("until 2025-06-04",
      // "from 2025-06-04"), the new role is in force: news of that day reports its first acts.
      bool overridden = std::any_of(actor.codes.begin(), actor.codes.end(), [&](const auto& o) {
        return o.dated() && o.Covers(*day) &&
               (nested_in(o, c) || (c.until == *day && o.from == *day && c.from < *day));
      });
      if (!overridden) add(c.code);
    }
    if (!r.codes.empty()) {
      r.how = "date";
      return r;
    }
  }
  for (const DatedCode& c : actor.codes) {
    if (!c.dated()) add(c.code);
  }
  if (!r.codes.empty()) {
    r.how = "default";
    return r;
  }
  if (!day) {
    // Unknown date: the period that started last (ties: the later in file order).
    const DatedCode* latest = nullptr;
    for (const DatedCode& c : actor.codes) {
      if (!latest || c.from >= latest->from) latest = &c;
    }
    if (latest) {
      for (const DatedCode& c : actor.codes) {
        if (c.from == latest->from) add(c.code);
      }
      r.how = "latest";
    }
    return r;
  }
  // No period covers the day: the country the entry's codes share, if they share one.
  std::string country;
  for (const DatedCode& c : actor.codes) {
    if (c.code.size() < 3) return r;
    std::string prefix = c.code.substr(0, 3);
    if (country.empty()) {
      country = prefix;
    } else if (country != prefix) {
      return r;
    }
  }
  if (!country.empty()) {
    r.codes.push_back(country);
    r.how = "country";
  }
  return r;
}

Dictionary Dictionary::FromMemory(const std::vector<std::pair<std::string, std::string>>& files) {
  dict::Builder b;
  for (const auto& [name, text] : files) {
    std::string base = std::filesystem::path(name).filename().string();
    dict::FileFormat format = dict::FormatForFileName(base);
    if (format == dict::FileFormat::kSkip) continue;
    uint32_t file = b.AddFile(name);
    dict::ReadFile(text, file, format, base, b);
  }
  return Dictionary(b.Take());
}

Result<Dictionary> Dictionary::Load(const DictionaryOptions& options) {
  std::vector<std::string> dirs = options.dirs;
  if (dirs.empty()) dirs.push_back(DefaultDictionaryDirectory());
  dict::Builder b;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      return NotFoundError("dictionary directory not found: " + dir);
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      if (!entry.is_regular_file(ec)) continue;
      paths.push_back(entry.path());
    }
    if (ec) return IoError("cannot list " + dir + ": " + ec.message());
    std::sort(paths.begin(), paths.end());
    size_t before = b.impl().files.size();
    for (const auto& path : paths) {
      std::string base = path.filename().string();
      dict::FileFormat format = dict::FormatForFileName(base);
      if (format == dict::FileFormat::kSkip) continue;
      uint32_t file = b.AddFile(path.string());
      Result<std::unique_ptr<io::ByteSource>> src = io::OpenFileSource(path.string());
      if (!src.ok()) {
        b.Error(file, 0, "cannot open: " + src.status().message());
        continue;
      }
      Result<std::string> text = io::ReadAll(**src, options.max_file_bytes);
      if (!text.ok()) {
        b.Error(file, 0, "cannot read: " + text.status().message());
        continue;
      }
      dict::ReadFile(*text, file, format, base, b);
    }
    if (b.impl().files.size() == before) {
      return NotFoundError("no dictionary files in " + dir +
                           " (want *.tsv, *actors*.txt, *agents*.txt, *verbs*.txt, ...)");
    }
  }
  return Dictionary(b.Take());
}

}  // namespace annals

namespace annals::dict {

uint32_t Builder::AddFile(std::string path) {
  impl_->files.push_back(std::move(path));
  return static_cast<uint32_t>(impl_->files.size() - 1);
}

void Builder::Error(uint32_t file, uint64_t line, std::string message) {
  impl_->problems.push_back(
      {DictionaryProblem::Severity::kError, impl_->files[file], line, std::move(message)});
}

void Builder::Warning(uint32_t file, uint64_t line, std::string message) {
  impl_->problems.push_back(
      {DictionaryProblem::Severity::kWarning, impl_->files[file], line, std::move(message)});
}

uint32_t Builder::AddActor(Actor actor) {
  impl_->actors.push_back(std::move(actor));
  return static_cast<uint32_t>(impl_->actors.size() - 1);
}

bool Builder::AddActorAlias(uint32_t actor, std::string_view phrase) {
  std::vector<std::string> words = PhraseWords(phrase);
  if (words.empty()) return false;
  Sense s;
  s.kind = Sense::kActor;
  s.index = actor;
  s.flags = Sense::kNeedsUpper;
  if (words.size() == 1) {
    if (IsFunctionWord(words[0])) s.flags |= Sense::kAllCaps;
    if (IsNeverAlone(words[0])) s.flags |= Sense::kNotAlone;
  }
  if (impl_->index.Add(words, s)) ++impl_->aliases;
  // "Kim Jong-Un" (KIM JONG - UN) is also found as "Kim Jong Un": a variant without the hyphens.
  std::vector<std::string> split;
  for (const std::string& w : words) {
    if (w != "-") split.push_back(w);
  }
  if (split.size() < words.size() && impl_->index.Add(split, s)) ++impl_->aliases;
  return true;
}

uint32_t Builder::AddAgent(Agent agent) {
  impl_->agents.push_back(std::move(agent));
  return static_cast<uint32_t>(impl_->agents.size() - 1);
}

bool Builder::AddAgentPhrase(uint32_t agent, std::string_view phrase) {
  std::vector<std::string> words = PhraseWords(phrase);
  if (words.empty()) return false;
  Sense s;
  s.kind = Sense::kAgent;
  s.index = agent;
  if (impl_->index.Add(words, s)) ++impl_->agent_phrases;
  return true;
}

void Builder::AddDiscard(Discard discard) {
  std::vector<std::string> words = PhraseWords(discard.phrase);
  uint32_t index = static_cast<uint32_t>(impl_->discards.size());
  impl_->discards.push_back(std::move(discard));
  Sense s;
  s.kind = Sense::kDiscard;
  s.index = index;
  impl_->index.Add(words, s);
}

FileFormat FormatForFileName(std::string_view file_name) {
  std::string lower = util::AsciiLower(file_name);
  auto has = [&](std::string_view s) { return lower.find(s) != std::string::npos; };
  auto ends = [&](std::string_view s) {
    return lower.size() >= s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0;
  };
  if (lower.empty() || lower[0] == '.') return FileFormat::kSkip;
  if (ends(".tsv")) return FileFormat::kNative;
  if (!ends(".txt")) return FileFormat::kSkip;
  if (has("actors")) return FileFormat::kActors;
  if (has("agents")) return FileFormat::kAgents;
  if (has("discards")) return FileFormat::kDiscards;
  if (has("verbs") || lower.rfind("cameo", 0) == 0) return FileFormat::kVerbs;
  if (has("issue")) return FileFormat::kIssues;
  if (has("ontology")) return FileFormat::kOntology;
  if (has("prepositions")) return FileFormat::kWordList;
  if (has("readme") || has("license") || has("licence")) return FileFormat::kSkip;
  return FileFormat::kUnknownText;
}

void ReadFile(std::string_view text, uint32_t file, FileFormat format, std::string_view file_name,
              Builder& b) {
  switch (format) {
    case FileFormat::kSkip:
      return;
    case FileFormat::kUnknownText:
      b.Warning(file, 0,
                "not a recognised dictionary file name (see docs/dictionaries.md); skipped");
      return;
    case FileFormat::kNative:
      ReadNativeTable(text, file, b);
      return;
    case FileFormat::kActors:
      ReadPetrarchActors(text, file, b);
      return;
    case FileFormat::kAgents:
      ReadPetrarchAgents(text, file, b);
      return;
    case FileFormat::kDiscards:
      ReadPetrarchDiscards(text, file, b);
      return;
    case FileFormat::kVerbs:
      ReadPetrarchVerbs(text, file, b);
      return;
    case FileFormat::kIssues:
      ReadPetrarchIssues(text, file, b);
      return;
    case FileFormat::kOntology:
      ReadPetrarchOntology(text, file, b);
      return;
    case FileFormat::kWordList: {
      std::string stem(file_name);
      if (size_t dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
      ReadWordList(text, file, stem, b);
      return;
    }
  }
}

std::string CleanLine(std::string_view line, uint32_t file, uint64_t line_no, Builder& b) {
  std::string out;
  out.reserve(line.size());
  for (char ch : line) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "stray control byte 0x%02X removed", c);
      b.Warning(file, line_no, buf);
      continue;
    }
    out.push_back(ch);
  }
  if (size_t n = util::RepairUtf8(out); n > 0) {
    b.Warning(file, line_no, "invalid UTF-8 (" + std::to_string(n) + " sequence(s) replaced)");
  }
  return out;
}

}  // namespace annals::dict
