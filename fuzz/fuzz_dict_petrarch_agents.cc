// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the PETRARCH agent dictionary reader (loaded as "Fuzz.agents.txt") (fuzz_dict_common.h).
#include "fuzz_dict_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzDictionaryFile("Fuzz.agents.txt", data, size);
}
