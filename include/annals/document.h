// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The document model: what readers produce and every later stage annotates.
//
// A `Document` owns its UTF-8 text. Sentences, tokens and words refer to it by byte offsets
// (`begin`, `end`: half-open, into `Document::text`), so every annotation can point back at the
// exact characters it came from. Words mirror the ten CoNLL-U columns.
//
// Thread-safety: plain values. A `Document` may be moved between threads; concurrent reads are
// safe, concurrent writes are not.
#ifndef ANNALS_DOCUMENT_H_
#define ANNALS_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace annals {

// Half-open byte range [begin, end) into `Document::text`.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One syntactic word: the unit of tagging and parsing (a CoNLL-U word line). A multiword token
// such as "don't" yields two words ("do", "n't") that share the token's span.
struct Word {
  int id = 0;                 // 1-based index within the sentence (CoNLL-U ID).
  std::string form;           // FORM: surface form (for a multiword part, the part's form).
  std::string lemma;          // LEMMA; empty when not yet lemmatized ("_" in CoNLL-U).
  std::string upos;           // UPOS: universal part of speech.
  std::string xpos;           // XPOS: Penn Treebank tag.
  std::string feats;          // FEATS: "Number=Sing|Person=3" or empty.
  int head = -1;              // HEAD: 0 for root, -1 when not parsed.
  std::string deprel;         // DEPREL: UD relation with subtype ("nsubj:pass"), empty if unparsed.
  std::string deps;           // DEPS: enhanced dependencies, usually empty.
  std::string misc;           // MISC, excluding the offsets Annals writes itself.
  Span span;                  // Characters in the document text.
};

// A surface token: a run of characters that one or more words were read from. Tokens exist
// separately from words only to carry multiword tokens ("Putin's" -> "Putin" + "'s").
struct Token {
  std::string form;           // Surface text as it appears (may differ from text[span] after
                              // normalisation, e.g. curly quotes are kept verbatim here).
  Span span;                  // Characters in the document text.
  int first_word = 0;         // Index into Sentence::words of the first word of this token.
  int word_count = 1;         // Number of words (2+ for a multiword token).
  bool space_after = true;    // False when the next token follows without whitespace.
};

// One sentence: its span, tokens and words, plus the CoNLL-U comments that came with it.
struct Sentence {
  std::string id;             // sent_id; readers of raw text assign "<doc id>-<n>".
  Span span;                  // Characters in the document text.
  std::vector<Token> tokens;
  std::vector<Word> words;
  std::vector<std::string> comments;  // Other "# key = value" lines from CoNLL-U, verbatim.
};

// Facts read off a wire-service dateline such as "BEIJING, Sept 2 (Reuters) -". The dateline stays
// in `Document::text`; this says what it contained.
struct Dateline {
  std::string place;          // "BEIJING" as written.
  std::string date_text;      // "Sept 2" as written; empty when the dateline has no date.
  std::string agency;         // "Reuters"; empty when none.
  Span span;                  // Where the dateline is in the text (including the dash).
};

// One news article (or one CoNLL-U `# newdoc`), the unit of reading, storing and deduplication.
struct Document {
  std::string id;             // Stable id: from the input when it has one, otherwise derived from
                              // the URL or a hash of the text (see docs/formats.md).
  std::string url;            // Canonical URL, empty when unknown.
  std::string source;         // Publisher or feed name ("Reuters", "example.org"), may be empty.
  std::string title;          // Headline, may be empty.
  std::string date;           // Publication date/time as ISO 8601 ("2025-09-02" or
                              // "2025-09-02T08:15:00Z"); empty when unknown.
  std::string language;       // BCP 47 tag ("en"); empty when unknown.
  std::string text;           // Body text, UTF-8, paragraphs separated by "\n\n".
  std::optional<Dateline> dateline;   // Set when the text opens with a wire dateline.

  // Where the document came from, for error messages and rejects: file path and the location
  // inside it ("line 12", "record 3", "item 5", "offset 1048576").
  std::string origin_file;
  std::string origin_location;
  uint64_t origin_offset = 0; // Byte offset of the record in the (decompressed) input.

  std::vector<Sentence> sentences;  // Filled by the segmenter or by the CoNLL-U reader.
};

}  // namespace annals

#endif  // ANNALS_DOCUMENT_H_
