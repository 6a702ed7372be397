// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals analyze [INPUT...] [--date YYYY-MM-DD] --json`: reads documents (any reader format),
// runs each through the ingestion path (src/ingest/document_coder.h: annotate, code, NER, geocode,
// locate the events) and prints one JSON record per document with its entities, places, dates,
// counts, quotes and events (docs/analysis.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "annals/reader.h"
#include "commands.h"
#include "ingest/document_coder.h"

namespace annals::cli {
namespace {

class AnalyzeSink : public DocumentSink {
 public:
  AnalyzeSink(const ingest::DocumentCoder& coder, const CivilDate& fallback)
      : coder_(coder), fallback_(fallback) {}
  bool Accept(Document&& doc) override {
    Analysis a;
    if (Status st = coder_.Analyze(doc, fallback_, a); !st.ok()) {
      std::fprintf(stderr, "annals analyze: %s: %s\n", doc.id.c_str(), st.ToString().c_str());
      failed_ = true;
      return true;
    }
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
  bool failed() const { return failed_; }

 private:
  const ingest::DocumentCoder& coder_;
  CivilDate fallback_;
  bool failed_ = false;
  size_t documents_ = 0;
  bool write_failed_ = false;
};

}  // namespace

int RunAnalyze(int argc, char** argv) {
  CLI::App app{
      "Entities, places, dates, counts, quotes and events of each document; one JSON record per "
      "document",
      "annals analyze"};
  std::vector<std::string> inputs;
  std::string date_text, format_name = "auto", model_dir;
  std::vector<std::string> dict_dirs;
  bool json = false, no_dict = false;
  app.add_option("inputs", inputs, "files, directories or - (stdin; the default)");
  app.add_option("--date", date_text,
                 "article date YYYY-MM-DD for documents without one (metadata or dateline)");
  app.add_option("--format", format_name, "input format: auto, text, jsonl, html, feed, warc");
  app.add_option("--models", model_dir,
                 "model directory: tagger, parser, ner (default: see PipelineOptions)");
  app.add_option("--dict", dict_dirs, "dictionary directories (default: data/dict)");
  app.add_flag("--no-dict", no_dict,
               "no actor codes and no events (skip loading the dictionaries)");
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
  ingest::DocumentCoderOptions copt;
  copt.model_dir = model_dir;
  copt.coder.dict_dirs = dict_dirs;
  copt.code = !no_dict;
  copt.require_parser = false;
  Result<std::unique_ptr<ingest::DocumentCoder>> coder = ingest::DocumentCoder::Create(copt);
  if (!coder.ok()) {
    std::fprintf(stderr, "annals analyze: %s%s\n", coder.status().ToString().c_str(),
                 no_dict ? "" : " (use --no-dict to go without dictionaries)");
    return kExitFailure;
  }
  ReaderOptions ropt;
  ropt.format = *format;
  AnalyzeSink sink(**coder, fallback);
  Result<ReadStats> stats = ReadInputs(inputs, ropt, sink);
  std::fflush(stdout);
  if (!stats.ok()) {
    std::fprintf(stderr, "annals analyze: %s\n", stats.status().message().c_str());
    return kExitUsage;
  }
  if (sink.write_failed()) std::fprintf(stderr, "annals analyze: writing to stdout failed\n");
  return sink.documents() > 0 && !sink.failed() ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
