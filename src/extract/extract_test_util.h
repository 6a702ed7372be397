// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Test helpers: one annotator (models/), one matcher (data/dict) and one full DocumentCoder
// (annotate, code, NER, geocode) per test binary.
#ifndef ANNALS_EXTRACT_EXTRACT_TEST_UTIL_H_
#define ANNALS_EXTRACT_EXTRACT_TEST_UTIL_H_

#include <cctype>
#include <memory>
#include <string>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"
#include "annals/document.h"
#include "ingest/document_coder.h"

namespace annals::extract::testing {

// Annotation only (tokenize, tag and, when parser.model is there, parse). Null when the models
// are absent in this checkout.
inline const ingest::DocumentCoder* SharedAnnotator() {
  static const ingest::DocumentCoder* a = [] {
    Result<std::unique_ptr<ingest::DocumentCoder>> r =
        ingest::DocumentCoder::Create({.code = false, .locate = false, .require_parser = false});
    return r.ok() ? r->release() : nullptr;
  }();
  return a;
}

// What `annals analyze` runs: annotation, coding (data/dict), NER and the gazetteer when they
// are there. Null when the models or the dictionaries are absent.
inline const ingest::DocumentCoder* SharedCoder() {
  static const ingest::DocumentCoder* c = [] {
    Result<std::unique_ptr<ingest::DocumentCoder>> r =
        ingest::DocumentCoder::Create({.require_parser = false});
    return r.ok() ? r->release() : nullptr;
  }();
  return c;
}

// Null when data/dict is absent.
inline const ActorMatcher* SharedMatcher() {
  static const ActorMatcher* m = [] {
    DictionaryOptions o;
    Result<Dictionary> d = Dictionary::Load(o);
    return d.ok() ? new ActorMatcher(*d) : nullptr;
  }();
  return m;
}

// A document annotated by the shared annotator.
inline Document Annotated(const std::string& text, const std::string& date = "2025-09-02") {
  Document doc;
  doc.id = "t";
  doc.date = date;
  doc.text = text;
  if (!SharedAnnotator()->Annotate(doc).ok()) doc.sentences.clear();
  return doc;
}

// Untagged words split on spaces and punctuation, one sentence: for the surface fallbacks.
inline Document Plain(const std::string& text) {
  Document doc;
  doc.id = "p";
  doc.date = "2025-09-02";
  doc.text = text;
  Sentence s;
  s.span = {0, static_cast<uint32_t>(text.size())};
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    size_t b = i;
    if (std::isalnum(c) || c == '$') {
      ++i;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) ||
              ((text[i] == ',' || text[i] == '.' || text[i] == '-') && i + 1 < text.size() &&
               std::isalnum(static_cast<unsigned char>(text[i + 1]))))) {
        ++i;
      }
    } else {
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    Word w;
    w.id = static_cast<int>(s.words.size()) + 1;
    w.form = text.substr(b, i - b);
    w.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(i)};
    s.words.push_back(std::move(w));
  }
  doc.sentences.push_back(std::move(s));
  return doc;
}

}  // namespace annals::extract::testing

#define ANNALS_SKIP_WITHOUT_MODELS()                                \
  if (::annals::extract::testing::SharedAnnotator() == nullptr ||   \
      ::annals::extract::testing::SharedMatcher() == nullptr) {     \
    GTEST_SKIP() << "models/ or data/dict absent in this checkout"; \
  }

#endif  // ANNALS_EXTRACT_EXTRACT_TEST_UTIL_H_
