// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tokenize/ud_eval.h"

#include <functional>
#include <utility>

#include "nlp/conllu.h"
#include "nlp/eval/ud_eval.h"

namespace annals::nlp::tokenize {

Result<UdRawText> LoadUdRawText(const std::string& conllu_path,
                                const std::function<void(const std::string&)>& on_error) {
  eval::UdCorpus corpus;
  UdRawText out;
  Status st = ReadConlluFile(
      conllu_path, [&](ConlluSentence&& cs) { eval::AppendSentence(corpus, std::move(cs)); },
      [&](const std::string& msg) {
        ++out.bad_blocks;
        on_error(msg);
      });
  if (!st.ok()) return st;
  out.text = std::move(corpus.text);
  out.gold = std::move(corpus.sentences);
  return out;
}

SegmentationScores ScoreSegmentation(const std::string& text, const std::vector<Sentence>& gold,
                                     const std::vector<Sentence>& system) {
  eval::UdCorpus g{text, gold}, s{text, system};
  Result<eval::UdScores> r = eval::EvaluateUd(g, s);
  SegmentationScores sc;
  if (!r.ok()) return sc;  // Same text on both sides: cannot differ.
  auto convert = [](const eval::Score& x) {
    return F1Count{static_cast<int64_t>(x.gold), static_cast<int64_t>(x.system),
                   static_cast<int64_t>(x.correct)};
  };
  sc.tokens = convert(r->tokens);
  sc.words = convert(r->words);
  sc.sentences = convert(r->sentences);
  return sc;
}

}  // namespace annals::nlp::tokenize
