// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// JSONL: one JSON object per line, parsed with the simdjson DOM parser (which validates the whole
// line, UTF-8 included). Blank lines are skipped; every other line becomes a document or a reject.
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "io/dates.h"
#include "io/format_readers.h"
#include "io/web_date.h"
#include "util/text.h"

namespace annals::io {
namespace {

std::string_view TypeName(simdjson::dom::element_type t) {
  switch (t) {
    case simdjson::dom::element_type::ARRAY:
      return "array";
    case simdjson::dom::element_type::OBJECT:
      return "object";
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      return "number";
    case simdjson::dom::element_type::STRING:
      return "string";
    case simdjson::dom::element_type::BOOL:
      return "boolean";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
  }
  return "value";
}

// Reads a string field (null -> empty). Numbers are accepted when `numbers` is set (ids, dates).
// Returns an error message or "".
std::string GetString(simdjson::dom::element v, std::string_view name, bool numbers,
                      std::string& out) {
  using simdjson::dom::element_type;
  element_type t = v.type();
  if (t == element_type::STRING) {
    std::string_view s;
    if (v.get_string().get(s) == simdjson::SUCCESS) out.assign(s);
    return "";
  }
  if (t == element_type::NULL_VALUE) {
    out.clear();
    return "";
  }
  if (numbers && t == element_type::INT64) {
    int64_t i = 0;
    if (v.get_int64().get(i) == simdjson::SUCCESS) out = std::to_string(i);
    return "";
  }
  if (numbers && t == element_type::UINT64) {
    uint64_t u = 0;
    if (v.get_uint64().get(u) == simdjson::SUCCESS) out = std::to_string(u);
    return "";
  }
  return "field '" + std::string(name) + "' is a " + std::string(TypeName(t)) +
         ", expected a string";
}

// Epoch seconds, or milliseconds when the value is too large to be seconds.
std::string DateFromNumber(simdjson::dom::element v) {
  using simdjson::dom::element_type;
  double d = 0;
  int64_t i = 0;
  uint64_t u = 0;
  if (v.type() == element_type::INT64 && v.get_int64().get(i) == simdjson::SUCCESS) {
    d = static_cast<double>(i);
  } else if (v.type() == element_type::UINT64 && v.get_uint64().get(u) == simdjson::SUCCESS) {
    d = static_cast<double>(u);
  } else if (v.get_double().get(d) != simdjson::SUCCESS) {
    return "";
  }
  if (d > 1e11 || d < -1e11) d /= 1000;
  if (!(d > -1e11 && d < 1e11)) return "";
  return EpochToIso(static_cast<int64_t>(d));
}

}  // namespace

Status ReadJsonlInput(ByteSource& in, ReadContext& ctx) {
  const ReaderOptions& opt = ctx.options();
  const JsonlFields& f = opt.jsonl_fields;
  size_t max_line = static_cast<size_t>(opt.max_record_bytes);
  LineReader lines(in, max_line);
  simdjson::dom::parser parser;
  std::string line;
  bool truncated = false;
  Status error;
  while (!ctx.stopped() && lines.Next(line, truncated, error)) {
    const std::string location = "line " + std::to_string(lines.line_number());
    const uint64_t offset = lines.line_offset();
    if (!error.ok()) {
      ctx.RejectRecord(location, offset, error.message(), "");
      continue;
    }
    if (truncated) {
      ctx.RejectRecord(location, offset,
                       "line longer than the limit of " + std::to_string(max_line) + " bytes",
                       line);
      continue;
    }
    if (lines.line_number() == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (util::TrimAsciiSpace(line).empty()) continue;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end.
    if (line.capacity() < line.size() + simdjson::SIMDJSON_PADDING) {
      line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    }
    simdjson::dom::element root;
    simdjson::error_code ec = parser.parse(line.data(), line.size(), false).get(root);
    if (ec != simdjson::SUCCESS) {
      if (ec == simdjson::UTF8_ERROR) {
        size_t bad = util::FindInvalidUtf8(line);
        ctx.RejectRecord(location, offset,
                         bad == std::string::npos
                             ? std::string("invalid UTF-8")
                             : "invalid UTF-8 at byte " + std::to_string(bad) + " of the line",
                         line);
      } else {
        ctx.RejectRecord(location, offset,
                         std::string("invalid JSON: ") + simdjson::error_message(ec), line);
      }
      continue;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj) != simdjson::SUCCESS) {
      ctx.RejectRecord(location, offset,
                       "not a JSON object (found " + std::string(TypeName(root.type())) + ")",
                       line);
      continue;
    }
    Document doc;
    bool have_text = false;
    std::string problem;
    for (simdjson::dom::key_value_pair kv : obj) {
      std::string_view key = kv.key;
      if (key.empty()) continue;
      if (key == f.text) {
        problem = GetString(kv.value, key, false, doc.text);
        have_text = true;
      } else if (key == f.id) {
        problem = GetString(kv.value, key, true, doc.id);
      } else if (key == f.url) {
        problem = GetString(kv.value, key, false, doc.url);
      } else if (key == f.title) {
        problem = GetString(kv.value, key, false, doc.title);
      } else if (key == f.source) {
        problem = GetString(kv.value, key, false, doc.source);
      } else if (key == f.language) {
        problem = GetString(kv.value, key, false, doc.language);
      } else if (key == f.date) {
        simdjson::dom::element_type t = kv.value.type();
        if (t == simdjson::dom::element_type::INT64 || t == simdjson::dom::element_type::UINT64 ||
            t == simdjson::dom::element_type::DOUBLE) {
          doc.date = DateFromNumber(kv.value);
        } else {
          std::string raw_date;
          problem = GetString(kv.value, key, false, raw_date);
          doc.date = NormalizeDate(raw_date);
          // Dates written out as on the web ("September 2, 2025", "2025/09/02", "CEST").
          if (doc.date.empty()) {
            std::string web = NormalizeWebDate(raw_date);
            // Same year range as NormalizeDate (the web parser allows 1000..9999).
            if (web.size() >= 10 && ValidDate(std::stoi(web.substr(0, 4)), 1, 1)) doc.date = web;
          }
        }
      }
      if (!problem.empty()) break;
    }
    if (!problem.empty()) {
      ctx.RejectRecord(location, offset, problem, line);
      continue;
    }
    if (!have_text) {
      ctx.RejectRecord(location, offset, "missing text field '" + f.text + "'", line);
      continue;
    }
    if (util::TrimAsciiSpace(doc.text).empty()) {
      ctx.RejectRecord(location, offset, "empty text field '" + f.text + "'", line);
      continue;
    }
    doc.origin_location = location;
    doc.origin_offset = offset;
    AttachDateline(doc);
    ctx.Emit(std::move(doc));
  }
  return Status::Ok();
}

}  // namespace annals::io
