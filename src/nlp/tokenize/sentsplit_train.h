// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: training the sentence-boundary perceptron (sentence_model.h) on a UD treebank's raw
// text. Deterministic: the same data, options and seed give the same model bit for bit.
#ifndef ANNALS_NLP_TOKENIZE_SENTSPLIT_TRAIN_H_
#define ANNALS_NLP_TOKENIZE_SENTSPLIT_TRAIN_H_

#include <cstdint>
#include <functional>
#include <string>

#include "annals/status.h"
#include "nlp/tokenize/sentence_model.h"
#include "nlp/tokenize/ud_eval.h"

namespace annals::nlp::tokenize {

struct SentsplitTrainOptions {
  int epochs = 8;                // Passes over the training paragraphs.
  uint64_t seed = 1;             // Shuffles the paragraph order each epoch (std::mt19937_64).
  bool keep_best_on_dev = true;  // With dev data: keep the epoch with the best dev sentence F1.
};

// Trains on `train` (its gold sentence ends label the scanner's tokens). When `dev` is given,
// prints dev sentence F1 after each epoch through `log` and, with keep_best_on_dev, keeps the best
// epoch's averaged weights.
Result<SentenceModel> TrainSentsplit(const UdRawText& train, const UdRawText* dev,
                                     const SentsplitTrainOptions& options,
                                     const std::function<void(const std::string&)>& log);

// Runs the scanner and `model` (nullptr: rules) over `raw.text` and scores against raw.gold.
SegmentationScores EvaluateSegmentation(const UdRawText& raw, const SentenceModel* model);

}  // namespace annals::nlp::tokenize

#endif  // ANNALS_NLP_TOKENIZE_SENTSPLIT_TRAIN_H_
