// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The HTTP transport: cpp-httplib, a fixed worker pool, one read-only Store per worker thread.
#include "annals/server.h"

#include <httplib.h>

#include <chrono>
#include <memory>
#include <thread>

namespace annals {

Status Serve(const ServerOptions& options, const std::atomic<bool>* stop) {
  if (options.threads < 1 || options.threads > 64) {
    return InvalidArgumentError("threads must be 1..64");
  }
  if (options.port < 0 || options.port > 65535)
    return InvalidArgumentError("port must be 0..65535");
  // Fail early, with the real reason, when the database cannot be opened.
  {
    Result<std::unique_ptr<Store>> probe = Store::Open({.path = options.db, .read_only = true});
    if (!probe.ok()) return probe.status();
  }
  httplib::Server server;
  int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(64 * 1024);  // Read-only API: requests have no bodies.
  const ServerOptions opts = options;
  auto api = [opts](const httplib::Request& req, httplib::Response& res) {
    // One store per worker thread, opened on first use (SQLite handles are not shared).
    thread_local std::unique_ptr<Store> store;
    thread_local std::string store_path;
    if (!store || store_path != opts.db) {
      Result<std::unique_ptr<Store>> s = Store::Open({.path = opts.db, .read_only = true});
      if (!s.ok()) {
        res.status = 500;
        res.set_content("{\"error\":\"database unavailable\"}", "application/json");
        return;
      }
      store = std::move(*s);
      store_path = opts.db;
    }
    std::multimap<std::string, std::string> params(req.params.begin(), req.params.end());
    ApiResponse r = HandleApiRequest(*store, req.path, params, opts.max_page);
    res.status = r.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(r.body, "application/json; charset=utf-8");
  };
  server.Get(R"(/api/.*)", api);
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    res.status = 405;
    res.set_content("{\"error\":\"the API is read-only\"}", "application/json");
  };
  server.Post(R"(/.*)", refuse);
  server.Put(R"(/.*)", refuse);
  server.Delete(R"(/.*)", refuse);
  server.Patch(R"(/.*)", refuse);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return IoError("cannot bind " + options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    return IoError("cannot bind " + options.host + ":" + std::to_string(port));
  }
  if (options.bound_port != nullptr) options.bound_port->store(port);
  std::thread watcher([&] {
    while (stop == nullptr || !stop->load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (!server.is_running() && stop == nullptr) return;
    }
    server.stop();
  });
  bool ok = server.listen_after_bind();
  if (stop == nullptr) {
    watcher.join();
  } else {
    server.stop();
    watcher.join();
  }
  return ok || (stop != nullptr && stop->load()) ? Status::Ok()
                                                 : IoError("server stopped unexpectedly");
}

}  // namespace annals
