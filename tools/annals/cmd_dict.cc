// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// `annals dict lookup|check`: look up actors in a text; validate dictionaries.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/actor_matcher.h"
#include "annals/dictionary.h"
#include "annals/tokenizer.h"
#include "commands.h"

namespace annals::cli {
namespace {

Result<Dictionary> LoadDictionaries(const std::vector<std::string>& dirs) {
  DictionaryOptions options;
  options.dirs = dirs;
  return Dictionary::Load(options);
}

nlohmann::json CountsJson(const DictionaryCounts& c) {
  return {{"files", c.files},
          {"actors", c.actors},
          {"aliases", c.aliases},
          {"agents", c.agents},
          {"agent_phrases", c.agent_phrases},
          {"discards", c.discards},
          {"issues", c.issues},
          {"synsets", c.synsets},
          {"verb_classes", c.verb_classes},
          {"verbs", c.verbs},
          {"patterns", c.patterns},
          {"transformations", c.transformations},
          {"errors", c.errors},
          {"warnings", c.warnings}};
}

int RunLookup(const std::string& text, const std::string& date,
              const std::vector<std::string>& dirs, bool json) {
  MatchOptions options;
  if (!date.empty()) {
    Result<int32_t> day = ParseIsoDay(date);
    if (!day.ok()) {
      std::fprintf(stderr, "annals dict lookup: --date: %s\n", day.status().message().c_str());
      return kExitUsage;
    }
    options.day = *day;
  }
  Result<Dictionary> dict = LoadDictionaries(dirs);
  if (!dict.ok()) {
    std::fprintf(stderr, "annals dict lookup: %s\n", dict.status().message().c_str());
    return kExitFailure;
  }
  for (const DictionaryProblem& p : dict->problems()) {
    if (p.severity == DictionaryProblem::Severity::kError) {
      std::fprintf(stderr, "%s\n", p.Message().c_str());
    }
  }
  Result<Tokenizer> tokenizer = Tokenizer::Create({});
  if (!tokenizer.ok()) {
    std::fprintf(stderr, "annals dict lookup: %s\n", tokenizer.status().message().c_str());
    return kExitFailure;
  }
  ActorMatcher matcher(*dict);
  nlohmann::json matches = nlohmann::json::array();
  for (const Sentence& s : tokenizer->Split(text)) {
    for (const ActorMatch& m : matcher.Match(s.words, options)) {
      std::string span = text.substr(m.span.begin, m.span.size());
      nlohmann::json j = {{"text", span},      {"begin", m.span.begin},
                          {"end", m.span.end}, {"kind", std::string(ActorMatchKindName(m.kind))},
                          {"codes", m.codes},  {"how", std::string(m.how)}};
      if (m.actor >= 0) {
        const Actor& a = dict->actors()[m.actor];
        j["entry"] = {{"id", m.actor},
                      {"name", a.name},
                      {"type", std::string(ActorKindName(a.kind))},
                      {"source", dict->Where(a.where)}};
      }
      if (!m.agents.empty()) {
        nlohmann::json agents = nlohmann::json::array();
        for (int32_t g : m.agents) {
          const Agent& ag = dict->agents()[g];
          agents.push_back(
              {{"id", g}, {"name", ag.name}, {"code", ag.code}, {"source", dict->Where(ag.where)}});
        }
        j["agents"] = agents;
      }
      if (m.actors.size() > 1) j["actors"] = m.actors;
      matches.push_back(std::move(j));
    }
  }
  if (json) {
    nlohmann::json out = {{"text", text}, {"matches", matches}};
    out["date"] = date.empty() ? nlohmann::json(nullptr) : nlohmann::json(date);
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const auto& j : matches) {
      std::string codes;
      for (const auto& c : j["codes"]) codes += (codes.empty() ? "" : "+") + c.get<std::string>();
      std::string entry = j.contains("entry") ? j["entry"]["name"].get<std::string>() + " (" +
                                                    j["entry"]["type"].get<std::string>() + ", " +
                                                    j["entry"]["source"].get<std::string>() + ")"
                                              : j["kind"].get<std::string>();
      std::printf("%s\t%s\t%s\n", j["text"].get<std::string>().c_str(),
                  codes.empty() ? "-" : codes.c_str(), entry.c_str());
    }
  }
  return kExitOk;
}

int RunCheck(const std::vector<std::string>& dirs, bool json) {
  Result<Dictionary> dict = LoadDictionaries(dirs);
  if (!dict.ok()) {
    std::fprintf(stderr, "annals dict check: %s\n", dict.status().message().c_str());
    return kExitFailure;
  }
  DictionaryCounts c = dict->counts();
  if (json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const DictionaryProblem& p : dict->problems()) {
      problems.push_back(
          {{"severity", p.severity == DictionaryProblem::Severity::kError ? "error" : "warning"},
           {"file", p.file},
           {"line", p.line},
           {"where", p.line > 0 ? p.file + ":" + std::to_string(p.line) : p.file},
           {"message", p.message}});
    }
    nlohmann::json out = CountsJson(c);
    out["dirs"] = dirs;
    out["problems"] = problems;
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const DictionaryProblem& p : dict->problems()) std::printf("%s\n", p.Message().c_str());
    std::printf(
        "files %llu, actors %llu, aliases %llu, agents %llu (%llu phrases), discards %llu, "
        "issues %llu, synsets %llu, verb classes %llu, verbs %llu, patterns %llu, "
        "transformations %llu, errors %llu, warnings %llu\n",
        (unsigned long long)c.files, (unsigned long long)c.actors, (unsigned long long)c.aliases,
        (unsigned long long)c.agents, (unsigned long long)c.agent_phrases,
        (unsigned long long)c.discards, (unsigned long long)c.issues, (unsigned long long)c.synsets,
        (unsigned long long)c.verb_classes, (unsigned long long)c.verbs,
        (unsigned long long)c.patterns, (unsigned long long)c.transformations,
        (unsigned long long)c.errors, (unsigned long long)c.warnings);
  }
  return c.errors > 0 ? kExitFailure : kExitOk;
}

}  // namespace

int RunDict(int argc, char** argv) {
  CLI::App app("Actor and verb dictionaries (docs/dictionaries.md)", "annals dict");
  app.require_subcommand(1);
  std::vector<std::string> dirs;
  bool json = false;
  std::string text, date;
  CLI::App* lookup = app.add_subcommand("lookup", "find the actors in TEXT and print their codes");
  lookup->add_option("text", text, "text to look up")->required();
  lookup->add_option("--date", date, "story date YYYY-MM-DD (codes in force that day)");
  lookup->add_option("--dict", dirs, "dictionary directory (repeatable; replaces the default)");
  lookup->add_flag("--json", json, "JSON output");
  CLI::App* check = app.add_subcommand("check", "load dictionaries; print counts and problems");
  check->add_option("--dict", dirs, "dictionary directory (repeatable; replaces the default)");
  check->add_flag("--json", json, "JSON output");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (lookup->parsed()) return RunLookup(text, date, dirs, json);
  return RunCheck(dirs, json);
}

}  // namespace annals::cli
