// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// A port of the alignment and scoring of conll18_ud_eval.py (CoNLL 2018 shared task).
#include "nlp/eval/ud_eval.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "util/text.h"

namespace annals::nlp::eval {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Spans in "characters without whitespace" coordinates (bytes, which is equivalent when both
// sides come from the same text).
struct CharSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct EvalWord {
  const Word* word = nullptr;
  CharSpan span;
  bool multiword = false;
  int parent = -1;  // Index into the corpus' word list; -1 for the root or unparsed.
};

struct Flat {
  std::string chars;  // The token characters without whitespace.
  std::vector<CharSpan> tokens;
  std::vector<CharSpan> sentences;
  std::vector<EvalWord> words;
  bool has_heads = false;
};

Flat Flatten(const UdCorpus& c) {
  Flat f;
  std::vector<uint32_t> nws(c.text.size() + 1, 0);
  for (size_t i = 0; i < c.text.size(); ++i) nws[i + 1] = nws[i] + (IsSpace(c.text[i]) ? 0 : 1);
  auto clamp = [&](uint32_t x) {
    return std::min<uint32_t>(x, static_cast<uint32_t>(c.text.size()));
  };
  for (const Sentence& s : c.sentences) {
    size_t base = f.words.size();
    if (s.tokens.empty()) continue;
    for (const Token& t : s.tokens) {
      uint32_t b = clamp(t.span.begin), e = std::max(b, clamp(t.span.end));
      CharSpan span{nws[b], nws[e]};
      for (uint32_t i = b; i < e; ++i) {
        if (!IsSpace(c.text[i])) f.chars += c.text[i];
      }
      f.tokens.push_back(span);
      for (int k = 0; k < t.word_count; ++k) {
        size_t wi = static_cast<size_t>(t.first_word + k);
        if (wi >= s.words.size()) break;
        EvalWord w;
        w.word = &s.words[wi];
        w.span = span;
        w.multiword = t.word_count > 1;
        f.words.push_back(w);
      }
    }
    f.sentences.push_back({f.tokens[f.tokens.size() - s.tokens.size()].begin, f.tokens.back().end});
    // Heads: word ids are 1-based within the sentence.
    std::vector<int> index_of_id(s.words.size() + 1, -1);
    for (size_t i = base; i < f.words.size(); ++i) {
      int id = f.words[i].word->id;
      if (id > 0 && static_cast<size_t>(id) <= s.words.size())
        index_of_id[id] = static_cast<int>(i);
    }
    for (size_t i = base; i < f.words.size(); ++i) {
      int head = f.words[i].word->head;
      if (head >= 0) f.has_heads = true;
      if (head > 0 && static_cast<size_t>(head) <= s.words.size())
        f.words[i].parent = index_of_id[head];
    }
  }
  return f;
}

Score SpanScore(const std::vector<CharSpan>& gold, const std::vector<CharSpan>& sys) {
  Score s;
  s.gold = gold.size();
  s.system = sys.size();
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < sys.size()) {
    if (sys[si].begin < gold[gi].begin) {
      ++si;
    } else if (gold[gi].begin < sys[si].begin) {
      ++gi;
    } else {
      s.correct += gold[gi].end == sys[si].end;
      ++gi;
      ++si;
    }
  }
  s.aligned = s.correct;
  return s;
}

bool BeyondEnd(const std::vector<EvalWord>& w, size_t i, uint32_t end) {
  if (i >= w.size()) return true;
  if (w[i].multiword) return w[i].span.begin >= end;
  return w[i].span.end > end;
}

uint32_t ExtendEnd(const EvalWord& w, uint32_t end) {
  return w.multiword && w.span.end > end ? w.span.end : end;
}

std::string Lower(const Word* w) { return util::AsciiLower(w->form); }

// Aligned pairs (gold index, system index).
std::vector<std::pair<size_t, size_t>> Align(const std::vector<EvalWord>& gold,
                                             const std::vector<EvalWord>& sys) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi].multiword || sys[si].multiword) {
      uint32_t end;
      if (gold[gi].multiword) {
        end = gold[gi].span.end;
        if (!sys[si].multiword && sys[si].span.begin < gold[gi].span.begin) ++si;
      } else {
        end = sys[si].span.end;
        if (!gold[gi].multiword && gold[gi].span.begin < sys[si].span.begin) ++gi;
      }
      size_t gs = gi, ss = si;
      while (!BeyondEnd(gold, gi, end) || !BeyondEnd(sys, si, end)) {
        if (gi < gold.size() && (si >= sys.size() || gold[gi].span.begin <= sys[si].span.begin)) {
          end = ExtendEnd(gold[gi], end);
          ++gi;
        } else {
          end = ExtendEnd(sys[si], end);
          ++si;
        }
      }
      size_t ng = gi - gs, ns = si - ss;
      // Longest common subsequence of lower-cased forms (bounded: hostile input cannot make us
      // allocate a huge table; such a region simply stays unaligned).
      if (ng > 0 && ns > 0 && ng * ns <= (1u << 22)) {
        std::vector<std::string> gf(ng), sf(ns);
        for (size_t g = 0; g < ng; ++g) gf[g] = Lower(gold[gs + g].word);
        for (size_t s = 0; s < ns; ++s) sf[s] = Lower(sys[ss + s].word);
        std::vector<uint32_t> lcs((ng + 1) * (ns + 1), 0);
        auto at = [&](size_t g, size_t s) -> uint32_t& { return lcs[g * (ns + 1) + s]; };
        for (size_t g = ng; g-- > 0;) {
          for (size_t s = ns; s-- > 0;) {
            uint32_t v = gf[g] == sf[s] ? 1 + at(g + 1, s + 1) : 0;
            at(g, s) = std::max({v, at(g + 1, s), at(g, s + 1)});
          }
        }
        size_t g = 0, s = 0;
        while (g < ng && s < ns) {
          if (gf[g] == sf[s]) {
            out.emplace_back(gs + g, ss + s);
            ++g;
            ++s;
          } else if (at(g, s) == at(g + 1, s)) {
            ++g;
          } else {
            ++s;
          }
        }
      }
    } else {
      if (gold[gi].span.begin == sys[si].span.begin && gold[gi].span.end == sys[si].span.end) {
        out.emplace_back(gi, si);
        ++gi;
        ++si;
      } else if (gold[gi].span.begin <= sys[si].span.begin) {
        ++gi;
      } else {
        ++si;
      }
    }
  }
  return out;
}

const std::set<std::string_view>& UniversalFeatures() {
  static const std::set<std::string_view> kSet = {
      "PronType", "NumType", "Poss",  "Reflex",   "Foreign",  "Abbr",     "Gender",
      "Animacy",  "Number",  "Case",  "Definite", "Degree",   "VerbForm", "Mood",
      "Tense",    "Aspect",  "Voice", "Evident",  "Polarity", "Person",   "Polite"};
  return kSet;
}

std::string UniversalFeats(const std::string& feats) {
  std::string out;
  for (std::string_view f : util::Split(feats, '|')) {
    if (UniversalFeatures().count(f.substr(0, f.find('='))) == 0) continue;
    if (!out.empty()) out += '|';
    out += f;
  }
  return out;
}

std::string_view BaseDeprel(const std::string& d) {
  return std::string_view(d).substr(0, d.find(':'));
}

bool IsContent(const Word* w) {
  static const std::set<std::string_view> kContent = {
      "nsubj",  "obj",        "iobj",       "csubj",  "ccomp",     "xcomp",    "obl",   "vocative",
      "expl",   "dislocated", "advcl",      "advmod", "discourse", "nmod",     "appos", "nummod",
      "acl",    "amod",       "conj",       "fixed",  "flat",      "compound", "list",  "parataxis",
      "orphan", "goeswith",   "reparandum", "root",   "dep"};
  return kContent.count(BaseDeprel(w->deprel)) > 0;
}

}  // namespace

void AppendSentence(UdCorpus& corpus, ConlluSentence&& s) {
  if (!corpus.text.empty()) corpus.text += (s.newdoc || s.newpar) ? "\n\n" : " ";
  uint32_t shift = static_cast<uint32_t>(corpus.text.size());
  corpus.text += s.text;
  Sentence& sent = s.sentence;
  auto move = [shift](Span& sp) {
    sp.begin += shift;
    sp.end += shift;
  };
  move(sent.span);
  for (Token& t : sent.tokens) move(t.span);
  for (Word& w : sent.words) move(w.span);
  corpus.sentences.push_back(std::move(sent));
}

Result<UdScores> EvaluateUd(const UdCorpus& gold_corpus, const UdCorpus& system_corpus) {
  Flat gold = Flatten(gold_corpus);
  Flat sys = Flatten(system_corpus);
  if (gold.chars != sys.chars) {
    size_t i = 0;
    while (i < gold.chars.size() && i < sys.chars.size() && gold.chars[i] == sys.chars[i]) ++i;
    return InvalidArgumentError("system and gold texts differ at non-whitespace character " +
                                std::to_string(i) + " (gold has " +
                                std::to_string(gold.chars.size()) + ", system " +
                                std::to_string(sys.chars.size()) + ")");
  }
  UdScores r;
  r.tokens = SpanScore(gold.tokens, sys.tokens);
  r.sentences = SpanScore(gold.sentences, sys.sentences);
  std::vector<std::pair<size_t, size_t>> aligned = Align(gold.words, sys.words);
  std::vector<int> gold_of_sys(sys.words.size(), -1);
  for (const auto& [g, s] : aligned) gold_of_sys[s] = static_cast<int>(g);

  auto count = [&](Score& sc, auto filter, auto correct) {
    for (const EvalWord& w : gold.words) sc.gold += filter(w.word) ? 1 : 0;
    for (const EvalWord& w : sys.words) sc.system += filter(w.word) ? 1 : 0;
    for (const auto& [g, s] : aligned) {
      if (!filter(gold.words[g].word)) continue;
      ++sc.aligned;
      if (correct(g, s)) ++sc.correct;
    }
  };
  auto all = [](const Word*) { return true; };
  count(r.words, all, [](size_t, size_t) { return true; });
  count(r.upos, all,
        [&](size_t g, size_t s) { return gold.words[g].word->upos == sys.words[s].word->upos; });
  count(r.xpos, all,
        [&](size_t g, size_t s) { return gold.words[g].word->xpos == sys.words[s].word->xpos; });
  count(r.ufeats, all, [&](size_t g, size_t s) {
    return UniversalFeats(gold.words[g].word->feats) == UniversalFeats(sys.words[s].word->feats);
  });
  count(r.lemma, all, [&](size_t g, size_t s) {
    const std::string& gl = gold.words[g].word->lemma;
    return gl.empty() || gl == sys.words[s].word->lemma;
  });
  r.has_heads = sys.has_heads;
  if (r.has_heads) {
    auto head_ok = [&](size_t g, size_t s) {
      int gp = gold.words[g].parent;
      int sp = sys.words[s].parent;
      if (gold.words[g].word->head == 0 || sys.words[s].word->head == 0) {
        return gold.words[g].word->head == 0 && sys.words[s].word->head == 0;
      }
      return gp >= 0 && sp >= 0 && gold_of_sys[sp] == gp;
    };
    auto label_ok = [&](size_t g, size_t s) {
      return head_ok(g, s) &&
             BaseDeprel(gold.words[g].word->deprel) == BaseDeprel(sys.words[s].word->deprel);
    };
    count(r.uas, all, head_ok);
    count(r.las, all, label_ok);
    count(r.clas, IsContent, label_ok);
  }
  return r;
}

}  // namespace annals::nlp::eval
