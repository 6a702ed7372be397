// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/cameo.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/paths.h"
#include "util/text.h"

namespace annals {
namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream f(path);
  if (!f) return IoError(path + ": cannot open");
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Calls `row(fields, line_no)` for each data row after the header; returns its first error.
template <typename F>
Status ForEachRow(std::string_view tsv, std::string_view name, size_t columns, F row) {
  bool header = false;
  int line_no = 0;
  for (std::string_view line : util::Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = util::Split(line, '\t');
    if (f.size() < columns) {
      return DataLossError(std::string(name) + ":" + std::to_string(line_no) + ": expected " +
                           std::to_string(columns) + " columns, got " + std::to_string(f.size()));
    }
    if (!header) {
      header = true;
      continue;
    }
    ANNALS_RETURN_IF_ERROR(row(f, line_no));
  }
  return Status::Ok();
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Phoenix quad classes by root (data/cameo/quad_class.md): 0 neutral for 01, 02.
int PhoenixQuad(std::string_view root, int gdelt) {
  int r = std::atoi(std::string(root).c_str());
  if (r == 1 || r == 2) return 0;
  if (r >= 3 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14) return 4;
  return gdelt;
}

}  // namespace

Result<CameoOntology> CameoOntology::LoadDefault() {
  Result<std::string> ep = util::FindDataPath("data/cameo/events.tsv");
  if (!ep.ok()) return ep.status();
  Result<std::string> pp = util::FindDataPath("data/plover/cameo_to_plover.tsv");
  if (!pp.ok()) return pp.status();
  Result<std::string> e = ReadFile(*ep);
  if (!e.ok()) return e.status();
  Result<std::string> p = ReadFile(*pp);
  if (!p.ok()) return p.status();
  return Parse(*e, *ep, *p, *pp);
}

Result<CameoOntology> CameoOntology::Parse(std::string_view events_tsv,
                                           std::string_view events_name,
                                           std::string_view plover_tsv,
                                           std::string_view plover_name) {
  CameoOntology o;
  Status st = ForEachRow(events_tsv, events_name, 6, [&](const auto& f, int line) -> Status {
    auto bad = [&](const std::string& why) {
      return DataLossError(std::string(events_name) + ":" + std::to_string(line) + ": " + why);
    };
    CameoCode c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    c.base = std::string(f[2]);
    c.root = std::string(f[3]);
    if (!AllDigits(c.code) || c.code.size() < 2 || c.code.size() > 4) {
      return bad("bad CAMEO code '" + c.code + "'");
    }
    if (c.root != c.code.substr(0, 2) ||
        c.base != c.code.substr(0, std::min<size_t>(3, c.code.size()))) {
      return bad("base/root do not match code " + c.code);
    }
    char* end = nullptr;
    std::string q(f[4]), g(f[5]);
    c.quad_class = static_cast<int>(std::strtol(q.c_str(), &end, 10));
    if (*end != '\0' || c.quad_class < 1 || c.quad_class > 4) return bad("quad class must be 1..4");
    c.goldstein = std::strtod(g.c_str(), &end);
    if (*end != '\0' || c.goldstein < -10 || c.goldstein > 10) return bad("Goldstein out of range");
    c.phoenix_quad_class = PhoenixQuad(c.root, c.quad_class);
    if (o.index_.count(c.code)) return bad("duplicate code " + c.code);
    o.index_[c.code] = o.codes_.size();
    o.codes_.push_back(std::move(c));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  st = ForEachRow(plover_tsv, plover_name, 4, [&](const auto& f, int line) -> Status {
    auto it = o.index_.find(std::string(f[0]));
    if (it == o.index_.end()) {
      // CAMEO2PLOVER lists a few codes GDELT's table lacks (1213, 1214): they fall back to the
      // base code's entry, which carries its own mapping.
      return Status::Ok();
    }
    CameoCode& c = o.codes_[it->second];
    c.plover_event = std::string(f[1]);
    c.plover_mode = std::string(f[2]);
    c.plover_context = std::string(f[3]);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return o;
}

const CameoCode* CameoOntology::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

Status CameoOntology::Annotate(Event& e) const {
  const CameoCode* c = Find(e.cameo);
  if (c == nullptr) return InvalidArgumentError("unknown CAMEO code '" + e.cameo + "'");
  e.cameo_base = c->base;
  e.cameo_root = c->root;
  e.quad_class = c->quad_class;
  e.goldstein = c->goldstein;
  e.plover_event = c->plover_event;
  e.plover_mode = c->plover_mode;
  e.plover_context = c->plover_context;
  return Status::Ok();
}

}  // namespace annals
