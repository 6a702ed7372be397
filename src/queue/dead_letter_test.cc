// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The worker against a real nats-server (skipped when it is not installed): a poison message is
// moved to the dead-letter stream with its error, good documents are stored and acknowledged,
// and a batch that takes longer than the ack wait is not redelivered to another worker.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <nats/nats.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "annals/queue.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

std::string FindNatsServer() {
  for (const char* dir : {"/usr/sbin", "/usr/bin", "/usr/local/bin"}) {
    std::string p = std::string(dir) + "/nats-server";
    if (access(p.c_str(), X_OK) == 0) return p;
  }
  return "";
}

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
  socklen_t len = sizeof(a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

class DeadLetterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = FindNatsServer();
    if (server_.empty()) GTEST_SKIP() << "nats-server is not installed (Debian nats-server)";
    dir_ = fs::temp_directory_path() / ("annals-dlq-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    port_ = FreePort();
    pid_ = fork();
    if (pid_ == 0) {
      std::string port = std::to_string(port_), store = (dir_ / "js").string();
      std::string log = (dir_ / "server.log").string();  // Keep the test's output readable.
      if (freopen(log.c_str(), "w", stdout) == nullptr || dup2(fileno(stdout), 2) < 0) _exit(126);
      execl(server_.c_str(), "nats-server", "-js", "-a", "127.0.0.1", "-p", port.c_str(), "-sd",
            store.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    url_ = "nats://127.0.0.1:" + std::to_string(port_);
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::string server_, url_;
  fs::path dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

TEST_F(DeadLetterTest, PoisonMessageGoesToTheDeadLetterStream) {
  QueueOptions q{.url = url_, .stream = "DLQTEST", .max_deliver = 2, .ack_wait_seconds = 1};
  std::ofstream(dir_ / "a.txt") << "Kenya and Japan signed a trade agreement on Monday.\n";
  Result<PublishStats> pub = Status(StatusCode::kIoError, "not tried");
  for (int i = 0; i < 50 && !pub.ok(); ++i) {  // The server needs a moment to start.
    pub = PublishDocuments({(dir_ / "a.txt").string()}, {}, q, nullptr);
    if (!pub.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  EXPECT_EQ(pub->documents, 1u);

  // A message no Annals publisher would send.
  natsConnection* nc = nullptr;
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&nc, url_.c_str()), NATS_OK);
  ASSERT_EQ(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
  const char garbage[] = "{\"id\": 42, \"text\": []}";
  ASSERT_EQ(
      js_Publish(nullptr, js, "DLQTEST.documents", garbage, sizeof(garbage) - 1, nullptr, nullptr),
      NATS_OK);

  WorkerOptions w{.queue = q, .batch = 4, .idle_exit_seconds = 2};
  w.store.path = (dir_ / "w.db").string();
  Result<WorkerStats> stats = RunWorker(w);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->inserted, 1u);
  EXPECT_EQ(stats->dead_lettered, 1u);

  jsStreamInfo* si = nullptr;
  ASSERT_EQ(js_GetStreamInfo(&si, js, "DLQTEST_DEAD", nullptr, nullptr), NATS_OK);
  EXPECT_EQ(si->State.Msgs, 1u);
  jsStreamInfo_Destroy(si);
  ASSERT_EQ(js_GetStreamInfo(&si, js, "DLQTEST", nullptr, nullptr), NATS_OK);
  EXPECT_EQ(si->State.Msgs, 0u) << "work queue should be empty: acked or terminated";
  jsStreamInfo_Destroy(si);
  natsMsg* dead = nullptr;
  natsSubscription* sub = nullptr;
  ASSERT_EQ(js_SubscribeSync(&sub, js, "DLQTEST.dead", nullptr, nullptr, nullptr), NATS_OK);
  ASSERT_EQ(natsSubscription_NextMsg(&dead, sub, 5000), NATS_OK);
  const char* error = nullptr;
  ASSERT_EQ(natsMsgHeader_Get(dead, "Annals-Error", &error), NATS_OK);
  EXPECT_STREQ(error, "'id' is not a string");
  natsMsg_Destroy(dead);
  natsSubscription_Destroy(sub);
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);
}

TEST_F(DeadLetterTest, SlowBatchIsNotRedeliveredWhileInProgress) {
  // Six documents that take a few seconds to code, against an ack wait of one second, and two
  // workers: without the in-progress signals the idle worker would be handed the busy worker's
  // messages once their ack wait ran out, and code them a second time.
  QueueOptions q{.url = url_, .stream = "SLOWTEST", .ack_wait_seconds = 1};
  std::vector<std::string> files;
  for (int d = 0; d < 6; ++d) {
    fs::path path = dir_ / ("slow" + std::to_string(d) + ".txt");
    std::ofstream out(path);
    for (int i = 0; i < 1200; ++i) {
      out << "Kenya and Japan signed a trade agreement in Nairobi on Monday, officials said in "
             "statement "
          << d << "-" << i << ". ";
    }
    files.push_back(path.string());
  }
  Result<PublishStats> pub = Status(StatusCode::kIoError, "not tried");
  for (int i = 0; i < 50 && !pub.ok(); ++i) {  // The server needs a moment to start.
    pub = PublishDocuments(files, {}, q, nullptr);
    if (!pub.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  ASSERT_EQ(pub->documents, 6u);

  Result<WorkerStats> stats[2] = {Status(StatusCode::kIoError, "not run"),
                                  Status(StatusCode::kIoError, "not run")};
  std::vector<std::thread> workers;
  for (int w = 0; w < 2; ++w) {
    workers.emplace_back([&, w] {
      WorkerOptions o{.queue = q, .batch = 8, .idle_exit_seconds = 4};
      o.store.path = (dir_ / "slow.db").string();
      stats[w] = RunWorker(o);
    });
  }
  for (std::thread& t : workers) t.join();
  ASSERT_TRUE(stats[0].ok()) << stats[0].status().ToString();
  ASSERT_TRUE(stats[1].ok()) << stats[1].status().ToString();
  EXPECT_EQ(stats[0]->messages + stats[1]->messages, 6u) << "a message was delivered twice";
  EXPECT_EQ(stats[0]->inserted + stats[1]->inserted, 6u);
  EXPECT_EQ(stats[0]->dead_lettered + stats[1]->dead_lettered, 0u);
}

}  // namespace
}  // namespace annals
