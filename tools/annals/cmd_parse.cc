// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals parse [FILE|-]...`: segments, tags and dependency-parses documents with the pipeline and
// writes CoNLL-U with `# sent_id`, `# text` and TokenRange=b:e character offsets in MISC.
//
// Inputs are anything `ReadInputs` reads (plain text, JSONL, HTML, feeds, WARC; format detected
// per file, or forced with --input). `--input conllu` (also chosen for *.conllu files) keeps the
// given tokenization and re-tags and re-parses it; `--keep-tags` parses with the tags as given.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "annals/parser.h"
#include "annals/pipeline.h"
#include "annals/reader.h"
#include "commands.h"
#include "nlp/conllu.h"

namespace annals::cli {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void Write(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// Annotates each document and writes its sentences; rejects go to stderr. A document longer
// than `chunk_bytes` is annotated a piece at a time, each piece ending after a blank line (which
// always ends a sentence, see annals/tokenizer.h), so memory stays bounded on huge inputs.
// Sentence ids keep counting and offsets refer to the whole text; the one difference from
// annotating the whole text at once is that the sentence model sees no tokens past a cut, which
// can change a sentence decision in the last paragraph before it.
class ParseSink : public DocumentSink {
 public:
  ParseSink(const Pipeline& pipeline, bool offsets, size_t chunk_bytes)
      : pipeline_(pipeline), offsets_(offsets), chunk_bytes_(chunk_bytes) {}

  bool Accept(Document&& doc) override {
    const std::string& text = doc.text;
    size_t base = 0;
    int n = 0;
    while (base < text.size()) {
      size_t end = text.size();
      if (end - base > chunk_bytes_) {
        size_t cut = text.find("\n\n", base + chunk_bytes_);
        if (cut != std::string::npos) end = cut + 2;
      }
      Document part;
      part.id = doc.id;
      part.text = text.substr(base, end - base);
      if (base == 0) part.dateline = doc.dateline;  // Parsed apart from the first sentence.
      pipeline_.Annotate(part);
      for (Sentence& s : part.sentences) {
        ++n;
        s.id = doc.id.empty() ? std::to_string(n) : doc.id + "-" + std::to_string(n);
        Shift(s, base);
        size_t b = std::min<size_t>(s.span.begin, text.size());
        size_t e = std::min<size_t>(std::max(s.span.end, s.span.begin), text.size());
        Write(nlp::WriteConllu(s, std::string_view(text).substr(b, e - b), offsets_));
        ++sentences;
      }
      base = end;
    }
    ++documents;
    return true;
  }
  void OnReject(const Reject& reject) override {
    std::fprintf(stderr, "annals parse: %s\n", reject.Message().c_str());
  }

  int64_t documents = 0;
  int64_t sentences = 0;

 private:
  static void Shift(Sentence& s, size_t by) {
    auto shift = [d = static_cast<uint32_t>(by)](Span& span) {  // Records are < 4 GiB.
      span.begin += d;
      span.end += d;
    };
    shift(s.span);
    for (Token& t : s.tokens) shift(t.span);
    for (Word& w : s.words) shift(w.span);
  }

  const Pipeline& pipeline_;
  bool offsets_;
  size_t chunk_bytes_;
};

}  // namespace

int RunParse(int argc, char** argv) {
  CLI::App app{"Tag and dependency-parse text (any reader format) or CoNLL-U; CoNLL-U out",
               "annals parse"};
  std::vector<std::string> inputs;
  std::string format = "auto", model_dir;
  bool no_offsets = false, score = false, keep_tags = false;
  size_t chunk_bytes = size_t{1} << 20;
  app.add_option("inputs", inputs, "input files or directories ('-' or none: stdin)");
  app.add_option("--input", format,
                 "input format: auto, text, jsonl, html, feed, warc, conllu (conllu keeps the "
                 "given tokenization)")
      ->capture_default_str();
  app.add_option("--models", model_dir, "model directory (default: see PipelineOptions)");
  int beam = 0;
  app.add_option("--beam", beam, "parser beam width (0: the model's own)")
      ->capture_default_str()
      ->check(CLI::Range(0, kMaxParserBeam));
  app.add_flag("--keep-tags", keep_tags,
               "with CoNLL-U input: parse with the UPOS/XPOS given instead of re-tagging");
  app.add_flag("--no-offsets", no_offsets, "leave TokenRange out of MISC");
  app.add_option("--chunk-bytes", chunk_bytes,
                 "annotate long documents this many bytes at a time (cut at blank lines)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1} << 40));
  app.add_flag("--score", score,
               "with CoNLL-U input: print UAS/LAS/CLAS of the output against the input's "
               "HEAD/DEPREL on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (inputs.empty()) inputs.push_back("-");
  Result<InputFormat> input_format = ParseInputFormat(format);
  if (!input_format.ok()) {
    std::fprintf(stderr, "annals parse: --input: %s\n", input_format.status().ToString().c_str());
    return kExitUsage;
  }
  bool conllu = *input_format == InputFormat::kConllu;
  if (*input_format == InputFormat::kAuto) {
    conllu = std::all_of(inputs.begin(), inputs.end(), [](const std::string& p) {
      return EndsWith(p, ".conllu") || EndsWith(p, ".conllu.gz");
    });
  }
  if ((score || keep_tags) && !conllu) {
    std::fprintf(stderr, "annals parse: --score and --keep-tags need CoNLL-U input\n");
    return kExitUsage;
  }
  PipelineOptions options;
  options.model_dir = model_dir;
  options.tag = !keep_tags;
  options.parser_beam = beam;
  Result<Pipeline> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annals parse: %s\n", pipeline.status().ToString().c_str());
    return kExitFailure;
  }

  if (!conllu) {
    ReaderOptions reader_options;
    reader_options.format = *input_format;
    ParseSink sink(*pipeline, !no_offsets, chunk_bytes);
    Result<ReadStats> stats = ReadInputs(inputs, reader_options, sink);
    if (!stats.ok()) {
      std::fprintf(stderr, "annals parse: %s\n", stats.status().ToString().c_str());
      return kExitUsage;
    }
    return sink.sentences > 0 ? kExitOk : kExitFailure;
  }

  int64_t parsed = 0;
  std::vector<Sentence> gold, out;
  bool failed = false;
  for (const std::string& input : inputs) {
    Status st = nlp::ReadConlluFile(
        input,
        [&](nlp::ConlluSentence&& cs) {
          Sentence& s = cs.sentence;
          if (score) gold.push_back(s);
          for (Word& w : s.words) {
            if (!keep_tags) {
              w.lemma.clear();
              w.upos.clear();
              w.xpos.clear();
              w.feats.clear();
            }
            w.head = -1;
            w.deprel.clear();
            w.deps.clear();
          }
          pipeline->AnnotateSentence(s);
          Write(nlp::WriteConllu(s, cs.text, !no_offsets));
          if (score) out.push_back(std::move(s));
          ++parsed;
        },
        [&](const std::string& message) {
          std::fprintf(stderr, "annals parse: %s (sentence skipped)\n", message.c_str());
        });
    if (!st.ok()) {
      std::fprintf(stderr, "annals parse: %s: %s\n", input.c_str(), st.ToString().c_str());
      failed = true;
    }
  }
  if (score) {
    DependencyScores d = ScoreDependencies(gold, out);
    std::fprintf(stderr,
                 "annals parse: %lld words  UAS %.2f  LAS %.2f  LAS(universal) %.2f  CLAS %.2f\n",
                 static_cast<long long>(d.words), d.uas, d.las, d.las_universal, d.clas);
  }
  return parsed > 0 && !failed ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
