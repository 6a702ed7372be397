// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the WARC reader through the gzip source (as .warc.gz files are read) and, for inputs that
// are not gzip, directly on the bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "annals/reader.h"
#include "io/byte_source.h"
#include "io/warc_reader.h"

namespace {

class CheckingSink : public annals::DocumentSink {
 public:
  bool Accept(annals::Document&& doc) override {
    if (doc.text.empty() || doc.origin_location.rfind("record ", 0) != 0) __builtin_trap();
    return true;
  }
  void OnReject(const annals::Reject& reject) override {
    if (reject.reason.empty() || reject.location.empty()) __builtin_trap();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  annals::ReaderOptions options;
  options.max_record_bytes = 1 << 18;
  annals::ReadStats stats;
  CheckingSink sink;
  annals::io::ReadContext ctx(options, sink, "fuzz.warc", stats);
  std::unique_ptr<annals::io::ByteSource> src = annals::io::MemorySource(input);
  if (annals::io::LooksGzipped(input)) src = annals::io::GzipSource(std::move(src));
  annals::io::WarcCounts counts;
  annals::Status s = annals::io::ReadWarcRecords(*src, ctx, &counts);
  (void)s;
  if (counts.documents != stats.documents) __builtin_trap();
  return 0;
}
