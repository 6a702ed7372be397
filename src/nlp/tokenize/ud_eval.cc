// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tokenize/ud_eval.h"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

#include "nlp/conllu.h"
#include "util/text.h"

namespace annals::nlp::tokenize {

Result<UdRawText> LoadUdRawText(const std::string& conllu_path,
                                const std::function<void(const std::string&)>& on_error) {
  UdRawText out;
  bool first = true;
  Status st = ReadConlluFile(
      conllu_path,
      [&](ConlluSentence&& cs) {
        if (!first) out.text += (cs.newdoc || cs.newpar) ? "\n\n" : " ";
        first = false;
        uint32_t base = static_cast<uint32_t>(out.text.size());
        out.text += cs.text;
        Sentence s = std::move(cs.sentence);
        for (Token& t : s.tokens) {
          t.span.begin += base;
          t.span.end += base;
        }
        for (Word& w : s.words) {
          w.span.begin += base;
          w.span.end += base;
        }
        s.span.begin += base;
        s.span.end += base;
        out.gold.push_back(std::move(s));
      },
      [&](const std::string& msg) {
        ++out.bad_blocks;
        on_error(msg);
      });
  if (!st.ok()) return st;
  return out;
}

namespace {

using SpanKey = std::pair<uint32_t, uint32_t>;

int Lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = a[i - 1] == b[j - 1] ? d[i - 1][j - 1] + 1 : std::max(d[i - 1][j], d[i][j - 1]);
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> WordForms(const Sentence& s, const Token& t) {
  std::vector<std::string> forms;
  forms.reserve(t.word_count);
  for (int k = 0; k < t.word_count; ++k) {
    forms.push_back(util::AsciiLower(s.words[t.first_word + k].form));
  }
  return forms;
}

}  // namespace

SegmentationScores ScoreSegmentation(const std::vector<Sentence>& gold,
                                     const std::vector<Sentence>& system) {
  SegmentationScores sc;
  // Gold tokens by span.
  std::map<SpanKey, std::pair<const Sentence*, const Token*>> gold_tokens;
  std::map<SpanKey, int> gold_sentences;
  for (const Sentence& s : gold) {
    gold_sentences[{s.span.begin, s.span.end}]++;
    sc.sentences.gold++;
    sc.words.gold += static_cast<int64_t>(s.words.size());
    for (const Token& t : s.tokens) {
      gold_tokens[{t.span.begin, t.span.end}] = {&s, &t};
      sc.tokens.gold++;
    }
  }
  for (const Sentence& s : system) {
    sc.sentences.system++;
    auto gs = gold_sentences.find({s.span.begin, s.span.end});
    if (gs != gold_sentences.end() && gs->second > 0) {
      sc.sentences.correct++;
      gs->second--;
    }
    sc.words.system += static_cast<int64_t>(s.words.size());
    for (const Token& t : s.tokens) {
      sc.tokens.system++;
      auto it = gold_tokens.find({t.span.begin, t.span.end});
      if (it == gold_tokens.end()) continue;
      sc.tokens.correct++;
      const Token& g = *it->second.second;
      if (g.word_count == 1 && t.word_count == 1) {
        sc.words.correct++;
      } else {
        sc.words.correct += Lcs(WordForms(*it->second.first, g), WordForms(s, t));
      }
      gold_tokens.erase(it);
    }
  }
  return sc;
}

}  // namespace annals::nlp::tokenize
