// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Test-only helpers for the web readers' tests: a collecting sink, JSON of documents and rejects,
// golden-file comparison, and gzip/WARC builders (zlib). Set ANNALS_UPDATE_GOLDEN=1 to rewrite
// the golden files instead of comparing (then review the diff before committing).
#ifndef ANNALS_IO_WEB_TEST_UTIL_H_
#define ANNALS_IO_WEB_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "annals/reader.h"
#include "io/format_readers.h"

namespace annals::io::testing {

class CollectingSink : public DocumentSink {
 public:
  bool Accept(Document&& document) override {
    documents.push_back(std::move(document));
    return documents.size() < stop_after;
  }
  void OnReject(const Reject& reject) override { rejects.push_back(reject); }
  std::vector<Document> documents;
  std::vector<Reject> rejects;
  size_t stop_after = static_cast<size_t>(-1);
};

inline nlohmann::ordered_json DocumentJson(const Document& d) {
  nlohmann::ordered_json j;
  j["id"] = d.id;
  j["url"] = d.url;
  j["source"] = d.source;
  j["title"] = d.title;
  j["date"] = d.date;
  j["language"] = d.language;
  j["origin_location"] = d.origin_location;
  j["origin_offset"] = d.origin_offset;
  j["text"] = d.text;
  return j;
}

inline nlohmann::ordered_json RejectJson(const Reject& r) {
  nlohmann::ordered_json j;
  j["location"] = r.location;
  j["offset"] = r.offset;
  j["reason"] = r.reason;
  return j;
}

inline std::string SinkJson(const CollectingSink& sink) {
  nlohmann::ordered_json j;
  j["documents"] = nlohmann::ordered_json::array();
  for (const Document& d : sink.documents) j["documents"].push_back(DocumentJson(d));
  j["rejects"] = nlohmann::ordered_json::array();
  for (const Reject& r : sink.rejects) j["rejects"].push_back(RejectJson(r));
  return j.dump(2) + "\n";
}

inline std::string ReadTestFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  EXPECT_TRUE(f.good()) << "cannot open " << path;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Compares `actual` with the golden file, or rewrites it when ANNALS_UPDATE_GOLDEN=1.
inline void ExpectGolden(const std::string& path, const std::string& actual) {
  const char* update = std::getenv("ANNALS_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(ReadTestFile(path), actual)
      << "golden " << path << " differs (ANNALS_UPDATE_GOLDEN=1 rewrites it)";
}

// One gzip member of `data`.
inline std::string Gzip(const std::string& data, int level = 6) {
  z_stream z{};
  deflateInit2(&z, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// zlib-wrapped ("deflate" Content-Encoding) data.
inline std::string Deflate(const std::string& data) {
  uLongf n = compressBound(data.size());
  std::string out(n, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(data.data()),
           data.size());
  out.resize(n);
  return out;
}

// HTTP/1.1 chunked transfer encoding of `body` in chunks of `chunk` bytes.
inline std::string Chunked(const std::string& body, size_t chunk) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += chunk) {
    std::string part = body.substr(i, chunk);
    char hex[32];
    std::snprintf(hex, sizeof(hex), "%zx", part.size());
    out += hex;
    out += "\r\n" + part + "\r\n";
  }
  out += "0\r\n\r\n";
  return out;
}

// One WARC/1.1 record with the given type, headers and block.
inline std::string WarcRecord(const std::string& type, const std::string& uri,
                              const std::string& date, const std::string& id,
                              const std::string& content_type, const std::string& block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: " + date + "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

// An HTTP response message.
inline std::string HttpResponse(const std::string& status_line, const std::string& headers,
                                const std::string& body) {
  return status_line + "\r\n" + headers + "\r\n" + body;
}

}  // namespace annals::io::testing

#endif  // ANNALS_IO_WEB_TEST_UTIL_H_
