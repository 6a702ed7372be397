// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// RSS 2.0, RSS 1.0 (RDF) and Atom feeds with libxml2's push parser (SAX2, recover mode, no tree):
// one Document per item/entry, memory bounded by the largest item. The SAX push parser is used
// rather than xmlTextReader because the reader gives up on the last chunk of a truncated feed
// (items parsed before the truncation were lost); SAX delivers every event before the fault. Field
// rules in docs/formats.md.
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/format_readers.h"
#include "io/html_extract.h"
#include "io/web_date.h"
#include "io/xml_repair.h"
#include "util/text.h"

namespace annals::io {
namespace {

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTermsNs = "http://purl.org/dc/terms/";

void SilentGenericError(void* /*ctx*/, const char* /*msg*/, ...) {}
void SilentStructuredError(void* /*ctx*/, xmlErrorPtr /*error*/) {}

// libxml2 prints errors to stderr by default; its handlers are per thread.
void PrepareLibxml() {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  thread_local bool silenced = false;
  if (!silenced) {
    xmlSetGenericErrorFunc(nullptr, SilentGenericError);
    xmlSetStructuredErrorFunc(nullptr, SilentStructuredError);
    silenced = true;
  }
}

std::string_view Sv(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

// The ByteSource, read in chunks through the repair filter.
struct FeedInput {
  ByteSource* in;
  ReadContext* ctx;
  uint64_t bytes = 0;  // Bytes read from the source.
  bool eof = false;
  XmlRepairFilter filter;
  std::string chunk = std::string(1 << 16, '\0');
};

struct ErrorState {
  std::string first;
};

void CaptureError(ErrorState* state, xmlErrorPtr error) {
  if (state->first.empty() && error != nullptr && error->message != nullptr) {
    state->first = util::CollapseWhitespace(error->message);
    if (error->line > 0) state->first = "line " + std::to_string(error->line) + ": " + state->first;
  }
}

enum class FeedKind { kUnknown, kRss, kRdf, kAtom };

// The best-ranked non-empty candidate wins (lower rank is better).
struct Ranked {
  std::string value;
  int rank = 1 << 20;
  bool html = true;
  void Offer(std::string v, int r, bool is_html = true) {
    if (r >= rank || util::TrimAsciiSpace(v).empty()) return;
    value = std::move(v);
    rank = r;
    html = is_html;
  }
};

struct Item {
  uint64_t offset = 0;
  Ranked title, link, id, date, body, language;
  std::string guid_permalink;  // RSS guid that is a permalink, for a missing <link>.
  uint64_t bytes = 0;          // Field bytes kept, against max_record_bytes.
};

// Decodes the references that may remain in a SAX attribute value.
std::string DecodeAttr(std::string_view v) {
  if (v.find('&') == std::string_view::npos) return std::string(v);
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '&') {
      out += v[i];
      continue;
    }
    size_t semi = v.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += v[i];
      continue;
    }
    std::string_view ref = v.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (ref == "amp") {
      cp = '&';
    } else if (ref == "lt") {
      cp = '<';
    } else if (ref == "gt") {
      cp = '>';
    } else if (ref == "quot") {
      cp = '"';
    } else if (ref == "apos") {
      cp = '\'';
    } else if (ref.size() > 1 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      std::string digits(ref.substr(hex ? 2 : 1));
      char* end = nullptr;
      unsigned long n = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end != nullptr && *end == '\0' && n > 0 && n < 0x110000) {
        cp = static_cast<char32_t>(n);
      }
    } else {
      cp = HtmlEntityCodePoint(ref);
    }
    if (cp == 0) {
      out += v[i];
      continue;
    }
    util::AppendUtf8(cp, out);
    i = semi;
  }
  return out;
}

// Value of the attribute with local name `local` in SAX2's (localname, prefix, URI, value, end)
// tuples; empty when absent.
std::string SaxAttr(const xmlChar** attrs, int count, std::string_view local) {
  for (int i = 0; i < count; ++i) {
    const xmlChar** a = attrs + 5 * i;
    if (Sv(a[0]) != local) continue;
    const char* begin = reinterpret_cast<const char*>(a[3]);
    const char* end = reinterpret_cast<const char*>(a[4]);
    if (begin == nullptr || end == nullptr || end < begin) return "";
    return DecodeAttr(std::string_view(begin, static_cast<size_t>(end - begin)));
  }
  return "";
}

// Titles are text but feeds often escape markup or entities in them.
std::string CleanTitle(const std::string& s) {
  return util::CollapseWhitespace(HtmlFragmentToText(s));
}

}  // namespace

std::string FeedSourceName(std::string_view feed_title) {
  std::string_view t = util::TrimAsciiSpace(feed_title);
  size_t cut = std::string_view::npos;
  for (std::string_view sep :
       {std::string_view(": "), std::string_view(" - "), std::string_view(" \xE2\x80\x93 "),
        std::string_view(" \xE2\x80\x94 "), std::string_view(" | ")}) {
    size_t at = t.find(sep);
    if (at != std::string_view::npos && at < cut) cut = at;
  }
  if (cut != std::string_view::npos && !util::TrimAsciiSpace(t.substr(0, cut)).empty()) {
    t = util::TrimAsciiSpace(t.substr(0, cut));
  }
  return std::string(t);
}

namespace {

// Plain-text content (Atom type="text") must not be read as markup.
std::string EscapeForPlain(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

bool IsRssNs(std::string_view ns) {
  return ns.empty() || ns == "http://purl.org/rss/1.0/" ||
         ns == "http://my.netscape.com/rdf/simple/0.9/" || ns == "http://backend.userland.com/rss2";
}

// One child element of an item (or of the channel) being read: its name, the attributes that
// matter, and its content both as plain text and as markup (tags re-created, text escaped) for
// content that holds elements (Atom XHTML, or raw HTML a broken feed did not escape).
struct Field {
  std::string name, ns, href, rel, type, src, is_permalink;
  int depth = 0;
  bool has_elements = false;
  std::string text, markup;
  void Clear() {
    name.clear();
    ns.clear();
    href.clear();
    rel.clear();
    type.clear();
    src.clear();
    is_permalink.clear();
    has_elements = false;
    text.clear();
    markup.clear();
  }
  // The content to use: HTML markup when it holds elements, else its text.
  const std::string& Value() const { return has_elements ? markup : text; }
};

class FeedParser {
 public:
  FeedParser(ByteSource& in, ReadContext& ctx) : ctx_(ctx) {
    input_.in = &in;
    input_.ctx = &ctx;
  }
  ~FeedParser() {
    if (parser_ != nullptr) {
      if (parser_->myDoc != nullptr) xmlFreeDoc(parser_->myDoc);
      parser_->myDoc = nullptr;
      xmlFreeParserCtxt(parser_);
    }
  }
  FeedParser(const FeedParser&) = delete;
  FeedParser& operator=(const FeedParser&) = delete;

  Status Run() {
    PrepareLibxml();
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof(sax));
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = &FeedParser::OnStart;
    sax.endElementNs = &FeedParser::OnEnd;
    sax.characters = &FeedParser::OnText;
    sax.cdataBlock = &FeedParser::OnText;
    sax.ignorableWhitespace = &FeedParser::OnText;
    sax.comment = nullptr;
    sax.processingInstruction = nullptr;
    sax.warning = nullptr;
    sax.error = nullptr;
    sax.fatalError = nullptr;
    sax.serror = &FeedParser::OnError;
    // The SAX user data stays the parser context (the default SAX2 handlers for the document and
    // its DTD need it); `this` travels in _private.
    parser_ = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
    if (parser_ == nullptr) return InternalError("cannot create an XML parser");
    parser_->_private = this;
    xmlCtxtUseOptions(parser_, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                   XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);

    std::string repaired;
    while (!ctx_.stopped() && !input_.eof) {
      Result<size_t> got = input_.in->Read(input_.chunk.data(), input_.chunk.size());
      if (!got.ok()) {
        if (got.status().code() != StatusCode::kDataLoss) return got.status();
        ctx_.RejectRecord("offset " + std::to_string(input_.bytes), input_.bytes,
                          got.status().message(), "");
        continue;
      }
      repaired.clear();
      if (*got == 0) {
        input_.eof = true;
        input_.filter.Process("", true, repaired);
      } else {
        input_.bytes += *got;
        input_.filter.Process(std::string_view(input_.chunk.data(), *got), false, repaired);
      }
      int rc = xmlParseChunk(parser_, repaired.data(), static_cast<int>(repaired.size()),
                             input_.eof ? 1 : 0);
      if (parser_->disableSAX == 2 || (rc != 0 && parser_->instate == XML_PARSER_EOF)) break;
    }
    if (!status_.ok()) return status_;
    if (ctx_.stopped()) return Status::Ok();
    if (kind_ == FeedKind::kUnknown) {
      return DataLossError("unparseable feed: " + (errors_.first.empty()
                                                       ? std::string("no XML element found")
                                                       : errors_.first));
    }
    if (in_item_) {
      ctx_.RejectRecord("item " + std::to_string(items_), item_.offset,
                        "feed ends inside the item (truncated or broken XML" +
                            (errors_.first.empty() ? std::string() : ": " + errors_.first) + ")",
                        item_.title.value);
    }
    return Status::Ok();
  }

 private:
  static FeedParser* Self(void* ctx) {
    return static_cast<FeedParser*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  }
  static void OnStart(void* ctx, const xmlChar* localname, const xmlChar* /*prefix*/,
                      const xmlChar* uri, int /*nb_namespaces*/, const xmlChar** /*namespaces*/,
                      int nb_attributes, int /*nb_defaulted*/, const xmlChar** attributes) {
    auto* p = Self(ctx);
    p->StartElement(Sv(localname), Sv(uri), attributes, nb_attributes);
    p->depth_++;
  }
  static void OnEnd(void* ctx, const xmlChar* localname, const xmlChar* /*prefix*/,
                    const xmlChar* /*uri*/) {
    auto* p = Self(ctx);
    if (p->depth_ > 0) p->depth_--;
    p->EndElement(p->depth_, Sv(localname));
  }
  static void OnText(void* ctx, const xmlChar* ch, int len) {
    auto* p = Self(ctx);
    if (!p->in_field_ || len <= 0) return;
    std::string_view v(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    if (p->field_.text.size() + v.size() > p->ctx_.options().max_record_bytes) {
      p->too_big_ = true;
      return;
    }
    p->field_.text.append(v);
    p->field_.markup += EscapeForPlain(v);
  }
  static void OnError(void* ctx, xmlErrorPtr error) { CaptureError(&Self(ctx)->errors_, error); }

  void Stop() {
    if (parser_ != nullptr) xmlStopParser(parser_);
  }

  void StartElement(std::string_view name, std::string_view ns, const xmlChar** attrs, int nattrs) {
    const int depth = depth_;
    // xml:lang in scope.
    if (static_cast<size_t>(depth) >= langs_.size()) langs_.resize(depth + 1);
    std::string lang;
    for (int i = 0; i < nattrs; ++i) {
      if (Sv(attrs[5 * i]) == "lang" &&
          Sv(attrs[5 * i + 2]) == "http://www.w3.org/XML/1998/namespace") {
        lang = SaxAttr(attrs + 5 * i, 1, "lang");
      }
    }
    if (lang.empty() && depth > 0) lang = langs_[depth - 1];
    langs_[depth] = lang;

    if (in_field_) {  // Markup inside a field.
      field_.has_elements = true;
      field_.markup += '<';
      field_.markup.append(name);
      field_.markup += '>';
      return;
    }
    if (static_cast<size_t>(depth) >= stack_.size()) stack_.resize(depth + 1);
    stack_[depth] = std::string(name);

    if (kind_ == FeedKind::kUnknown) {
      if (depth != 0) return;
      if (name == "rss") {
        kind_ = FeedKind::kRss;
      } else if (name == "RDF") {
        kind_ = FeedKind::kRdf;
      } else if (name == "feed") {
        kind_ = FeedKind::kAtom;
        feed_language_ = lang;
      } else {
        status_ = DataLossError("not an RSS or Atom feed: the root element is <" +
                                std::string(name) + ">");
        Stop();
      }
      return;
    }

    bool item_start = (kind_ == FeedKind::kAtom) ? name == "entry" : name == "item";
    if (!in_item_ && item_start && depth >= 1) {
      in_item_ = true;
      item_depth_ = depth;
      ++items_;
      item_ = Item();
      item_.offset = static_cast<uint64_t>(std::max<long>(0, xmlByteConsumed(parser_)));
      item_.language.Offer(lang, 9, false);
      if (kind_ == FeedKind::kRdf) item_.link.Offer(SaxAttr(attrs, nattrs, "about"), 5, false);
      return;
    }
    bool channel_field = false;
    if (!in_item_ && depth >= 1) {
      std::string_view parent = stack_[depth - 1];
      channel_field =
          (kind_ == FeedKind::kAtom) ? (depth == 1 && parent == "feed") : parent == "channel";
      channel_field = channel_field && (name == "title" || name == "language");
    }
    if ((in_item_ && depth == item_depth_ + 1) || channel_field) {
      field_.Clear();
      field_.name = std::string(name);
      field_.ns = std::string(ns);
      field_.depth = depth;
      if (in_item_) {
        field_.href = SaxAttr(attrs, nattrs, "href");
        field_.rel = SaxAttr(attrs, nattrs, "rel");
        field_.type = util::AsciiLower(SaxAttr(attrs, nattrs, "type"));
        field_.src = SaxAttr(attrs, nattrs, "src");
        field_.is_permalink = SaxAttr(attrs, nattrs, "isPermaLink");
      }
      in_field_ = true;
    }
  }

  void EndElement(int depth, std::string_view name) {
    if (in_field_) {
      if (depth == field_.depth) {
        EndField();
      } else if (depth > field_.depth) {
        field_.markup += "</";
        field_.markup.append(name);
        field_.markup += '>';
      }
      return;
    }
    if (in_item_ && depth == item_depth_) FinishItem();
    if (ctx_.stopped()) Stop();
  }

  void EndField() {
    in_field_ = false;
    if (!in_item_) {
      if (field_.name == "title" && source_.empty()) {
        source_ = FeedSourceName(CleanTitle(field_.Value()));
      }
      if (field_.name == "language" && feed_language_.empty()) {
        feed_language_ = util::CollapseWhitespace(field_.text);
      }
      return;
    }
    item_.bytes += field_.Value().size();
    if (item_.bytes > ctx_.options().max_record_bytes) too_big_ = true;
    if (too_big_) return;
    const std::string& name = field_.name;
    const std::string& ns = field_.ns;
    bool atom = ns == kAtomNs;
    bool rss = IsRssNs(ns);
    std::string value = field_.Value();
    if (name == "link" && !field_.href.empty() && (rss || atom)) {
      // Atom: rel="alternate" (the default) is the article.
      const std::string& rel = field_.rel;
      if (rel.empty() || rel == "alternate") {
        item_.link.Offer(field_.href, 0, false);
      } else if (rel != "self" && rel != "enclosure" && rel != "replies" && rel != "edit") {
        item_.link.Offer(field_.href, 3, false);
      }
    } else if (name == "title" && (rss || atom)) {
      item_.title.Offer(value, 0);
    } else if (name == "title" && (ns == kDcNs || ns == kDcTermsNs)) {
      item_.title.Offer(value, 1);
    } else if (name == "link" && rss) {
      item_.link.Offer(util::CollapseWhitespace(field_.text), 1, false);
    } else if (name == "guid" && rss) {
      std::string v = util::CollapseWhitespace(field_.text);
      if (field_.is_permalink != "false" &&
          (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0)) {
        item_.link.Offer(v, 2, false);
      }
      item_.id.Offer(std::move(v), 0, false);
    } else if (name == "id" && atom) {
      item_.id.Offer(util::CollapseWhitespace(field_.text), 0, false);
    } else if ((name == "pubDate" && rss) || (name == "published" && atom)) {
      OfferDate(field_.text, 0);
    } else if ((name == "date" && ns == kDcNs) || (name == "issued" && ns == kDcTermsNs)) {
      OfferDate(field_.text, 1);
    } else if ((name == "updated" && atom) || (name == "modified" && ns == kDcTermsNs)) {
      OfferDate(field_.text, 2);
    } else if (name == "encoded" && ns == kContentNs) {
      item_.body.Offer(std::move(value), 0);
    } else if (name == "content" && atom) {
      if (!field_.src.empty()) return;  // Out-of-line content.
      item_.body.Offer(std::move(value), 1, field_.has_elements || field_.type != "text");
    } else if (name == "description" && rss) {
      item_.body.Offer(std::move(value), 2);
    } else if (name == "summary" && atom) {
      item_.body.Offer(std::move(value), 3,
                       field_.has_elements || (field_.type != "text" && !field_.type.empty()));
    } else if (name == "language" && (ns == kDcNs || rss)) {
      item_.language.Offer(util::CollapseWhitespace(field_.text), 0, false);
    }
  }

  void OfferDate(const std::string& value, int rank) {
    std::string d = NormalizeWebDate(value);
    if (!d.empty()) item_.date.Offer(d, rank, false);
  }

  void FinishItem() {
    in_item_ = false;
    in_field_ = false;
    std::string location = "item " + std::to_string(items_);
    if (too_big_) {
      too_big_ = false;
      ctx_.RejectRecord(location, item_.offset,
                        "item larger than max_record_bytes (" +
                            std::to_string(ctx_.options().max_record_bytes) + ")",
                        item_.title.value);
      return;
    }
    Document doc;
    doc.title = CleanTitle(item_.title.value);
    doc.text = item_.body.html ? HtmlFragmentToText(item_.body.value)
                               : HtmlFragmentToText(EscapeForPlain(item_.body.value));
    if (doc.text.empty() && doc.title.empty()) {
      ctx_.RejectRecord(location, item_.offset, "item has no title and no text",
                        item_.link.value.empty() ? item_.id.value : item_.link.value);
      return;
    }
    if (doc.text.empty()) doc.text = doc.title;  // Headline-only items: the headline is the text.
    if (util::TrimAsciiSpace(doc.text).size() < ctx_.options().min_text_bytes) {
      ctx_.RejectRecord(location, item_.offset, "empty document", doc.title);
      return;
    }
    doc.url = util::CollapseWhitespace(item_.link.value);
    doc.id = item_.id.value.empty() ? DeriveDocumentId(doc.url, doc.text) : item_.id.value;
    doc.date = item_.date.value;
    doc.source = source_;
    doc.language = item_.language.value.empty() ? feed_language_ : item_.language.value;
    doc.language = NormalizeLanguage(doc.language);
    for (std::string* s : {&doc.id, &doc.url, &doc.title, &doc.text, &doc.source, &doc.language}) {
      util::RepairUtf8(*s);
    }
    doc.origin_location = std::move(location);
    doc.origin_offset = item_.offset;
    ctx_.Emit(std::move(doc));
  }

  ReadContext& ctx_;
  FeedInput input_;
  xmlParserCtxtPtr parser_ = nullptr;
  Status status_;
  int depth_ = 0;
  std::vector<std::string> langs_;
  ErrorState errors_;
  FeedKind kind_ = FeedKind::kUnknown;
  std::vector<std::string> stack_;
  std::string source_, feed_language_;
  bool in_item_ = false;
  bool in_field_ = false;
  bool too_big_ = false;
  int item_depth_ = 0;
  uint64_t items_ = 0;
  Item item_;
  Field field_;
};

}  // namespace

Status ReadFeedInput(ByteSource& in, ReadContext& ctx) {
  FeedParser parser(in, ctx);
  return parser.Run();
}

}  // namespace annals::io
