// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: scoring of tokenization and sentence splitting against a UD treebank in the CoNLL 2018
// "raw text" setting, for the tokenizer's training, tests and benchmark. A thin adapter over the
// one UD scorer, nlp/eval/ud_eval.h (character alignment, LCS inside multiword tokens), which
// `annals eval ud` uses too.
//
// The raw text of a gold file is rebuilt from its "# text" lines: sentences joined with " " inside
// a paragraph, "\n\n" before a "# newpar" or "# newdoc" (eval::AppendSentence).
#ifndef ANNALS_NLP_TOKENIZE_UD_EVAL_H_
#define ANNALS_NLP_TOKENIZE_UD_EVAL_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::nlp::tokenize {

struct UdRawText {
  std::string text;            // The rebuilt raw text.
  std::vector<Sentence> gold;  // Gold sentences, spans into `text`.
  uint64_t bad_blocks = 0;     // CoNLL-U blocks that could not be parsed (reported, skipped).
};

// Reads a CoNLL-U file and rebuilds its raw text. Each bad block is passed to `on_error`.
Result<UdRawText> LoadUdRawText(const std::string& conllu_path,
                                const std::function<void(const std::string&)>& on_error);

struct F1Count {
  int64_t gold = 0;
  int64_t system = 0;
  int64_t correct = 0;
  double Precision() const { return system ? 100.0 * correct / system : 0.0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double F1() const {
    return gold + system ? 200.0 * correct / static_cast<double>(gold + system) : 0.0;
  }
};

struct SegmentationScores {
  F1Count tokens;
  F1Count words;
  F1Count sentences;
};

// Scores `system` against `gold`; both have spans into `text`.
SegmentationScores ScoreSegmentation(const std::string& text, const std::vector<Sentence>& gold,
                                     const std::vector<Sentence>& system);

}  // namespace annals::nlp::tokenize

#endif  // ANNALS_NLP_TOKENIZE_UD_EVAL_H_
