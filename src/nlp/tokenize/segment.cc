// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tokenize/segment.h"

#include <string>

#include "nlp/tokenize/scanner.h"

namespace annals::nlp::tokenize {

std::vector<Sentence> Segment(std::string_view text, const SentenceModel* model) {
  std::vector<Sentence> out;
  // Offsets are 32-bit; longer texts are cut (callers split documents far below this).
  if (text.size() > 0xFFFFFFF0u) text = text.substr(0, 0xFFFFFFF0u);
  std::vector<ScanToken> tokens;
  tokens.reserve(text.size() / 4 + 16);
  ScanTokens(text, tokens);
  std::vector<TokenInfo> info;
  ComputeTokenInfo(text, tokens, info);
  std::vector<uint8_t> ends;
  DecideBoundaries(info, model, ends);
  // Sizes first so that every vector is allocated once (Word is large; this is most of the cost).
  size_t n_sentences = 0;
  for (uint8_t e : ends) n_sentences += e;
  out.reserve(n_sentences);
  WordPiece pieces[3];
  size_t first = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!ends[i]) continue;
    Sentence& cur = out.emplace_back();
    cur.tokens.reserve(i + 1 - first);
    cur.words.reserve(i + 1 - first + 4);
    for (size_t j = first; j <= i; ++j) {
      const ScanToken& st = tokens[j];
      std::string_view form = text.substr(st.begin, st.end - st.begin);
      Token& t = cur.tokens.emplace_back();
      t.form.assign(form);
      t.span = {st.begin, st.end};
      t.first_word = static_cast<int>(cur.words.size());
      t.space_after = st.space_after;
      int np = SplitWords(form, pieces);
      t.word_count = np;
      for (int k = 0; k < np; ++k) {
        Word& w = cur.words.emplace_back();
        w.id = static_cast<int>(cur.words.size());
        w.form.assign(np == 1 ? form
                              : form.substr(pieces[k].begin, pieces[k].end - pieces[k].begin));
        w.span = t.span;
      }
    }
    cur.span = {cur.tokens.front().span.begin, cur.tokens.back().span.end};
    first = i + 1;
  }
  return out;
}

}  // namespace annals::nlp::tokenize
