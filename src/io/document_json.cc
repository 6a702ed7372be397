// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/document_json.h"

#include <nlohmann/json.hpp>

namespace annals::io {
namespace {

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::string DocumentToJson(const Document& doc) {
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  j["url"] = doc.url;
  j["source"] = doc.source;
  j["title"] = doc.title;
  j["date"] = doc.date;
  j["language"] = doc.language;
  j["text"] = doc.text;
  if (doc.dateline.has_value()) {
    nlohmann::ordered_json d;
    d["place"] = doc.dateline->place;
    d["date"] = doc.dateline->date_text;
    d["agency"] = doc.dateline->agency;
    j["dateline"] = std::move(d);
  }
  nlohmann::ordered_json o;
  o["file"] = doc.origin_file;
  o["location"] = doc.origin_location;
  j["origin"] = std::move(o);
  return Dump(j);
}

std::string RejectToJson(const Reject& reject) {
  nlohmann::ordered_json j;
  j["file"] = reject.file;
  j["location"] = reject.location;
  j["offset"] = reject.offset;
  j["reason"] = reject.reason;
  j["raw"] = reject.raw;
  return Dump(j);
}

}  // namespace annals::io
