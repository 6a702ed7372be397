// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: a pull-based stream of bytes (file, stdin, memory, gzip) that the format readers
// consume. Gzip sources decode multi-member streams and survive corrupt or truncated members:
// `Read` returns a DataLoss status naming the member's offset once, then continues with the next
// member it can find, so a reader can reject the current record and carry on.
#ifndef ANNALS_IO_BYTE_SOURCE_H_
#define ANNALS_IO_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`. Returns the count read; 0 means end of input. A DataLoss
  // error reports corruption that was skipped; reading may continue after it.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // Bytes consumed from the underlying file so far (compressed bytes for gzip), for progress.
  virtual uint64_t raw_position() const = 0;
};

// Reads a file, or stdin when `path` is "-". NotFound/IoError when it cannot be opened.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);
// Reads from memory that must outlive the source.
std::unique_ptr<ByteSource> MemorySource(std::string_view data);
// Decompresses gzip (all members, RFC 1952) from `inner`.
std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> inner);
// True when `prefix` starts with the gzip magic bytes.
bool LooksGzipped(std::string_view prefix);

// Buffered line reader over a ByteSource. Lines exclude the terminating "\n" (and a "\r" before
// it). Lines longer than `max_line` are returned truncated with `truncated` set.
class LineReader {
 public:
  LineReader(ByteSource& source, size_t max_line);
  // Returns false at end of input. On a DataLoss from the source, returns true with `error` set
  // and an empty line; the next call continues after the corruption.
  bool Next(std::string& line, bool& truncated, Status& error);
  // 1-based number of the line last returned.
  uint64_t line_number() const { return line_number_; }
  // Byte offset (in decompressed input) where the last returned line starts.
  uint64_t line_offset() const { return line_offset_; }

 private:
  bool Fill(Status& error);
  ByteSource& source_;
  size_t max_line_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t consumed_ = 0;  // Decompressed bytes before buffer_[0].
  uint64_t line_number_ = 0;
  uint64_t line_offset_ = 0;
};

// Reads the whole source (at most `limit` bytes; DataLoss beyond). Corruption errors are returned.
Result<std::string> ReadAll(ByteSource& source, uint64_t limit);

}  // namespace annals::io

#endif  // ANNALS_IO_BYTE_SOURCE_H_
