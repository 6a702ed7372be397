// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the IOB2 / CoNLL entity corpus readers and the span scorer: any bytes, every format.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/ner/iob.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  using annals::nlp::ner::IobFormat;
  for (IobFormat format : {IobFormat::kAuto, IobFormat::kIob2, IobFormat::kConll}) {
    annals::nlp::ner::NerScores scores;
    annals::nlp::ner::ReadIob(
        text, format,
        [&](annals::nlp::ner::LabeledSentence&& s) {
          const int n = static_cast<int>(s.sentence.words.size());
          for (const annals::nlp::ner::Chunk& c : s.chunks) {
            if (c.first < 0 || c.last < c.first || c.last >= n) __builtin_trap();
          }
          std::vector<std::string> tags = annals::nlp::ner::TagsFromChunks(s.chunks, n);
          if (annals::nlp::ner::ChunksFromTags(tags) != s.chunks) __builtin_trap();
          scores.Add(s.chunks, s.chunks);
        },
        [](const std::string&) {});
    if (scores.all.correct != scores.all.gold) __builtin_trap();
  }
  return 0;
}
