// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "util/paths.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace annals::util {

Result<std::string> FindDataPath(std::string_view relative) {
  namespace fs = std::filesystem;
  std::vector<fs::path> roots;
  if (const char* home = std::getenv("ANNALS_HOME"); home != nullptr && *home != '\0') {
    roots.emplace_back(home);
  }
#ifdef ANNALS_SOURCE_DIR
  roots.emplace_back(ANNALS_SOURCE_DIR);
#endif
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n > 0) {
    exe[n] = '\0';
    roots.push_back(fs::path(exe).parent_path().parent_path() / "share" / "annals");
  }
  std::string tried;
  for (const fs::path& root : roots) {
    fs::path p = root / fs::path(std::string(relative));
    std::error_code ec;
    if (fs::exists(p, ec)) return p.string();
    tried += (tried.empty() ? "" : ", ") + p.string();
  }
  return NotFoundError(std::string(relative) + " not found (tried " + tried +
                       "; set ANNALS_HOME to the directory holding data/ and models/)");
}

}  // namespace annals::util
