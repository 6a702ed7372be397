// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals read`: reads inputs in any supported format and prints one JSON object per document.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "annals/reader.h"
#include "commands.h"
#include "io/document_json.h"

namespace annals::cli {
namespace {

constexpr const char* kDescription =
    "Reads news articles and prints them as JSONL on stdout, one object per document:\n"
    "  {\"id\",\"url\",\"source\",\"title\",\"date\",\"language\",\"text\",\n"
    "   \"dateline\":{\"place\",\"date\",\"agency\"} (when the text opens with one),\n"
    "   \"origin\":{\"file\",\"location\"}}\n"
    "PATH is a file, a directory (read recursively, sorted, hidden entries skipped; only files\n"
    "ending in .txt .text .jsonl .ndjson .json .html .htm .rss .atom .xml .warc .conllu, each\n"
    "optionally + .gz) or - for stdin; a file named as PATH is always read. .gz inputs are\n"
    "decompressed. Formats (detected from the extension, then the first bytes, unless --format\n"
    "is given): text, jsonl, html, feed (RSS/Atom), warc, conllu.\n"
    "Bad records are reported on stderr as 'file:location: reason' and reading goes on.\n"
    "Exit status: 0 when at least one document was read, 1 when none, 2 for usage errors.\n"
    "Details: docs/formats.md.";

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

class CliSink : public DocumentSink {
 public:
  CliSink(FILE* rejects, bool progress) : rejects_(rejects), progress_(progress) {
    start_ = last_draw_ = std::chrono::steady_clock::now();
  }

  bool Accept(Document&& doc) override {
    std::string line = io::DocumentToJson(doc);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) {
      write_failed_ = true;
      return false;  // stdout closed (e.g. piped into head): stop reading.
    }
    ++documents_;
    MaybeDraw();
    return true;
  }

  void OnReject(const Reject& reject) override {
    ClearProgress();
    std::fprintf(stderr, "%s\n", reject.Message().c_str());
    if (rejects_ != nullptr) {
      std::string line = io::RejectToJson(reject);
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), rejects_);
    }
  }

  void OnProgress(uint64_t done, uint64_t total) override {
    bytes_done_ = done;
    bytes_total_ = total;
    MaybeDraw();
  }

  void ClearProgress() {
    if (drawn_) {
      std::fputs("\r\033[K", stderr);
      drawn_ = false;
    }
  }
  bool WriteFailed() const { return write_failed_; }

 private:
  // Redraws the progress line at most 4 times a second.
  void MaybeDraw() {
    if (!progress_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(250)) return;
    last_draw_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    if (secs <= 0) return;
    double mbps = bytes_done_ / secs / 1e6;
    char line[160];
    int n =
        std::snprintf(line, sizeof(line), "\r\033[Kread: %llu documents, %.0f docs/s, %.1f MB/s",
                      static_cast<unsigned long long>(documents_), documents_ / secs, mbps);
    std::string out(line, n > 0 ? static_cast<size_t>(n) : 0);
    if (bytes_total_ > 0 && bytes_done_ > 0 && bytes_done_ <= bytes_total_) {
      double eta = secs * static_cast<double>(bytes_total_ - bytes_done_) / bytes_done_;
      std::snprintf(line, sizeof(line), ", %.0f%%, ETA %d:%02d", 100.0 * bytes_done_ / bytes_total_,
                    static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
      out += line;
    }
    std::fputs(out.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
  }

  FILE* rejects_;
  bool progress_;
  bool drawn_ = false;
  bool write_failed_ = false;
  uint64_t documents_ = 0;
  uint64_t bytes_done_ = 0;
  uint64_t bytes_total_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// "key=name" -> sets the JSONL field `key` to `name`.
bool SetField(const std::string& spec, JsonlFields& fields, std::string& error) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos) {
    error = "--field expects key=name, got '" + spec + "'";
    return false;
  }
  std::string key = spec.substr(0, eq);
  std::string name = spec.substr(eq + 1);
  std::string* slot = key == "id"         ? &fields.id
                      : key == "url"      ? &fields.url
                      : key == "title"    ? &fields.title
                      : key == "date"     ? &fields.date
                      : key == "text"     ? &fields.text
                      : key == "source"   ? &fields.source
                      : key == "language" ? &fields.language
                                          : nullptr;
  if (slot == nullptr) {
    error = "--field: unknown key '" + key +
            "' (expected id, url, title, date, text, source or language)";
    return false;
  }
  if (key == "text" && name.empty()) {
    error = "--field: the text field name cannot be empty";
    return false;
  }
  *slot = name;
  return true;
}

}  // namespace

int RunRead(int argc, char** argv) {
  CLI::App app(kDescription, "annals read");
  std::vector<std::string> paths;
  std::string format_name = "auto";
  std::string rejects_path;
  bool quiet = false;
  std::vector<std::string> field_specs;
  app.add_option("PATH", paths, "files, directories or - (stdin)")->required();
  app.add_option("--format", format_name,
                 "input format: auto, text, jsonl, html, feed, warc, conllu (default auto)");
  app.add_option("--rejects", rejects_path,
                 "also write each rejected record as JSONL {file,location,offset,reason,raw}");
  app.add_flag("-q,--quiet", quiet, "no progress line and no summary (rejects are still printed)");
  app.add_option("--field", field_specs,
                 "JSONL field name, key=name with key one of id, url, title, date, text, source, "
                 "language (repeatable; e.g. --field text=body)")
      ->allow_extra_args(false);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  ReaderOptions options;
  Result<InputFormat> format = ParseInputFormat(format_name);
  if (!format.ok()) {
    std::fprintf(stderr, "annals read: %s\n", format.status().message().c_str());
    return kExitUsage;
  }
  options.format = *format;
  for (const std::string& spec : field_specs) {
    std::string error;
    if (!SetField(spec, options.jsonl_fields, error)) {
      std::fprintf(stderr, "annals read: %s\n", error.c_str());
      return kExitUsage;
    }
  }

  std::unique_ptr<FILE, int (*)(FILE*)> rejects(nullptr, &std::fclose);
  if (!rejects_path.empty()) {
    rejects.reset(std::fopen(rejects_path.c_str(), "w"));
    if (rejects == nullptr) {
      std::fprintf(stderr, "annals read: cannot write --rejects file %s\n", rejects_path.c_str());
      return kExitFailure;
    }
  }

  CliSink sink(rejects.get(), !quiet && ::isatty(STDERR_FILENO) != 0);
  Result<ReadStats> stats = ReadInputs(paths, options, sink);
  sink.ClearProgress();
  std::fflush(stdout);
  if (!stats.ok()) {
    std::fprintf(stderr, "annals read: %s\n", stats.status().message().c_str());
    return kExitUsage;
  }
  if (sink.WriteFailed()) std::fprintf(stderr, "annals read: writing to stdout failed; stopped\n");
  if (!quiet) {
    std::string skipped;
    if (stats->skipped > 0) {
      skipped =
          ", " + Plural(stats->skipped, "file", "files") + " skipped (not an input extension)";
    }
    std::fprintf(stderr, "read: %s from %s, %llu rejected%s\n",
                 Plural(stats->documents, "document", "documents").c_str(),
                 Plural(stats->files, "file", "files").c_str(),
                 static_cast<unsigned long long>(stats->rejects), skipped.c_str());
  }
  return stats->documents > 0 ? kExitOk : kExitFailure;
}

}  // namespace annals::cli
