// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the native TSV table (header decides the table) reader (loaded as "fuzz.tsv")
// (fuzz_dict_common.h).
#include "fuzz_dict_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzDictionaryFile("fuzz.tsv", data, size);
}
