// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// HTML article extraction with gumbo. The rules (what is dropped, how the article block is chosen,
// which meta tags give the title and date) are documented in docs/formats.md.
#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/format_readers.h"
#include "io/html_extract.h"
#include "io/web_date.h"
#include "util/text.h"

namespace annals::io {
namespace {

// Deeper nesting is not descended into (hostile input must not exhaust the stack).
constexpr int kMaxDepth = 300;
// Paragraphs shorter than this (non-space bytes, links excluded) do not vote for their block.
constexpr uint32_t kMinParagraph = 20;

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboDeleter>;

GumboTree Parse(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // Recording parse errors costs time and is never used.
  return GumboTree(gumbo_parse_with_options(&options, html.data(), html.size()));
}

std::string_view Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}
bool HasAttr(const GumboNode* n, const char* name) {
  return gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

bool IsElement(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT; }
GumboTag Tag(const GumboNode* n) { return n->v.element.tag; }

// Never text, anywhere.
bool IsNeverText(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

// Page furniture: never article text on a whole page.
bool IsBoilerplateTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
      return true;
    default:
      return false;
  }
}

// Containers that are dropped when most of their text is link text (menus, "related" lists).
bool IsListLike(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_P:
      return true;
    default:
      return false;
  }
}

bool IsHidden(const GumboNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (util::AsciiLower(Attr(n, "aria-hidden")) == "true") return true;
  std::string_view style = Attr(n, "style");
  if (!style.empty()) {
    std::string s = util::AsciiLower(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  std::string_view role = Attr(n, "role");
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "menu" || role == "dialog";
}

bool InList(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// class/id tokens that mark furniture ("site-header", "share_bar", "related-links") unless a
// token also says content ("article-header" is kept).
bool HasBoilerplateClass(const GumboNode* n) {
  std::string_view cls = Attr(n, "class");
  std::string_view id = Attr(n, "id");
  if (cls.empty() && id.empty()) return false;
  std::string all = util::AsciiLower(cls);
  all += ' ';
  all += util::AsciiLower(id);
  bool unlikely = false;
  size_t i = 0;
  while (i < all.size()) {
    while (i < all.size() &&
           !((all[i] >= 'a' && all[i] <= 'z') || (all[i] >= '0' && all[i] <= '9')))
      ++i;
    size_t j = i;
    while (j < all.size() && ((all[j] >= 'a' && all[j] <= 'z') || (all[j] >= '0' && all[j] <= '9')))
      ++j;
    std::string_view w(all.data() + i, j - i);
    i = j;
    if (w.empty()) continue;
    if (InList(w, {"article", "body", "content", "main", "story", "text", "entry", "post"})) {
      return false;
    }
    if (InList(w,
               {"nav",           "navbar",   "navigation", "menu",      "breadcrumb", "breadcrumbs",
                "header",        "masthead", "footer",     "sidebar",   "share",      "sharing",
                "social",        "related",  "newsletter", "comment",   "comments",   "advert",
                "advertisement", "ad",       "ads",        "promo",     "sponsor",    "sponsored",
                "cookie",        "cookies",  "consent",    "subscribe", "paywall",    "popup",
                "modal",         "byline",   "caption",    "credit",    "tags",       "toolbar",
                "pagination",    "pager",    "widget",     "banner",    "skip",       "signup"})) {
      unlikely = true;
    }
  }
  return unlikely;
}

// Non-space bytes of `s`.
uint32_t CountText(std::string_view s) {
  uint32_t k = 0;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') ++k;
  }
  return k;
}

std::string NodeText(const GumboNode* n, int depth = 0) {
  std::string out;
  if (depth > kMaxDepth) return out;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
      n->type == GUMBO_NODE_WHITESPACE) {
    out += n->v.text.text;
    return out;
  }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return out;
  if (IsNeverText(Tag(n)) && Tag(n) != GUMBO_TAG_TITLE) return out;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    out += NodeText(k, depth + 1);
    if (IsElement(k) && (IsBlock(Tag(k)) || Tag(k) == GUMBO_TAG_BR)) out += ' ';
  }
  return out;
}

// Builds "\n\n"-separated paragraphs from a walk over the tree.
class ParagraphBuilder {
 public:
  void Append(std::string_view s) { cur_ += s; }
  void Space() { cur_ += ' '; }
  void Flush() {
    if (cur_.empty()) return;
    std::string p = util::CollapseWhitespace(cur_);
    cur_.clear();
    if (!p.empty()) paragraphs_.push_back(std::move(p));
  }
  std::vector<std::string>& paragraphs() {
    Flush();
    return paragraphs_;
  }

 private:
  std::string cur_;
  std::vector<std::string> paragraphs_;
};

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

struct NodeInfo {
  const GumboNode* node = nullptr;
  uint32_t text = 0;   // Non-space bytes under the node (dropped subtrees excluded).
  uint32_t link = 0;   // Of which inside <a>.
  uint32_t ptext = 0;  // Paragraph text under the node (paragraphs >= kMinParagraph).
  double score = 0;    // Paragraph votes: full from children, half from grandchildren.
  double LinkDensity() const { return text == 0 ? 0.0 : static_cast<double>(link) / text; }
  double Final() const { return score * (1.0 - LinkDensity()); }
};

struct Counts {
  uint32_t text = 0, link = 0, ptext = 0;
};

// One pass over the page: metadata and the per-block statistics that choose the article.
class PageAnalyzer {
 public:
  void Run(const GumboNode* root) { Visit(root, 0, false, false, false); }

  std::vector<NodeInfo> nodes;  // Kept (non-dropped) elements in document order.
  std::unordered_map<const GumboNode*, uint32_t> index;
  std::vector<std::pair<std::string, std::string>> metas;  // (lower-case key, content)
  std::string canonical, title_tag, first_h1, html_lang;
  std::vector<std::string> json_ld;
  std::vector<std::pair<const GumboNode*, std::string>> times;  // <time datetime>
  std::vector<std::string> itemprop_dates;                      // itemprop=datePublished
  std::vector<uint32_t> article_body, articles, mains;          // Indices into nodes.
  const GumboNode* body = nullptr;

 private:
  Counts Visit(const GumboNode* n, int depth, bool dropped, bool in_link, bool in_head) {
    Counts c;
    if (depth > kMaxDepth) return c;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      if (!dropped) {
        c.text = CountText(n->v.text.text);
        if (in_link) c.link = c.text;
      }
      return c;
    }
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& kids = n->v.document.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, dropped, in_link, in_head);
      }
      return c;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return c;
    GumboTag tag = Tag(n);
    CollectMeta(n, tag, in_head);
    if (tag == GUMBO_TAG_HEAD) in_head = true;
    if (tag == GUMBO_TAG_BODY && body == nullptr) body = n;
    bool structural = tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE ||
                      tag == GUMBO_TAG_MAIN;
    bool drop_here = dropped || IsNeverText(tag) || IsBoilerplateTag(tag) || IsHidden(n) ||
                     (!structural && HasBoilerplateClass(n));
    uint32_t my = 0;
    if (!drop_here) {
      my = static_cast<uint32_t>(nodes.size());
      index.emplace(n, my);
      nodes.push_back(NodeInfo{n});
      if (tag == GUMBO_TAG_ARTICLE) articles.push_back(my);
      if (tag == GUMBO_TAG_MAIN || Attr(n, "role") == "main") mains.push_back(my);
      if (Attr(n, "itemprop") == "articleBody") article_body.push_back(my);
    }
    bool link = in_link || tag == GUMBO_TAG_A;
    uint32_t direct_text = 0;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      Counts kc = Visit(k, depth + 1, drop_here, link, in_head);
      c.text += kc.text;
      c.link += kc.link;
      c.ptext += kc.ptext;
      if (k->type == GUMBO_NODE_TEXT && !link) direct_text += kc.text;
    }
    if (drop_here) return Counts();
    NodeInfo& info = nodes[my];
    info.text = c.text;
    info.link = c.link;
    uint32_t own = 0;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_BLOCKQUOTE) {
      own = c.text - c.link;
    } else if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ARTICLE ||
                tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_TD) &&
               direct_text >= kMinParagraph) {
      own = direct_text;  // Text written straight into a block, <br>-separated.
      info.score += own;
    }
    if (own >= kMinParagraph) {
      c.ptext += own;
      if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_ARTICLE &&
          tag != GUMBO_TAG_MAIN && tag != GUMBO_TAG_TD) {
        Vote(n->parent, own);
        if (n->parent != nullptr) Vote(n->parent->parent, own / 2.0);
      }
    }
    info.ptext = c.ptext;
    return c;
  }

  void Vote(const GumboNode* n, double v) {
    if (n == nullptr) return;
    auto it = index.find(n);
    if (it != index.end()) nodes[it->second].score += v;
  }

  void CollectMeta(const GumboNode* n, GumboTag tag, bool in_head) {
    switch (tag) {
      case GUMBO_TAG_HTML:
        if (html_lang.empty()) html_lang = std::string(Attr(n, "lang"));
        if (html_lang.empty()) html_lang = std::string(Attr(n, "xml:lang"));
        break;
      case GUMBO_TAG_META: {
        std::string_view content = Attr(n, "content");
        if (!HasAttr(n, "content")) break;
        for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view k = Attr(n, key);
          if (!k.empty()) metas.emplace_back(util::AsciiLower(k), std::string(content));
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (canonical.empty()) {
          std::string rel = " " + util::AsciiLower(Attr(n, "rel")) + " ";
          if (rel.find(" canonical ") != std::string::npos)
            canonical = std::string(Attr(n, "href"));
        }
        break;
      case GUMBO_TAG_TITLE:
        if (title_tag.empty() && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
          title_tag = util::CollapseWhitespace(NodeText(n));
        }
        break;
      case GUMBO_TAG_H1:
        if (first_h1.empty()) first_h1 = util::CollapseWhitespace(NodeText(n));
        break;
      case GUMBO_TAG_SCRIPT:
        if (util::AsciiLower(util::TrimAsciiSpace(Attr(n, "type"))) == "application/ld+json") {
          std::string raw;
          const GumboVector& kids = n->v.element.children;
          for (unsigned i = 0; i < kids.length; ++i) {
            const auto* k = static_cast<const GumboNode*>(kids.data[i]);
            if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE)
              raw += k->v.text.text;
          }
          json_ld.push_back(std::move(raw));
        }
        break;
      case GUMBO_TAG_TIME:
        if (HasAttr(n, "datetime")) times.emplace_back(n, std::string(Attr(n, "datetime")));
        break;
      default:
        break;
    }
    if (tag != GUMBO_TAG_META && Attr(n, "itemprop") == "datePublished") {
      if (HasAttr(n, "datetime")) {
        itemprop_dates.emplace_back(Attr(n, "datetime"));
      } else if (HasAttr(n, "content")) {
        itemprop_dates.emplace_back(Attr(n, "content"));
      } else {
        itemprop_dates.push_back(util::CollapseWhitespace(NodeText(n)));
      }
    }
  }
};

// Walks the chosen block, producing paragraphs.
class TextCollector {
 public:
  // `page_mode`: drop page furniture (nav, header, class="share", link lists) as on a whole page;
  // off for feed fragments, where everything but script-like elements is text.
  TextCollector(const PageAnalyzer* page, bool page_mode) : page_(page), page_mode_(page_mode) {}

  void Collect(const GumboNode* n, int depth, bool root) {
    if (depth > kMaxDepth) return;
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        out_.Append(n->v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE:
        out_.Space();
        return;
      case GUMBO_NODE_DOCUMENT: {
        const GumboVector& kids = n->v.document.children;
        for (unsigned i = 0; i < kids.length; ++i) {
          Collect(static_cast<const GumboNode*>(kids.data[i]), depth + 1, false);
        }
        return;
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;
    }
    GumboTag tag = Tag(n);
    if (IsNeverText(tag)) return;
    if (page_mode_ && !root) {
      if (IsBoilerplateTag(tag) || IsHidden(n)) return;
      auto it = page_->index.find(n);
      if (it == page_->index.end()) return;  // Dropped by the analyzer (furniture class).
      const NodeInfo& info = page_->nodes[it->second];
      if (IsListLike(tag) && info.text > 0 && info.LinkDensity() > 0.5) return;
    }
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
      out_.Flush();
      return;
    }
    bool block = IsBlock(tag);
    if (block) out_.Flush();
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Collect(static_cast<const GumboNode*>(kids.data[i]), depth + 1, false);
    }
    if (block) out_.Flush();
  }

  std::vector<std::string>& paragraphs() { return out_.paragraphs(); }

 private:
  const PageAnalyzer* page_;
  bool page_mode_;
  ParagraphBuilder out_;
};

bool IsAncestor(const GumboNode* a, const GumboNode* n) {
  for (int guard = 0; n != nullptr && guard < 10 * kMaxDepth; ++guard, n = n->parent) {
    if (n == a) return true;
  }
  return false;
}

// The nodes whose text is the article, in document order.
std::vector<const GumboNode*> ChooseArticle(const PageAnalyzer& page) {
  const std::vector<NodeInfo>& nodes = page.nodes;
  int best = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].score <= 0) continue;
    if (best < 0 || nodes[i].Final() > nodes[best].Final()) best = static_cast<int>(i);
  }
  // Markup that names the article wins when it holds a fair share of the paragraph text.
  for (const std::vector<uint32_t>* preferred : {&page.article_body, &page.articles, &page.mains}) {
    int pick = -1;
    for (uint32_t i : *preferred) {
      if (nodes[i].text == 0) continue;
      if (pick < 0 || nodes[i].ptext > nodes[pick].ptext) pick = static_cast<int>(i);
    }
    if (pick < 0) continue;
    const NodeInfo& p = nodes[pick];
    if (best < 0 || p.ptext * 2 >= nodes[best].ptext || IsAncestor(p.node, nodes[best].node) ||
        IsAncestor(nodes[best].node, p.node)) {
      if (p.ptext > 0 || best < 0) return {p.node};
    }
  }
  if (best < 0) {
    if (page.body != nullptr) return {page.body};
    return {};
  }
  // The best block plus siblings that look like more of the same article (split by an ad, say).
  const NodeInfo& top = nodes[best];
  const GumboNode* parent = top.node->parent;
  if (parent == nullptr || !IsElement(parent)) return {top.node};
  double threshold = std::max(10.0, top.Final() * 0.2);
  std::vector<const GumboNode*> out;
  const GumboVector& kids = parent->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k == top.node) {
      out.push_back(k);
      continue;
    }
    if (!IsElement(k)) continue;
    auto it = page.index.find(k);
    if (it == page.index.end()) continue;
    const NodeInfo& s = nodes[it->second];
    if (s.Final() >= threshold ||
        (Tag(k) == GUMBO_TAG_P && s.text - s.link >= 80 && s.LinkDensity() < 0.25)) {
      out.push_back(k);
    }
  }
  return out;
}

std::string MetaValue(const PageAnalyzer& page, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const auto& [k, v] : page.metas) {
      if (k == key) {
        std::string c = util::CollapseWhitespace(v);
        if (!c.empty()) return c;
      }
    }
  }
  return "";
}

// Finds "datePublished" in a JSON-LD value (objects, arrays, @graph).
std::string JsonLdDate(const nlohmann::json& j, int depth) {
  if (depth > 16) return "";
  if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
    for (const auto& [k, v] : j.items()) {
      if (v.is_structured()) {
        std::string d = JsonLdDate(v, depth + 1);
        if (!d.empty()) return d;
      }
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      std::string d = JsonLdDate(v, depth + 1);
      if (!d.empty()) return d;
    }
  }
  return "";
}

std::string FindDate(const PageAnalyzer& page, const std::vector<const GumboNode*>& article) {
  static constexpr std::string_view kMetaKeys[] = {"article:published_time",
                                                   "og:published_time",
                                                   "og:article:published_time",
                                                   "date",
                                                   "pubdate",
                                                   "publishdate",
                                                   "publish-date",
                                                   "publish_date",
                                                   "dc.date.issued",
                                                   "dcterms.issued",
                                                   "dc.date",
                                                   "dcterms.date",
                                                   "sailthru.date",
                                                   "parsely-pub-date",
                                                   "datepublished",
                                                   "article.published",
                                                   "citation_publication_date"};
  for (std::string_view key : kMetaKeys) {
    for (const auto& [k, v] : page.metas) {
      if (k != key) continue;
      std::string d = NormalizeWebDate(v);
      if (!d.empty()) return d;
    }
  }
  for (const std::string& v : page.itemprop_dates) {
    std::string d = NormalizeWebDate(v);
    if (!d.empty()) return d;
  }
  for (const auto& [node, v] : page.times) {
    bool inside = false;
    for (const GumboNode* a : article) inside = inside || IsAncestor(a, node);
    if (!inside) continue;
    std::string d = NormalizeWebDate(v);
    if (!d.empty()) return d;
  }
  for (const std::string& block : page.json_ld) {
    nlohmann::json j = nlohmann::json::parse(block, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    std::string d = NormalizeWebDate(JsonLdDate(j, 0));
    if (!d.empty()) return d;
  }
  return "";
}

// The scheme of an absolute URL ("https"), empty for a relative reference.
std::string_view UrlScheme(std::string_view url) {
  for (size_t i = 0; i < url.size() && i < 16; ++i) {
    char c = url[i];
    if (c == ':') return i == 0 ? std::string_view() : url.substr(0, i);
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
  }
  return {};
}

// "https://www.Example.org:8080/a" -> "www.example.org".
std::string UrlHost(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  std::string_view rest = url.substr(p + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest[0] != '[') rest = rest.substr(0, rest.find(':'));
  return util::AsciiLower(rest);
}

// Resolves `ref` (absolute, scheme-relative, host-relative or path-relative) against `base`.
std::string ResolveUrl(std::string_view base, std::string_view ref) {
  ref = util::TrimAsciiSpace(ref);
  if (ref.empty()) return "";
  std::string_view scheme = UrlScheme(ref);
  if (!scheme.empty()) {
    std::string s = util::AsciiLower(scheme);
    return (s == "http" || s == "https") ? std::string(ref) : "";
  }
  std::string_view bscheme = UrlScheme(base);
  if (bscheme.empty() || base.substr(bscheme.size(), 3) != "://") return "";
  if (ref.substr(0, 2) == "//") return std::string(bscheme) + ":" + std::string(ref);
  size_t host_end = base.find_first_of("/?#", bscheme.size() + 3);
  std::string_view origin = base.substr(0, host_end);
  if (ref[0] == '/') return std::string(origin) + std::string(ref);
  if (ref[0] == '?' || ref[0] == '#') return "";
  std::string_view path = host_end == std::string_view::npos ? "/" : base.substr(host_end);
  path = path.substr(0, path.find_first_of("?#"));
  path = path.substr(0, path.rfind('/') + 1);
  return std::string(origin) + std::string(path) + std::string(ref);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return util::AsciiLower(a) == util::AsciiLower(b);
}

// "Headline | Site", "Headline - Site" -> "Headline" when Site is the site's name.
std::string StripSiteSuffix(std::string title, std::string_view site, std::string_view host) {
  std::string bare_host(host);
  if (bare_host.rfind("www.", 0) == 0) bare_host.erase(0, 4);
  for (std::string_view sep :
       {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "}) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string_view tail = std::string_view(title).substr(p + sep.size());
    if ((!site.empty() && EqualsIgnoreCase(tail, site)) ||
        (!bare_host.empty() &&
         (EqualsIgnoreCase(tail, bare_host) || EqualsIgnoreCase(tail, host)))) {
      title.resize(p);
      return title;
    }
  }
  return title;
}

// charset named by a <meta charset> / http-equiv Content-Type in the page's first 2 KiB.
std::string SniffMetaCharset(std::string_view html) {
  std::string head = util::AsciiLower(html.substr(0, 2048));
  size_t p = 0;
  while ((p = head.find("charset", p)) != std::string::npos) {
    p += 7;
    size_t q = p;
    while (q < head.size() && (head[q] == ' ' || head[q] == '"' || head[q] == '\'')) ++q;
    if (q >= head.size() || head[q] != '=') continue;
    ++q;
    while (q < head.size() && (head[q] == ' ' || head[q] == '"' || head[q] == '\'')) ++q;
    size_t e = q;
    while (e < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_' ||
            head[e] == ':' || head[e] == '.')) {
      ++e;
    }
    if (e > q) return head.substr(q, e - q);
  }
  return "";
}

bool StartsWithIgnoreCase(std::string_view s, size_t at, std::string_view lower_word) {
  if (s.size() - at < lower_word.size()) return false;
  for (size_t k = 0; k < lower_word.size(); ++k) {
    char c = s[at + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower_word[k]) return false;
  }
  return true;
}

// Position of "</name" (any case) at or after `from`, npos when absent.
size_t FindEndTag(std::string_view s, size_t from, std::string_view lower_name) {
  while (true) {
    size_t lt = s.find("</", from);
    if (lt == std::string_view::npos) return lt;
    if (StartsWithIgnoreCase(s, lt + 2, lower_name)) return lt;
    from = lt + 2;
  }
}

// Speed: gumbo spends most of its time tokenizing, and <script>/<style> bodies are often half of
// a page. Their content is raw text up to "</script" / "</style" (the HTML tokenizer's rule), and
// never article text, so it is cut before parsing; JSON-LD scripts are kept (they carry dates).
// Comments are skipped so that a commented-out "<script" is not mistaken for a tag. Returns false
// (and leaves `out` empty) when there is nothing to cut.
bool StripScriptBodies(std::string_view html, std::string& out) {
  size_t i = 0, copied = 0;
  bool cut = false;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (StartsWithIgnoreCase(html, i + 1, "!--")) {
      size_t e = html.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    std::string_view name;
    if (StartsWithIgnoreCase(html, i + 1, "script")) {
      name = "script";
    } else if (StartsWithIgnoreCase(html, i + 1, "style")) {
      name = "style";
    } else {
      ++i;
      continue;
    }
    size_t after = i + 1 + name.size();
    if (after >= html.size()) break;
    char c = html[after];
    if (c != '>' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '/' && c != '\f') {
      ++i;
      continue;
    }
    size_t gt = html.find('>', after);
    if (gt == std::string_view::npos) break;
    size_t close = FindEndTag(html, gt + 1, name);
    if (close == std::string_view::npos) break;
    bool keep = false;
    if (name == "script") {
      std::string open = util::AsciiLower(html.substr(i, gt + 1 - i));
      keep = open.find("ld+json") != std::string::npos;
    }
    if (!keep && close > gt + 1) {
      out.append(html.substr(copied, gt + 1 - copied));
      copied = close;
      cut = true;
    }
    i = close + 2;
  }
  if (!cut) {
    out.clear();
    return false;
  }
  out.append(html.substr(copied));
  return true;
}

bool IsUtf8Name(std::string_view cs) {
  return cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii" ||
         cs == "unicode-1-1-utf-8";
}

}  // namespace

std::string NormalizeLanguage(std::string_view lang) {
  lang = util::TrimAsciiSpace(lang);
  if (lang.empty() || lang.size() > 35) return "";
  std::string out;
  bool first = true;
  for (std::string_view part : util::Split(lang.substr(0, lang.find(',')), '-')) {
    for (std::string_view sub : util::Split(part, '_')) {
      if (sub.empty() || sub.size() > 8) return "";
      for (char c : sub) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
          return "";
        }
      }
      if (!first) out += '-';
      if (!first && sub.size() == 2) {
        for (char c : sub) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      } else {
        out += util::AsciiLower(sub);
      }
      first = false;
    }
  }
  return out;
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string cs = util::AsciiLower(util::TrimAsciiSpace(charset));
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "iso8859-1" || cs == "l1") {
    cs = "windows-1252";
  }
  std::string out;
  if (!IsUtf8Name(cs) && cs.size() < 40) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(cs.c_str(), &err);
    if (U_SUCCESS(err) && conv != nullptr) {
      ucnv_close(conv);
      out.resize(bytes.size() * 3 + 16);
      err = U_ZERO_ERROR;
      int32_t n = ucnv_convert("UTF-8", cs.c_str(), out.data(), static_cast<int32_t>(out.size()),
                               bytes.data(), static_cast<int32_t>(bytes.size()), &err);
      if (err == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(static_cast<size_t>(n) + 1);
        err = U_ZERO_ERROR;
        n = ucnv_convert("UTF-8", cs.c_str(), out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &err);
      }
      if (U_SUCCESS(err) || err == U_STRING_NOT_TERMINATED_WARNING) {
        out.resize(static_cast<size_t>(n));
        util::RepairUtf8(out);
        return out;
      }
    }
  }
  out.assign(bytes);
  util::RepairUtf8(out);
  return out;
}

std::string DeriveDocumentId(std::string_view url, std::string_view text) {
  if (!url.empty()) return util::Hex64(util::Fnv1a64(url));
  return util::Hex64(util::Fnv1a64(util::CollapseWhitespace(text)));
}

std::string HtmlFragmentToText(std::string_view html) {
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    // Plain text: blank lines separate paragraphs.
    std::vector<std::string> paragraphs;
    std::string cur;
    for (std::string_view line : util::Split(html, '\n')) {
      if (util::TrimAsciiSpace(line).empty()) {
        std::string p = util::CollapseWhitespace(cur);
        if (!p.empty()) paragraphs.push_back(std::move(p));
        cur.clear();
      } else {
        cur += line;
        cur += ' ';
      }
    }
    std::string p = util::CollapseWhitespace(cur);
    if (!p.empty()) paragraphs.push_back(std::move(p));
    std::string out = Join(paragraphs);
    util::RepairUtf8(out);
    return out;
  }
  GumboTree tree = Parse(html);
  TextCollector collector(nullptr, /*page_mode=*/false);
  collector.Collect(tree->root, 0, true);
  return Join(collector.paragraphs());
}

Result<Document> ExtractHtmlArticleWithCharset(std::string_view html, std::string_view url,
                                               std::string_view charset) {
  // Byte order marks, then the declared charset (transport first, then <meta>).
  std::string converted;
  if (html.size() >= 3 && html.substr(0, 3) == "\xEF\xBB\xBF") {
    html.remove_prefix(3);
  } else if (html.size() >= 2 &&
             (html.substr(0, 2) == "\xFF\xFE" || html.substr(0, 2) == "\xFE\xFF")) {
    converted = ToUtf8(html.substr(2), html[0] == '\xFF' ? "utf-16le" : "utf-16be");
    html = converted;
  } else {
    std::string cs = util::AsciiLower(util::TrimAsciiSpace(charset));
    if (cs.empty()) cs = SniffMetaCharset(html);
    if (!IsUtf8Name(cs) && util::FindInvalidUtf8(html) != std::string_view::npos) {
      converted = ToUtf8(html, cs);
      html = converted;
    }
  }

  std::string stripped;
  if (StripScriptBodies(html, stripped)) html = stripped;

  GumboTree tree = Parse(html);
  PageAnalyzer page;
  page.Run(tree->document);
  std::vector<const GumboNode*> article = ChooseArticle(page);

  Document doc;
  // URL: canonical, og:url, then the address we were given.
  std::string canonical = ResolveUrl(url, page.canonical);
  if (canonical.empty()) canonical = ResolveUrl(url, MetaValue(page, {"og:url"}));
  doc.url = canonical.empty() ? std::string(url) : canonical;
  util::RepairUtf8(doc.url);
  std::string host = UrlHost(doc.url);
  std::string site = MetaValue(page, {"og:site_name"});
  doc.source = site;
  if (doc.source.empty()) {
    doc.source = host.rfind("www.", 0) == 0 ? host.substr(4) : host;
  }
  doc.title = MetaValue(page, {"og:title"});
  if (doc.title.empty()) doc.title = StripSiteSuffix(page.title_tag, site, host);
  if (doc.title.empty()) doc.title = page.first_h1;
  doc.language = NormalizeLanguage(page.html_lang);
  if (doc.language.empty()) doc.language = NormalizeLanguage(MetaValue(page, {"content-language"}));
  if (doc.language.empty()) doc.language = NormalizeLanguage(MetaValue(page, {"og:locale"}));
  doc.date = FindDate(page, article);

  TextCollector collector(&page, /*page_mode=*/true);
  for (const GumboNode* n : article) collector.Collect(n, 0, true);
  std::vector<std::string>& paragraphs = collector.paragraphs();
  // The headline repeated at the top of the article body is the title, not text.
  for (size_t i = 0; i < paragraphs.size() && i < 3; ++i) {
    if (!doc.title.empty() && (paragraphs[i] == doc.title || paragraphs[i] == page.first_h1)) {
      paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  doc.text = Join(paragraphs);
  if (doc.text.empty()) return DataLossError("no article text found");
  doc.id = DeriveDocumentId(doc.url, doc.text);
  return doc;
}

Result<Document> ExtractHtmlArticle(std::string_view html, std::string_view url) {
  return ExtractHtmlArticleWithCharset(html, url, "");
}

Status ReadHtmlInput(ByteSource& in, ReadContext& ctx) {
  Result<std::string> html = ReadAll(in, ctx.options().max_record_bytes);
  if (!html.ok()) return html.status();
  Result<Document> doc = ExtractHtmlArticle(*html, "");
  if (!doc.ok()) return doc.status();
  if (util::TrimAsciiSpace(doc->text).size() < ctx.options().min_text_bytes) {
    return DataLossError("empty document");
  }
  doc->origin_location = "page";
  ctx.Emit(std::move(*doc));
  return Status::Ok();
}

}  // namespace annals::io
