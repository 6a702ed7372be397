// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: CoNLL-U sentences <-> the Sentence model. One parser serves the CoNLL-U document reader,
// training and evaluation; one writer serves `annals tokenize|tag|parse` and tests.
//
// Accepted: word lines (ID 1..n), multiword token ranges ("3-4"), empty nodes ("5.1", skipped and
// counted), comments. Character offsets: when MISC has TokenRange=b:e (Annals' own output) they are
// used; otherwise the sentence text is rebuilt from forms and SpaceAfter=No, and offsets refer to
// that text (see `text`).
#ifndef ANNALS_NLP_CONLLU_H_
#define ANNALS_NLP_CONLLU_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::nlp {

// One parsed CoNLL-U block.
struct ConlluSentence {
  Sentence sentence;          // Words/tokens with spans relative to `text` (begin at 0).
  std::string text;           // "# text = ..." when present, else rebuilt from the forms.
  std::string newdoc_id;      // Set when a "# newdoc" comment (with or without id) opened it;
  bool newdoc = false;        //   `newdoc` tells the two apart.
  std::string newpar_id;
  bool newpar = false;
};

// Parses the lines of one sentence block (no blank lines). `first_line` is the 1-based line number
// of lines[0], used in messages ("line 12: expected 10 tab-separated columns, got 9").
Result<ConlluSentence> ParseConlluBlock(const std::vector<std::string>& lines, uint64_t first_line);

// Streams every sentence of a CoNLL-U file ("-" for stdin, .gz accepted). `on_error` gets each bad
// block's message ("file:line: reason") and reading continues. Returns an error only when the file
// cannot be opened.
Status ReadConlluFile(const std::string& path,
                      const std::function<void(ConlluSentence&&)>& on_sentence,
                      const std::function<void(const std::string&)>& on_error);

// Writes one sentence as CoNLL-U: "# sent_id", "# text" (from `text`), other comments, token and
// word lines, then a blank line. When `offsets` is true, MISC gets TokenRange=b:e for each token
// (character offsets into the document). SpaceAfter=No is written from Token::space_after.
std::string WriteConllu(const Sentence& sentence, std::string_view text, bool offsets);

}  // namespace annals::nlp

#endif  // ANNALS_NLP_CONLLU_H_
