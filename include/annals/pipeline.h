// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The NLP pipeline: text -> sentences, tokens and words with UPOS, XPOS, FEATS, lemmas, and
// dependency heads and relations (UD labels with subtypes, see annals/parser.h). Tools and servers
// use only this, never the individual stages, so that every entry point annotates text the same
// way.
//
//   annals::Result<annals::Pipeline> nlp = annals::Pipeline::Create({});
//   if (!nlp.ok()) return nlp.status();
//   annals::Document doc;
//   doc.text = "Kim visited Paris. She liked it.";
//   nlp->Annotate(doc);          // doc.sentences filled, tagged and parsed
//
// Models are read from `PipelineOptions::model_dir`: `tagger.model` (required when tagging),
// `parser.model` (required when parsing) and, when present, `tokenizer.model` (otherwise the
// tokenizer's built-in default).
//
// Thread-safety: a Pipeline is immutable after Create; Annotate and AnnotateSentence are const and
// may be called from many threads at once. Movable, not copyable.
#ifndef ANNALS_PIPELINE_H_
#define ANNALS_PIPELINE_H_

#include <memory>
#include <string>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

struct PipelineOptions {
  // Directory holding the models. Empty: $ANNALS_MODELS when set, else "models" in the current
  // directory when it has a tagger.model, else the source tree's models/ (ANNALS_SOURCE_DIR).
  std::string model_dir;
  // Run the tagger (UPOS, XPOS, FEATS, lemma). When false, Annotate only segments (and parses
  // with whatever tags the words already carry, if `parse` is set).
  bool tag = true;
  // Run the dependency parser after tagging: fills Word::head (1-based, 0 = root) and
  // Word::deprel of every word; every sentence becomes a single-rooted tree.
  bool parse = true;
  // Parser beam width: 0 decodes as the model was trained (ParserOptions::beam); 1..64 overrides.
  int parser_beam = 0;
};

class Pipeline {
 public:
  // Loads the models. NotFound naming the file when a required model is missing (tagger.model
  // when `tag`, parser.model when `parse`); the loader's DataLoss/InvalidArgument when one is
  // corrupt.
  static Result<Pipeline> Create(const PipelineOptions& options);

  // Segments `document.text` into `document.sentences` (replacing any there), numbering sentence
  // ids "<document id>-<n>" (or "<n>" when the document has no id), then annotates each sentence
  // (AnnotateSentence). A sentence that opens with `document.dateline` ("BEIJING, Sept 2
  // (Reuters) -") is annotated in two parts, the dateline and the rest, and the dateline's root
  // then hangs from the rest's root with deprel `dep` (one tree; docs/parser.md).
  void Annotate(Document& document) const;

  // Annotates one already tokenized sentence (words with forms), e.g. read from CoNLL-U: tags it
  // (replacing upos/xpos/feats/lemma) when `tag`, then parses it (replacing head/deprel) when
  // `parse`. An empty sentence is left alone.
  void AnnotateSentence(Sentence& sentence) const;

  // The directory used when PipelineOptions::model_dir is empty (see there).
  static std::string DefaultModelDir();

  // The model directory actually used.
  const std::string& model_dir() const;

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_PIPELINE_H_
