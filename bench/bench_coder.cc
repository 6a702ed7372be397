// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Event coding speed from given parses (docs/coding.md): items = sentences, one core.
//
//   BM_CodePetrarchSuite  the UniversalPetrarch unit-test sentences (CoNLL-U parses from
//                         ../shared/data/petrarch-unit-tests/universalpetrarch) coded with the
//                         suite's own dictionaries and PETR.Validate.verbs.2.0.txt.
//   BM_CodeNative         the same parsed sentences coded with data/dict (our actor dictionaries)
//                         and the test predicate table src/code/testdata/verbs.tsv.
//   BM_CodeRawEwtDev      raw text -> events: the `# text` lines of UD English EWT dev, one
//                         document per `# newdoc`, segmented, tokenized, tagged, parsed and coded
//                         with our default dictionaries, as `annals code` does (models loaded
//                         once, outside the timing). Skips when ../shared is absent.
//   BM_CodeRawSamples     the same over the plain-text articles of samples/text (news we wrote).
// The first two skip (with a message) when ../shared is absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annals/coder.h"
#include "code/petrarch_suite.h"
#include "ingest/document_coder.h"
#include "nlp/conllu.h"

namespace {

std::string Root() {
  const char* env = std::getenv("ANNALS_SOURCE_DIR");
  if (env && *env) return env;
#ifdef ANNALS_SOURCE_DIR
  return ANNALS_SOURCE_DIR;
#else
  return ".";
#endif
}

std::string SuiteDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  std::string shared = env && *env ? env : Root() + "/../shared";
  return shared + "/data/petrarch-unit-tests/universalpetrarch";
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<annals::Document> SuiteDocuments() {
  std::vector<annals::Document> docs;
  auto suite = annals::code::ReadPetrarchSuite(
      SuiteDir() + "/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml");
  if (!suite.ok()) return docs;
  for (const auto& r : suite->records) {
    std::vector<std::string> lines;
    std::istringstream in(r.parse);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
    }
    auto cs = annals::nlp::ParseConlluBlock(lines, 1);
    if (!cs.ok()) continue;
    annals::Document d;
    d.id = r.id;
    d.date = r.date;
    d.text = cs->text;
    cs->sentence.span = {0, static_cast<uint32_t>(d.text.size())};
    d.sentences.push_back(std::move(cs->sentence));
    docs.push_back(std::move(d));
  }
  return docs;
}

void Run(benchmark::State& state, const annals::EventCoder& coder,
         const std::vector<annals::Document>& docs) {
  int64_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (const annals::Document& d : docs) {
      std::vector<annals::Event> e = coder.Code(d);
      events += static_cast<int64_t>(e.size());
      benchmark::DoNotOptimize(e.data());
      ++sentences;
    }
  }
  state.SetItemsProcessed(sentences);
  state.counters["events_per_sentence"] =
      sentences ? static_cast<double>(events) / static_cast<double>(sentences) : 0;
}

void BM_CodePetrarchSuite(benchmark::State& state) {
  std::vector<annals::Document> docs = SuiteDocuments();
  if (docs.empty()) {
    state.SkipWithError("../shared/data/petrarch-unit-tests absent");
    return;
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* f : {"PETR.Validate.verbs.2.0.txt", "PETR.Validate.actors.txt",
                        "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"}) {
    files.emplace_back(f, ReadAll(SuiteDir() + "/" + f));
  }
  annals::Dictionary dict = annals::Dictionary::FromMemory(files);
  annals::CoderOptions o;
  o.verbs = annals::CoderOptions::Verbs::kPetrarch;
  o.bare_agent_prefix = "---";
  o.loose_targets = true;
  o.require_target = true;
  auto coder = annals::EventCoder::FromDictionary(dict, "", o);
  if (!coder.ok()) {
    state.SkipWithError(coder.status().ToString().c_str());
    return;
  }
  Run(state, *coder, docs);
}
BENCHMARK(BM_CodePetrarchSuite)->Unit(benchmark::kMillisecond);

void BM_CodeNative(benchmark::State& state) {
  std::vector<annals::Document> docs = SuiteDocuments();
  if (docs.empty()) {
    state.SkipWithError("../shared/data/petrarch-unit-tests absent");
    return;
  }
  annals::DictionaryOptions d;
  d.dirs = {Root() + "/data/dict"};
  auto dict = annals::Dictionary::Load(d);
  if (!dict.ok()) {
    state.SkipWithError(dict.status().ToString().c_str());
    return;
  }
  auto coder = annals::EventCoder::FromDictionary(
      *dict, ReadAll(Root() + "/src/code/testdata/verbs.tsv"), {});
  if (!coder.ok()) {
    state.SkipWithError(coder.status().ToString().c_str());
    return;
  }
  Run(state, *coder, docs);
}
BENCHMARK(BM_CodeNative)->Unit(benchmark::kMillisecond);

// Raw-text documents -> events with the ingestion path (ingest::DocumentCoder, which `annals code`
// uses for text): every iteration codes fresh copies of the documents.
void RunRaw(benchmark::State& state, const std::vector<annals::Document>& docs) {
  if (docs.empty()) {
    state.SkipWithError("no input documents (../shared absent?)");
    return;
  }
  auto coder =
      annals::ingest::DocumentCoder::Create({.model_dir = Root() + "/models",
                                             .coder = {.dict_dirs = {Root() + "/data/dict"}},
                                             .locate = false});
  if (!coder.ok()) {
    state.SkipWithError(coder.status().ToString().c_str());
    return;
  }
  int64_t sentences = 0, words = 0, events = 0;
  for (auto _ : state) {
    for (const annals::Document& original : docs) {
      annals::Document d = original;
      std::vector<annals::Event> e;
      annals::Status st = (*coder)->Process(d, e);
      if (!st.ok()) {
        state.SkipWithError(st.ToString().c_str());
        return;
      }
      sentences += static_cast<int64_t>(d.sentences.size());
      for (const annals::Sentence& s : d.sentences) words += static_cast<int64_t>(s.words.size());
      events += static_cast<int64_t>(e.size());
      benchmark::DoNotOptimize(e.data());
    }
  }
  state.SetItemsProcessed(sentences);
  state.counters["words_per_second"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["events_per_sentence"] =
      sentences ? static_cast<double>(events) / static_cast<double>(sentences) : 0;
}

void BM_CodeRawEwtDev(benchmark::State& state) {
  const char* env = std::getenv("ANNALS_SHARED");
  std::string shared = env && *env ? env : Root() + "/../shared";
  std::ifstream in(shared + "/data/ud-english-ewt/dev.conllu");
  std::vector<annals::Document> docs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 || docs.empty()) {
      docs.emplace_back();
      docs.back().id = "ewt-dev-" + std::to_string(docs.size());
      docs.back().date = "2025-01-01";
    }
    if (line.rfind("# text = ", 0) == 0) docs.back().text += line.substr(9) + "\n";
  }
  std::erase_if(docs, [](const annals::Document& d) { return d.text.empty(); });
  RunRaw(state, docs);
}
BENCHMARK(BM_CodeRawEwtDev)->Unit(benchmark::kMillisecond);

void BM_CodeRawSamples(benchmark::State& state) {
  std::vector<annals::Document> docs;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(Root() + "/samples/text")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    annals::Document d;
    d.id = f.filename().string();
    d.date = f.filename().string().substr(0, 10);
    d.text = ReadAll(f.string());
    docs.push_back(std::move(d));
  }
  RunRaw(state, docs);
}
BENCHMARK(BM_CodeRawSamples)->Unit(benchmark::kMillisecond);

}  // namespace
