// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the WARC reader with its record counts exposed (tests, benchmarks). ReadWarcInput
// (io/format_readers.h) is ReadWarcRecords without counts. Handling and deviations from the WARC
// 1.1 standard are documented in docs/formats.md.
#ifndef ANNALS_IO_WARC_READER_H_
#define ANNALS_IO_WARC_READER_H_

#include <cstdint>
#include <map>
#include <string>

#include "annals/status.h"
#include "io/byte_source.h"
#include "io/format_readers.h"

namespace annals::io {

struct WarcCounts {
  uint64_t records = 0;    // Records started (a version line was read), including bad ones.
  uint64_t documents = 0;  // Documents emitted.
  uint64_t rejects = 0;    // Rejects reported (bad records, gzip faults, pages without text).
  uint64_t skipped = 0;    // Records that are not articles, by reason in `skipped_by_reason`:
                           // "warcinfo", "request", "metadata", "revisit", "resource",
                           // "response: status 404", "response: image/png", "response: not HTTP".
  std::map<std::string, uint64_t> skipped_by_reason;
};

// Reads WARC records from `in` (already decompressed). `counts` may be null.
Status ReadWarcRecords(ByteSource& in, ReadContext& ctx, WarcCounts* counts);

// Decodes an HTTP/1.1 chunked body. DataLoss when the framing is broken.
Result<std::string> Dechunk(std::string_view body, uint64_t limit);

// Inflates a gzip, zlib or raw-deflate body (auto-detected) of at most `limit` output bytes.
Result<std::string> InflateBody(std::string_view body, uint64_t limit);

}  // namespace annals::io

#endif  // ANNALS_IO_WARC_READER_H_
