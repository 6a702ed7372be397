// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Longest-match phrase lookup over normalised words, then composition (see actor_matcher.h).
#include "annals/actor_matcher.h"

#include <algorithm>

#include "dict/dict_impl.h"

namespace annals {
namespace {

using dict::PhraseIndex;
using dict::Sense;
using dict::WordShape;

struct Tok {
  uint32_t id = PhraseIndex::kNoWord;
  std::string norm;
  WordShape shape;
  bool all_caps = false;  // Letters present and none lower-case.
  int word = 0;           // Index of the original word.
};

// A phrase hit before composition.
struct Hit {
  int first = 0, end = 0;  // Token indices.
  Sense::Kind kind = Sense::kActor;
  int32_t index = -1;  // Actor/agent/discard index chosen.
  Dictionary::ResolvedCodes codes;
};

bool CaseAllows(const Sense& s, const std::vector<Tok>& toks, int first, int end) {
  int n = end - first;
  if ((s.flags & Sense::kNotAlone) && n == 1) return false;
  if ((s.flags & Sense::kAllCaps) && n == 1 && !toks[first].all_caps) return false;
  if (s.flags & Sense::kNeedsUpper) {
    bool any = false;
    for (int i = first; i < end; ++i) any = any || toks[i].shape.has_upper;
    if (!any) return false;
  }
  return true;
}

std::string CountryOf(const Actor& a, const Dictionary::ResolvedCodes& rc) {
  if (a.kind == ActorKind::kCountry && !rc.codes.empty()) return rc.codes[0];
  if (!a.country.empty()) return a.country;
  if (!rc.codes.empty() && rc.codes[0].size() >= 3) return rc.codes[0].substr(0, 3);
  return "";
}

bool IsConjunction(const Tok& t) { return t.norm == "AND" || t.norm == "&"; }

}  // namespace

std::string_view ActorMatchKindName(ActorMatch::Kind kind) {
  switch (kind) {
    case ActorMatch::Kind::kActor:
      return "actor";
    case ActorMatch::Kind::kAgent:
      return "agent";
    case ActorMatch::Kind::kDiscard:
      return "discard";
  }
  return "actor";
}

ActorMatcher::ActorMatcher(const Dictionary& dictionary) : dict_(dictionary) {}

std::vector<ActorMatch> ActorMatcher::MatchForms(const std::vector<std::string>& forms,
                                                 const MatchOptions& options) const {
  std::vector<Word> words(forms.size());
  uint32_t off = 0;
  for (size_t i = 0; i < forms.size(); ++i) {
    words[i].id = static_cast<int>(i) + 1;
    words[i].form = forms[i];
    words[i].span = {off, off + static_cast<uint32_t>(forms[i].size())};
    off += static_cast<uint32_t>(forms[i].size()) + 1;
  }
  return Match(words, options);
}

std::vector<ActorMatch> ActorMatcher::Match(const std::vector<Word>& words,
                                            const MatchOptions& options) const {
  const Dictionary::Impl& impl = dict_.impl();
  const PhraseIndex& index = impl.index;
  // 1. Normalise. Each word is split into pieces exactly as dictionary phrases are (see
  //    dict::SplitPieces), so "Guinea-Bissau" matches as one word or as three tokens. Possessive
  //    marker words fold into the previous token; "-", ",", "(" and ")" pieces keep their own id
  //    (a phrase may contain them); other punctuation-only words become separators (kNoWord).
  std::vector<Tok> toks;
  toks.reserve(words.size());
  std::vector<std::string_view> pieces;
  for (size_t i = 0; i < words.size(); ++i) {
    pieces.clear();
    dict::SplitPieces(words[i].form, pieces);
    for (std::string_view piece : pieces) {
      Tok t;
      t.word = static_cast<int>(i);
      if (dict::IsPunctPiece(piece)) {
        t.norm = std::string(piece);
        if (piece == "," && !toks.empty()) toks.back().shape.comma_after = true;
        t.id = index.WordId(t.norm);
        toks.push_back(std::move(t));
        continue;
      }
      t.norm = dict::NormalizeWord(piece, &t.shape);
      if (t.shape.possessive_marker) {
        if (!toks.empty()) toks.back().shape.possessive = true;
        continue;
      }
      t.id = t.norm.empty() ? PhraseIndex::kNoWord : index.WordId(t.norm);
      t.all_caps = t.shape.has_upper && !t.shape.has_lower;
      toks.push_back(std::move(t));
    }
  }
  const int n = static_cast<int>(toks.size());

  // 2. Longest match at each position.
  std::vector<Hit> hits;
  int i = 0;
  while (i < n) {
    int best_end = -1;
    const std::vector<Sense>* best = nullptr;
    uint32_t node = 0;
    for (int j = i; j < n; ++j) {
      // Inside a phrase, a hyphen the phrase does not have is skipped: PETRARCH writes
      // "GUINEA_BISSAU" for the text "Guinea-Bissau".
      if (j > i && toks[j].norm == "-" &&
          (toks[j].id == PhraseIndex::kNoWord ||
           index.Child(node, toks[j].id) == PhraseIndex::kNoNode)) {
        continue;
      }
      if (toks[j].id == PhraseIndex::kNoWord) break;
      node = index.Child(node, toks[j].id);
      if (node == PhraseIndex::kNoNode) break;
      const std::vector<Sense>& senses = index.Senses(node);
      for (const Sense& s : senses) {
        if (CaseAllows(s, toks, i, j + 1)) {
          best_end = j + 1;
          best = &senses;
          break;
        }
      }
    }
    if (!best) {
      ++i;
      continue;
    }
    Hit h;
    h.first = i;
    h.end = best_end;
    // Priority: discard > actor (the one whose codes fit the date best) > agent.
    const Sense* discard = nullptr;
    const Sense* agent = nullptr;
    int best_rank = -1;
    for (const Sense& s : *best) {
      if (!CaseAllows(s, toks, i, best_end)) continue;
      if (s.kind == Sense::kDiscard && !discard) discard = &s;
      if (s.kind == Sense::kAgent && !agent) agent = &s;
      if (s.kind == Sense::kActor) {
        Dictionary::ResolvedCodes rc = Dictionary::Resolve(impl.actors[s.index], options.day);
        int rank = rc.how == "date"      ? 4
                   : rc.how == "default" ? 3
                   : rc.how == "latest"  ? 2
                   : rc.how == "country" ? 1
                                         : 0;
        if (rank > best_rank) {
          best_rank = rank;
          h.index = static_cast<int32_t>(s.index);
          h.codes = std::move(rc);
        }
      }
    }
    if (discard) {
      h.kind = Sense::kDiscard;
      h.index = static_cast<int32_t>(discard->index);
    } else if (best_rank >= 0) {
      h.kind = Sense::kActor;
    } else {
      h.kind = Sense::kAgent;
      h.index = static_cast<int32_t>(agent->index);
    }
    hits.push_back(std::move(h));
    i = best_end;
  }

  // 3. Composition.
  std::vector<ActorMatch> out;
  auto span_of = [&](int first_tok, int end_tok, ActorMatch& m) {
    m.first_word = toks[first_tok].word;
    m.end_word = toks[end_tok - 1].word + 1;
    // A trailing possessive marker word belongs to the match span.
    while (m.end_word < static_cast<int>(words.size()) &&
           dict::NormalizeWord(words[m.end_word].form, nullptr).empty() &&
           (words[m.end_word].form == "'s" || words[m.end_word].form == "'" ||
            words[m.end_word].form == "\xE2\x80\x99s")) {
      ++m.end_word;
    }
    m.span = {words[m.first_word].span.begin, words[m.end_word - 1].span.end};
  };
  const int nh = static_cast<int>(hits.size());
  auto adjacent = [&](int a, int b) { return hits[a].end == hits[b].first; };
  auto is_actor = [&](int h) { return hits[h].kind == Sense::kActor; };
  auto is_agent = [&](int h) { return hits[h].kind == Sense::kAgent; };
  auto actor_of = [&](int h) -> const Actor& { return impl.actors[hits[h].index]; };
  // Can this actor hit take agent nouns after it ("Chinese" + "soldiers")?
  auto takes_agents = [&](int h) {
    if (!is_actor(h)) return false;
    const Actor& a = actor_of(h);
    if (hits[h].codes.codes.empty()) return false;
    if (a.kind == ActorKind::kPerson) return toks[hits[h].end - 1].shape.possessive;
    return a.kind != ActorKind::kGovernmentBody;
  };
  int h = 0;
  while (h < nh) {
    Hit& hit = hits[h];
    if (hit.kind == Sense::kDiscard) {
      if (options.report_discards) {
        ActorMatch m;
        m.kind = ActorMatch::Kind::kDiscard;
        span_of(hit.first, hit.end, m);
        m.how = "discard";
        out.push_back(std::move(m));
      }
      ++h;
      continue;
    }
    if (!options.compose) {
      ActorMatch m;
      span_of(hit.first, hit.end, m);
      if (hit.kind == Sense::kActor) {
        m.actor = hit.index;
        m.actors = {hit.index};
        m.codes = hit.codes.codes;
        m.how = hit.codes.how;
      } else {
        m.kind = ActorMatch::Kind::kAgent;
        m.agents = {hit.index};
        const Agent& ag = impl.agents[hit.index];
        m.codes = {ag.code};
        m.how = "agent";
        if (!options.report_bare_agents) {
          ++h;
          continue;
        }
      }
      out.push_back(std::move(m));
      ++h;
      continue;
    }
    // Coordination: A (, A)* (and|&) A followed by agent nouns, each A a country-like actor.
    std::vector<int> group = {h};
    if (takes_agents(h) && actor_of(h).kind != ActorKind::kPerson) {
      int k = h;
      while (k + 1 < nh && takes_agents(k + 1) && actor_of(k + 1).kind != ActorKind::kPerson) {
        int gap_first = hits[k].end, gap_end = hits[k + 1].first;
        bool joined = false;
        if (gap_end == gap_first + 1 && IsConjunction(toks[gap_first])) joined = true;
        if (gap_end == gap_first && toks[hits[k].end - 1].shape.comma_after) joined = true;
        if (gap_end == gap_first + 1 && toks[gap_first].norm == ",") joined = true;
        if (!joined) break;
        group.push_back(k + 1);
        ++k;
      }
      if (group.size() > 1 && !(k + 1 < nh && is_agent(k + 1) && adjacent(k, k + 1))) {
        group.resize(1);  // A plain list of countries: each stays its own match.
      }
    }
    int last = group.back();
    // Agent nouns right after the (last) actor.
    std::vector<int> agent_hits;
    if (takes_agents(last)) {
      int k = last;
      while (k + 1 < nh && is_agent(k + 1) && adjacent(k, k + 1)) {
        agent_hits.push_back(k + 1);
        ++k;
        if (toks[hits[k].end - 1].shape.possessive) break;
      }
    }
    if (agent_hits.empty()) group.resize(1);
    last = agent_hits.empty() ? group.back() : agent_hits.back();
    ActorMatch m;
    if (hit.kind == Sense::kAgent) {
      // Agent with no actor before it.
      m.kind = ActorMatch::Kind::kAgent;
      int k = h;
      std::string suffix;
      while (k < nh && is_agent(k) && (k == h || adjacent(k - 1, k))) {
        const Agent& ag = impl.agents[hits[k].index];
        m.agents.push_back(hits[k].index);
        if (suffix.find(ag.code) == std::string::npos) suffix += ag.code;
        ++k;
        if (toks[hits[k - 1].end - 1].shape.possessive) break;
      }
      last = k - 1;
      m.codes = {suffix};
      m.how = "agent";
    } else {
      m.actor = hit.index;
      m.how = hit.codes.how;
      std::string suffix, prefix;
      for (int a : agent_hits) {
        const Agent& ag = impl.agents[hits[a].index];
        m.agents.push_back(hits[a].index);
        if (ag.prefix) {
          if (prefix.empty()) prefix = ag.code;
        } else if (suffix.find(ag.code) == std::string::npos) {
          suffix += ag.code;
        }
      }
      for (int g : group) {
        m.actors.push_back(hits[g].index);
        if (agent_hits.empty()) {
          for (const std::string& c : hits[g].codes.codes) m.codes.push_back(c);
        } else {
          const Actor& a = actor_of(g);
          std::string base =
              a.kind == ActorKind::kPerson ? CountryOf(a, hits[g].codes) : hits[g].codes.codes[0];
          m.codes.push_back(prefix + base + suffix);
        }
      }
      // A person right after, of the same country, is the head: "Chinese President Xi",
      // "China's Xi". PETRARCH entries have no kind: there a role code (longer than the bare
      // 3-letter country) stands for a person.
      if (last + 1 < nh && adjacent(last, last + 1) && is_actor(last + 1) && group.size() == 1) {
        const Actor& p = actor_of(last + 1);
        const Dictionary::ResolvedCodes& pc = hits[last + 1].codes;
        bool person = p.kind == ActorKind::kPerson ||
                      (p.kind == ActorKind::kOther && !pc.codes.empty() && pc.codes[0].size() > 3);
        std::string pcountry = CountryOf(p, pc);
        std::string mine = m.codes.empty() || m.codes[0].size() < 3 ? "" : m.codes[0].substr(0, 3);
        bool bare_country = !m.codes.empty() && m.codes[0].size() == 3;
        if (person && prefix.empty() && !pcountry.empty() && pcountry == mine &&
            (!agent_hits.empty() || toks[hits[last].end - 1].shape.possessive ||
             actor_of(h).kind == ActorKind::kCountry || bare_country)) {
          ++last;
          m.actor = hits[last].index;
          m.actors.push_back(hits[last].index);
          m.codes = pc.codes;
          m.how = pc.how;
        }
      }
    }
    span_of(hits[h].first, hits[last].end, m);
    if (m.kind != ActorMatch::Kind::kAgent || options.report_bare_agents)
      out.push_back(std::move(m));
    h = last + 1;
  }
  return out;
}

}  // namespace annals
