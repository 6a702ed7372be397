// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Gazetteer loading and lookups. File format: docs/geocoding.md (one TSV, rows F/C/A/P).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "annals/geocoder.h"
#include "geo/geo_internal.h"
#include "util/paths.h"
#include "util/text.h"

namespace annals {

namespace {

bool ParseInt(std::string_view s, int64_t& out) {
  if (s.empty()) {
    out = 0;
    return true;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// A plain decimal number ("55.7522", "-3.5"): no leading space or '+', no hex, finite.
// std::from_chars rounds correctly, as strtod does, so the values are the same.
bool ParseDouble(std::string_view s, double& out) {
  if (s.empty() || s.size() > 32) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

bool IsIsoAlpha(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

Status Bad(size_t line, std::string_view what) {
  return InvalidArgumentError("gazetteer line " + std::to_string(line) + ": " + std::string(what));
}

}  // namespace

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

std::string Gazetteer::Fold(std::string_view text) const { return impl_->Fold(text); }

std::string Gazetteer::Impl::Fold(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  bool space = true;  // Suppresses leading and repeated spaces.
  auto put = [&](std::string_view s) {
    for (char c : s) {
      if (c == ' ') {
        if (!space) out.push_back(' ');
        space = true;
      } else {
        out.push_back(c);
        space = false;
      }
    }
  };
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if (c >= 'A' && c <= 'Z') {
        char l = static_cast<char>(c - 'A' + 'a');
        put(std::string_view(&l, 1));
      } else if (c == '\'' || c == '.' || c == '"' || c == '`') {
        // Dropped.
      } else if (c == '-' || c == '_' || c == '/' || c == ',' || c == '(' || c == ')' || c == ':' ||
                 c == ';' || c == '\t' || c == ' ' || c == '\n' || c == '\r') {
        put(" ");
      } else {
        char l = static_cast<char>(c);
        put(std::string_view(&l, 1));
      }
      continue;
    }
    size_t start = i;
    char32_t cp = util::DecodeUtf8(text, i);
    if (cp == 0xA0) {
      put(" ");
      continue;
    }
    auto it = fold_table.find(cp);
    if (it != fold_table.end()) {
      put(it->second);
    } else {
      put(text.substr(start, i - start));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::span<const uint32_t> Gazetteer::Impl::Find(const Index& index, std::string_view key) const {
  auto it = index.find(key);
  if (it == index.end()) return {};
  return std::span<const uint32_t>(postings.data() + it->second.first, it->second.second);
}

std::span<const uint32_t> Gazetteer::Lookup(std::string_view folded) const {
  return impl_->Find(impl_->names, folded);
}

bool Gazetteer::IsNeverAPlace(std::string_view folded) const {
  return impl_->not_places.count(folded) > 0;
}

std::span<const uint32_t> Gazetteer::LookupDivisionBase(std::string_view folded) const {
  return impl_->Find(impl_->bases, folded);
}

const GazetteerEntry* Gazetteer::FindCountry(std::string_view iso) const {
  std::string up(iso);
  for (char& c : up) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  auto it = impl_->country_by_code.find(up);
  if (it == impl_->country_by_code.end()) return nullptr;
  return &entries_[it->second];
}

std::string_view Gazetteer::Iso3(const GazetteerEntry& e) const {
  return impl_->countries[e.country].iso3;
}

std::string_view Gazetteer::Fips(const GazetteerEntry& e) const {
  return impl_->countries[e.country].fips;
}

Place Gazetteer::ToPlace(const GazetteerEntry& e) const {
  Place p;
  p.name = e.name;
  p.feature = e.kind == GeoPrecision::kCountry ? "country"
              : e.kind == GeoPrecision::kAdm1  ? "adm1"
                                               : "city";
  const Impl::Country& c = impl_->countries[e.country];
  p.iso3 = c.iso3;
  p.fips = c.fips;
  if (e.kind != GeoPrecision::kCountry && !e.admin1.empty() && !c.fips.empty()) {
    p.adm1 = c.fips + e.admin1;
  }
  p.geonames_id = e.geonames_id;
  p.lat = e.lat;
  p.lon = e.lon;
  return p;
}

std::string Gazetteer::FullName(const GazetteerEntry& e) const {
  std::string s = e.name;
  if (e.kind == GeoPrecision::kCity && e.adm1 != UINT32_MAX) s += ", " + entries_[e.adm1].name;
  if (e.kind != GeoPrecision::kCountry) s += ", " + entries_[e.country].name;
  return s;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Parse(std::string_view input) {
  return Impl::Parse(std::string(input));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Impl::Parse(std::string bytes) {
  auto gaz = std::shared_ptr<Gazetteer>(new Gazetteer());
  Impl& im = *gaz->impl_;
  im.text = std::move(bytes);
  std::string_view text = im.text;
  std::vector<GazetteerEntry>& entries = gaz->entries_;
  // Keys refer into im.text; (key, entry) pairs are grouped after reading.
  std::vector<std::pair<std::string_view, uint32_t>> name_keys, base_keys;
  std::unordered_map<std::string, uint32_t> adm_by_code;  // "CC.code" -> entry.
  struct PendingPlace {
    uint32_t entry;
    std::string_view admin1;
  };
  std::vector<PendingPlace> pending;
  size_t lines = 1;
  for (const char *p = text.data(), *end = p + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
    ++lines;
  }
  entries.reserve(lines);
  name_keys.reserve(lines * 2);
  pending.reserve(lines);

  size_t pos = 0, line_no = 0;
  bool header = false;
  std::vector<std::string_view> f;
  f.reserve(16);
  std::string_view line;
  while (util::NextLine(text, pos, line)) {
    ++line_no;
    if (!header) {
      if (line != "#annals-gazetteer\t1")
        return Bad(line_no, "not an Annals gazetteer (version 1)");
      header = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    f.clear();
    size_t s = 0;
    while (true) {
      size_t t = line.find('\t', s);
      if (t == std::string_view::npos) {
        f.push_back(line.substr(s));
        break;
      }
      f.push_back(line.substr(s, t - s));
      s = t + 1;
    }
    auto add_keys = [&](std::string_view cell, uint32_t idx,
                        std::vector<std::pair<std::string_view, uint32_t>>& out) {
      size_t a = 0;
      while (a <= cell.size()) {
        size_t b = cell.find('|', a);
        if (b == std::string_view::npos) b = cell.size();
        if (b > a) out.emplace_back(cell.substr(a, b - a), idx);
        a = b + 1;
      }
    };
    auto coords = [&](GazetteerEntry& e, std::string_view lat, std::string_view lon) -> bool {
      if (lat.empty() && lon.empty()) return true;
      if (!ParseDouble(lat, e.lat) || !ParseDouble(lon, e.lon)) return false;
      if (e.lat < -90 || e.lat > 90 || e.lon < -180 || e.lon > 180) return false;
      e.has_coordinates = true;
      return true;
    };
    std::string_view kind = f[0];
    if (kind == "F") {
      if (f.size() != 3) return Bad(line_no, "F row needs 3 fields");
      int64_t cp = 0;
      auto [p, ec] = std::from_chars(f[1].data(), f[1].data() + f[1].size(), cp, 16);
      if (ec != std::errc() || p != f[1].data() + f[1].size() || cp < 0x80 || cp > 0x10FFFF) {
        return Bad(line_no, "bad code point");
      }
      im.fold_table[static_cast<char32_t>(cp)] = std::string(f[2]);
    } else if (kind == "N") {
      if (f.size() != 2 || f[1].empty()) return Bad(line_no, "N row needs 2 fields");
      im.not_places.insert(f[1]);
    } else if (kind == "C") {
      if (f.size() != 9) return Bad(line_no, "C row needs 9 fields");
      if (!IsIsoAlpha(f[1], 2) || !IsIsoAlpha(f[2], 3) || !(f[3].empty() || IsIsoAlpha(f[3], 2))) {
        return Bad(line_no, "bad country codes");
      }
      if (im.country_by_code.count(std::string(f[1]))) return Bad(line_no, "duplicate country");
      GazetteerEntry e;
      e.kind = GeoPrecision::kCountry;
      e.iso2 = f[1];
      e.name = f[4];
      if (!ParseInt(f[5], e.population) || !coords(e, f[6], f[7]))
        return Bad(line_no, "bad numbers");
      uint32_t idx = static_cast<uint32_t>(entries.size());
      e.country = idx;
      im.countries.resize(idx + 1);
      im.countries[idx] = {std::string(f[2]), std::string(f[3])};
      im.country_by_code[std::string(f[1])] = idx;
      im.country_by_code[std::string(f[2])] = idx;
      entries.push_back(std::move(e));
      add_keys(f[8], idx, name_keys);
      ++gaz->countries_;
    } else if (kind == "A" || kind == "P") {
      bool adm = kind == "A";
      if (f.size() != 10) return Bad(line_no, "A and P rows need 10 fields");
      auto c = im.country_by_code.find(std::string(f[1]));
      if (f[1].size() != 2 || c == im.country_by_code.end()) return Bad(line_no, "unknown country");
      GazetteerEntry e;
      e.country = c->second;
      e.iso2 = f[1];
      uint32_t idx = static_cast<uint32_t>(entries.size());
      if (adm) {
        e.kind = GeoPrecision::kAdm1;
        e.admin1 = f[2];
        e.iso3166_2 = f[3];
        e.name = f[4];
        if (!ParseInt(f[5], e.population) || !coords(e, f[6], f[7]))
          return Bad(line_no, "bad numbers");
        e.adm1 = idx;
        adm_by_code[std::string(f[1]) + "." + std::string(f[2])] = idx;
        add_keys(f[8], idx, name_keys);
        add_keys(f[9], idx, base_keys);
        ++gaz->adm1s_;
      } else {
        e.kind = GeoPrecision::kCity;
        e.admin1 = f[2];
        if (!ParseInt(f[3], e.geonames_id) || e.geonames_id < 0) return Bad(line_no, "bad id");
        e.feature_code = f[4];
        e.name = f[5];
        if (!ParseInt(f[6], e.population) || !coords(e, f[7], f[8]))
          return Bad(line_no, "bad numbers");
        pending.push_back({idx, f[2]});
        add_keys(f[9], idx, name_keys);
        ++gaz->cities_;
      }
      if (e.population < 0) return Bad(line_no, "negative population");
      entries.push_back(std::move(e));
    } else {
      return Bad(line_no, "unknown row kind");
    }
  }
  if (!header) return InvalidArgumentError("gazetteer: empty file");
  std::string code;
  for (const PendingPlace& p : pending) {
    GazetteerEntry& e = entries[p.entry];
    code.assign(e.iso2);
    code += '.';
    code += p.admin1;
    auto it = adm_by_code.find(code);
    if (it != adm_by_code.end()) e.adm1 = it->second;
  }
  // Groups the (key, entry) pairs by key: postings hold each key's entries in increasing order,
  // without repeats (the pairs come in increasing entry order).
  auto build = [&](const std::vector<std::pair<std::string_view, uint32_t>>& keys,
                   Impl::Index& index) {
    index.reserve(keys.size());
    std::vector<uint32_t> group(keys.size());  // Group of each pair; UINT32_MAX: a repeat.
    std::vector<uint32_t> count, last;
    for (size_t k = 0; k < keys.size(); ++k) {
      auto [it, added] = index.try_emplace(keys[k].first, static_cast<uint32_t>(count.size()), 0);
      if (added) {
        count.push_back(0);
        last.push_back(UINT32_MAX);
      }
      uint32_t g = it->second.first;
      if (last[g] == keys[k].second) {
        group[k] = UINT32_MAX;
        continue;
      }
      last[g] = keys[k].second;
      ++count[g];
      group[k] = g;
    }
    std::vector<uint32_t> next(count.size());  // Where the group's next posting goes.
    uint32_t at = static_cast<uint32_t>(im.postings.size());
    for (size_t g = 0; g < count.size(); ++g) {
      next[g] = at;
      at += count[g];
    }
    im.postings.resize(at);
    for (size_t k = 0; k < keys.size(); ++k) {
      if (group[k] != UINT32_MAX) im.postings[next[group[k]]++] = keys[k].second;
    }
    for (auto& [key, where] : index) {
      uint32_t g = where.first;
      where = {next[g] - count[g], count[g]};
    }
  };
  build(name_keys, im.names);
  build(base_keys, im.bases);
  return std::shared_ptr<const Gazetteer>(std::move(gaz));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const GazetteerOptions& options) {
  namespace fs = std::filesystem;
  std::string path = options.path;
  std::string tried;
  if (path.empty()) {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("ANNALS_GAZETTEER"); env != nullptr && *env != '\0') {
      candidates.emplace_back(env);
    }
    if (auto found = util::FindDataPath("data/geo/gazetteer.tsv"); found.ok()) {
      candidates.push_back(found.value());
    } else {
      tried = found.status().message();
    }
#ifdef ANNALS_GAZETTEER_BUILD_PATH
    candidates.emplace_back(ANNALS_GAZETTEER_BUILD_PATH);
#endif
    for (const std::string& c : candidates) {
      std::error_code ec;
      if (fs::is_regular_file(c, ec)) {
        path = c;
        break;
      }
      tried += "; " + c;
    }
    if (path.empty()) {
      return NotFoundError("no gazetteer file (" + tried +
                           "); it is built with the project unless -DANNALS_GAZETTEER=OFF");
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open gazetteer " + path);
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return IoError("cannot read gazetteer " + path + ": " + ec.message());
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    return IoError("cannot read gazetteer " + path);
  }
  auto g = Impl::Parse(std::move(bytes));
  if (!g.ok()) return g.status().WithContext(path);
  return g;
}

}  // namespace annals
