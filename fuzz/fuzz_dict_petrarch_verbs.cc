// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the PETRARCH CAMEO verb dictionary reader (loaded as "CAMEO.fuzz.txt")
// (fuzz_dict_common.h).
#include "fuzz_dict_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzDictionaryFile("CAMEO.fuzz.txt", data, size);
}
