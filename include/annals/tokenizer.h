// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Tokenizer and sentence splitter for news English, following UD English EWT conventions.
//
// Splits text into sentences, surface tokens and syntactic words (multiword tokens such as
// "don't" -> "do" + "n't"), each with byte offsets into the text it was given.
//
//   annals::Result<annals::Tokenizer> tok = annals::Tokenizer::Create({});
//   std::vector<annals::Sentence> sentences = tok->Split(doc.text);
//
// Thread-safety: a Tokenizer is immutable after Create; Split is const and may be called from many
// threads at once.
#ifndef ANNALS_TOKENIZER_H_
#define ANNALS_TOKENIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

struct TokenizerOptions {
  // Model file for the learned sentence-boundary decision; empty uses the built-in default
  // (models/ in the source tree or the installed data directory).
  std::string model_path;
};

class Tokenizer {
 public:
  static Result<Tokenizer> Create(const TokenizerOptions& options);

  // Segments `text` into sentences. Spans are byte offsets into `text`; Word::id is 1-based per
  // sentence; lemma/tags/heads are left empty. Sentence::id is left empty (callers number them).
  std::vector<Sentence> Split(std::string_view text) const;

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_TOKENIZER_H_
