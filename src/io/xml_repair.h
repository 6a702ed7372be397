// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: a streaming repair pass for the commonest faults of real RSS/Atom feeds, applied
// before libxml2 sees the bytes (libxml2's recover mode drops the text around them):
//   - a bare '&' (not starting &name; or &#...;) becomes "&amp;";
//   - HTML named entities XML does not define (&nbsp; &mdash; &eacute; ...) become numeric
//     references; unknown names are escaped ("&foo;" -> "&amp;foo;", kept as text);
//   - a '<' that cannot start markup ("5 < 6") becomes "&lt;".
// CDATA sections pass through untouched. Memory: a few bytes of look-ahead.
//
// Thread-safety: one instance per stream.
#ifndef ANNALS_IO_XML_REPAIR_H_
#define ANNALS_IO_XML_REPAIR_H_

#include <string>
#include <string_view>

namespace annals::io {

class XmlRepairFilter {
 public:
  // Appends the repaired form of `in` to `out`. Bytes that need look-ahead are held back until
  // the next call; `last` flushes them.
  void Process(std::string_view in, bool last, std::string& out);

 private:
  std::string held_;
  bool in_cdata_ = false;
};

// The code point of an HTML named entity ("nbsp" -> U+00A0), 0 when unknown.
char32_t HtmlEntityCodePoint(std::string_view name);

}  // namespace annals::io

#endif  // ANNALS_IO_XML_REPAIR_H_
