// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Tokenizer and sentence splitter for news English, following UD English EWT conventions.
//
// Splits text into sentences, surface tokens and syntactic words (multiword tokens such as
// "don't" -> "do" + "n't"), each with byte offsets into the text it was given.
//
//   annals::Result<annals::Tokenizer> tok = annals::Tokenizer::Create({});
//   std::vector<annals::Sentence> sentences = tok->Split(doc.text);
//
// Tokens (EWT conventions): punctuation is split off; runs of one punctuation mark are one token
// ("...", "!!!", "--", "?!"); hyphenated compounds are split ("well - known") except after a
// prefix ("non-human", "e-mail", "mid-1980s") and in phone numbers ("713-853-3989"); numbers stay
// whole ("15,000", "3.5", "1990s", "5:30", "9/11"), a glued unit is split ("35mm" -> "35" "mm",
// "7:30PM" -> "7:30" "PM"); abbreviations and initials keep their period ("U.S.", "Gen.", "Sept.",
// "J.", "No." before a number); URLs, e-mail addresses, @handles, #hashtags, emoticons, tickers
// ("GAZP.MM") and file names are one token. Clitics stay inside the token and become words:
// "don't" = do + n't, "Putin's" = Putin + 's, "I'm", "we're", "you've", "he'll", "I'd",
// "parents'" = parents + ', "cannot" = can + not, "gonna" = gon + na, "dont" = do + nt. Straight
// and curly quotes and apostrophes are handled alike. Token::form is the text verbatim
// (text[span]); multiword parts have Word::form = their slice of it.
//
// Sentences: a blank line (paragraph break) always ends a sentence. A single line break ends one
// when the next line does not start lower-case and the line does not end on a comma, dash or
// function word (headlines without final punctuation, lists). Everywhere else a learned decision
// (averaged perceptron over the neighbouring tokens, trained on UD English EWT; see
// models/README.md) says whether a sentence ends after each token. Never after a dash (datelines:
// "BEIJING, Sept 2 (Reuters) - ..."), an opening bracket or quote, or a token glued to the next
// one unless it is final punctuation or a closing quote ("talks.The" after machine translation
// does split). A closing quote or bracket after final punctuation stays with its sentence
// ('...," he said.'). Without a model file the rules decide: after . ! ? ... (and a closing
// quote or bracket after them) unless the next token starts lower-case.
//
// Thread-safety: a Tokenizer is immutable after Create; Split is const and may be called from many
// threads at once.
#ifndef ANNALS_TOKENIZER_H_
#define ANNALS_TOKENIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

struct TokenizerOptions {
  // Model file for the learned sentence-boundary decision (kind "sentsplit"). Empty: the first of
  // $ANNALS_MODEL_DIR/sentsplit.model, <binary dir>/models/sentsplit.model,
  // <binary dir>/../share/annals/models/sentsplit.model, <source tree>/models/sentsplit.model.
  std::string model_path;

  enum class SentenceModel {
    kAuto,      // Default. Use the model when one is found, else the rules (see Split).
    kRequired,  // Create fails with NotFound when no model is found.
    kRules,     // Never load a model: rules only (sentence ends after . ! ? ... before a
                // token that does not start lower-case). Faster, less accurate on web text.
  };
  SentenceModel sentence_model = SentenceModel::kAuto;
};

class Tokenizer {
 public:
  // Loads the sentence model (see TokenizerOptions). Errors: NotFound, DataLoss (corrupt model),
  // FailedPrecondition (a model trained for other feature templates).
  static Result<Tokenizer> Create(const TokenizerOptions& options);

  // Segments `text` into sentences. Spans are byte offsets into `text`: tokens are non-empty,
  // strictly increasing and never overlap, and Token::form == text[span]. Word::id is 1-based per
  // sentence; each word of a multiword token carries the token's span; lemma/tags/heads are left
  // empty. Sentence::id is left empty (callers number them). Whitespace belongs to no token; text
  // of only whitespace gives no sentences. Any bytes are accepted: invalid UTF-8 bytes become
  // one-byte tokens. Texts over 4 GiB are cut at 4 GiB (offsets are 32-bit).
  std::vector<Sentence> Split(std::string_view text) const;

  // Whether a learned sentence model was loaded, and from where ("" when none).
  bool has_model() const;
  const std::string& model_path() const;

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_TOKENIZER_H_
