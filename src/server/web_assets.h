// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The dashboard's files (web/dist), embedded in the binary by a build step (web/CMakeLists.txt,
// scripts/embed-web). cpp-httplib compresses text responses (gzip or brotli) for clients that
// accept it, so the files are stored as they are.
#ifndef ANNALS_SERVER_WEB_ASSETS_H_
#define ANNALS_SERVER_WEB_ASSETS_H_

#include <cstddef>
#include <string>

namespace annals {

struct WebAsset {
  const char* path;          // "/index.html", "/assets/index-3f2a.js".
  const char* content_type;  // "text/html; charset=utf-8".
  const unsigned char* data;
  size_t size;
};

// The embedded files; null when `path` is not one of them.
const WebAsset* FindWebAsset(const std::string& path);
// False when the build ran without the dashboard (npm missing, or -DANNALS_WEB=OFF).
bool WebDashboardBuilt();
// Why the dashboard was not built ("" when it was).
const char* WebDashboardMissingReason();

}  // namespace annals

#endif  // ANNALS_SERVER_WEB_ASSETS_H_
