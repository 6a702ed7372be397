// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Internal: tokenize + tag (Pipeline) then dependency-parse (Parser) a document, for the
// extractors. Interim: once the Pipeline runs the parser itself, this reduces to Annotate.
#ifndef ANNALS_EXTRACT_ANNOTATE_H_
#define ANNALS_EXTRACT_ANNOTATE_H_

#include <optional>
#include <string>

#include "annals/document.h"
#include "annals/parser.h"
#include "annals/pipeline.h"
#include "annals/status.h"

namespace annals::extract {

class Annotator {
 public:
  // `model_dir` as PipelineOptions::model_dir. The parser is optional: without
  // <model_dir>/parser.model sentences are left unparsed (the extractors fall back on surface
  // patterns).
  static Result<Annotator> Create(const std::string& model_dir);
  void Annotate(Document& doc) const;
  bool has_parser() const { return parser_.has_value(); }

 private:
  explicit Annotator(Pipeline p) : pipeline_(std::move(p)) {}
  Pipeline pipeline_;
  std::optional<Parser> parser_;
};

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_ANNOTATE_H_
