// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Quotations. Direct quotes are found on the text (curly, guillemet and straight marks; a quote
// left open at a paragraph end continues when the next paragraph opens with a mark), then
// attributed from the words of their sentence: a speech verb just after the closing mark
// ("..., said Hong Min", "..., he added"), else one before the opening mark ("Xi told a rally:
// ..."), else the speaker of the previous quote in the same paragraph. Indirect speech is a speech
// verb with a complement clause ("X said that ...", a parsed ccomp) or "according to Y". Speakers
// are resolved with the actor matcher; he/she resolve to the most recent person.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "annals/extract.h"
#include "extract/extract_util.h"

namespace annals {
namespace {

using extract::Lower;

struct Segment {
  uint32_t begin = 0, end = 0;  // Inside the marks.
};

struct Chain {
  std::vector<Segment> segs;
};

bool StartsWith(std::string_view text, size_t i, std::string_view p) {
  return text.size() >= i + p.size() && text.compare(i, p.size(), p) == 0;
}

// Length of an opening (>0) or closing (<0) mark at byte i, 0 when none; straight quotes: 1.
int OpenMark(std::string_view t, size_t i) {
  if (StartsWith(t, i, "\xE2\x80\x9C") || StartsWith(t, i, "\xE2\x80\x9E")) return 3;  // “ „
  if (StartsWith(t, i, "\xC2\xAB")) return 2;                                          // «
  return 0;
}
int CloseMark(std::string_view t, size_t i) {
  if (StartsWith(t, i, "\xE2\x80\x9D")) return 3;  // ”
  if (StartsWith(t, i, "\xC2\xBB")) return 2;      // »
  return 0;
}

constexpr size_t kMaxQuoteBytes = 6000;
// Words after a closing quotation mark searched for the speech verb of the attribution.
constexpr size_t kAttributionWindow = 8;

// Sentences longer than this (a segmentation failure, not prose) are not searched for
// attributions or indirect speech, which keeps the extractor linear on hostile input.
constexpr int kMaxSentenceWords = 400;

std::vector<Chain> FindChains(std::string_view t) {
  std::vector<Chain> out;
  bool in = false, straight = false;
  size_t open = 0;
  Chain cur;
  auto next_para_opens = [&](size_t i) {  // i: first byte after the paragraph break.
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
    return i < t.size() && (OpenMark(t, i) > 0 || t[i] == '"');
  };
  for (size_t i = 0; i < t.size();) {
    if (in && i - open > kMaxQuoteBytes) {  // Runaway: drop it, rescan after its mark.
      in = false;
      cur.segs.clear();
      i = open;
      continue;
    }
    // Only these bytes can start a paragraph break, a straight quote or an opening or closing
    // mark (the UTF-8 lead bytes of “ „ ” and « »).
    if (const unsigned char c = static_cast<unsigned char>(t[i]);
        c != '\n' && c != '"' && c != 0xE2 && c != 0xC2) {
      ++i;
      continue;
    }
    if (t[i] == '\n' && i + 1 < t.size() && t[i + 1] == '\n') {
      if (in) {
        size_t j = i;
        if (next_para_opens(j + 2)) {
          cur.segs.push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(i)});
          in = false;  // The next paragraph's opening mark continues `cur`.
        } else {
          in = false;
          cur.segs.clear();
        }
      } else if (!cur.segs.empty() && !next_para_opens(i + 2)) {
        cur.segs.clear();
      }
      i += 2;
      continue;
    }
    int om = OpenMark(t, i);
    int cm = CloseMark(t, i);
    bool sq = t[i] == '"';
    if (sq) {
      if (in && straight) {
        cm = 1;
      } else if (!in) {
        om = 1;
      }
    }
    if (om > 0 && !(in && sq)) {
      if (in) cur.segs.clear();  // Unbalanced: restart here.
      in = true;
      straight = sq;
      open = i + om;
      i += om;
      continue;
    }
    if (cm > 0 && in) {
      cur.segs.push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(i)});
      out.push_back(std::move(cur));
      cur = Chain();
      in = false;
      i += cm;
      continue;
    }
    ++i;
  }
  return out;
}

std::string SpeechLemma(const Word& w) {
  std::string l = extract::LemmaOf(w);
  if (!w.lemma.empty()) return l;
  static const std::array<std::pair<std::string_view, std::string_view>, 6> kIrregular = {
      {{"said", "say"},
       {"says", "say"},
       {"told", "tell"},
       {"wrote", "write"},
       {"writes", "write"},
       {"tells", "tell"}}};
  for (const auto& [f, lem] : kIrregular) {
    if (l == f) return std::string(lem);
  }
  if (l.size() > 4 && l.ends_with("ed")) {
    std::string a = l.substr(0, l.size() - 2), b = l.substr(0, l.size() - 1);
    return a.back() == 'i' ? a.substr(0, a.size() - 1) + "y" : (b.back() == 'e' ? b : a);
  }
  if (l.size() > 3 && l.back() == 's') return l.substr(0, l.size() - 1);
  return l;
}

bool IsSpeechVerb(std::string_view lemma) {
  static constexpr std::array<std::string_view, 36> kVerbs = {
      "say",     "tell",    "add",    "write",     "state",       "declare", "announce", "claim",
      "insist",  "warn",    "stress", "note",      "explain",     "ask",     "reply",    "argue",
      "comment", "remark",  "tweet",  "conclude",  "acknowledge", "affirm",  "assert",   "vow",
      "urge",    "confirm", "deny",   "emphasise", "emphasize",   "suggest", "predict",  "admit",
      "recall",  "quip",    "told",   "respond"};
  for (std::string_view v : kVerbs) {
    if (lemma == v) return true;
  }
  return false;
}

bool IsPunctWord(const Word& w) {
  if (w.upos == "PUNCT") return true;
  for (char c : w.form) {
    if (std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsPronoun(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "they" || lower == "i" || lower == "we" ||
         lower == "it";
}

bool Nominal(const Word& w) {
  if (w.upos.empty()) return extract::Capitalized(w) || Lower(w.form) == "the";
  return w.upos == "PROPN" || w.upos == "NOUN" || w.upos == "ADJ" || w.upos == "DET" ||
         w.upos == "NUM" || w.form == "'s" || w.upos == "PART";
}

// Last words of organisation and place names, which are not people.
bool OrganisationWord(std::string_view w) {
  static constexpr std::array<std::string_view, 26> kWords = {
      "office",       "institute",  "agency", "ministry",  "council",     "organization",
      "organisation", "university", "party",  "bank",      "company",     "corporation",
      "group",        "news",       "times",  "committee", "association", "center",
      "centre",       "forces",     "army",   "navy",      "department",  "city",
      "region",       "street"};
  for (std::string_view x : kWords) {
    if (w == x) return true;
  }
  return false;
}

struct SentenceInfo {
  std::vector<bool> quoted;  // Word inside a quote segment.
  std::vector<ActorMatch> actors;
};

// Speaker noun phrase [first, end) of a sentence.
struct NP {
  int sentence = -1;
  int first = -1, end = -1;
};

NP AfterVerb(const std::vector<Word>& w, const SentenceInfo& info, int v, int si) {
  NP np;
  np.sentence = si;
  int n = static_cast<int>(w.size());
  int k = v + 1;
  if (k >= n || info.quoted[k]) return np;
  std::string l = Lower(w[k].form);
  if (IsPronoun(l)) {
    np.first = k;
    np.end = k + 1;
    return np;
  }
  int b = k;
  if (l == "the" || l == "a" || l == "an") ++k;
  int start_words = k;
  while (k < n && k - b < 7 && !info.quoted[k] && !IsPunctWord(w[k])) {
    std::string lk = Lower(w[k].form);
    if (lk == "in" || lk == "on" || lk == "at" || lk == "of" || lk == "for" || lk == "to" ||
        lk == "who" || lk == "which" || lk == "that" || lk == "and") {
      break;
    }
    if (!w[k].upos.empty() && w[k].upos != "PROPN" && w[k].upos != "NOUN" && w[k].upos != "ADJ" &&
        w[k].upos != "X") {
      break;
    }
    if (w[k].upos.empty() && !extract::Capitalized(w[k]) && k == start_words) break;
    ++k;
  }
  if (k == start_words) return np;
  np.first = b;
  np.end = k;
  return np;
}

NP BeforeVerb(const std::vector<Word>& w, const SentenceInfo& info, int v, int si) {
  NP np;
  np.sentence = si;
  // Parse: the nsubj of the verb, its subtree cut at a comma.
  int subj = -1;
  for (int i = 0; i < static_cast<int>(w.size()); ++i) {
    if (extract::HeadOf(w, i) == v && w[i].deprel.starts_with("nsubj") && i < v) subj = i;
  }
  if (subj >= 0 && !info.quoted[subj]) {
    int lo = subj;
    while (lo > 0 && !info.quoted[lo - 1] && !IsPunctWord(w[lo - 1]) && subj - lo < 6) {
      // Walk left while the word depends (transitively) on the subject.
      int cur = lo - 1, steps = 0;
      while (cur >= 0 && cur != subj && steps++ < 20) cur = extract::HeadOf(w, cur);
      if (cur != subj) break;
      --lo;
    }
    int hi = subj;
    while (hi + 1 < v && !info.quoted[hi + 1] && !IsPunctWord(w[hi + 1]) && hi - lo < 7) {
      int cur = hi + 1, steps = 0;  // Extend right over the subject's own dependents ("Ruiz").
      while (cur >= 0 && cur != subj && steps++ < 20) cur = extract::HeadOf(w, cur);
      if (cur != subj) break;
      ++hi;
    }
    np.first = lo;
    np.end = hi + 1;
    return np;
  }
  int k = v - 1;
  while (k >= 0 && (w[k].upos == "ADV" || Lower(w[k].form) == "also")) --k;
  if (k < 0 || info.quoted[k] || IsPunctWord(w[k])) return np;
  if (IsPronoun(Lower(w[k].form))) {
    np.first = k;
    np.end = k + 1;
    return np;
  }
  int e = k + 1;
  while (k >= 0 && e - k <= 7 && !info.quoted[k] && !IsPunctWord(w[k]) && Nominal(w[k])) --k;
  if (k + 1 >= e) return np;
  np.first = k + 1;
  np.end = e;
  return np;
}

bool IsSubjectPosition(const std::vector<Word>& w, const SentenceInfo& info, int from) {
  // True when words[from..] start a plausible speaker phrase (pronoun, determiner, name).
  if (from >= static_cast<int>(w.size()) || info.quoted[from]) return false;
  std::string l = Lower(w[from].form);
  return IsPronoun(l) || l == "the" || l == "a" || l == "an" || extract::Capitalized(w[from]);
}

struct Found {
  Quote q;
  NP np;
  int verb_sentence = -1, verb = -1;
  uint32_t paragraph = 0;  // Byte offset of the paragraph start.
  uint32_t order = 0;      // Position used for "most recent person".
  bool drop = false;       // The attribution turned out not to be one.
};

}  // namespace

std::vector<Quote> FindQuotes(const Document& doc, const ExtractOptions& options) {
  const std::string_view text = doc.text;
  const int ns = static_cast<int>(doc.sentences.size());
  std::vector<Chain> chains = FindChains(text);

  std::vector<SentenceInfo> info(ns);
  MatchOptions mopt;
  CivilDate day =
      options.article_date.year > 0 ? options.article_date : DocumentDate(doc, {}, nullptr);
  if (day.year > 0 && day.day > 0) mopt.day = DayFromCivil(day.year, day.month, day.day);
  for (int si = 0; si < ns; ++si) {
    const std::vector<Word>& w = doc.sentences[si].words;
    info[si].quoted.assign(w.size(), false);
    if (options.matcher == nullptr) continue;
    if (options.sentence_actors != nullptr &&
        si < static_cast<int>(options.sentence_actors->size())) {
      info[si].actors = (*options.sentence_actors)[si];
    } else {
      info[si].actors = options.matcher->Match(w, mopt);
    }
  }
  for (const Chain& c : chains) {
    for (const Segment& s : c.segs) {
      int a = extract::SentenceAt(doc, s.begin),
          b = extract::SentenceAt(doc, s.end > 0 ? s.end - 1 : 0);
      if (a < 0) a = b;
      if (a < 0) continue;
      if (b < a) b = a;
      for (int si = a; si <= b && si < ns; ++si) {
        const std::vector<Word>& w = doc.sentences[si].words;
        // Words are in text order: start at the first one not before the segment.
        auto it = std::lower_bound(w.begin(), w.end(), s.begin,
                                   [](const Word& x, uint32_t pos) { return x.span.begin < pos; });
        for (size_t i = it - w.begin(); i < w.size() && w[i].span.begin < s.end; ++i) {
          if (w[i].span.end <= s.end) info[si].quoted[i] = true;
        }
      }
    }
  }
  std::vector<uint32_t> paragraph_starts = {0};  // Byte offsets after each "\n\n".
  for (size_t p = text.find("\n\n"); p != std::string_view::npos; p = text.find("\n\n", p + 1)) {
    paragraph_starts.push_back(static_cast<uint32_t>(p + 2));
  }
  auto paragraph_of = [&](uint32_t pos) -> uint32_t {
    // The last paragraph start at or before pos (a break ending exactly at pos counts as before).
    auto it = std::upper_bound(paragraph_starts.begin(), paragraph_starts.end(), pos);
    return *(it - 1);
  };

  std::vector<Found> found;
  std::vector<std::pair<int, int>> used_verbs;  // (sentence, word)

  // Direct quotes.
  for (const Chain& c : chains) {
    if (c.segs.empty()) continue;
    Found f;
    f.q.direct = true;
    // Text: segments trimmed of spaces and a trailing comma, joined.
    uint32_t first_b = 0, last_e = 0;
    int words = 0;
    for (size_t k = 0; k < c.segs.size(); ++k) {
      std::string_view s = text.substr(c.segs[k].begin, c.segs[k].end - c.segs[k].begin);
      size_t lead = 0;
      while (lead < s.size() && std::isspace(static_cast<unsigned char>(s[lead]))) ++lead;
      s.remove_prefix(lead);
      uint32_t b = c.segs[k].begin + static_cast<uint32_t>(lead);
      while (!s.empty() &&
             (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ',')) {
        s.remove_suffix(1);
      }
      if (s.empty()) continue;
      if (!f.q.text.empty()) f.q.text += " ";
      f.q.text += std::string(s);
      if (last_e == 0) first_b = b;
      last_e = b + static_cast<uint32_t>(s.size());
      bool in_word = false;
      for (char ch : s) {
        bool sp = std::isspace(static_cast<unsigned char>(ch)) != 0;
        if (!sp && !in_word) ++words;
        in_word = !sp;
      }
    }
    if (f.q.text.empty()) continue;
    f.q.span = {first_b, last_e};
    f.paragraph = paragraph_of(c.segs.back().begin);
    f.order = first_b;
    int sb = extract::SentenceAt(doc, c.segs.front().begin);
    int se = extract::SentenceAt(doc, c.segs.back().end > 0 ? c.segs.back().end - 1 : 0);
    f.q.sentence = sb >= 0 ? sb : se;
    // (a) After the closing mark, in the closing sentence (and the next when the quote ends it).
    for (int si = se; si >= 0 && si < ns && si <= se + 1 && f.verb < 0; ++si) {
      const std::vector<Word>& w = doc.sentences[si].words;
      if (static_cast<int>(w.size()) > kMaxSentenceWords) break;
      if (si > se && paragraph_of(doc.sentences[si].span.begin) != f.paragraph) break;
      // Up to eight words after the mark: a speaker with a title comes before its verb
      // ("..., Prime Minister Shigeru Ishiba said", "..., U.S. Secretary of State Marco Rubio
      // said"); the verb's subject must still start the window (below).
      std::vector<int> window;
      for (int i = 0; i < static_cast<int>(w.size()) && window.size() < kAttributionWindow; ++i) {
        if (w[i].span.begin < c.segs.back().end || info[si].quoted[i] || IsPunctWord(w[i]))
          continue;
        window.push_back(i);
      }
      if (si > se && !window.empty() && window.front() > 1) break;
      for (size_t p = 0; p < window.size(); ++p) {
        int i = window[p];
        std::string l = Lower(w[i].form);
        if (l == "according" && i + 1 < static_cast<int>(w.size()) &&
            Lower(w[i + 1].form) == "to") {
          f.np = AfterVerb(w, info[si], i + 1, si);
          f.q.verb = "according to";
          f.verb = i;
          f.verb_sentence = si;
          break;
        }
        if (w[i].upos != "VERB" && !w[i].upos.empty()) continue;
        std::string lemma = SpeechLemma(w[i]);
        if (!IsSpeechVerb(lemma)) continue;
        NP before = p > 0 ? BeforeVerb(w, info[si], i, si) : NP{};
        if (p > 0 && before.first >= 0 && before.first >= window[0] &&
            IsSubjectPosition(w, info[si], before.first)) {
          f.np = before;
        } else {
          f.np = AfterVerb(w, info[si], i, si);
        }
        f.q.verb = lemma;
        f.verb = i;
        f.verb_sentence = si;
        break;
      }
      if (f.verb >= 0 && f.np.first < 0) f.verb = -1;  // A verb without a speaker: keep looking.
    }
    // (b) A speech verb before the opening mark in the opening sentence.
    if (f.verb < 0 && sb > 0) {
      // The quote opens its sentence and the previous one ends with a colon ("Xi said:" split
      // from the quote by the segmenter): look there.
      bool words_before = false;
      for (const Word& x : doc.sentences[sb].words) {
        if (x.span.end <= c.segs.front().begin && !IsPunctWord(x)) words_before = true;
      }
      const std::vector<Word>& pw = doc.sentences[sb - 1].words;
      if (!words_before && !pw.empty() && pw.back().form == ":" &&
          paragraph_of(doc.sentences[sb - 1].span.begin) == f.paragraph) {
        --sb;
      }
    }
    if (f.verb < 0 && sb >= 0 &&
        static_cast<int>(doc.sentences[sb].words.size()) <= kMaxSentenceWords) {
      const std::vector<Word>& w = doc.sentences[sb].words;
      int last = -1, count = 0;
      for (int i = static_cast<int>(w.size()) - 1; i >= 0; --i) {
        if (w[i].span.end > c.segs.front().begin) continue;
        if (++count > 16) break;
        if (info[sb].quoted[i] || (w[i].upos != "VERB" && !w[i].upos.empty())) continue;
        if (IsSpeechVerb(SpeechLemma(w[i]))) {
          last = i;
          break;
        }
      }
      if (last >= 0) {
        NP np = BeforeVerb(w, info[sb], last, sb);
        if (np.first >= 0) {
          f.np = np;
          f.verb = last;
          f.verb_sentence = sb;
          f.q.verb = SpeechLemma(w[last]);
        }
      }
    }
    if (f.verb >= 0) used_verbs.emplace_back(f.verb_sentence, f.verb);
    if (f.verb < 0) {
      // (c) The speaker of the previous quote of the paragraph.
      // Or of the paragraph before, when this quote opens its paragraph (a speaker carrying on).
      const uint32_t first_para = paragraph_of(c.segs.front().begin);
      // Walk back from the opening mark over spaces and marks: does the paragraph start there?
      bool opens_paragraph = true;
      for (uint32_t b = c.segs.front().begin; b > first_para; --b) {
        unsigned char ch = static_cast<unsigned char>(text[b - 1]);
        if (!std::isspace(ch) && ch != '"' && ch < 0x80) {
          opens_paragraph = false;
          break;
        }
      }
      const uint32_t prev_para = first_para >= 3 ? paragraph_of(first_para - 3) : first_para;
      const Found* prev = nullptr;
      for (auto it = found.rbegin(); it != found.rend(); ++it) {
        if (!it->q.direct) continue;
        bool same = it->paragraph == f.paragraph || it->paragraph == first_para;
        bool before = opens_paragraph && first_para > 0 && it->paragraph == prev_para;
        if ((same || before) && it->np.first >= 0) prev = &*it;
        break;  // Only the latest direct quote can hand on its speaker.
      }
      if (prev != nullptr) {
        f.np = prev->np;
        f.q.verb = prev->q.verb;
      } else if (words < options.min_unattributed_quote_words) {
        continue;
      }
    }
    found.push_back(std::move(f));
  }

  // Indirect speech.
  for (int si = 0; si < ns; ++si) {
    const std::vector<Word>& w = doc.sentences[si].words;
    const int n = static_cast<int>(w.size());
    if (n > kMaxSentenceWords) continue;
    for (int v = 0; v < n; ++v) {
      if (info[si].quoted[v]) continue;
      int clause_first = -1, clause_end = -1;
      NP np;
      std::string verb;
      std::string l = Lower(w[v].form);
      if (l == "according" && v + 1 < n && Lower(w[v + 1].form) == "to") {
        np = AfterVerb(w, info[si], v + 1, si);
        if (np.first < 0) continue;
        verb = "according to";
        if (v > 0) {
          clause_first = 0;
          clause_end = v;
        } else {
          int k = np.end;
          while (k < n && Lower(w[k].form) != ",") ++k;
          clause_first = k + 1;
          clause_end = n;
        }
      } else {
        if (w[v].upos != "VERB" && !w[v].upos.empty()) continue;
        verb = SpeechLemma(w[v]);
        if (!IsSpeechVerb(verb)) continue;
        if (std::find(used_verbs.begin(), used_verbs.end(), std::make_pair(si, v)) !=
            used_verbs.end()) {
          continue;
        }
        for (int c = v + 1; c < n; ++c) {  // Parse: a ccomp after the verb.
          if (extract::HeadOf(w, c) == v && w[c].deprel == "ccomp") {
            int lo = c, hi = c;
            for (int i = v + 1; i < n; ++i) {
              int cur = i, steps = 0;
              while (cur >= 0 && cur != c && steps++ < n) cur = extract::HeadOf(w, cur);
              if (cur == c) {
                lo = std::min(lo, i);
                hi = std::max(hi, i);
              }
            }
            clause_first = lo;
            clause_end = hi + 1;
            break;
          }
        }
        if (clause_first < 0) {  // Surface: "that" within six words after the verb.
          for (int k = v + 1; k < n && k <= v + 6; ++k) {
            if (IsPunctWord(w[k])) break;
            if (Lower(w[k].form) == "that") {
              clause_first = k + 1;
              clause_end = n;
              break;
            }
          }
        }
        np = BeforeVerb(w, info[si], v, si);
        if (np.first < 0) continue;
        if (clause_first < 0) {
          // "..., police said." / "..., he said on Sunday.": the sentence before the comma.
          bool tail = true;
          for (int k = v + 1; k < n && tail; ++k) {
            std::string lk = Lower(w[k].form);
            tail = IsPunctWord(w[k]) || w[k].upos == "ADP" || w[k].upos == "DET" ||
                   w[k].upos == "NOUN" || w[k].upos == "PROPN" || lk == "on" || lk == "in";
            if (IsPunctWord(w[k]) && lk != ".") tail = false;
          }
          if (!tail || np.first < 2 || w[np.first - 1].form != ",") continue;
          clause_first = 0;
          clause_end = np.first - 1;
        }
      }
      if (doc.dateline.has_value()) {  // The dateline is not part of what was said.
        while (clause_first < clause_end && w[clause_first].span.begin < doc.dateline->span.end &&
               w[clause_first].span.end > doc.dateline->span.begin) {
          ++clause_first;
        }
      }
      if (clause_first < n && Lower(w[clause_first].form) == "that") ++clause_first;
      while (clause_end > clause_first && IsPunctWord(w[clause_end - 1])) --clause_end;
      while (clause_first < clause_end && IsPunctWord(w[clause_first])) ++clause_first;
      if (clause_end - clause_first < 2) continue;
      int quoted = 0;
      for (int k = clause_first; k < clause_end; ++k) quoted += info[si].quoted[k] ? 1 : 0;
      if (quoted * 2 > clause_end - clause_first) continue;  // A direct quote covers it.
      Found f;
      f.q.direct = false;
      f.q.span = {w[clause_first].span.begin, w[clause_end - 1].span.end};
      f.q.text = std::string(extract::SpanText(doc, f.q.span));
      f.q.verb = verb;
      f.q.sentence = si;
      f.np = np;
      f.verb = v;
      f.verb_sentence = si;
      f.order = w[v].span.begin;
      f.paragraph = paragraph_of(w[v].span.begin);
      found.push_back(std::move(f));
    }
  }

  // Resolve speakers in text order of their attributions.
  struct Person {
    uint32_t pos;
    std::string name;
    std::vector<std::string> codes;
  };
  std::vector<Person> persons;
  std::vector<Span> speaker_spans;
  for (const Found& f : found) {
    if (f.np.sentence >= 0 && f.np.first >= 0) {
      const std::vector<Word>& w = doc.sentences[f.np.sentence].words;
      speaker_spans.push_back({w[f.np.first].span.begin, w[f.np.end - 1].span.end});
    }
  }
  if (options.matcher != nullptr) {
    const Dictionary& dict = options.matcher->dictionary();
    for (int si = 0; si < ns; ++si) {
      for (const ActorMatch& m : info[si].actors) {
        if (m.actor < 0 || static_cast<size_t>(m.actor) >= dict.actors().size()) continue;
        if (dict.actors()[m.actor].kind != ActorKind::kPerson) continue;
        bool inside_speaker = false;
        for (const Span& s : speaker_spans) {
          if (m.span.begin >= s.begin && m.span.end <= s.end) inside_speaker = true;
        }
        if (inside_speaker) continue;
        persons.push_back({m.span.begin, dict.actors()[m.actor].name, m.codes});
      }
    }
  }
  // Person candidates beyond the dictionary: runs of two or three capitalised proper nouns
  // outside quotes that no country/organisation match overlaps ("Dana Holt").
  for (int si = 0; si < ns; ++si) {
    const std::vector<Word>& w = doc.sentences[si].words;
    const int n = static_cast<int>(w.size());
    for (int i = 0; i < n;) {
      if (w[i].upos != "PROPN" || !extract::Capitalized(w[i]) || info[si].quoted[i]) {
        ++i;
        continue;
      }
      int j = i;
      while (j < n && w[j].upos == "PROPN" && extract::Capitalized(w[j]) && !info[si].quoted[j])
        ++j;
      bool clash = j - i < 2 || j - i > 3;
      // Part of a longer capitalised name ("American National Asian Research Office").
      if (i > 0 && extract::Capitalized(w[i - 1]) && !IsPunctWord(w[i - 1])) clash = true;
      if (j < n && extract::Capitalized(w[j]) && !IsPunctWord(w[j])) clash = true;
      if (OrganisationWord(Lower(w[j - 1].form))) clash = true;
      for (const ActorMatch& m : info[si].actors) {
        if (m.first_word < j && m.end_word > i) clash = true;
      }
      if (!clash) {
        Span s{w[i].span.begin, w[j - 1].span.end};
        persons.push_back({s.begin, std::string(extract::SpanText(doc, s)), {}});
      }
      i = j;
    }
  }
  std::vector<size_t> order(found.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  auto attribution_pos = [&](const Found& f) -> uint32_t {
    if (f.np.sentence >= 0 && f.np.first >= 0) {
      return doc.sentences[f.np.sentence].words[f.np.first].span.begin;
    }
    return f.order;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return attribution_pos(found[a]) < attribution_pos(found[b]);
  });
  for (size_t idx : order) {
    Found& f = found[idx];
    if (f.np.sentence < 0 || f.np.first < 0) continue;
    const std::vector<Word>& w = doc.sentences[f.np.sentence].words;
    while (f.np.first + 1 < f.np.end &&
           (w[f.np.first].upos == "CCONJ" || Lower(w[f.np.first].form) == "and")) {
      ++f.np.first;
    }
    Span s{w[f.np.first].span.begin, w[f.np.end - 1].span.end};
    f.q.speaker_text = std::string(extract::SpanText(doc, s));
    if (doc.dateline.has_value() && s.begin < doc.dateline->span.end &&
        doc.dateline->span.begin < s.end) {
      f.q.speaker_text.clear();  // A dateline place is not a speaker.
      f.drop = !f.q.direct;
      continue;
    }
    std::string lower = Lower(f.q.speaker_text);
    uint32_t pos = s.begin;
    if (lower == "who" || lower == "which" || lower == "that" || lower == "whom") {
      f.q.speaker_text.clear();
      f.drop = !f.q.direct;  // "..., who asked not to be named": not a quote.
      continue;
    }
    if (lower == "he" || lower == "she" || lower == "i") {
      const Person* best = nullptr;
      for (const Person& p : persons) {
        if (p.pos < pos && (best == nullptr || p.pos >= best->pos)) best = &p;
      }
      if (best != nullptr) {
        f.q.speaker = best->name;
        f.q.speaker_codes = best->codes;
      }
      continue;
    }
    if (IsPronoun(lower)) continue;  // "they", "we", "it": left unresolved.
    int first = f.np.first;
    std::string fl = Lower(w[first].form);
    if ((fl == "the" || fl == "a" || fl == "an") && first + 1 < f.np.end) ++first;
    const ActorMatch* full = nullptr;
    for (const ActorMatch& m : info[f.np.sentence].actors) {
      if (m.kind == ActorMatch::Kind::kActor && m.first_word <= first && m.end_word >= f.np.end) {
        full = &m;
      }
    }
    if (full == nullptr && options.matcher != nullptr) {
      // A person's name ending the phrase after a title ("Prime Minister Shigeru Ishiba": an
      // agent match, then the person), or a person whose match ends inside the phrase because
      // an alias took the title with the first name ("North Korean leader Kim" + "Jong Un"),
      // when the phrase is the person's name.
      const Dictionary& dict = options.matcher->dictionary();
      for (const ActorMatch& m : info[f.np.sentence].actors) {
        const bool person = m.kind == ActorMatch::Kind::kActor && m.actor >= 0 &&
                            static_cast<size_t>(m.actor) < dict.actors().size() &&
                            dict.actors()[m.actor].kind == ActorKind::kPerson;
        if (!person) continue;
        // Not someone speaking for the person: "a spokesman for Prime Minister Keir Starmer".
        bool for_someone = !extract::Capitalized(w[first]);
        bool linked = false;
        for (int k = first; k < m.first_word && k < f.np.end; ++k) {
          const std::string l = Lower(w[k].form);
          linked = linked || l == "for" || l == "of" || l == "to";
        }
        for_someone = for_someone && linked;
        if ((m.first_word >= first && m.end_word == f.np.end && !for_someone) ||
            (m.first_word <= first && m.end_word > first &&
             dict.actors()[m.actor].name == f.q.speaker_text)) {
          full = &m;
        }
      }
    }
    bool person = false;
    f.q.speaker = f.q.speaker_text;
    if (full != nullptr) {
      f.q.speaker_codes = full->codes;
      const Dictionary& dict = options.matcher->dictionary();
      if (full->actor >= 0 && static_cast<size_t>(full->actor) < dict.actors().size() &&
          dict.actors()[full->actor].kind == ActorKind::kPerson) {
        f.q.speaker = dict.actors()[full->actor].name;
        person = true;
      }
    } else {
      bool all_caps = true;
      for (int k = first; k < f.np.end; ++k) all_caps = all_caps && extract::Capitalized(w[k]);
      if (all_caps && f.np.end - first == 1) {
        // A surname: the most recent person whose name ends with it.
        for (auto it = persons.rbegin(); it != persons.rend(); ++it) {
          if (it->pos < pos && (it->name.ends_with(" " + f.q.speaker_text))) {
            f.q.speaker = it->name;
            f.q.speaker_codes = it->codes;
            break;
          }
        }
      }
      person = all_caps;
    }
    if (person) persons.push_back({pos, f.q.speaker, f.q.speaker_codes});
  }
  std::vector<Quote> out;
  out.reserve(found.size());
  for (Found& f : found) {
    if (!f.drop) out.push_back(std::move(f.q));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace annals
