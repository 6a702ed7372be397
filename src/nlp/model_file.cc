// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/model_file.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace annals::nlp {

void ByteWriter::U32(uint32_t v) {
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void ByteWriter::U64(uint64_t v) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void ByteWriter::VarU(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}
void ByteWriter::F32(float v) {
  uint32_t u;
  std::memcpy(&u, &v, 4);
  U32(u);
}
void ByteWriter::Str(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  out_.append(s);
}
void ByteWriter::F32Array(const std::vector<float>& v) {
  U64(v.size());
  for (float f : v) F32(f);
}

bool ByteReader::Need(size_t n) {
  if (!ok_ || data_.size() - pos_ < n) {
    ok_ = false;
    return false;
  }
  return true;
}
uint8_t ByteReader::U8() {
  if (!Need(1)) return 0;
  return static_cast<uint8_t>(data_[pos_++]);
}
uint32_t ByteReader::U32() {
  if (!Need(4)) return 0;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<uint32_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
  pos_ += 4;
  return v;
}
uint64_t ByteReader::U64() {
  if (!Need(8)) return 0;
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<uint64_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
  pos_ += 8;
  return v;
}
uint64_t ByteReader::VarU() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (!Need(1)) return 0;
    uint8_t b = static_cast<uint8_t>(data_[pos_++]);
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return v;
  }
  ok_ = false;
  return 0;
}
float ByteReader::F32() {
  uint32_t u = U32();
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
std::string_view ByteReader::Str() {
  uint32_t n = U32();
  if (!Need(n)) return {};
  std::string_view s = data_.substr(pos_, n);
  pos_ += n;
  return s;
}
std::vector<float> ByteReader::F32Array() {
  uint64_t n = U64();
  if (!ok_ || n > (data_.size() - pos_) / 4) {
    ok_ = false;
    return {};
  }
  std::vector<float> v(n);
  for (uint64_t i = 0; i < n; ++i) v[i] = F32();
  return v;
}
Status ByteReader::status(std::string_view what) const {
  if (ok_) return Status::Ok();
  return DataLossError(std::string(what) + ": truncated or malformed data");
}

uint32_t Crc32(std::string_view data) {
  return static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

void ModelWriter::AddSection(std::string name, std::string bytes) {
  sections_.emplace_back(std::move(name), std::move(bytes));
}

std::string ModelWriter::Serialize() const {
  ByteWriter w;
  std::string out = "ANNALSMD";
  w.U32(kModelFileVersion);
  w.Str(kind_);
  w.U32(static_cast<uint32_t>(sections_.size()));
  for (const auto& [name, bytes] : sections_) {
    w.Str(name);
    w.U64(bytes.size());
    w.U32(Crc32(bytes));
    out += w.bytes();
    w = ByteWriter();
    out += bytes;
  }
  out += w.bytes();
  return out;
}

Status ModelWriter::Save(const std::string& path) const {
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return IoError(path + ": cannot open for writing");
    std::string bytes = Serialize();
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return IoError(path + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return IoError(path + ": rename failed");
  return Status::Ok();
}

Result<ModelFile> ModelFile::Load(const std::string& path, std::string_view kind) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return NotFoundError(path + ": cannot open model");
  // One read into a buffer of the file's size (no copies while a stream buffer grows).
  f.seekg(0, std::ios::end);
  const std::streamoff size = f.tellg();
  f.seekg(0, std::ios::beg);
  std::string bytes;
  if (size > 0) {
    bytes.resize(static_cast<size_t>(size));
    f.read(bytes.data(), size);
    if (f.gcount() != size) return IoError(path + ": read failed");
  } else {
    f.clear();
    std::ostringstream ss;
    ss << f.rdbuf();
    bytes = std::move(ss).str();
  }
  Result<ModelFile> m = Parse(std::move(bytes), kind);
  if (!m.ok()) return m.status().WithContext(path);
  return m;
}

Result<ModelFile> ModelFile::Parse(std::string bytes, std::string_view kind) {
  if (bytes.size() < 8 || bytes.compare(0, 8, "ANNALSMD") != 0) {
    return DataLossError("not an Annals model (bad magic)");
  }
  ModelFile m;
  m.buffer_ = std::move(bytes);
  std::string_view all(m.buffer_);
  ByteReader r(all.substr(8));
  uint32_t version = r.U32();
  if (r.ok() && version != kModelFileVersion) {
    return DataLossError("model container version " + std::to_string(version) +
                         " is not supported (expected " + std::to_string(kModelFileVersion) + ")");
  }
  m.kind_ = std::string(r.Str());
  uint32_t count = r.U32();
  if (!r.ok()) return r.status("model header");
  if (m.kind_ != kind) {
    return InvalidArgumentError("model is a '" + m.kind_ + "' model, expected '" +
                                std::string(kind) + "'");
  }
  size_t pos = 8 + 4 + 4 + m.kind_.size() + 4;
  for (uint32_t i = 0; i < count; ++i) {
    ByteReader h(all.substr(pos));
    std::string name(h.Str());
    uint64_t size = h.U64();
    uint32_t crc = h.U32();
    if (!h.ok()) return h.status("section header");
    pos += 4 + name.size() + 8 + 4;
    if (size > all.size() - pos) return DataLossError("section '" + name + "' is truncated");
    if (Crc32(all.substr(pos, size)) != crc) {
      return DataLossError("section '" + name + "' fails its CRC-32 check");
    }
    m.sections_[name] = {pos, size};
    pos += size;
  }
  return m;
}

Result<std::string_view> ModelFile::Section(std::string_view name) const {
  auto it = sections_.find(std::string(name));
  if (it == sections_.end())
    return NotFoundError("model has no section '" + std::string(name) + "'");
  return std::string_view(buffer_).substr(it->second.first, it->second.second);
}

}  // namespace annals::nlp
