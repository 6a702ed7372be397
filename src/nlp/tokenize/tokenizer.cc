// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// PLACEHOLDER tokenizer: whitespace tokens, sentences end after . ! ? tokens. Replaced by the real
// EWT-style tokenizer; it exists so that code depending on the Tokenizer API builds meanwhile.
#include "annals/tokenizer.h"

namespace annals {

struct Tokenizer::Impl {};

Tokenizer::Tokenizer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Result<Tokenizer> Tokenizer::Create(const TokenizerOptions& /*options*/) {
  return Tokenizer(std::make_unique<const Impl>());
}

std::vector<Sentence> Tokenizer::Split(std::string_view text) const {
  std::vector<Sentence> out;
  Sentence cur;
  size_t i = 0;
  auto flush = [&]() {
    if (cur.words.empty()) return;
    cur.span = {cur.tokens.front().span.begin, cur.tokens.back().span.end};
    out.push_back(std::move(cur));
    cur = Sentence();
  };
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i >= text.size()) break;
    size_t b = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    Token t;
    t.form = std::string(text.substr(b, i - b));
    t.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(i)};
    t.first_word = static_cast<int>(cur.words.size());
    Word w;
    w.id = static_cast<int>(cur.words.size()) + 1;
    w.form = t.form;
    w.span = t.span;
    cur.tokens.push_back(t);
    cur.words.push_back(w);
    char last = t.form.back();
    if (last == '.' || last == '!' || last == '?') flush();
  }
  flush();
  return out;
}

}  // namespace annals
