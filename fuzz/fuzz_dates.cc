// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the date finder: any bytes, a fixed anchor; spans must stay inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "annals/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const annals::DateMention& m : annals::FindDates(text, {2025, 9, 2})) {
    if (m.span.end > text.size() || m.span.begin > m.span.end) std::abort();
    if (m.Iso().empty()) std::abort();
  }
  (void)annals::ResolveDatelineDate(text, {2025, 0, 0});
  (void)annals::ParseIsoDate(text);
  return 0;
}
