// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Counts and amounts. Per sentence: [qualifier] [currency] number [scale] [currency] [of] noun
// phrase, where the number is digits ("15,000", "3.5"), number words ("two dozen", "twenty-five")
// or a round plural ("hundreds of"). The counted noun and the predicate the noun phrase belongs
// to decide the type; the actor comes from the noun phrase itself ("North Korean soldiers"), else
// from the predicate's subject composed with the counted agent noun ("the North Korean chief
// provided 15,000 soldiers" -> PRK + MIL).
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_util.h"
#include "util/text.h"

namespace annals {
namespace {

using extract::Lower;

constexpr int kMaxSentenceWords = 400;

std::optional<double> ParseDigits(std::string_view s) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return std::nullopt;
  std::string clean;
  bool dot = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      clean += c;
    } else if (c == ',' && !dot) {
      // Thousands separator: exactly three digits follow before the next separator/end.
      size_t n = 0;
      while (i + 1 + n < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1 + n]))) ++n;
      if (n != 3) return std::nullopt;
    } else if (c == '.' && !dot && i + 1 < s.size()) {
      dot = true;
      clean += c;
    } else {
      return std::nullopt;
    }
  }
  if (clean.size() > 15) return std::nullopt;
  return std::strtod(clean.c_str(), nullptr);
}

std::optional<double> NumberWord(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kUnits = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (size_t i = 0; i < kUnits.size(); ++i) {
    if (w == kUnits[i]) return static_cast<double>(i);
  }
  for (size_t i = 0; i < kTens.size(); ++i) {
    if (w == kTens[i]) return 20.0 + 10.0 * static_cast<double>(i);
    // "twenty-five"
    if (w.size() > kTens[i].size() + 1 && w.substr(0, kTens[i].size()) == kTens[i] &&
        w[kTens[i].size()] == '-') {
      std::string_view rest = w.substr(kTens[i].size() + 1);
      for (size_t u = 1; u < 10; ++u) {
        if (rest == kUnits[u]) return 20.0 + 10.0 * static_cast<double>(i) + static_cast<double>(u);
      }
    }
  }
  if (w == "dozen") return 12.0;
  return std::nullopt;
}

double ScaleWord(std::string_view w) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million" || w == "mln") return 1e6;
  if (w == "billion" || w == "bn" || w == "bln") return 1e9;
  if (w == "trillion" || w == "tn") return 1e12;
  if (w == "dozen") return 12;
  return 0;
}

// "hundreds", "thousands", "dozens", "millions", "scores", "tens": round plurals (lower bound).
double RoundPlural(std::string_view w) {
  if (w == "dozens") return 24;
  if (w == "scores") return 40;
  if (w == "hundreds") return 200;
  if (w == "thousands") return 2000;
  if (w == "millions") return 2e6;
  if (w == "billions") return 2e9;
  if (w == "tens") return 20;
  return 0;
}

std::string_view CurrencyWord(std::string_view w) {
  if (w == "dollar" || w == "dollars") return "USD";
  if (w == "euro" || w == "euros") return "EUR";
  if (w == "pound" || w == "pounds") return "GBP";
  if (w == "yuan" || w == "renminbi") return "CNY";
  if (w == "ruble" || w == "rubles" || w == "rouble" || w == "roubles") return "RUB";
  if (w == "yen") return "JPY";
  if (w == "rupee" || w == "rupees") return "INR";
  if (w == "won") return "KRW";
  if (w == "hryvnia" || w == "hryvnias") return "UAH";
  return util::CurrencyOfSymbol(w);
}

// Nouns counted with a time or measure unit are not counts of things that happen to people.
bool UnitNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 30> kUnits = {
      "year",    "years",   "month",  "months",  "week",       "weeks",
      "day",     "days",    "hour",   "hours",   "minute",     "minutes",
      "second",  "seconds", "decade", "decades", "century",    "centuries",
      "percent", "%",       "per",    "km",      "kilometres", "kilometers",
      "miles",   "metres",  "meters", "times",   "o'clock",    "a.m."};
  for (std::string_view u : kUnits) {
    if (w == u) return true;
  }
  return false;
}

std::string Singular(std::string w) {
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss")) return w.substr(0, w.size() - 1);
  return w;
}

// Type given by the counted noun alone.
CountType NounType(const std::string& singular) {
  static const std::array<std::pair<std::string_view, CountType>, 44> kNouns = {{
      {"dead", CountType::kKill},           {"death", CountType::kKill},
      {"fatality", CountType::kKill},       {"casualty", CountType::kKill},
      {"body", CountType::kKill},           {"corpse", CountType::kKill},
      {"injured", CountType::kWound},       {"wounded", CountType::kWound},
      {"injury", CountType::kWound},        {"arrest", CountType::kArrest},
      {"detainee", CountType::kArrest},     {"prisoner", CountType::kArrest},
      {"hostage", CountType::kKidnap},      {"abductee", CountType::kKidnap},
      {"captive", CountType::kKidnap},      {"refugee", CountType::kDisplace},
      {"displaced", CountType::kDisplace},  {"evacuee", CountType::kDisplace},
      {"homeless", CountType::kDisplace},   {"protester", CountType::kProtest},
      {"protestor", CountType::kProtest},   {"demonstrator", CountType::kProtest},
      {"marcher", CountType::kProtest},     {"rioter", CountType::kProtest},
      {"striker", CountType::kProtest},     {"soldier", CountType::kSoldiers},
      {"troop", CountType::kSoldiers},      {"serviceman", CountType::kSoldiers},
      {"servicemen", CountType::kSoldiers}, {"fighter", CountType::kSoldiers},
      {"marine", CountType::kSoldiers},     {"paratrooper", CountType::kSoldiers},
      {"sailor", CountType::kSoldiers},     {"reservist", CountType::kSoldiers},
      {"mercenary", CountType::kSoldiers},  {"peacekeeper", CountType::kSoldiers},
      {"personnel", CountType::kSoldiers},  {"militant", CountType::kSoldiers},
      {"commando", CountType::kSoldiers},   {"conscript", CountType::kSoldiers},
      {"affected", CountType::kAffect},     {"victim", CountType::kAffect},
      {"rebel", CountType::kSoldiers},      {"insurgent", CountType::kSoldiers},
  }};
  for (const auto& [n, t] : kNouns) {
    if (singular == n) return t;
  }
  return CountType::kOther;
}

// Type given by a predicate lemma; `agentive` when its subject is the doer (so a counted subject
// is not the victim: "15,000 soldiers killed 12 civilians").
CountType VerbType(std::string_view lemma, bool& agentive) {
  agentive = true;
  static const std::array<std::pair<std::string_view, CountType>, 23> kAgentive = {{
      {"beat", CountType::kWound},        {"kill", CountType::kKill},
      {"slay", CountType::kKill},         {"massacre", CountType::kKill},
      {"execute", CountType::kKill},      {"murder", CountType::kKill},
      {"wound", CountType::kWound},       {"injure", CountType::kWound},
      {"hurt", CountType::kWound},        {"maim", CountType::kWound},
      {"arrest", CountType::kArrest},     {"detain", CountType::kArrest},
      {"jail", CountType::kArrest},       {"imprison", CountType::kArrest},
      {"apprehend", CountType::kArrest},  {"kidnap", CountType::kKidnap},
      {"abduct", CountType::kKidnap},     {"displace", CountType::kDisplace},
      {"evacuate", CountType::kDisplace}, {"seize", CountType::kSeize},
      {"confiscate", CountType::kSeize},  {"affect", CountType::kAffect},
      {"strand", CountType::kAffect},
  }};
  for (const auto& [v, t] : kAgentive) {
    if (lemma == v) return t;
  }
  agentive = false;
  static const std::array<std::pair<std::string_view, CountType>, 8> kPatient = {{
      {"die", CountType::kKill},
      {"perish", CountType::kKill},
      {"flee", CountType::kDisplace},
      {"protest", CountType::kProtest},
      {"demonstrate", CountType::kProtest},
      {"march", CountType::kProtest},
      {"rally", CountType::kProtest},
      {"riot", CountType::kProtest},
  }};
  for (const auto& [v, t] : kPatient) {
    if (lemma == v) return t;
  }
  return CountType::kOther;
}

// Surface fallback for verb forms when the tagger gave no lemma.
std::string VerbLemma(const Word& w) {
  bool agentive_unused = false;
  if (!w.lemma.empty()) {
    std::string lemma = Lower(w.lemma);
    if (VerbType(lemma, agentive_unused) != CountType::kOther) return lemma;
  }
  std::string l = Lower(w.form);  // The tagger may have taken a participle for an adjective.
  static const std::array<std::pair<std::string_view, std::string_view>, 8> kIrregular = {
      {{"died", "die"},
       {"fled", "flee"},
       {"slain", "slay"},
       {"hurt", "hurt"},
       {"seized", "seize"},
       {"dead", "die"},
       {"killed", "kill"},
       {"wounded", "wound"}}};
  for (const auto& [f, lem] : kIrregular) {
    if (l == f) return std::string(lem);
  }
  if (l.size() > 4 && l.ends_with("ied")) return l.substr(0, l.size() - 3) + "y";
  if (l.size() > 4 && l.ends_with("ed")) {
    std::string stem = l.substr(0, l.size() - 2);
    bool agentive = false;
    if (VerbType(stem, agentive) != CountType::kOther) return stem;
    if (VerbType(stem + "e", agentive) != CountType::kOther) return stem + "e";
  }
  if (l.size() > 5 && l.ends_with("ing")) {
    std::string stem = l.substr(0, l.size() - 3);
    bool agentive = false;
    if (VerbType(stem, agentive) != CountType::kOther) return stem;
    if (VerbType(stem + "e", agentive) != CountType::kOther) return stem + "e";
  }
  return w.lemma.empty() ? l : Lower(w.lemma);
}

struct Qualifier {
  std::string_view words[3];
  std::string_view normal;
};

// Longest first.
constexpr Qualifier kQualifiers[] = {
    {{"more", "than", ""}, "more than"},  {{"greater", "than", ""}, "more than"},
    {{"at", "least", ""}, "at least"},    {{"up", "to", ""}, "up to"},
    {{"as", "many", "as"}, "up to"},      {{"fewer", "than", ""}, "less than"},
    {{"less", "than", ""}, "less than"},  {{"an", "estimated", ""}, "about"},
    {{"about", "", ""}, "about"},         {{"around", "", ""}, "about"},
    {{"approximately", "", ""}, "about"}, {{"roughly", "", ""}, "about"},
    {{"some", "", ""}, "about"},          {{"nearly", "", ""}, "nearly"},
    {{"almost", "", ""}, "nearly"},       {{"over", "", ""}, "more than"},
    {{"under", "", ""}, "less than"},     {{"estimated", "", ""}, "about"},
};

bool IsPunct(const Word& w) {
  if (w.upos == "PUNCT") return true;
  if (w.form.empty()) return true;
  unsigned char c = static_cast<unsigned char>(w.form[0]);
  return w.form.size() == 1 && std::ispunct(c) && util::CurrencyOfSymbol(w.form).empty();
}

bool IsNominal(const Word& w) {
  if (!w.upos.empty()) {
    return w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "ADJ";
  }
  for (char c : w.form) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return !w.form.empty();
}

bool InDate(const std::vector<PlacedDate>* dates, Span s) {
  if (dates == nullptr) return false;
  for (const PlacedDate& d : *dates) {
    if (s.begin < d.mention.span.end && d.mention.span.begin < s.end) return true;
  }
  return false;
}

bool PlaceNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kNouns = {
      "region", "province", "oblast",  "city",   "district",  "area",    "state",
      "county", "town",     "village", "border", "peninsula", "capital", "territory"};
  for (std::string_view n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

bool DateWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "january",   "february",  "march",   "april",    "may",      "june",   "july",
      "august",    "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday",  "friday",  "saturday", "sunday"};
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// Place phrases of a sentence: in|at|near|outside|inside|across [the] Capitalised+ [place noun].
struct PlacePhrase {
  int first = 0, end = 0;
  std::string text;
};

std::vector<PlacePhrase> FindPlaces(const Document& doc, const std::vector<Word>& w) {
  std::vector<PlacePhrase> out;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    std::string p = Lower(w[i].form);
    if (p != "in" && p != "at" && p != "near" && p != "outside" && p != "inside" && p != "across") {
      continue;
    }
    size_t k = i + 1;
    if (Lower(w[k].form) == "the" && k + 1 < w.size()) ++k;
    size_t b = k;
    while (k < w.size() && extract::Capitalized(w[k]) && !DateWord(Lower(w[k].form)) &&
           w[k].upos != "PRON" && w[k].upos != "DET" && k - b < 5) {
      ++k;
    }
    if (k == b) continue;
    if (k < w.size() && PlaceNoun(Lower(w[k].form))) ++k;
    PlacePhrase ph;
    ph.first = static_cast<int>(b);
    ph.end = static_cast<int>(k);
    Span s{w[b].span.begin, w[k - 1].span.end};
    ph.text = std::string(extract::SpanText(doc, s));
    out.push_back(std::move(ph));
    i = k - 1;
  }
  return out;
}

bool IsCountryCode(std::string_view c) {
  if (c.size() < 3) return false;
  for (size_t i = 0; i < 3; ++i) {
    if (!std::isupper(static_cast<unsigned char>(c[i]))) return false;
  }
  std::string_view p = c.substr(0, 3);
  return p != "IGO" && p != "NGO" && p != "MNC" && p != "IMG" && p != "UAF";
}

// The subject of predicate `p` (parse), else -1.
int SubjectOf(const std::vector<Word>& w, int p) {
  for (int i = 0; i < static_cast<int>(w.size()); ++i) {
    if (extract::HeadOf(w, i) == p && w[i].deprel.starts_with("nsubj")) return i;
  }
  return -1;
}

}  // namespace

std::string_view CountTypeName(CountType t) {
  switch (t) {
    case CountType::kOther:
      return "OTHER";
    case CountType::kKill:
      return "KILL";
    case CountType::kWound:
      return "WOUND";
    case CountType::kArrest:
      return "ARREST";
    case CountType::kKidnap:
      return "KIDNAP";
    case CountType::kDisplace:
      return "DISPLACE";
    case CountType::kProtest:
      return "PROTEST";
    case CountType::kSoldiers:
      return "SOLDIERS";
    case CountType::kSeize:
      return "SEIZE";
    case CountType::kAffect:
      return "AFFECT";
    case CountType::kMoney:
      return "MONEY";
  }
  return "OTHER";
}

std::vector<CountMention> FindCounts(const Document& doc, const ExtractOptions& options,
                                     const std::vector<PlacedDate>* dates) {
  std::vector<CountMention> out;
  MatchOptions mopt;
  CivilDate day =
      options.article_date.year > 0 ? options.article_date : DocumentDate(doc, {}, nullptr);
  if (day.year > 0 && day.day > 0) mopt.day = DayFromCivil(day.year, day.month, day.day);
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    const std::vector<Word>& w = doc.sentences[si].words;
    const int n = static_cast<int>(w.size());
    // Over-long "sentences" are segmentation failures; skipping them keeps this linear.
    if (n == 0 || n > kMaxSentenceWords) continue;
    std::vector<std::string> lower(n);
    for (int i = 0; i < n; ++i) lower[i] = Lower(w[i].form);
    const bool parsed = extract::Parsed(w);
    std::vector<ActorMatch> actors;
    bool actors_done = false;
    std::vector<PlacePhrase> places;
    bool places_done = false;

    for (int i = 0; i < n; ++i) {
      // Qualifier.
      int start = i;
      std::string_view qualifier;
      for (const Qualifier& q : kQualifiers) {
        int len = 0;
        bool ok = true;
        for (std::string_view qw : q.words) {
          if (qw.empty()) break;
          if (i + len >= n || lower[i + len] != qw) {
            ok = false;
            break;
          }
          ++len;
        }
        if (ok && len > 0) {
          qualifier = q.normal;
          i += len;
          break;
        }
      }
      if (i >= n) break;
      // Currency symbol before the number ("$3", "$ 3", "US$3").
      std::string currency;
      int k = i;
      {
        std::string_view f = lower[k];
        for (std::string_view sym : {"us$", "$", "€", "£", "¥", "₽", "₹"}) {
          if (f.starts_with(sym) && f.size() > sym.size() &&
              std::isdigit(static_cast<unsigned char>(f[sym.size()]))) {
            currency = std::string(util::CurrencyOfSymbol(sym));
            break;
          }
        }
        if (currency.empty() && !util::CurrencyOfSymbol(f).empty() && f.size() <= 3 &&
            !std::isalpha(static_cast<unsigned char>(f[0])) && k + 1 < n) {
          currency = std::string(util::CurrencyOfSymbol(f));
          ++k;
        }
      }
      // The number.
      std::optional<double> value;
      bool approximate = false;
      bool round_plural = false;
      int num_first = k;
      {
        std::string_view f = lower[k];
        if (!currency.empty() && k == i && !f.empty() &&
            !std::isdigit(static_cast<unsigned char>(f[0]))) {
          size_t d = 0;
          while (d < f.size() && !std::isdigit(static_cast<unsigned char>(f[d]))) ++d;
          f = f.substr(d);
        }
        value = ParseDigits(f);
        if (!value) value = NumberWord(f);
        if (!value && (f == "a" || f == "an") && k + 1 < n && ScaleWord(lower[k + 1]) > 0) {
          value = 1;  // "a dozen", "a million"
        }
        if (!value) {
          double r = RoundPlural(f);
          if (r > 0 && k + 1 < n && lower[k + 1] == "of") {
            value = r;
            round_plural = true;
            approximate = true;
            // "tens of thousands of", "hundreds of thousands of"
            if (k + 3 < n && RoundPlural(lower[k + 2]) > 0 && lower[k + 3] == "of") {
              value = r / 2 * RoundPlural(lower[k + 2]);
              k += 2;
            }
          }
        }
      }
      if (!value) {
        i = start;  // Not a count here; a qualifier word may start something else.
        continue;
      }
      // A 4-digit year-like number with no separator and no currency is left to the date finder.
      Span num_span{w[num_first].span.begin, w[k].span.end};
      if (InDate(dates, num_span)) {
        i = k;
        continue;
      }
      // Words that are ordinals or part of a name ("No. 10") are not counts.
      if (num_first > 0 && (lower[num_first - 1] == "no" || lower[num_first - 1] == "no.")) {
        i = k;
        continue;
      }
      // "two-day visit", "21-gun salute": a number inside a compound modifier is no count.
      if (k + 1 < n && w[k + 1].form == "-" && w[k + 1].span.begin == w[k].span.end) {
        i = k + 1;
        continue;
      }
      if (w[k].form.find('-') != std::string::npos && !NumberWord(lower[k])) {
        i = k;
        continue;
      }
      ++k;
      // Scale words and "dozen".
      while (!round_plural && k < n && ScaleWord(lower[k]) > 0) {
        *value *= ScaleWord(lower[k]);
        ++k;
      }
      if (round_plural) k += 1;  // Past "of".
      // Currency word after.
      if (k < n && !CurrencyWord(lower[k]).empty() &&
          std::isalpha(static_cast<unsigned char>(lower[k][0]))) {
        currency = std::string(CurrencyWord(lower[k]));
        ++k;
      }
      CountMention c;
      c.sentence = si;
      c.value = *value;
      c.qualifier = std::string(qualifier);
      c.approximate = approximate || qualifier == "about";
      int np_first = k, head = -1;
      CountType noun_type = CountType::kOther;
      if (!currency.empty()) {
        c.type = CountType::kMoney;
        c.currency = currency;
        head = k - 1;
      } else {
        if (k < n && lower[k] == "of" && !round_plural) {
          ++k;  // "600 of them", "two of the soldiers"
          if (k < n && (lower[k] == "the" || lower[k] == "them" || lower[k] == "whom")) {
            if (lower[k] == "them" || lower[k] == "whom") {
              head = k;
            }
            ++k;
          }
          np_first = k;
        }
        // Noun phrase: nominal words; the head is the last noun (or the last word).
        if (head < 0) {
          int last_noun = -1;
          int j = k;
          for (; j < n && j - k < 6; ++j) {
            if (IsPunct(w[j]) && w[j].form != "-") break;
            if (!IsNominal(w[j]) && !(w[j].form == "-")) break;
            if (w[j].upos == "NOUN" || w[j].upos == "PROPN" || w[j].upos.empty()) last_noun = j;
            if (w[j].upos.empty() && NounType(Singular(lower[j])) != CountType::kOther) break;
          }
          head = last_noun;
          if (head < 0 && j > k && w[j - 1].upos == "PROPN") head = -1;
        }
        if (head < 0) {
          i = k - 1;
          continue;
        }
        if (UnitNoun(lower[head]) || UnitNoun(lower[np_first < n ? np_first : head]) ||
            (lower[head].size() > 1 && lower[head].back() == '%')) {
          i = head;
          continue;
        }
        // Years ("2024 soldiers" is fine, but a year-like number without a noun run is not).
        c.object = w[head].form;
        c.type = NounType(Singular(extract::LemmaOf(w[head])));
        if (c.type == CountType::kOther) c.type = NounType(Singular(lower[head]));
        noun_type = c.type;
      }
      c.span = {w[start].span.begin, w[std::max(head, k - 1)].span.end};
      c.text = std::string(extract::SpanText(doc, c.span));

      // The predicate: parse first, then the nearest verb after (or just before) the phrase.
      int pred = -1;
      bool subject = false, passive = false;
      if (parsed) {
        pred = extract::GoverningPredicate(w, head, false);
        // The dependent of `pred` on the chain from the head, for the subject test.
        int cur = head;
        for (int steps = 0; cur >= 0 && steps < n; ++steps) {
          int h = extract::HeadOf(w, cur);
          if (h == pred) break;
          cur = h;
        }
        if (cur >= 0 && pred >= 0) {
          subject = w[cur].deprel == "nsubj";
          passive = w[cur].deprel == "nsubj:pass";
        }
      }
      CountType vtype = CountType::kOther;
      bool agentive = false;
      if (pred >= 0) vtype = VerbType(VerbLemma(w[pred]), agentive);
      if (vtype == CountType::kOther) {
        // Surface window: up to 4 words after the phrase ("died", "were killed"), or up to 3
        // words before the number ("killing at least 12 people").
        int end = std::max(head, k - 1);
        auto verbish = [&](int j) {
          return w[j].upos.empty() || w[j].upos == "VERB" || w[j].upos == "ADJ";
        };
        for (int j = end + 1; j < n && j <= end + 4; ++j) {
          if (IsPunct(w[j])) break;
          if (!verbish(j)) continue;
          CountType t = VerbType(VerbLemma(w[j]), agentive);
          if (t != CountType::kOther) {
            bool be_before = j > 0 && (lower[j - 1] == "were" || lower[j - 1] == "was" ||
                                       lower[j - 1] == "been" || lower[j - 1] == "being" ||
                                       lower[j - 1] == "are" || lower[j - 1] == "got");
            bool object_after = j + 1 < n && (w[j + 1].upos == "DET" || w[j + 1].upos == "NUM" ||
                                              lower[j + 1] == "the");
            subject = !be_before && object_after;
            passive = be_before;
            vtype = t;
            pred = j;
            break;
          }
        }
        if (vtype == CountType::kOther) {
          for (int j = start - 1; j >= 0 && j >= start - 3; --j) {
            if (IsPunct(w[j])) break;
            if (!verbish(j)) continue;
            CountType t = VerbType(VerbLemma(w[j]), agentive);
            if (t != CountType::kOther) {
              vtype = t;
              pred = j;
              subject = false;
              break;
            }
          }
        }
      }
      if (vtype != CountType::kOther && c.type != CountType::kMoney) {
        bool applies = !(agentive && subject && !passive);
        if (vtype == CountType::kSeize) {
          // Seized people are kidnapped/arrested; seized things are seizures.
          if (c.type == CountType::kOther || c.type == CountType::kAffect)
            c.type = CountType::kSeize;
        } else if (applies && (c.type == CountType::kOther || c.type == CountType::kSoldiers ||
                               c.type == CountType::kAffect || c.type == CountType::kProtest)) {
          c.type = vtype;
        }
      }
      c.predicate = pred;
      if (pred >= 0) c.predicate_lemma = VerbLemma(w[pred]);

      // Actor.
      if (options.matcher != nullptr && c.type != CountType::kMoney) {
        if (!actors_done) {
          if (options.sentence_actors != nullptr &&
              si < static_cast<int>(options.sentence_actors->size())) {
            actors = (*options.sentence_actors)[si];
          } else {
            actors = options.matcher->Match(w, mopt);
          }
          actors_done = true;
        }
        int np_end = std::max(head, k - 1) + 1;
        const ActorMatch* inside = nullptr;
        const ActorMatch* agent = nullptr;
        for (const ActorMatch& m : actors) {
          if (m.first_word < np_end && m.end_word > np_first && m.end_word >= head + 1 &&
              m.first_word <= head) {
            if (m.kind == ActorMatch::Kind::kActor) inside = &m;
            if (m.kind == ActorMatch::Kind::kAgent) agent = &m;
          } else if (m.kind == ActorMatch::Kind::kActor && m.first_word < np_end &&
                     m.end_word > np_first && inside == nullptr) {
            inside = &m;  // "600 North Korean troops" where the matcher stops short of the noun.
          }
        }
        if (inside != nullptr) {
          c.actor = std::string(extract::SpanText(doc, inside->span));
          c.actor_codes = inside->codes;
        } else if (agent != nullptr && !agent->codes.empty() && noun_type == CountType::kSoldiers) {
          // Compose with the predicate's subject, else the nearest actor before the count.
          const ActorMatch* owner = nullptr;
          int subj = parsed && pred >= 0 ? SubjectOf(w, pred) : -1;
          for (const ActorMatch& m : actors) {
            if (m.kind != ActorMatch::Kind::kActor || m.codes.empty()) continue;
            if (subj >= 0 && m.first_word <= subj && subj < m.end_word) {
              owner = &m;
              break;
            }
            if (subj < 0 && m.end_word <= start) owner = &m;
          }
          if (owner != nullptr && IsCountryCode(owner->codes[0])) {
            c.actor = std::string(extract::SpanText(doc, owner->span));
            for (const std::string& ac : agent->codes) {
              c.actor_codes.push_back(owner->codes[0].substr(0, 3) + ac);
            }
          } else {
            c.actor_codes = agent->codes;
          }
        } else if (agent != nullptr) {
          c.actor_codes = agent->codes;  // Only troops belong to the subject's country.
        }
      }
      // Place: the first place phrase after the count, else the last one before it.
      if (!places_done) {
        places = FindPlaces(doc, w);
        places_done = true;
      }
      for (const PlacePhrase& p : places) {
        if (p.first > head) {
          c.place = p.text;
          break;
        }
        if (p.end <= start) c.place = p.text;
      }
      out.push_back(std::move(c));
      i = std::max(head, k - 1);
    }
  }
  return out;
}

}  // namespace annals
