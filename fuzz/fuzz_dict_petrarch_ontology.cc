// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the PICO ontology reader (loaded as "Fuzz.Ontology.txt"), then matches the input's own
// words against what was loaded: no input may crash either.
#include "fuzz_dict_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzDictionaryFile("Fuzz.Ontology.txt", data, size);
}
