// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Shared by the reader fuzzers: a sink that counts and checks the invariants every reader must
// keep (valid UTF-8 text, spans inside the text, a non-empty id and origin).
#ifndef ANNALS_FUZZ_FUZZ_READER_COMMON_H_
#define ANNALS_FUZZ_FUZZ_READER_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "annals/reader.h"
#include "util/text.h"

namespace annals::fuzz {

inline void CheckImpl(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
  }
}
#define ANNALS_FUZZ_CHECK(x) ::annals::fuzz::CheckImpl((x), #x)

inline bool InText(const Span& s, const std::string& text) {
  return s.begin <= s.end && s.end <= text.size();
}

class CountingSink : public DocumentSink {
 public:
  bool Accept(Document&& doc) override {
    ++documents;
    ANNALS_FUZZ_CHECK(!doc.id.empty());
    ANNALS_FUZZ_CHECK(!doc.origin_file.empty());
    ANNALS_FUZZ_CHECK(util::FindInvalidUtf8(doc.text) == std::string::npos);
    ANNALS_FUZZ_CHECK(util::FindInvalidUtf8(doc.title) == std::string::npos);
    if (doc.dateline) ANNALS_FUZZ_CHECK(InText(doc.dateline->span, doc.text));
    for (const Sentence& s : doc.sentences) {
      ANNALS_FUZZ_CHECK(InText(s.span, doc.text));
      for (const Token& t : s.tokens) ANNALS_FUZZ_CHECK(InText(t.span, doc.text));
      for (const Word& w : s.words) ANNALS_FUZZ_CHECK(InText(w.span, doc.text));
    }
    return true;
  }
  void OnReject(const Reject& r) override {
    ++rejects;
    ANNALS_FUZZ_CHECK(!r.reason.empty());
    ANNALS_FUZZ_CHECK(r.raw.size() <= 4096);
  }
  size_t documents = 0;
  size_t rejects = 0;
};

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_FUZZ_READER_COMMON_H_
