// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the multi-member gzip decoder and the line reader on top of it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/byte_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto src = annals::io::GzipSource(annals::io::MemorySource(input));
  annals::io::LineReader lines(*src, 4096);
  std::string line;
  bool truncated = false;
  annals::Status err;
  for (int i = 0; i < 100000 && lines.Next(line, truncated, err); ++i) {
  }
  return 0;
}
