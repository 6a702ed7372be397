// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// ReadInputs: expands paths, opens each input (gunzipping when it starts with the gzip magic),
// decides its format and hands it to the per-format reader in format_readers.h.
#include "annals/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "io/detect.h"
#include "io/format_readers.h"
#include "util/text.h"

namespace annals {

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kFeed:
      return "feed";
    case InputFormat::kWarc:
      return "warc";
    case InputFormat::kConllu:
      return "conllu";
  }
  return "auto";
}

Result<InputFormat> ParseInputFormat(std::string_view name) {
  std::string n = util::AsciiLower(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "jsonl" || n == "json" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "html" || n == "htm") return InputFormat::kHtml;
  if (n == "feed" || n == "rss" || n == "atom") return InputFormat::kFeed;
  if (n == "warc") return InputFormat::kWarc;
  if (n == "conllu") return InputFormat::kConllu;
  return InvalidArgumentError("unknown input format '" + std::string(name) +
                              "' (expected auto, text, jsonl, html, feed, warc or conllu)");
}

std::string Reject::Message() const {
  std::string out = file;
  if (!location.empty()) {
    out += ':';
    out += location;
  }
  out += ": ";
  out += reason;
  return out;
}

namespace {

constexpr size_t kSniffBytes = 4096;

// One input to read: a path, "-" for stdin, or a path that could not be listed (error set).
struct Input {
  std::string path;
  uint64_t size = 0;  // 0 when unknown (stdin, pipes).
  std::string error;  // Non-empty: reject this input with this reason.
};

bool Hidden(const std::filesystem::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Appends the regular files under `dir` with an input extension (recursively, sorted by name,
// hidden entries skipped) and counts the other files in `skipped`. Symbolic links to directories
// are not followed (no cycles); links to files are read.
void WalkDirectory(const std::filesystem::path& dir, std::vector<Input>& out, uint64_t& skipped) {
  std::error_code ec;
  std::vector<std::filesystem::path> entries;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    out.push_back({dir.string(), 0, "cannot list directory: " + ec.message()});
    return;
  }
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!Hidden(it->path())) entries.push_back(it->path());
  }
  if (ec) out.push_back({dir.string(), 0, "cannot list directory: " + ec.message()});
  std::sort(entries.begin(), entries.end());
  for (const std::filesystem::path& p : entries) {
    std::error_code ec2;
    std::filesystem::file_status link = std::filesystem::symlink_status(p, ec2);
    if (std::filesystem::is_directory(link)) {
      WalkDirectory(p, out, skipped);
      continue;
    }
    std::filesystem::file_status st = std::filesystem::status(p, ec2);
    if (std::filesystem::is_directory(st)) continue;  // Symlinked directory: not followed.
    if (ec2) {
      out.push_back({p.string(), 0, "cannot stat: " + ec2.message()});
      continue;
    }
    if (!std::filesystem::is_regular_file(st)) continue;  // Sockets, FIFOs inside directories.
    if (!io::HasInputExtension(p.string())) {
      ++skipped;
      continue;
    }
    std::error_code ec3;
    uint64_t size = std::filesystem::file_size(p, ec3);
    out.push_back({p.string(), ec3 ? 0 : size, ""});
  }
}

std::vector<Input> ExpandPaths(const std::vector<std::string>& paths, uint64_t& skipped) {
  std::vector<Input> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({path, 0, ""});
      continue;
    }
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      int err = errno;
      out.push_back({path, 0, err == ENOENT ? "no such file or directory" : std::strerror(err)});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      WalkDirectory(path, out, skipped);
    } else {
      out.push_back({path, S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0, ""});
    }
  }
  return out;
}

// Counts raw bytes as they are read and reports progress to the sink.
class ProgressSource : public io::ByteSource {
 public:
  ProgressSource(std::unique_ptr<io::ByteSource> inner, DocumentSink& sink, uint64_t base,
                 uint64_t total)
      : inner_(std::move(inner)), sink_(sink), base_(base), total_(total) {}
  Result<size_t> Read(char* buf, size_t n) override {
    Result<size_t> got = inner_->Read(buf, n);
    if (got.ok() && *got > 0) sink_.OnProgress(base_ + inner_->raw_position(), total_);
    return got;
  }
  uint64_t raw_position() const override { return inner_->raw_position(); }

 private:
  std::unique_ptr<io::ByteSource> inner_;
  DocumentSink& sink_;
  uint64_t base_;
  uint64_t total_;
};

// Replays a peeked prefix, then an error met while peeking (once), then the rest of `inner`.
class PrefixSource : public io::ByteSource {
 public:
  PrefixSource(std::string prefix, Status pending, io::ByteSource* inner)
      : prefix_(std::move(prefix)), pending_(std::move(pending)), inner_(inner) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    if (!pending_.ok()) {
      Status e = std::move(pending_);
      pending_ = Status::Ok();
      return e;
    }
    return inner_->Read(buf, n);
  }
  uint64_t raw_position() const override { return inner_->raw_position(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  Status pending_;
  io::ByteSource* inner_;
};

// Reads up to `n` bytes from `src` into `out`, stopping early at the end of input or at the first
// error, which is returned (the bytes before it are kept).
Status Peek(io::ByteSource& src, size_t n, std::string& out) {
  out.assign(n, '\0');
  size_t have = 0;
  Status error;
  while (have < n) {
    Result<size_t> got = src.Read(out.data() + have, n - have);
    if (!got.ok()) {
      error = got.status();
      break;
    }
    if (*got == 0) break;
    have += *got;
  }
  out.resize(have);
  return error;
}

Status Dispatch(InputFormat format, io::ByteSource& in, io::ReadContext& ctx) {
  switch (format) {
    case InputFormat::kText:
      return io::ReadTextInput(in, ctx);
    case InputFormat::kJsonl:
      return io::ReadJsonlInput(in, ctx);
    case InputFormat::kHtml:
      return io::ReadHtmlInput(in, ctx);
    case InputFormat::kFeed:
      return io::ReadFeedInput(in, ctx);
    case InputFormat::kWarc:
      return io::ReadWarcInput(in, ctx);
    case InputFormat::kConllu:
      return io::ReadConlluInput(in, ctx);
    case InputFormat::kAuto:
      break;
  }
  return InternalError("no reader for format auto");
}

}  // namespace

namespace io {

bool ReadOneInput(const std::string& path, std::unique_ptr<ByteSource> raw,
                  const ReaderOptions& options, DocumentSink& sink, ReadStats& stats, uint64_t base,
                  uint64_t total) {
  ReadContext ctx(options, sink, path, stats);
  ProgressSource counted(std::move(raw), sink, base, total);

  // Gzip is recognised by its magic bytes, whatever the file is called.
  std::string magic;
  Status magic_error = Peek(counted, 2, magic);
  bool gzipped = io::LooksGzipped(magic);
  std::unique_ptr<io::ByteSource> src =
      std::make_unique<PrefixSource>(std::move(magic), std::move(magic_error), &counted);
  if (gzipped) src = io::GzipSource(std::move(src));

  std::string head;
  Status head_error = Peek(*src, kSniffBytes, head);
  bool stopped = false;
  if (head.empty()) {
    ctx.RejectRecord("", 0, head_error.ok() ? "empty file" : head_error.message(), "");
  } else {
    InputFormat format = options.format;
    if (format == InputFormat::kAuto) format = io::DetectFormat(path == "-" ? "" : path, head);
    size_t nul = head.find('\0');
    if (format != InputFormat::kWarc && nul != std::string::npos) {
      ctx.RejectRecord("", 0, "binary file (NUL byte at offset " + std::to_string(nul) + ")",
                       head.substr(0, 64));
    } else {
      PrefixSource replay(std::move(head), std::move(head_error), src.get());
      Status st = Dispatch(format, replay, ctx);
      if (!st.ok()) ctx.RejectRecord("", 0, st.message(), "");
      stopped = ctx.stopped();
    }
  }
  stats.bytes += counted.raw_position();
  return !stopped;
}

}  // namespace io

Result<ReadStats> ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                             DocumentSink& sink) {
  if (options.max_record_bytes == 0) {
    return InvalidArgumentError("ReaderOptions::max_record_bytes must be positive");
  }
  const JsonlFields& f = options.jsonl_fields;
  if (f.text.empty()) return InvalidArgumentError("ReaderOptions::jsonl_fields.text is empty");
  ReadStats stats;
  std::vector<Input> inputs = ExpandPaths(paths, stats.skipped);
  uint64_t total = 0;
  for (const Input& in : inputs) {
    if (in.path == "-" && in.error.empty()) {
      total = 0;  // Unknown: no ETA.
      break;
    }
    total += in.size;
  }
  uint64_t base = 0;
  for (const Input& in : inputs) {
    if (!in.error.empty()) {
      Reject r;
      r.file = in.path;
      r.reason = in.error;
      ++stats.rejects;
      sink.OnReject(r);
      continue;
    }
    Result<std::unique_ptr<io::ByteSource>> raw = io::OpenFileSource(in.path);
    if (!raw.ok()) {
      Reject r;
      r.file = in.path;
      // OpenFileSource prefixes the path; the reject names the file already.
      std::string msg = raw.status().message();
      if (msg.rfind(in.path + ": ", 0) == 0) msg.erase(0, in.path.size() + 2);
      r.reason = "cannot open: " + msg;
      ++stats.rejects;
      sink.OnReject(r);
      continue;
    }
    ++stats.files;
    uint64_t before = stats.bytes;
    bool go_on = io::ReadOneInput(in.path, std::move(*raw), options, sink, stats, base, total);
    base += stats.bytes - before;
    if (!go_on) break;
  }
  return stats;
}

}  // namespace annals
