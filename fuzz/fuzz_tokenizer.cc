// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the tokenizer and sentence splitter: any bytes in, span invariants out.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "annals/tokenizer.h"
#include "nlp/tokenize/scanner.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const annals::Tokenizer* tok = [] {
    annals::Result<annals::Tokenizer> t = annals::Tokenizer::Create({});
    if (!t.ok()) std::abort();
    return new annals::Tokenizer(std::move(*t));
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  uint32_t last = 0;
  for (const annals::Sentence& s : tok->Split(text)) {
    Check(!s.tokens.empty(), "empty sentence");
    Check(s.span.begin == s.tokens.front().span.begin && s.span.end == s.tokens.back().span.end,
          "sentence span");
    int words = 0;
    for (const annals::Token& t : s.tokens) {
      Check(t.span.begin < t.span.end, "empty token");
      Check(t.span.begin >= last, "overlapping tokens");
      Check(t.span.end <= size, "token past the end");
      Check(t.form == text.substr(t.span.begin, t.span.size()), "form != text[span]");
      Check(t.first_word == words && t.word_count >= 1 && t.word_count <= 3, "word indices");
      std::string joined;
      for (int k = 0; k < t.word_count; ++k) {
        const annals::Word& w = s.words[t.first_word + k];
        Check(w.span == t.span && w.id == t.first_word + k + 1, "word span/id");
        joined += w.form;
      }
      Check(joined == t.form, "words do not spell the token");
      words += t.word_count;
      last = t.span.end;
    }
    Check(static_cast<int>(s.words.size()) == words, "word count");
  }
  return 0;
}
