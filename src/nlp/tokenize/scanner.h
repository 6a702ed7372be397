// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the rule-based token scanner and multiword splitter behind annals::Tokenizer.
//
// ScanTokens cuts text into surface tokens following UD English EWT conventions: punctuation is
// split off, hyphenated compounds are split except after a prefix ("non-", "e-", "mid-"), phone
// numbers, decimals, thousands, times and dates stay whole, URLs, e-mail addresses, @handles,
// #hashtags and emoticons are single tokens, abbreviations keep their period ("U.S.", "Gen.",
// "Sept."), runs of the same punctuation ("...", "!!!", "--") are one token. Clitics stay inside
// the token ("don't", "Putin's"); SplitWords then gives the syntactic words of a token
// ("do" + "n't"). It is a hand-written scanner: no regular expressions, no allocation per token
// beyond the output vector.
#ifndef ANNALS_NLP_TOKENIZE_SCANNER_H_
#define ANNALS_NLP_TOKENIZE_SCANNER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals::nlp::tokenize {

// One surface token with what the sentence splitter needs to know about its surroundings.
struct ScanToken {
  uint32_t begin = 0;  // Byte offsets into the scanned text, half-open.
  uint32_t end = 0;
  bool space_after = true;      // Whitespace (or the end of the text) follows.
  uint8_t newlines_before = 0;  // Line breaks in the whitespace before the token (capped at 2).
};

// Appends the tokens of `text` to `out` (cleared first). Offsets are strictly increasing, never
// empty, and fall on UTF-8 character boundaries of valid input (invalid bytes become one-byte
// tokens). Thread-safe.
void ScanTokens(std::string_view text, std::vector<ScanToken>& out);

// True when `token` (a form) is an abbreviation that keeps its final period: a listed
// abbreviation ("Gen.", "Sept.", "etc."), an initial ("J.") or letters with periods ("U.S.").
bool IsAbbreviation(std::string_view token);

// Where the syntactic words of a token begin and end, relative to the token. A token with one
// word gives one piece {0, size}.
struct WordPiece {
  uint32_t begin;
  uint32_t end;
};

// Splits a token into its syntactic words following EWT: "don't" -> "do" "n't", "can't" -> "ca"
// "n't", "Putin's" -> "Putin" "'s", "I'm", "we're", "you've", "he'll", "I'd", "parents'" ->
// "parents" "'", "cannot" -> "can" "not", "gonna" -> "gon" "na", "dont" -> "do" "nt". Returns the
// number of pieces written to `pieces` (at most 3).
int SplitWords(std::string_view token, WordPiece pieces[3]);

}  // namespace annals::nlp::tokenize

#endif  // ANNALS_NLP_TOKENIZE_SCANNER_H_
