// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: Universal Dependencies evaluation in the manner of the CoNLL 2018 shared task
// (conll18_ud_eval.py): system and gold words are aligned on the characters of the text with
// whitespace removed, so a system may tokenize differently from the gold standard.
//
//   * tokens, sentences: F1 of identical character spans;
//   * words: F1 of aligned syntactic words (inside multiword tokens, words are aligned by the
//     longest common subsequence of their lower-cased forms);
//   * upos, xpos, ufeats (universal features only), lemma (a gold "_" matches anything): a word
//     counts as correct when aligned and equal; F1 over gold and system words;
//   * uas, las (deprel without subtype), clas (content words only): computed when the system
//     output has heads; a head is correct when the system head is aligned to the gold head.
// With the gold tokenization every F1 equals the plain accuracy.
#ifndef ANNALS_NLP_EVAL_UD_EVAL_H_
#define ANNALS_NLP_EVAL_UD_EVAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"
#include "nlp/conllu.h"

namespace annals::nlp::eval {

// Sentences whose token and word spans are byte offsets into `text`.
struct UdCorpus {
  std::string text;
  std::vector<Sentence> sentences;
};

// Appends a CoNLL-U sentence to `corpus`: its text goes after a space, or after a blank line when
// it opens a paragraph or document, and its spans are shifted to match.
void AppendSentence(UdCorpus& corpus, ConlluSentence&& sentence);

// Counts behind one metric.
struct Score {
  uint64_t gold = 0;     // Gold units (passing the metric's filter).
  uint64_t system = 0;   // System units.
  uint64_t correct = 0;  // Units that match.
  uint64_t aligned = 0;  // Aligned words (word-level metrics).
  double Precision() const { return system == 0 ? 0 : static_cast<double>(correct) / system; }
  double Recall() const { return gold == 0 ? 0 : static_cast<double>(correct) / gold; }
  double F1() const {
    return gold + system == 0 ? 0 : 2.0 * static_cast<double>(correct) / (gold + system);
  }
  double AlignedAccuracy() const {
    return aligned == 0 ? 0 : static_cast<double>(correct) / aligned;
  }
};

struct UdScores {
  Score tokens, sentences, words, upos, xpos, ufeats, lemma;
  bool has_heads = false;  // The system output had at least one head; uas/las/clas are set.
  Score uas, las, clas;
};

// Scores `system` against `gold`. InvalidArgument when the two texts, with whitespace removed,
// differ (names the first differing character offset).
Result<UdScores> EvaluateUd(const UdCorpus& gold, const UdCorpus& system);

}  // namespace annals::nlp::eval

#endif  // ANNALS_NLP_EVAL_UD_EVAL_H_
