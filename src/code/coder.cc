// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The event coder (include/annals/coder.h); algorithm in docs/coding.md.
#include "annals/coder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "annals/actor_matcher.h"
#include "annals/cameo.h"
#include "annals/dates.h"
#include "code/predicate_dictionary.h"
#include "util/text.h"

namespace annals {
namespace {

using code::PredicateDictionary;
using code::PredicateRow;
using code::TargetPath;
using code::WordClass;
using code::WordClasses;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// "USAGOVGOV" -> "USAGOV", "HGWGOVMEDGOVMED" -> "HGWGOVMED": a composed code whose agent part
// repeats (an actor whose own code already carries the agent met the agent noun again).
std::string CollapseRepeats(std::string code) {
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t len = 3; 2 * len <= code.size(); len += 3) {
      size_t n = code.size();
      if (code.compare(n - len, len, code, n - 2 * len, len) == 0 && n - 2 * len >= 3) {
        code.resize(n - len);
        changed = true;
        break;
      }
    }
  }
  return code;
}

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Whether a match names people who speak or act for a group ("leaders", "officials", "spokesman")
// and no word of it names a government ("government", "cabinet", "ministry", ...).
// A currency sign standing for a sum of money ("$1 billion", "€522 million").
bool CurrencySign(std::string_view lemma) {
  return !util::CurrencyOfSymbol(util::AsciiLower(lemma)).empty();
}

bool GroupOfficials(const Sentence& s, const ActorMatch& m) {
  bool officials = false;
  for (int w = std::max(0, m.first_word); w < m.end_word && w < static_cast<int>(s.words.size());
       ++w) {
    const std::string l = util::AsciiLower(s.words[w].lemma);
    if (In(l, {"government", "administration", "regime", "cabinet", "ministry", "authority",
               "authorities", "minister", "president", "premier", "parliament"})) {
      return false;
    }
    officials = officials || In(l, {"leader", "leaders", "official", "officials", "chief", "chiefs",
                                    "spokesman", "spokesmen", "spokeswoman", "spokesperson", "head",
                                    "envoy", "representative", "negotiator"});
  }
  return officials;
}

// Whether a match's head entry is a person of the dictionary ("Lula", "Xi Jinping").
bool NamesPerson(const Dictionary& dict, const ActorMatch& m) {
  return m.actor >= 0 && m.actor < static_cast<int32_t>(dict.actors().size()) &&
         dict.actors()[m.actor].kind == ActorKind::kPerson;
}

// ---- PETRARCH verb index ---------------------------------------------------------------------

// One way a verb class is entered: a verb word, with words that must come right before or after.
struct VerbEntry {
  int cls = 0;
  int form = 0;
  std::vector<std::string> before;  // Upper-case, in text order, consecutive before the verb.
  std::vector<std::string> after;   // Consecutive after the verb.
  std::string code;                 // Own code of the form, else the class code.
};

void AddVerbEntry(const std::string& phrase, int cls, int form, const std::string& code,
                  std::unordered_map<std::string, std::vector<VerbEntry>>& index) {
  std::vector<std::string> toks;
  std::string cur;
  int verb_at = -1;
  for (char c : phrase + " ") {
    if (c == ' ' || c == '_') {
      if (!cur.empty()) toks.push_back(cur);
      cur.clear();
    } else if (c == '+') {
      verb_at = static_cast<int>(toks.size());
    } else {
      cur.push_back(c);
    }
  }
  if (toks.empty()) return;
  if (verb_at < 0 || verb_at >= static_cast<int>(toks.size())) verb_at = 0;
  VerbEntry e;
  e.cls = cls;
  e.form = form;
  e.code = code;
  e.before.assign(toks.begin(), toks.begin() + verb_at);
  e.after.assign(toks.begin() + verb_at + 1, toks.end());
  index[Upper(toks[verb_at])].push_back(std::move(e));
}

// ---- Per-sentence tree view ------------------------------------------------------------------

struct Tree {
  const Sentence* s = nullptr;
  int n = 0;
  std::vector<int> head;             // 0-based, -1 for the root.
  std::vector<std::string> rel;      // Normalised UD 2 relation ("obj", "nsubj:pass", "obl").
  std::vector<std::string> base;     // Relation without subtype.
  std::vector<std::string> lemma;    // Lower-case lemma (form when no lemma).
  std::vector<std::string> up;       // Upper-case form.
  std::vector<std::string> uplemma;  // Upper-case lemma.
  std::vector<std::vector<int>> kids;
  std::vector<std::string> prep;         // Lower-case `case` child ("with"), "" when none.
  const WordClasses* classes = nullptr;  // data/dict/word_classes.tsv.

  // Whether a lemma is of a class of word_classes.tsv.
  bool Is(std::string_view l, WordClass c) const {
    return classes != nullptr && classes->Has(l, c);
  }

  bool IsVerbal(int i) const {
    const std::string& u = s->words[i].upos;
    return u == "VERB" || u == "AUX" || u == "ADJ";
  }
  // A past participle modifying a noun with a by-agent ("the pact signed by ..."): a passive
  // whose patient is the modified noun. (Without the agent a mis-tagged active verb is too likely.)
  bool PassiveParticiple(int i) const {
    bool by_agent = false;
    for (int k : kids[i]) by_agent = by_agent || ((base[k] == "obl") && prep[k] == "by");
    return rel[i] == "acl" && head[i] >= 0 && Child(i, "obj") < 0 && by_agent &&
           (s->words[i].xpos == "VBN" ||
            (s->words[i].feats.find("VerbForm=Part") != std::string::npos &&
             s->words[i].feats.find("Tense=Past") != std::string::npos));
  }
  // An event noun in a copular phrase that puts its subject on the receiving end: "X has been
  // under house arrest", "X is under attack / under sanctions", "X remains in custody / in
  // detention": the subject is the patient, as of a passive.
  bool PatientPhrase(int i) const {
    const std::string& u = s->words[i].upos;
    if ((u != "NOUN" && u != "PROPN") || Child(i, "cop") < 0 || Child(i, "nsubj") < 0) {
      return false;
    }
    for (int k : kids[i]) {
      if (base[k] != "case") continue;
      if (lemma[k] == "under") return true;
      if (lemma[k] == "in" && In(lemma[i], {"custody", "detention", "jail", "prison"})) return true;
    }
    return false;
  }
  // An adverbial past participle with no subject, auxiliary or object: an elided passive ("will
  // close the strait if attacked", "attacked by rebels, the town fell"). Its source is only its
  // agent (obl:agent); the main clause's subject, which it is about, is not its agent (and is
  // not taken as its target either).
  bool ElidedPassive(int i) const {
    if (rel[i] != "advcl") return false;
    const std::string& f = s->words[i].feats;
    const bool participle =
        s->words[i].xpos == "VBN" ||
        (f.find("VerbForm=Part") != std::string::npos && f.find("Tense=Past") != std::string::npos);
    if (!participle) return false;
    for (int k : kids[i]) {
      if (base[k] == "aux" || base[k] == "cop" || base[k] == "nsubj" || base[k] == "obj" ||
          base[k] == "csubj") {
        return false;
      }
    }
    return true;
  }
  // The patient of a passive: its nsubj:pass, the noun a passive participle modifies, or the
  // subject of a PatientPhrase.
  int Patient(int i) const {
    int k = Child(i, "nsubj:pass");
    if (k < 0 && PassiveParticiple(i)) k = head[i];
    if (k < 0 && PatientPhrase(i)) k = Child(i, "nsubj");
    return k;
  }
  // The antecedent of word i when it is a relative pronoun ("who", "whom", "which", or a word
  // the tagger marks PronType=Rel) that opens its clause: the noun the clause modifies when it
  // is parsed as acl:relcl; otherwise (a relative clause misparsed as a conj or parataxis of the
  // verb before: "met Modi of India, who was targeted by ...") the noun phrase right before the
  // pronoun, punctuation skipped: its head for "who"/"whom" ("Narendra Modi of India" -> Modi),
  // the nearest noun's name for the rest ("talks with China, which ..." -> China). -1 when i is
  // no such pronoun or there is no noun there.
  int Antecedent(int i) const {
    if (i < 0 || head[i] < i) return -1;
    const bool who = In(lemma[i], {"who", "whom"});
    if (!who && lemma[i] != "which" &&
        s->words[i].feats.find("PronType=Rel") == std::string::npos) {
      return -1;
    }
    const int clause = head[i];
    if (rel[clause] == "acl:relcl")
      return head[clause] >= 0 && head[clause] < i ? head[clause] : -1;
    int w = i - 1;
    while (w >= 0 && s->words[w].upos == "PUNCT") --w;
    if (w < 0 || (s->words[w].upos != "NOUN" && s->words[w].upos != "PROPN")) return -1;
    auto climbs = [&](int x) {
      if (base[x] == "flat" || base[x] == "compound") return true;
      return who && (base[x] == "nmod" || base[x] == "appos" || base[x] == "conj");
    };
    while (head[w] >= 0 && head[w] < i && climbs(w)) w = head[w];
    return w;
  }
  // Word i, or its antecedent when it is a relative pronoun (Antecedent); -1 stays -1.
  int Referent(int i) const {
    int a = Antecedent(i);
    return a >= 0 ? a : i;
  }
  // "it", "he", "she", "they", "we": a subject that names no one by itself.
  bool PersonalPronoun(int i) const {
    return s->words[i].upos == "PRON" && In(lemma[i], {"it", "he", "she", "they", "we"});
  }
  int Child(int i, std::string_view r) const {
    for (int k : kids[i]) {
      if (rel[k] == r) return k;
    }
    return -1;
  }
  // The direct object of verb i: its obj, else, when it has an open complement, its iobj (the
  // parser labels "urged Washington to match the measures" so now and then); -1 if none.
  int Object(int i) const {
    const int o = Child(i, "obj");
    return o >= 0 || Child(i, "xcomp") < 0 ? o : Child(i, "iobj");
  }
  bool HasChildLemma(int i, std::string_view r, std::initializer_list<std::string_view> set) const {
    for (int k : kids[i]) {
      if (base[k] == r && In(lemma[k], set)) return true;
    }
    return false;
  }
};

Tree BuildTree(const Sentence& s) {
  Tree t;
  t.s = &s;
  t.n = static_cast<int>(s.words.size());
  t.head.assign(t.n, -1);
  t.rel.resize(t.n);
  t.base.resize(t.n);
  t.lemma.resize(t.n);
  t.up.resize(t.n);
  t.uplemma.resize(t.n);
  t.kids.resize(t.n);
  t.prep.resize(t.n);
  for (int i = 0; i < t.n; ++i) {
    const Word& w = s.words[i];
    int h = w.head - 1;
    if (w.head > 0 && h < t.n && h != i) t.head[i] = h;
    std::string lem = w.lemma.empty() || w.lemma == "_" ? w.form : w.lemma;
    t.lemma[i] = util::AsciiLower(lem);
    t.up[i] = Upper(w.form);
    t.uplemma[i] = Upper(lem);
  }
  // Guard against cycles in untrusted parses: a word whose head chain does not reach the root
  // within n steps is detached.
  for (int i = 0; i < t.n; ++i) {
    int h = t.head[i], steps = 0;
    while (h >= 0 && steps <= t.n) {
      h = t.head[h];
      ++steps;
    }
    if (steps > t.n) t.head[i] = -1;
  }
  for (int i = 0; i < t.n; ++i) {
    if (t.head[i] >= 0) t.kids[t.head[i]].push_back(i);
  }
  for (int i = 0; i < t.n; ++i) {
    std::string r = util::AsciiLower(s.words[i].deprel);
    // UD 1 (as UDPipe 1/2.0 models of UD 1.x write it) -> UD 2.
    if (r == "dobj")
      r = "obj";
    else if (r == "nsubjpass")
      r = "nsubj:pass";
    else if (r == "csubjpass")
      r = "csubj:pass";
    else if (r == "auxpass")
      r = "aux:pass";
    else if (r == "neg")
      r = "advmod";
    else if (r == "name")
      r = "flat";
    else if (r == "mwe")
      r = "fixed";
    else if (r == "nmod:agent")
      r = "obl:agent";
    if (r.rfind("nmod", 0) == 0 && r != "nmod:poss" && t.head[i] >= 0 && t.IsVerbal(t.head[i])) {
      r = "obl" + r.substr(4);
    }
    t.rel[i] = r;
    t.base[i] = r.substr(0, r.find(':'));
  }
  for (int i = 0; i < t.n; ++i) {
    for (int k : t.kids[i]) {
      if (t.base[k] == "case" && t.prep[i].empty()) t.prep[i] = t.lemma[k];
    }
  }
  // Passive "by" obliques are agents (also of past-participle modifiers: "a pact signed by X").
  for (int i = 0; i < t.n; ++i) {
    if (t.rel[i] == "obl" && t.prep[i] == "by" && t.head[i] >= 0 &&
        (t.Child(t.head[i], "nsubj:pass") >= 0 || t.Child(t.head[i], "aux:pass") >= 0 ||
         t.PassiveParticiple(t.head[i]))) {
      t.rel[i] = "obl:agent";
    }
  }
  return t;
}

// Words that belong to word i's own clause: its subtree without embedded clauses.
// With `with_xcomp`, open complements are part of it (PETRARCH matches a verb's patterns over its
// whole verb phrase: "vowed to wage war" matches "VOW * WAR").
void ClauseWords(const Tree& t, int i, std::vector<int>& out, bool top = true,
                 bool with_xcomp = false) {
  out.push_back(i);
  for (int k : t.kids[i]) {
    // An infinitive without a subject parsed as advcl ("vowed to wage war") is an open
    // complement too.
    bool open_complement =
        t.base[k] == "xcomp" ||
        (t.base[k] == "advcl" && t.HasChildLemma(k, "mark", {"to"}) && t.Child(k, "nsubj") < 0);
    if (open_complement) {
      if (!with_xcomp) continue;
    } else if (In(t.base[k], {"ccomp", "parataxis", "advcl", "csubj", "acl"})) {
      continue;
    }
    if (t.base[k] == "conj" && t.IsVerbal(k)) continue;
    if (t.base[k] == "punct") continue;
    ClauseWords(t, k, out, false, with_xcomp);
  }
  if (top) std::sort(out.begin(), out.end());
}

// ---- Actors in a sentence ---------------------------------------------------------------------

struct SentenceActors {
  std::vector<ActorMatch> matches;
  // Agent match -> extra matches composing it with the countries of its nmod/possessor
  // ("ambassadors of Arnor, Osgiliath and Gondor" -> ARNGOV, OSGGOV, GONGOV).
  std::map<int, std::vector<int>> composed;
  std::vector<int> at;    // word -> match index, -1.
  std::vector<int> head;  // match -> its head word.
};

struct Found {
  std::vector<int> matches;  // Match indices, text order.
  int word = -1;             // The word the role was found at.
};

// ---- The engine -------------------------------------------------------------------------------

struct Candidate {
  std::string code;
  std::string pattern_id;
  std::vector<int> sources, targets;  // Explicit bindings (PETRARCH $ and +): match indices.
  bool source_bound = false, target_bound = false;
  bool compound = false;
  const PredicateRow* row = nullptr;
  int object_noun = -1;   // Light verb: the object noun consumed by this event.
  bool noun_row = false;  // The row is the object noun's own (a light verb with no row of its own).
  std::string why;
};

}  // namespace

struct EventCoder::Impl {
  Dictionary dict;
  ActorMatcher matcher;
  CameoOntology cameo;
  bool have_cameo = false;
  PredicateDictionary native;
  WordClasses classes;  // data/dict/word_classes.tsv and those of the dictionary directories.
  bool use_native = true;
  std::unordered_map<std::string, std::vector<VerbEntry>> petr_index;
  std::unordered_map<std::string, const Synset*> synsets;
  std::vector<std::string> problems;
  CoderOptions options;
  // The three-letter codes of the dictionary's countries (a code's country is its first three
  // letters when they are one of these).
  std::unordered_set<std::string> countries;

  explicit Impl(const Dictionary& d) : dict(d), matcher(d) {
    for (const Actor& actor : d.actors()) {
      if (actor.kind != ActorKind::kCountry) continue;
      for (const DatedCode& c : actor.codes) {
        if (c.code.size() >= 3) countries.insert(c.code.substr(0, 3));
      }
    }
  }
  // Whether every match of `f` (at least one) is a bare country: a country named, or a place
  // named that stands for one ("Hong Kong" HKG, "Tbilisi" GEO).
  bool AllPlaces(const SentenceActors& a, const Found& f) const {
    if (f.matches.empty()) return false;
    for (int m : f.matches) {
      const ActorMatch& x = a.matches[m];
      if (x.kind != ActorMatch::Kind::kActor || x.codes.empty()) return false;
      for (const std::string& c : x.codes) {
        if (c.size() != 3 || CountryOf(c) != c) return false;
      }
    }
    return true;
  }
  // Whether the sources `src` have a country and the places of `f` are all of other countries.
  bool ForeignPlace(const SentenceActors& a, const Found& src, const Found& f) const {
    std::unordered_set<std::string> own;
    for (int m : src.matches) {
      for (const std::string& c : a.matches[m].codes) {
        const std::string country = CountryOf(c);
        if (!country.empty()) own.insert(country);
      }
    }
    if (own.empty()) return false;
    for (int m : f.matches) {
      for (const std::string& c : a.matches[m].codes) {
        if (own.count(c)) return false;
      }
    }
    return true;
  }
  std::string CountryOf(const std::string& code) const {
    if (code.size() < 3) return "";
    std::string c = code.substr(0, 3);
    return countries.count(c) ? c : "";
  }

  // Actors found at word w: its match, else one in its noun phrase (compound, amod, nmod, poss,
  // flat), plus conjuncts and appositions.
  // `source`: looking for a source, where locative/temporal nmods do not lead to the actor.
  Found ActorsAt(const Tree& t, const SentenceActors& a, int w, bool source = false) const;
  void NounPhraseActor(const Tree& t, const SentenceActors& a, int w, int depth,
                       std::vector<int>& out, bool source = false) const;
  Found Subject(const Tree& t, const SentenceActors& a, int p, bool& passive, int depth = 0) const;
  Found Target(const Tree& t, const SentenceActors& a, int p, const TargetPath& path, bool passive,
               int object_noun) const;
  Found DefaultTarget(const Tree& t, const SentenceActors& a, int p, bool passive) const;
  // The actor named by a locative phrase ("in", "at", "near", "on") under the verb's object or
  // on the verb itself ("struck targets in Beirut", "attacked in Kharkiv").
  Found PlaceTarget(const Tree& t, const SentenceActors& a, int p, bool passive) const;
  // Whether the row's target path names a word of the sentence at all (an actor or not): "struck
  // targets" has an object, so the transitive row (190) fits it better than the intransitive one
  // (143, "workers struck against ...").
  bool PathPresent(const Tree& t, int p, const TargetPath& path, bool passive) const;
  std::vector<Candidate> NativeCandidates(const Tree& t, int p, bool passive,
                                          CodingTrace* trace) const;
  std::optional<Candidate> PetrarchCandidate(const Tree& t, const SentenceActors& a, int p,
                                             CodingTrace* trace) const;
  bool MatchSynsetAt(const Tree& t, const std::vector<int>& clause, size_t pos,
                     const std::string& name, bool forward, size_t& next, int depth) const;
  bool MatchWordAt(const Tree& t, int w, const std::string& text) const;
  int MatchPatternSide(const Tree& t, const SentenceActors& a, const std::vector<int>& clause,
                       size_t start, const std::vector<PatternElement>& elems, bool forward,
                       Candidate& c) const;
};

namespace {

bool IsRelPronoun(const Tree& t, int w) {
  return In(t.lemma[w], {"who", "which", "that", "whom"}) ||
         t.s->words[w].feats.find("PronType=Rel") != std::string::npos;
}

void AddMatch(std::vector<int>& out, int m) {
  if (m >= 0 && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
}

}  // namespace

void EventCoder::Impl::NounPhraseActor(const Tree& t, const SentenceActors& a, int w, int depth,
                                       std::vector<int>& out, bool source) const {
  if (a.at[w] >= 0) {
    int m = a.at[w];
    // "Bree Prime Minister Romendacil": a compound modifier with a more specific code of the
    // same actor country (BREGOV) wins over the head's bare code (BRE).
    if (depth == 0) {
      for (int k : t.kids[w]) {
        int c = a.at[k];
        if (c < 0 || c == m || !(t.base[k] == "compound" || t.base[k] == "flat")) continue;
        const auto& mc = a.matches[m].codes;
        const auto& cc = a.matches[c].codes;
        if (!mc.empty() && !cc.empty() && cc[0].size() > mc[0].size() &&
            cc[0].compare(0, mc[0].size(), mc[0]) == 0) {
          m = c;
          break;
        }
      }
    }
    // A title right before a name is the name's ("former President Jair Bolsonaro"), also when
    // the parser made the title's first word the head and hung the name from it.
    if (depth == 0 && a.matches[m].kind == ActorMatch::Kind::kAgent) {
      for (int k : t.kids[w]) {
        int c = a.at[k];
        if (c >= 0 && c != m && a.matches[c].kind == ActorMatch::Kind::kActor &&
            a.matches[c].first_word == a.matches[m].end_word) {
          m = c;
          break;
        }
      }
    }
    // A bare agent with its country in an nmod/possessor ("soldiers from Gondor"): the composed
    // matches built for it in CodeSentence (also inside a phrase: "ties with activists of X").
    if (a.matches[m].kind == ActorMatch::Kind::kAgent) {
      auto it = a.composed.find(m);
      if (it != a.composed.end()) {
        for (int x : it->second) AddMatch(out, x);
        return;
      }
    }
    AddMatch(out, m);
    return;
  }
  if (depth >= 2) return;
  // A relative is not the one whose relative it is: "Bolsonaro's son Eduardo" is not Bolsonaro.
  const bool kin = t.Is(t.lemma[w], WordClass::kKin);
  for (int k : t.kids[w]) {
    if (kin && (t.rel[k] == "nmod:poss" || (t.base[k] == "nmod" && t.prep[k] == "of"))) continue;
    // Not through locative/temporal nmods: "the conflict in Ukraine" is not Ukraine acting.
    if (source && t.base[k] == "nmod" && t.rel[k] != "nmod:poss" &&
        !In(t.prep[k], {"", "of", "from", "between", "among"})) {
      continue;
    }
    if (In(t.base[k], {"compound", "amod", "nmod", "flat", "nmod:poss"}) ||
        t.rel[k] == "nmod:poss") {
      size_t before = out.size();
      NounPhraseActor(t, a, k, depth + 1, out, source);
      if (out.size() > before) return;
    }
  }
}

Found EventCoder::Impl::ActorsAt(const Tree& t, const SentenceActors& a, int w, bool source) const {
  Found f;
  f.word = w;
  if (w < 0) return f;
  NounPhraseActor(t, a, w, 0, f.matches, source);
  // Else its first apposition that gives one ("Bolsonaro's son Eduardo, a lawmaker").
  for (int k : t.kids[w]) {
    if (!f.matches.empty()) break;
    if (t.base[k] == "appos") NounPhraseActor(t, a, k, 0, f.matches, source);
  }
  // Conjuncts: "China and Russia", "China, Russia and Iran" (of the role word, and of the word
  // inside its phrase where the actor was found: "ties between Gondor and Osgiliath").
  std::vector<int> stack(t.kids[w].rbegin(), t.kids[w].rend());
  for (size_t i = 0; i < f.matches.size(); ++i) {
    int hw = a.head[f.matches[i]];
    if (hw != w) stack.insert(stack.end(), t.kids[hw].rbegin(), t.kids[hw].rend());
  }
  // An apposition naming another actor is a list member ("Mordor, the Shire, Arnor and Bree"
  // parsed as Mordor <-appos- Shire <-conj- Arnor): a proper-noun actor none of whose codes
  // extends or is extended by a code already found (so "Putin, Russia's president" stays one).
  auto related = [&](int x, int y) {
    for (const std::string& cx : a.matches[x].codes) {
      for (const std::string& cy : a.matches[y].codes) {
        if (cx.compare(0, std::min(cx.size(), cy.size()), cy, 0, std::min(cx.size(), cy.size())) ==
            0) {
          return true;
        }
      }
    }
    return false;
  };
  while (!stack.empty()) {
    int k = stack.back();
    stack.pop_back();
    if (t.base[k] == "appos" && !f.matches.empty() && t.s->words[k].upos == "PROPN") {
      std::vector<int> ms;
      NounPhraseActor(t, a, k, 0, ms);
      bool other = !ms.empty();
      for (int m : ms) {
        other = other && a.matches[m].kind == ActorMatch::Kind::kActor;
        for (int x : f.matches) other = other && !related(m, x);
      }
      if (other) {
        for (int m : ms) AddMatch(f.matches, m);
        for (auto it = t.kids[k].rbegin(); it != t.kids[k].rend(); ++it) stack.push_back(*it);
      }
      continue;
    }
    if (t.base[k] != "conj" || t.IsVerbal(k)) continue;
    NounPhraseActor(t, a, k, 0, f.matches);
    for (auto it = t.kids[k].rbegin(); it != t.kids[k].rend(); ++it) stack.push_back(*it);
  }
  // A coordination the parser folded into the head's compounds: "Russia's Gazprom and China
  // National Petroleum Corporation signed" parsed with "Gazprom" a compound of "Corporation" and
  // "China" a conj of "Gazprom". A compound that is an actor of its own and whose conjunct lies
  // in an actor already found is a member of the list.
  for (int k : t.kids[w]) {
    if (t.base[k] != "compound" || a.at[k] < 0 ||
        a.matches[a.at[k]].kind != ActorMatch::Kind::kActor ||
        std::find(f.matches.begin(), f.matches.end(), a.at[k]) != f.matches.end()) {
      continue;
    }
    bool joined = false;
    for (int c : t.kids[k]) {
      if (t.base[c] != "conj") continue;
      for (int m : f.matches) {
        joined = joined || (a.matches[m].first_word <= c && c < a.matches[m].end_word);
      }
    }
    if (joined) AddMatch(f.matches, a.at[k]);
  }
  // Matches spanning a coordination are one match already; keep text order.
  std::sort(f.matches.begin(), f.matches.end(),
            [&](int x, int y) { return a.matches[x].first_word < a.matches[y].first_word; });
  return f;
}

namespace {

// A verb whose subject does not carry out the event its object noun names: "ended the war",
// "fuelling the war", "monitoring the exercises", "rehearsing an invasion", "feared an attack",
// and the responses to someone else's act: "rejected the criticism", "condemned the attack",
// "welcomed the talks". Such a verb is not a light verb for its object noun (the noun is coded on
// its own, with its own possessor or modifier as source), and the noun does not take the verb's
// subject as its source.

}  // namespace

Found EventCoder::Impl::Subject(const Tree& t, const SentenceActors& a, int p, bool& passive,
                                int depth) const {
  Found none;
  if (p < 0 || depth > 6) return none;
  int subj = -1;
  std::vector<int> subjects;  // A parse may split a coordinated subject into several nsubj.
  for (int k : t.kids[p]) {
    if (t.rel[k] == "nsubj" || t.rel[k] == "csubj") {
      subj = k;
      if (!IsRelPronoun(t, k)) subjects.push_back(k);
    }
    if (t.rel[k] == "nsubj:pass" || t.rel[k] == "aux:pass") passive = true;
  }
  if (t.PassiveParticiple(p) || t.PatientPhrase(p) || t.ElidedPassive(p)) passive = true;
  if (passive) {
    int agent = t.Child(p, "obl:agent");
    return ActorsAt(t, a, agent);
  }
  if (subjects.size() > 1) {
    Found all;
    for (int k : subjects) {
      Found f = ActorsAt(t, a, k, true);
      if (all.word < 0 && !f.matches.empty()) all.word = f.word;
      all.matches.insert(all.matches.end(), f.matches.begin(), f.matches.end());
    }
    std::sort(all.matches.begin(), all.matches.end(),
              [&](int x, int y) { return a.matches[x].first_word < a.matches[y].first_word; });
    all.matches.erase(std::unique(all.matches.begin(), all.matches.end()), all.matches.end());
    if (!all.matches.empty()) return all;
  }
  // A personal pronoun subject of a complement clause refers to the subject of the clause
  // above: "Ethiopia indicated it would act ..." (Ethiopia acts).
  // "he"/"she" only for a person: a named person, an agent ("the minister said he ..."), or an
  // actor composed with one ("Russia's president"); not "Beijing demanded that she ...".
  if (subj >= 0 && t.rel[p] == "ccomp" && t.head[p] >= 0 && t.PersonalPronoun(subj)) {
    bool dummy = false;
    Found f = Subject(t, a, t.head[p], dummy, depth + 1);
    if (In(t.lemma[subj], {"he", "she"})) {
      auto person = [&](int m) {
        const ActorMatch& x = a.matches[m];
        return NamesPerson(dict, x) || !x.agents.empty();
      };
      f.matches.erase(
          std::remove_if(f.matches.begin(), f.matches.end(), [&](int m) { return !person(m); }),
          f.matches.end());
    }
    if (!f.matches.empty()) return f;
  }
  if (subj >= 0 && !IsRelPronoun(t, subj)) return ActorsAt(t, a, subj, true);
  // A relative pronoun subject of a clause not parsed as a relative clause: its antecedent
  // ("Kim Jong Un, who sent ..." with "sent" a parataxis of the verb before).
  if (subj >= 0 && t.rel[p].rfind("acl", 0) != 0) {
    if (int ant = t.Antecedent(subj); ant >= 0) return ActorsAt(t, a, ant, true);
  }
  bool noun = t.s->words[p].upos == "NOUN" || t.s->words[p].upos == "PROPN";
  if (noun) {
    // Event noun: its possessor or modifier ("Xi's talks", "Chinese sanctions"); not the
    // possessor of a noun whose possessor undergoes it ("Duterte's arrest", "his release"),
    // unless an of-phrase names who does ("the rebels' capture of the soldiers").
    bool patient = t.Is(t.lemma[p], WordClass::kPatient);
    for (int k : t.kids[p]) patient = patient && !(t.base[k] == "nmod" && t.prep[k] == "of");
    for (int k : t.kids[p]) {
      if (patient && t.rel[k] == "nmod:poss") continue;
      if (t.rel[k] == "nmod:poss" || t.base[k] == "compound" || t.base[k] == "amod") {
        Found f = ActorsAt(t, a, k);
        if (!f.matches.empty()) return f;
      }
    }
  }
  int h = t.head[p];
  if (h < 0) return none;
  const std::string& r = t.rel[p];
  if (subj >= 0 || r == "acl:relcl" || r == "acl") {
    // A present-tense relative clause with no subject at all ("analysts, arrives"): English has
    // no such clause (a subject relative has its "who"/"that"), so this is a misparse and the
    // noun is not the subject.
    const std::string& tag = t.s->words[p].xpos;
    if (r == "acl:relcl" && subj < 0 && (tag == "VBZ" || tag == "VBP")) return none;
    // A participle of judging or naming after a noun is passive whatever its tag: "Russian oil
    // purchases considered as helping to finance ..." (the purchases are considered; nobody
    // named does the considering, helping or financing).
    if (r == "acl" && t.Child(p, "obj") < 0 &&
        In(t.lemma[p], {"consider", "regard", "see", "describe", "deem", "view", "label",
                        "nickname", "dub", "term", "brand"})) {
      return none;
    }
    // Relative clause or participle: the noun it modifies.
    if (r.rfind("acl", 0) == 0) return ActorsAt(t, a, h);
    return none;
  }
  bool dummy = false;
  if (r == "xcomp") {
    // Raising passive: "X was seen to break into ...", "X is said to plan ..." (X acts).
    if (int pat = t.Child(h, "nsubj:pass"); pat >= 0 && !IsRelPronoun(t, pat)) {
      Found f = ActorsAt(t, a, pat, true);
      if (!f.matches.empty()) return f;
    }
    // Object control ("urged China to ...") else subject control.
    if (In(t.lemma[h], {"urge", "ask", "persuade", "force", "order", "tell", "invite", "allow",
                        "encourage", "call", "press", "pressure", "help"})) {
      if (int o = t.Object(h); o >= 0) return ActorsAt(t, a, o);
    }
    return Subject(t, a, h, dummy, depth + 1);
  }
  // "accused X of pushing ...", "blamed X for breaking ...": X is the one said to act.
  if (r == "advcl" && t.Child(h, "obj") >= 0 &&
      In(t.lemma[h], {"accuse", "blame", "suspect", "charge", "condemn", "criticize", "praise",
                      "thank", "punish", "sanction", "convict", "fault"})) {
    bool marked = false;
    for (int k : t.kids[p]) {
      marked = marked || (t.base[k] == "mark" && In(t.lemma[k], {"of", "for"}));
    }
    if (marked) return ActorsAt(t, a, t.Child(h, "obj"));
  }
  if ((r == "conj" && t.IsVerbal(h)) || r == "advcl") return Subject(t, a, h, dummy, depth + 1);
  if (noun) {
    // Object of a (light) verb: that verb's subject; not of a bystander verb ("ended the war").
    if ((t.rel[p] == "obj" || t.rel[p] == "nsubj:pass") &&
        !t.Is(t.lemma[h], WordClass::kBystander)) {
      return Subject(t, a, h, dummy, depth + 1);
    }
  }
  return none;
}

namespace {

// A time expression's head noun: day and month names, "week", "year", ... ("on Monday", "last
// week", "in September").
bool TemporalNoun(const Tree& t, int i) {
  static const std::unordered_set<std::string_view> kTime = {
      "monday",    "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january",   "february",  "march",     "april",    "may",      "june",     "july",
      "august",    "september", "october",   "november", "december", "jan",      "feb",
      "mar",       "apr",       "jun",       "jul",      "aug",      "sep",      "sept",
      "oct",       "nov",       "dec",       "day",      "week",     "weekend",  "month",
      "year",      "morning",   "afternoon", "evening",  "night",    "today",    "tonight",
      "yesterday", "tomorrow",  "date"};
  const std::string& u = t.s->words[i].upos;
  if (u != "NOUN" && u != "PROPN") return false;
  return kTime.count(t.lemma[i]) > 0;
}

// A prepositional phrase hanging off a time expression that itself modifies the place counts as
// on the place: "held talks on Monday with Modi" (with -> Monday -> held) is talks with Modi.
void AddTemporalPlaces(const Tree& t, std::vector<int>& places) {
  size_t n = places.size();
  for (size_t i = 0; i < n; ++i) {
    for (int k : t.kids[places[i]]) {
      if ((t.base[k] == "obl" || t.base[k] == "nmod") && t.rel[k] != "nmod:poss" &&
          t.rel[k] != "obl:agent" && TemporalNoun(t, k)) {
        places.push_back(k);
      }
    }
  }
}

}  // namespace

Found EventCoder::Impl::Target(const Tree& t, const SentenceActors& a, int p,
                               const TargetPath& path, bool passive, int object_noun) const {
  int where = p;
  if (path.via_object) {
    where = t.Child(p, "obj");
    if (where < 0) return {};
  }
  if (path.rel == "obj") {
    return ActorsAt(t, a, t.Referent(passive ? t.Patient(p) : t.Object(p)));
  }
  if (path.rel == "iobj") return ActorsAt(t, a, t.Child(p, "iobj"));
  // obl:PREP / nmod:PREP on the predicate, and nmod:PREP on a light verb's object noun.
  std::vector<int> places = {where};
  if (path.rel == "nmod" && object_noun >= 0 && !path.via_object) places.push_back(object_noun);
  AddTemporalPlaces(t, places);
  for (int place : places) {
    for (int k : t.kids[place]) {
      // "nmod:poss" names the possessor ("rejected Iran's proposal": obj.nmod:poss), and so does
      // an actor adjective or compound ("rejected the Iranian proposal", "the U.S. plan").
      if (path.prep == "poss") {
        if (t.rel[k] != "nmod:poss" && t.base[k] != "amod" && t.base[k] != "compound") continue;
        Found f = ActorsAt(t, a, k);
        if (!f.matches.empty()) return f;
        continue;
      }
      if ((t.base[k] == "obl" || t.base[k] == "nmod") && t.rel[k] != "obl:agent" &&
          t.rel[k] != "nmod:poss" && t.prep[k] == path.prep) {
        Found f = ActorsAt(t, a, k);
        if (!f.matches.empty()) return f;
      }
    }
  }
  // An oblique of the verb that the parser hung on its object instead: "recalled its ambassador
  // from Phnom Penh" (from -> ambassador). Attaching a prepositional phrase is the parser's most
  // frequent choice between two heads; the row's meaning is the same either way.
  // Also one phrase further down, through an "in" or "as" phrase of the object: "pledged 40
  // billion euros in military aid to Ukraine" (to -> aid -> euros).
  if (path.rel == "obl" && !path.via_object && !passive) {
    if (int o = t.Child(p, "obj"); o >= 0) {
      for (int k : t.kids[o]) {
        if (t.base[k] == "nmod" && t.rel[k] != "nmod:poss" && t.prep[k] == path.prep) {
          Found f = ActorsAt(t, a, k);
          if (!f.matches.empty()) return f;
        }
      }
      for (int k : t.kids[o]) {
        // Only through what the object is given as ("in aid", "as a loan"), not whose or what
        // for ("accountability for the deaths of 15 people").
        if (t.base[k] != "nmod" || !In(t.prep[k], {"in", "as"})) continue;
        for (int j : t.kids[k]) {
          if (t.base[j] == "nmod" && t.rel[j] != "nmod:poss" && t.prep[j] == path.prep) {
            Found f = ActorsAt(t, a, j);
            if (!f.matches.empty()) return f;
          }
        }
      }
    }
  }
  return {};
}

Found EventCoder::Impl::PlaceTarget(const Tree& t, const SentenceActors& a, int p,
                                    bool passive) const {
  std::vector<int> heads;
  if (int o = passive ? t.Patient(p) : t.Child(p, "obj"); o >= 0) heads.push_back(o);
  heads.push_back(p);
  for (int h : heads) {
    for (int k : t.kids[h]) {
      if ((t.base[k] == "obl" || t.base[k] == "nmod") && t.rel[k] != "nmod:poss" &&
          In(t.prep[k], {"in", "at", "near", "on", "inside", "outside"}) && !TemporalNoun(t, k)) {
        Found f = ActorsAt(t, a, k);
        if (!f.matches.empty()) return f;
      }
    }
  }
  return {};
}

bool EventCoder::Impl::PathPresent(const Tree& t, int p, const TargetPath& path,
                                   bool passive) const {
  int where = p;
  if (path.via_object) {
    where = t.Child(p, "obj");
    if (where < 0) return false;
  }
  if (path.rel == "obj") return (passive ? t.Patient(p) : t.Child(p, "obj")) >= 0;
  if (path.rel == "iobj") return t.Child(p, "iobj") >= 0;
  for (int k : t.kids[where]) {
    if (path.prep == "poss") {
      if (t.rel[k] == "nmod:poss") return true;
      continue;
    }
    if ((t.base[k] == "obl" || t.base[k] == "nmod") && t.rel[k] != "obl:agent" &&
        t.rel[k] != "nmod:poss" && t.prep[k] == path.prep) {
      return true;
    }
  }
  return false;
}

Found EventCoder::Impl::DefaultTarget(const Tree& t, const SentenceActors& a, int p,
                                      bool passive) const {
  // "Modi, who was targeted by ...": Modi.
  int o = t.Referent(passive ? t.Patient(p) : t.Child(p, "obj"));
  if (o >= 0) {
    Found f = ActorsAt(t, a, o);
    if (!f.matches.empty()) return f;
  }
  Found f = ActorsAt(t, a, t.Child(p, "iobj"));
  if (!f.matches.empty()) return f;
  std::vector<int> places = {p};
  AddTemporalPlaces(t, places);
  for (int place : places) {
    for (int k : t.kids[place]) {
      bool ok = place == p ? t.base[k] == "obl" : (t.base[k] == "obl" || t.base[k] == "nmod");
      if (ok && t.rel[k] != "obl:agent" && t.rel[k] != "obl:tmod" && t.rel[k] != "nmod:tmod" &&
          t.rel[k] != "nmod:poss" && !TemporalNoun(t, k)) {
        f = ActorsAt(t, a, k);
        if (!f.matches.empty()) return f;
      }
    }
  }
  if (o >= 0) {
    for (int k : t.kids[o]) {
      if (t.base[k] == "nmod" && t.rel[k] != "nmod:poss") {
        f = ActorsAt(t, a, k);
        if (!f.matches.empty()) return f;
      }
    }
  }
  return {};
}

std::vector<Candidate> EventCoder::Impl::NativeCandidates(const Tree& t, int p, bool passive,
                                                          CodingTrace* trace) const {
  std::vector<Candidate> out;
  const std::string& upos = t.s->words[p].upos;
  bool noun = upos == "NOUN" || upos == "PROPN";
  const std::vector<int>* rows = native.Find(noun, t.lemma[p]);
  if (!rows) return out;
  std::string particle;
  for (int k : t.kids[p]) {
    if (t.rel[k] == "compound:prt") particle = t.lemma[k];
  }
  // The parser often makes the particle right after the verb an adverb ("would not back down");
  // such an adverb is a particle for the rows that ask for it, and no bar to those that do not
  // ("struck back" is still "strike").
  bool adverb_particle = false;
  if (particle.empty() && p + 1 < t.n && t.head[p + 1] == p && t.base[p + 1] == "advmod" &&
      In(t.lemma[p + 1], {"down", "off", "up", "out", "back", "over", "away", "in"})) {
    particle = t.lemma[p + 1];
    adverb_particle = true;
  }
  int obj = passive ? t.Patient(p) : t.Child(p, "obj");
  // A row's object list may name the lemma or an inflected form ("troops", "talks").
  std::string obj_form;
  if (obj >= 0) {
    obj_form = t.s->words[obj].form;
    for (char& ch : obj_form) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  // A sum of money as the object ("pledged $1 billion", "£120 million") is read as its amount
  // word ("billion"), or as "money" when the amount is a number ("$500").
  std::string obj_amount;
  if (obj >= 0 && CurrencySign(t.lemma[obj])) {
    obj_amount = "money";
    for (int k : t.kids[obj]) {
      if (t.rel[k] == "nummod" && t.s->words[k].upos == "NUM" && !t.lemma[k].empty() &&
          !std::isdigit(static_cast<unsigned char>(t.lemma[k][0]))) {
        obj_amount = util::AsciiLower(t.lemma[k]);
      }
    }
  }
  auto object_listed = [&](const PredicateRow& r) {
    auto listed = [&](const std::string& w) {
      return !w.empty() && std::find(r.objects.begin(), r.objects.end(), w) != r.objects.end();
    };
    return obj >= 0 && (listed(t.lemma[obj]) || listed(obj_form) || listed(obj_amount));
  };
  // A military retreat (087x) is from a territory or a front, not from a gathering, a building,
  // a contest or an accord: "the leaders withdrew from the residence", "withdrew from the talks",
  // "withdrew from the race" (word class venue).
  int venue = -1;
  for (int k : t.kids[p]) {
    if (t.base[k] == "obl" && t.prep[k] == "from" && t.Is(t.lemma[k], WordClass::kVenue)) venue = k;
  }
  for (int ri : *rows) {
    const PredicateRow& r = native.rows()[ri];
    std::string reject;
    if (r.particle != particle && !r.particle.empty()) {
      reject = "particle '" + r.particle + "' absent";
    } else if (r.particle.empty() && !particle.empty() && !adverb_particle) {
      reject = "text has particle '" + particle + "'";
    } else if (r.stance && !t.HasChildLemma(p, "aux", {"will", "would", "shall", "could", "'ll"})) {
      reject = "a stance row needs will, would, shall or could";
    } else if (!r.objects.empty() && !object_listed(r)) {
      reject = "object is not " + std::string(obj < 0 ? "present" : "'" + t.lemma[obj] + "'");
    } else if (r.passive_only && !passive) {
      reject = "row is passive-only";
    } else if (r.active_only && passive) {
      reject = "row is active-only";
    } else if (r.transitive && obj < 0) {
      reject = "row needs a direct object";
    } else if (r.intransitive && obj >= 0) {
      reject = "row takes no direct object";
    } else if (venue >= 0 && r.cameo.rfind("087", 0) == 0 && r.objects.empty()) {
      reject = "a retreat from a venue ('" + t.lemma[venue] + "')";
    }
    if (!reject.empty()) {
      if (trace) trace->lines.push_back("    row " + r.id + " [" + r.cameo + "]: no, " + reject);
      continue;
    }
    Candidate c;
    c.code = r.cameo;
    c.pattern_id = r.id;
    c.row = &r;
    if (!r.objects.empty()) c.object_noun = obj;
    out.push_back(std::move(c));
  }
  return out;
}

bool EventCoder::Impl::MatchWordAt(const Tree& t, int w, const std::string& text) const {
  return t.up[w] == text || t.uplemma[w] == text;
}

bool EventCoder::Impl::MatchSynsetAt(const Tree& t, const std::vector<int>& clause, size_t pos,
                                     const std::string& name, bool forward, size_t& next,
                                     int depth) const {
  auto it = synsets.find(name);
  if (it == synsets.end() || depth > 4) return false;
  for (const std::string& m : it->second->members) {
    if (!m.empty() && m[0] == '&') {
      if (MatchSynsetAt(t, clause, pos, m.substr(1), forward, next, depth + 1)) return true;
      continue;
    }
    std::vector<std::string> words;
    for (std::string_view piece : util::Split(m, ' ')) {
      if (!piece.empty()) words.push_back(Upper(piece));
    }
    if (words.empty()) continue;
    bool ok = true;
    for (size_t j = 0; ok && j < words.size(); ++j) {
      size_t at = forward ? pos + j : pos - (words.size() - 1 - j);
      if (at >= clause.size() || (!forward && pos + 1 < words.size())) {
        ok = false;
        break;
      }
      int w = clause[at];
      ok = MatchWordAt(t, w, words[j]) || (!it->second->no_plural && t.up[w] == words[j] + "S");
    }
    if (ok) {
      next = forward ? pos + words.size() : pos - words.size();
      return true;
    }
  }
  return false;
}

// Matches `elems` (one side of the verb, in text order) against the clause starting next to the
// verb. Returns the number of matched literal elements, or -1 when the side does not match.
int EventCoder::Impl::MatchPatternSide(const Tree& t, const SentenceActors& a,
                                       const std::vector<int>& clause, size_t start,
                                       const std::vector<PatternElement>& elems, bool forward,
                                       Candidate& c) const {
  using K = PatternElement::Kind;
  // In a noun phrase "{NEW &TIETYPES RELATIONS}" the modifier nearest the head must be next to it
  // ("new global economic relations" matches, "economic trade relations" does not) or have only
  // its own dependents between ("death and injury toll" matches "{DEATH TOLL}"); other modifiers
  // may have words between them.
  std::vector<char> near_head(elems.size(), 0);
  int group_start = -1;
  for (size_t i = 0; i < elems.size(); ++i) {
    if (elems[i].kind == K::kOpenNoun) group_start = static_cast<int>(i);
    if (elems[i].kind != K::kCloseNoun || group_start < 0) continue;
    int head = -1, before_head = -1;
    for (size_t j = group_start + 1; j < i; ++j) {
      if (elems[j].kind == K::kOpenPrep || elems[j].kind == K::kClosePrep) continue;
      before_head = head;
      head = static_cast<int>(j);
    }
    if (before_head >= 0) near_head[before_head] = 1;
    group_start = -1;
  }
  auto near = [&](const PatternElement* e) {
    return near_head[static_cast<size_t>(e - elems.data())] != 0;
  };
  auto descends = [&](int w, int ancestor) {
    for (int steps = 0; w >= 0 && steps <= t.n; ++steps, w = t.head[w]) {
      if (w == ancestor) return true;
    }
    return false;
  };
  std::vector<const PatternElement*> order;
  for (const PatternElement& e : elems) order.push_back(&e);
  if (!forward) std::reverse(order.begin(), order.end());
  // `pos` is the next clause position to look at, moving away from the verb. SIZE_MAX = off the
  // left edge.
  size_t pos = start;
  int score = 0;
  bool must_be_adjacent = false, near_modifier = false;
  for (size_t ei = 0; ei < order.size(); ++ei) {
    const PatternElement& e = *order[ei];
    // In the file, `joined` links an element to the next one (text order).
    const PatternElement* link = forward ? &e : (ei + 1 < order.size() ? order[ei + 1] : nullptr);
    bool adjacent_to_next_in_walk = link && link->joined;
    bool near_next_in_walk = link && near(link);
    if (e.kind == K::kOpenPrep || e.kind == K::kClosePrep || e.kind == K::kOpenNoun ||
        e.kind == K::kCloseNoun) {
      continue;
    }
    bool matched = false;
    size_t limit = must_be_adjacent ? 1 : clause.size();
    const size_t begin = pos;
    for (size_t step = 0; step < limit && pos < clause.size(); ++step) {
      size_t here = pos;
      int w = clause[here];
      size_t next = 0;
      if (e.kind == K::kWord) {
        matched = MatchWordAt(t, w, e.text);
        next = forward ? here + 1 : here - 1;
      } else if (e.kind == K::kSynset) {
        matched = MatchSynsetAt(t, clause, here, e.text, forward, next, 0);
      } else if (e.kind == K::kSource || e.kind == K::kTarget || e.kind == K::kCompound) {
        int m = a.at[w];
        if (m >= 0) {
          matched = true;
          Found f = ActorsAt(t, a, a.head[m]);
          if (f.matches.empty()) f.matches.push_back(m);
          if (e.kind == K::kSource) {
            c.sources = f.matches;
            c.source_bound = true;
          } else if (e.kind == K::kTarget) {
            c.targets = f.matches;
            c.target_bound = true;
          } else {
            c.compound = true;
          }
          // Skip the rest of the match.
          int mend = forward ? a.matches[m].end_word : a.matches[m].first_word - 1;
          next = here;
          while (next < clause.size() && (forward ? clause[next] < mend : clause[next] > mend)) {
            next = forward ? next + 1 : next - 1;
          }
        }
      } else {
        matched = true;  // kVerb cannot appear here.
        next = here;
      }
      if (matched && near_modifier && here != begin) {
        // Only the modifier's own dependents may stand between it and the head.
        if (forward && begin == 0) return -1;
        int modifier = forward ? clause[begin - 1] : clause[here];
        for (size_t q = begin; q != here; q = forward ? q + 1 : q - 1) {
          if (!descends(clause[q], modifier)) return -1;
        }
      }
      if (matched) {
        pos = next;
        if (e.kind == K::kWord || e.kind == K::kSynset) ++score;
        break;
      }
      pos = forward ? pos + 1 : pos - 1;
    }
    if (!matched) return -1;
    must_be_adjacent = adjacent_to_next_in_walk;
    near_modifier = near_next_in_walk;
  }
  return score;
}

std::optional<Candidate> EventCoder::Impl::PetrarchCandidate(const Tree& t, const SentenceActors& a,
                                                             int p, CodingTrace* trace) const {
  std::vector<int> clause;
  ClauseWords(t, p, clause, true, true);
  size_t vpos = std::find(clause.begin(), clause.end(), p) - clause.begin();
  const VerbDictionary& vd = dict.verbs();
  const VerbEntry* best_entry = nullptr;
  size_t best_len = 0;
  size_t verb_end = vpos + 1;
  // The lemma, the form, then regular inflections stripped from the form ("WELCOMED" ->
  // "WELCOME", "VOWED" -> "VOW", "PLANNED" -> "PLAN", "CARRIES" -> "CARRY").
  std::vector<std::string> keys = {t.uplemma[p], t.up[p]};
  const std::string& f = t.up[p];
  auto strip = [&](std::string_view suffix, std::string_view add) {
    if (f.size() > suffix.size() + 2 &&
        f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
      std::string stem = f.substr(0, f.size() - suffix.size());
      keys.push_back(stem + std::string(add));
      if (add.empty() && stem.size() > 3 && stem.back() == stem[stem.size() - 2]) {
        keys.push_back(stem.substr(0, stem.size() - 1));
      }
    }
  };
  strip("IED", "Y");
  strip("IES", "Y");
  strip("ED", "");
  strip("D", "");
  strip("ING", "");
  strip("ING", "E");
  strip("ES", "");
  strip("S", "");
  for (const std::string* key : [&] {
         std::vector<const std::string*> v;
         for (const std::string& k : keys) v.push_back(&k);
         return v;
       }()) {
    auto it = petr_index.find(*key);
    if (it == petr_index.end()) continue;
    for (const VerbEntry& e : it->second) {
      // Multiword verbs: the extra words must be adjacent in the sentence.
      bool ok = true;
      for (size_t j = 0; ok && j < e.after.size(); ++j) {
        int w = p + 1 + static_cast<int>(j);
        ok = w < t.n && MatchWordAt(t, w, e.after[j]);
      }
      for (size_t j = 0; ok && j < e.before.size(); ++j) {
        int w = p - static_cast<int>(e.before.size()) + static_cast<int>(j);
        ok = w >= 0 && MatchWordAt(t, w, e.before[j]);
      }
      size_t len = e.before.size() + e.after.size() + 1;
      if (ok && len > best_len) {
        best_entry = &e;
        best_len = len;
      }
    }
    if (best_entry) break;
  }
  if (!best_entry) return std::nullopt;
  // Skip the multiword verb's following words.
  if (!best_entry->after.empty()) {
    int last = p + static_cast<int>(best_entry->after.size());
    while (verb_end < clause.size() && clause[verb_end] <= last) ++verb_end;
  }
  const VerbClass& cls = vd.classes[best_entry->cls];
  if (trace) {
    trace->lines.push_back("  verb class " + cls.name + " [" + cls.code + "] (" +
                           dict.Where(cls.where) + ")");
  }
  std::optional<Candidate> best;
  int best_score = -1;
  for (const VerbPattern& pat : cls.patterns) {
    auto verb_it = std::find_if(pat.elements.begin(), pat.elements.end(), [](const auto& e) {
      return e.kind == PatternElement::Kind::kVerb;
    });
    std::vector<PatternElement> before(pat.elements.begin(), verb_it);
    std::vector<PatternElement> after;
    if (verb_it != pat.elements.end()) after.assign(verb_it + 1, pat.elements.end());
    Candidate c;
    int s1 = MatchPatternSide(t, a, clause, verb_end, after, true, c);
    int s2 = s1 < 0 ? -1
                    : (vpos == 0 && !before.empty()
                           ? -1
                           : MatchPatternSide(t, a, clause, vpos == 0 ? SIZE_MAX : vpos - 1, before,
                                              false, c));
    if (s1 < 0 || s2 < 0) continue;
    int score =
        (s1 + s2) * 4 + (c.source_bound ? 1 : 0) + (c.target_bound ? 1 : 0) + (c.compound ? 1 : 0);
    if (trace) {
      trace->lines.push_back("    pattern " + dict.Where(pat.where) + " [" + pat.code +
                             "] matches (score " + std::to_string(score) + ")");
    }
    if (score > best_score) {
      best_score = score;
      c.code = pat.code;
      c.pattern_id = dict.Where(pat.where);
      best = std::move(c);
    }
  }
  if (!best) {
    Candidate c;
    c.code = best_entry->code.empty() ? cls.code : best_entry->code;
    c.pattern_id = dict.Where(cls.verbs[best_entry->form].where);
    best = std::move(c);
  }
  return best;
}

// ---- Modality ---------------------------------------------------------------------------------

namespace {

struct Modality {
  bool negated = false, hypothetical = false, future = false;
  int speaker_verb = -1;  // The reporting verb, when reported.
  std::vector<std::string> why;
};

bool IsNegator(const Tree& t, int k) {
  return (t.base[k] == "advmod" && In(t.lemma[k], {"not", "n't", "never"})) ||
         (t.base[k] == "det" && t.lemma[k] == "no") || t.rel[k] == "neg";
}

// What a clause's own auxiliaries (and negation) say: the event's modality, or the wording of a
// stance stated now ("Moscow would respond": the auxiliary is not the event's modality) or of a
// refusal ("would not accept": neither the auxiliary nor the negation is).
enum class AuxiliaryUse { kModality, kStance, kRefusal };

void LocalModality(const Tree& t, int p, Modality& m, AuxiliaryUse use = AuxiliaryUse::kModality) {
  for (int k : t.kids[p]) {
    if (use != AuxiliaryUse::kModality && t.base[k] == "aux") continue;
    if (use == AuxiliaryUse::kRefusal && IsNegator(t, k)) continue;
    if (IsNegator(t, k)) {
      m.negated = true;
      m.why.push_back("negated by '" + t.s->words[k].form + "'");
    }
    if (t.base[k] == "aux") {
      if (In(t.lemma[k], {"will", "shall", "'ll"})) {
        m.future = true;
        m.why.push_back("future: '" + t.s->words[k].form + "'");
      } else if (In(t.lemma[k], {"could", "may", "might", "would", "should", "can"}) &&
                 t.lemma[k] != "can") {
        m.hypothetical = true;
        m.why.push_back("hypothetical: modal '" + t.s->words[k].form + "'");
      }
    }
    if (t.base[k] == "mark" && t.lemma[k] == "if") {
      m.hypothetical = true;
      m.why.push_back("hypothetical: if-clause");
    }
  }
  // The consequent of a condition, in the future or a modal: "If they rearm near the border, we
  // will attack". A past consequent is what happened ("if attacked, Iran threatened to ...").
  if (m.future || m.hypothetical) {
    for (int k : t.kids[p]) {
      if (t.base[k] == "advcl" && t.HasChildLemma(k, "mark", {"if", "unless"})) {
        m.hypothetical = true;
        m.why.push_back("hypothetical: under the condition '" + t.s->words[k].form + "'");
      }
    }
  }
}

// An event noun that a verb calls off: "cancelled a planned visit", "postponed the talks", "the
// summit was called off". The event did not take place (as of the sentence).
bool CalledOff(const Tree& t, int p) {
  const std::string& u = t.s->words[p].upos;
  const int h = t.head[p];
  if ((u != "NOUN" && u != "PROPN") || h < 0 || (t.rel[p] != "obj" && t.rel[p] != "nsubj:pass")) {
    return false;
  }
  if (t.Is(t.lemma[h], WordClass::kCancel)) return true;
  if (In(t.lemma[h], {"call", "put"})) {  // "called off", "put off".
    for (int k : t.kids[h]) {
      if (t.rel[k] == "compound:prt" && t.lemma[k] == "off") return true;
    }
  }
  return false;
}

// A verb that names or judges rather than acts: "what he called absurd versions", "called the
// vote outrageous", "described it as a provocation". Not a telephone call nor any other event.
bool NamingUse(const Tree& t, int p) {
  if (!t.Is(t.lemma[p], WordClass::kNaming)) return false;
  const int h = t.head[p];
  if (h >= 0 && t.rel[p] == "acl:relcl" && t.lemma[h] == "what") return true;
  for (int k : t.kids[p]) {
    const std::string& u = t.s->words[k].upos;
    if (t.base[k] == "xcomp" && (u == "NOUN" || u == "ADJ" || u == "PROPN")) return true;
    // The same noun parsed as an unmarked oblique after an object ("called it a sad day"), not
    // a time ("called him last week", "the next day").
    if (t.rel[k] == "obl:unmarked" && u == "NOUN" && t.Child(p, "obj") >= 0 &&
        t.HasChildLemma(k, "det", {"a", "an", "the"})) {
      bool judged = !TemporalNoun(t, k);
      for (int j : t.kids[k]) {
        judged = judged || (t.base[j] == "amod" &&
                            !In(t.lemma[j], {"last", "next", "previous", "following", "same",
                                             "early", "late", "whole", "entire", "other"}));
      }
      if (judged) return true;
    }
  }
  // Two objects, the second a noun with an article: "called Beijing a \"decisive enabler\"".
  int objects = 0;
  for (int k : t.kids[p]) {
    if (t.base[k] != "obj") continue;
    if (++objects >= 2 && t.s->words[k].upos == "NOUN" &&
        t.HasChildLemma(k, "det", {"a", "an", "the"})) {
      return true;
    }
  }
  return false;
}

// An event noun that is the object of an intent verb (a passive subject, "an attack was
// planned", is hypothetical through FindModality's walk up the tree).
bool IntendedNoun(const Tree& t, int p) {
  const std::string& u = t.s->words[p].upos;
  const int h = t.head[p];
  return (u == "NOUN" || u == "PROPN") && h >= 0 && t.rel[p] == "obj" &&
         t.Is(t.lemma[h], WordClass::kIntent);
}

Modality FindModality(const Tree& t, int p, AuxiliaryUse use = AuxiliaryUse::kModality) {
  Modality m;
  LocalModality(t, p, m, use);
  if (CalledOff(t, p)) {
    m.negated = true;
    m.why.push_back("called off by '" + t.s->words[t.head[p]].form + "'");
  }
  if (IntendedNoun(t, p)) {
    m.hypothetical = true;
    m.why.push_back("hypothetical: intended by '" + t.s->words[t.head[p]].form + "'");
  }
  int cur = p;
  for (int steps = 0; steps < 8; ++steps) {
    // A reporting verb hanging off the predicate: "X did Y, an official said".
    for (int k : t.kids[cur]) {
      if (t.base[k] == "parataxis" && t.Is(t.lemma[k], WordClass::kSpeech) && m.speaker_verb < 0) {
        m.speaker_verb = k;
      }
    }
    int h = t.head[cur];
    if (h < 0) break;
    const std::string& r = t.rel[cur];
    if (r == "advcl") {
      for (int k : t.kids[cur]) {
        if (t.base[k] == "mark" && t.lemma[k] == "if") m.hypothetical = true;
      }
      break;
    }
    // Denied or refused: "Iran denied supplying drones", "denied that it had supplied drones",
    // "Russia refused to attend the talks" (the denial or refusal is an event of its own when the
    // dictionary has a row for the verb). Not "decline": "declined to comment" is CAMEO's 011,
    // which the key codes as a statement, not as a comment that was not made.
    if ((r == "xcomp" || r == "ccomp") && t.Is(t.lemma[h], WordClass::kDenial)) {
      m.negated = true;
      m.why.push_back("negated: under '" + t.s->words[h].form + "'");
    }
    // Asked for, not done: "urged Russia to withdraw", "demanded that Japan withdraw", "his
    // demand that Armenia change its constitution".
    if ((r == "xcomp" || r == "ccomp" || (r == "acl" && !t.IsVerbal(h))) &&
        t.Is(t.lemma[h], WordClass::kDirective)) {
      m.hypothetical = true;
      m.why.push_back("hypothetical: asked for by '" + t.s->words[h].form + "'");
    }
    if (r == "ccomp") {
      if (t.Is(t.lemma[h], WordClass::kSpeech) && m.speaker_verb < 0) m.speaker_verb = h;
      break;
    }
    if (r == "xcomp" || r == "nsubj" || r == "csubj" || r == "nsubj:pass" ||
        (r == "conj" && t.IsVerbal(h))) {
      if (r != "conj" && t.Is(t.lemma[h], WordClass::kSpeculation)) {
        m.hypothetical = true;
        m.why.push_back("hypothetical: under '" + t.s->words[h].form + "'");
      }
      if (r == "xcomp" && t.lemma[h] == "go" &&
          std::any_of(t.kids[h].begin(), t.kids[h].end(),
                      [&](int k) { return t.base[k] == "aux" && t.lemma[k] == "be"; })) {
        m.future = true;
        m.why.push_back("future: 'going to'");
      }
      // A conjoined clause with a subject or auxiliary of its own has its own modality: in "the
      // two leaders did not sign the treaty, and Aliyev repeated his demand" the demand was
      // repeated. Climbing on still finds a reporting verb over both.
      if (r == "conj" && std::any_of(t.kids[cur].begin(), t.kids[cur].end(), [&](int k) {
            return t.base[k] == "nsubj" || t.base[k] == "expl" || t.base[k] == "aux";
          })) {
        cur = h;
        continue;
      }
      Modality up;
      LocalModality(t, h, up);
      if (up.negated && r != "nsubj" && r != "nsubj:pass") {
        m.negated = true;
        m.why.push_back("negated through '" + t.s->words[h].form + "'");
      }
      if (up.hypothetical) {
        m.hypothetical = true;
        m.why.push_back("hypothetical through '" + t.s->words[h].form + "'");
      }
      if (up.future) {
        m.future = true;
        m.why.push_back("future through '" + t.s->words[h].form + "'");
      }
      cur = h;
      continue;
    }
    break;
  }
  return m;
}

}  // namespace

// ---- EventCoder -------------------------------------------------------------------------------

void CodingStats::Add(const CodingStats& o) {
  sentences += o.sentences;
  predicates += o.predicates;
  events += o.events;
  unmatched_actors += o.unmatched_actors;
  discarded_sentences += o.discarded_sentences;
  unmatched.insert(unmatched.end(), o.unmatched.begin(), o.unmatched.end());
}

EventCoder::EventCoder(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

const std::vector<std::string>& EventCoder::problems() const { return impl_->problems; }
std::string_view EventCoder::verb_source() const {
  return impl_->use_native ? "native" : "petrarch";
}
size_t EventCoder::pattern_count() const {
  if (impl_->use_native) return impl_->native.rows().size();
  size_t n = 0;
  for (const VerbClass& c : impl_->dict.verbs().classes) n += c.patterns.size() + c.verbs.size();
  return n;
}
const Dictionary& EventCoder::dictionary() const { return impl_->dict; }

namespace {

// The word classes: the default dictionary directory's word_classes.tsv, then those of the other
// dictionary directories applied on top of it, in order. A missing table is reported among the
// coder's problems (its rules then see no word of any class).
WordClasses LoadWordClasses(const std::vector<std::string>& dirs,
                            std::vector<std::string>& problems) {
  namespace fs = std::filesystem;
  std::vector<std::string> order = {DefaultDictionaryDirectory()};
  std::error_code ec;
  const fs::path home = fs::weakly_canonical(order[0], ec);
  for (const std::string& d : dirs) {
    std::error_code e2;
    if (fs::weakly_canonical(d, e2) != home || ec || e2) order.push_back(d);
  }
  WordClasses all;
  bool found = false;
  for (const std::string& dir : order) {
    const fs::path path = fs::path(dir) / "word_classes.tsv";
    std::error_code e3;
    if (!fs::is_regular_file(path, e3)) continue;
    Result<WordClasses> one = WordClasses::Load(path.string());
    if (!one.ok()) {
      problems.push_back(one.status().ToString());
      continue;
    }
    found = true;
    all.Merge(std::move(*one));
  }
  if (!found) {
    problems.push_back("no word_classes.tsv in " + order[0] +
                       " nor in the dictionary directories: no word has a class");
  }
  for (const code::PredicateProblem& p : all.problems()) problems.push_back(p.Message());
  return all;
}

Result<std::shared_ptr<EventCoder::Impl>> Build(const Dictionary& dict, PredicateDictionary native,
                                                bool have_native, const CoderOptions& options) {
  auto impl = std::make_shared<EventCoder::Impl>(dict);
  impl->options = options;
  Result<CameoOntology> cameo = CameoOntology::LoadDefault();
  if (cameo.ok()) {
    impl->cameo = std::move(*cameo);
    impl->have_cameo = true;
  } else {
    impl->problems.push_back("CAMEO ontology not loaded: " + cameo.status().ToString());
  }
  for (const code::PredicateProblem& p : native.problems()) impl->problems.push_back(p.Message());
  impl->native = std::move(native);
  impl->classes = LoadWordClasses(options.dict_dirs, impl->problems);
  const VerbDictionary& vd = dict.verbs();
  switch (options.verbs) {
    case CoderOptions::Verbs::kNative:
      impl->use_native = true;
      break;
    case CoderOptions::Verbs::kPetrarch:
      impl->use_native = false;
      break;
    case CoderOptions::Verbs::kAuto:
      impl->use_native = have_native && !impl->native.rows().empty();
      break;
  }
  if (impl->use_native && impl->native.rows().empty()) {
    return InvalidArgumentError("no native verb patterns (verbs.tsv) were loaded");
  }
  if (!impl->use_native && vd.classes.empty()) {
    return InvalidArgumentError(
        "no verb patterns: neither a verbs.tsv table nor a PETRARCH verb dictionary was found");
  }
  for (size_t c = 0; c < vd.classes.size(); ++c) {
    const VerbClass& cls = vd.classes[c];
    for (size_t f = 0; f < cls.verbs.size(); ++f) {
      const VerbForm& vf = cls.verbs[f];
      std::string code = vf.code.empty() ? cls.code : vf.code;
      AddVerbEntry(vf.phrase, static_cast<int>(c), static_cast<int>(f), code, impl->petr_index);
      for (const std::string& inf : vf.inflections) {
        AddVerbEntry(inf, static_cast<int>(c), static_cast<int>(f), code, impl->petr_index);
      }
    }
  }
  for (const Synset& s : dict.synsets()) impl->synsets[Upper(s.name)] = &s;
  return impl;
}

std::vector<std::string> VerbsFilesIn(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  for (const std::string& d : dirs) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::path(d) / "verbs.tsv";
    if (std::filesystem::is_regular_file(p, ec)) out.push_back(p.string());
  }
  return out;
}

}  // namespace

Result<EventCoder> EventCoder::Create(const CoderOptions& options) {
  DictionaryOptions dopt;
  dopt.dirs = options.dict_dirs;
  Result<Dictionary> dict = Dictionary::Load(dopt);
  if (!dict.ok()) return dict.status();
  std::vector<std::string> dirs = options.dict_dirs;
  if (dirs.empty()) dirs.push_back(DefaultDictionaryDirectory());
  std::vector<std::string> files =
      options.verbs_files.empty() ? VerbsFilesIn(dirs) : options.verbs_files;
  Result<CameoOntology> cameo = CameoOntology::LoadDefault();
  PredicateDictionary native;
  for (const std::string& f : files) {
    Result<PredicateDictionary> one = PredicateDictionary::Load(f, cameo.ok() ? &*cameo : nullptr);
    if (!one.ok()) return one.status();
    native.Merge(std::move(*one));
  }
  Result<std::shared_ptr<Impl>> impl = Build(*dict, std::move(native), !files.empty(), options);
  if (!impl.ok()) return impl.status();
  for (const DictionaryProblem& p : dict->problems()) {
    if (p.severity == DictionaryProblem::Severity::kError) (*impl)->problems.push_back(p.Message());
  }
  return EventCoder(std::move(*impl));
}

Result<EventCoder> EventCoder::FromDictionary(const Dictionary& dictionary,
                                              const std::string& verbs_tsv,
                                              const CoderOptions& options) {
  Result<CameoOntology> cameo = CameoOntology::LoadDefault();
  PredicateDictionary native;
  bool have = !verbs_tsv.empty();
  if (have)
    native = PredicateDictionary::Parse(verbs_tsv, "verbs.tsv", cameo.ok() ? &*cameo : nullptr);
  Result<std::shared_ptr<Impl>> impl = Build(dictionary, std::move(native), have, options);
  if (!impl.ok()) return impl.status();
  return EventCoder(std::move(*impl));
}

namespace {

bool IsNameWord(const Word& w) { return w.upos == "PROPN"; }

// A person named in full earlier in the document and later by one part of the name alone: "Lee
// Jae-myung ... congratulated Lee", "Scott Bessent ... Bessent said". The dictionary leaves such
// parts out as aliases when they are ambiguous in general ("Lee"); within one document that has
// named the person in full they are not. A bare part matches when it is the first or the last
// word of the person's dictionary name, a proper noun standing alone (no proper noun next to it:
// not "Lee Kuan Yew"), not already matched, and not the part of two people of the document.
// The new match copies the full mention's codes (already resolved for the story's date).
void AddNameParts(const Dictionary& dict, const Document& document,
                  std::vector<std::vector<ActorMatch>>& matches) {
  struct Known {
    ActorMatch match;  // The full mention.
    size_t sentence = 0;
    bool ambiguous = false;
  };
  std::unordered_map<std::string, Known> parts;
  for (size_t si = 0; si < matches.size() && si < document.sentences.size(); ++si) {
    const std::vector<Word>& words = document.sentences[si].words;
    // Bare parts of people named in earlier sentences.
    std::vector<bool> covered(words.size(), false);
    for (const ActorMatch& m : matches[si]) {
      for (int w = std::max(0, m.first_word); w < m.end_word && w < static_cast<int>(words.size());
           ++w) {
        covered[w] = true;
      }
    }
    std::vector<ActorMatch> added;
    for (size_t w = 0; w < words.size() && !parts.empty(); ++w) {
      if (covered[w] || !IsNameWord(words[w])) continue;
      if ((w > 0 && IsNameWord(words[w - 1])) ||
          (w + 1 < words.size() && IsNameWord(words[w + 1]))) {
        continue;
      }
      auto it = parts.find(words[w].form);
      if (it == parts.end() || it->second.ambiguous || it->second.sentence >= si) continue;
      ActorMatch m = it->second.match;
      m.first_word = static_cast<int>(w);
      m.end_word = static_cast<int>(w) + 1;
      m.span = words[w].span;
      m.actors = {m.actor};
      m.agents.clear();
      m.how = "coreference";
      added.push_back(std::move(m));
    }
    // People named in full in this sentence (a dictionary name of at least two words).
    for (const ActorMatch& m : matches[si]) {
      if (m.kind != ActorMatch::Kind::kActor || m.codes.empty() || !NamesPerson(dict, m)) {
        continue;
      }
      const std::string& name = dict.actors()[m.actor].name;
      const size_t first_space = name.find(' '), last_space = name.rfind(' ');
      if (first_space == std::string::npos) continue;
      for (const std::string& part : {name.substr(0, first_space), name.substr(last_space + 1)}) {
        if (part.size() < 2 || !std::isupper(static_cast<unsigned char>(part[0]))) continue;
        auto [it, fresh] = parts.try_emplace(part);
        if (fresh) {
          it->second.match = m;
          it->second.sentence = si;
        } else if (it->second.match.actor != m.actor) {
          it->second.ambiguous = true;
        }
      }
    }
    if (added.empty()) continue;
    for (ActorMatch& m : added) matches[si].push_back(std::move(m));
    std::stable_sort(
        matches[si].begin(), matches[si].end(),
        [](const ActorMatch& x, const ActorMatch& y) { return x.first_word < y.first_word; });
  }
}

// The predicates whose act a definite noun names when it refers back to it: "Lula rejected the
// criticism" (someone criticised before), "Rutte condemned the deployment" (someone deployed).
const std::vector<std::string_view>* ActsNamedBy(std::string_view noun) {
  static const std::unordered_map<std::string_view, std::vector<std::string_view>> kActs = {
      {"criticism", {"criticize", "criticise", "condemn", "denounce", "slam"}},
      {"accusation", {"accuse", "allege", "blame", "charge"}},
      {"allegation", {"accuse", "allege", "blame", "charge"}},
      {"charge", {"accuse", "allege", "charge"}},
      {"claim", {"claim", "accuse", "allege"}},
      {"protest", {"protest", "complain", "lodge"}},
      {"call", {"call", "urge", "demand"}},
      {"demand", {"demand", "urge", "call"}},
      {"proposal", {"propose", "offer", "suggest"}},
      {"offer", {"offer", "propose"}},
      {"decision", {"decide", "order", "announce"}},
      {"deployment", {"deploy", "send"}},
      {"attack", {"attack", "strike", "launch", "fire", "bomb", "shell", "hit"}},
      {"strike", {"strike", "attack", "bomb", "hit"}},
      {"invasion", {"invade"}},
      {"arrest", {"arrest", "detain"}},
      {"detention", {"detain", "arrest"}},
      {"expulsion", {"expel"}},
      {"ruling", {"rule", "sentence", "convict"}},
      {"verdict", {"rule", "sentence", "convict"}},
      {"sentence", {"sentence", "convict"}},
      {"vote", {"vote"}},
      {"ban", {"ban", "suspend", "halt", "prohibit", "impose"}},
      {"declaration", {"adopt", "issue", "sign", "declare", "approve"}},
      {"meeting", {"host", "hold", "convene", "organise", "organize", "call"}},
      {"summit", {"host", "hold", "convene", "organise", "organize", "call"}},
      {"conference", {"host", "hold", "convene", "organise", "organize", "call"}},
      {"sanction", {"sanction", "impose"}},
      {"tariff", {"impose", "raise", "announce"}},
      {"resolution", {"adopt", "pass", "approve", "demand"}},
      {"law", {"pass", "adopt", "approve"}},
      {"bill", {"pass", "adopt", "approve"}},
      {"drill", {"hold", "conduct", "begin", "launch", "stage"}},
      {"exercise", {"hold", "conduct", "begin", "launch", "stage"}},
      {"test", {"test", "launch", "fire"}},
      {"launch", {"launch", "fire", "test"}},
      {"warrant", {"issue"}},
      {"remark", {"say", "remark", "comment", "state"}},
      {"comment", {"say", "remark", "comment", "state"}},
  };
  auto it = kActs.find(noun);
  if (it == kActs.end() && noun.size() > 1 && noun.back() == 's') {
    it = kActs.find(noun.substr(0, noun.size() - 1));
  }
  return it == kActs.end() ? nullptr : &it->second;
}

// A retaliation with no target ("Moscow would respond", "Colombia would retaliate") is aimed at
// the side the retaliating side acted on earlier in the same sentence ("Russia accused the G7 of
// theft and said Moscow would retaliate": the G7), else at the side of the latest earlier event
// of the document that acted on the retaliating side: its target includes a side of the event's
// sources and its sources are all of other sides ("Britain expelled a Russian diplomat ...
// Moscow would respond": Britain). Negated and hypothetical acts count for neither.
template <typename Side>
void ResolveRetaliation(std::vector<Event>& events, size_t i, const Side& side) {
  Event& e = events[i];
  std::unordered_set<std::string> own;
  for (const ActorRef& a : e.sources) own.insert(side(a.code));
  own.erase("");
  if (own.empty()) return;
  auto all_others = [&](const std::vector<ActorRef>& actors) {
    bool others = !actors.empty();
    for (const ActorRef& a : actors) {
      const std::string c = side(a.code);
      others = others && !c.empty() && own.count(c) == 0;
    }
    return others;
  };
  for (size_t j = i; j-- > 0 && events[j].sentence_index == e.sentence_index;) {
    const Event& prior = events[j];
    if (prior.negated || prior.hypothetical || !all_others(prior.targets)) continue;
    bool ours = !prior.sources.empty();
    for (const ActorRef& a : prior.sources) ours = ours && own.count(side(a.code)) != 0;
    if (!ours) continue;
    e.targets = prior.targets;
    return;
  }
  for (size_t j = i; j-- > 0;) {
    const Event& prior = events[j];
    if (prior.sources.empty() || prior.negated || prior.hypothetical) continue;
    bool on_us = false;
    for (const ActorRef& a : prior.targets) on_us = on_us || own.count(side(a.code)) != 0;
    if (!on_us || !all_others(prior.sources)) continue;
    e.targets = prior.sources;
    return;
  }
}

// The word of `s` whose span starts at `begin`, or -1.
int WordAt(const Sentence& s, uint32_t begin) {
  for (size_t w = 0; w < s.words.size(); ++w) {
    if (s.words[w].span.begin == begin) return static_cast<int>(w);
  }
  return -1;
}

// The roles CoderOptions::role_countries gives a country: those of a country's own people and
// institutions. Not international bodies and peacekeepers (IGO, NGO, PKO, HRI, ENV), nor settlers
// and refugees, who are mostly of another country than the place they are in.
bool CountryBoundRole(std::string_view code) {
  return In(code, {"GOV", "MIL", "COP", "OPP", "REB", "LEG", "JUD", "EDU", "CVL", "BUS", "MED",
                   "LAB", "AGR", "HLH", "CRM", "UAF", "SPY", "ELI", "INS", "SEP", "PTY"});
}

// Whether predicate p (or the verb it is a conjunct or the clausal complement of) goes on with a
// narrative: "Trump then ordered ...", "hours later", "said in the evening that ...".
bool NarrativeMarker(const Sentence& s, int p) {
  for (int v = p, steps = 0; v >= 0 && v < static_cast<int>(s.words.size()) && steps < 4; ++steps) {
    for (const Word& k : s.words) {
      if (k.head != v + 1) continue;
      const std::string l = util::AsciiLower(k.lemma);
      if (k.deprel == "advmod" &&
          In(l, {"then", "later", "afterwards", "afterward", "subsequently", "thereafter"})) {
        return true;
      }
      if (k.deprel.rfind("obl", 0) == 0 && In(l, {"morning", "afternoon", "evening", "night"})) {
        bool in = false, the = false;
        for (const Word& c : s.words) {
          if (c.head != k.id) continue;
          in = in || (c.deprel == "case" && util::AsciiLower(c.lemma) == "in");
          the = the || (c.deprel == "det" && util::AsciiLower(c.lemma) == "the");
        }
        if (in && the) return true;
      }
    }
    // Up from a verb conjunct, and from what a speaker said to the saying: "Murillo said in the
    // evening that the government had accepted all of Trump's terms".
    if (s.words[v].deprel != "conj" && s.words[v].deprel != "ccomp") break;
    v = s.words[v].head - 1;
  }
  return false;
}

}  // namespace

// An event of the story's day with nothing of its own to date it, whose predicate goes on with
// a narrative ("Colombia's president had refused on Sunday morning ... Trump then ordered
// tariffs"), happened on the day of the latest event before it (in its sentence or the three
// before) that a date of its own put on another day.
void EventCoder::ResolveNarrativeDates(const Document& document, std::vector<Event>& events) const {
  if (!impl_->use_native || !impl_->options.narrative_dates) return;
  std::string story = document.date.substr(0, std::min<size_t>(10, document.date.size()));
  if (story.empty()) story = impl_->options.default_date;
  for (size_t i = 0; i < events.size(); ++i) {
    Event& e = events[i];
    if (e.date != story || e.date_precision != "day" || e.sentence_index < 0 ||
        e.sentence_index >= static_cast<int>(document.sentences.size())) {
      continue;
    }
    const Sentence& s = document.sentences[e.sentence_index];
    const int p = WordAt(s, e.predicate_span.begin);
    if (p < 0 || !NarrativeMarker(s, p)) continue;
    for (size_t j = i; j-- > 0;) {
      const Event& prior = events[j];
      if (prior.sentence_index + 3 < e.sentence_index) break;
      if (prior.date_precision != "day" || prior.date == story) continue;
      e.date = prior.date;
      e.historical = prior.historical;
      break;
    }
  }
}

void EventCoder::ResolveDocument(const Document& document,
                                 const std::vector<std::vector<ActorMatch>>& actors,
                                 std::vector<Event>& events) const {
  ResolveNarrativeDates(document, events);
  ResolveRoleCountries(document, actors, events);
  ResolveReferredActs(document, events);
}

// A role with no country takes the country of a phrase it is a conjunct of, else of the latest
// mention of that role with a country in its sentence or the two before it (not a person), else
// the story's.
void EventCoder::ResolveRoleCountries(const Document& document,
                                      const std::vector<std::vector<ActorMatch>>& actors,
                                      std::vector<Event>& events) const {
  if (!impl_->use_native || !impl_->options.role_countries) return;
  auto in_dateline = [&](Span sp) {
    return document.dateline && sp.begin >= document.dateline->span.begin &&
           sp.end <= document.dateline->span.end;
  };
  // (sentence, byte, country, role) of every mention of a role with a country; how often each
  // country is named outside the dateline; the dateline's country.
  struct Anchor {
    int sentence;
    uint32_t at;
    std::string country, role;
  };
  std::vector<Anchor> anchors;
  std::unordered_map<std::string, int> named;
  std::unordered_map<std::string, std::unordered_set<size_t>> named_in;  // In which sentences.
  std::vector<std::string> first_named;
  std::string dateline;
  auto note = [&](int si, uint32_t at, const std::string& code) {
    const std::string country = impl_->CountryOf(code);
    if (country.empty() || code.size() != country.size() + 3) return;
    anchors.push_back({si, at, country, code.substr(country.size())});
  };
  for (size_t si = 0; si < actors.size(); ++si) {
    for (const ActorMatch& m : actors[si]) {
      if (m.kind != ActorMatch::Kind::kActor || m.codes.empty()) continue;
      const std::string country = impl_->CountryOf(m.codes[0]);
      if (in_dateline(m.span)) {
        if (dateline.empty()) dateline = country;
        continue;
      }
      if (!country.empty() && named[country]++ == 0) first_named.push_back(country);
      if (!country.empty()) named_in[country].insert(si);
      // People are no antecedent of a role: "next to Xi and Putin ... the authorities" are not
      // Russia's, in a Beijing story.
      if (NamesPerson(impl_->dict, m)) continue;
      for (const std::string& c : m.codes) note(static_cast<int>(si), m.span.begin, c);
    }
  }
  // Events add the roles composed in coding ("soldiers from Gondor"), not those of a country
  // named as its government (CoderOptions::country_as_government: "criticised China").
  std::unordered_set<uint32_t> matched;
  for (const std::vector<ActorMatch>& ms : actors) {
    for (const ActorMatch& m : ms) {
      if (m.kind == ActorMatch::Kind::kActor) matched.insert(m.span.begin);
    }
  }
  for (const Event& e : events) {
    for (const auto* refs : {&e.sources, &e.targets}) {
      for (const ActorRef& r : *refs) {
        if (!matched.count(r.span.begin)) note(e.sentence_index, r.span.begin, r.code);
      }
    }
  }
  // The story's country: the dateline's when the story names it; else the country it names most
  // (the first named of equals) when that is named three times or more, in two sentences or
  // more; else the dateline's.
  std::string story = dateline;
  int most = 0;
  for (const std::string& c : first_named) most = std::max(most, named[c]);
  if (named.count(dateline) == 0) {
    for (const std::string& c : first_named) {
      if (named[c] == most && most >= 3 && named_in[c].size() >= 2) {
        story = c;
        break;
      }
    }
  }
  if (anchors.empty() && story.empty()) return;
  auto country_for = [&](const Event& e, const ActorRef& r) -> std::string {
    if (!CountryBoundRole(r.code) || !impl_->CountryOf(r.code).empty() || in_dateline(r.span)) {
      return "";
    }
    if (e.sentence_index < 0 || e.sentence_index >= static_cast<int>(document.sentences.size())) {
      return "";
    }
    const Sentence& s = document.sentences[e.sentence_index];
    // The head word of the mention: the word of its span whose head lies outside it ("heads" of
    // "heads of state").
    int w = -1;
    for (size_t k = 0; k < s.words.size(); ++k) {
      const Span& ks = s.words[k].span;
      const int h = s.words[k].head - 1;
      const bool inside = ks.begin >= r.span.begin && ks.end <= r.span.end;
      const bool head_inside =
          h >= 0 && s.words[h].span.begin >= r.span.begin && s.words[h].span.end <= r.span.end;
      if (inside && !head_inside) w = static_cast<int>(k);
    }
    if (w < 0) return "";
    const std::string lemma = util::AsciiLower(s.words[w].lemma);
    // Heads of state and government, ministers and counterparts in the plural are many
    // countries' ("leaders of more than 30 countries", "foreign ministers met"); a counterpart
    // is another country's.
    if (lemma == "counterpart") return "";
    // An owned role is its owner's: "its judges" (of the ICC) are not the story's.
    for (const Word& k : s.words) {
      if (k.head == w + 1 && k.deprel == "nmod:poss") return "";
    }
    const std::string form = util::AsciiLower(s.words[w].form);
    const bool plural = s.words[w].xpos == "NNS" || (form != lemma && form.ends_with('s'));
    if (r.code == "GOV" && plural && !In(lemma, {"authority", "official", "administration"})) {
      return "";
    }
    for (const Word& k : s.words) {
      if (k.head == w + 1 && (k.deprel == "amod" || k.deprel.rfind("det", 0) == 0) &&
          In(util::AsciiLower(k.lemma),
             {"other", "foreign", "international", "western", "regional", "world", "global"})) {
        return "";
      }
    }
    // A conjunct of a phrase with a country shares it: "Iranian nuclear sites and military
    // commanders" (IRN, not the story's country).
    if (s.words[w].deprel == "conj" && e.sentence_index < static_cast<int>(actors.size())) {
      const int h = s.words[w].head - 1;
      for (const ActorMatch& m : actors[e.sentence_index]) {
        if (m.kind != ActorMatch::Kind::kActor || m.codes.empty() ||
            impl_->CountryOf(m.codes[0]).empty()) {
          continue;
        }
        for (int k = m.first_word; k < m.end_word && k < static_cast<int>(s.words.size()); ++k) {
          if (k == h || (s.words[k].head == h + 1 && s.words[k].deprel != "conj")) {
            return impl_->CountryOf(m.codes[0]);
          }
        }
      }
    }
    const Anchor* best = nullptr;
    for (const Anchor& a : anchors) {
      if (a.role == r.code && a.at < r.span.begin && a.sentence + 2 >= e.sentence_index &&
          (best == nullptr || a.at > best->at)) {
        best = &a;
      }
    }
    return best != nullptr ? best->country : story;
  };
  for (Event& e : events) {
    for (auto [refs, other] :
         {std::pair(&e.sources, &e.targets), std::pair(&e.targets, &e.sources)}) {
      for (ActorRef& r : *refs) {
        const std::string country = country_for(e, r);
        if (country.empty()) continue;
        // No actor acts on itself: "a U.S. official warned Mexico" (GOV) in a Mexico story stays
        // GOV, not MEXGOV -> MEXGOV.
        const std::string code = country + r.code;
        if (std::any_of(other->begin(), other->end(),
                        [&](const ActorRef& o) { return o.code == code; })) {
          continue;
        }
        r.code = code;
        r.country_from_context = true;
      }
    }
  }
}

// A response to an earlier act named by a definite noun gets that act's source as its target:
// "Trump criticised Brazil's courts ... Lula rejected the criticism" (BRA 120 -> USA), "Rutte
// condemned the deployment" (of North Korea's troops, coded before). The reply must come from
// another country or international organisation than the act (nobody rejects their own
// criticism).
void EventCoder::ResolveReferredActs(const Document& document, std::vector<Event>& events) const {
  if (!impl_->use_native || !impl_->options.referred_acts) return;
  static const std::unordered_set<std::string_view> kResponses = {
      "reject",  "deny",    "dismiss", "condemn", "criticize", "criticise", "denounce",
      "welcome", "praise",  "protest", "slam",    "decry",     "deplore",   "regret",
      "back",    "support", "endorse", "accept",  "oppose",    "hail",      "applaud"};
  // Responding in kind needs no noun: "Britain expelled a Russian diplomat ... Moscow would
  // respond" answers Britain.
  static const std::unordered_set<std::string_view> kRetaliations = {"respond", "retaliate",
                                                                     "reciprocate"};
  auto word_of = [&](const Event& e) -> std::pair<const Sentence*, int> {
    if (e.sentence_index < 0 || e.sentence_index >= static_cast<int>(document.sentences.size())) {
      return {nullptr, -1};
    }
    const Sentence& s = document.sentences[e.sentence_index];
    return {&s, WordAt(s, e.predicate_span.begin)};
  };
  // Each side is a country, or an international organisation by its first six letters
  // ("IGOGOS", the G7): China rejecting the G7's criticism answers the G7.
  auto side = [&](const std::string& code) {
    std::string c = impl_->CountryOf(code);
    if (c.empty() && code.rfind("IGO", 0) == 0 && code.size() >= 6) c = code.substr(0, 6);
    return c;
  };
  for (size_t i = 0; i < events.size(); ++i) {
    Event& e = events[i];
    if (!e.targets.empty() || e.sources.empty()) continue;
    auto [s, p] = word_of(e);
    if (s == nullptr || p < 0) continue;
    if (kRetaliations.count(s->words[p].lemma)) {
      ResolveRetaliation(events, i, side);
      continue;
    }
    if (!kResponses.count(s->words[p].lemma)) continue;
    // The predicate's definite object noun.
    int obj = -1;
    for (size_t w = 0; w < s->words.size(); ++w) {
      if (s->words[w].head == p + 1 && s->words[w].deprel == "obj" && s->words[w].upos == "NOUN") {
        obj = static_cast<int>(w);
      }
    }
    if (obj < 0) continue;
    bool definite = false;
    for (const Word& w : s->words) {
      if (w.head == obj + 1 && w.deprel == "det") {
        std::string l = w.lemma;
        definite =
            definite || l == "the" || l == "this" || l == "that" || l == "these" || l == "those";
      }
    }
    const std::vector<std::string_view>* acts = ActsNamedBy(s->words[obj].lemma);
    if (!definite || acts == nullptr) continue;
    const std::string& noun = s->words[obj].lemma;
    const bool force_noun = noun.rfind("attack", 0) == 0 || noun.rfind("strike", 0) == 0 ||
                            noun.rfind("invasion", 0) == 0;
    std::unordered_set<std::string> own, own_codes;
    for (const ActorRef& a : e.sources) {
      own.insert(side(a.code));
      own_codes.insert(a.code);
    }
    // A side of the same country with another role answers too: the government rejecting the
    // opposition's calls (GEOGOV, GEOOPP), not one ministry another's (both GOV).
    auto role = [&](const std::string& code) {
      return code.size() >= 6 && !impl_->CountryOf(code).empty() ? code.substr(3, 3)
                                                                 : std::string();
    };
    const std::vector<ActorRef>* fallback = nullptr;
    for (size_t j = i; j-- > 0;) {
      const Event& prior = events[j];
      if (prior.sources.empty() || prior.negated || prior.hypothetical) continue;
      auto [ps, pp] = word_of(prior);
      if (ps == nullptr || pp < 0) continue;
      const std::string& lemma = ps->words[pp].lemma;
      // Drills and exercises are named by what they are, a show of force (CAMEO 15), whatever
      // verb coded them ("sent warships ... as it began two days of exercises ... Lai condemned
      // the drills").
      const bool posture = (noun == "drill" || noun == "exercise") && prior.cameo_root == "15";
      if (!posture && std::find(acts->begin(), acts->end(), lemma) == acts->end()) continue;
      // An attack, strike or invasion is force (CAMEO 18-20), not a labour strike (143).
      if (force_noun && prior.cameo_root != "18" && prior.cameo_root != "19" &&
          prior.cameo_root != "20") {
        continue;
      }
      bool other = true, bare = false;
      for (const ActorRef& a : prior.sources) {
        const std::string c = side(a.code);
        // A bare role of no country (the protesters' OPP) answers a side with another role:
        // "Protesters ... demanded a new election. Kobakhidze rejected the calls" (GEOGOV), when
        // no act of a side with a country came before.
        if (c.empty() && a.code.size() == 3 && a.code != "IGO") {
          bare = true;
          for (const std::string& oc : own_codes) {
            other = other && oc != a.code && role(oc) != a.code;
          }
          continue;
        }
        bool domestic = own.count(c) != 0 && !role(a.code).empty();
        for (const std::string& oc : own_codes) {
          domestic = domestic && side(oc) == c && !role(oc).empty() && role(oc) != role(a.code);
        }
        other = other && !c.empty() && (own.count(c) == 0 || domestic);
      }
      if (!other) continue;
      if (bare) {
        if (fallback == nullptr) fallback = &prior.sources;
        continue;
      }
      e.targets = prior.sources;
      break;
    }
    if (e.targets.empty() && fallback != nullptr) e.targets = *fallback;
  }
}

// "He" or "she" as a subject with no match of its own is the person last named (dictionary people
// only, name parts included): the nearest one before it in the same sentence, else one of the
// previous sentence (or the one before it), a subject preferred over other mentions, the first
// subject over later ones. The new match copies the person's codes. With `possessives` (native
// tables only: PETRARCH reads a possessive's phrase by position), "his", "her" and "its" too.
void AddPronouns(const Dictionary& dict, const Document& document, bool possessives,
                 std::vector<std::vector<ActorMatch>>& matches) {
  auto person = [&](const ActorMatch& m) {
    return m.kind == ActorMatch::Kind::kActor && !m.codes.empty() && NamesPerson(dict, m);
  };
  // A subject mention: some word of it is a subject.
  auto subject = [&](const std::vector<Word>& words, const ActorMatch& m) {
    for (int w = std::max(0, m.first_word); w < m.end_word && w < static_cast<int>(words.size());
         ++w) {
      if (words[w].deprel.rfind("nsubj", 0) == 0) return true;
    }
    return false;
  };
  // The person of sentence `si` a pronoun of a later sentence stands for, or nullptr.
  auto from_sentence = [&](size_t si) -> const ActorMatch* {
    const ActorMatch* any = nullptr;
    for (const ActorMatch& m : matches[si]) {
      if (!person(m)) continue;
      if (subject(document.sentences[si].words, m)) return &m;
      if (any == nullptr) any = &m;
    }
    return any;
  };
  // A subject or object mention.
  auto argument = [](const std::vector<Word>& words, const ActorMatch& m) {
    for (int w = std::max(0, m.first_word); w < m.end_word && w < static_cast<int>(words.size());
         ++w) {
      const std::string& r = words[w].deprel;
      if (r.rfind("nsubj", 0) == 0 || r == "obj" || r == "iobj") return true;
    }
    return false;
  };
  // "It" stands for a country or organisation that is a subject: the latest before it in its
  // sentence ("Thailand said it would ..."), else the first of the sentence before ("Thailand
  // closed the border ... It also expelled the ambassador").
  auto body = [&](const ActorMatch& m) {
    return m.kind == ActorMatch::Kind::kActor && !m.codes.empty() && !NamesPerson(dict, m);
  };
  for (size_t si = 0; si < matches.size() && si < document.sentences.size(); ++si) {
    const std::vector<Word>& words = document.sentences[si].words;
    std::vector<ActorMatch> added;
    for (size_t w = 0; w < words.size(); ++w) {
      const Word& word = words[w];
      if (word.upos != "PRON") continue;
      const std::string form = util::AsciiLower(word.form);
      // A possessive stands for the same one: "criticised his decision", "its ambassador".
      const bool possessive = word.deprel == "nmod:poss";
      if (possessive && !possessives) continue;
      if (!possessive && word.deprel.rfind("nsubj", 0) != 0) continue;
      const bool it = form == (possessive ? "its" : "it");
      if (!it && form != (possessive ? "his" : "he") && form != (possessive ? "her" : "she")) {
        continue;
      }
      const ActorMatch* antecedent = nullptr;
      bool covered = false;
      for (const ActorMatch& m : matches[si]) {
        covered =
            covered || (m.first_word <= static_cast<int>(w) && static_cast<int>(w) < m.end_word);
        if (m.end_word > static_cast<int>(w)) continue;
        // The nearest one before it; "it" only a subject, "its" a subject or object ("criticised
        // China for its support": China; "launched missiles at Israel in its first attack": not
        // Israel, in a prepositional phrase).
        if (it ? body(m) && (possessive ? argument(words, m) : subject(words, m)) : person(m)) {
          antecedent = &m;
        }
      }
      if (covered) continue;
      if (it && !possessive && antecedent == nullptr && si > 0) {
        for (const ActorMatch& m : matches[si - 1]) {
          if (body(m) && subject(document.sentences[si - 1].words, m)) {
            antecedent = &m;
            break;
          }
        }
      }
      for (size_t back = 1; !it && antecedent == nullptr && back <= 2 && back <= si; ++back) {
        antecedent = from_sentence(si - back);
      }
      if (antecedent == nullptr) continue;
      ActorMatch m = *antecedent;
      m.first_word = static_cast<int>(w);
      m.end_word = static_cast<int>(w) + 1;
      m.span = word.span;
      m.actors = {m.actor};
      m.agents.clear();
      m.how = "pronoun";
      added.push_back(std::move(m));
    }
    if (added.empty()) continue;
    for (ActorMatch& m : added) matches[si].push_back(std::move(m));
    std::stable_sort(
        matches[si].begin(), matches[si].end(),
        [](const ActorMatch& x, const ActorMatch& y) { return x.first_word < y.first_word; });
  }
}

// An actor match of the one word `w` (its codes to be filled in), found by rule `how`.
ActorMatch WordMatch(const std::vector<Word>& words, size_t w, const char* how) {
  ActorMatch m;
  m.kind = ActorMatch::Kind::kActor;
  m.first_word = static_cast<int>(w);
  m.end_word = static_cast<int>(w) + 1;
  m.span = words[w].span;
  m.how = how;
  return m;
}

// "The two leaders", "both countries", "the three governments": a definite group of two or three
// stands for the last sides the document named before it (in its sentence too, but not the
// subject of the clause it is in: "Trump criticised both countries"). Leaders, presidents and
// ministers are people of the dictionary; countries, nations and states are countries
// (governments: their GOV). "Both sides" and "the two sides" are actors of any kind, those of the
// latest coordination after "between" first (the last two actors named are too often a mediator
// and one party). With `they`, "they" as a subject stands for the latest coordinated
// subject of two or more sides in its sentence or the one before.
void AddGroupReferences(const Dictionary& dict, const std::unordered_set<std::string>& countries,
                        const Document& document, bool groups, bool they,
                        std::vector<std::vector<ActorMatch>>& matches) {
  enum class Group { kNone, kPeople, kCountries, kGovernments, kSides, kAllies };
  auto group_of = [](const std::string& lemma) {
    if (lemma == "side") return Group::kSides;
    if (lemma == "ally") return Group::kAllies;
    if (In(lemma, {"leader", "president", "minister", "premier", "counterpart"})) {
      return Group::kPeople;
    }
    if (In(lemma, {"country", "nation", "state", "neighbour", "neighbor"}))
      return Group::kCountries;
    if (lemma == "government") return Group::kGovernments;
    return Group::kNone;
  };
  struct Mention {
    std::string code;     // The first code of the match.
    std::string country;  // Its country, "" when it has none.
    int32_t actor = -1;
    bool person = false;
    size_t sentence = 0;
    int first_word = 0, end_word = 0;
    size_t coordination = 0;  // Mentions joined by conj share it (the index of the first one).
    bool subject = false;     // A word of it is a subject.
    bool between = false;     // It is the object of "between".
  };
  std::vector<Mention> seen;  // In text order.
  auto note = [&](size_t si, const ActorMatch& m) {
    if (m.kind != ActorMatch::Kind::kActor || m.codes.empty() || m.how == "group") return;
    if (document.dateline && m.span.begin >= document.dateline->span.begin &&
        m.span.end <= document.dateline->span.end) {
      return;
    }
    Mention x;
    x.code = m.codes[0];
    const std::string c = x.code.substr(0, std::min<size_t>(3, x.code.size()));
    if (countries.count(c)) x.country = c;
    x.actor = m.actor;
    x.person = NamesPerson(dict, m);
    x.sentence = si;
    x.first_word = m.first_word;
    x.end_word = m.end_word;
    x.coordination = seen.size();
    const std::vector<Word>& ws = document.sentences[si].words;
    for (int k = std::max(0, m.first_word); k < m.end_word && k < static_cast<int>(ws.size());
         ++k) {
      x.subject = x.subject || ws[k].deprel.rfind("nsubj", 0) == 0;
      for (const Word& c : ws) {
        x.between = x.between || (c.head == k + 1 && c.deprel == "case" &&
                                  util::AsciiLower(c.form) == "between");
      }
    }
    seen.push_back(std::move(x));
  };
  for (size_t si = 0; si < matches.size() && si < document.sentences.size(); ++si) {
    const std::vector<Word>& words = document.sentences[si].words;
    const size_t before = seen.size();
    for (const ActorMatch& m : matches[si]) note(si, m);
    // Coordinations of this sentence's mentions ("between Israel and Iran", "India and China").
    for (size_t i = before; i < seen.size(); ++i) {
      for (size_t j = i + 1; j < seen.size(); ++j) {
        bool joined = false;
        for (const auto& [x, y] : {std::pair(&seen[i], &seen[j]), std::pair(&seen[j], &seen[i])}) {
          for (int k = x->first_word; k < x->end_word && k < static_cast<int>(words.size()); ++k) {
            const int h = words[k].head - 1;
            joined = joined || (words[k].deprel == "conj" && y->first_word <= h && h < y->end_word);
          }
        }
        if (!joined) continue;
        const size_t from = seen[j].coordination, to = seen[i].coordination;
        for (size_t k = before; k < seen.size(); ++k) {
          if (seen[k].coordination == from) seen[k].coordination = to;
        }
      }
    }
    std::vector<std::pair<size_t, ActorMatch>> added;  // (word, match)
    for (size_t w = 0; w < words.size(); ++w) {
      // "They" as a subject: the latest coordinated subject of two or more sides before it, in
      // its sentence or the one before ("China and Russia criticised what they called ...",
      // "... They also said they opposed ...").
      if (they && words[w].upos == "PRON" && words[w].deprel.rfind("nsubj", 0) == 0 &&
          util::AsciiLower(words[w].form) == "they") {
        // A plural noun subject before it in its sentence that is no actor ("Organisers said
        // they planned ...") is its antecedent: nothing to resolve.
        bool noun_before = false;
        for (size_t k = 0; k < w && !noun_before; ++k) {
          if (words[k].deprel.rfind("nsubj", 0) != 0 || words[k].upos != "NOUN") continue;
          bool actor = false;
          for (const ActorMatch& am : matches[si]) {
            actor = actor ||
                    (am.first_word <= static_cast<int>(k) && static_cast<int>(k) < am.end_word);
          }
          noun_before = !actor;
        }
        std::vector<const Mention*> sides;
        for (size_t i = seen.size(); i-- > 0 && sides.empty() && !noun_before;) {
          const Mention& x = seen[i];
          if (x.sentence + 1 < si) break;
          if (x.sentence == si && x.end_word > static_cast<int>(w)) continue;
          std::vector<const Mention*> members;
          std::unordered_set<int32_t> actors;
          bool subject = false;
          for (size_t k = 0; k < seen.size(); ++k) {
            if (seen[k].coordination != x.coordination) continue;
            subject = subject || seen[k].subject;
            if (actors.insert(seen[k].actor).second) members.push_back(&seen[k]);
          }
          if (subject && members.size() >= 2) sides = members;
        }
        if (sides.empty()) continue;
        ActorMatch m = WordMatch(words, w, "pronoun");
        for (const Mention* x : sides) {
          m.codes.push_back(x->code);
          m.actors.push_back(x->actor);
        }
        m.actor = m.actors[0];
        added.emplace_back(w, std::move(m));
        continue;
      }
      Group g = groups ? group_of(util::AsciiLower(words[w].lemma)) : Group::kNone;
      // What a mediator brokers stands for the sides between whom it was reached: "the United
      // States and France brokered the agreement", "talks mediated by Qatar" (after "a ceasefire
      // between Israel and Hezbollah"): the sides of the latest coordination after "between".
      bool brokered = false;
      if (groups && g == Group::kNone && words[w].upos == "NOUN" &&
          In(util::AsciiLower(words[w].lemma),
             {"agreement", "truce", "ceasefire", "deal", "accord", "talks", "talk", "negotiation",
              "negotiations", "peace"})) {
        auto brokering = [&](int v) {
          return v >= 0 && words[v].upos == "VERB" &&
                 In(util::AsciiLower(words[v].lemma), {"broker", "mediate", "facilitate"});
        };
        const int h = words[w].head - 1;
        brokered = (brokering(h) && (words[w].deprel == "obj" || words[w].deprel == "nsubj:pass"));
        for (size_t k = 0; k < words.size() && !brokered; ++k) {
          brokered = words[k].head == static_cast<int>(w) + 1 &&
                     words[k].deprel.rfind("acl", 0) == 0 && brokering(static_cast<int>(k));
        }
        if (brokered) g = Group::kSides;
      }
      if (g == Group::kNone || words[w].upos != "NOUN") continue;
      // "The allies" (definite, plural, nobody's: not "Ukraine's allies") are whichever came
      // last: a coordination of two or three countries in its sentence or the two before ("Kim
      // accused Seoul and Washington ... threatened to strike the allies' bases": KORGOV,
      // USAGOV), or an international organisation named before it ("NATO ... He urged the
      // allies": IGOWSTNAT).
      if (g == Group::kAllies) {
        bool the = false, owned = false;
        for (size_t k = 0; k < words.size(); ++k) {
          if (words[k].head != static_cast<int>(w) + 1) continue;
          the = the || (words[k].deprel == "det" && util::AsciiLower(words[k].lemma) == "the");
          owned = owned || words[k].deprel == "nmod:poss";
        }
        if (!the || owned || util::AsciiLower(words[w].form) == "ally") continue;
        std::vector<std::string> codes;
        for (size_t i = seen.size(); i-- > 0 && codes.empty();) {
          const Mention& x = seen[i];
          if (x.sentence == si && x.end_word > static_cast<int>(w)) continue;
          if (x.code.rfind("IGO", 0) == 0 && !x.person) {
            codes.push_back(x.code);
            break;
          }
          if (x.sentence + 2 < si) continue;
          std::vector<std::string> members;
          for (size_t k = 0; k < seen.size(); ++k) {
            const std::string code = seen[k].country.empty() ? "" : seen[k].country + "GOV";
            if (seen[k].coordination == x.coordination && !code.empty() &&
                std::find(members.begin(), members.end(), code) == members.end()) {
              members.push_back(code);
            }
          }
          if (members.size() >= 2 && members.size() <= 3) codes = members;
        }
        if (codes.empty()) continue;
        ActorMatch m = WordMatch(words, w, "group");
        m.codes = std::move(codes);
        added.emplace_back(w, std::move(m));
        continue;
      }
      int n = brokered ? 2 : 0;
      bool definite = brokered;
      for (size_t k = 0; k < words.size(); ++k) {
        if (words[k].head != static_cast<int>(w) + 1) continue;
        const std::string l = util::AsciiLower(words[k].lemma);
        if (l == "both" && words[k].deprel.rfind("det", 0) == 0) n = 2, definite = true;
        if (words[k].deprel == "nummod" && (l == "two" || l == "2")) n = std::max(n, 2);
        if (words[k].deprel == "nummod" && (l == "three" || l == "3")) n = std::max(n, 3);
        if (words[k].deprel == "det" && In(l, {"the", "these", "those"})) definite = true;
      }
      if (n == 0 || !definite) continue;
      // The subject of the group's own predicate (the first verb over it, through verb
      // conjuncts): "Trump criticised both countries" does not count Trump.
      std::vector<int> subjects;
      int v = words[w].head - 1;
      while (v >= 0 && words[v].upos != "VERB" && words[v].upos != "AUX") v = words[v].head - 1;
      for (int steps = 0; v >= 0 && steps < 4 && subjects.empty(); ++steps) {
        for (size_t k = 0; k < words.size(); ++k) {
          if (words[k].head == v + 1 && words[k].deprel.rfind("nsubj", 0) == 0) {
            subjects.push_back(static_cast<int>(k));
          }
        }
        if (words[v].deprel != "conj") break;
        v = words[v].head - 1;
      }
      // The sides: the latest coordination of exactly n of them before the group (in its own
      // sentence, not its predicate's subject: "a ceasefire between Israel and Iran ... after
      // both countries accused each other"); else, for people, the last n named in the group's
      // sentence and the three before it.
      auto key_of = [&](const Mention& x) {
        if (g == Group::kPeople) return x.person ? std::to_string(x.actor) : std::string();
        if (g == Group::kSides) return x.code;
        return x.country;
      };
      auto usable = [&](size_t i) {
        const Mention& x = seen[i];
        if (key_of(x).empty()) return false;
        if (i < before) return true;
        if (x.end_word > static_cast<int>(w)) return false;
        for (int k : subjects) {
          if (x.first_word <= k && k < x.end_word) return false;
        }
        return true;
      };
      // "Both sides" are first those of a coordination after "between" ("a ceasefire between
      // Israel and Hezbollah"): the latest pair named is too often the mediators ("the United
      // States and France brokered the agreement").
      std::vector<const Mention*> sides;
      for (int pass = g == Group::kSides ? 0 : 1; pass < (brokered ? 1 : 2) && sides.empty();
           ++pass) {
        for (size_t i = seen.size(); i-- > 0 && sides.empty();) {
          if (!usable(i)) continue;
          std::vector<const Mention*> members;
          std::unordered_set<std::string> keys;
          bool between = false;
          for (size_t k = 0; k < seen.size(); ++k) {
            if (seen[k].coordination == seen[i].coordination && usable(k) &&
                keys.insert(key_of(seen[k])).second) {
              members.push_back(&seen[k]);
              between = between || seen[k].between;
            }
          }
          if (static_cast<int>(members.size()) == n && (pass == 1 || between)) sides = members;
        }
      }
      if (sides.empty() && g == Group::kPeople) {
        std::unordered_set<std::string> keys;
        for (size_t i = seen.size(); i-- > 0 && static_cast<int>(sides.size()) < n;) {
          if (seen[i].sentence + 3 >= si && usable(i) && keys.insert(key_of(seen[i])).second) {
            sides.push_back(&seen[i]);
          }
        }
      }
      if (static_cast<int>(sides.size()) < n) continue;
      std::sort(sides.begin(), sides.end(), [](const Mention* x, const Mention* y) {
        return x < y;  // Text order (`seen` is in text order).
      });
      ActorMatch m = WordMatch(words, w, "group");
      for (const Mention* x : sides) {
        m.codes.push_back(g == Group::kPeople || g == Group::kSides ? x->code
                          : g == Group::kGovernments                ? x->country + "GOV"
                                                                    : x->country);
        if (g == Group::kPeople) m.actors.push_back(x->actor);
      }
      if (!m.actors.empty()) m.actor = m.actors[0];
      added.emplace_back(w, std::move(m));
    }
    if (added.empty()) continue;
    for (auto& entry : added) {
      const int w = static_cast<int>(entry.first);
      std::erase_if(matches[si], [&](const ActorMatch& x) {
        return x.kind != ActorMatch::Kind::kDiscard && x.first_word <= w && w < x.end_word;
      });
      matches[si].push_back(std::move(entry.second));
    }
    std::stable_sort(
        matches[si].begin(), matches[si].end(),
        [](const ActorMatch& x, const ActorMatch& y) { return x.first_word < y.first_word; });
  }
}

std::vector<std::vector<ActorMatch>> EventCoder::DocumentActors(
    const Document& document, const std::vector<std::vector<ActorMatch>>* actors) const {
  // Every sentence's actors first, so that a person named in full in one sentence is found by a
  // part of the name in a later one (AddNameParts).
  std::vector<std::vector<ActorMatch>> matches;
  if (actors != nullptr) {
    matches = *actors;
  } else {
    MatchOptions mopt;
    mopt.day = MatchDay(document);
    mopt.report_discards = true;
    matches.reserve(document.sentences.size());
    for (const Sentence& s : document.sentences)
      matches.push_back(impl_->matcher.Match(s.words, mopt));
  }
  matches.resize(document.sentences.size());
  if (impl_->options.name_parts) AddNameParts(impl_->dict, document, matches);
  if (impl_->options.pronouns) {
    AddPronouns(impl_->dict, document, /*possessives=*/impl_->use_native, matches);
  }
  if (impl_->options.groups || impl_->options.pronouns) {
    AddGroupReferences(impl_->dict, impl_->countries, document, impl_->options.groups,
                       impl_->options.pronouns, matches);
  }

  return matches;
}

std::vector<Event> EventCoder::Code(const Document& document, CodingStats* stats,
                                    const std::vector<std::vector<ActorMatch>>* actors) const {
  const std::vector<std::vector<ActorMatch>> matches = DocumentActors(document, actors);
  std::vector<Event> out;
  for (size_t i = 0; i < document.sentences.size(); ++i) {
    std::vector<Event> e = CodeSentence(document, static_cast<int>(i), stats, nullptr, &matches[i]);
    for (Event& ev : e) out.push_back(std::move(ev));
  }
  ResolveDocument(document, matches, out);
  return out;
}

namespace {

std::string SpanText(const Document& d, Span s) {
  if (s.end > d.text.size() || s.begin > s.end) return "";
  return d.text.substr(s.begin, s.size());
}

// Which contributing actor entry of `m` a code of it came from: the head when one of its codes
// begins the code, else the first other contributor (text order) with such a code; -1 if none.
int32_t EntryOfCode(const Dictionary& dict, const ActorMatch& m, const std::string& code) {
  auto gives = [&](int32_t actor) {
    if (actor < 0 || actor >= static_cast<int32_t>(dict.actors().size())) return false;
    for (const DatedCode& d : dict.actors()[actor].codes) {
      if (!d.code.empty() && code.compare(0, d.code.size(), d.code) == 0) return true;
    }
    return false;
  };
  if (gives(m.actor)) return m.actor;
  for (int32_t actor : m.actors) {
    if (gives(actor)) return actor;
  }
  return -1;
}

// CAMEO codes of mutual acts, coded in both directions when the sources are of several
// countries and there is no target (CoderOptions::reciprocal).
bool Reciprocal(const std::string& cameo) {
  static const std::unordered_set<std::string_view> kCodes = {"036", "040", "041", "044", "046",
                                                              "057", "060", "061", "062", "063",
                                                              "064", "190", "193", "194", "196"};
  return kCodes.count(cameo) > 0;
}

// Whether the predicate's object or oblique is "each other" or "one another": "both countries
// accused each other" is a mutual act whatever its code.
bool EachOther(const Tree& t, int p) {
  for (int k : t.kids[p]) {
    if (!In(t.base[k], {"obj", "iobj", "obl"})) continue;
    if (In(t.lemma[k], {"other", "another"}) && t.HasChildLemma(k, "det", {"each", "one"})) {
      return true;
    }
    if (In(t.lemma[k], {"each", "one"})) {
      for (int j : t.kids[k]) {
        if (In(t.lemma[j], {"other", "another"})) return true;
      }
    }
  }
  return false;
}

// The complement word of the act at p: p itself, or the verb up its chain of verb conjuncts
// (at most three: "agreed to resume flights and open talks" -> "resume"); -1 at the root.
int ComplementOf(const Tree& t, int p) {
  int cur = p;
  for (int steps = 0;
       steps < 3 && t.head[cur] >= 0 && t.rel[cur] == "conj" && t.IsVerbal(t.head[cur]); ++steps) {
    cur = t.head[cur];
  }
  return t.head[cur] >= 0 ? cur : -1;
}

// The word that promises the act at p, or -1: a commissive verb or adjective whose open
// complement p is ("agreed to hold talks", "pledged to send troops", "is ready to work with"),
// also through a coordination of complements ("agreed to resume flights and open talks").
int CommissiveHead(const Tree& t, int p) {
  const int c = ComplementOf(t, p);
  if (c < 0 || t.rel[c] != "xcomp") return -1;
  const int h = t.head[c];
  return t.Is(t.lemma[h], WordClass::kCommissive) ? h : -1;
}

// CAMEO's "express intent" code (03) for a promised act, or "" when the act's category has none:
// consult 04 -> 036 (mediate 045 -> 039), diplomatic cooperation 05 -> 032 (agreement 057 ->
// 030), material cooperation 06 -> 031 (0311-0314), aid 07 -> 033 (0331-0334), yield 08 -> 035
// (0351-0356; political reform 083 -> 034).
std::string IntentCode(const std::string& cameo) {
  if (cameo.size() < 3) return "";
  const std::string root = cameo.substr(0, 2), base = cameo.substr(0, 3);
  if (root == "04") return base == "045" ? "039" : "036";
  if (root == "05") return base == "057" ? "030" : "032";
  if (root == "06") {
    static const std::unordered_map<std::string_view, std::string_view> k = {
        {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}};
    auto it = k.find(base);
    return it == k.end() ? "031" : std::string(it->second);
  }
  if (root == "07") {
    static const std::unordered_map<std::string_view, std::string_view> k = {
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}};
    auto it = k.find(base);
    return it == k.end() ? "033" : std::string(it->second);
  }
  if (root == "08") {
    static const std::unordered_map<std::string_view, std::string_view> k = {
        {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"},
        {"085", "0354"}, {"086", "0355"}, {"087", "0356"}};
    auto it = k.find(base);
    return it == k.end() ? "035" : std::string(it->second);
  }
  return "";
}

// The word that threatens the act at p, or -1: the open complement of "threaten" or of a vow
// ("threatened to strike the bases", "vowed to retake the city", "is ready to strike"), or the
// clausal complement of "warn" or "threaten" when its verb is in the future or conditional
// ("warned that Israel would strike Hezbollah"); also through a coordination of complements.
int ThreatHead(const Tree& t, int p) {
  const int c = ComplementOf(t, p);
  if (c < 0) return -1;
  const int h = t.head[c];
  if (t.rel[c] == "xcomp") {
    return t.Is(t.lemma[h], WordClass::kThreat) ? h : -1;
  }
  if (t.rel[c] == "ccomp" && t.Is(t.lemma[h], WordClass::kWarning)) {
    for (int k : t.kids[c]) {
      if (t.rel[k] == "aux" && In(t.lemma[k], {"will", "would", "shall", "could", "might"})) {
        return h;
      }
    }
  }
  return -1;
}

// CAMEO's "threaten" code (13) for a threatened act, or "" when the act is no threat: protest 14
// -> 133; reduce relations 16 -> 131 (aid 162 -> 1311, sanctions 163 -> 1312, relations 161 ->
// 1313), halt negotiations 164 -> 134, mediation 165 -> 135, expel 166 -> 136; coerce 17 -> 130
// (administrative sanctions 172 -> 132, 1721-1724 -> 1321-1324; repression 175 -> 137); force
// 18-20 -> 138 (blockade 191 -> 1381, occupation 192 -> 1382, other conventional force 193-196 ->
// 1384, unconventional violence 18 and mass violence 20 -> 1383, weapons of mass destruction 204
// -> 1385).
std::string ThreatCode(const std::string& cameo) {
  if (cameo.size() < 3) return "";
  const std::string root = cameo.substr(0, 2), base = cameo.substr(0, 3);
  if (root == "14") return "133";
  if (root == "16") {
    static const std::unordered_map<std::string_view, std::string_view> k = {
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"},
        {"164", "134"},  {"165", "135"},  {"166", "136"}};
    auto it = k.find(base);
    return it == k.end() ? "131" : std::string(it->second);
  }
  if (root == "17") {
    if (base == "175") return "137";
    if (base == "172") return cameo.size() == 4 ? "132" + cameo.substr(3, 1) : "132";
    return "130";
  }
  if (root == "18") return "1383";
  if (root == "19") {
    if (base == "191") return "1381";
    if (base == "192") return "1382";
    return base == "190" ? "138" : "1384";
  }
  if (root == "20") return base == "204" ? "1385" : "1383";
  return "";
}

std::string Join(const std::vector<std::string>& v, const char* sep = ",") {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

}  // namespace

std::optional<int32_t> EventCoder::MatchDay(const Document& document) const {
  std::string date_text = document.date.substr(0, std::min<size_t>(10, document.date.size()));
  if (date_text.empty()) date_text = impl_->options.default_date;
  if (!ParseIsoDate(date_text).ok()) return std::nullopt;
  Result<int32_t> day = ParseIsoDay(date_text);
  if (!day.ok()) return std::nullopt;
  return *day;
}

std::vector<Event> EventCoder::CodeSentence(const Document& document, int sentence_index,
                                            CodingStats* stats, CodingTrace* trace,
                                            const std::vector<ActorMatch>* actors) const {
  const Impl& im = *impl_;
  std::vector<Event> events;
  if (sentence_index < 0 || sentence_index >= static_cast<int>(document.sentences.size())) {
    return events;
  }
  const Sentence& s = document.sentences[sentence_index];
  CodingStats local;
  local.sentences = 1;
  auto finish = [&]() {
    local.events = static_cast<int64_t>(events.size());
    if (stats) stats->Add(local);
  };
  if (s.words.empty()) {
    finish();
    return events;
  }
  bool parsed =
      std::any_of(s.words.begin(), s.words.end(), [](const Word& w) { return w.head >= 0; });
  if (!parsed) {
    if (trace) trace->lines.push_back("sentence has no dependency parse: nothing coded");
    finish();
    return events;
  }
  Tree t = BuildTree(s);
  t.classes = &im.classes;

  // Story date.
  std::string date_text = document.date.substr(0, std::min<size_t>(10, document.date.size()));
  if (date_text.empty()) date_text = im.options.default_date;
  std::optional<CivilDate> anchor;
  MatchOptions mopt;
  if (Result<CivilDate> d = ParseIsoDate(date_text); d.ok()) {
    anchor = *d;
    if (Result<int32_t> day = ParseIsoDay(date_text); day.ok()) mopt.day = *day;
  }

  // Actors.
  SentenceActors a;
  mopt.report_discards = true;
  std::vector<ActorMatch> all = actors != nullptr ? *actors : im.matcher.Match(s.words, mopt);
  bool discarded = false;
  for (ActorMatch& m : all) {
    if (m.kind == ActorMatch::Kind::kDiscard) {
      discarded = true;
      if (trace) trace->lines.push_back("discard phrase '" + SpanText(document, m.span) + "'");
      continue;
    }
    if (m.codes.empty()) continue;
    // The dateline ("BEIJING, Sept 2 (Reuters) -") says where and by whom the story was filed,
    // not who did what: its place and agency are no actors of the first sentence's events.
    if (document.dateline && m.span.begin >= document.dateline->span.begin &&
        m.span.end <= document.dateline->span.end) {
      if (trace) {
        trace->lines.push_back("dateline mention '" + SpanText(document, m.span) +
                               "' is not an actor");
      }
      continue;
    }
    // A person of the dictionary found by one word of the name ("Bolsonaro") right after a
    // capitalised proper noun that no match covers and that is no title (word class `title`:
    // "Mr.", "Ayatollah") is another person of that family name: "Eduardo Bolsonaro" is not Jair
    // Bolsonaro, "Hunter Biden" not Joe Biden.
    if (im.use_native && m.kind == ActorMatch::Kind::kActor && m.end_word == m.first_word + 1 &&
        m.first_word >= 1 && m.first_word < static_cast<int>(s.words.size()) &&
        NamesPerson(im.dict, m) && m.how != "pronoun" && m.how != "group" &&
        m.how != "coreference" && s.words[m.first_word].upos == "PROPN") {
      const Word& before = s.words[m.first_word - 1];
      const std::string l = util::AsciiLower(before.form);
      bool covered = false;
      for (const ActorMatch& o : all) {
        covered = covered || (o.first_word <= m.first_word - 1 && m.first_word - 1 < o.end_word);
      }
      if (!covered && before.upos == "PROPN" && !before.form.empty() && before.form[0] >= 'A' &&
          before.form[0] <= 'Z' && !im.classes.Has(l, WordClass::kTitle)) {
        if (trace) {
          trace->lines.push_back("'" + before.form + " " + SpanText(document, m.span) +
                                 "': another person than the dictionary's " +
                                 im.dict.actors()[m.actor].name);
        }
        continue;
      }
    }
    // "All parties", "both parties", "the warring parties": the sides of a conflict or a
    // negotiation, not political parties (PTY).
    if (im.use_native && m.kind == ActorMatch::Kind::kAgent && m.end_word == m.first_word + 1 &&
        m.first_word >= 0 && m.first_word < static_cast<int>(s.words.size()) &&
        std::all_of(m.codes.begin(), m.codes.end(),
                    [](const std::string& c) { return c == "PTY"; })) {
      const int w = m.first_word;
      bool sides = false;
      for (const Word& x : s.words) {
        if (x.head != w + 1) continue;
        const std::string l = util::AsciiLower(x.lemma);
        sides = sides ||
                (x.deprel.rfind("det", 0) == 0 && In(l, {"all", "both", "each", "either"})) ||
                ((x.deprel == "amod" || x.deprel == "acl") &&
                 In(l, {"warring", "conflicting", "concerned", "relevant", "involved", "opposing",
                        "belligerent", "fighting"}));
      }
      if (sides) {
        if (trace) {
          trace->lines.push_back("'" + SpanText(document, m.span) +
                                 "': the sides of a conflict, not political parties");
        }
        continue;
      }
    }
    // A prefix agent (PETRARCH "[NGO~]") right before an actor composes with it: "MSF Arnor"
    // -> NGOARN, "MSF Arnor diplomat" -> NGOARNGOV.
    if (m.kind == ActorMatch::Kind::kActor && !a.matches.empty()) {
      ActorMatch& prev = a.matches.back();
      bool prefix = prev.kind == ActorMatch::Kind::kAgent && prev.end_word == m.first_word &&
                    !prev.agents.empty();
      for (int32_t ag : prev.agents) {
        prefix = prefix && ag >= 0 && ag < static_cast<int32_t>(im.dict.agents().size()) &&
                 im.dict.agents()[ag].prefix;
      }
      if (prefix) {
        std::vector<std::string> codes;
        for (const std::string& pc : prev.codes) {
          for (const std::string& c : m.codes) codes.push_back(pc + c);
        }
        m.codes = std::move(codes);
        m.first_word = prev.first_word;
        m.span.begin = prev.span.begin;
        m.agents.insert(m.agents.begin(), prev.agents.begin(), prev.agents.end());
        a.matches.back() = std::move(m);
        continue;
      }
    }
    a.matches.push_back(std::move(m));
  }
  a.at.assign(t.n, -1);
  for (size_t mi = 0; mi < a.matches.size(); ++mi) {
    const ActorMatch& m = a.matches[mi];
    int hw = std::max(0, m.end_word - 1);
    for (int w = m.first_word; w < m.end_word && w < t.n; ++w) {
      a.at[w] = static_cast<int>(mi);
      int h = t.head[w];
      if (h < m.first_word || h >= m.end_word) hw = w;
    }
    a.head.push_back(std::min(hw, t.n - 1));
  }
  // Country + agent across an nmod/possessor: "soldiers from Gondor" -> GONMIL, distributed over
  // coordinated countries ("ambassadors of Arnor, Osgiliath and Gondor") and shared by a
  // coordinated agent ("lawmakers and officials from Arnor").
  auto countries_of = [&](int w) {
    std::vector<int> out;
    for (int k : t.kids[w]) {
      if (!(t.base[k] == "nmod" || t.rel[k] == "nmod:poss")) continue;
      int c = a.at[k];
      // "soldiers from Gondor wire(s)": a country compounding the head of an of/from nmod.
      if (c < 0 && In(t.prep[k], {"of", "from"})) {
        for (int g : t.kids[k]) {
          if (c < 0 && In(t.base[g], {"compound", "flat"})) c = a.at[g];
        }
      }
      if (c < 0 || a.matches[c].kind != ActorMatch::Kind::kActor) continue;
      AddMatch(out, c);
      std::vector<int> stack = t.kids[k];
      while (!stack.empty()) {
        int j = stack.back();
        stack.pop_back();
        if (t.base[j] != "conj") continue;
        if (a.at[j] >= 0 && a.matches[a.at[j]].kind == ActorMatch::Kind::kActor) {
          AddMatch(out, a.at[j]);
        }
        for (int g : t.kids[j]) stack.push_back(g);
      }
    }
    return out;
  };
  const size_t base_matches = a.matches.size();
  for (size_t mi = 0; mi < base_matches; ++mi) {
    if (a.matches[mi].kind != ActorMatch::Kind::kAgent) continue;
    int w = a.head[mi];
    std::vector<int> cs = countries_of(w);
    for (int h = w; cs.empty() && t.base[h] == "conj" && t.head[h] >= 0;) {
      h = t.head[h];
      cs = countries_of(h);
    }
    std::sort(cs.begin(), cs.end(),
              [&](int x, int y) { return a.matches[x].first_word < a.matches[y].first_word; });
    for (int c : cs) {
      ActorMatch x = a.matches[mi];
      x.kind = ActorMatch::Kind::kActor;
      x.actor = a.matches[c].actor;
      x.codes.clear();
      // A person or a government gives the country ("his forces": Burhan's SDNGOV -> SDNMIL, as
      // "Burhan's forces" is; "the Russian Defence Ministry said its troops" RUSMIL); a code
      // that already holds the agent's type gives itself ("the ICC ... its judges": IGOJUDICC,
      // not IGOJUDICCJUD).
      const bool person = NamesPerson(im.dict, a.matches[c]);
      for (const std::string& cc : a.matches[c].codes) {
        const std::string country = im.CountryOf(cc);
        for (const std::string& ac : a.matches[mi].codes) {
          bool holds = false;
          for (size_t k = 3; k + ac.size() <= cc.size() && !ac.empty(); k += 3) {
            holds = holds || cc.compare(k, ac.size(), ac) == 0;
          }
          if (holds) {
            x.codes.push_back(cc);
          } else if (!country.empty() && (person || cc == country + "GOV")) {
            x.codes.push_back(country + ac);
          } else {
            x.codes.push_back(cc + ac);
          }
        }
      }
      a.composed[static_cast<int>(mi)].push_back(static_cast<int>(a.matches.size()));
      a.head.push_back(a.head[mi]);
      a.matches.push_back(std::move(x));
    }
  }
  if (trace) {
    for (const ActorMatch& m : a.matches) {
      trace->lines.push_back("actor '" + SpanText(document, m.span) + "' -> " + Join(m.codes, "+") +
                             " (" + std::string(ActorMatchKindName(m.kind)) +
                             (m.how.empty() ? "" : ", " + std::string(m.how)) + ")");
    }
  }
  if (discarded) {
    local.discarded_sentences = 1;
    if (trace) trace->lines.push_back("sentence discarded: nothing coded");
    finish();
    return events;
  }

  auto make_ref = [&](int mi) {
    const ActorMatch& m = a.matches[mi];
    ActorRef r;
    r.code = m.codes.empty() ? "" : m.codes[0];
    if (m.kind == ActorMatch::Kind::kAgent && !r.code.empty()) {
      r.code = im.options.bare_agent_prefix + r.code;
    }
    r.text = SpanText(document, m.span);
    r.span = m.span;
    if (m.actor >= 0 && m.actor < static_cast<int>(im.dict.actors().size())) {
      r.name = im.dict.actors()[m.actor].name;
      r.entry_id = im.dict.Where(im.dict.actors()[m.actor].where);
    }
    return r;
  };
  // One ActorRef per code (a coordinated match "Russian and North Korean counterparts" carries
  // several codes and becomes several actors); a code found twice in one role ("the President
  // of Iran Masoud Pezeshkian" as two mentions) is listed once, at its first mention.
  auto refs = [&](const std::vector<int>& ms) {
    std::vector<ActorRef> out;
    for (int mi : ms) {
      ActorRef base = make_ref(mi);
      for (const std::string& c0 : a.matches[mi].codes) {
        std::string c = CollapseRepeats(c0);
        // An international organisation's leaders, officials or envoys are the organisation:
        // "Leaders of the Group of Seven" IGOGOS, "UN envoy Pedersen" IGOUNO (not IGO...GOV).
        if (im.use_native && c.size() > 6 && c.compare(0, 3, "IGO") == 0 &&
            c.compare(c.size() - 3, 3, "GOV") == 0) {
          c.resize(c.size() - 3);
        }
        // So are the leaders, officials and spokesmen of any other group with a role of its own:
        // "student leaders" EDU, "rebel leaders" REB, "Hamas officials" PSEREBHMS, "Russian
        // military leaders" RUSMIL (not EDUGOV, REBGOV, ...). A group's government stays one
        // ("the Taliban government").
        if (im.use_native && c.size() > 3 && c.compare(c.size() - 3, 3, "GOV") == 0 &&
            c.size() - 3 > im.CountryOf(c).size() && GroupOfficials(s, a.matches[mi])) {
          c.resize(c.size() - 3);
        }
        if (a.matches[mi].kind == ActorMatch::Kind::kAgent) c = im.options.bare_agent_prefix + c;
        ActorRef r = base;
        r.code = c;
        // Name and entry of the actor the code came from: in a coordination ("Russian and North
        // Korean counterparts") each code has its own entry; the head's when it gave the code.
        const int32_t from = EntryOfCode(im.dict, a.matches[mi], c0);
        if (from >= 0 && from != a.matches[mi].actor) {
          r.name = im.dict.actors()[from].name;
          r.entry_id = im.dict.Where(im.dict.actors()[from].where);
        }
        if (std::none_of(out.begin(), out.end(), [&](const ActorRef& x) { return x.code == c; })) {
          out.push_back(std::move(r));
        }
      }
    }
    return out;
  };

  std::vector<bool> used_actor(a.matches.size(), false);
  std::vector<bool> consumed(t.n, false);
  std::vector<std::string> date_iso;
  std::vector<DateMention> dates;
  if (anchor) dates = FindDates(SpanText(document, s.span), *anchor);

  // Predicates: verbs first (in text order), then nouns not consumed by a light verb.
  std::vector<int> order;
  for (int pass = 0; pass < 2; ++pass) {
    for (int i = 0; i < t.n; ++i) {
      const std::string& u = s.words[i].upos;
      bool verb = u == "VERB" ||
                  (u == "AUX" && t.rel[i] != "aux" && t.rel[i] != "cop" && t.rel[i] != "aux:pass");
      bool noun = u == "NOUN" || u == "PROPN";
      if ((pass == 0 && verb) || (pass == 1 && noun && im.use_native)) order.push_back(i);
    }
  }
  std::vector<bool> coded(t.n, false);
  // Words whose promised or threatened acts were coded as intents or threats (CommissiveHead,
  // ThreatHead): their own generic event is folded into those.
  std::vector<int> promisers;
  for (int p : order) {
    if (consumed[p]) continue;
    // PETRARCH codes a verb phrase once: the open complement of a coded verb ("urged X to
    // respond to Y") is part of that verb's event, not an event of its own.
    if (!im.use_native && t.rel[p] == "xcomp" && t.head[p] >= 0 && coded[t.head[p]]) {
      if (trace) {
        trace->lines.push_back("predicate '" + s.words[p].form + "': complement of coded '" +
                               s.words[t.head[p]].form + "', not coded apart");
      }
      continue;
    }
    bool is_noun = s.words[p].upos == "NOUN" || s.words[p].upos == "PROPN";
    if (is_noun && a.at[p] >= 0) continue;  // An actor name is not a predicate.
    if (im.use_native && !is_noun && NamingUse(t, p)) {
      if (trace) trace->lines.push_back("predicate '" + s.words[p].form + "' names, no event");
      continue;
    }
    bool passive = false;
    Found src = im.Subject(t, a, p, passive);
    std::vector<Candidate> cands;
    if (im.use_native) {
      if (trace && im.native.Find(is_noun, t.lemma[p])) {
        trace->lines.push_back("predicate '" + s.words[p].form + "' (" + t.lemma[p] + ", " +
                               s.words[p].upos + (passive ? ", passive" : "") + ")");
      }
      cands = im.NativeCandidates(t, p, passive, trace);
      // Light verb with no row of its own: try NOUN rows of its object.
      if (cands.empty() && !is_noun && !t.Is(t.lemma[p], WordClass::kBystander)) {
        int o = t.Child(p, "obj");
        if (o >= 0 && im.native.Find(true, t.lemma[o])) {
          for (Candidate& c : im.NativeCandidates(t, o, false, trace)) {
            c.object_noun = o;
            c.noun_row = true;
            c.why = "object noun '" + s.words[o].form + "' of '" + s.words[p].form + "'";
            cands.push_back(std::move(c));
          }
        }
      }
    } else {
      if (trace) {
        trace->lines.push_back("predicate '" + s.words[p].form + "' (" + t.lemma[p] +
                               (passive ? ", passive" : "") + ")");
      }
      std::optional<Candidate> c = im.PetrarchCandidate(t, a, p, trace);
      if (c) cands.push_back(std::move(*c));
    }
    if (cands.empty()) continue;
    // The first candidate whose target requirement is met wins; else the first one whose target
    // path names a word of the sentence; else the first one.
    const Candidate* chosen = nullptr;
    bool chosen_present = false;
    Found tgt;
    for (const Candidate& c : cands) {
      Found f;
      if (c.target_bound) {
        f.matches = c.targets;
      } else if (c.row) {
        for (const TargetPath& path : c.row->targets) {
          f = im.Target(t, a, p, path, passive, c.object_noun);
          // A protest held in a country, or in a place standing for one ("rallied in central
          // Dhaka"), is aimed at that country's government when the protesters are of that
          // country or of none; abroad ("Filipinos rallied in Hong Kong") the place is only
          // where it happened, no target. "Rallied outside parliament" and "protested against
          // Israel" keep theirs.
          if (im.use_native && c.row->cameo.rfind("14", 0) == 0 && !path.via_object &&
              path.rel == "obl" && path.prep == "in" && im.AllPlaces(a, f) &&
              im.ForeignPlace(a, src, f)) {
            f.matches.clear();
          }
          if (!f.matches.empty()) break;
        }
        // "X was under attack": the row's paths name the noun's own modifiers; X suffers it.
        if (f.matches.empty() && t.PatientPhrase(p)) {
          f = im.ActorsAt(t, a, t.Referent(t.Patient(p)));
        }
        // A row for an addressed act fires only with its addressee (flag `addressed`).
        if (c.row->addressed && f.matches.empty()) continue;
      } else {
        f = im.DefaultTarget(t, a, p, passive);
      }
      // Only between rows of the same specificity: an object the row asks for ("seized a
      // tanker", 1711) already says which reading it is.
      bool present = false;
      if (c.row && !c.target_bound) {
        for (const TargetPath& path : c.row->targets) {
          present = present || im.PathPresent(t, p, path, passive);
        }
      }
      const bool same_specificity =
          chosen && chosen->row && c.row && chosen->row->Specificity() == c.row->Specificity();
      if (!chosen ||
          (!f.matches.empty() && tgt.matches.empty() && c.row && !c.row->targets.empty()) ||
          (present && !chosen_present && same_specificity && tgt.matches.empty())) {
        if (!chosen || tgt.matches.empty()) {
          chosen = &c;
          chosen_present = present;
          tgt = f;
        }
      }
      // A row with no target path is complete as it is, unless a more specific row, one whose
      // object it names, came first: "announced sanctions against 100 tankers" is the sanctions
      // row (163) with no target, not the generic "announced" (010). Not when the object names
      // its own sides ("announced a ceasefire between India and Pakistan" is theirs, not the
      // announcer's).
      const bool outranked = chosen && chosen != &c && chosen->row && c.row &&
                             chosen->row->Specificity() > c.row->Specificity() &&
                             !(chosen->object_noun >= 0 && [&] {
                               for (int k : t.kids[chosen->object_noun]) {
                                 if (t.base[k] == "nmod" && t.prep[k] == "between") return true;
                               }
                               return false;
                             }());
      if (!f.matches.empty() || (c.row && c.row->targets.empty() && !outranked)) {
        chosen = &c;
        tgt = f;
        break;
      }
    }
    const Candidate& c = *chosen;
    // Force against a place: "struck targets in Beirut", "shelled positions near Kharkiv". An
    // assault, a fight or mass violence (CAMEO 18-20) with no target actor takes the actor named
    // by where it happened, under its object or on the verb (a capital stands for its country).
    if (im.use_native && tgt.matches.empty() && c.row && !c.row->noun &&
        (c.code.rfind("18", 0) == 0 || c.code.rfind("19", 0) == 0 || c.code.rfind("20", 0) == 0)) {
      tgt = im.PlaceTarget(t, a, p, passive);
      if (trace && !tgt.matches.empty()) {
        trace->lines.push_back("  target: the place where it happened");
      }
    }
    // A row with targets that found none: an actor inside the verb's object phrase ("suspended
    // imports of Japanese seafood", "freed several Armenian detainees"), where the row's paths did
    // not look.
    if (im.use_native && tgt.matches.empty() && c.row && !c.row->noun && !c.noun_row &&
        !c.row->targets.empty() && !passive) {
      // Countries and organisations only (not "sent troops", MIL), and not through a place
      // phrase ("a pipeline through Mongolia"). An object that is itself an actor is one the row
      // does not take as target ("discussed the African Union force").
      // A free relative of naming, "criticised what they called the military activity of the
      // United States", names the object in the naming verb's phrase.
      std::vector<int> phrases;
      if (int o = t.Child(p, "obj"); o >= 0 && t.lemma[o] == "what") {
        for (int k : t.kids[o]) {
          if (t.rel[k] != "acl:relcl" || !t.Is(t.lemma[k], WordClass::kNaming)) continue;
          for (int j : t.kids[k]) {
            if (t.base[j] == "obj" || t.base[j] == "xcomp") phrases.push_back(j);
          }
        }
      } else if (o >= 0) {
        phrases.push_back(o);
      }
      for (int o : phrases) {
        // A sum of money holds no target ("pledged €522 million, and Germany €125 million").
        if (a.at[o] >= 0 || CurrencySign(t.lemma[o])) continue;
        tgt = im.ActorsAt(t, a, o, /*source=*/true);
        std::erase_if(tgt.matches,
                      [&](int m) { return a.matches[m].kind != ActorMatch::Kind::kActor; });
        // The phrase search stops at its first actor, which may be an agent ("the military
        // activity of the United States"): then the first actor of the phrase's nmods.
        for (int k : t.kids[o]) {
          if (!tgt.matches.empty()) break;
          if (t.base[k] != "nmod" || !In(t.prep[k], {"of", "from", "by"})) continue;
          tgt = im.ActorsAt(t, a, k, /*source=*/true);
          std::erase_if(tgt.matches,
                        [&](int m) { return a.matches[m].kind != ActorMatch::Kind::kActor; });
        }
        if (!tgt.matches.empty()) {
          if (trace) trace->lines.push_back("  target: an actor in the object phrase");
          break;
        }
      }
    }
    if (c.code == "---" || c.code.empty() || c.code.rfind("---:", 0) == 0) {
      if (trace) trace->lines.push_back("  -> no event: the pattern's code is '---'");
      continue;
    }
    std::vector<int> srcs = c.source_bound ? c.sources : src.matches;
    std::vector<int> tgts = tgt.matches;
    // An actor is not its own target (a coordination split over both roles stays a source).
    tgts.erase(
        std::remove_if(tgts.begin(), tgts.end(),
                       [&](int m) { return std::find(srcs.begin(), srcs.end(), m) != srcs.end(); }),
        tgts.end());
    if (c.compound && tgts.empty() && srcs.size() >= 2) tgts = srcs;
    // PETRARCH's "first noun phrase after the verb": the first actor after the verb in its
    // subtree (not in reported or coordinated clauses, nor the verb's subject), not in `exclude`.
    auto by_position = [&](const std::vector<int>& exclude, const char* role, bool own_clause) {
      std::vector<int> out;
      std::vector<int> stack = {p};
      std::vector<int> sub;
      while (!stack.empty()) {
        int w = stack.back();
        stack.pop_back();
        sub.push_back(w);
        for (int k : t.kids[w]) {
          if (t.base[k] == "parataxis") continue;
          if (w == p && In(t.base[k], {"nsubj", "csubj"})) continue;
          // Coordinated clauses, also those a parse headed by a noun ("burned down its embassy,
          // a senior official said on Saturday" with "Saturday" as the conjunct).
          if (t.base[k] == "conj" && (t.IsVerbal(k) || t.Child(k, "nsubj") >= 0)) continue;
          if (own_clause && In(t.base[k], {"ccomp", "advcl", "xcomp", "csubj", "acl"})) continue;
          stack.push_back(k);
        }
      }
      std::sort(sub.begin(), sub.end());
      if (trace) {
        std::string words;
        for (int w : sub) words += " " + s.words[w].form + (a.at[w] >= 0 ? "*" : "");
        trace->lines.push_back(std::string("  looking for a ") + role +
                               " after the verb among:" + words);
      }
      auto excluded = [&](int m) {
        return std::find(exclude.begin(), exclude.end(), m) != exclude.end();
      };
      for (int w : sub) {
        int m = a.at[w];
        if (w <= p || m < 0 || excluded(m)) continue;
        Found f = im.ActorsAt(t, a, a.head[m]);
        if (f.matches.empty()) f.matches.push_back(m);
        for (int x : f.matches) {
          if (!excluded(x)) out.push_back(x);
        }
        if (trace) {
          trace->lines.push_back(std::string("  ") + role + " by position: '" + s.words[w].form +
                                 "'");
        }
        break;
      }
      return out;
    };
    // A demand or an appeal that someone do something: "demanded that Moscow admit its guilt",
    // "his demand that Armenia change its constitution". The one asked is the subject of the
    // clause that says what is asked.
    if (im.use_native && tgts.empty() && (is_noun || t.Child(p, "obj") < 0) &&
        (c.code.rfind("10", 0) == 0 || c.code.rfind("02", 0) == 0)) {
      for (int k : t.kids[p]) {
        if (!(t.base[k] == "ccomp" || (is_noun && t.base[k] == "acl"))) continue;
        const int subj = t.Child(k, "nsubj");
        // Not "demanded a ceasefire after the United States abstained" (a clause the parser
        // took for the complement).
        if (subj < 0 || (t.Child(k, "mark") >= 0 && !t.HasChildLemma(k, "mark", {"that"}))) {
          continue;
        }
        for (int m : im.ActorsAt(t, a, subj).matches) {
          if (std::find(srcs.begin(), srcs.end(), m) == srcs.end()) tgts.push_back(m);
        }
        if (!tgts.empty()) {
          if (trace) {
            trace->lines.push_back("  target: '" + s.words[subj].form + "', asked to '" +
                                   s.words[k].form + "'");
          }
          break;
        }
      }
    }
    if (tgts.empty() && im.options.loose_targets) tgts = by_position(srcs, "target", false);
    // A passive without an agent ("X was criticized over its dispute with Y"): PETRARCH takes
    // the source from after the verb as well.
    if (srcs.empty() && passive && !c.source_bound && im.options.loose_targets) {
      srcs = by_position(tgts, "source", true);
    }
    // "040:040": the first code for source -> target, the second for target -> source.
    std::string code = c.code, reverse_code;
    if (size_t colon = code.find(':'); colon != std::string::npos) {
      reverse_code = code.substr(colon + 1);
      code = code.substr(0, colon);
    }
    // Whether `ms` has a match, none of them a dictionary person when `no_person`, and every code
    // of them a role (letters 4-6 of a composed code, or a bare agent code) that `test` accepts.
    auto all_roles = [&](const std::vector<int>& ms, bool no_person, auto test) {
      bool all = !ms.empty();
      for (int m : ms) {
        all = all && !(no_person && NamesPerson(im.dict, a.matches[m]));
        for (const std::string& ac : a.matches[m].codes) {
          all = all && test(ac.size() >= 6 ? ac.substr(3, 3) : ac.size() == 3 ? ac : "");
        }
      }
      return all;
    };
    auto opposition = [](const std::string& role) { return role == "OPP"; };
    // Force (CAMEO 18, 19), as coded so far (a strike may have just become 190).
    auto force = [&] { return code.rfind("18", 0) == 0 || code.rfind("19", 0) == 0; };
    // "Strike" names a labour strike (143) when workers, students or protesters strike, and
    // force (190) when a state or an armed group does: "the U.S. strikes", "Israeli strikes",
    // "the army struck".
    if (im.use_native && code == "143" && In(t.lemma[p], {"strike"}) &&
        all_roles(srcs, false, [](const std::string& role) {
          return !In(role, {"LAB", "OPP", "EDU", "CVL", "BUS", "MED", "HLH", "AGR", "REF", "ELI",
                            "LEG", "JUD", "NGO"});
        })) {
      if (trace) trace->lines.push_back("  a state's or armed group's strike: 143 -> 190");
      code = "190";
    }
    // Force by protesters is a riot, a violent protest (145): "Protesters attacked the
    // embassies", "demonstrators clashed with police"; not by a person of the opposition.
    if (im.use_native && force() && all_roles(srcs, true, opposition)) {
      if (trace) trace->lines.push_back("  force by protesters: " + code + " -> 145");
      code = "145";
      reverse_code.clear();
    }
    // Force by the police or the military against protesters is violent repression (175):
    // "police opened fire on young protesters".
    if (im.use_native && force() && all_roles(tgts, true, opposition) &&
        all_roles(srcs, false,
                  [](const std::string& role) { return role == "COP" || role == "MIL"; })) {
      if (trace) trace->lines.push_back("  force against protesters: " + code + " -> 175");
      code = "175";
      reverse_code.clear();
    }
    ++local.predicates;
    if (srcs.empty() && tgts.empty()) {
      if (trace) {
        trace->lines.push_back("  pattern " + c.pattern_id + " [" + c.code +
                               "] fits, but no source or target actor was found: no event");
      }
      continue;
    }
    if (srcs.empty() && (!im.use_native || im.options.require_source)) {
      if (trace) trace->lines.push_back("  no source actor: no event");
      continue;
    }
    if (tgts.empty() && im.options.require_target) {
      if (trace) trace->lines.push_back("  no target actor (a dyad is required): no event");
      continue;
    }
    // Nor is an actor its own target under another mention ("Russia ... the Russian war"),
    // except in PETRARCH compound patterns, where the coordinated actors act on each other.
    if (!c.compound) {
      std::vector<std::string> src_codes;
      for (int m : srcs)
        src_codes.insert(src_codes.end(), a.matches[m].codes.begin(), a.matches[m].codes.end());
      tgts.erase(std::remove_if(
                     tgts.begin(), tgts.end(),
                     [&](int m) {
                       const auto& cs = a.matches[m].codes;
                       return !cs.empty() && std::all_of(cs.begin(), cs.end(), [&](const auto& c) {
                         return std::find(src_codes.begin(), src_codes.end(), c) != src_codes.end();
                       });
                     }),
                 tgts.end());
    }
    Event e;
    e.document_id = document.id;
    e.sentence_index = sentence_index;
    e.sources = refs(srcs);
    e.targets = refs(tgts);
    auto set_code = [&](Event& ev, const std::string& cc) {
      ev.cameo = cc;
      if (im.have_cameo && im.cameo.Find(cc)) {
        (void)im.cameo.Annotate(ev);
      } else {
        ev.cameo_base = cc.substr(0, std::min<size_t>(3, cc.size()));
        ev.cameo_root = cc.substr(0, std::min<size_t>(2, cc.size()));
        ev.quad_class = 0;
        ev.goldstein = 0;
        ev.plover_event.clear();
      }
    };
    // A refusal: a row with refusal=CODE negated in its own clause ("Ukraine would not accept
    // any agreement", "will not back down") is that refusal, stated now, not a negated act.
    bool refused = false;
    if (im.use_native && c.row && !c.noun_row && !c.row->refusal.empty()) {
      // A stance, with a future or modal auxiliary ("would not", "will not", "cannot"); "did
      // not release them" only reports what was not done, "could not" an inability.
      Modality own;
      LocalModality(t, p, own);
      refused = own.negated &&
                t.HasChildLemma(p, "aux", {"will", "would", "shall", "can", "'ll", "wo", "ca"});
      if (refused) {
        if (trace) {
          trace->lines.push_back("  refused: negated " + code + " -> " + c.row->refusal);
        }
        code = c.row->refusal;
        reverse_code.clear();
      }
    }
    // A stance ("Moscow would respond") is stated now: its auxiliary is not its modality.
    const bool stance = im.use_native && c.row && !c.noun_row && c.row->stance;
    Modality mod = FindModality(t, p,
                                refused  ? AuxiliaryUse::kRefusal
                                : stance ? AuxiliaryUse::kStance
                                         : AuxiliaryUse::kModality);
    // A light verb's object noun called off by that verb: "cancelled a planned visit" (the visit
    // is the event, and it did not happen).
    if (c.noun_row && CalledOff(t, c.object_noun)) {
      mod.negated = true;
      mod.why.push_back("called off by '" + s.words[p].form + "'");
    }
    // ... or only intended: "Pyongyang plans another deployment" (no deployment yet).
    if (c.noun_row && IntendedNoun(t, c.object_noun)) {
      mod.hypothetical = true;
      mod.why.push_back("hypothetical: intended by '" + s.words[p].form + "'");
    }
    if (!im.options.negated_codes.empty()) {
      // PETRARCH's negation rewrite applies to a predicate negated in its own clause only ("won't
      // try to clash" keeps the code of "clash").
      Modality own;
      LocalModality(t, p, own);
      auto it = own.negated ? im.options.negated_codes.find(code) : im.options.negated_codes.end();
      if (it != im.options.negated_codes.end()) {
        if (trace) trace->lines.push_back("  negated: " + code + " -> " + it->second);
        code = it->second;
        mod.negated = false;
        auto rit = im.options.negated_codes.find(reverse_code);
        if (rit != im.options.negated_codes.end()) reverse_code = rit->second;
      }
    }
    // A threatened act is a threat (CAMEO 13), not the act: "threatened to strike the bases" and
    // "warned that Israel would strike Hezbollah" are 138, with the act's target; the threat is
    // as real (or negated, or hypothetical) as the threatening verb.
    if (const int threatener = im.use_native ? ThreatHead(t, p) : -1; threatener >= 0) {
      if (std::string threat = ThreatCode(code); !threat.empty()) {
        if (trace) {
          trace->lines.push_back("  threatened by '" + s.words[threatener].form + "': " + code +
                                 " -> " + threat);
        }
        code = threat;
        reverse_code.clear();
        mod = FindModality(t, threatener);
        promisers.push_back(threatener);
      }
    }
    // A promised act is an expression of intent (CAMEO 03), not the act: "India and China agreed
    // to hold talks" is 036 (not 040 as if the talks had been held), "pledged to send troops"
    // 0332 (not 072); the promise's own generic event is folded into it (below). A promised act
    // with no intent code (an attack, an investigation) stays its own code, hypothetical.
    if (const int promiser = im.use_native ? CommissiveHead(t, p) : -1;
        promiser >= 0 && code.substr(0, 2) != "03" && code.substr(0, 2) != "01" &&
        code.substr(0, 2) != "02" && code.substr(0, 2) != "13") {
      if (std::string intent = IntentCode(code); !intent.empty()) {
        if (trace) {
          trace->lines.push_back("  promised by '" + s.words[promiser].form + "': " + code +
                                 " -> " + intent);
        }
        code = intent;
        if (!reverse_code.empty() && reverse_code != "---") {
          std::string r = IntentCode(reverse_code);
          reverse_code = r.empty() ? intent : r;
        }
        promisers.push_back(promiser);
      } else {
        mod.hypothetical = true;
        mod.why.push_back("hypothetical: promised by '" + s.words[promiser].form + "'");
      }
    }
    set_code(e, code);
    e.negated = mod.negated;
    e.hypothetical = mod.hypothetical;
    e.future = mod.future;
    if (mod.speaker_verb >= 0) {
      e.reported = true;
      bool dummy = false;
      Found sp = im.Subject(t, a, mod.speaker_verb, dummy);
      if (!sp.matches.empty()) e.speaker = make_ref(sp.matches[0]);
      // "according to X" is handled the same way below.
    }
    // An intention announced by the speaker's own side: "the army said it would support an
    // interim government" is an intent (030) and "Peskov said Russia would take measures" a
    // threat (130), stated now, not a hypothetical act; the report's own 010 is folded into it.
    // The act's verb (or a verb it is a conjunct of) has will, would or shall; "could" and
    // "might" stay hypothetical, as does an act of another side ("Biden said Israel would").
    if (im.use_native && e.speaker && !e.negated && !refused && !stance &&
        (e.hypothetical || e.future) && code.substr(0, 2) != "03" && code.substr(0, 2) != "13") {
      bool willed = false, pronoun = false;
      for (int v = p, steps = 0; v >= 0 && steps < 4 && !willed; ++steps) {
        willed = t.HasChildLemma(v, "aux", {"will", "would", "shall", "'ll", "wo"});
        const int subj = t.Child(v, "nsubj");
        pronoun = subj >= 0 && t.PersonalPronoun(subj);
        if (t.rel[v] != "conj" || !t.IsVerbal(t.head[v])) break;
        v = t.head[v];
      }
      // The speaker's side: a pronoun standing for the speaker ("the army said it would"), or
      // sources among which is the speaker's country: a coalition the speaker announces for
      // ("Biden announced that the United States, Germany, the Netherlands, Romania and Italy
      // would send five air defence systems").
      const std::string side = im.CountryOf(e.speaker->code);
      bool own = false;
      for (const ActorRef& r : e.sources) {
        own = own || pronoun || (!side.empty() && im.CountryOf(r.code) == side);
      }
      own = own && willed;
      const std::string intent = own ? IntentCode(code) : "";
      const std::string threat = own && intent.empty() ? ThreatCode(code) : "";
      if (!intent.empty() || !threat.empty()) {
        const std::string stated = intent.empty() ? threat : intent;
        if (trace) {
          trace->lines.push_back("  announced by its own side ('" + s.words[mod.speaker_verb].form +
                                 "'): " + code + " -> " + stated);
        }
        code = stated;
        set_code(e, code);
        if (!reverse_code.empty() && reverse_code != "---") {
          const std::string r =
              intent.empty() ? ThreatCode(reverse_code) : IntentCode(reverse_code);
          reverse_code = r.empty() ? stated : r;
        }
        e.hypothetical = false;
        e.future = false;
        promisers.push_back(mod.speaker_verb);
      }
    }
    for (int k : t.kids[p]) {
      if (t.base[k] == "obl" && t.prep[k] == "accord") {
        Found sp = im.ActorsAt(t, a, k);
        e.reported = true;
        if (!sp.matches.empty()) e.speaker = make_ref(sp.matches[0]);
      }
    }
    // Whether the date starting at byte `b` of the document follows (after a preposition) an
    // event noun with a row of its own that is neither the predicate nor one of its dependents.
    auto DateOfAnotherEventNoun = [&](const Tree& tr, int pred, uint32_t b) {
      int first = -1;
      for (int w = 0; w < tr.n; ++w) {
        if (s.words[w].span.begin == b) first = w;
      }
      int k = first - 1;
      if (k >= 0 && s.words[k].upos == "ADP") --k;
      if (k < 0 || k == pred || (s.words[k].upos != "NOUN" && s.words[k].upos != "PROPN")) {
        return false;
      }
      // The predicate's own dependents share its time ("raised the concern with Xi in a
      // telephone call in April", "signed an agreement in June 2024").
      if (tr.head[k] == pred) return false;
      return im.use_native && im.native.Find(true, tr.lemma[k]) != nullptr;
    };
    // Date: a date expression inside (or just after) the predicate's clause, else the story date.
    e.date = date_text;
    e.date_precision = date_text.empty() ? "" : "day";
    // Whether a date inside (or just after) the clause of word `head` dated the event; with
    // `own_words`, only a date that starts at a word of that clause (not inside a clause embedded
    // in its span: "Merz, who took office two weeks ago, said ...").
    auto date_from_clause = [&](int head, bool own_words) {
      std::vector<int> clause;
      ClauseWords(t, head, clause);
      std::unordered_set<uint32_t> starts;
      for (int w : clause) starts.insert(s.words[w].span.begin);
      // Words of clauses embedded under the head date their own events, not this one: "Anwar,
      // whose country chairs ASEAN this year, urged ..." is not dated "this year".
      std::unordered_set<uint32_t> embedded;
      for (std::vector<int> stack = {head}; !stack.empty();) {
        const int w = stack.back();
        stack.pop_back();
        if (!std::binary_search(clause.begin(), clause.end(), w)) {
          embedded.insert(s.words[w].span.begin);
        }
        for (int k : t.kids[w]) stack.push_back(k);
      }
      uint32_t cb = UINT32_MAX, ce = 0;
      for (int w : clause) {
        cb = std::min(cb, s.words[w].span.begin);
        ce = std::max(ce, s.words[w].span.end);
      }
      for (const DateMention& dm : dates) {
        uint32_t b = s.span.begin + dm.span.begin;
        // The dateline's date ("BEIJING, Sept 2 -") is the filing date, not the event's.
        if (document.dateline && b >= document.dateline->span.begin &&
            s.span.begin + dm.span.end <= document.dateline->span.end) {
          continue;
        }
        // A date right after another event noun is that event's date, not this one's: "accused
        // UNRWA staff of taking part in the Hamas attack on Oct. 7, 2023" (the parser may hang
        // the date on "accused"); a noun that depends on the predicate shares its time ("signed
        // an agreement in June 2024").
        if (DateOfAnotherEventNoun(t, p, b)) {
          if (trace) trace->lines.push_back("  '" + dm.text + "' dates another event noun");
          continue;
        }
        // Inside the clause, or right after it ("signed by X | in June 2024" when the parser
        // attached the date elsewhere).
        if (b >= cb && b <= ce + 4 && (!own_words || starts.count(b) > 0) &&
            embedded.count(b) == 0) {
          e.date = dm.Iso();
          e.date_precision = std::string(DatePrecisionName(dm.precision));
          int64_t days = DaysFromCivil(*anchor);
          CivilDate first = dm.date;
          if (first.month == 0) first.month = 12;
          if (first.day == 0) first.day = 28;
          e.historical = DaysFromCivil(first) < days - 31;
          if (trace) trace->lines.push_back("  dated by '" + dm.text + "' -> " + e.date);
          return true;
        }
      }
      return false;
    };
    // A reported event with no date of its own happened by the time it was reported: "the State
    // Department said on Saturday it had suspended its partnership" is dated Saturday.
    bool dated = anchor && date_from_clause(p, false);
    if (anchor && !dated && mod.speaker_verb >= 0) {
      dated = date_from_clause(mod.speaker_verb, true);
      if (dated && trace) {
        trace->lines.push_back("  (the date of the report, '" + s.words[mod.speaker_verb].form +
                               "')");
      }
    }
    // A verb conjunct that shares its head's subject shares its time when it has none of its own:
    // "Macron said on Monday that ..., and urged Washington to match the measures". Not the
    // conjunct of a relative clause's verb ("Lee, who took office in June, urged ..." misparsed
    // with "urged" a conjunct of "took").
    auto relative_clause = [&](int v) {
      const int subj = t.Child(v, "nsubj");
      return t.rel[v].rfind("acl", 0) == 0 || (subj >= 0 && IsRelPronoun(t, subj));
    };
    if (anchor && !dated && t.rel[p] == "conj" && t.head[p] >= 0 && t.IsVerbal(t.head[p]) &&
        !is_noun && t.Child(p, "nsubj") < 0 && t.Child(p, "nsubj:pass") < 0 &&
        !relative_clause(t.head[p])) {
      dated = date_from_clause(t.head[p], true);
      if (dated && trace) {
        trace->lines.push_back("  (the date of the verb it is a conjunct of, '" +
                               s.words[t.head[p]].form + "')");
      }
    }
    e.sentence_span = s.span;
    e.predicate_span = s.words[p].span;
    e.pattern_id = c.pattern_id;
    if (c.object_noun >= 0) consumed[c.object_noun] = true;
    // The object noun of a coded verb is part of this event ("called off the visit").
    if (int o = t.Child(p, "obj"); o >= 0 && !is_noun) consumed[o] = true;
    for (int m : srcs) used_actor[m] = true;
    for (int m : tgts) used_actor[m] = true;
    if (trace) {
      std::vector<std::string> sc, tc;
      for (const ActorRef& r : e.sources) sc.push_back(r.code);
      for (const ActorRef& r : e.targets) tc.push_back(r.code);
      std::string flags;
      if (e.negated) flags += " negated";
      if (e.hypothetical) flags += " hypothetical";
      if (e.future) flags += " future";
      if (e.reported) flags += " reported(speaker " + (e.speaker ? e.speaker->code : "?") + ")";
      if (e.historical) flags += " historical";
      trace->lines.push_back("  EVENT " + (sc.empty() ? "---" : Join(sc, "+")) + " " +
                             (tc.empty() ? "---" : Join(tc, "+")) + " " + e.cameo + " via " +
                             c.pattern_id + (c.why.empty() ? "" : " (" + c.why + ")") +
                             (flags.empty() ? "" : ";" + flags));
      for (const std::string& w : mod.why) trace->lines.push_back("    " + w);
    }
    bool reverse =
        !reverse_code.empty() && reverse_code != "---" && !e.sources.empty() && !e.targets.empty();
    std::vector<std::string> source_countries;
    // An event noun coded by its own row as a verb's object ("held talks", "signed an
    // agreement") is mutual only under a support verb: under another verb its sources are not
    // its sides ("accused Pyongyang and Moscow of widening the war"). A verb's own row that names
    // its object ("exchanged fire", 193) is mutual like any other verb row.
    const bool mutual_clause =
        !is_noun &&
        (!c.noun_row || In(t.lemma[p], {"hold", "sign", "conduct", "begin", "start", "launch",
                                        "stage", "open", "resume", "have", "reach", "conclude",
                                        "continue", "carry", "wage", "fight", "seal", "agree"}));
    if (!reverse && im.options.reciprocal && e.targets.empty() && e.sources.size() >= 2 &&
        ((mutual_clause && Reciprocal(e.cameo)) || EachOther(t, p))) {
      for (const ActorRef& r : e.sources) source_countries.push_back(im.CountryOf(r.code));
      std::vector<std::string> distinct = source_countries;
      std::sort(distinct.begin(), distinct.end());
      distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
      if (distinct.size() < 2 || distinct[0].empty()) source_countries.clear();
    }
    if (!source_countries.empty()) {
      // "India and China held talks": each country's actors act on the others'.
      for (size_t i = 0; i < e.sources.size(); ++i) {
        Event r = e;
        r.sources = {e.sources[i]};
        r.targets.clear();
        for (size_t j = 0; j < e.sources.size(); ++j) {
          if (source_countries[j] != source_countries[i]) r.targets.push_back(e.sources[j]);
        }
        if (trace) {
          std::vector<std::string> tc;
          for (const ActorRef& x : r.targets) tc.push_back(x.code);
          trace->lines.push_back("  EVENT (reciprocal) " + r.sources[0].code + " " + Join(tc, "+") +
                                 " " + r.cameo);
        }
        events.push_back(std::move(r));
      }
    } else if (reverse) {
      Event r = e;
      std::swap(r.sources, r.targets);
      set_code(r, reverse_code);
      if (trace) trace->lines.push_back("  EVENT (reverse) " + reverse_code);
      events.push_back(std::move(e));
      events.push_back(std::move(r));
    } else {
      events.push_back(std::move(e));
    }
    coded[p] = true;
  }
  // The promise's or threat's own generic event (its 01, 03 or 13 row: "agreed" 019, "pledged"
  // 030, "warned" 130) gives way to the intent or threat events of what was promised or
  // threatened.
  if (!promisers.empty()) {
    auto folded = [&](const Event& ev) {
      if (ev.cameo_root != "03" && ev.cameo_root != "01" && ev.cameo_root != "13") return false;
      for (int w : promisers) {
        if (ev.predicate_span.begin == s.words[w].span.begin &&
            ev.predicate_span.end == s.words[w].span.end) {
          return true;
        }
      }
      return false;
    };
    const size_t before = events.size();
    events.erase(std::remove_if(events.begin(), events.end(), folded), events.end());
    if (trace && events.size() != before) {
      trace->lines.push_back("  the promise's own event is folded into the promised act's intent");
    }
  }
  if (im.options.country_as_government && im.use_native) {
    // Country names standing for their governments (CoderOptions::country_as_government).
    auto named_country = [&](const ActorRef& r) {
      if (r.code.size() != 3 || im.CountryOf(r.code).empty()) return false;
      for (size_t mi = 0; mi < a.matches.size(); ++mi) {
        const ActorMatch& m = a.matches[mi];
        if (m.span.begin != r.span.begin || m.span.end != r.span.end) continue;
        if (m.kind != ActorMatch::Kind::kActor || !m.agents.empty()) return false;
        // "Both countries", and "it" for a country named before, stand for the countries named.
        if (m.how == "group" || m.how == "pronoun") return true;
        const bool countries =
            !m.actors.empty() && std::all_of(m.actors.begin(), m.actors.end(), [&](int32_t x) {
              return x >= 0 && x < static_cast<int32_t>(im.dict.actors().size()) &&
                     im.dict.actors()[x].kind == ActorKind::kCountry;
            });
        return countries && s.words[a.head[mi]].upos == "PROPN";
      }
      return false;
    };
    // A visit to a country is paid to its government ("Ruto visited Haiti", "arrived in Beijing
    // for a state visit"); other travel goes to the place ("flew to The Hague").
    auto visit = [&](const Event& ev) {
      const int p = WordAt(s, ev.predicate_span.begin);
      if (p < 0) return false;
      if (t.lemma[p] == "visit") return true;
      for (int k : t.kids[p]) {
        if (t.lemma[k] == "visit" && (t.base[k] == "obl" || t.base[k] == "nmod")) return true;
      }
      return false;
    };
    for (Event& ev : events) {
      const bool government_target =
          ev.cameo_root >= "01" && ev.cameo_root <= "16" && (ev.cameo_base != "042" || visit(ev));
      for (int side = 0; side < 2; ++side) {
        if (side == 1 && !government_target) continue;
        for (ActorRef& r : side == 0 ? ev.sources : ev.targets) {
          if (!named_country(r)) continue;
          if (trace) {
            trace->lines.push_back("  '" + r.text + "' stands for its government: " + r.code +
                                   " -> " + r.code + "GOV");
          }
          r.code += "GOV";
        }
      }
    }
  }
  for (size_t mi = 0; mi < a.matches.size(); ++mi) {
    if (used_actor[mi]) continue;
    ++local.unmatched_actors;
    if (im.options.collect_unmatched) {
      UnmatchedActor u;
      u.sentence_index = sentence_index;
      u.actor = make_ref(static_cast<int>(mi));
      int h = a.head[mi];
      int gov = t.head[h];
      while (gov >= 0 && !(s.words[gov].upos == "VERB" || s.words[gov].upos == "NOUN")) {
        gov = t.head[gov];
      }
      u.reason = gov < 0 ? "no predicate governs it"
                         : "governing word '" + s.words[gov].form + "' (" + t.lemma[gov] +
                               ") coded no event with it";
      local.unmatched.push_back(std::move(u));
    }
    if (trace) {
      trace->lines.push_back("actor '" + SpanText(document, a.matches[mi].span) +
                             "' is in no event");
    }
  }
  finish();
  return events;
}

}  // namespace annals
