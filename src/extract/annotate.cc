// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "extract/annotate.h"

#include <filesystem>

namespace annals::extract {

Result<Annotator> Annotator::Create(const std::string& model_dir) {
  PipelineOptions po;
  po.model_dir = model_dir;
  Result<Pipeline> p = Pipeline::Create(po);
  if (!p.ok()) return p.status();
  Annotator a(std::move(*p));
  std::string path = a.pipeline_.model_dir() + "/parser.model";
  if (std::filesystem::exists(path)) {
    Result<Parser> parser = Parser::Load(path);
    if (!parser.ok()) return parser.status();
    a.parser_.emplace(std::move(*parser));
  }
  return a;
}

void Annotator::Annotate(Document& doc) const {
  pipeline_.Annotate(doc);
  if (!parser_.has_value()) return;
  for (Sentence& s : doc.sentences) {
    if (!s.words.empty()) (void)parser_->Parse(s);
  }
}

}  // namespace annals::extract
