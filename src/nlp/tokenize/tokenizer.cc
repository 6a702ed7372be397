// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/tokenizer.h"

#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "nlp/tokenize/segment.h"
#include "nlp/tokenize/sentence_model.h"

namespace annals {

struct Tokenizer::Impl {
  std::optional<nlp::tokenize::SentenceModel> model;
  std::string model_path;
};

namespace {

bool Exists(const std::string& path) { return !path.empty() && access(path.c_str(), R_OK) == 0; }

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return {};
  std::string p(buf, static_cast<size_t>(n));
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? std::string() : p.substr(0, slash);
}

// The default model lookup documented in annals/tokenizer.h.
std::string FindDefaultModel() {
  const std::string name = "sentsplit.model";
  if (const char* dir = std::getenv("ANNALS_MODEL_DIR"); dir != nullptr && *dir != '\0') {
    std::string p = std::string(dir) + "/" + name;
    if (Exists(p)) return p;
  }
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    for (const char* rel : {"/models/", "/../share/annals/models/"}) {
      std::string p = exe;
      p += rel;
      p += name;
      if (Exists(p)) return p;
    }
  }
#ifdef ANNALS_SOURCE_DIR
  {
    std::string p = std::string(ANNALS_SOURCE_DIR) + "/models/" + name;
    if (Exists(p)) return p;
  }
#endif
  return {};
}

}  // namespace

Tokenizer::Tokenizer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Result<Tokenizer> Tokenizer::Create(const TokenizerOptions& options) {
  auto impl = std::make_unique<Impl>();
  if (options.sentence_model == TokenizerOptions::SentenceModel::kRules) {
    return Tokenizer(std::move(impl));
  }
  std::string path = options.model_path;
  if (path.empty()) path = FindDefaultModel();
  if (path.empty()) {
    if (options.sentence_model == TokenizerOptions::SentenceModel::kRequired) {
      return NotFoundError(
          "sentsplit.model not found ($ANNALS_MODEL_DIR, models/ next to the binary, "
          "../share/annals/models/, the source tree's models/); pass model_path");
    }
    return Tokenizer(std::move(impl));
  }
  Result<nlp::tokenize::SentenceModel> m = nlp::tokenize::SentenceModel::Load(path);
  if (!m.ok()) return m.status();
  impl->model = std::move(*m);
  impl->model_path = path;
  return Tokenizer(std::move(impl));
}

std::vector<Sentence> Tokenizer::Split(std::string_view text) const {
  return nlp::tokenize::Segment(text, impl_->model ? &*impl_->model : nullptr);
}

bool Tokenizer::has_model() const { return impl_->model.has_value(); }
const std::string& Tokenizer::model_path() const { return impl_->model_path; }

}  // namespace annals
