// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/pipeline.h"

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "annals/parser.h"
#include "annals/tagger.h"
#include "annals/tokenizer.h"

namespace annals {

struct Pipeline::Impl {
  std::string model_dir;
  Tokenizer tokenizer;
  std::optional<Tagger> tagger;
  std::optional<Parser> parser;
};

Pipeline::Pipeline(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

std::string Pipeline::DefaultModelDir() {
  if (const char* env = std::getenv("ANNALS_MODELS"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (std::filesystem::exists("models/tagger.model", ec)) return "models";
#ifdef ANNALS_SOURCE_DIR
  return std::string(ANNALS_SOURCE_DIR) + "/models";
#else
  return "models";
#endif
}

Result<Pipeline> Pipeline::Create(const PipelineOptions& options) {
  std::string dir = options.model_dir.empty() ? DefaultModelDir() : options.model_dir;
  TokenizerOptions tok_options;
  std::error_code ec;
  if (std::filesystem::exists(dir + "/tokenizer.model", ec)) {
    tok_options.model_path = dir + "/tokenizer.model";
  }
  Result<Tokenizer> tokenizer = Tokenizer::Create(tok_options);
  if (!tokenizer.ok()) return tokenizer.status();
  std::optional<Tagger> tagger;
  if (options.tag) {
    Result<Tagger> t = Tagger::Load(dir + "/tagger.model");
    if (!t.ok()) return t.status();
    tagger.emplace(std::move(*t));
  }
  std::optional<Parser> parser;
  if (options.parse) {
    Result<Parser> p = Parser::Load(dir + "/parser.model");
    if (!p.ok()) return p.status();
    parser.emplace(std::move(*p));
  }
  auto impl = std::unique_ptr<Impl>(
      new Impl{dir, std::move(*tokenizer), std::move(tagger), std::move(parser)});
  return Pipeline(std::move(impl));
}

void Pipeline::Annotate(Document& document) const {
  document.sentences = impl_->tokenizer.Split(document.text);
  int n = 0;
  for (Sentence& s : document.sentences) {
    ++n;
    if (s.id.empty())
      s.id = document.id.empty() ? std::to_string(n) : document.id + "-" + std::to_string(n);
    AnnotateSentence(s);
  }
}

void Pipeline::AnnotateSentence(Sentence& sentence) const {
  if (sentence.words.empty()) return;
  if (impl_->tagger) impl_->tagger->Tag(sentence);
  // Parse always succeeds for a loaded model (the Status is reserved for future model kinds).
  if (impl_->parser) (void)impl_->parser->Parse(sentence);
}

const std::string& Pipeline::model_dir() const { return impl_->model_dir; }

}  // namespace annals
