// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals serve`: the read-only HTTP API over a database (docs/api.md).
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "annals/server.h"
#include "commands.h"

namespace annals::cli {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void OnSignal(int) { g_stop = true; }

}  // namespace

int RunServe(int argc, char** argv) {
  CLI::App app(
      "Serve the analyst dashboard (at /) and the read-only JSON API (under /api/) over a "
      "database. Binds to 127.0.0.1 unless --host says otherwise.",
      "annals serve");
  ServerOptions options;
  app.add_option("--db", options.db, "database: a SQLite file or a postgresql:// URL")->required();
  app.add_option("--host", options.host, "address to bind (default 127.0.0.1)");
  app.add_option("--port", options.port, "port (default 8080)")->check(CLI::Range(0, 65535));
  app.add_option("--threads", options.threads,
                 "worker threads = most connections served at once (1..64, default 16)")
      ->check(CLI::Range(1, 64));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  std::atomic<int> port{0};
  options.bound_port = &port;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::thread announce([&] {
    for (int i = 0; i < 500 && port.load() == 0 && !g_stop.load(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (port.load() != 0) {
      std::fprintf(stderr,
                   "serve: http://%s:%d/ (dashboard; JSON API under /api/; Ctrl-C to stop)\n",
                   options.host.c_str(), port.load());
    }
  });
  Status st = Serve(options, &g_stop);
  g_stop = true;
  announce.join();
  if (!st.ok()) {
    std::fprintf(stderr, "annals serve: %s\n", st.message().c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace annals::cli
