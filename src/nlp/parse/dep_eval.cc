// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// UAS/LAS/CLAS for the parser's model selection and reports (gold tokenization). The tagger's
// `annals eval ud` metrics will replace this at merge; keep it small.
#include <string_view>
#include <unordered_set>

#include "annals/parser.h"

namespace annals {
namespace {

std::string_view Universal(std::string_view label) {
  size_t colon = label.find(':');
  return colon == std::string_view::npos ? label : label.substr(0, colon);
}

// CoNLL 2018 shared task: relations that count as content for CLAS.
bool IsContent(std::string_view label) {
  static const std::unordered_set<std::string_view> kContent = {
      "nsubj",  "obj",        "iobj",       "csubj",  "ccomp",     "xcomp",    "obl",   "vocative",
      "expl",   "dislocated", "advcl",      "advmod", "discourse", "nmod",     "appos", "nummod",
      "acl",    "amod",       "conj",       "fixed",  "flat",      "compound", "list",  "parataxis",
      "orphan", "goeswith",   "reparandum", "root",   "dep"};
  return kContent.count(Universal(label)) > 0;
}

}  // namespace

DependencyScores ScoreDependencies(const std::vector<Sentence>& gold,
                                   const std::vector<Sentence>& predicted) {
  DependencyScores s;
  int64_t uas = 0, las = 0, lasu = 0, content = 0, clas = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const auto& g = gold[i].words;
    const std::vector<Word>* p = i < predicted.size() ? &predicted[i].words : nullptr;
    bool aligned = p != nullptr && p->size() == g.size();
    for (size_t k = 0; k < g.size(); ++k) {
      ++s.words;
      bool c = IsContent(g[k].deprel);
      content += c;
      if (!aligned) continue;
      const Word& pw = (*p)[k];
      if (pw.head != g[k].head) continue;
      ++uas;
      if (Universal(pw.deprel) == Universal(g[k].deprel)) ++lasu;
      if (pw.deprel == g[k].deprel) {
        ++las;
        clas += c;
      }
    }
  }
  auto pct = [](int64_t a, int64_t b) { return b > 0 ? 100.0 * a / b : 0.0; };
  s.uas = pct(uas, s.words);
  s.las = pct(las, s.words);
  s.las_universal = pct(lasu, s.words);
  s.clas = pct(clas, content);
  return s;
}

}  // namespace annals
