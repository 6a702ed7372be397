// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Internal: the Pipeline (tokenize, tag, parse) for the extractors, with the parser optional:
// without <model_dir>/parser.model sentences are left unparsed and the extractors fall back on
// surface patterns.
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
  bool has_parser() const { return has_parser_; }

 private:
  Annotator(Pipeline p, bool has_parser) : pipeline_(std::move(p)), has_parser_(has_parser) {}
  Pipeline pipeline_;
  bool has_parser_ = false;
};

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_ANNOTATE_H_
