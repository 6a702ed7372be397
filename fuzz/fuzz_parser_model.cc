// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the parser model loader. Inputs whose first byte is even are loaded as whole model files
// (container checks first); odd ones become the "weights" section of an otherwise valid container,
// so the fuzzer reaches the weight-table decoder past the CRCs; those also get a "decode" section
// with beam width (first byte >> 3) - 1 when that is not -1 (0 is invalid; the rest decode with
// a beam). A model that loads must parse a sentence into a single-rooted tree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "annals/parser.h"
#include "nlp/model_file.h"
#include "nlp/parse/features.h"
#include "nlp/parse/transition.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 1) {
    annals::nlp::ModelWriter w("parser");
    annals::nlp::ByteWriter meta;
    meta.U32(1);
    meta.U32(annals::nlp::parse::kFeatureSetVersion);
    w.AddSection("meta", meta.Take());
    annals::nlp::ByteWriter labels;
    int n = 1 + data[0] / 2 % 4;
    labels.VarU(n);
    for (int i = 0; i < n; ++i) labels.Str(i == 0 ? "root" : "dep" + std::to_string(i));
    w.AddSection("labels", labels.Take());
    w.AddSection("weights", bytes);
    if (data[0] >> 3 != 0) {
      annals::nlp::ByteWriter decode;
      decode.VarU((data[0] >> 3) - 1);
      w.AddSection("decode", decode.Take());
    }
    bytes = w.Serialize();
  }
  annals::Result<annals::Parser> parser = annals::Parser::FromBytes(std::move(bytes));
  if (!parser.ok()) return 0;
  annals::Sentence s;
  const char* forms[] = {"Officials", "met", "in", "Paris", "."};
  const char* tags[] = {"NOUN", "VERB", "ADP", "PROPN", "PUNCT"};
  for (int i = 0; i < 5; ++i) {
    annals::Word w;
    w.id = i + 1;
    w.form = forms[i];
    w.upos = tags[i];
    s.words.push_back(w);
  }
  if (!parser->Parse(s).ok()) std::abort();
  std::vector<int> heads(6, 0);
  for (int i = 0; i < 5; ++i) heads[i + 1] = s.words[i].head;
  if (!annals::nlp::parse::IsWellFormedSingleRoot(heads)) std::abort();
  return 0;
}
