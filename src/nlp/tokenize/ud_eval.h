// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: development scoring of tokenization and sentence splitting against a UD treebank, as
// in the CoNLL 2018 shared task "raw text" setting.
//
// The raw text of a gold file is rebuilt from its "# text" lines: sentences joined with " " inside
// a paragraph, "\n\n" before a "# newpar" or "# newdoc". Gold and system both carry byte spans
// into that same text, so tokens and sentences match when their spans are equal. Words match
// inside tokens with equal spans: one-word tokens directly, multiword tokens by the longest
// common subsequence of their lower-cased word forms (the shared-task rule, restricted to
// tokens whose spans agree). The public `annals eval ud` is the tagger's; this is for the
// tokenizer's own development, tests and training.
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

// Scores `system` against `gold`; both must refer to the same text.
SegmentationScores ScoreSegmentation(const std::vector<Sentence>& gold,
                                     const std::vector<Sentence>& system);

}  // namespace annals::nlp::tokenize

#endif  // ANNALS_NLP_TOKENIZE_UD_EVAL_H_
