// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The document message body of the queue (include/annals/queue.h).
#include <nlohmann/json.hpp>

#include "annals/queue.h"

namespace annals {

std::string EncodeDocumentMessage(const Document& d) {
  nlohmann::ordered_json j;
  j["id"] = d.id;
  j["url"] = d.url;
  j["source"] = d.source;
  j["title"] = d.title;
  j["date"] = d.date;
  j["language"] = d.language;
  j["text"] = d.text;
  if (d.dateline) {
    j["dateline"] = {{"place", d.dateline->place},
                     {"date", d.dateline->date_text},
                     {"agency", d.dateline->agency},
                     {"begin", d.dateline->span.begin},
                     {"end", d.dateline->span.end}};
  }
  j["origin"] = {
      {"file", d.origin_file}, {"location", d.origin_location}, {"offset", d.origin_offset}};
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Status DecodeDocumentMessage(std::string_view body, Document& d) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgumentError("message is not valid JSON");
  if (!j.is_object()) return InvalidArgumentError("message is not a JSON object");
  d = Document();
  auto str = [&](const nlohmann::json& o, const char* key, std::string& out) -> Status {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return Status();
    if (!it->is_string()) return InvalidArgumentError(std::string("'") + key + "' is not a string");
    out = it->get<std::string>();
    return Status();
  };
  auto num = [&](const nlohmann::json& o, const char* key, uint64_t& out) -> Status {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return Status();
    if (!it->is_number_unsigned()) {
      return InvalidArgumentError(std::string("'") + key + "' is not a non-negative integer");
    }
    out = it->get<uint64_t>();
    return Status();
  };
  ANNALS_RETURN_IF_ERROR(str(j, "id", d.id));
  ANNALS_RETURN_IF_ERROR(str(j, "url", d.url));
  ANNALS_RETURN_IF_ERROR(str(j, "source", d.source));
  ANNALS_RETURN_IF_ERROR(str(j, "title", d.title));
  ANNALS_RETURN_IF_ERROR(str(j, "date", d.date));
  ANNALS_RETURN_IF_ERROR(str(j, "language", d.language));
  ANNALS_RETURN_IF_ERROR(str(j, "text", d.text));
  if (d.id.empty()) return InvalidArgumentError("message has no document id");
  if (d.text.empty()) return InvalidArgumentError("message has no text");
  if (auto it = j.find("dateline"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return InvalidArgumentError("'dateline' is not an object");
    Dateline dl;
    uint64_t begin = 0, end = 0;
    ANNALS_RETURN_IF_ERROR(str(*it, "place", dl.place));
    ANNALS_RETURN_IF_ERROR(str(*it, "date", dl.date_text));
    ANNALS_RETURN_IF_ERROR(str(*it, "agency", dl.agency));
    ANNALS_RETURN_IF_ERROR(num(*it, "begin", begin));
    ANNALS_RETURN_IF_ERROR(num(*it, "end", end));
    if (begin > end || end > d.text.size()) {
      return InvalidArgumentError("dateline span is outside the text");
    }
    dl.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    d.dateline = std::move(dl);
  }
  if (auto it = j.find("origin"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return InvalidArgumentError("'origin' is not an object");
    ANNALS_RETURN_IF_ERROR(str(*it, "file", d.origin_file));
    ANNALS_RETURN_IF_ERROR(str(*it, "location", d.origin_location));
    ANNALS_RETURN_IF_ERROR(num(*it, "offset", d.origin_offset));
  }
  return Status();
}

}  // namespace annals
