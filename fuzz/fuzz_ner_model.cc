// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the NER model loader. Random bytes rarely pass the container's CRCs, so the input is
// also split at 0xFF bytes into the bodies of a valid "ner" container's sections, to reach the
// section parsers; a model that loads is run on a short sentence.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "annals/ner.h"
#include "nlp/model_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)annals::EntityRecognizer::FromBytes(bytes);

  static const char* const kSections[] = {"meta",          "types",   "gazetteer",
                                          "label_classes", "weights", "weights_backward"};
  annals::nlp::ModelWriter writer("ner");
  std::string_view rest(bytes);
  for (const char* name : kSections) {
    size_t cut = rest.find('\xff');
    std::string_view body = rest.substr(0, cut);
    if (std::string_view(name) == "meta" && body.empty()) {
      body = std::string_view("\x01\x00\x00\x00", 4);  // The current feature version.
    }
    writer.AddSection(name, std::string(body));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  }
  annals::Result<annals::EntityRecognizer> ner =
      annals::EntityRecognizer::FromBytes(writer.Serialize());
  if (ner.ok()) {
    annals::Sentence s;
    uint32_t pos = 0;
    for (const char* form : {"Maria", "Lopez", "visited", "the", "United", "Nations", "."}) {
      annals::Word w;
      w.id = static_cast<int>(s.words.size()) + 1;
      w.form = form;
      w.upos = "PROPN";
      w.span = {pos, pos + static_cast<uint32_t>(w.form.size())};
      pos = w.span.end + 1;
      s.words.push_back(w);
    }
    for (const annals::Entity& e : ner->Recognize(s)) {
      if (e.first_word < 0 || e.last_word >= static_cast<int>(s.words.size())) __builtin_trap();
    }
  }
  return 0;
}
