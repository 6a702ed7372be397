// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "code/petrarch_suite.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "util/text.h"

namespace annals::code {
namespace {

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string Content(xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool Is(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

void ReadSentence(xmlNode* s, PetrarchSuite& suite) {
  PetrarchRecord r;
  r.id = Attr(s, "id");
  r.category = Attr(s, "category");
  if (r.category.empty()) r.category = Attr(s, "source");
  std::string d = Attr(s, "date");
  if (d.size() == 8 && d.find_first_not_of("0123456789") == std::string::npos) {
    r.date = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
  }
  for (xmlNode* c = s->children; c; c = c->next) {
    if (Is(c, "EventCoding")) {
      std::string ev = Attr(c, "eventcode");
      if (!ev.empty()) {
        std::string src = Attr(c, "sourcecode"), tgt = Attr(c, "targetcode");
        r.expected.insert({src.empty() ? "---" : src, tgt.empty() ? "---" : tgt, ev});
      } else if (!Attr(c, "noevents").empty() || !Attr(c, "error").empty()) {
        r.expects_none = true;
      }
    } else if (Is(c, "Text")) {
      r.text = util::CollapseWhitespace(Content(c));
    } else if (Is(c, "Parse")) {
      r.parse = Content(c);
      // CoNLL-U: word lines start with a number and a tab.
      std::string_view p = util::TrimAsciiSpace(r.parse);
      size_t tab = p.find('\t');
      r.conllu = tab != std::string_view::npos && tab > 0 &&
                 p.substr(0, tab).find_first_not_of("0123456789-.") == std::string_view::npos;
    }
  }
  suite.records.push_back(std::move(r));
}

void Walk(xmlNode* n, PetrarchSuite& suite) {
  for (xmlNode* c = n; c; c = c->next) {
    if (Is(c, "Sentence")) {
      ReadSentence(c, suite);
      continue;
    }
    if (Is(c, "Environment")) {
      for (xmlNode* e = c->children; e; e = e->next) {
        if (e->type == XML_ELEMENT_NODE) {
          suite.environment[reinterpret_cast<const char*>(e->name)] =
              std::string(util::TrimAsciiSpace(Content(e)));
        }
      }
      continue;
    }
    if (c->children) Walk(c->children, suite);
  }
}

}  // namespace

Result<PetrarchSuite> ParsePetrarchSuite(const std::string& xml, const std::string& name) {
  if (xml.size() > (size_t{1} << 30)) return InvalidArgumentError(name + ": file too large");
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE),
      xmlFreeDoc);
  if (!doc) return InvalidArgumentError(name + ": not well-formed XML");
  PetrarchSuite suite;
  Walk(xmlDocGetRootElement(doc.get()), suite);
  if (suite.records.empty()) return InvalidArgumentError(name + ": no <Sentence> records");
  return suite;
}

Result<PetrarchSuite> ReadPetrarchSuite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParsePetrarchSuite(ss.str(), path);
}

std::set<Triple> EventTriples(const std::vector<Event>& events) {
  std::set<Triple> out;
  for (const Event& e : events) {
    std::vector<std::string> s, t;
    for (const ActorRef& r : e.sources) s.push_back(r.code);
    for (const ActorRef& r : e.targets) t.push_back(r.code);
    if (s.empty()) s.push_back("---");
    if (t.empty()) t.push_back("---");
    for (const std::string& a : s) {
      for (const std::string& b : t) {
        if (a == b) continue;
        out.insert({a, b, e.cameo});
      }
    }
  }
  return out;
}

double SuiteScore::precision() const {
  return produced_events ? static_cast<double>(matched_events) / produced_events : 0;
}
double SuiteScore::recall() const {
  return expected_events ? static_cast<double>(matched_events) / expected_events : 0;
}
double SuiteScore::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void SuiteScore::Add(const std::set<Triple>& expected, const std::set<Triple>& produced) {
  ++records;
  if (expected == produced) ++exact;
  expected_events += static_cast<int>(expected.size());
  produced_events += static_cast<int>(produced.size());
  for (const Triple& t : produced) matched_events += expected.count(t) ? 1 : 0;
}

}  // namespace annals::code
