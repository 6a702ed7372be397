// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/detect.h"

#include <string>
#include <vector>

#include "util/text.h"

namespace annals::io {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view SkipSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

// Skips "<?...?>", "<!--...-->" and (non-HTML) "<!DOCTYPE ...>" prologue items.
std::string_view SkipXmlPrologue(std::string_view s) {
  while (true) {
    s = SkipSpace(s);
    size_t end = std::string_view::npos;
    if (StartsWith(s, "<?")) {
      end = s.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (StartsWith(s, "<!--")) {
      end = s.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (StartsWith(s, "<!doctype") && !StartsWith(s, "<!doctype html")) {
      end = s.find('>');
      if (end != std::string_view::npos) end += 1;
    } else {
      return s;
    }
    if (end == std::string_view::npos) return {};
    s.remove_prefix(end);
  }
}

bool IsWordId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return id[0] >= '0' && id[0] <= '9';
}

bool LooksConllu(std::string_view s) {
  // Look at whole lines only (the last one may be cut by the sniff window).
  while (!s.empty()) {
    size_t nl = s.find('\n');
    if (nl == std::string_view::npos) return false;
    std::string_view line = s.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    s.remove_prefix(nl + 1);
    if (line.empty()) continue;
    if (line[0] == '#') {
      std::string_view rest = SkipSpace(line.substr(1));
      if (StartsWith(rest, "newdoc") || StartsWith(rest, "newpar") || StartsWith(rest, "sent_id") ||
          StartsWith(rest, "text =") || StartsWith(rest, "text=")) {
        return true;
      }
      continue;  // Other comments: keep looking for a word line.
    }
    std::vector<std::string_view> cols = util::Split(line, '\t');
    return cols.size() == 10 && IsWordId(cols[0]);
  }
  return false;
}

}  // namespace

InputFormat FormatFromExtension(std::string_view path) {
  std::string p = util::AsciiLower(path);
  if (p.size() > 3 && p.compare(p.size() - 3, 3, ".gz") == 0) p.resize(p.size() - 3);
  size_t slash = p.find_last_of('/');
  size_t dot = p.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return InputFormat::kAuto;
  }
  std::string_view ext(p);
  ext.remove_prefix(dot + 1);
  if (ext == "txt" || ext == "text") return InputFormat::kText;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm") return InputFormat::kHtml;
  if (ext == "rss" || ext == "atom") return InputFormat::kFeed;
  if (ext == "warc") return InputFormat::kWarc;
  if (ext == "conllu") return InputFormat::kConllu;
  return InputFormat::kAuto;
}

bool HasInputExtension(std::string_view path) {
  if (FormatFromExtension(path) != InputFormat::kAuto) return true;
  std::string p = util::AsciiLower(path);
  if (p.size() > 3 && p.compare(p.size() - 3, 3, ".gz") == 0) p.resize(p.size() - 3);
  size_t slash = p.find_last_of('/');
  std::string_view name(p);
  if (slash != std::string::npos) name.remove_prefix(slash + 1);
  return name.size() > 4 && name.substr(name.size() - 4) == ".xml";
}

InputFormat SniffFormat(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  std::string_view s = SkipSpace(head);
  if (s.empty()) return InputFormat::kText;
  if (s[0] == '{') return InputFormat::kJsonl;
  if (StartsWith(s, "WARC/")) return InputFormat::kWarc;
  if (s[0] == '<') {
    std::string lower = util::AsciiLower(s.substr(0, 1024));
    std::string_view t = SkipXmlPrologue(lower);
    if (StartsWith(t, "<!doctype html") || StartsWith(t, "<html") || StartsWith(t, "<head") ||
        StartsWith(t, "<body")) {
      return InputFormat::kHtml;
    }
    if (StartsWith(t, "<rss") || StartsWith(t, "<feed") || StartsWith(t, "<rdf:rdf")) {
      return InputFormat::kFeed;
    }
    return InputFormat::kText;
  }
  if (LooksConllu(head)) return InputFormat::kConllu;
  return InputFormat::kText;
}

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  InputFormat f = path.empty() ? InputFormat::kAuto : FormatFromExtension(path);
  return f == InputFormat::kAuto ? SniffFormat(head) : f;
}

}  // namespace annals::io
