// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals parse [FILE|-]`: dependency-parses sentences, writes CoNLL-U with `# sent_id`, `# text`
// and TokenRange=b:e character offsets in MISC.
//
// `--input conllu` takes the tokenization and tags as given and (re)parses. Raw text and the other
// reader formats need the tokenizer and tagger (the pipeline); until those are in this build they
// are refused with a usage error naming what is missing.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "annals/parser.h"
#include "commands.h"
#include "nlp/conllu.h"

namespace annals::cli {
namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  std::string_view v(suffix);
  return s.size() >= v.size() && s.compare(s.size() - v.size(), v.size(), v) == 0;
}

}  // namespace

int RunParse(int argc, char** argv) {
  CLI::App app{"Dependency-parse sentences; CoNLL-U out", "annals parse"};
  std::string input = "-", format = "auto", model_path;
  bool no_offsets = false, score = false;
  app.add_option("input", input, "input file, or - for stdin")->capture_default_str();
  app.add_option("--input", format, "input format: auto, conllu (others need the pipeline)")
      ->capture_default_str();
  app.add_option("--model", model_path, "parser model (default: " + DefaultParserModelPath() + ")");
  app.add_flag("--no-offsets", no_offsets, "leave TokenRange out of MISC");
  app.add_flag("--score", score,
               "with CoNLL-U input: print UAS/LAS/CLAS of the output against the input's "
               "HEAD/DEPREL on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  bool conllu = format == "conllu" ||
                (format == "auto" && (EndsWith(input, ".conllu") || EndsWith(input, ".conllu.gz")));
  if (!conllu) {
    std::fprintf(stderr,
                 "annals parse: %s: input format '%s' needs the tokenizer and tagger, which this "
                 "build lacks; give tokenized, tagged text with --input conllu\n",
                 input.c_str(), format.c_str());
    return kExitUsage;
  }
  Result<Parser> parser = Parser::Create({model_path});
  if (!parser.ok()) {
    std::fprintf(stderr, "annals parse: %s\n", parser.status().ToString().c_str());
    return kExitFailure;
  }
  int64_t parsed = 0, bad = 0, untagged = 0;
  std::vector<Sentence> gold, out;
  std::string buffer;
  Status st = nlp::ReadConlluFile(
      input,
      [&](nlp::ConlluSentence&& cs) {
        Sentence& s = cs.sentence;
        if (score) gold.push_back(s);
        for (Word& w : s.words) {
          w.head = -1;
          w.deprel.clear();
          w.deps.clear();
        }
        if (untagged == 0) {
          for (const Word& w : s.words) {
            if (w.upos.empty() && w.xpos.empty()) {
              std::fprintf(stderr,
                           "annals parse: %s: sentence %s has words without UPOS/XPOS; this build "
                           "has no tagger, so they are parsed untagged\n",
                           input.c_str(), s.id.c_str());
              ++untagged;
              break;
            }
          }
        }
        (void)parser->Parse(s);
        buffer = nlp::WriteConllu(s, cs.text, !no_offsets);
        std::fwrite(buffer.data(), 1, buffer.size(), stdout);
        if (score) out.push_back(std::move(s));
        ++parsed;
      },
      [&](const std::string& message) {
        ++bad;
        std::fprintf(stderr, "annals parse: %s (sentence skipped)\n", message.c_str());
      });
  if (!st.ok()) {
    std::fprintf(stderr, "annals parse: %s: %s\n", input.c_str(), st.ToString().c_str());
    return kExitFailure;
  }
  if (score) {
    DependencyScores d = ScoreDependencies(gold, out);
    std::fprintf(stderr,
                 "annals parse: %lld words  UAS %.2f  LAS %.2f  LAS(universal) %.2f  CLAS %.2f\n",
                 static_cast<long long>(d.words), d.uas, d.las, d.las_universal, d.clas);
  }
  return parsed > 0 ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
