// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the model container (ModelFile::Parse) and the tagger loader. The container checks each
// section's CRC, which random bytes almost never pass; so the input is also wrapped in a valid
// container, its bytes split among the tagger's sections, to reach the section parsers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "annals/tagger.h"
#include "nlp/model_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)annals::nlp::ModelFile::Parse(bytes, "tagger");
  (void)annals::Tagger::FromBytes(bytes);

  // Split the input at 0xFF bytes into section bodies.
  static const char* const kSections[] = {
      "meta",   "tags",    "ambiguity", "weights",          "feats",
      "lemmas", "wordnet", "wnpos",     "weights_backward", "unambiguous"};
  annals::nlp::ModelWriter writer("tagger");
  std::string_view rest(bytes);
  for (const char* name : kSections) {
    size_t cut = rest.find('\xff');
    std::string_view body = rest.substr(0, cut);
    if (std::string_view(name) == "meta" && body.empty()) {
      body = std::string_view("\x03\x00\x00\x00", 4);  // The current feature version.
    }
    writer.AddSection(name, std::string(body));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  }
  annals::Result<annals::Tagger> tagger = annals::Tagger::FromBytes(writer.Serialize());
  if (tagger.ok()) {
    annals::Sentence s;
    for (const char* form : {"The", "ministers", "met", "in", "Geneva", "'s", "n't", "."}) {
      annals::Word w;
      w.id = static_cast<int>(s.words.size()) + 1;
      w.form = form;
      s.words.push_back(w);
    }
    tagger->Tag(s);
  }
  return 0;
}
