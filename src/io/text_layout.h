// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: how the plain-text reader turns a file into title + body (exposed for tests).
#ifndef ANNALS_IO_TEXT_LAYOUT_H_
#define ANNALS_IO_TEXT_LAYOUT_H_

#include <string>
#include <string_view>

namespace annals::io {

struct TextLayout {
  std::string title;  // Empty when the first line is not a title.
  std::string text;   // Paragraphs joined with "\n\n".
};

// A title line: at most 200 bytes after trimming, not ending in '.', ',', ';' or ':', and not
// opening with a wire dateline.
bool LooksLikeTitle(std::string_view line);

// Splits `raw` (valid UTF-8; a BOM and CR line ends are tolerated) into paragraphs: blank lines
// separate paragraphs and the lines of one paragraph are trimmed and joined with a space; when
// there is no blank line at all, each line is a paragraph. The first paragraph is the title when
// it is a single line, LooksLikeTitle, there are blank lines in the input and a body follows.
TextLayout LayOutText(std::string_view raw);

}  // namespace annals::io

#endif  // ANNALS_IO_TEXT_LAYOUT_H_
