// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "code/actor_code.h"

#include <fstream>
#include <sstream>

#include "util/paths.h"
#include "util/text.h"

namespace annals::code {
namespace {

constexpr int kCountry = 1, kType = 2, kKnownGroup = 4, kEthnic = 8, kReligion = 16;

}  // namespace

Result<ActorCodeTable> ActorCodeTable::LoadDefault() {
  Result<std::string> path = util::FindDataPath("data/cameo/actor_codes.tsv");
  if (!path.ok()) return path.status();
  std::ifstream f(*path);
  if (!f) return IoError(*path + ": cannot open");
  std::stringstream ss;
  ss << f.rdbuf();
  return Parse(ss.str(), *path);
}

Result<ActorCodeTable> ActorCodeTable::Parse(std::string_view tsv, std::string_view file_name) {
  ActorCodeTable t;
  bool header = false;
  int line_no = 0;
  for (std::string_view line : util::Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string_view> f = util::Split(line, '\t');
    if (f.size() < 2 || f[1].empty()) {
      return DataLossError(std::string(file_name) + ":" + std::to_string(line_no) +
                           ": expected kind<TAB>code<TAB>label");
    }
    int kind = f[0] == "country"      ? kCountry
               : f[0] == "type"       ? kType
               : f[0] == "knowngroup" ? kKnownGroup
               : f[0] == "ethnic"     ? kEthnic
               : f[0] == "religion"   ? kReligion
                                      : 0;
    if (kind == 0) {
      return DataLossError(std::string(file_name) + ":" + std::to_string(line_no) +
                           ": unknown kind '" + std::string(f[0]) + "'");
    }
    std::string code(f[1]);
    if (kind == kEthnic) code = util::AsciiLower(code);
    t.kinds_[code] |= kind;
    if (kind == kCountry && f.size() > 2) t.country_names_[code] = std::string(f[2]);
  }
  return t;
}

ActorCodeParts ActorCodeTable::Split(std::string_view code) const {
  ActorCodeParts p;
  auto kinds_of = [&](const std::string& seg) {
    auto it = kinds_.find(seg);
    if (it != kinds_.end()) return it->second;
    auto lower = kinds_.find(util::AsciiLower(seg));
    return lower != kinds_.end() ? (lower->second & kEthnic) : 0;
  };
  auto add_type = [&](const std::string& seg) {
    if (p.type1.empty()) {
      p.type1 = seg;
    } else if (p.type2.empty()) {
      p.type2 = seg;
    } else if (p.type3.empty()) {
      p.type3 = seg;
    }
  };
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    std::string seg(code.substr(i, 3));
    int k = kinds_of(seg);
    if (i == 0 && (k & kCountry)) {
      p.country = seg;
    } else if ((k & kKnownGroup) && p.known_group.empty()) {
      p.known_group = seg;  // Known groups win over same-named types (UNO, AMN, IRC, PKO).
    } else if (k & kType) {
      add_type(seg);
    } else if (k & kReligion) {
      (p.religion1.empty() ? p.religion1 : p.religion2) = seg;
    } else if ((k & kEthnic) && p.ethnic.empty()) {
      p.ethnic = util::AsciiLower(seg);
    }
  }
  return p;
}

std::string ActorCodeTable::CountryName(std::string_view code) const {
  auto it = country_names_.find(std::string(code));
  return it == country_names_.end() ? std::string() : it->second;
}

}  // namespace annals::code
