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
  ScanTokens(text, tokens);
  std::vector<TokenInfo> info;
  ComputeTokenInfo(text, tokens, info);
  std::vector<uint8_t> ends;
  DecideBoundaries(info, model, ends);
  Sentence cur;
  WordPiece pieces[3];
  for (size_t i = 0; i < tokens.size(); ++i) {
    const ScanToken& st = tokens[i];
    std::string_view form = text.substr(st.begin, st.end - st.begin);
    Token t;
    t.form = std::string(form);
    t.span = {st.begin, st.end};
    t.first_word = static_cast<int>(cur.words.size());
    t.space_after = st.space_after;
    int np = SplitWords(form, pieces);
    t.word_count = np;
    for (int k = 0; k < np; ++k) {
      Word w;
      w.id = static_cast<int>(cur.words.size()) + 1;
      w.form = np == 1 ? t.form
                       : std::string(form.substr(pieces[k].begin, pieces[k].end - pieces[k].begin));
      w.span = t.span;
      cur.words.push_back(std::move(w));
    }
    cur.tokens.push_back(std::move(t));
    if (ends[i]) {
      cur.span = {cur.tokens.front().span.begin, cur.tokens.back().span.end};
      out.push_back(std::move(cur));
      cur = Sentence();
    }
  }
  return out;
}

}  // namespace annals::nlp::tokenize
