// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the jsonl reader on arbitrary bytes through a MemorySource, checking the invariants in
// fuzz_reader_common.h. A small record limit exercises the overlong-record paths too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_reader_common.h"
#include "io/byte_source.h"
#include "io/format_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  annals::ReaderOptions options;
  options.max_record_bytes = 16384;
  annals::fuzz::CountingSink sink;
  annals::ReadStats stats;
  annals::io::ReadContext ctx(options, sink, "fuzz.jsonl", stats);
  auto src = annals::io::MemorySource(input);
  annals::Status st = annals::io::ReadJsonlInput(*src, ctx);
  (void)st;
  ANNALS_FUZZ_CHECK(stats.documents == sink.documents && stats.rejects == sink.rejects);
  return 0;
}
