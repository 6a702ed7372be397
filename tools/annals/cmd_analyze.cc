// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals analyze [INPUT...] [--date YYYY-MM-DD] --json`: reads documents (any reader format),
// annotates them (tokenize, tag, parse) and prints one JSON record per document with its dates,
// counts and quotes (docs/analysis.md; entities, places and events are empty slots for now).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"
#include "annals/extract.h"
#include "annals/reader.h"
#include "commands.h"
#include "extract/annotate.h"

namespace annals::cli {
namespace {

class AnalyzeSink : public DocumentSink {
 public:
  AnalyzeSink(const extract::Annotator& annotator, const ExtractOptions& options,
              const CivilDate& fallback)
      : annotator_(annotator), options_(options), fallback_(fallback) {}
  bool Accept(Document&& doc) override {
    annotator_.Annotate(doc);
    Analysis a = Analyze(doc, options_, fallback_);
    std::string line = AnalysisToJson(doc, a);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) {
      write_failed_ = true;
      return false;
    }
    ++documents_;
    return true;
  }
  void OnReject(const Reject& reject) override {
    std::fprintf(stderr, "annals analyze: %s\n", reject.Message().c_str());
  }
  size_t documents() const { return documents_; }
  bool write_failed() const { return write_failed_; }

 private:
  const extract::Annotator& annotator_;
  const ExtractOptions& options_;
  CivilDate fallback_;
  size_t documents_ = 0;
  bool write_failed_ = false;
};

}  // namespace

int RunAnalyze(int argc, char** argv) {
  CLI::App app{"Dates, counts and quotes of each document; one JSON record per document",
               "annals analyze"};
  std::vector<std::string> inputs;
  std::string date_text, format_name = "auto", model_dir;
  std::vector<std::string> dict_dirs;
  bool json = false, no_dict = false;
  app.add_option("inputs", inputs, "files, directories or - (stdin; the default)");
  app.add_option("--date", date_text,
                 "article date YYYY-MM-DD for documents without one (metadata or dateline)");
  app.add_option("--format", format_name, "input format: auto, text, jsonl, html, feed, warc");
  app.add_option("--models", model_dir, "model directory (default: see PipelineOptions)");
  app.add_option("--dict", dict_dirs, "dictionary directories (default: data/dict)");
  app.add_flag("--no-dict", no_dict, "no actor codes (skip loading the dictionaries)");
  app.add_flag("--json", json, "JSON lines out (the only output format)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");
  CivilDate fallback;
  if (!date_text.empty()) {
    Result<CivilDate> d = ParseIsoDate(date_text);
    if (!d.ok() || d->day == 0) {
      std::fprintf(stderr, "annals analyze: --date: want YYYY-MM-DD, got '%s'\n",
                   date_text.c_str());
      return kExitUsage;
    }
    fallback = *d;
  }
  Result<InputFormat> format = ParseInputFormat(format_name);
  if (!format.ok()) {
    std::fprintf(stderr, "annals analyze: %s\n", format.status().message().c_str());
    return kExitUsage;
  }
  Result<extract::Annotator> annotator = extract::Annotator::Create(model_dir);
  if (!annotator.ok()) {
    std::fprintf(stderr, "annals analyze: %s\n", annotator.status().ToString().c_str());
    return kExitFailure;
  }
  std::unique_ptr<ActorMatcher> matcher;
  if (!no_dict) {
    DictionaryOptions dopt;
    dopt.dirs = dict_dirs;
    Result<Dictionary> dict = Dictionary::Load(dopt);
    if (!dict.ok()) {
      std::fprintf(stderr, "annals analyze: %s (use --no-dict to go without)\n",
                   dict.status().ToString().c_str());
      return kExitFailure;
    }
    matcher = std::make_unique<ActorMatcher>(*dict);
  }
  ExtractOptions options;
  options.matcher = matcher.get();
  ReaderOptions ropt;
  ropt.format = *format;
  AnalyzeSink sink(*annotator, options, fallback);
  Result<ReadStats> stats = ReadInputs(inputs, ropt, sink);
  std::fflush(stdout);
  if (!stats.ok()) {
    std::fprintf(stderr, "annals analyze: %s\n", stats.status().message().c_str());
    return kExitUsage;
  }
  if (sink.write_failed()) std::fprintf(stderr, "annals analyze: writing to stdout failed\n");
  return sink.documents() > 0 ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
