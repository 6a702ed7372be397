// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/ingest.h"

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <variant>

#include "annals/event.h"
#include "annals/pipeline.h"
#include "ingest/document_coder.h"
#include "util/bounded_queue.h"
#include "util/text.h"

namespace annals {
namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread, in nanoseconds.
int64_t ThreadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
}

// One unit of work in input order: a document (to annotate and code unless `unchanged`) or a
// reject (passed through so it is reported in order with the documents around it).
struct Item {
  uint64_t seq = 0;
  Document document;
  bool unchanged = false;  // Already stored with this text: nothing to do.
  std::optional<Reject> reject;
  std::vector<Event> events;
  Status status;  // Of annotation/coding.
};

// Limits how many items are between the reader and the writer.
class InFlight {
 public:
  explicit InFlight(int limit) : limit_(limit < 1 ? 1 : limit) {}
  bool Acquire(const std::atomic<bool>& cancel) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return n_ < limit_ || cancel.load(); });
    if (cancel.load()) return false;
    ++n_;
    return true;
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    --n_;
    cv_.notify_all();
  }
  void Wake() { cv_.notify_all(); }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int limit_;
  int n_ = 0;
};

// Runs on the reader thread: numbers items, skips documents already stored unchanged.
class QueueSink : public DocumentSink {
 public:
  QueueSink(util::BoundedQueue<Item>& out, InFlight& in_flight, Store* lookup,
            const std::atomic<bool>* stop, const std::atomic<bool>& cancel,
            std::atomic<uint64_t>& bytes_done, std::atomic<uint64_t>& bytes_total)
      : out_(out),
        in_flight_(in_flight),
        lookup_(lookup),
        stop_(stop),
        cancel_(cancel),
        bytes_done_(bytes_done),
        bytes_total_(bytes_total) {}

  bool Accept(Document&& document) override {
    if (Stopped()) return false;
    if (shard_count_ > 1 && ShardOf(document.id, shard_count_) != shard_index_) {
      ++other_shards_;
      return true;
    }
    Item item;
    item.document = std::move(document);
    if (lookup_ != nullptr && !item.document.id.empty()) {
      Result<StoredDocument> stored = lookup_->GetDocument(item.document.id);
      item.unchanged = stored.ok() && util::CollapseWhitespace(stored->text) ==
                                          util::CollapseWhitespace(item.document.text);
    }
    return Push(std::move(item));
  }
  void OnReject(const Reject& reject) override {
    Item item;
    item.reject = reject;
    Push(std::move(item));
  }
  void OnProgress(uint64_t done, uint64_t total) override {
    bytes_done_ = done;
    bytes_total_ = total;
  }
  void SetShard(int index, int count) {
    shard_index_ = index;
    shard_count_ = count;
  }
  uint64_t other_shards() const { return other_shards_; }

 private:
  bool Stopped() const { return cancel_.load() || (stop_ != nullptr && stop_->load()); }
  bool Push(Item item) {
    if (!in_flight_.Acquire(cancel_)) return false;
    item.seq = next_seq_++;
    return out_.Push(std::move(item));
  }

  util::BoundedQueue<Item>& out_;
  InFlight& in_flight_;
  Store* lookup_;
  const std::atomic<bool>* stop_;
  const std::atomic<bool>& cancel_;
  std::atomic<uint64_t>& bytes_done_;
  std::atomic<uint64_t>& bytes_total_;
  uint64_t next_seq_ = 0;
  int shard_index_ = 0;
  int shard_count_ = 1;
  uint64_t other_shards_ = 0;
};

}  // namespace

int ShardOf(const std::string& document_id, int shard_count) {
  if (shard_count <= 1) return 0;
  return static_cast<int>(util::Fnv1a64(document_id) % static_cast<uint64_t>(shard_count));
}

Result<IngestStats> Ingest(const IngestOptions& options) {
  if (options.inputs.empty()) return InvalidArgumentError("no inputs");
  if (options.store.read_only) return InvalidArgumentError("the store must be writable");
  if (options.batch_documents < 1 || options.batch_documents > 100000) {
    return InvalidArgumentError("batch_documents must be in 1..100000");
  }
  if (options.shard_count < 1 || options.shard_index < 0 ||
      options.shard_index >= options.shard_count) {
    return InvalidArgumentError("shard must be K/N with 0 <= K < N");
  }
  if (options.threads < 0 || options.threads > 256) {
    return InvalidArgumentError("threads must be in 0..256");
  }
  Clock::time_point start = Clock::now();
  Result<std::unique_ptr<ingest::DocumentCoder>> coder =
      ingest::DocumentCoder::Create({.model_dir = options.model_dir});
  if (!coder.ok()) return coder.status();
  Result<std::unique_ptr<Store>> store = Store::Open(options.store);
  if (!store.ok()) return store.status();
  // A second, read-only connection for the reader thread's "already stored?" lookups.
  Result<std::unique_ptr<Store>> lookup =
      Store::Open({.path = options.store.path, .read_only = true});
  if (!lookup.ok()) return lookup.status();

  int workers =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (workers < 1) workers = 1;
  util::BoundedQueue<Item> to_workers(64);
  util::BoundedQueue<Item> to_writer(64);
  InFlight in_flight(options.max_in_flight);
  std::atomic<bool> cancel{false};
  std::atomic<uint64_t> bytes_done{0}, bytes_total{0};

  IngestStats stats;
  Status read_status;
  std::thread reader([&] {
    QueueSink sink(to_workers, in_flight, lookup->get(), options.stop, cancel, bytes_done,
                   bytes_total);
    sink.SetShard(options.shard_index, options.shard_count);
    Result<ReadStats> r = ReadInputs(options.inputs, options.reader, sink);
    stats.other_shards = sink.other_shards();
    if (!r.ok()) {
      read_status = r.status();
    } else {
      stats.files = r->files;
    }
    to_workers.Close();
  });
  std::vector<std::thread> pool;
  std::atomic<int> live_workers{workers};
  std::atomic<int64_t> annotate_ns{0}, annotate_cpu_ns{0};
  Clock::duration store_time{0};
  int64_t store_cpu_ns = 0;
  auto since = [](Clock::time_point t0) { return Clock::now() - t0; };
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      while (std::optional<Item> item = to_workers.Pop()) {
        if (!item->reject && !item->unchanged) {
          Clock::time_point t0 = Clock::now();
          const int64_t cpu0 = ThreadCpuNs();
          item->status = (*coder)->Process(item->document, item->events);
          annotate_cpu_ns += ThreadCpuNs() - cpu0;
          annotate_ns += std::chrono::duration_cast<std::chrono::nanoseconds>(since(t0)).count();
        }
        if (!to_writer.Push(std::move(*item))) break;
      }
      if (--live_workers == 0) to_writer.Close();
    });
  }

  // Writer: restores input order, writes in batches.
  Status write_status;
  std::map<uint64_t, Item> pending;
  uint64_t next = 0;
  int in_batch = 0;
  Clock::time_point last_progress = start;
  auto report = [&](bool force) {
    if (!options.on_progress) return;
    Clock::time_point now = Clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(250)) return;
    last_progress = now;
    options.on_progress({.documents_read = stats.documents,
                         .documents_written = stats.inserted + stats.updated + stats.unchanged,
                         .events = stats.events,
                         .bytes_done = bytes_done.load(),
                         .bytes_total = bytes_total.load(),
                         .seconds = std::chrono::duration<double>(now - start).count()});
  };
  auto commit = [&]() -> Status {
    if (in_batch == 0) return Status();
    Clock::time_point t0 = Clock::now();
    const int64_t cpu0 = ThreadCpuNs();
    Status st = (*store)->Commit();
    store_cpu_ns += ThreadCpuNs() - cpu0;
    store_time += since(t0);
    in_batch = 0;
    if (st.ok()) ++stats.batches;
    return st;
  };
  auto write = [&](Item& item) -> Status {
    if (item.reject) {
      ++stats.rejects;
      if (options.on_reject) options.on_reject(*item.reject);
      return Status();
    }
    ++stats.documents;
    if (item.unchanged) {
      ++stats.unchanged;
      return Status();
    }
    if (!item.status.ok()) {
      // A document the NLP or coder could not process is a reject, not a failed run.
      ++stats.rejects;
      if (options.on_reject) {
        options.on_reject({.file = item.document.origin_file,
                           .location = item.document.origin_location,
                           .reason = item.status.message()});
      }
      return Status();
    }
    Clock::time_point t0 = Clock::now();
    const int64_t cpu0 = ThreadCpuNs();
    if (in_batch == 0) ANNALS_RETURN_IF_ERROR((*store)->Begin());
    ++in_batch;
    Result<PutOutcome> put = ingest::StoreDocument(**store, item.document, item.events);
    store_cpu_ns += ThreadCpuNs() - cpu0;
    store_time += since(t0);
    if (!put.ok()) return put.status();
    switch (*put) {
      case PutOutcome::kUnchanged:
        ++stats.unchanged;
        break;
      case PutOutcome::kInserted:
      case PutOutcome::kUpdated:
        (*put == PutOutcome::kInserted ? stats.inserted : stats.updated)++;
        stats.events += item.events.size();
        for (const Sentence& s : item.document.sentences) {
          ++stats.sentences;
          stats.words += s.words.size();
        }
        break;
    }
    if (in_batch >= options.batch_documents) return commit();
    return Status();
  };
  while (std::optional<Item> item = to_writer.Pop()) {
    uint64_t seq = item->seq;
    pending.emplace(seq, std::move(*item));
    for (auto it = pending.find(next); it != pending.end(); it = pending.find(next)) {
      if (write_status.ok()) write_status = write(it->second);
      pending.erase(it);
      ++next;
      in_flight.Release();
    }
    if (!write_status.ok() && !cancel.load()) {
      cancel = true;  // Stop reading; drain the queues so every thread can finish.
      in_flight.Wake();
      to_workers.Close();
    }
    report(false);
  }
  reader.join();
  for (std::thread& t : pool) t.join();
  if (write_status.ok()) {
    write_status = commit();
  } else if (in_batch > 0) {
    Status rolled_back = (*store)->Rollback();  // Best effort: the write error is what matters.
    (void)rolled_back;
  }
  stats.stopped = options.stop != nullptr && options.stop->load();
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  stats.annotate_seconds = static_cast<double>(annotate_ns.load()) / 1e9;
  stats.store_seconds = std::chrono::duration<double>(store_time).count();
  stats.annotate_cpu_seconds = static_cast<double>(annotate_cpu_ns.load()) / 1e9;
  stats.store_cpu_seconds = static_cast<double>(store_cpu_ns) / 1e9;
  report(true);
  if (!write_status.ok()) return write_status;
  if (!read_status.ok()) return read_status;
  return stats;
}

}  // namespace annals
