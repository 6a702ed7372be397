// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: scanner + boundary decision + multiword splitting = sentences. Tokenizer::Split is a
// thin wrapper over Segment; training and evaluation call it directly with a model in the making.
#ifndef ANNALS_NLP_TOKENIZE_SEGMENT_H_
#define ANNALS_NLP_TOKENIZE_SEGMENT_H_

#include <string_view>
#include <vector>

#include "annals/document.h"
#include "nlp/tokenize/sentence_model.h"

namespace annals::nlp::tokenize {

// Segments `text` into sentences; `model` nullptr uses the rule fallback. Thread-safe.
std::vector<Sentence> Segment(std::string_view text, const SentenceModel* model);

}  // namespace annals::nlp::tokenize

#endif  // ANNALS_NLP_TOKENIZE_SEGMENT_H_
