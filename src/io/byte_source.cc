// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/byte_source.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace annals::io {
namespace {

class FileSource : public ByteSource {
 public:
  FileSource(FILE* f, bool owned) : f_(f), owned_(owned) {}
  ~FileSource() override {
    if (owned_) std::fclose(f_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) return IoError(std::strerror(errno));
    pos_ += got;
    return got;
  }
  uint64_t raw_position() const override { return pos_; }

 private:
  FILE* f_;
  bool owned_;
  uint64_t pos_ = 0;
};

class MemSource : public ByteSource {
 public:
  explicit MemSource(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  uint64_t raw_position() const override { return pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Multi-member gzip decoder. On a corrupt or truncated member it reports DataLoss once and
// resynchronises on the next gzip header found in the compressed bytes.
class GzSource : public ByteSource {
 public:
  explicit GzSource(std::unique_ptr<ByteSource> inner) : inner_(std::move(inner)), in_(1 << 16) {
    std::memset(&z_, 0, sizeof(z_));
    inflateInit2(&z_, 16 + MAX_WBITS);
  }
  ~GzSource() override { inflateEnd(&z_); }
  GzSource(const GzSource&) = delete;
  GzSource& operator=(const GzSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    while (true) {
      if (z_.avail_in == 0 && !inner_eof_) {
        Result<size_t> got = inner_->Read(in_.data(), in_.size());
        if (!got.ok()) return got.status();
        if (*got == 0) {
          inner_eof_ = true;
        } else {
          in_base_ += in_used_;
          in_used_ = *got;
          z_.next_in = reinterpret_cast<Bytef*>(in_.data());
          z_.avail_in = static_cast<uInt>(*got);
        }
      }
      if (z_.avail_in == 0 && inner_eof_) {
        if (in_member_) {
          in_member_ = false;
          inflateReset(&z_);
          return DataLossError("truncated gzip member at compressed offset " +
                               std::to_string(member_start_));
        }
        return size_t{0};
      }
      if (!in_member_) {
        in_member_ = true;
        member_start_ = in_base_ + (in_used_ - z_.avail_in);
      }
      z_.next_out = reinterpret_cast<Bytef*>(buf);
      z_.avail_out = static_cast<uInt>(n);
      int rc = inflate(&z_, Z_NO_FLUSH);
      size_t produced = n - z_.avail_out;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);
        SkipPadding();
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        uint64_t bad = member_start_;
        in_member_ = false;
        inflateReset(&z_);
        Resync();
        return DataLossError("corrupt gzip member at compressed offset " + std::to_string(bad) +
                             (z_.msg ? std::string(": ") + z_.msg : std::string()));
      }
      if (produced > 0) return produced;
    }
  }
  uint64_t raw_position() const override { return inner_->raw_position(); }

 private:
  // Trailing zero bytes after a member are tolerated (some writers pad).
  void SkipPadding() {
    while (z_.avail_in > 0 && *z_.next_in == 0) {
      ++z_.next_in;
      --z_.avail_in;
    }
  }
  // Drops input up to the next gzip magic (0x1f 0x8b 0x08) in the current buffer and beyond.
  void Resync() {
    // Step past the byte where the bad member started so we never find the same header again.
    if (z_.avail_in > 0) {
      ++z_.next_in;
      --z_.avail_in;
    }
    while (true) {
      while (z_.avail_in >= 3) {
        if (z_.next_in[0] == 0x1f && z_.next_in[1] == 0x8b && z_.next_in[2] == 0x08) return;
        ++z_.next_in;
        --z_.avail_in;
      }
      if (inner_eof_) {
        z_.avail_in = 0;
        return;
      }
      // Keep the last up-to-2 bytes, refill behind them.
      std::string keep(reinterpret_cast<char*>(z_.next_in), z_.avail_in);
      Result<size_t> got = inner_->Read(in_.data() + keep.size(), in_.size() - keep.size());
      if (!got.ok() || *got == 0) {
        inner_eof_ = true;
        z_.avail_in = 0;
        return;
      }
      std::memcpy(in_.data(), keep.data(), keep.size());
      in_base_ += in_used_ - keep.size();
      in_used_ = keep.size() + *got;
      z_.next_in = reinterpret_cast<Bytef*>(in_.data());
      z_.avail_in = static_cast<uInt>(in_used_);
    }
  }

  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  z_stream z_;
  bool inner_eof_ = false;
  bool in_member_ = false;
  uint64_t in_base_ = 0;   // Compressed offset of in_[0].
  size_t in_used_ = 0;     // Valid bytes in in_.
  uint64_t member_start_ = 0;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(new FileSource(stdin, false));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    if (err == ENOENT) return NotFoundError(path + ": no such file");
    return IoError(path + ": " + std::strerror(err));
  }
  return std::unique_ptr<ByteSource>(new FileSource(f, true));
}

std::unique_ptr<ByteSource> MemorySource(std::string_view data) {
  return std::make_unique<MemSource>(data);
}

std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> inner) {
  return std::make_unique<GzSource>(std::move(inner));
}

bool LooksGzipped(std::string_view prefix) {
  return prefix.size() >= 2 && static_cast<unsigned char>(prefix[0]) == 0x1f &&
         static_cast<unsigned char>(prefix[1]) == 0x8b;
}

LineReader::LineReader(ByteSource& source, size_t max_line) : source_(source), max_line_(max_line) {}

bool LineReader::Fill(Status& error) {
  if (eof_) return false;
  if (pos_ > 0) {
    consumed_ += pos_;
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buffer_.size();
  buffer_.resize(old + (1 << 16));
  Result<size_t> got = source_.Read(buffer_.data() + old, 1 << 16);
  if (!got.ok()) {
    buffer_.resize(old);
    error = got.status();
    return false;
  }
  buffer_.resize(old + *got);
  if (*got == 0) eof_ = true;
  return *got > 0;
}

bool LineReader::Next(std::string& line, bool& truncated, Status& error) {
  truncated = false;
  error = Status::Ok();
  line.clear();
  size_t scan = pos_;
  while (true) {
    size_t nl = buffer_.find('\n', scan);
    if (nl != std::string::npos) {
      size_t end = nl;
      if (end > pos_ && buffer_[end - 1] == '\r') --end;
      size_t len = end - pos_;
      if (len > max_line_) {
        len = max_line_;
        truncated = true;
      }
      line.assign(buffer_, pos_, len);
      line_offset_ = consumed_ + pos_;
      ++line_number_;
      pos_ = nl + 1;
      return true;
    }
    if (buffer_.size() - pos_ > max_line_) {
      // Overlong line: keep the head, skip to the end of the line.
      line.assign(buffer_, pos_, max_line_);
      line_offset_ = consumed_ + pos_;
      ++line_number_;
      truncated = true;
      while (true) {
        size_t nl2 = buffer_.find('\n', pos_);
        if (nl2 != std::string::npos) {
          pos_ = nl2 + 1;
          return true;
        }
        pos_ = buffer_.size();
        Status e;
        if (!Fill(e)) {
          if (!e.ok()) error = e;
          return true;
        }
      }
    }
    scan = buffer_.size() - pos_;
    size_t rel = scan;
    Status e;
    bool more = Fill(e);
    scan = pos_ + rel;
    if (!e.ok()) {
      // Corruption: drop the partial line and report it.
      line_offset_ = consumed_ + pos_;
      pos_ = buffer_.size();
      ++line_number_;
      error = e;
      return true;
    }
    if (!more) {
      if (pos_ >= buffer_.size()) return false;
      line.assign(buffer_, pos_, buffer_.size() - pos_);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      line_offset_ = consumed_ + pos_;
      ++line_number_;
      pos_ = buffer_.size();
      return true;
    }
  }
}

Result<std::string> ReadAll(ByteSource& source, uint64_t limit) {
  std::string out;
  char buf[1 << 16];
  while (true) {
    Result<size_t> got = source.Read(buf, sizeof(buf));
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    if (out.size() + *got > limit) {
      return DataLossError("input larger than the limit of " + std::to_string(limit) + " bytes");
    }
    out.append(buf, *got);
  }
  return out;
}

}  // namespace annals::io
