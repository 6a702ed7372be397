// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Internal helpers shared by the extractors: word tests and head-chain walks that tolerate
// missing or inconsistent annotation.
#ifndef ANNALS_EXTRACT_EXTRACT_UTIL_H_
#define ANNALS_EXTRACT_EXTRACT_UTIL_H_

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals::extract {

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline bool Capitalized(const Word& w) {
  return !w.form.empty() && std::isupper(static_cast<unsigned char>(w.form[0])) != 0;
}

// Lemma when the tagger gave one, else the lower-cased form.
inline std::string LemmaOf(const Word& w) {
  return w.lemma.empty() ? Lower(w.form) : Lower(w.lemma);
}

// 0-based index of the head of word `i`, -1 for the root, a missing parse or a bad head.
inline int HeadOf(const std::vector<Word>& words, int i) {
  if (i < 0 || i >= static_cast<int>(words.size())) return -1;
  int h = words[i].head;
  if (h <= 0 || h > static_cast<int>(words.size())) return -1;
  return h - 1;
}

inline bool Parsed(const std::vector<Word>& words) {
  for (const Word& w : words) {
    if (w.head >= 0) return true;
  }
  return false;
}

// First VERB (or AUX-less predicate adjective/noun at the root) at or above word `i` on the head
// chain; -1 when none (no parse, or a cycle).
inline int GoverningPredicate(const std::vector<Word>& words, int i, bool include_self) {
  int cur = include_self ? i : HeadOf(words, i);
  for (size_t steps = 0; cur >= 0 && steps <= words.size(); ++steps) {
    const Word& w = words[cur];
    if (w.upos == "VERB") return cur;
    if (HeadOf(words, cur) < 0) return w.head == 0 ? cur : -1;  // The root predicate.
    cur = HeadOf(words, cur);
  }
  return -1;
}

// Index of the sentence containing byte `pos`, -1 when none. Sentences are in text order.
inline int SentenceAt(const Document& doc, uint32_t pos) {
  size_t lo = 0, hi = doc.sentences.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc.sentences[mid].span.end <= pos) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < doc.sentences.size() && doc.sentences[lo].span.begin <= pos &&
      pos < doc.sentences[lo].span.end) {
    return static_cast<int>(lo);
  }
  return -1;
}

inline std::string_view SpanText(const Document& doc, Span s) {
  if (s.begin >= doc.text.size() || s.end <= s.begin) return {};
  size_t end = std::min<size_t>(s.end, doc.text.size());
  return std::string_view(doc.text).substr(s.begin, end - s.begin);
}

}  // namespace annals::extract

#endif  // ANNALS_EXTRACT_EXTRACT_UTIL_H_
