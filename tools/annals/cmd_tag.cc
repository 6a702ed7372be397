// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals tag [FILE...|-] [--input text|conllu] [--models DIR] [--offsets]`: tokenizes and tags
// plain text (one document per file), or re-tags the words of CoNLL-U; writes CoNLL-U.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "commands.h"
#include "io/byte_source.h"
#include "nlp/conllu.h"

namespace annals::cli {

int RunTag(int argc, char** argv) {
  CLI::App app{"Tokenize and tag text (or re-tag CoNLL-U); CoNLL-U on stdout", "annals tag"};
  std::vector<std::string> inputs;
  std::string input_format = "text", model_dir;
  bool offsets = false;
  app.add_option("inputs", inputs, "input files ('-' or none: stdin)");
  app.add_option("--input", input_format, "input format")
      ->check(CLI::IsMember({"text", "conllu"}))
      ->capture_default_str();
  app.add_option("--models", model_dir, "model directory (default: see PipelineOptions)");
  app.add_flag("--offsets", offsets, "write TokenRange=b:e (byte offsets into the input) in MISC");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");
  PipelineOptions options;
  options.model_dir = model_dir;
  options.parse = false;  // tagging only; `annals parse` adds the trees
  Result<Pipeline> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annals tag: %s\n", pipeline.status().ToString().c_str());
    return kExitFailure;
  }
  size_t sentences = 0;
  for (const std::string& path : inputs) {
    if (input_format == "conllu") {
      Status st = nlp::ReadConlluFile(
          path,
          [&](nlp::ConlluSentence&& cs) {
            Sentence& s = cs.sentence;
            for (Word& w : s.words) {
              w.lemma.clear();
              w.upos.clear();
              w.xpos.clear();
              w.feats.clear();
            }
            pipeline->AnnotateSentence(s);
            std::string out = nlp::WriteConllu(s, cs.text, offsets);
            std::fwrite(out.data(), 1, out.size(), stdout);
            ++sentences;
          },
          [&](const std::string& message) {
            std::fprintf(stderr, "annals tag: %s (sentence skipped)\n", message.c_str());
          });
      if (!st.ok()) std::fprintf(stderr, "annals tag: %s\n", st.ToString().c_str());
      continue;
    }
    Result<std::unique_ptr<io::ByteSource>> src = io::OpenFileSource(path);
    if (!src.ok()) {
      std::fprintf(stderr, "annals tag: %s\n", src.status().ToString().c_str());
      continue;
    }
    Result<std::string> text = io::ReadAll(**src, uint64_t{1} << 30);
    if (!text.ok()) {
      std::fprintf(stderr, "annals tag: %s: %s\n", path.c_str(), text.status().ToString().c_str());
      continue;
    }
    Document doc;
    doc.id = path == "-" ? "stdin" : path;
    doc.text = std::move(*text);
    pipeline->Annotate(doc);
    for (const Sentence& s : doc.sentences) {
      size_t b = std::min<size_t>(s.span.begin, doc.text.size());
      size_t e = std::min<size_t>(std::max(s.span.end, s.span.begin), doc.text.size());
      std::string_view sentence_text = std::string_view(doc.text).substr(b, e - b);
      std::string out = nlp::WriteConllu(s, sentence_text, offsets);
      std::fwrite(out.data(), 1, out.size(), stdout);
      ++sentences;
    }
  }
  return sentences > 0 ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
