// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tag/lemmatizer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "nlp/model_file.h"
#include "util/text.h"

namespace annals::nlp::tag {
namespace {

constexpr size_t kMaxSuffix = 6;

bool IsProper(std::string_view upos, std::string_view xpos) {
  return upos == "PROPN" || xpos == "NNP" || xpos == "NNPS";
}

// Replaces the right single quotation mark U+2019 (and the backtick some writers use) by "'".
std::string NormalizeApostrophes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (s[i] == '`') {
      out += '\'';
    } else {
      out += s[i];
    }
  }
  return out;
}

// UD English lemmas of clitics and contractions; empty when `form` is not one.
std::string Contraction(std::string_view form, std::string_view xpos) {
  std::string f = util::AsciiLower(NormalizeApostrophes(form));
  if (f.empty() || (f[0] != '\'' && f != "n't")) return {};
  if (f == "n't") return "not";
  if (f == "'s") {
    if (xpos == "POS") return "'s";
    if (xpos == "PRP") return "we";  // "let's"
    if (xpos.rfind("VB", 0) == 0) return "be";
    return "'s";
  }
  if (f == "'m" || f == "'re") return "be";
  if (f == "'ve") return "have";
  if (f == "'ll") return "will";
  if (f == "'d") return xpos == "MD" ? "would" : "have";
  return {};
}

char WordnetPos(std::string_view xpos) {
  if (xpos == "NNS") return 'n';
  if (xpos.size() >= 2 && xpos.substr(0, 2) == "VB") return 'v';
  if (xpos == "JJR" || xpos == "JJS") return 'a';
  if (xpos == "RBR" || xpos == "RBS") return 'r';
  return 0;
}

uint64_t Key2(std::string_view a, std::string_view b) {
  std::string k;
  k.reserve(a.size() + b.size() + 1);
  k.append(a).append(1, '\t').append(b);
  return util::Fnv1a64(k);
}

std::string RuleKey(std::string_view xpos, char cap, std::string_view suffix) {
  std::string k(xpos);
  k += '\t';
  k += cap;
  k += '\t';
  k.append(suffix);
  return k;
}

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

char CapClass(std::string_view form) {
  int upper = 0, lower = 0;
  bool first_upper = false;
  for (size_t i = 0; i < form.size(); ++i) {
    char c = form[i];
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      if (upper + lower == 1) first_upper = true;
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
    }
  }
  if (upper == 0) return 'l';
  if (lower == 0) return upper >= 2 ? 'u' : 't';
  if (first_upper && upper == 1) return 't';
  return 'm';
}

Result<std::vector<WordnetException>> ReadWordnetExceptions(const std::string& dir) {
  std::vector<WordnetException> out;
  bool any = false;
  const std::pair<char, const char*> files[] = {
      {'n', "noun.exc"}, {'v', "verb.exc"}, {'a', "adj.exc"}, {'r', "adv.exc"}};
  for (const auto& [pos, name] : files) {
    std::ifstream f(dir + "/" + name);
    if (!f) continue;
    any = true;
    std::string line;
    while (std::getline(f, line)) {
      std::vector<std::string_view> parts = util::Split(util::TrimAsciiSpace(line), ' ');
      if (parts.size() < 2 || parts[0].empty() || parts[1].empty()) continue;
      out.push_back({pos, std::string(parts[0]), std::string(parts[1])});
    }
  }
  if (!any) return NotFoundError(dir + ": no WordNet exception lists (*.exc) found");
  return out;
}

Result<std::vector<std::pair<std::string, uint8_t>>> ReadWordnetIndex(const std::string& dir) {
  std::map<std::string, uint8_t> masks;
  bool any = false;
  const std::pair<uint8_t, const char*> files[] = {
      {1, "index.noun"}, {2, "index.verb"}, {4, "index.adj"}, {8, "index.adv"}};
  for (const auto& [bit, name] : files) {
    std::ifstream f(dir + "/" + name);
    if (!f) continue;
    any = true;
    std::string line;
    while (std::getline(f, line)) {
      if (line.empty() || line[0] == ' ') continue;  // The licence header is indented.
      std::string_view lemma = std::string_view(line).substr(0, line.find(' '));
      if (lemma.find('_') != std::string_view::npos) continue;
      masks[std::string(lemma)] |= bit;
    }
  }
  if (!any) return NotFoundError(dir + ": no WordNet index files (index.*) found");
  return std::vector<std::pair<std::string, uint8_t>>(masks.begin(), masks.end());
}

namespace {
uint8_t PosBit(char pos) {
  switch (pos) {
    case 'n':
      return 1;
    case 'v':
      return 2;
    case 'a':
      return 4;
    case 'r':
      return 8;
    default:
      return 0;
  }
}
}  // namespace

WordnetPosLexicon::WordnetPosLexicon(const std::vector<std::pair<std::string, uint8_t>>& lemmas,
                                     const std::vector<WordnetException>& exceptions) {
  for (const auto& [lemma, mask] : lemmas) lemmas_[util::Fnv1a64(lemma)] |= mask;
  for (const WordnetException& e : exceptions)
    exceptions_[util::Fnv1a64(e.inflected)] |= PosBit(e.pos);
}

uint8_t WordnetPosLexicon::Lemma(std::string_view s) const {
  auto it = lemmas_.find(util::Fnv1a64(s));
  return it == lemmas_.end() ? 0 : it->second;
}

uint8_t WordnetPosLexicon::Mask(std::string_view lower) const {
  if (lemmas_.empty() || lower.empty()) return 0;
  uint8_t mask = Lemma(lower) & 0x0F;
  auto it = exceptions_.find(util::Fnv1a64(lower));
  uint8_t inflected = it == exceptions_.end() ? 0 : it->second;
  // WordNet's morphy detachment rules: (part-of-speech bit, suffix, replacement).
  static constexpr struct {
    uint8_t bit;
    std::string_view suffix, add;
  } kRules[] = {{1, "s", ""},      {1, "ses", "s"},   {1, "xes", "x"},   {1, "zes", "z"},
                {1, "ches", "ch"}, {1, "shes", "sh"}, {1, "men", "man"}, {1, "ies", "y"},
                {2, "s", ""},      {2, "ies", "y"},   {2, "es", "e"},    {2, "es", ""},
                {2, "ed", "e"},    {2, "ed", ""},     {2, "ing", "e"},   {2, "ing", ""},
                {4, "er", ""},     {4, "est", ""},    {4, "er", "e"},    {4, "est", "e"}};
  std::string cand;
  for (const auto& r : kRules) {
    if (inflected & r.bit) continue;
    if (lower.size() <= r.suffix.size() ||
        lower.substr(lower.size() - r.suffix.size()) != r.suffix) {
      continue;
    }
    cand.assign(lower.substr(0, lower.size() - r.suffix.size()));
    cand.append(r.add);
    if (Lemma(cand) & r.bit) inflected |= r.bit;
  }
  return static_cast<uint8_t>(mask | (inflected << 4));
}

std::string WordnetPosLexicon::Serialize() const {
  ByteWriter w;
  for (const auto* table : {&lemmas_, &exceptions_}) {
    std::vector<std::pair<uint64_t, uint8_t>> v(table->begin(), table->end());
    std::sort(v.begin(), v.end());
    w.VarU(v.size());
    for (const auto& [h, m] : v) {
      w.U64(h);
      w.U8(m);
    }
  }
  return w.Take();
}

Result<WordnetPosLexicon> WordnetPosLexicon::Parse(std::string_view bytes) {
  WordnetPosLexicon lex;
  ByteReader r(bytes);
  for (auto* table : {&lex.lemmas_, &lex.exceptions_}) {
    uint64_t n = r.VarU();
    if (!r.ok() || n > bytes.size() / 9) return DataLossError("wnpos: bad entry count");
    table->reserve(n);
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t h = r.U64();
      uint8_t m = r.U8();
      (*table)[h] = m & 0x0F;
    }
  }
  if (!r.ok()) return r.status("wnpos");
  if (!r.done()) return DataLossError("wnpos: trailing bytes");
  return lex;
}

Lemmatizer Lemmatizer::Build(const std::vector<LemmaExample>& examples,
                             const std::vector<WordnetException>& wordnet, int min_rule_count,
                             const WordnetPosLexicon* known) {
  Lemmatizer lem;
  lem.known_ = known;
  lem.wordnet_ = wordnet;

  // Suffix rules: counts of edit scripts per (xpos, cap class, suffix).
  std::map<std::tuple<bool, uint32_t, std::string>, uint32_t> script_ids;
  std::map<std::string, std::map<uint32_t, uint32_t>> counts;
  // Rules are learned from word types, not tokens: a suffix rule should hold for many different
  // words, not for one frequent word ("Nov" -> "November" says nothing about "Gov").
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const LemmaExample& ex : examples) {
    if (ex.lemma.empty() || ex.form.empty()) continue;
    if (!seen.emplace(ex.form, ex.xpos, ex.lemma).second) continue;
    std::string lower = util::AsciiLower(ex.form);
    size_t pl = CommonPrefix(lower, ex.lemma);
    size_t pf = CommonPrefix(ex.form, ex.lemma);
    Script s_lower{true, static_cast<uint32_t>(lower.size() - pl), ex.lemma.substr(pl)};
    Script s_form{false, static_cast<uint32_t>(ex.form.size() - pf), ex.lemma.substr(pf)};
    const Script& s = (s_form.strip + s_form.append.size() < s_lower.strip + s_lower.append.size())
                          ? s_form
                          : s_lower;
    auto key = std::make_tuple(s.lower, s.strip, s.append);
    auto [it, inserted] = script_ids.try_emplace(key, static_cast<uint32_t>(lem.scripts_.size()));
    if (inserted) lem.scripts_.push_back(s);
    char cap = CapClass(ex.form);
    // A script may only be keyed by a suffix that contains everything it strips, so that it is
    // consistent with every word it was learned from.
    for (size_t k = s.strip; k <= std::min(kMaxSuffix, lower.size()); ++k) {
      ++counts[RuleKey(ex.xpos, cap, std::string_view(lower).substr(lower.size() - k))][it->second];
    }
  }
  std::map<std::string, uint32_t> best;
  for (const auto& [key, by_script] : counts) {
    uint32_t total = 0, top = 0, top_id = 0;
    for (const auto& [id, n] : by_script) {
      total += n;
      if (n > top) top = n, top_id = id;  // Ties: the smaller id (first seen) wins.
    }
    if (total >= static_cast<uint32_t>(std::max(min_rule_count, 1))) best[key] = top_id;
  }
  for (const auto& [key, id] : best) {
    // Keep a rule only when it says something its one-shorter suffix does not.
    size_t last_tab = key.rfind('\t');
    if (key.size() > last_tab + 1) {
      std::string parent = key.substr(0, key.size() - 1);
      auto p = best.find(parent);
      if (p != best.end() && p->second == id) continue;
    }
    lem.rules_.emplace_back(key, id);
  }
  lem.Index();

  // Lexicon: the most frequent lemma of each (form, xpos), kept when the rules get it wrong.
  std::map<std::string, std::map<std::string, uint32_t>> lex_counts;
  std::map<std::string, std::string> lex_upos;
  for (const LemmaExample& ex : examples) {
    if (ex.lemma.empty() || ex.form.empty()) continue;
    std::string key = ex.form + "\t" + ex.xpos;
    ++lex_counts[key][ex.lemma];
    lex_upos.try_emplace(key, ex.upos);
  }
  for (const auto& [key, lemmas] : lex_counts) {
    std::string top;
    uint32_t top_n = 0;
    for (const auto& [lemma, n] : lemmas) {
      if (n > top_n) top = lemma, top_n = n;
    }
    size_t tab = key.find('\t');
    std::string_view form = std::string_view(key).substr(0, tab);
    std::string_view xpos = std::string_view(key).substr(tab + 1);
    if (lem.WithoutLexicon(form, lex_upos[key], xpos) != top) lem.lexicon_.emplace_back(key, top);
  }
  lem.Index();
  return lem;
}

void Lemmatizer::Index() {
  lexicon_index_.clear();
  rule_index_.clear();
  wordnet_index_.clear();
  for (uint32_t i = 0; i < lexicon_.size(); ++i) {
    lexicon_index_.emplace(util::Fnv1a64(lexicon_[i].first), i);
  }
  for (uint32_t i = 0; i < rules_.size(); ++i) {
    rule_index_.emplace(util::Fnv1a64(rules_[i].first), rules_[i].second);
  }
  for (uint32_t i = 0; i < wordnet_.size(); ++i) {
    wordnet_index_.emplace(Key2(std::string_view(&wordnet_[i].pos, 1), wordnet_[i].inflected), i);
  }
}

const std::string* Lemmatizer::LexiconFind(std::string_view form, std::string_view xpos) const {
  auto it = lexicon_index_.find(Key2(form, xpos));
  if (it == lexicon_index_.end()) return nullptr;
  const auto& [key, lemma] = lexicon_[it->second];
  // Guard against hash collisions: the stored key must match.
  if (key.size() != form.size() + 1 + xpos.size() || key.compare(0, form.size(), form) != 0 ||
      key.compare(form.size() + 1, xpos.size(), xpos) != 0) {
    return nullptr;
  }
  return &lemma;
}

std::string Lemmatizer::WithoutLexicon(std::string_view form, std::string_view upos,
                                       std::string_view xpos) const {
  std::string c = Contraction(form, xpos);
  if (!c.empty()) return c;
  std::string lower = util::AsciiLower(form);
  if (char pos = WordnetPos(xpos); pos != 0 && !IsProper(upos, xpos)) {
    auto it = wordnet_index_.find(Key2(std::string_view(&pos, 1), lower));
    if (it != wordnet_index_.end()) {
      const WordnetException& e = wordnet_[it->second];
      if (e.pos == pos && e.inflected == lower) return e.base;
    }
  }
  char cap = CapClass(form);
  bool proper = IsProper(upos, xpos);
  std::string out;
  if (!proper && cap != 'l') {
    // A capitalised common word: first as the lower-case word when that was seen whole, then by
    // the rules of its own capitalisation, then by those of lower-case words.
    if (lower.size() <= kMaxSuffix && ApplyRule(xpos, 'l', lower, lower, lower.size(), out)) {
      return out;
    }
    if (ApplyRule(xpos, cap, form, lower, 1, out)) return out;
    if (ApplyRule(xpos, 'l', lower, lower, 1, out)) return out;
  }
  if (ApplyRule(xpos, cap, form, lower, 0, out)) return out;
  return proper ? std::string(form) : lower;
}

bool Lemmatizer::ApplyRule(std::string_view xpos, char cap, std::string_view form,
                           const std::string& lower, size_t min_k, std::string& out) const {
  char pos = WordnetPos(xpos);
  uint8_t bit = known_ != nullptr && pos != 0 ? PosBit(pos) : 0;
  bool found = false;
  std::string cand;
  for (size_t k = std::min(kMaxSuffix, lower.size()); k >= min_k; --k) {
    auto it = rule_index_.find(
        util::Fnv1a64(RuleKey(xpos, cap, std::string_view(lower).substr(lower.size() - k))));
    if (it != rule_index_.end() && it->second < scripts_.size()) {
      const Script& s = scripts_[it->second];
      std::string_view src = s.lower ? std::string_view(lower) : form;
      if (s.strip <= src.size()) {
        cand.assign(src.substr(0, src.size() - s.strip));
        cand += s.append;
        if (!cand.empty()) {
          if (bit == 0 || (known_->LemmaMask(util::AsciiLower(cand)) & bit) != 0) {
            out = cand;
            return true;
          }
          if (!found) out = cand;  // The longest rule's answer, unless WordNet knows better.
          found = true;
        }
      }
    }
    if (k == 0) break;
  }
  return found;
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view upos,
                                  std::string_view xpos) const {
  if (form.empty()) return {};
  if (const std::string* l = LexiconFind(form, xpos)) return *l;
  if (!IsProper(upos, xpos)) {
    std::string lower = util::AsciiLower(form);
    if (lower != form) {
      if (const std::string* l = LexiconFind(lower, xpos)) return *l;
    }
  }
  return WithoutLexicon(form, upos, xpos);
}

std::string Lemmatizer::SerializeLemmas() const {
  ByteWriter w;
  w.VarU(scripts_.size());
  for (const Script& s : scripts_) {
    w.U8(s.lower ? 1 : 0);
    w.VarU(s.strip);
    w.Str(s.append);
  }
  w.VarU(rules_.size());
  for (const auto& [key, id] : rules_) {
    w.Str(key);
    w.VarU(id);
  }
  w.VarU(lexicon_.size());
  for (const auto& [key, lemma] : lexicon_) {
    w.Str(key);
    w.Str(lemma);
  }
  return w.Take();
}

std::string Lemmatizer::SerializeWordnet() const {
  ByteWriter w;
  w.VarU(wordnet_.size());
  for (const WordnetException& e : wordnet_) {
    w.U8(static_cast<uint8_t>(e.pos));
    w.Str(e.inflected);
    w.Str(e.base);
  }
  return w.Take();
}

Result<Lemmatizer> Lemmatizer::Parse(std::string_view lemmas, std::string_view wordnet) {
  Lemmatizer lem;
  ByteReader r(lemmas);
  uint64_t n = r.VarU();
  if (!r.ok() || n > lemmas.size()) return DataLossError("lemmas: bad script count");
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    Script s;
    s.lower = r.U8() != 0;
    uint64_t strip = r.VarU();
    s.strip = strip > 1024 ? 1024 : static_cast<uint32_t>(strip);
    s.append = std::string(r.Str());
    lem.scripts_.push_back(std::move(s));
  }
  n = r.VarU();
  if (!r.ok() || n > lemmas.size()) return DataLossError("lemmas: bad rule count");
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string key(r.Str());
    uint64_t id = r.VarU();
    if (r.ok() && id >= lem.scripts_.size()) return DataLossError("lemmas: script out of range");
    lem.rules_.emplace_back(std::move(key), static_cast<uint32_t>(id));
  }
  n = r.VarU();
  if (!r.ok() || n > lemmas.size()) return DataLossError("lemmas: bad lexicon count");
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string key(r.Str());
    std::string lemma(r.Str());
    if (r.ok() && key.find('\t') == std::string::npos) {
      return DataLossError("lemmas: lexicon key without a tag");
    }
    lem.lexicon_.emplace_back(std::move(key), std::move(lemma));
  }
  if (!r.ok()) return r.status("lemmas");
  if (!r.done()) return DataLossError("lemmas: trailing bytes");

  ByteReader wr(wordnet);
  n = wr.VarU();
  if (!wr.ok() || n > wordnet.size()) return DataLossError("wordnet: bad entry count");
  for (uint64_t i = 0; i < n && wr.ok(); ++i) {
    WordnetException e;
    e.pos = static_cast<char>(wr.U8());
    e.inflected = std::string(wr.Str());
    e.base = std::string(wr.Str());
    lem.wordnet_.push_back(std::move(e));
  }
  if (!wr.ok()) return wr.status("wordnet");
  if (!wr.done()) return DataLossError("wordnet: trailing bytes");
  lem.Index();
  return lem;
}

// ---------------------------------------------------------------------------------------------

FeatsLexicon FeatsLexicon::Build(const std::vector<LemmaExample>& examples) {
  auto top = [](const std::map<std::string, uint32_t>& m) {
    std::string best;
    uint32_t n = 0;
    for (const auto& [v, c] : m) {
      if (c > n) best = v, n = c;
    }
    return best;
  };
  std::map<std::string, std::map<std::string, uint32_t>> by_tag, by_word;
  for (const LemmaExample& ex : examples) {
    std::string tag = ex.upos + "\t" + ex.xpos;
    ++by_tag[tag][ex.feats];
    ++by_word[util::AsciiLower(ex.form) + "\t" + tag][ex.feats];
  }
  FeatsLexicon f;
  std::map<std::string, std::string> tag_default;
  for (const auto& [tag, m] : by_tag) {
    tag_default[tag] = top(m);
    f.tags_.emplace_back(tag, tag_default[tag]);
  }
  for (const auto& [key, m] : by_word) {
    std::string feats = top(m);
    std::string tag = key.substr(key.find('\t') + 1);
    if (feats != tag_default[tag]) f.words_.emplace_back(key, feats);
  }
  f.Index();
  return f;
}

void FeatsLexicon::Index() {
  word_index_.clear();
  tag_index_.clear();
  for (uint32_t i = 0; i < words_.size(); ++i)
    word_index_.emplace(util::Fnv1a64(words_[i].first), i);
  for (uint32_t i = 0; i < tags_.size(); ++i) tag_index_.emplace(util::Fnv1a64(tags_[i].first), i);
}

const std::string& FeatsLexicon::Find(std::string_view form, std::string_view upos,
                                      std::string_view xpos) const {
  std::string key = util::AsciiLower(form);
  key += '\t';
  size_t tag_at = key.size();
  key.append(upos).append(1, '\t').append(xpos);
  auto it = word_index_.find(util::Fnv1a64(key));
  if (it != word_index_.end() && words_[it->second].first == key) return words_[it->second].second;
  std::string_view tag = std::string_view(key).substr(tag_at);
  auto t = tag_index_.find(util::Fnv1a64(tag));
  if (t != tag_index_.end() && tags_[t->second].first == tag) return tags_[t->second].second;
  return empty_;
}

std::string FeatsLexicon::Serialize() const {
  ByteWriter w;
  w.VarU(tags_.size());
  for (const auto& [k, v] : tags_) w.Str(k), w.Str(v);
  w.VarU(words_.size());
  for (const auto& [k, v] : words_) w.Str(k), w.Str(v);
  return w.Take();
}

Result<FeatsLexicon> FeatsLexicon::Parse(std::string_view bytes) {
  FeatsLexicon f;
  ByteReader r(bytes);
  for (auto* table : {&f.tags_, &f.words_}) {
    uint64_t n = r.VarU();
    if (!r.ok() || n > bytes.size()) return DataLossError("feats: bad entry count");
    for (uint64_t i = 0; i < n && r.ok(); ++i) {
      std::string k(r.Str());
      std::string v(r.Str());
      table->emplace_back(std::move(k), std::move(v));
    }
  }
  if (!r.ok()) return r.status("feats");
  if (!r.done()) return DataLossError("feats: trailing bytes");
  f.Index();
  return f;
}

}  // namespace annals::nlp::tag
