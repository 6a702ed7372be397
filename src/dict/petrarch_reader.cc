// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Importers for PETRARCH-2 / TABARI dictionaries (grammar: docs/dictionaries.md). The reference
// is petrarch2's PETRreader.py; where it is lenient (dates with junk after 8 digits) we accept the
// same input and say so in a warning.
#include <algorithm>
#include <map>

#include "dict/dict_impl.h"
#include "util/text.h"

namespace annals::dict {
namespace {

using util::TrimAsciiSpace;

// Strips a '#' comment (to end of line); a '#' inside [...] is part of a code ("[###]").
std::string_view StripComment(std::string_view line, std::string_view* comment = nullptr) {
  size_t h = std::string_view::npos;
  bool in_bracket = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') in_bracket = true;
    if (line[i] == ']') in_bracket = false;
    if (line[i] == '#' && !in_bracket) {
      h = i;
      break;
    }
  }
  if (h == std::string_view::npos) return line;
  if (comment) *comment = TrimAsciiSpace(line.substr(h + 1));
  return line.substr(0, h);
}

// "<!-- ... -->" lines (PETRARCH skips any line starting "<!").
bool IsXmlComment(std::string_view trimmed) { return trimmed.rfind("<!", 0) == 0; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Spaced(std::string_view phrase) {
  std::string out;
  for (char c : TrimAsciiSpace(phrase)) out.push_back(c == '_' ? ' ' : c);
  return std::string(TrimAsciiSpace(out));
}

bool ValidCodeChars(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '+' || c == '/' || c == '_' || c == '~' || c == '!' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// PETRARCH dates: YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD (first 8 digits read; more digits
// are ignored, as PETRARCH does, with a warning).
struct DateParse {
  std::optional<int32_t> day;
  std::string warning;
  std::string error;
};
DateParse ParsePetrarchDate(std::string_view s) {
  DateParse r;
  s = TrimAsciiSpace(s);
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n != s.size() || n < 6) {
    r.error = "bad date '" + std::string(s) + "' (want YYMMDD or YYYYMMDD)";
    return r;
  }
  auto num = [&](size_t b, size_t len) {
    int v = 0;
    for (size_t i = b; i < b + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int year, month, day;
  if (n <= 7) {
    if (n == 7) {
      // Neither YYMMDD nor YYYYMMDD: try YYYYMMD, then PETRARCH's reading (YYMMDD + junk).
      year = num(0, 4);
      month = num(4, 2);
      day = num(6, 1);
      r.warning = "date '" + std::string(s) + "' has 7 digits; read as YYYYMMD";
      if (!DayFromCivil(year, month, day)) {
        int yy = num(0, 2);
        year = yy <= 30 ? 2000 + yy : 1900 + yy;
        month = num(2, 2);
        day = num(4, 2);
        r.warning = "date '" + std::string(s) + "' has 7 digits; read as YYMMDD " +
                    std::string(s.substr(0, 6)) + " (as PETRARCH does)";
      }
    } else {
      int yy = num(0, 2);
      year = yy <= 30 ? 2000 + yy : 1900 + yy;
      month = num(2, 2);
      day = num(4, 2);
    }
  } else {
    year = num(0, 4);
    month = num(4, 2);
    day = num(6, 2);
    if (n > 8) {
      r.warning = "date '" + std::string(s) + "' has " + std::to_string(n) + " digits; read as " +
                  std::string(s.substr(0, 8)) + " (first 8 digits, as PETRARCH does)";
    }
  }
  r.day = DayFromCivil(year, month, day);
  if (!r.day) r.error = "impossible date '" + std::string(s) + "'";
  return r;
}

// Parses the inside of "[CODE]", "[CODE <date]", "[CODE >date]", "[CODE date-date]".
// Returns false with `error` set when unusable.
bool ParseCodeSpec(std::string_view inside, DatedCode& out, std::string& error,
                   std::string& warning) {
  inside = TrimAsciiSpace(inside);
  size_t sp = inside.find_first_of(" \t");
  std::string_view code = inside.substr(0, sp);
  std::string_view rest = sp == std::string_view::npos ? "" : TrimAsciiSpace(inside.substr(sp));
  if (!ValidCodeChars(code)) {
    error = code.empty() ? "empty code" : "bad code '" + std::string(code) + "'";
    return false;
  }
  out = DatedCode();
  out.code = Upper(code);
  if (rest.empty()) return true;
  auto take = [&](std::string_view s, std::optional<int32_t>& day) {
    DateParse d = ParsePetrarchDate(s);
    if (!d.error.empty()) {
      error = d.error;
      return false;
    }
    if (!d.warning.empty()) warning = d.warning;
    day = d.day;
    return true;
  };
  std::optional<int32_t> d1, d2;
  if (rest[0] == '<') {
    if (!take(rest.substr(1), d1)) return false;
    out.until = *d1 - 1;  // "before the date"
  } else if (rest[0] == '>') {
    if (!take(rest.substr(1), d1)) return false;
    out.from = *d1;  // "on or after the date"
  } else if (size_t dash = rest.find('-'); dash != std::string_view::npos) {
    if (!take(rest.substr(0, dash), d1) || !take(rest.substr(dash + 1), d2)) return false;
    if (*d2 < *d1) {
      // PETRARCH never applies such a code; we keep that meaning and say so.
      warning = "date range ends before it starts; the code never applies and is ignored";
      out.code.clear();
      return true;
    }
    out.from = *d1;
    out.until = *d2 - 1;  // PETRARCH: start <= day < end
    if (*d2 == *d1) {
      out.until = *d1;
      warning = "date range starts and ends on the same day; read as that one day";
    }
  } else {
    // A bare date: PETRARCH drops it (the code becomes undated); "from that date" is the reading
    // that keeps the information.
    if (!take(rest, d1)) return false;
    out.from = *d1;
    warning =
        "date '" + std::string(rest) + "' has no '<', '>' or '-'; read as >" + std::string(rest);
  }
  return true;
}

// Finds "[...]" in `s`. Accepts '}' as the closing bracket with a warning (a typo found in
// Phoenix.agents.txt). Returns false when there is no '['; sets `error` when it is unclosed.
bool FindBracket(std::string_view s, size_t& open, std::string_view& inside, std::string& error,
                 std::string& warning) {
  open = s.find('[');
  if (open == std::string_view::npos) return false;
  size_t close = s.find(']', open);
  if (close == std::string_view::npos) {
    size_t brace = s.find('}', open);
    if (brace != std::string_view::npos) {
      warning = "'[' closed by '}'; read as ']'";
      close = brace;
    } else {
      error = "unclosed '['";
      return true;
    }
  }
  inside = s.substr(open + 1, close - open - 1);
  return true;
}

}  // namespace

// ---- Actors ---------------------------------------------------------------------------------

void ReadPetrarchActors(std::string_view text, uint32_t file, Builder& b) {
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  // The entry being read: its root, synonyms and codes are committed when the next root starts.
  struct Pending {
    bool open = false;
    std::string name;
    uint64_t line = 0;
    std::vector<std::string> phrases;
    std::vector<DatedCode> codes;
  } cur;
  auto commit = [&]() {
    if (!cur.open) return;
    if (cur.codes.empty()) {
      b.Warning(file, cur.line, "actor '" + cur.name + "' has no code; entry skipped");
    } else {
      Actor a;
      a.name = cur.name;
      a.kind = ActorKind::kOther;
      a.codes = std::move(cur.codes);
      a.where = {file, static_cast<uint32_t>(cur.line)};
      uint32_t id = b.AddActor(std::move(a));
      for (const std::string& p : cur.phrases) b.AddActorAlias(id, p);
    }
    cur = Pending();
  };
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view line = cleaned;
    std::string_view trimmed = TrimAsciiSpace(line);
    if (trimmed.empty() || trimmed[0] == '#' || IsXmlComment(trimmed)) continue;
    if (trimmed.find("---STOP---") != std::string_view::npos) break;
    std::string_view body = TrimAsciiSpace(StripComment(trimmed));
    if (body.empty()) continue;
    // Every "[...]" on the line, parsed; problems reported. Returns the text before the first.
    auto read_codes = [&](std::string_view s) -> std::string_view {
      std::string_view before = s;
      bool first = true;
      while (true) {
        std::string error, warning;
        size_t open;
        std::string_view inside;
        if (!FindBracket(s, open, inside, error, warning)) break;
        if (first) before = s.substr(0, open);
        first = false;
        if (!warning.empty()) b.Warning(file, line_no, warning);
        if (!error.empty()) {
          b.Error(file, line_no, error + "; code skipped");
          break;
        }
        DatedCode code;
        std::string w2;
        if (!ParseCodeSpec(inside, code, error, w2)) {
          b.Error(file, line_no, error + "; code skipped");
        } else {
          if (!w2.empty()) b.Warning(file, line_no, w2);
          if (!code.code.empty()) cur.codes.push_back(std::move(code));
        }
        size_t next = open + 1 + inside.size() + 1;
        if (next >= s.size()) break;
        s = s.substr(next);
      }
      return before;
    };
    if (body[0] == '[') {
      // A code line (PETRARCH wants a leading tab; blanks are accepted too).
      if (!cur.open) {
        b.Error(file, line_no, "code line before any actor; skipped");
        continue;
      }
      read_codes(body);
      continue;
    }
    if (body[0] == '+') {
      if (!cur.open) {
        b.Error(file, line_no, "synonym '" + std::string(body) + "' before any actor; skipped");
        continue;
      }
      std::string_view phrase = body.substr(1);
      if (size_t br = phrase.find('['); br != std::string_view::npos) {
        b.Warning(file, line_no, "code on a synonym line ignored (codes belong to the root)");
        phrase = phrase.substr(0, br);
      }
      if (PhraseWords(phrase).empty()) {
        b.Error(file, line_no, "empty synonym; skipped");
        continue;
      }
      cur.phrases.push_back(Spaced(phrase));
      continue;
    }
    // A root line: "PHRASE" or "PHRASE [CODE ...]". As in PETRARCH, root lines that follow a root
    // that has no code yet are synonyms of it: the codes that come next belong to all of them.
    std::string_view phrase = body;
    if (size_t br = body.find('['); br != std::string_view::npos) phrase = body.substr(0, br);
    if (PhraseWords(phrase).empty()) {
      b.Error(file, line_no, "actor line has no name; skipped");
      continue;
    }
    if (!cur.open || !cur.codes.empty()) {
      commit();
      cur.open = true;
      cur.name = Spaced(phrase);
      cur.line = line_no;
    }
    cur.phrases.push_back(Spaced(phrase));
    read_codes(body);
  }
  commit();
}

// ---- Agents ---------------------------------------------------------------------------------

void ReadPetrarchAgents(std::string_view text, uint32_t file, Builder& b) {
  std::map<std::string, std::vector<std::string>> macros;
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view trimmed = TrimAsciiSpace(cleaned);
    if (trimmed.empty() || trimmed[0] == '#' || IsXmlComment(trimmed)) continue;
    if (trimmed.find("---STOP---") != std::string_view::npos) break;
    std::string_view body = TrimAsciiSpace(StripComment(trimmed));
    if (body.empty()) continue;
    // Macro definition: "!NAME! = A, B, C".
    if (body[0] == '!' && body.find('=') != std::string_view::npos) {
      size_t close = body.find('!', 1);
      size_t eq = body.find('=');
      if (close == std::string_view::npos || close > eq || close == 1) {
        b.Error(file, line_no, "bad substitution definition (want !NAME! = A, B); skipped");
        continue;
      }
      std::string name(body.substr(1, close - 1));
      std::vector<std::string> values;
      for (std::string_view v : util::Split(body.substr(eq + 1), ',')) {
        v = TrimAsciiSpace(v);
        if (!v.empty()) values.push_back(Upper(v));
      }
      if (values.empty()) {
        b.Error(file, line_no, "substitution !" + name + "! has no values; skipped");
        continue;
      }
      macros[name] = std::move(values);
      continue;
    }
    std::string error, warning;
    size_t open;
    std::string_view inside;
    if (!FindBracket(body, open, inside, error, warning)) {
      b.Warning(file, line_no, "agent '" + std::string(body) + "' has no [code]; skipped");
      continue;
    }
    if (!warning.empty()) b.Warning(file, line_no, warning);
    if (!error.empty()) {
      b.Error(file, line_no, error + "; skipped");
      continue;
    }
    std::string_view code = TrimAsciiSpace(inside);
    Agent agent;
    if (!code.empty() && code.front() == '~') {
      code.remove_prefix(1);
    } else if (!code.empty() && code.back() == '~') {
      code.remove_suffix(1);
      agent.prefix = true;
    } else {
      b.Warning(file, line_no, "agent code '" + std::string(code) + "' has no '~'; appended");
    }
    code = TrimAsciiSpace(code);
    if (!ValidCodeChars(code)) {
      b.Error(file, line_no, "bad agent code '" + std::string(inside) + "'; skipped");
      continue;
    }
    agent.code = Upper(code);
    std::string_view head = TrimAsciiSpace(body.substr(0, open));
    // Explicit plurals "{A B}" ("{}" = none).
    bool explicit_plurals = false;
    std::vector<std::string> plurals;
    if (size_t lb = head.find('{'); lb != std::string_view::npos) {
      size_t rb = head.find('}', lb);
      if (rb == std::string_view::npos) {
        b.Error(file, line_no, "unclosed '{'; skipped");
        continue;
      }
      explicit_plurals = true;
      std::string_view list = head.substr(lb + 1, rb - lb - 1);
      size_t i = 0;
      while (i < list.size()) {
        while (i < list.size() && (list[i] == ' ' || list[i] == '\t' || list[i] == ',')) ++i;
        size_t s = i;
        while (i < list.size() && !(list[i] == ' ' || list[i] == '\t' || list[i] == ',')) ++i;
        if (i > s) plurals.emplace_back(list.substr(s, i - s));
      }
      head = TrimAsciiSpace(head.substr(0, lb));
    }
    if (head.empty()) {
      b.Error(file, line_no, "agent line has no phrase; skipped");
      continue;
    }
    // Expand !MACRO! substitutions (the value is pasted in place, no separator).
    std::vector<std::string> phrases = {std::string(head)};
    bool used_macro = false;
    bool macro_error = false;
    for (int guard = 0; guard < 8; ++guard) {
      std::vector<std::string> next;
      bool any = false;
      for (const std::string& p : phrases) {
        size_t a = p.find('!');
        size_t z = a == std::string::npos ? std::string::npos : p.find('!', a + 1);
        if (z == std::string::npos) {
          next.push_back(p);
          continue;
        }
        any = true;
        std::string name = p.substr(a + 1, z - a - 1);
        auto it = macros.find(name);
        if (it == macros.end()) {
          b.Error(file, line_no, "undefined substitution !" + name + "!; skipped");
          macro_error = true;
          break;
        }
        for (const std::string& v : it->second)
          next.push_back(p.substr(0, a) + v + p.substr(z + 1));
      }
      if (macro_error) break;
      phrases = std::move(next);
      if (!any) break;
      used_macro = true;
    }
    if (macro_error) continue;
    agent.name = Spaced(phrases.front());
    agent.where = {file, static_cast<uint32_t>(line_no)};
    uint32_t id = b.AddAgent(agent);
    bool any_phrase = false;
    for (const std::string& p : phrases) {
      if (b.AddAgentPhrase(id, p)) any_phrase = true;
      bool no_plural = !p.empty() && p.back() == '_';
      if (!explicit_plurals && !used_macro && !no_plural) {
        std::vector<std::string> words = PhraseWords(p);
        if (!words.empty()) {
          words.back() = PluralOf(words.back());
          std::string joined;
          for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
          b.AddAgentPhrase(id, joined);
        }
      }
    }
    for (const std::string& p : plurals) b.AddAgentPhrase(id, p);
    if (!any_phrase) b.Error(file, line_no, "agent phrase has no words");
  }
}

// ---- Discards -------------------------------------------------------------------------------

void ReadPetrarchDiscards(std::string_view text, uint32_t file, Builder& b) {
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view trimmed = TrimAsciiSpace(cleaned);
    if (trimmed.empty() || trimmed[0] == '#' || IsXmlComment(trimmed)) continue;
    std::string_view body = TrimAsciiSpace(StripComment(trimmed));
    if (body.empty()) continue;
    Discard d;
    if (body[0] == '+') {
      d.whole_story = true;
      body = TrimAsciiSpace(body.substr(1));
    }
    if (PhraseWords(body).empty()) {
      b.Error(file, line_no, "discard phrase has no words; skipped");
      continue;
    }
    d.phrase = Spaced(body);
    d.where = {file, static_cast<uint32_t>(line_no)};
    b.AddDiscard(std::move(d));
  }
}

// ---- Verbs ----------------------------------------------------------------------------------

namespace {

// Tokenises a pattern body "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS (TO {ARMS SHIPMENT})".
std::vector<PatternElement> ParsePatternElements(std::string_view s) {
  std::vector<PatternElement> out;
  using K = PatternElement::Kind;
  size_t i = 0;
  auto push = [&](K kind, std::string text) {
    PatternElement e;
    e.kind = kind;
    e.text = std::move(text);
    out.push_back(std::move(e));
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '_') {
      if (!out.empty()) out.back().joined = true;
      ++i;
      continue;
    }
    if (c == '(' || c == ')' || c == '{' || c == '}') {
      push(c == '('   ? K::kOpenPrep
           : c == ')' ? K::kClosePrep
           : c == '{' ? K::kOpenNoun
                      : K::kCloseNoun,
           std::string(1, c));
      ++i;
      continue;
    }
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '_' && s[i] != '(' &&
           s[i] != ')' && s[i] != '{' && s[i] != '}') {
      ++i;
    }
    std::string_view w = s.substr(b, i - b);
    if (w == "*") {
      push(K::kVerb, "*");
    } else if (w == "$") {
      push(K::kSource, "$");
    } else if (w == "+") {
      push(K::kTarget, "+");
    } else if (w == "%") {
      push(K::kCompound, "%");
    } else if (w[0] == '&') {
      std::string name = Upper(w.substr(1));
      push(K::kSynset, name);
    } else {
      push(K::kWord, Upper(w));
    }
  }
  return out;
}

}  // namespace

void ReadPetrarchVerbs(std::string_view text, uint32_t file, Builder& b) {
  VerbDictionary& verbs = b.impl().verbs;
  std::vector<Synset>& synsets = b.impl().synsets;
  enum class Mode { kNone, kSynset, kVerb } mode = Mode::kNone;
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view trimmed = TrimAsciiSpace(cleaned);
    if (trimmed.empty() || trimmed[0] == '#' || IsXmlComment(trimmed)) continue;
    if (trimmed.find("---STOP---") != std::string_view::npos) break;
    std::string_view comment;
    std::string_view body = TrimAsciiSpace(StripComment(trimmed, &comment));
    if (body.empty()) continue;
    SourceRef where{file, static_cast<uint32_t>(line_no)};
    if (body.rfind("---", 0) == 0) {
      // "--- NAME [code] ---"
      std::string_view inner = body.substr(3);
      while (!inner.empty() && inner.back() == '-') inner.remove_suffix(1);
      inner = TrimAsciiSpace(inner);
      VerbClass vc;
      vc.where = where;
      std::string error, warning;
      size_t open;
      std::string_view inside;
      if (FindBracket(inner, open, inside, error, warning)) {
        if (!error.empty()) {
          b.Error(file, line_no, "verb block header: " + error + "; block skipped");
          mode = Mode::kNone;
          continue;
        }
        vc.code = std::string(TrimAsciiSpace(inside));
        inner = TrimAsciiSpace(inner.substr(0, open));
      } else {
        vc.code = "---";
      }
      if (inner.empty()) {
        b.Error(file, line_no, "verb block header has no verb; block skipped");
        mode = Mode::kNone;
        continue;
      }
      vc.name = Upper(Spaced(inner));
      verbs.classes.push_back(std::move(vc));
      mode = Mode::kVerb;
      continue;
    }
    if (body[0] == '&') {
      Synset s;
      std::string_view name = TrimAsciiSpace(body.substr(1));
      if (name.empty()) {
        b.Error(file, line_no, "synset with no name; skipped");
        mode = Mode::kNone;
        continue;
      }
      if (name.back() == '_') {
        s.no_plural = true;
        name.remove_suffix(1);
      }
      s.name = Upper(name);
      s.where = where;
      synsets.push_back(std::move(s));
      mode = Mode::kSynset;
      continue;
    }
    if (body[0] == '~') {
      std::string_view t = TrimAsciiSpace(body.substr(1));
      size_t eq = t.find('=');
      if (eq == std::string_view::npos) {
        b.Error(file, line_no, "transformation without '='; skipped");
        continue;
      }
      verbs.transformations.push_back({std::string(TrimAsciiSpace(t.substr(0, eq))),
                                       std::string(TrimAsciiSpace(t.substr(eq + 1))), where});
      continue;
    }
    if (body[0] == '-') {
      if (mode != Mode::kVerb || verbs.classes.empty()) {
        b.Error(file, line_no, "pattern outside a verb block; skipped");
        continue;
      }
      std::string error, warning;
      size_t open;
      std::string_view inside;
      if (!FindBracket(body, open, inside, error, warning)) {
        b.Error(file, line_no, "pattern has no [code]; skipped");
        continue;
      }
      if (!warning.empty()) b.Warning(file, line_no, warning);
      if (!error.empty()) {
        b.Error(file, line_no, "pattern: " + error + "; skipped");
        continue;
      }
      VerbPattern p;
      p.code = std::string(TrimAsciiSpace(inside));
      p.comment = std::string(comment);
      p.where = where;
      p.elements = ParsePatternElements(body.substr(1, open - 1));
      if (p.code.empty()) {
        b.Error(file, line_no, "pattern has an empty [code]; skipped");
        continue;
      }
      verbs.classes.back().patterns.push_back(std::move(p));
      continue;
    }
    if (body[0] == '+' && mode == Mode::kSynset) {
      std::string_view member = TrimAsciiSpace(body.substr(1));
      if (member.empty()) {
        b.Error(file, line_no, "empty synset member; skipped");
        continue;
      }
      synsets.back().members.push_back(Upper(Spaced(member)));
      continue;
    }
    if (mode != Mode::kVerb || verbs.classes.empty()) {
      b.Error(file, line_no, "'" + std::string(body) + "' outside a verb block or synset; skipped");
      continue;
    }
    // A verb line: "HURRY {HURRIES HURRYING HURRIED }", "KLM_NOP_+RST [002]", "+ANGERED_BY {}".
    VerbForm v;
    v.where = where;
    std::string_view rest = body;
    std::string error, warning;
    size_t open;
    std::string_view inside;
    if (FindBracket(rest, open, inside, error, warning)) {
      if (!error.empty()) {
        b.Error(file, line_no, "verb: " + error + "; skipped");
        continue;
      }
      v.code = std::string(TrimAsciiSpace(inside));
      rest = rest.substr(0, open);
    }
    if (size_t lb = rest.find('{'); lb != std::string_view::npos) {
      size_t rb = rest.find('}', lb);
      if (rb == std::string_view::npos) {
        b.Error(file, line_no, "verb: unclosed '{'; skipped");
        continue;
      }
      v.explicit_forms = true;
      std::string_view list = rest.substr(lb + 1, rb - lb - 1);
      size_t i = 0;
      while (i < list.size()) {
        while (i < list.size() && (list[i] == ' ' || list[i] == '\t')) ++i;
        size_t s = i;
        while (i < list.size() && list[i] != ' ' && list[i] != '\t') ++i;
        if (i > s) v.inflections.push_back(Upper(Spaced(list.substr(s, i - s))));
      }
      rest = rest.substr(0, lb);
    }
    v.phrase = Upper(Spaced(rest));
    if (v.phrase.empty()) {
      b.Error(file, line_no, "verb line has no verb; skipped");
      continue;
    }
    verbs.classes.back().verbs.push_back(std::move(v));
  }
}

// ---- Issues ---------------------------------------------------------------------------------

namespace {

// Expands one issue word: "n:school" -> school, schools; "v:vote" -> vote, votes, voted, voting;
// "pre+n:school" -> "pre school", "pre-school", "pre schools", "pre-schools".
std::vector<std::string> ExpandIssueWord(std::string_view word) {
  std::vector<std::string> acc = {""};
  std::vector<std::string_view> parts = util::Split(word, '+');
  for (size_t k = 0; k < parts.size(); ++k) {
    std::string_view part = parts[k];
    std::vector<std::string> forms;
    if (part.rfind("n:", 0) == 0) {
      std::string base(part.substr(2));
      forms = {base, util::AsciiLower(PluralOf(Upper(base)))};
    } else if (part.rfind("v:", 0) == 0) {
      std::string base(part.substr(2));
      std::string stem = base;
      if (!stem.empty() && stem.back() == 'e') stem.pop_back();
      forms = {base, util::AsciiLower(PluralOf(Upper(base))), stem + "ed", stem + "ing"};
    } else {
      forms = {std::string(part)};
    }
    std::vector<std::string> next;
    for (const std::string& a : acc) {
      for (const std::string& f : forms) {
        if (k == 0) {
          next.push_back(f);
        } else {
          next.push_back(a + " " + f);
          next.push_back(a + "-" + f);
        }
      }
    }
    acc = std::move(next);
    if (acc.size() > 64) acc.resize(64);
  }
  return acc;
}

}  // namespace

void ReadPetrarchIssues(std::string_view text, uint32_t file, Builder& b) {
  std::vector<IssuePhrase>& issues = b.impl().issues;
  std::string category;
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view trimmed = TrimAsciiSpace(cleaned);
    if (trimmed.empty() || trimmed[0] == '#' || IsXmlComment(trimmed)) continue;
    std::string_view body = TrimAsciiSpace(StripComment(trimmed));
    if (body.empty()) continue;
    if (body.rfind("</", 0) == 0) {
      category.clear();
      continue;
    }
    if (body[0] == '<') {
      size_t k = body.find("CATEGORY=\"");
      if (k == std::string_view::npos) {
        b.Error(file, line_no, "issue block without CATEGORY=\"...\"; skipped");
        continue;
      }
      size_t e = body.find('"', k + 10);
      if (e == std::string_view::npos) {
        b.Error(file, line_no, "unclosed CATEGORY value; skipped");
        continue;
      }
      category = std::string(body.substr(k + 10, e - k - 10));
      continue;
    }
    IssuePhrase base;
    base.category = category;
    base.where = {file, static_cast<uint32_t>(line_no)};
    if (body[0] == '~') {
      base.negation = true;
      body = TrimAsciiSpace(body.substr(1));
    }
    std::string error, warning;
    size_t open;
    std::string_view inside;
    if (FindBracket(body, open, inside, error, warning)) {
      if (!error.empty()) {
        b.Error(file, line_no, error + "; skipped");
        continue;
      }
      base.code = std::string(TrimAsciiSpace(inside));
      body = TrimAsciiSpace(body.substr(0, open));
    } else {
      base.code = category;
    }
    if (base.code.empty() && !base.negation) {
      b.Error(file, line_no, "issue phrase outside a category and without [code]; skipped");
      continue;
    }
    if (body.empty()) {
      b.Error(file, line_no, "issue line has no phrase; skipped");
      continue;
    }
    std::vector<std::string> acc = {""};
    size_t i = 0;
    while (i < body.size()) {
      while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
      size_t s = i;
      while (i < body.size() && body[i] != ' ' && body[i] != '\t') ++i;
      if (i == s) break;
      std::vector<std::string> forms = ExpandIssueWord(body.substr(s, i - s));
      std::vector<std::string> next;
      for (const std::string& a : acc) {
        for (const std::string& f : forms) next.push_back(a.empty() ? f : a + " " + f);
      }
      acc = std::move(next);
      if (acc.size() > 256) acc.resize(256);
    }
    for (std::string& phrase : acc) {
      IssuePhrase p = base;
      p.phrase = std::move(phrase);
      issues.push_back(std::move(p));
    }
  }
}

// ---- PICO and word lists --------------------------------------------------------------------

void ReadPetrarchOntology(std::string_view text, uint32_t file, Builder& b) {
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view trimmed = TrimAsciiSpace(cleaned);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::string_view body = TrimAsciiSpace(StripComment(trimmed));
    size_t colon = body.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == body.size()) {
      b.Error(file, line_no, "want CAMEO:0xHHHH; skipped");
      continue;
    }
    b.impl().internal_codes.emplace_back(std::string(TrimAsciiSpace(body.substr(0, colon))),
                                         std::string(TrimAsciiSpace(body.substr(colon + 1))));
  }
}

void ReadWordList(std::string_view text, uint32_t file, std::string name, Builder& b) {
  std::vector<std::string> words;
  size_t pos = 0;
  std::string_view raw;
  uint64_t line_no = 0;
  while (NextLine(text, pos, raw)) {
    ++line_no;
    std::string cleaned = CleanLine(raw, file, line_no, b);
    std::string_view body = TrimAsciiSpace(StripComment(cleaned));
    if (!body.empty()) words.emplace_back(body);
  }
  b.impl().word_lists.emplace_back(std::move(name), std::move(words));
}

}  // namespace annals::dict
