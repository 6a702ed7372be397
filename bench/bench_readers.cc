// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Reader throughput (MB/s of input) on generated input: JSONL (plain and gzipped), plain text
// and CoNLL-U, each read from memory through the same entry points ReadInputs uses, into a sink
// that only counts. Run: build/bench/bench_readers (see scripts/bench).
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "annals/reader.h"
#include "io/byte_source.h"
#include "io/format_readers.h"

namespace annals::io {
namespace {

class CountingSink : public DocumentSink {
 public:
  bool Accept(Document&& doc) override {
    ++documents;
    bytes += doc.text.size();
    return true;
  }
  void OnReject(const Reject&) override { ++rejects; }
  uint64_t documents = 0, rejects = 0, bytes = 0;
};

// Deterministic news-like prose from a fixed vocabulary (xorshift word choice).
class Prose {
 public:
  std::string Words(int n) {
    static const char* kWords[] = {
        "the",       "army",    "said",      "on",
        "Tuesday",   "talks",   "with",      "rebels",
        "in",        "capital", "minister",  "foreign",
        "agreed",    "to",      "ceasefire", "border",
        "officials", "protest", "police",    "arrested",
        "president", "visit",   "summit",    "sanctions",
        "trade",     "and",     "a",         "of",
        "Beijing",   "Moscow",  "Kyiv",      "\xE2\x80\x9Cwar\xE2\x80\x9D",
        "peace",     "2025"};
    std::string out;
    for (int i = 0; i < n; ++i) {
      state_ ^= state_ << 13;
      state_ ^= state_ >> 7;
      state_ ^= state_ << 17;
      if (i > 0) out += (i % 17 == 0) ? ". " : " ";
      out += kWords[state_ % (sizeof(kWords) / sizeof(kWords[0]))];
    }
    return out + ".";
  }

 private:
  uint64_t state_ = 88172645463325252ULL;
};

std::string MakeJsonl(size_t target) {
  Prose p;
  std::string out;
  for (int i = 0; out.size() < target; ++i) {
    out += "{\"id\":\"doc-" + std::to_string(i) + "\",\"url\":\"https://news.example.org/" +
           std::to_string(i) + "\",\"title\":\"" + p.Words(8) +
           "\",\"date\":\"2025-09-02T08:15:00Z\",\"source\":\"Example News\",\"text\":\"BEIJING, "
           "Sept 2 (Reuters) - " +
           p.Words(300) + "\\n\\n" + p.Words(100) + "\"}\n";
  }
  return out;
}

std::string MakeText() {
  Prose p;
  std::string out = "Leaders meet in the capital\n\nBEIJING, Sept 2 (Reuters) - ";
  for (int para = 0; para < 12; ++para) {
    std::string words = p.Words(90);
    for (size_t i = 70; i < words.size(); i += 72) {  // Hard-wrap like a wire story.
      size_t sp = words.find(' ', i);
      if (sp != std::string::npos) words[sp] = '\n';
    }
    out += words + "\n\n";
  }
  return out;
}

std::string MakeConllu(size_t target) {
  Prose p;
  std::string out;
  for (int s = 0; out.size() < target; ++s) {
    if (s % 20 == 0) out += "# newdoc id = d" + std::to_string(s / 20) + "\n";
    if (s % 5 == 0) out += "# newpar\n";
    out += "# sent_id = s" + std::to_string(s) + "\n";
    std::string words = p.Words(18);
    std::string text;
    std::string rows;
    int id = 0;
    size_t start = 0;
    while (start < words.size()) {
      size_t sp = words.find(' ', start);
      std::string w = words.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
      if (!w.empty() && w.back() == '.') w.pop_back();
      if (!w.empty()) {
        ++id;
        if (!text.empty()) text += ' ';
        text += w;
        rows += std::to_string(id) + "\t" + w + "\t" + w + "\tNOUN\tNN\t_\t" +
                std::to_string(id == 1 ? 0 : 1) + "\t" + (id == 1 ? "root" : "dep") + "\t_\t_\n";
      }
      if (sp == std::string::npos) break;
      start = sp + 1;
    }
    out += "# text = " + text + "\n" + rows + "\n";
  }
  return out;
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
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

// Bytes processed are the uncompressed input size (`plain_size`) so figures compare.
void Run(benchmark::State& state, const std::string& input,
         Status (*reader)(ByteSource&, ReadContext&), bool gz, size_t plain_size = 0) {
  ReaderOptions options;
  uint64_t docs = 0;
  for (auto _ : state) {
    CountingSink sink;
    ReadStats stats;
    ReadContext ctx(options, sink, "bench", stats);
    std::unique_ptr<ByteSource> src = MemorySource(input);
    if (gz) src = GzipSource(std::move(src));
    Status st = reader(*src, ctx);
    if (!st.ok() || sink.rejects != 0 || sink.documents == 0) {
      state.SkipWithError("reader failed or rejected records");
      return;
    }
    docs = sink.documents;
    benchmark::DoNotOptimize(sink.bytes);
  }
  size_t bytes = plain_size != 0 ? plain_size : input.size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs));
  state.SetLabel("docs");
  state.counters["docs/iter"] = static_cast<double>(docs);
}

void BM_Jsonl(benchmark::State& state) {
  static const std::string input = MakeJsonl(8 << 20);
  Run(state, input, &ReadJsonlInput, false);
}
BENCHMARK(BM_Jsonl)->Unit(benchmark::kMillisecond);

void BM_JsonlGzip(benchmark::State& state) {
  static const std::string plain = MakeJsonl(8 << 20);
  static const std::string input = Gzip(plain);
  Run(state, input, &ReadJsonlInput, true, plain.size());
}
BENCHMARK(BM_JsonlGzip)->Unit(benchmark::kMillisecond);

void BM_Text(benchmark::State& state) {
  static const std::string input = MakeText();
  Run(state, input, &ReadTextInput, false);
}
BENCHMARK(BM_Text)->Unit(benchmark::kMicrosecond);

void BM_Conllu(benchmark::State& state) {
  static const std::string input = MakeConllu(8 << 20);
  Run(state, input, &ReadConlluInput, false);
}
BENCHMARK(BM_Conllu)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals::io
