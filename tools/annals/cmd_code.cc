// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals code`, `annals explain` and `annals validate petrarch`: the event coder from the command
// line (include/annals/coder.h, docs/coding.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "annals/coder.h"
#include "annals/dictionary.h"
#include "annals/parser.h"
#include "annals/pipeline.h"
#include "annals/reader.h"
#include "code/petrarch_suite.h"
#include "code/pico.h"
#include "commands.h"
#include "ingest/document_coder.h"
#include "ingest/event_json.h"
#include "io/format_readers.h"
#include "nlp/conllu.h"

namespace annals::cli {
namespace {

// Text -> tagged and parsed sentences. The one place that runs the parser after the pipeline
// (to be replaced by Pipeline::Annotate once the pipeline parses).
class Annotator {
 public:
  // Annotates what is missing (segmentation, tags, parse) the way ingestion does
  // (src/ingest/document_coder.h); the models are loaded only when something is missing.
  Status Annotate(Document& doc) {
    bool complete = !doc.sentences.empty();
    for (const Sentence& s : doc.sentences) {
      for (const Word& w : s.words) {
        complete = complete && w.head >= 0 && !w.upos.empty() && !w.lemma.empty();
      }
    }
    if (complete) return Status();
    if (annotator_ == nullptr) {
      Result<std::unique_ptr<ingest::DocumentCoder>> a =
          ingest::DocumentCoder::Create({.code = false, .locate = false});
      if (!a.ok()) return a.status();
      annotator_ = std::move(*a);
    }
    return annotator_->Annotate(doc);
  }

 private:
  std::unique_ptr<ingest::DocumentCoder> annotator_;
};

std::string Codes(const std::vector<ActorRef>& v) {
  std::string s;
  for (const ActorRef& a : v) s += (s.empty() ? "" : ";") + a.code;
  return s;
}

std::string TsvClean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

bool ValidDate(const std::string& date) { return date.empty() || ParseIsoDay(date).ok(); }

class CodeSink : public DocumentSink {
 public:
  CodeSink(const EventCoder& coder, Annotator& annotator, bool tsv, bool all, bool unmatched)
      : coder_(coder), annotator_(annotator), tsv_(tsv), all_(all), unmatched_(unmatched) {}
  bool Accept(Document&& doc) override {
    ++documents_;
    if (Status st = annotator_.Annotate(doc); !st.ok()) {
      std::fprintf(stderr, "annals code: %s\n", st.ToString().c_str());
      failed_ = true;
      return false;
    }
    CodingStats stats;
    std::vector<Event> events = coder_.Code(doc, &stats);
    for (const Event& e : events) {
      if (!all_ && (e.negated || e.hypothetical)) {
        ++held_back_;
        continue;
      }
      ++written_;
      if (tsv_) {
        std::string line = TsvClean(e.document_id) + "\t" + std::to_string(e.sentence_index) +
                           "\t" + e.date + "\t" + Codes(e.sources) + "\t" + Codes(e.targets) +
                           "\t" + e.cameo + "\t" + std::to_string(e.quad_class) + "\t" +
                           std::to_string(e.goldstein) + "\t" + e.plover_event + "\t" +
                           (e.negated ? "N" : "") + (e.hypothetical ? "H" : "") +
                           (e.future ? "F" : "") + (e.reported ? "R" : "") +
                           (e.historical ? "P" : "") + "\t" + e.pattern_id + "\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
      } else {
        util::JsonOut out;
        out.BeginObject();
        ingest::WriteEventFields(out, e, doc);
        if (e.place) {
          out.Key("place").BeginObject();
          ingest::WritePlaceFields(out, *e.place);
          out.EndObject();
        }
        out.EndObject();
        std::string line = out.Take() + "\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
      }
    }
    if (unmatched_) {
      for (const UnmatchedActor& u : stats.unmatched) {
        util::JsonOut out;
        out.BeginObject().Key("unmatched");
        ingest::WriteActor(out, u.actor);
        out.Key("document_id").String(doc.id);
        out.Key("sentence").Int(u.sentence_index);
        out.Key("reason").String(u.reason);
        out.EndObject();
        std::string line = out.Take() + "\n";
        std::fwrite(line.data(), 1, line.size(), stderr);
      }
    }
    stats_.Add(stats);
    stats_.unmatched.clear();
    return true;
  }
  void OnReject(const Reject& r) override {
    std::fprintf(stderr, "annals code: %s\n", r.Message().c_str());
  }
  const CodingStats& stats() const { return stats_; }
  int64_t documents_ = 0, written_ = 0, held_back_ = 0;
  bool failed_ = false;

 private:
  const EventCoder& coder_;
  Annotator& annotator_;
  bool tsv_, all_, unmatched_;
  CodingStats stats_;
};

Result<CoderOptions::Verbs> ParseVerbs(const std::string& v) {
  if (v == "auto") return CoderOptions::Verbs::kAuto;
  if (v == "native") return CoderOptions::Verbs::kNative;
  if (v == "petrarch") return CoderOptions::Verbs::kPetrarch;
  return InvalidArgumentError("--verbs: want auto, native or petrarch, got '" + v + "'");
}

}  // namespace

int RunCode(int argc, char** argv) {
  CLI::App app{"Code events from news (any reader input) to JSONL or TSV", "annals code"};
  std::vector<std::string> inputs = {"-"}, dicts, verbs_files;
  std::string format = "auto", date, output = "jsonl", verbs = "auto";
  bool emit_unmatched = false, all = false, bare_countries = false;
  app.add_option("INPUT", inputs, "files, directories or - (stdin)");
  app.add_option("--format", format, "input format: auto, text, jsonl, html, feed, warc, conllu");
  app.add_option("--dict", dicts, "dictionary directory (repeatable; default data/dict)");
  app.add_option("--verbs-file", verbs_files,
                 "native verbs.tsv table(s) (default: verbs.tsv in "
                 "the dictionary directories)");
  app.add_option("--verbs", verbs, "verb patterns: auto, native, petrarch")->capture_default_str();
  app.add_option("--date", date, "story date YYYY-MM-DD for documents without one");
  app.add_option("--output", output, "jsonl or tsv")->capture_default_str();
  app.add_flag("--emit-unmatched", emit_unmatched,
               "write actors that took part in no event to stderr as JSONL");
  app.add_flag("--all", all, "also write negated and hypothetical events (flagged)");
  app.add_flag("--bare-countries", bare_countries,
               "code a country named as an actor by its bare code (CHN), as PETRARCH and GDELT "
               "do, not as its government (CHNGOV)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (output != "jsonl" && output != "tsv") {
    std::fprintf(stderr, "annals code: --output: want jsonl or tsv\n");
    return kExitUsage;
  }
  if (!ValidDate(date)) {
    std::fprintf(stderr, "annals code: --date: want YYYY-MM-DD, got '%s'\n", date.c_str());
    return kExitUsage;
  }
  Result<InputFormat> fmt = ParseInputFormat(format);
  Result<CoderOptions::Verbs> vs = ParseVerbs(verbs);
  if (!fmt.ok() || !vs.ok()) {
    std::fprintf(stderr, "annals code: %s\n",
                 (!fmt.ok() ? fmt.status() : vs.status()).message().c_str());
    return kExitUsage;
  }
  CoderOptions options;
  options.dict_dirs = dicts;
  options.verbs_files = verbs_files;
  options.verbs = *vs;
  options.default_date = date;
  options.collect_unmatched = emit_unmatched;
  options.country_as_government = !bare_countries;
  Result<EventCoder> coder = EventCoder::Create(options);
  if (!coder.ok()) {
    std::fprintf(stderr, "annals code: %s\n", coder.status().ToString().c_str());
    return kExitFailure;
  }
  for (const std::string& p : coder->problems()) std::fprintf(stderr, "%s\n", p.c_str());
  Annotator annotator;
  ReaderOptions ropt;
  ropt.format = *fmt;
  CodeSink sink(*coder, annotator, output == "tsv", all, emit_unmatched);
  Result<ReadStats> rs = ReadInputs(inputs, ropt, sink);
  std::fflush(stdout);
  if (!rs.ok()) {
    std::fprintf(stderr, "annals code: %s\n", rs.status().message().c_str());
    return kExitUsage;
  }
  const CodingStats& st = sink.stats();
  std::fprintf(stderr,
               "code: %lld documents, %lld sentences, %lld events written (%lld negated or "
               "hypothetical held back), %lld actor mentions in no event, %lld discarded "
               "sentences; verbs: %s (%zu patterns)\n",
               static_cast<long long>(sink.documents_), static_cast<long long>(st.sentences),
               static_cast<long long>(sink.written_), static_cast<long long>(sink.held_back_),
               static_cast<long long>(st.unmatched_actors),
               static_cast<long long>(st.discarded_sentences),
               std::string(coder->verb_source()).c_str(), coder->pattern_count());
  if (sink.failed_) return kExitFailure;
  return sink.documents_ > 0 ? kExitOk : kExitFailure;
}

int RunExplain(int argc, char** argv) {
  CLI::App app{
      "Explain how a sentence (or a short text, its sentences one document) is coded: tree, "
      "actors, patterns, events",
      "annals explain"};
  std::string sentence, date, verbs = "auto";
  std::vector<std::string> dicts, verbs_files;
  bool bare_countries = false;
  app.add_option("SENTENCE", sentence, "the text to code")->required();
  app.add_option("--date", date, "story date YYYY-MM-DD");
  app.add_option("--dict", dicts, "dictionary directory (repeatable)");
  app.add_option("--verbs-file", verbs_files, "native verbs.tsv table(s)");
  app.add_option("--verbs", verbs, "verb patterns: auto, native, petrarch")->capture_default_str();
  app.add_flag("--bare-countries", bare_countries,
               "code a country named as an actor by its bare code, not as its government");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  Result<CoderOptions::Verbs> vs = ParseVerbs(verbs);
  if (!ValidDate(date) || !vs.ok()) {
    std::fprintf(stderr, "annals explain: bad --date or --verbs\n");
    return kExitUsage;
  }
  CoderOptions options;
  options.dict_dirs = dicts;
  options.verbs_files = verbs_files;
  options.verbs = *vs;
  options.default_date = date;
  options.country_as_government = !bare_countries;
  Result<EventCoder> coder = EventCoder::Create(options);
  if (!coder.ok()) {
    std::fprintf(stderr, "annals explain: %s\n", coder.status().ToString().c_str());
    return kExitFailure;
  }
  Document doc;
  doc.id = "explain";
  doc.text = sentence;
  doc.date = date;          // --date before a date the dateline gives.
  io::AttachDateline(doc);  // "TBILISI, Dec 2 (Agency) - ...", as the readers find it.
  Annotator annotator;
  if (Status st = annotator.Annotate(doc); !st.ok()) {
    std::fprintf(stderr, "annals explain: %s\n", st.ToString().c_str());
    return kExitFailure;
  }
  std::printf("verbs: %s (%zu patterns)\n", std::string(coder->verb_source()).c_str(),
              coder->pattern_count());
  // The sentences are one document: people found by part of their name, pronouns and groups
  // ("the two leaders") resolved across them, and responses to earlier acts given their target.
  const std::vector<std::vector<ActorMatch>> actors = coder->DocumentActors(doc);
  std::vector<Event> all;
  int events = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    std::printf("\nsentence %zu: %s\n", i + 1,
                doc.text.substr(s.span.begin, s.span.size()).c_str());
    for (const Word& w : s.words) {
      std::string head = w.head > 0 && w.head <= static_cast<int>(s.words.size())
                             ? s.words[w.head - 1].form
                             : "ROOT";
      std::printf("  %2d %-16s %-12s %-6s %-12s <- %s\n", w.id, w.form.c_str(), w.lemma.c_str(),
                  w.upos.c_str(), w.deprel.c_str(), head.c_str());
    }
    CodingTrace trace;
    std::vector<Event> ev =
        coder->CodeSentence(doc, static_cast<int>(i), nullptr, &trace, &actors[i]);
    events += static_cast<int>(ev.size());
    for (const std::string& line : trace.lines) std::printf("%s\n", line.c_str());
    if (ev.empty()) std::printf("no event coded\n");
    all.insert(all.end(), ev.begin(), ev.end());
  }
  // The document-level steps: narrative dates, roles given their story's country, responses the
  // act they name.
  const std::vector<Event> before = all;
  coder->ResolveDocument(doc, actors, all);
  for (size_t k = 0; k < all.size() && k < before.size(); ++k) {
    const Event& e = all[k];
    const Event& b = before[k];
    const std::string where = "\nsentence " + std::to_string(e.sentence_index + 1) + ", '" +
                              doc.text.substr(e.predicate_span.begin, e.predicate_span.size()) +
                              "' " + e.cameo + ": ";
    for (const auto& [now, was] :
         {std::pair(&e.sources, &b.sources), std::pair(&e.targets, &b.targets)}) {
      for (size_t r = 0; r < now->size() && r < was->size(); ++r) {
        if ((*now)[r].code == (*was)[r].code) continue;
        std::printf("%s%s for '%s', a role named with no country given the story's\n",
                    where.c_str(), (*now)[r].code.c_str(), (*now)[r].text.c_str());
      }
    }
    if (e.date != b.date) {
      std::printf("%sdated %s, the day of the narrative step before it\n", where.c_str(),
                  e.date.c_str());
    }
    if (b.targets.empty() && !e.targets.empty()) {
      std::string codes;
      for (const ActorRef& r : e.targets) codes += (codes.empty() ? "" : "+") + r.code;
      std::printf("%starget %s, the source of the earlier act it names\n", where.c_str(),
                  codes.c_str());
    }
  }
  return events > 0 ? kExitOk : kExitFailure;
}

namespace {

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json ScoreJson(const code::SuiteScore& s) {
  return {{"records", s.records},
          {"exact", s.records ? static_cast<double>(s.exact) / s.records : 0.0},
          {"exact_records", s.exact},
          {"expected_events", s.expected_events},
          {"produced_events", s.produced_events},
          {"matched_events", s.matched_events},
          {"precision", s.precision()},
          {"recall", s.recall()},
          {"f1", s.f1()}};
}

std::string TripleText(const code::Triple& t) {
  return std::get<0>(t) + " " + std::get<1>(t) + " " + std::get<2>(t);
}

int RunValidatePetrarch(int argc, char** argv) {
  CLI::App app{"Score the coder on a PETRARCH validation suite", "annals validate petrarch"};
  std::string file;
  std::vector<std::string> dicts;
  bool reparse = false, json = false, verbose = false, no_require_target = false;
  app.add_option("FILE", file, "PETRARCH validation XML")->required();
  app.add_option("--dict", dicts,
                 "dictionary directory (repeatable; default: the files the suite's "
                 "<Environment> names, next to FILE)");
  app.add_flag("--reparse", reparse, "code from <Text> with our tokenizer, tagger and parser");
  app.add_flag("--json", json, "JSON output");
  app.add_flag("-v,--verbose", verbose, "list each record that is not exact, with its trace");
  app.add_flag("--no-require-dyad", no_require_target,
               "also score events without a target (PETRARCH require_dyad = false)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  Result<code::PetrarchSuite> suite = code::ReadPetrarchSuite(file);
  if (!suite.ok()) {
    std::fprintf(stderr, "annals validate petrarch: %s\n", suite.status().ToString().c_str());
    return kExitFailure;
  }
  bool conllu = false;
  for (const code::PetrarchRecord& r : suite->records) conllu = conllu || r.conllu;
  Result<Dictionary> dict = InvalidArgumentError("unset");
  std::vector<std::string> used_files;
  if (!dicts.empty()) {
    DictionaryOptions o;
    o.dirs = dicts;
    dict = Dictionary::Load(o);
    used_files = dicts;
  } else {
    std::filesystem::path dir = std::filesystem::path(file).parent_path();
    std::vector<std::pair<std::string, std::string>> files;
    for (const char* key : {"Verbfile", "Actorfile", "Agentfile", "Discardfile"}) {
      auto it = suite->environment.find(key);
      if (it == suite->environment.end() || it->second.empty()) continue;
      std::string name = it->second;
      // The UniversalPetrarch suite's expected codes follow the CAMEO 2.0 conversion of the
      // verb file; the file its <Environment> names is stale.
      if (std::string(key) == "Verbfile" && conllu) {
        std::string v2 = name.substr(0, name.rfind(".txt")) + ".2.0.txt";
        if (std::filesystem::exists(dir / v2)) name = v2;
      }
      std::filesystem::path p = dir / name;
      if (!std::filesystem::exists(p)) {
        std::fprintf(stderr, "annals validate petrarch: %s: named by <%s> but absent\n",
                     p.string().c_str(), key);
        return kExitFailure;
      }
      files.emplace_back(name, ReadFile(p));
      used_files.push_back(p.string());
    }
    dict = Dictionary::FromMemory(files);
  }
  if (!dict.ok()) {
    std::fprintf(stderr, "annals validate petrarch: %s\n", dict.status().ToString().c_str());
    return kExitFailure;
  }
  CoderOptions options;
  // PETRARCH's negation rewrite: from its internal coding ontology, when the suite ships one.
  {
    std::filesystem::path pico =
        std::filesystem::path(file).parent_path() / "PETR.Internal.Coding.Ontology.txt";
    if (std::filesystem::is_regular_file(pico)) {
      options.negated_codes = code::PicoOntology::Parse(ReadFile(pico)).NegationTable();
      used_files.push_back(pico.string());
    }
  }
  options.verbs = CoderOptions::Verbs::kPetrarch;
  options.bare_agent_prefix = "---";
  options.loose_targets = true;
  options.country_as_government = false;
  options.require_target = !no_require_target;
  Result<EventCoder> coder = EventCoder::FromDictionary(*dict, "", options);
  if (!coder.ok()) {
    std::fprintf(stderr, "annals validate petrarch: %s\n", coder.status().ToString().c_str());
    return kExitFailure;
  }
  Annotator annotator;
  code::SuiteScore total;
  std::map<std::string, code::SuiteScore> by_category;
  nlohmann::json misses = nlohmann::json::array();
  int unusable = 0;
  for (const code::PetrarchRecord& r : suite->records) {
    Document doc;
    doc.id = r.id;
    doc.date = r.date;
    if (!reparse && r.conllu) {
      std::vector<std::string> lines;
      std::istringstream in(r.parse);
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        lines.push_back(line);
      }
      Result<nlp::ConlluSentence> cs = nlp::ParseConlluBlock(lines, 1);
      if (cs.ok()) {
        doc.text = cs->text;
        cs->sentence.span = Span{0, static_cast<uint32_t>(doc.text.size())};
        doc.sentences.push_back(std::move(cs->sentence));
      } else {
        ++unusable;
      }
    } else {
      doc.text = r.text;
      if (Status st = annotator.Annotate(doc); !st.ok()) {
        std::fprintf(stderr, "annals validate petrarch: %s\n", st.ToString().c_str());
        return kExitFailure;
      }
    }
    std::vector<Event> coded;
    CodingTrace trace;
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      for (Event& e :
           coder->CodeSentence(doc, static_cast<int>(i), nullptr, verbose ? &trace : nullptr)) {
        coded.push_back(std::move(e));
      }
    }
    std::set<code::Triple> produced = code::EventTriples(coded);
    std::set<code::Triple> expected = r.expected;
    total.Add(expected, produced);
    by_category[r.category].Add(expected, produced);
    if (expected != produced) {
      nlohmann::json e = nlohmann::json::array(), p = nlohmann::json::array();
      for (const auto& t : expected) e.push_back(TripleText(t));
      for (const auto& t : produced) p.push_back(TripleText(t));
      misses.push_back({{"id", r.id}, {"expected", e}, {"produced", p}, {"trace", trace.lines}});
    }
  }
  if (json) {
    nlohmann::json out = ScoreJson(total);
    out["file"] = file;
    out["reparse"] = reparse;
    out["dictionaries"] = used_files;
    out["unusable_parses"] = unusable;
    nlohmann::json cats = nlohmann::json::object();
    for (const auto& [c, s] : by_category) cats[c] = ScoreJson(s);
    out["categories"] = cats;
    if (verbose) out["misses"] = misses;
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%-10s %7s %7s %7s %7s %7s\n", "category", "records", "exact", "prec", "recall",
                "f1");
    for (const auto& [c, s] : by_category) {
      std::printf("%-10s %7d %6.1f%% %7.3f %7.3f %7.3f\n", c.c_str(), s.records,
                  100.0 * s.exact / std::max(1, s.records), s.precision(), s.recall(), s.f1());
    }
    std::printf("%-10s %7d %6.1f%% %7.3f %7.3f %7.3f\n", "TOTAL", total.records,
                100.0 * total.exact / std::max(1, total.records), total.precision(), total.recall(),
                total.f1());
    if (verbose) {
      for (const auto& m : misses) {
        std::printf("%s: expected %s produced %s\n", m["id"].get<std::string>().c_str(),
                    m["expected"].dump().c_str(), m["produced"].dump().c_str());
        for (const auto& l : m["trace"]) std::printf("    %s\n", l.get<std::string>().c_str());
      }
    }
  }
  return kExitOk;
}

}  // namespace

int RunValidate(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "petrarch") {
    return RunValidatePetrarch(argc - 1, argv + 1);
  }
  std::fprintf(stderr,
               "usage: annals validate petrarch FILE.xml [--dict DIR]... [--reparse] "
               "[--json]\n");
  return argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")
             ? kExitOk
             : kExitUsage;
}

}  // namespace annals::cli
