// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the versioned binary container every Annals model is stored in (docs/models.md).
//
//   magic    8 bytes  "ANNALSMD"
//   version  u32 LE   container version (kModelFileVersion)
//   kind     str      model kind ("tagger", "parser", "ner", ...)
//   count    u32 LE   number of sections
//   section* { name: str, size: u64 LE, crc32: u32 LE, bytes[size] }
//   str = u32 LE length + bytes
//
// A model is written with ModelWriter and read with ModelFile::Load, which checks magic, version,
// kind and each section's CRC-32, and serves sections as string_views into one buffer (no copy).
// ByteWriter/ByteReader encode the primitives inside a section (little-endian, varints).
#ifndef ANNALS_NLP_MODEL_FILE_H_
#define ANNALS_NLP_MODEL_FILE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals::nlp {

inline constexpr uint32_t kModelFileVersion = 1;

// Appends primitives to a byte string.
class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v);
  void U64(uint64_t v);
  void VarU(uint64_t v);
  void F32(float v);
  void Str(std::string_view s);
  void F32Array(const std::vector<float>& v);
  const std::string& bytes() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads primitives back; every read checks bounds and sets a sticky error.
class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  uint8_t U8();
  uint32_t U32();
  uint64_t U64();
  uint64_t VarU();
  float F32();
  std::string_view Str();
  std::vector<float> F32Array();
  bool ok() const { return ok_; }
  bool done() const { return pos_ == data_.size(); }
  // DataLoss naming `what` when a read ran past the end.
  Status status(std::string_view what) const;

 private:
  bool Need(size_t n);
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

class ModelWriter {
 public:
  explicit ModelWriter(std::string kind) : kind_(std::move(kind)) {}
  void AddSection(std::string name, std::string bytes);
  // Writes atomically (temp file + rename).
  Status Save(const std::string& path) const;
  std::string Serialize() const;

 private:
  std::string kind_;
  std::vector<std::pair<std::string, std::string>> sections_;
};

class ModelFile {
 public:
  // Loads and verifies `path`; `kind` must match the file's kind.
  static Result<ModelFile> Load(const std::string& path, std::string_view kind);
  // Same, from bytes in memory (used by tests and fuzzers).
  static Result<ModelFile> Parse(std::string bytes, std::string_view kind);

  bool Has(std::string_view name) const { return sections_.count(std::string(name)) > 0; }
  // NotFound when absent.
  Result<std::string_view> Section(std::string_view name) const;
  const std::string& kind() const { return kind_; }

 private:
  std::string buffer_;
  std::string kind_;
  std::map<std::string, std::pair<size_t, size_t>> sections_;  // name -> (offset, size)
};

uint32_t Crc32(std::string_view data);

}  // namespace annals::nlp

#endif  // ANNALS_NLP_MODEL_FILE_H_
