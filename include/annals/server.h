// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The read-only HTTP API over a database (specified in docs/api.md).
//
//   annals::ServerOptions options;
//   options.db = "annals.db";
//   annals::Status st = annals::Serve(options, &stop_flag);  // Blocks until stop_flag is set.
//
// The server never writes: it opens the database read-only. It binds to 127.0.0.1 unless told
// otherwise, validates every parameter (400 with a JSON error naming the parameter), caps page
// sizes, and serves requests from a fixed pool of threads (bounded concurrency).
//
// `HandleApiRequest` is the whole API as a function of (path, parameters), used by the server and
// by tests without sockets.
#ifndef ANNALS_SERVER_H_
#define ANNALS_SERVER_H_

#include <atomic>
#include <map>
#include <string>

#include "annals/status.h"
#include "annals/store.h"

namespace annals {

struct ServerOptions {
  std::string db;                  // Database file (opened read-only).
  std::string host = "127.0.0.1";  // Address to bind; anything else must be asked for.
  int port = 8080;                 // 0 picks a free port (reported through `bound_port`).
  // Worker threads = most connections served at once: an HTTP keep-alive connection holds its
  // worker until it closes or idles for 5 s, so fewer workers than clients queue the rest.
  int threads = 16;
  int max_page = 1000;                     // Largest `limit` a client may ask for.
  std::atomic<int>* bound_port = nullptr;  // When set, receives the port once listening.
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON.
};

// Answers GET `path` ("/api/events", "/api/events/12") with query `params`. `store` is a
// read-only store owned by the calling thread.
ApiResponse HandleApiRequest(Store& store, const std::string& path,
                             const std::multimap<std::string, std::string>& params, int max_page);

// Serves until `*stop` becomes true (checked every 100 ms) or the listener fails.
Status Serve(const ServerOptions& options, const std::atomic<bool>* stop);

}  // namespace annals

#endif  // ANNALS_SERVER_H_
