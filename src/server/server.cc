// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The HTTP transport: cpp-httplib, a fixed worker pool, one read-only Store per worker thread.
#include "annals/server.h"

#include <httplib.h>
#include <malloc.h>

#include <chrono>
#include <memory>
#include <thread>

#include "server/web_assets.h"

namespace annals {
namespace {

std::string HtmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// GET / and /assets/...: the embedded dashboard. The API stays under /api/.
void ServeDashboard(const httplib::Request& req, httplib::Response& res) {
  if (!WebDashboardBuilt()) {
    res.status = 503;
    std::string reason = WebDashboardMissingReason();
    res.set_content(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Annals</title></head><body>"
        "<h1>The dashboard was not built</h1><p>" +
            HtmlEscape(reason) +
            "</p><p>The JSON API is available under <a href=\"/api/stats\">/api/</a>. "
            "See docs/dashboard.md.</p></body></html>",
        "text/html; charset=utf-8");
    return;
  }
  std::string path = req.path == "/" ? "/index.html" : req.path;
  const WebAsset* asset = FindWebAsset(path);
  if (asset == nullptr) {
    res.status = 404;
    res.set_content("not found", "text/plain");
    return;
  }
  // Hashed file names never change content; index.html must be revalidated.
  res.set_header("Cache-Control", path.rfind("/assets/", 0) == 0
                                      ? "public, max-age=31536000, immutable"
                                      : "no-cache");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(reinterpret_cast<const char*>(asset->data), asset->size, asset->content_type);
}

}  // namespace

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
  // Responses of a few hundred kilobytes (a week series over ten years) would otherwise each be
  // a fresh mmap, page-faulted in and unmapped per request; from the heap they are reused.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  httplib::Server server;
  int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(64 * 1024);  // Read-only API: requests have no bodies.
  // A client may send up to 100 requests on one connection (httplib's default is 5: a busy
  // client would reconnect every fifth request); an idle connection still closes after 5 s.
  server.set_keep_alive_max_count(100);
  // Headers and body go out in separate writes; without TCP_NODELAY, Nagle's algorithm holds the
  // body back until the client acknowledges the headers (tens of milliseconds per response).
  server.set_tcp_nodelay(true);
  const ServerOptions opts = options;
  auto api = [opts](const httplib::Request& req, httplib::Response& res) {
    // One store per worker thread, opened on first use (SQLite handles are not shared).
    thread_local std::unique_ptr<Store> store;
    thread_local std::string store_path;
    if (!store || store_path != opts.db) {
      Result<std::unique_ptr<Store>> s =
          Store::Open({.path = opts.db, .read_only = true, .cache_mib = 16});
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
    res.set_header("Content-Type", "application/json; charset=utf-8");
    res.body = std::move(r.body);  // Not copied: week series run to a few hundred kilobytes.
  };
  server.Get(R"(/api/.*)", api);
  server.Get(R"(/|/index\.html|/favicon\.svg|/assets/[A-Za-z0-9._-]+)", ServeDashboard);
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
