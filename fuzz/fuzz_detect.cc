// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes detection and dispatch: gzip sniffing, format sniffing, the empty/binary checks and
// whichever reader the bytes select (as ReadInputs does for a file without extension), plus the
// date and dateline parsers on the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_reader_common.h"
#include "io/byte_source.h"
#include "io/dateline.h"
#include "io/dates.h"
#include "io/detect.h"
#include "io/format_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  annals::InputFormat f = annals::io::SniffFormat(input);
  ANNALS_FUZZ_CHECK(f != annals::InputFormat::kAuto);
  (void)annals::io::FormatFromExtension(input.substr(0, 64));
  (void)annals::io::HasInputExtension(input.substr(0, 64));
  std::string date = annals::io::NormalizeDate(input.substr(0, 80));
  // "YYYY-MM-DD", then with "THH:MM:SS", "...Z" or "...+HH:MM".
  ANNALS_FUZZ_CHECK(date.empty() || date.size() == 10 || date.size() == 19 || date.size() == 20 ||
                    date.size() == 25);
  std::string iso;
  auto dl = annals::io::FindDateline(input, &iso);
  if (dl) ANNALS_FUZZ_CHECK(dl->span.end <= input.size());
  std::string named = annals::io::DateFromFileName(input.substr(0, 64), dl);
  ANNALS_FUZZ_CHECK(named.empty() || named.size() == 10);

  annals::ReaderOptions options;
  options.max_record_bytes = 16384;
  annals::fuzz::CountingSink sink;
  annals::ReadStats stats;
  annals::io::ReadOneInput("fuzz", annals::io::MemorySource(input), options, sink, stats, 0, size);
  ANNALS_FUZZ_CHECK(stats.bytes <= size);
  return 0;
}
