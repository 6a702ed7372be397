// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes HTML article extraction (whole pages, charset sniffing, meta/JSON-LD dates) and the
// fragment-to-text path the feed reader uses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/format_readers.h"
#include "io/html_extract.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  annals::Result<annals::Document> doc =
      annals::io::ExtractHtmlArticle(input, "https://fuzz.example/a/b.html");
  if (doc.ok()) {
    // Everything a reader emits is valid UTF-8 with a non-empty text.
    if (doc->text.empty()) __builtin_trap();
    for (const std::string* s : {&doc->text, &doc->title, &doc->url, &doc->date, &doc->source}) {
      if (annals::util::FindInvalidUtf8(*s) != std::string_view::npos) __builtin_trap();
    }
  }
  std::string text = annals::io::HtmlFragmentToText(input);
  (void)text;
  return 0;
}
