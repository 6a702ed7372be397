// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tokenize/sentsplit_train.h"

#include <cstdio>
#include <random>
#include <vector>

#include "nlp/tokenize/scanner.h"
#include "nlp/tokenize/segment.h"

namespace annals::nlp::tokenize {
namespace {

struct Paragraph {
  size_t begin;  // Token range [begin, end).
  size_t end;
};

std::string Fmt(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[96];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c);
  return buf;
}

}  // namespace

SegmentationScores EvaluateSegmentation(const UdRawText& raw, const SentenceModel* model) {
  std::vector<Sentence> sys = Segment(raw.text, model);
  return ScoreSegmentation(raw.text, raw.gold, sys);
}

Result<SentenceModel> TrainSentsplit(const UdRawText& train, const UdRawText* dev,
                                     const SentsplitTrainOptions& options,
                                     const std::function<void(const std::string&)>& log) {
  if (options.epochs < 1) return InvalidArgumentError("epochs must be at least 1");
  std::vector<ScanToken> tokens;
  ScanTokens(train.text, tokens);
  std::vector<TokenInfo> info;
  ComputeTokenInfo(train.text, tokens, info);
  // Gold sentence ends as byte offsets.
  std::vector<uint8_t> gold_end(train.text.size() + 1, 0);
  for (const Sentence& s : train.gold) gold_end[s.span.end] = 1;
  std::vector<uint8_t> label(tokens.size(), 0);
  size_t positives = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    label[i] = gold_end[tokens[i].end];
    positives += label[i];
  }
  std::vector<Paragraph> paras;
  for (size_t i = 0; i < tokens.size();) {
    size_t j = i + 1;
    while (j < tokens.size() && tokens[j].newlines_before < 2) ++j;
    paras.push_back({i, j});
    i = j;
  }
  log("train: " + std::to_string(tokens.size()) + " tokens, " + std::to_string(positives) +
      " gold sentence ends on token ends (of " + std::to_string(train.gold.size()) +
      " sentences), " + std::to_string(paras.size()) + " paragraphs");

  const size_t dim = size_t{1} << kWeightBits;
  std::vector<float> w(dim, 0.0f);
  std::vector<double> total(dim, 0.0);
  std::vector<int64_t> stamp(dim, 0);
  int64_t clock = 1;
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(paras.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  uint32_t feats[kMaxFeatures];

  SentenceModel best;
  double best_f1 = -1;
  int best_epoch = 0;
  auto averaged = [&]() {
    SentenceModel m;
    std::vector<float>& a = m.weights();
    for (size_t k = 0; k < dim; ++k) {
      double tot = total[k] + static_cast<double>(clock - stamp[k]) * w[k];
      a[k] = static_cast<float>(tot / static_cast<double>(clock));
    }
    return m;
  };

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with the engine's raw output: identical on every platform.
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    int64_t errors = 0, seen = 0;
    for (size_t pi : order) {
      const Paragraph& p = paras[pi];
      size_t start = p.begin;
      for (size_t i = p.begin; i + 1 < p.end; ++i) {
        // Local view: the paragraph's tokens keep their global indices.
        if (!BoundaryAllowed(info, i)) {
          if (label[i]) start = i + 1;
          continue;
        }
        bool gold = label[i] != 0;
        if (info[i + 1].newlines_before == 1) {
          if (gold) start = i + 1;
          continue;
        }
        int n = ExtractFeatures(info, i, static_cast<int>(i - start),
                                static_cast<int>(p.end - 1 - i), feats);
        float score = 0;
        for (int k = 0; k < n; ++k) score += w[feats[k]];
        bool pred = score > 0;
        ++seen;
        if (pred != gold) {
          ++errors;
          float delta = gold ? 1.0f : -1.0f;
          for (int k = 0; k < n; ++k) {
            uint32_t f = feats[k];
            total[f] += static_cast<double>(clock - stamp[f]) * w[f];
            stamp[f] = clock;
            w[f] += delta;
          }
        }
        ++clock;
        if (gold) start = i + 1;
      }
    }
    std::string line = "epoch " + std::to_string(epoch) + ": " + std::to_string(errors) +
                       " errors / " + std::to_string(seen) + " decisions";
    if (dev != nullptr) {
      SentenceModel m = averaged();
      SegmentationScores sc = EvaluateSegmentation(*dev, &m);
      line += Fmt("; dev sentences P %.2f R %.2f F1 %.2f", sc.sentences.Precision(),
                  sc.sentences.Recall(), sc.sentences.F1());
      if (!options.keep_best_on_dev || sc.sentences.F1() > best_f1) {
        best_f1 = sc.sentences.F1();
        best = std::move(m);
        best_epoch = epoch;
      }
    }
    log(line);
  }
  if (dev == nullptr || !options.keep_best_on_dev) return averaged();
  log("kept epoch " + std::to_string(best_epoch) + Fmt(" (dev sentence F1 %.2f)", best_f1));
  // The perceptron's threshold trades precision for recall; pick the bias with the best dev F1.
  float best_bias = 0.0f;
  for (int k = -10; k <= 10; ++k) {
    float b = 0.1f * static_cast<float>(k);
    if (k == 0) continue;
    best.set_bias(b);
    double f1 = EvaluateSegmentation(*dev, &best).sentences.F1();
    if (f1 > best_f1 + 1e-9) {
      best_f1 = f1;
      best_bias = b;
    }
  }
  best.set_bias(best_bias);
  log(Fmt("bias %.2f (dev sentence F1 %.2f)", best_bias, best_f1));
  return best;
}

}  // namespace annals::nlp::tokenize
