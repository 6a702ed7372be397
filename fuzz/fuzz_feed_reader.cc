// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the RSS/Atom reader (repair filter, SAX push parser in recover mode, field mapping).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "annals/reader.h"
#include "io/byte_source.h"
#include "io/format_readers.h"
#include "util/text.h"

namespace {

class CheckingSink : public annals::DocumentSink {
 public:
  bool Accept(annals::Document&& doc) override {
    if (doc.text.empty() || doc.origin_location.rfind("item ", 0) != 0) __builtin_trap();
    for (const std::string* s : {&doc.text, &doc.title, &doc.url, &doc.source, &doc.id}) {
      if (annals::util::FindInvalidUtf8(*s) != std::string_view::npos) __builtin_trap();
    }
    return true;
  }
  void OnReject(const annals::Reject& reject) override {
    if (reject.reason.empty()) __builtin_trap();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  annals::ReaderOptions options;
  options.max_record_bytes = 1 << 16;
  annals::ReadStats stats;
  CheckingSink sink;
  annals::io::ReadContext ctx(options, sink, "fuzz.xml", stats);
  auto src = annals::io::MemorySource(input);
  annals::Status s = annals::io::ReadFeedInput(*src, ctx);
  (void)s;
  return 0;
}
