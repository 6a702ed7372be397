// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Shared by the reader fuzzers: a sink that counts and checks the invariants every reader must
// keep (valid UTF-8 text, spans inside the text, a non-empty id and origin).
#ifndef ANNALS_FUZZ_FUZZ_READER_COMMON_H_
#define ANNALS_FUZZ_FUZZ_READER_COMMON_H_

#include <cstdlib>
#include <string>

#include "annals/reader.h"
#include "util/text.h"

namespace annals::fuzz {

inline void Check(bool ok) {
  if (!ok) std::abort();
}

inline bool InText(const Span& s, const std::string& text) {
  return s.begin <= s.end && s.end <= text.size();
}

class CountingSink : public DocumentSink {
 public:
  bool Accept(Document&& doc) override {
    ++documents;
    Check(!doc.id.empty());
    Check(!doc.origin_file.empty());
    Check(util::FindInvalidUtf8(doc.text) == std::string::npos);
    Check(util::FindInvalidUtf8(doc.title) == std::string::npos);
    if (doc.dateline) Check(InText(doc.dateline->span, doc.text));
    for (const Sentence& s : doc.sentences) {
      Check(InText(s.span, doc.text));
      for (const Token& t : s.tokens) Check(InText(t.span, doc.text));
      for (const Word& w : s.words) Check(InText(w.span, doc.text));
    }
    return true;
  }
  void OnReject(const Reject& r) override {
    ++rejects;
    Check(!r.reason.empty());
    Check(r.raw.size() <= 4096);
  }
  size_t documents = 0;
  size_t rejects = 0;
};

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_FUZZ_READER_COMMON_H_
