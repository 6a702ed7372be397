// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the count, quote and event-date extractors on arbitrary text: words cut on spaces (no
// tags, no parse, so the surface fallbacks run), plus a bogus parse from the input bytes to test
// head-chain walks; every span must stay inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "annals/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  doc.date = "2025-09-02";
  annals::Sentence s;
  s.span = {0, static_cast<uint32_t>(size)};
  size_t i = 0;
  while (i < size) {
    while (i < size && (data[i] == ' ' || data[i] == '\n')) ++i;
    size_t b = i;
    while (i < size && data[i] != ' ' && data[i] != '\n') ++i;
    if (i == b) break;
    annals::Word w;
    w.id = static_cast<int>(s.words.size()) + 1;
    w.form = doc.text.substr(b, i - b);
    w.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(i)};
    // Arbitrary heads (including out-of-range and cycles) from the word's first byte.
    w.head = data[b] % 2 == 0 ? static_cast<int>(data[b] % 7) - 1 : -1;
    w.upos = data[b] % 3 == 0 ? "VERB" : "";
    w.deprel = data[b] % 5 == 0 ? "nsubj" : (data[b] % 5 == 1 ? "ccomp" : "");
    s.words.push_back(std::move(w));
  }
  doc.sentences.push_back(std::move(s));
  annals::ExtractOptions o;
  annals::Analysis a = annals::Analyze(doc, o, {2025, 9, 2});
  for (const annals::CountMention& c : a.counts) {
    if (c.span.end > size || c.span.begin > c.span.end) std::abort();
  }
  for (const annals::Quote& q : a.quotes) {
    if (q.span.end > size || q.span.begin > q.span.end) std::abort();
  }
  std::string json = annals::AnalysisToJson(doc, a);
  if (json.empty()) std::abort();
  return 0;
}
