// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The default dictionaries in data/dict (authored separately): they load with zero errors, resolve
// the issue's examples on the summit date, and reach every ISO 3166-1 country from its English
// name and from its adjective/demonym. Skips, saying so, when data/dict is not in this checkout.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"
#include "annals/tokenizer.h"

namespace annals {
namespace {

using ::testing::ElementsAre;

std::string DataDir() { return "data/dict"; }

#define SKIP_IF_NO_DEFAULTS()                                          \
  if (!std::filesystem::exists(DataDir() + "/countries.tsv")) {        \
    GTEST_SKIP() << "data/dict/countries.tsv absent in this checkout"; \
  }

class DefaultDictionaryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(DataDir() + "/countries.tsv")) return;
    DictionaryOptions o;
    o.dirs = {DataDir()};
    Result<Dictionary> d = Dictionary::Load(o);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    dict_ = new Dictionary(std::move(*d));
  }
  static void TearDownTestSuite() {
    delete dict_;
    dict_ = nullptr;
  }

  // Codes of each match in `text` (tokenised by annals::Tokenizer), joined with '+'.
  static std::vector<std::string> Lookup(const std::string& text, const char* date) {
    static const Tokenizer* tok = new Tokenizer(std::move(*Tokenizer::Create({})));
    ActorMatcher m(*dict_);
    MatchOptions opt;
    if (date) opt.day = *ParseIsoDay(date);
    std::vector<std::string> out;
    for (const Sentence& s : tok->Split(text)) {
      for (const ActorMatch& am : m.Match(s.words, opt)) {
        std::string joined;
        for (const std::string& c : am.codes) joined += (joined.empty() ? "" : "+") + c;
        out.push_back(joined);
      }
    }
    return out;
  }

  static Dictionary* dict_;
};

Dictionary* DefaultDictionaryTest::dict_ = nullptr;

TEST_F(DefaultDictionaryTest, LoadsWithZeroErrors) {
  SKIP_IF_NO_DEFAULTS();
  std::vector<std::string> errors;
  for (const DictionaryProblem& p : dict_->problems()) {
    if (p.severity == DictionaryProblem::Severity::kError) errors.push_back(p.Message());
  }
  EXPECT_TRUE(errors.empty()) << testing::PrintToString(errors);
  EXPECT_GT(dict_->counts().actors, 200u);
  EXPECT_GT(dict_->counts().agents, 5u);
}

TEST_F(DefaultDictionaryTest, IssueExamplesOnSummitDate) {
  SKIP_IF_NO_DEFAULTS();
  const std::vector<std::pair<std::string, std::string>> exact = {
      {"Xi Jinping", "CHNGOV"},
      {"Chinese President Xi", "CHNGOV"},
      {"Vladimir Putin", "RUSGOV"},
      {"Kim Jong Un", "PRKGOV"},
      {"Narendra Modi", "INDGOV"},
      {"Scott Bessent", "USAGOV"},
      {"Donald Trump", "USAGOV"},
      {"Gazprom", "RUSBUS"},
      {"China National Petroleum Corporation", "CHNBUS"},
      {"North Korean soldiers", "PRKMIL"},
      {"the Iranian leader", "IRNGOV"},
      {"South Korea intelligence agency", "KORSPY"},
  };
  for (const auto& [text, code] : exact) {
    EXPECT_THAT(Lookup(text, "2025-09-02"), ElementsAre(code)) << text;
  }
  for (const char* igo : {"Shanghai Cooperation Organization", "NATO"}) {
    std::vector<std::string> r = Lookup(igo, "2025-09-02");
    ASSERT_EQ(r.size(), 1u) << igo;
    EXPECT_EQ(r[0].rfind("IGO", 0), 0u) << igo << " -> " << r[0];
  }
  std::vector<std::string> trump = Lookup("Donald Trump", "2022-06-01");
  ASSERT_EQ(trump.size(), 1u);
  EXPECT_NE(trump[0], "USAGOV");
}

// Every ISO 3166-1 alpha-3 code is reachable from its English name and its adjective/demonym.
// The ISO list comes from Debian's iso-codes package; countries.tsv maps ISO to CAMEO codes by
// its iso2 column.
TEST_F(DefaultDictionaryTest, EveryIsoCountryIsReachable) {
  SKIP_IF_NO_DEFAULTS();
  const char* iso_path = "/usr/share/iso-codes/json/iso_3166-1.json";
  std::ifstream in(iso_path);
  if (!in) GTEST_SKIP() << iso_path << " absent (Debian package iso-codes)";
  nlohmann::json iso = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(iso.is_discarded());
  // countries.tsv rows by iso2: (code, adjectives + demonyms).
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> by_iso2;
  // Rows whose note says the territory has no population (scripts/check-data allows them no
  // adjective or demonym), and the countries listing each adjective/demonym.
  std::set<std::string> unpopulated;
  std::map<std::string, std::set<std::string>> adjective_owners;
  {
    std::ifstream t(DataDir() + "/countries.tsv");
    std::string line;
    std::map<std::string, size_t> cols;
    while (std::getline(t, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cells;
      std::stringstream ss(line);
      std::string cell;
      while (std::getline(ss, cell, '\t')) cells.push_back(cell);
      if (cols.empty()) {
        for (size_t i = 0; i < cells.size(); ++i) cols[cells[i]] = i;
        continue;
      }
      auto get = [&](const char* c) {
        return cols.count(c) && cols[c] < cells.size() ? cells[cols[c]] : std::string();
      };
      std::vector<std::string> adj;
      for (const char* c : {"adjectives", "demonyms"}) {
        std::stringstream ls(get(c));
        std::string item;
        while (std::getline(ls, item, '|')) {
          size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
          if (b != std::string::npos) adj.push_back(item.substr(b, e - b + 1));
        }
      }
      by_iso2[get("iso2")] = {get("code"), adj};
      for (const std::string& a : adj) adjective_owners[a].insert(get("code"));
      std::string note = get("note");
      if (adj.empty() && (note.find("uninhabited") != std::string::npos ||
                          note.find("no population") != std::string::npos ||
                          note.find("no permanent population") != std::string::npos)) {
        unpopulated.insert(get("code"));
      }
    }
  }
  std::vector<std::string> missing;
  for (const auto& c : iso["3166-1"]) {
    std::string a2 = c.value("alpha_2", ""), a3 = c.value("alpha_3", "");
    auto it = by_iso2.find(a2);
    if (it == by_iso2.end()) {
      missing.push_back(a3 + ": no countries.tsv row with iso2 " + a2);
      continue;
    }
    const std::string& code = it->second.first;
    bool by_name = false;
    for (const char* field : {"name", "common_name", "official_name"}) {
      if (!c.contains(field)) continue;
      std::vector<std::string> r = Lookup(c[field].get<std::string>(), nullptr);
      if (r.size() == 1 && r[0] == code) by_name = true;
    }
    if (!by_name)
      missing.push_back(a3 + ": English name '" + c.value("name", "") + "' -> not " + code);
    if (unpopulated.count(code)) continue;  // No demonym exists; the name must still work.
    // A demonym that several countries share ("Dominican": Dominica and the Dominican Republic;
    // "Congolese") can reach only one of them; a country whose demonyms are all shared passes
    // when such a demonym resolves to one of the countries sharing it.
    bool by_adj = false, all_shared = !it->second.second.empty();
    for (const std::string& adj : it->second.second) {
      std::vector<std::string> r = Lookup(adj, nullptr);
      const std::set<std::string>& owners = adjective_owners[adj];
      if (owners.size() < 2) all_shared = false;
      if (r.size() == 1 && r[0] == code) by_adj = true;
    }
    if (!by_adj && all_shared) {
      const std::string& adj = it->second.second.front();
      std::vector<std::string> r = Lookup(adj, nullptr);
      by_adj = r.size() == 1 && adjective_owners[adj].count(r[0]) > 0;
    }
    if (!by_adj) missing.push_back(a3 + ": no adjective/demonym reaching " + code);
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " problems:\n"
                               << testing::PrintToString(missing);
}

}  // namespace
}  // namespace annals
