// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "extract/annotate.h"

#include <filesystem>

namespace annals::extract {

Result<Annotator> Annotator::Create(const std::string& model_dir) {
  std::string dir = model_dir.empty() ? Pipeline::DefaultModelDir() : model_dir;
  std::error_code ec;
  bool parse = std::filesystem::exists(dir + "/parser.model", ec);
  Result<Pipeline> p = Pipeline::Create({.model_dir = dir, .parse = parse});
  if (!p.ok()) return p.status();
  return Annotator(std::move(*p), parse);
}

void Annotator::Annotate(Document& doc) const { pipeline_.Annotate(doc); }

}  // namespace annals::extract
