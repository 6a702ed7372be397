// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the event coder with arbitrary CoNLL-U trees (cycles, bad heads, odd labels) over a
// small in-memory dictionary and predicate table: coding and explaining must never crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "annals/coder.h"
#include "nlp/conllu.h"

namespace {

const annals::EventCoder* Coder() {
  static const annals::EventCoder* coder = [] {
    annals::Dictionary dict = annals::Dictionary::FromMemory(
        {{"countries.tsv",
          "code\tiso2\tnames\tadjectives\tdemonyms\tcapitals\tmetonyms\thistorical\tnote\n"
          "PER\tPE\tPeru\tPeruvian\tPeruvians\tLima\t\t\t\n"
          "CHL\tCL\tChile\tChilean\tChileans\tSantiago\t\t\t\n"}});
    annals::CoderOptions options;
    options.collect_unmatched = true;
    options.loose_targets = true;
    auto c = annals::EventCoder::FromDictionary(
        dict,
        "id\tcameo\tpos\tlemma\tparticle\tobject\ttarget\tflags\texample\n"
        "v.meet\t040\tVERB\tmeet\t-\t-\tobj,obl:with\t-\t-\n"
        "v.hold\t040\tVERB\thold\t-\ttalks\tnmod:with\t-\t-\n"
        "n.talks\t040\tNOUN\ttalks\t-\t-\tnmod:with\t-\t-\n",
        options);
    return c.ok() ? new annals::EventCoder(std::move(*c)) : nullptr;
  }();
  return coder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  const annals::EventCoder* coder = Coder();
  if (!coder) return 0;
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines;
  std::string cur;
  for (char c : input) {
    if (c == '\n') {
      if (!cur.empty()) lines.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  auto cs = annals::nlp::ParseConlluBlock(lines, 1);
  if (!cs.ok()) return 0;
  annals::Document doc;
  doc.text = cs->text;
  doc.date = "2025-09-02";
  doc.sentences.push_back(std::move(cs->sentence));
  annals::CodingStats stats;
  (void)coder->Code(doc, &stats);
  annals::CodingTrace trace;
  (void)coder->CodeSentence(doc, 0, &stats, &trace);
  return 0;
}
