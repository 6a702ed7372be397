// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: HTML helpers shared by the HTML, feed and WARC readers (html_reader.cc). The public
// entry point for a whole page is `ExtractHtmlArticle` (io/format_readers.h); the rules are in
// docs/formats.md.
//
// Thread-safety: pure functions; each call parses its own tree.
#ifndef ANNALS_IO_HTML_EXTRACT_H_
#define ANNALS_IO_HTML_EXTRACT_H_

#include <string>
#include <string_view>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::io {

// As ExtractHtmlArticle, with the charset the transport declared (HTTP Content-Type "charset=",
// empty when none). A declared or <meta>-declared charset other than UTF-8 is converted to UTF-8
// with ICU unless the bytes are already valid UTF-8.
Result<Document> ExtractHtmlArticleWithCharset(std::string_view html, std::string_view url,
                                               std::string_view charset);

// Text of an HTML fragment (an RSS description, an Atom content element): every text node except
// those under script/style/noscript/template/iframe/svg, paragraphs (block elements, <br>)
// separated by "\n\n", whitespace collapsed, entities decoded. Input without '<' or '&' is only
// whitespace-collapsed.
std::string HtmlFragmentToText(std::string_view html);

// The id of a document that has none of its own: 16 hex digits of FNV-1a 64 of the URL when there
// is one, otherwise of the text with whitespace collapsed. The same formula as readers-a's
// io::DerivedDocumentId (docs/formats.md, "Document ids"), so ids agree across formats.
std::string DeriveDocumentId(std::string_view url, std::string_view text);

// A language tag in BCP 47 case: "en_us" -> "en-US", "EN" -> "en"; empty when `lang` does not
// look like a tag (only the first of a comma-separated list is used).
std::string NormalizeLanguage(std::string_view lang);

// Converts `bytes` declared as `charset` to UTF-8 (invalid sequences become U+FFFD). UTF-8,
// US-ASCII and unknown charsets only get invalid sequences repaired; ISO-8859-1 is read as
// windows-1252 (as browsers do).
std::string ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace annals::io

#endif  // ANNALS_IO_HTML_EXTRACT_H_
