// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals tokenize [FILE|-]`: raw text in, CoNLL-U out (tokens, multiword words, sentences).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "annals/tokenizer.h"
#include "commands.h"
#include "io/byte_source.h"
#include "nlp/conllu.h"
#include "util/text.h"

namespace annals::cli {

int RunTokenize(int argc, char** argv) {
  CLI::App app(
      "Split raw UTF-8 text (paragraphs separated by blank lines) into sentences and "
      "tokens; writes CoNLL-U with TokenRange=begin:end byte offsets into the input.",
      "annals tokenize");
  std::string input = "-";
  std::string model;
  bool rules = false;
  bool no_offsets = false;
  app.add_option("input", input, "text file (.gz accepted) or - for stdin")->capture_default_str();
  app.add_option("--model", model, "sentence model (default: see annals/tokenizer.h)");
  app.add_flag("--rules", rules, "rule-based sentence ends only, no model");
  app.add_flag("--no-offsets", no_offsets, "leave TokenRange out of MISC");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  TokenizerOptions opts;
  opts.model_path = model;
  if (rules) opts.sentence_model = TokenizerOptions::SentenceModel::kRules;
  Result<Tokenizer> tok = Tokenizer::Create(opts);
  if (!tok.ok()) {
    std::fprintf(stderr, "annals tokenize: %s\n", tok.status().ToString().c_str());
    return kExitFailure;
  }
  Result<std::unique_ptr<io::ByteSource>> src = io::OpenFileSource(input);
  if (!src.ok()) {
    std::fprintf(stderr, "annals tokenize: %s: %s\n", input.c_str(),
                 src.status().ToString().c_str());
    return kExitFailure;
  }
  std::unique_ptr<io::ByteSource> in = std::move(*src);
  if (input.size() > 3 && input.compare(input.size() - 3, 3, ".gz") == 0) {
    in = io::GzipSource(std::move(in));
  }
  Result<std::string> text = io::ReadAll(*in, uint64_t{1} << 32);
  if (!text.ok()) {
    std::fprintf(stderr, "annals tokenize: %s: %s\n", input.c_str(),
                 text.status().ToString().c_str());
    return kExitFailure;
  }
  size_t bad = util::FindInvalidUtf8(*text);
  if (bad != std::string::npos) {
    size_t n = util::RepairUtf8(*text);
    std::fprintf(stderr,
                 "annals tokenize: %s: byte %zu: invalid UTF-8 (%zu sequences replaced with "
                 "U+FFFD; offsets refer to the repaired text)\n",
                 input.c_str(), bad, n);
  }
  std::vector<Sentence> sentences = tok->Split(*text);
  std::string out;
  int n = 0;
  const std::string_view all = *text;
  for (Sentence& s : sentences) {
    s.id = std::to_string(++n);
    out += nlp::WriteConllu(s, all.substr(s.span.begin, s.span.size()), !no_offsets);
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (sentences.empty()) {
    std::fprintf(stderr, "annals tokenize: %s: no text to tokenize\n", input.c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace annals::cli
