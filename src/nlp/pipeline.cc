// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/pipeline.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "annals/parser.h"
#include "annals/tagger.h"
#include "annals/tokenizer.h"

namespace annals {

struct Pipeline::Impl {
  std::string model_dir;
  Tokenizer tokenizer;
  std::optional<Tagger> tagger;
  std::optional<Parser> parser;
};

namespace {

// Prepositions and particles that machine translation and text extraction glue onto the word
// before them ("held Talkson Monday"). Longest first so that "with" is tried before "in" etc.
constexpr std::string_view kGluedParticles[] = {"with", "from", "for", "on", "of",
                                                "in",   "to",   "at",  "by"};

bool AllAsciiLetters(std::string_view s) {
  for (unsigned char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// Particles that also end many names ("Brandon", "Reston", "Eagleby", "Dublin", "Toronto"):
// glued onto a word only when that word is a plural or third-person "-s" form of a known word.
bool NameLikeEnding(std::string_view particle) {
  return particle == "on" || particle == "in" || particle == "to" || particle == "at" ||
         particle == "by";
}

// Where to split `form` into a known content word and a glued particle; 0 when it should stay
// whole. Only a word the tagger does not know, made of a content word seen in training (4+
// letters) followed by a lower-case particle from the closed list, is split; for particles that
// end names (NameLikeEnding) the content word must be an "-s" form of a known word.
size_t GluedParticleCut(std::string_view form, const Tagger& tagger) {
  if (form.size() < 6 || !AllAsciiLetters(form) || tagger.KnowsWord(form)) return 0;
  for (std::string_view particle : kGluedParticles) {
    if (form.size() < particle.size() + 4) continue;
    size_t cut = form.size() - particle.size();
    if (form.substr(cut) != particle) continue;  // Lower-case particle only.
    // A dropped "g" ("playin", "talkin"), not a glued "in".
    if (particle == "in" && tagger.KnowsWord(std::string(form) + "g")) continue;
    std::string_view stem = form.substr(0, cut);
    if (NameLikeEnding(particle) &&
        !(stem.back() == 's' && tagger.KnowsContentWord(stem.substr(0, stem.size() - 1)))) {
      continue;
    }
    if (tagger.KnowsContentWord(stem)) return cut;
  }
  return 0;
}

// Splits glued words (GluedParticleCut) of a freshly segmented sentence into two tokens that
// share the original characters: "Talkson" [b, b+7) -> "Talks" [b, b+5) + "on" [b+5, b+7).
void SplitGluedParticles(Sentence& sentence, const Tagger& tagger) {
  std::vector<Token> tokens;
  std::vector<Word> words;
  bool changed = false;
  for (size_t ti = 0; ti < sentence.tokens.size(); ++ti) {
    const Token& tok = sentence.tokens[ti];
    int first = static_cast<int>(words.size());
    size_t cut = 0;
    // The split-off preposition must introduce a phrase: a word follows (not punctuation or the
    // end of the sentence: "deals from Groupon, ..." stays whole).
    bool word_follows = false;
    if (ti + 1 < sentence.tokens.size() && !sentence.tokens[ti + 1].form.empty()) {
      unsigned char c = static_cast<unsigned char>(sentence.tokens[ti + 1].form[0]);
      word_follows = std::isalnum(c) != 0;
    }
    if (word_follows && tok.word_count == 1 && tok.first_word >= 0 &&
        tok.first_word < static_cast<int>(sentence.words.size())) {
      const Word& w = sentence.words[tok.first_word];
      // Only when the token's characters are exactly its form (offsets then map one to one).
      if (w.form == tok.form && tok.span.size() == tok.form.size() && w.span == tok.span) {
        cut = GluedParticleCut(w.form, tagger);
      }
    }
    if (cut == 0) {
      Token copy = tok;
      copy.first_word = first;
      tokens.push_back(copy);
      for (int k = 0; k < tok.word_count; ++k) {
        size_t idx = static_cast<size_t>(tok.first_word + k);
        if (idx < sentence.words.size()) words.push_back(sentence.words[idx]);
      }
      tokens.back().word_count = static_cast<int>(words.size()) - first;
      continue;
    }
    changed = true;
    const Word& w = sentence.words[tok.first_word];
    uint32_t mid = tok.span.begin + static_cast<uint32_t>(cut);
    Token left = tok, right = tok;
    left.form = tok.form.substr(0, cut);
    left.span.end = mid;
    left.first_word = first;
    left.space_after = false;
    right.form = tok.form.substr(cut);
    right.span.begin = mid;
    right.first_word = first + 1;
    Word wl = w, wr = w;
    wl.form = left.form;
    wl.span = left.span;
    wr.form = right.form;
    wr.span = right.span;
    tokens.push_back(left);
    tokens.push_back(right);
    words.push_back(wl);
    words.push_back(wr);
  }
  if (!changed) return;
  for (size_t i = 0; i < words.size(); ++i) words[i].id = static_cast<int>(i) + 1;
  sentence.tokens = std::move(tokens);
  sentence.words = std::move(words);
}

}  // namespace

Pipeline::Pipeline(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

std::string Pipeline::DefaultModelDir() {
  if (const char* env = std::getenv("ANNALS_MODELS"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (std::filesystem::exists("models/tagger.model", ec)) return "models";
#ifdef ANNALS_SOURCE_DIR
  return std::string(ANNALS_SOURCE_DIR) + "/models";
#else
  return "models";
#endif
}

Result<Pipeline> Pipeline::Create(const PipelineOptions& options) {
  std::string dir = options.model_dir.empty() ? DefaultModelDir() : options.model_dir;
  TokenizerOptions tok_options;
  std::error_code ec;
  if (std::filesystem::exists(dir + "/tokenizer.model", ec)) {
    tok_options.model_path = dir + "/tokenizer.model";
  }
  Result<Tokenizer> tokenizer = Tokenizer::Create(tok_options);
  if (!tokenizer.ok()) return tokenizer.status();
  std::optional<Tagger> tagger;
  if (options.tag) {
    Result<Tagger> t = Tagger::Load(dir + "/tagger.model");
    if (!t.ok()) return t.status();
    tagger.emplace(std::move(*t));
  }
  std::optional<Parser> parser;
  if (options.parse) {
    Result<Parser> p =
        Parser::Create({.model_path = dir + "/parser.model", .beam = options.parser_beam});
    if (!p.ok()) return p.status();
    parser.emplace(std::move(*p));
  }
  auto impl = std::unique_ptr<Impl>(
      new Impl{dir, std::move(*tokenizer), std::move(tagger), std::move(parser)});
  return Pipeline(std::move(impl));
}

namespace {

// Words [from, to) of `s` as a sentence of their own (ids from 1, unparsed), with their tokens.
Sentence Slice(const Sentence& s, int from, int to) {
  Sentence out;
  out.id = s.id;
  out.span = {s.words[from].span.begin, s.words[to - 1].span.end};
  for (int i = from; i < to; ++i) {
    Word w = s.words[i];
    w.id = i - from + 1;
    w.head = -1;
    w.deprel.clear();
    out.words.push_back(std::move(w));
  }
  for (const Token& t : s.tokens) {
    if (t.first_word >= from && t.first_word + t.word_count <= to) {
      Token c = t;
      c.first_word -= from;
      out.tokens.push_back(std::move(c));
    }
  }
  return out;
}

// How many words at the start of `s` lie inside the dateline: 0 unless the sentence opens with
// it, and 0 when the dateline is the whole sentence or ends inside a token.
int DatelineWords(const Sentence& s, const Document& document) {
  if (!document.dateline || s.words.empty()) return 0;
  const uint32_t end = document.dateline->span.end;
  if (s.words[0].span.begin < document.dateline->span.begin || s.words[0].span.begin >= end) {
    return 0;
  }
  int k = 0;
  while (k < static_cast<int>(s.words.size()) && s.words[k].span.end <= end) ++k;
  if (k == static_cast<int>(s.words.size())) return 0;
  for (const Token& t : s.tokens) {
    if (t.first_word < k && t.first_word + t.word_count > k) return 0;
  }
  return k;
}

}  // namespace

void Pipeline::Annotate(Document& document) const {
  document.sentences = impl_->tokenizer.Split(document.text);
  int n = 0;
  for (Sentence& s : document.sentences) {
    ++n;
    if (s.id.empty())
      s.id = document.id.empty() ? std::to_string(n) : document.id + "-" + std::to_string(n);
    if (impl_->tagger) SplitGluedParticles(s, *impl_->tagger);
    const int k = DatelineWords(s, document);
    if (k == 0) {
      AnnotateSentence(s);
      continue;
    }
    // A sentence that opens with the wire dateline ("Beijing, September 2 (Reuters) – Chinese
    // President Xi ..."): the dateline and the rest are tagged and parsed apart, then the
    // dateline's root hangs from the rest's root as `dep`. Parsed whole, the dateline's place
    // often became the root or a second subject, and the main verb a modifier of the subject.
    Sentence line = Slice(s, 0, k);
    Sentence body = Slice(s, k, static_cast<int>(s.words.size()));
    AnnotateSentence(line);
    AnnotateSentence(body);
    int body_root = -1;
    for (size_t i = 0; i < body.words.size(); ++i) {
      Word& w = body.words[i];
      w.id = k + static_cast<int>(i) + 1;
      if (w.head > 0) w.head += k;
      if (w.head == 0 && body_root < 0) body_root = w.id;
      s.words[k + i] = std::move(w);
    }
    for (int i = 0; i < k; ++i) {
      Word& w = line.words[i];
      if (w.head == 0 && body_root > 0) {
        w.head = body_root;
        w.deprel = "dep";
      }
      s.words[i] = std::move(w);
    }
  }
}

void Pipeline::AnnotateSentence(Sentence& sentence) const {
  if (sentence.words.empty()) return;
  if (impl_->tagger) impl_->tagger->Tag(sentence);
  // Parse always succeeds for a loaded model (the Status is reserved for future model kinds).
  if (impl_->parser) (void)impl_->parser->Parse(sentence);
}

const std::string& Pipeline::model_dir() const { return impl_->model_dir; }

}  // namespace annals
