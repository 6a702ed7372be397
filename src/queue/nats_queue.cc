// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Publisher and worker on NATS JetStream (include/annals/queue.h, docs/scaling.md).
#include <nats/nats.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "annals/queue.h"
#include "ingest/document_coder.h"

namespace annals {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kConsumer = "workers";
constexpr int64_t kNanosPerSecond = 1000000000;

Status NatsError(const std::string& what, natsStatus s, jsErrCode err = static_cast<jsErrCode>(0)) {
  std::string msg = what + ": " + natsStatus_GetText(s);
  if (err != 0) msg += " (JetStream error " + std::to_string(static_cast<int>(err)) + ")";
  const char* last = nats_GetLastError(nullptr);
  if (last != nullptr && *last != '\0' && msg.find(last) == std::string::npos) {
    msg += std::string(": ") + last;
  }
  return IoError(msg);
}

bool ValidStreamName(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Status Validate(const QueueOptions& q) {
  if (!ValidStreamName(q.stream)) {
    return InvalidArgumentError("stream name must be 1-64 of [A-Za-z0-9_-], not '" + q.stream +
                                "'");
  }
  if (q.replicas < 1 || q.replicas > 5) return InvalidArgumentError("replicas must be in 1..5");
  if (q.max_deliver < 1 || q.max_deliver > 100) {
    return InvalidArgumentError("max_deliver must be in 1..100");
  }
  if (q.ack_wait_seconds < 1 || q.ack_wait_seconds > 86400) {
    return InvalidArgumentError("ack_wait_seconds must be in 1..86400");
  }
  if (q.url.empty()) return InvalidArgumentError("NATS URL is empty");
  return Status();
}

// A connection with its JetStream context.
class Connection {
 public:
  ~Connection() {
    if (js_ != nullptr) jsCtx_Destroy(js_);
    if (nc_ != nullptr) natsConnection_Destroy(nc_);
  }
  Status Open(const QueueOptions& q) {
    natsOptions* opts = nullptr;
    natsStatus s = natsOptions_Create(&opts);
    if (s != NATS_OK) return NatsError("NATS options", s);
    // Comma-separated URLs: a cluster.
    std::vector<std::string> urls;
    for (size_t b = 0; b <= q.url.size();) {
      size_t e = q.url.find(',', b);
      if (e == std::string::npos) e = q.url.size();
      if (e > b) urls.push_back(q.url.substr(b, e - b));
      b = e + 1;
    }
    std::vector<const char*> ptrs;
    for (const std::string& u : urls) ptrs.push_back(u.c_str());
    s = natsOptions_SetServers(opts, ptrs.data(), static_cast<int>(ptrs.size()));
    if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts, 60);
    if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts, 500);
    if (s == NATS_OK) s = natsConnection_Connect(&nc_, opts);
    natsOptions_Destroy(opts);
    if (s != NATS_OK) return NatsError("cannot connect to NATS at " + q.url, s);
    jsOptions jo;
    jsOptions_Init(&jo);
    jo.Wait = 10000;  // Milliseconds for JetStream API requests.
    s = natsConnection_JetStream(&js_, nc_, &jo);
    if (s != NATS_OK) return NatsError("JetStream context", s);
    return Status();
  }
  natsConnection* nc() const { return nc_; }
  jsCtx* js() const { return js_; }

 private:
  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
};

Status EnsureStream(jsCtx* js, const std::string& name, const std::string& subject, bool work_queue,
                    int replicas) {
  jsStreamInfo* si = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&si, js, name.c_str(), nullptr, &err);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status();
  }
  if (s != NATS_NOT_FOUND && err != JSStreamNotFoundErr) {
    return NatsError("stream " + name, s, err);
  }
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = name.c_str();
  const char* subjects[] = {subject.c_str()};
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 1;
  cfg.Retention = work_queue ? js_WorkQueuePolicy : js_LimitsPolicy;
  cfg.Storage = js_FileStorage;
  cfg.Replicas = replicas;
  cfg.Duplicates = int64_t{10} * 60 * kNanosPerSecond;  // Republish within 10 min is dropped.
  err = static_cast<jsErrCode>(0);
  s = js_AddStream(&si, js, &cfg, nullptr, &err);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status();
  }
  if (err == JSStreamNameExistErr) return Status();  // Created meanwhile by another process.
  return NatsError("creating stream " + name, s, err);
}

Status EnsureConsumer(jsCtx* js, const QueueOptions& q) {
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = kConsumer;
  cc.AckPolicy = js_AckExplicit;
  cc.AckWait = int64_t{q.ack_wait_seconds} * kNanosPerSecond;
  cc.MaxDeliver = -1;  // The worker dead-letters after max_deliver (see RunWorker).
  cc.MaxAckPending = 10000;
  cc.Replicas = q.replicas;
  jsConsumerInfo* ci = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_AddConsumer(&ci, js, q.stream.c_str(), &cc, nullptr, &err);
  if (s == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return Status();
  }
  if (err == JSConsumerNameExistErr || err == JSConsumerExistingActiveErr) return Status();
  // An identical durable consumer that already exists is reported as OK by recent servers; an
  // older one may answer with another code: check that it is there.
  ci = nullptr;
  natsStatus g = js_GetConsumerInfo(&ci, js, q.stream.c_str(), kConsumer, nullptr, nullptr);
  if (g == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return Status();
  }
  return NatsError("creating consumer " + std::string(kConsumer), s, err);
}

Status EnsureTopologyOnce(jsCtx* js, const QueueOptions& q) {
  ANNALS_RETURN_IF_ERROR(EnsureStream(js, q.stream, q.stream + ".documents", true, q.replicas));
  ANNALS_RETURN_IF_ERROR(
      EnsureStream(js, q.stream + "_DEAD", q.stream + ".dead", false, q.replicas));
  return EnsureConsumer(js, q);
}

// A cluster that has just started (or lost a server) answers "JetStream system temporarily
// unavailable" or times out until it has elected a leader: retry for up to 30 s.
Status EnsureTopology(jsCtx* js, const QueueOptions& q) {
  Status st;
  for (int attempt = 0; attempt < 60; ++attempt) {
    st = EnsureTopologyOnce(js, q);
    if (st.ok() || st.code() == StatusCode::kInvalidArgument) return st;
    const std::string& m = st.message();
    bool transient = m.find("temporarily unavailable") != std::string::npos ||
                     m.find("JetStream error 10008") != std::string::npos ||
                     m.find(natsStatus_GetText(NATS_TIMEOUT)) != std::string::npos ||
                     m.find(natsStatus_GetText(NATS_NO_RESPONDERS)) != std::string::npos;
    if (!transient) return st;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return st;
}

class PublishSink : public DocumentSink {
 public:
  PublishSink(Connection& conn, const QueueOptions& q, PublishStats& stats,
              const std::function<void(const Reject&)>& on_reject)
      : conn_(conn),
        subject_(q.stream + ".documents"),
        stats_(stats),
        on_reject_(on_reject),
        max_payload_(natsConnection_GetMaxPayload(conn.nc())) {}

  bool Accept(Document&& d) override {
    std::string body = EncodeDocumentMessage(d);
    if (max_payload_ > 0 && static_cast<int64_t>(body.size()) > max_payload_) {
      Reject(d, "document is " + std::to_string(body.size()) +
                    " bytes as a message, over the server's max_payload of " +
                    std::to_string(max_payload_));
      return true;
    }
    natsMsg* msg = nullptr;
    natsStatus s =
        natsMsg_Create(&msg, subject_.c_str(), nullptr, body.data(), static_cast<int>(body.size()));
    if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Nats-Msg-Id", d.id.c_str());
    jsPubAck* ack = nullptr;
    jsErrCode err = static_cast<jsErrCode>(0);
    // Retried while the cluster elects a leader or a server restarts.
    for (int attempt = 0; s == NATS_OK && attempt < 30; ++attempt) {
      s = js_PublishMsg(&ack, conn_.js(), msg, nullptr, &err);
      if (s != NATS_TIMEOUT && s != NATS_NO_RESPONDERS) break;
      if (attempt < 29) {
        s = NATS_OK;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      }
    }
    natsMsg_Destroy(msg);
    if (s != NATS_OK) {
      error_ = NatsError("publishing document " + d.id, s, err);
      return false;  // The server is gone: stop reading.
    }
    (ack->Duplicate ? stats_.duplicates : stats_.documents)++;
    jsPubAck_Destroy(ack);
    return true;
  }
  void OnReject(const annals::Reject& r) override {
    ++stats_.rejects;
    if (on_reject_) on_reject_(r);
  }
  const Status& error() const { return error_; }

 private:
  void Reject(const Document& d, const std::string& reason) {
    annals::Reject r;
    r.file = d.origin_file;
    r.location = d.origin_location;
    r.offset = d.origin_offset;
    r.reason = reason;
    OnReject(r);
  }

  Connection& conn_;
  std::string subject_;
  PublishStats& stats_;
  const std::function<void(const annals::Reject&)>& on_reject_;
  int64_t max_payload_;
  Status error_;
};

uint64_t Deliveries(natsMsg* msg) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, msg) != NATS_OK) return 1;
  uint64_t n = meta->NumDelivered;
  jsMsgMetaData_Destroy(meta);
  return n;
}

uint64_t StreamSequence(natsMsg* msg) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, msg) != NATS_OK) return 0;
  uint64_t n = meta->Sequence.Stream;
  jsMsgMetaData_Destroy(meta);
  return n;
}

// While a fetched batch is being processed and stored, tells the server every third of the ack
// wait that its messages are still in progress ("+WPI" to each reply subject), so that a slow
// batch (a long document, a loaded machine, a sanitizer build) is not redelivered to another
// worker meanwhile. A worker that dies stops the signals, and its messages are redelivered after
// one ack wait as before. The thread touches only the connection (thread-safe in nats.c) and
// its own copies of the reply subjects, never the messages the worker acknowledges.
class BatchKeepAlive {
 public:
  BatchKeepAlive(natsConnection* nc, const natsMsgList& list, int ack_wait_seconds)
      : nc_(nc), period_(std::chrono::milliseconds(int64_t{ack_wait_seconds} * 1000 / 3)) {
    for (int i = 0; i < list.Count; ++i) {
      const char* reply = natsMsg_GetReply(list.Msgs[i]);
      if (reply != nullptr && *reply != '\0') replies_.emplace_back(reply);
    }
    thread_ = std::thread([this] { Run(); });
  }
  ~BatchKeepAlive() { Stop(); }
  BatchKeepAlive(const BatchKeepAlive&) = delete;
  BatchKeepAlive& operator=(const BatchKeepAlive&) = delete;

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopped_) return;
      stopped_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!cv_.wait_for(lock, period_, [this] { return stopped_; })) {
      for (const std::string& reply : replies_) {
        natsConnection_PublishString(nc_, reply.c_str(), "+WPI");
      }
    }
  }

  natsConnection* nc_;
  const std::chrono::milliseconds period_;
  std::vector<std::string> replies_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopped_ = false;
  std::thread thread_;
};

}  // namespace

Result<PublishStats> PublishDocuments(const std::vector<std::string>& inputs,
                                      const ReaderOptions& reader, const QueueOptions& queue,
                                      const std::function<void(const Reject&)>& on_reject) {
  ANNALS_RETURN_IF_ERROR(Validate(queue));
  if (inputs.empty()) return InvalidArgumentError("no inputs");
  Clock::time_point start = Clock::now();
  Connection conn;
  ANNALS_RETURN_IF_ERROR(conn.Open(queue));
  ANNALS_RETURN_IF_ERROR(EnsureTopology(conn.js(), queue));
  PublishStats stats;
  PublishSink sink(conn, queue, stats, on_reject);
  Result<ReadStats> read = ReadInputs(inputs, reader, sink);
  if (!read.ok()) return read.status();
  if (!sink.error().ok()) return sink.error();
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return stats;
}

Result<WorkerStats> RunWorker(const WorkerOptions& options) {
  ANNALS_RETURN_IF_ERROR(Validate(options.queue));
  if (options.batch < 1 || options.batch > 1000) {
    return InvalidArgumentError("batch must be in 1..1000");
  }
  if (options.store.read_only) return InvalidArgumentError("the store must be writable");
  Clock::time_point start = Clock::now();
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  Result<std::unique_ptr<ingest::DocumentCoder>> coder =
      ingest::DocumentCoder::Create({.model_dir = options.model_dir});
  if (!coder.ok()) return coder.status();
  Result<std::unique_ptr<Store>> store = Store::Open(options.store);
  if (!store.ok()) return store.status();
  Connection conn;
  ANNALS_RETURN_IF_ERROR(conn.Open(options.queue));
  ANNALS_RETURN_IF_ERROR(EnsureTopology(conn.js(), options.queue));

  const QueueOptions& q = options.queue;
  std::string subject = q.stream + ".documents";
  std::string dead_subject = q.stream + ".dead";
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = q.stream.c_str();
  so.Consumer = kConsumer;
  natsSubscription* sub = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_PullSubscribe(&sub, conn.js(), subject.c_str(), kConsumer, nullptr, &so, &err);
  if (s != NATS_OK) return NatsError("subscribing to " + q.stream, s, err);
  std::unique_ptr<natsSubscription, void (*)(natsSubscription*)> sub_guard(
      sub, &natsSubscription_Destroy);

  // Moves `msg` to the dead-letter stream with `reason`, then terminates it on the work queue.
  auto dead_letter = [&](natsMsg* msg, const std::string& reason) -> Status {
    natsMsg* out = nullptr;
    natsStatus st = natsMsg_Create(&out, dead_subject.c_str(), nullptr, natsMsg_GetData(msg),
                                   natsMsg_GetDataLength(msg));
    std::string id = q.stream + "-" + std::to_string(StreamSequence(msg));
    std::string deliveries = std::to_string(Deliveries(msg));
    if (st == NATS_OK) st = natsMsgHeader_Set(out, "Nats-Msg-Id", id.c_str());
    if (st == NATS_OK) st = natsMsgHeader_Set(out, "Annals-Error", reason.c_str());
    if (st == NATS_OK) st = natsMsgHeader_Set(out, "Annals-Deliveries", deliveries.c_str());
    jsPubAck* ack = nullptr;
    jsErrCode e = static_cast<jsErrCode>(0);
    if (st == NATS_OK) st = js_PublishMsg(&ack, conn.js(), out, nullptr, &e);
    if (ack != nullptr) jsPubAck_Destroy(ack);
    natsMsg_Destroy(out);
    if (st != NATS_OK) return NatsError("dead-lettering a message", st, e);
    natsMsg_Term(msg, nullptr);
    log("dead letter: message " + id + " after " + deliveries + " deliveries: " + reason);
    return Status();
  };

  WorkerStats stats;
  Clock::time_point last_message = Clock::now();
  while (options.stop == nullptr || !options.stop->load()) {
    natsMsgList list{nullptr, 0};
    err = static_cast<jsErrCode>(0);
    s = natsSubscription_Fetch(&list, sub, options.batch, 1000, &err);
    if (s == NATS_TIMEOUT || (s == NATS_OK && list.Count == 0)) {
      natsMsgList_Destroy(&list);
      if (options.idle_exit_seconds > 0 &&
          Clock::now() - last_message > std::chrono::seconds(options.idle_exit_seconds)) {
        break;
      }
      continue;
    }
    if (s != NATS_OK) {
      natsMsgList_Destroy(&list);
      // Connection trouble (a server restarting): the client reconnects; try again shortly.
      log(std::string("fetch: ") + natsStatus_GetText(s) + "; retrying");
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      if (natsConnection_IsClosed(conn.nc())) return NatsError("NATS connection closed", s);
      continue;
    }
    last_message = Clock::now();
    stats.messages += static_cast<uint64_t>(list.Count);
    BatchKeepAlive keep_alive(conn.nc(), list, q.ack_wait_seconds);
    // Process the batch outside any transaction (the NLP is the slow part: other workers may
    // write meanwhile), then store the results in one short transaction.
    struct Ready {
      natsMsg* msg;
      Document doc;
      std::vector<Event> events;
    };
    std::vector<Ready> ready;
    std::vector<natsMsg*> to_ack;
    std::vector<natsMsg*> to_retry;
    Status batch_status;
    int64_t written = 0;
    for (int i = 0; i < list.Count && batch_status.ok(); ++i) {
      natsMsg* msg = list.Msgs[i];
      uint64_t deliveries = Deliveries(msg);
      if (deliveries > static_cast<uint64_t>(q.max_deliver)) {
        batch_status = dead_letter(
            msg, "delivered " + std::to_string(deliveries) + " times without being acknowledged");
        if (batch_status.ok()) ++stats.dead_lettered;
        continue;
      }
      Document doc;
      Status st = DecodeDocumentMessage(
          std::string_view(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg))),
          doc);
      if (!st.ok()) {  // Will never succeed: dead-letter at once.
        batch_status = dead_letter(msg, st.message());
        if (batch_status.ok()) ++stats.dead_lettered;
        continue;
      }
      std::vector<Event> events;
      st = (*coder)->Process(doc, events);
      if (!st.ok()) {
        if (deliveries >= static_cast<uint64_t>(q.max_deliver)) {
          batch_status = dead_letter(msg, st.message());
          if (batch_status.ok()) ++stats.dead_lettered;
        } else {
          to_retry.push_back(msg);
        }
        continue;
      }
      ready.push_back({msg, std::move(doc), std::move(events)});
    }
    bool in_transaction = false;
    if (batch_status.ok() && !ready.empty()) {
      batch_status = (*store)->Begin();
      in_transaction = batch_status.ok();
    }
    for (Ready& r : ready) {
      if (!batch_status.ok()) break;
      Result<PutOutcome> put = ingest::StoreDocument(**store, r.doc, r.events);
      if (!put.ok()) {
        batch_status = put.status();
        break;
      }
      switch (*put) {
        case PutOutcome::kInserted:
          ++stats.inserted;
          break;
        case PutOutcome::kUpdated:
          ++stats.updated;
          break;
        case PutOutcome::kUnchanged:
          ++stats.unchanged;
          break;
      }
      if (*put != PutOutcome::kUnchanged) written += static_cast<int64_t>(r.events.size());
      to_ack.push_back(r.msg);
    }
    if (batch_status.ok() && in_transaction) batch_status = (*store)->Commit();
    keep_alive.Stop();
    if (!batch_status.ok()) {
      if (in_transaction) {
        Status rb = (*store)->Rollback();
        (void)rb;
      }
      log("batch failed, messages will be redelivered: " + batch_status.message());
      for (int i = 0; i < list.Count; ++i) natsMsg_Nak(list.Msgs[i], nullptr);
      stats.retried += static_cast<uint64_t>(list.Count);
      natsMsgList_Destroy(&list);
      if (batch_status.code() != StatusCode::kIoError) return batch_status;
      continue;
    }
    ++stats.batches;
    stats.events += static_cast<uint64_t>(written);
    // Only now, with the results committed, are the messages acknowledged.
    for (natsMsg* msg : to_ack) {
      jsErrCode e = static_cast<jsErrCode>(0);
      natsStatus a = natsMsg_AckSync(msg, nullptr, &e);
      if (a != NATS_OK)
        log(std::string("ack failed (will be redelivered): ") + natsStatus_GetText(a));
    }
    for (natsMsg* msg : to_retry) natsMsg_Nak(msg, nullptr);
    stats.retried += to_retry.size();
    natsMsgList_Destroy(&list);
  }
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return stats;
}

}  // namespace annals
