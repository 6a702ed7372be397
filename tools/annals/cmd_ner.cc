// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Named entities on the command line:
//   annals ner [FILE...|-] [--models DIR] [--model FILE]      text in, one JSON line per entity
//   annals train ner --train FILE... [--dev FILE] -o FILE      (kind of `annals train`)
//   annals eval ner --gold FILE [--format iob2|conll] [--json] (kind of `annals eval`)
// Gold and training files are IOB2 (Universal NER) or CoNLL columns (src/nlp/ner/iob.h); their
// words are tagged by the pipeline's tagger before features are computed, as at run time.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/ner.h"
#include "annals/pipeline.h"
#include "commands.h"
#include "io/byte_source.h"
#include "nlp/ner/iob.h"
#include "util/paths.h"

namespace annals::cli {
namespace {

// Reads an entity corpus into examples whose words the pipeline has tagged.
bool ReadExamples(const char* cmd, const std::string& path, nlp::ner::IobFormat format,
                  const Pipeline& pipeline, std::vector<NerExample>& out) {
  Status st = nlp::ner::ReadIobFile(
      path, format,
      [&](nlp::ner::LabeledSentence&& ls) {
        NerExample ex;
        ex.sentence = std::move(ls.sentence);
        pipeline.AnnotateSentence(ex.sentence);
        for (const nlp::ner::Chunk& c : ls.chunks) {
          Entity e;
          e.type = c.type;
          e.first_word = c.first;
          e.last_word = c.last;
          ex.entities.push_back(std::move(e));
        }
        out.push_back(std::move(ex));
      },
      [&](const std::string& message) {
        std::fprintf(stderr, "%s: %s (sentence skipped)\n", cmd, message.c_str());
      });
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, st.ToString().c_str());
    return false;
  }
  return true;
}

Result<Pipeline> TaggingPipeline(const std::string& model_dir) {
  PipelineOptions options;
  options.model_dir = model_dir;
  return Pipeline::Create(options);
}

std::string ModelPath(const std::string& model, const std::string& model_dir) {
  if (!model.empty()) return model;
  return (model_dir.empty() ? Pipeline::DefaultModelDir() : model_dir) + "/ner.model";
}

double Percent(double v) { return std::round(v * 10000.0) / 100.0; }

}  // namespace

int RunTrainNer(int argc, char** argv) {
  const char* cmd = "annals train ner";
  CLI::App app{"Train the named-entity recognizer from IOB2/CoNLL files", cmd};
  std::vector<std::string> train_paths;
  std::string dev_path, out_path, model_dir, format_name = "auto", gazetteer_dir;
  bool no_gazetteer = false, one_direction = false;
  int main_files = 1, repeat_main = 1;
  NerTrainOptions options;
  app.add_option("--train", train_paths, "training files (IOB2 or CoNLL columns)")->required();
  app.add_option("--dev", dev_path, "development file, scored after every epoch");
  app.add_option("-o,--output", out_path, "model file to write")->required();
  app.add_option("--format", format_name, "input format: auto, iob2 or conll")
      ->capture_default_str();
  app.add_option("--models", model_dir, "directory of the tagger model used to tag the words");
  app.add_option("--epochs", options.epochs, "passes over the training data")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--seed", options.seed, "seed of the per-epoch shuffle")->capture_default_str();
  app.add_option("--prune", options.prune_below, "drop averaged weights below this")
      ->capture_default_str();
  app.add_option("--gazetteer", gazetteer_dir,
                 "directory with the actor dictionaries (default: data/dict)");
  app.add_flag("--no-gazetteer", no_gazetteer, "train without gazetteer features");
  app.add_option("--main-files", main_files,
                 "how many of the first --train files are the main domain (see --repeat-main)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  app.add_option("--repeat-main", repeat_main,
                 "visit the sentences of the main-domain files this many times per epoch")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  app.add_option("--places", options.places_path,
                 "the geocoder's gazetteer file (build/data/geo/gazetteer.tsv): its place and "
                 "division names become gazetteer features");
  app.add_option("--min-place-population", options.min_place_population,
                 "only places with at least this many people")
      ->capture_default_str();
  app.add_flag("--one-direction", one_direction, "left-to-right model only");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  Result<nlp::ner::IobFormat> format = nlp::ner::ParseIobFormat(format_name);
  if (!format.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, format.status().ToString().c_str());
    return kExitUsage;
  }
  options.bidirectional = !one_direction;
  if (!no_gazetteer) {
    if (gazetteer_dir.empty()) {
      Result<std::string> dir = util::FindDataPath("data/dict");
      if (!dir.ok()) {
        std::fprintf(stderr, "%s: %s\n", cmd, dir.status().ToString().c_str());
        return kExitFailure;
      }
      gazetteer_dir = *dir;
    }
    options.gazetteer_dir = gazetteer_dir;
  }
  auto start = std::chrono::steady_clock::now();
  Result<Pipeline> pipeline = TaggingPipeline(model_dir);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, pipeline.status().ToString().c_str());
    return kExitFailure;
  }
  std::vector<NerExample> train, dev;
  for (size_t k = 0; k < train_paths.size(); ++k) {
    size_t before = train.size();
    if (!ReadExamples(cmd, train_paths[k], *format, *pipeline, train)) return kExitFailure;
    if (k < static_cast<size_t>(main_files)) {
      for (size_t s = before; s < train.size(); ++s) train[s].repeat = repeat_main;
    }
  }
  if (!dev_path.empty() && !ReadExamples(cmd, dev_path, *format, *pipeline, dev)) {
    return kExitFailure;
  }
  std::fprintf(stderr, "%s: %zu training sentences, %zu dev sentences (tagged in %.1f s)\n", cmd,
               train.size(), dev.size(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  options.log = [cmd](const std::string& line) {
    std::fprintf(stderr, "%s: %s\n", cmd, line.c_str());
  };
  Result<EntityRecognizer> ner = EntityRecognizer::Train(train, dev, options);
  if (!ner.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, ner.status().ToString().c_str());
    return kExitFailure;
  }
  Status st = ner->Save(out_path);
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, st.ToString().c_str());
    return kExitFailure;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "%s: wrote %s (%zu bytes) in %.1f s\n", cmd, out_path.c_str(),
               ner->bytes().size(), secs);
  return kExitOk;
}

// One JSON line for a sentence whose system chunks differ from the gold ones: its words, the gold
// chunks the system missed and the system chunks that are not gold, each as [type, first, last,
// text].
void WriteNerErrors(std::FILE* out, const nlp::ner::LabeledSentence& ls,
                    const std::vector<nlp::ner::Chunk>& system) {
  auto missing_from = [](const std::vector<nlp::ner::Chunk>& a,
                         const std::vector<nlp::ner::Chunk>& b) {
    std::vector<nlp::ner::Chunk> out;
    for (const nlp::ner::Chunk& c : a) {
      if (std::find(b.begin(), b.end(), c) == b.end()) out.push_back(c);
    }
    return out;
  };
  const std::vector<nlp::ner::Chunk> missed = missing_from(ls.chunks, system);
  const std::vector<nlp::ner::Chunk> spurious = missing_from(system, ls.chunks);
  if (missed.empty() && spurious.empty()) return;
  const std::vector<Word>& ws = ls.sentence.words;
  auto chunks = [&](const std::vector<nlp::ner::Chunk>& cs) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const nlp::ner::Chunk& c : cs) {
      std::string text;
      for (int i = c.first; i <= c.last && i < static_cast<int>(ws.size()); ++i) {
        if (!text.empty()) text += ' ';
        text += ws[i].form;
      }
      a.push_back({c.type, c.first, c.last, text});
    }
    return a;
  };
  nlohmann::ordered_json j;
  nlohmann::ordered_json words = nlohmann::ordered_json::array();
  for (const Word& w : ws) words.push_back(w.form);
  j["words"] = words;
  j["missed"] = chunks(missed);
  j["spurious"] = chunks(spurious);
  std::fprintf(out, "%s\n",
               j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

int RunEvalNer(int argc, char** argv) {
  const char* cmd = "annals eval ner";
  CLI::App app{"Score the named-entity recognizer against gold IOB2/CoNLL (exact span and type)",
               "annals eval ner"};
  std::string gold_path, format_name = "auto", model_dir, model, errors_path;
  bool json = false;
  app.add_option("--gold", gold_path, "gold file (IOB2 or CoNLL columns)")->required();
  app.add_option("--errors", errors_path,
                 "write one JSON line per sentence where the system's entities differ from the "
                 "gold ones (words, missed, spurious)");
  app.add_option("--format", format_name, "gold format: auto, iob2 or conll")
      ->capture_default_str();
  app.add_flag("--json", json, "print one JSON object");
  app.add_option("--models", model_dir, "model directory (tagger.model, ner.model)");
  app.add_option("--model", model, "NER model file (default: ner.model in the model directory)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  Result<nlp::ner::IobFormat> format = nlp::ner::ParseIobFormat(format_name);
  if (!format.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, format.status().ToString().c_str());
    return kExitUsage;
  }
  Result<Pipeline> pipeline = TaggingPipeline(model_dir);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, pipeline.status().ToString().c_str());
    return kExitFailure;
  }
  Result<EntityRecognizer> ner = EntityRecognizer::Load(ModelPath(model, model_dir));
  if (!ner.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, ner.status().ToString().c_str());
    return kExitFailure;
  }
  std::vector<nlp::ner::LabeledSentence> gold;
  size_t bad = 0;
  Status st = nlp::ner::ReadIobFile(
      gold_path, *format, [&](nlp::ner::LabeledSentence&& ls) { gold.push_back(std::move(ls)); },
      [&](const std::string& message) {
        ++bad;
        std::fprintf(stderr, "%s: %s (sentence skipped)\n", cmd, message.c_str());
      });
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, st.ToString().c_str());
    return kExitFailure;
  }
  if (gold.empty()) {
    std::fprintf(stderr, "%s: %s: no sentences could be read\n", cmd, gold_path.c_str());
    return kExitFailure;
  }
  std::FILE* errors = nullptr;
  if (!errors_path.empty()) {
    errors = std::fopen(errors_path.c_str(), "w");
    if (errors == nullptr) {
      std::fprintf(stderr, "%s: %s: cannot write\n", cmd, errors_path.c_str());
      return kExitFailure;
    }
  }
  nlp::ner::NerScores scores;
  size_t words = 0;
  double ner_seconds = 0;
  for (nlp::ner::LabeledSentence& ls : gold) {
    pipeline->AnnotateSentence(ls.sentence);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Entity> found = ner->Recognize(ls.sentence);
    ner_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    words += ls.sentence.words.size();
    std::vector<nlp::ner::Chunk> system;
    for (const Entity& e : found) system.push_back({e.type, e.first_word, e.last_word});
    scores.Add(ls.chunks, system);
    if (errors != nullptr) WriteNerErrors(errors, ls, system);
  }
  if (errors != nullptr && std::fclose(errors) != 0) {
    std::fprintf(stderr, "%s: %s: cannot write\n", cmd, errors_path.c_str());
    return kExitFailure;
  }
  double wps = ner_seconds > 0 ? static_cast<double>(words) / ner_seconds : 0;
  if (json) {
    nlohmann::ordered_json j;
    j["gold"] = gold_path;
    j["precision"] = Percent(scores.all.Precision());
    j["recall"] = Percent(scores.all.Recall());
    j["f1"] = Percent(scores.all.F1());
    j["gold_entities"] = scores.all.gold;
    j["system_entities"] = scores.all.system;
    j["correct"] = scores.all.correct;
    nlohmann::ordered_json types = nlohmann::ordered_json::object();
    for (const auto& [type, c] : scores.by_type) {
      types[type] = {{"precision", Percent(c.Precision())},
                     {"recall", Percent(c.Recall())},
                     {"f1", Percent(c.F1())},
                     {"gold", c.gold},
                     {"system", c.system}};
    }
    j["by_type"] = types;
    j["sentences"] = gold.size();
    j["words"] = words;
    j["words_per_sec"] = std::round(wps);
    j["skipped_sentences"] = bad;
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf("%-6s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "f1", "gold",
                "system");
    auto row = [](const std::string& name, const nlp::ner::PrfCounts& c) {
      std::printf("%-6s %9.2f %9.2f %9.2f %7zu %7zu\n", name.c_str(), 100 * c.Precision(),
                  100 * c.Recall(), 100 * c.F1(), c.gold, c.system);
    };
    for (const auto& [type, c] : scores.by_type) row(type, c);
    row("all", scores.all);
    if (wps > 0) std::printf("words/s %.0f (entity recognition only)\n", wps);
  }
  return kExitOk;
}

int RunNer(int argc, char** argv) {
  const char* cmd = "annals ner";
  CLI::App app{"Find named entities in text; one JSON object per entity", cmd};
  std::vector<std::string> inputs;
  std::string model_dir, model;
  app.add_option("inputs", inputs, "input text files ('-' or none: stdin)");
  app.add_option("--models", model_dir, "model directory (tagger.model, ner.model)");
  app.add_option("--model", model, "NER model file (default: ner.model in the model directory)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");
  Result<Pipeline> pipeline = TaggingPipeline(model_dir);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, pipeline.status().ToString().c_str());
    return kExitFailure;
  }
  Result<EntityRecognizer> ner = EntityRecognizer::Load(ModelPath(model, model_dir));
  if (!ner.ok()) {
    std::fprintf(stderr, "%s: %s\n", cmd, ner.status().ToString().c_str());
    return kExitFailure;
  }
  size_t documents = 0;
  for (const std::string& path : inputs) {
    Result<std::unique_ptr<io::ByteSource>> src = io::OpenFileSource(path);
    if (!src.ok()) {
      std::fprintf(stderr, "%s: %s\n", cmd, src.status().ToString().c_str());
      continue;
    }
    Result<std::string> text = io::ReadAll(**src, uint64_t{1} << 30);
    if (!text.ok()) {
      std::fprintf(stderr, "%s: %s: %s\n", cmd, path.c_str(), text.status().ToString().c_str());
      continue;
    }
    Document doc;
    doc.id = path == "-" ? "stdin" : path;
    doc.text = std::move(*text);
    pipeline->Annotate(doc);
    ++documents;
    for (const Sentence& s : doc.sentences) {
      for (const Entity& e : ner->Recognize(s)) {
        nlohmann::ordered_json j;
        j["document"] = doc.id;
        j["sentence"] = s.id;
        j["type"] = e.type;
        j["text"] = e.text;
        j["begin"] = e.span.begin;
        j["end"] = e.span.end;
        j["first_word"] = e.first_word;
        j["last_word"] = e.last_word;
        std::printf("%s\n",
                    j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      }
    }
  }
  return documents > 0 ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
