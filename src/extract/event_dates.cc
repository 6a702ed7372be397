// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Article dates, date expressions placed in sentences, and the date of each event.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "annals/dates.h"
#include "annals/extract.h"
#include "extract/extract_util.h"

namespace annals {

std::string_view DateSourceName(DateSource s) {
  switch (s) {
    case DateSource::kNone:
      return "none";
    case DateSource::kPredicate:
      return "predicate";
    case DateSource::kSentence:
      return "sentence";
    case DateSource::kDocument:
      return "document";
  }
  return "none";
}

CivilDate DocumentDate(const Document& doc, const CivilDate& fallback, std::string* source) {
  auto set = [&](const char* s) {
    if (source != nullptr) *source = s;
  };
  Result<CivilDate> meta = ParseIsoDate(doc.date);
  if (meta.ok() && meta->day > 0) {
    set("metadata");
    return *meta;
  }
  // A dateline date needs a year from somewhere: partial metadata, else the fallback.
  if (doc.dateline.has_value() && !doc.dateline->date_text.empty()) {
    CivilDate year_anchor = meta.ok() ? *meta : fallback;
    if (year_anchor.year > 0) {
      Result<CivilDate> d = ResolveDatelineDate(doc.dateline->date_text, year_anchor);
      if (d.ok()) {
        set("dateline");
        return *d;
      }
    }
  }
  if (fallback.year > 0 && fallback.month > 0 && fallback.day > 0) {
    set("option");
    return fallback;
  }
  set("");
  return {};
}

std::vector<PlacedDate> PlaceDates(const Document& doc, const CivilDate& anchor) {
  std::vector<PlacedDate> out;
  for (DateMention& m : FindDates(doc.text, anchor)) {
    PlacedDate p;
    p.dateline = doc.dateline.has_value() && m.span.begin >= doc.dateline->span.begin &&
                 m.span.end <= doc.dateline->span.end;
    p.sentence = extract::SentenceAt(doc, m.span.begin);
    if (p.sentence >= 0) {
      const std::vector<Word>& words = doc.sentences[p.sentence].words;
      // The head word: the first word inside the expression whose head lies outside it (or the
      // first word of the expression when none does, e.g. without a parse).
      int first_inside = -1;
      auto first = std::lower_bound(words.begin(), words.end(), m.span.begin,
                                    [](const Word& x, uint32_t pos) { return x.span.begin < pos; });
      for (int i = static_cast<int>(first - words.begin());
           i < static_cast<int>(words.size()) && words[i].span.begin < m.span.end; ++i) {
        const Word& w = words[i];
        if (w.span.end > m.span.end) continue;
        if (first_inside < 0) first_inside = i;
        int h = extract::HeadOf(words, i);
        if (h >= 0 && (words[h].span.begin < m.span.begin || words[h].span.end > m.span.end)) {
          p.head_word = i;
          break;
        }
      }
      if (p.head_word < 0) p.head_word = first_inside;
      if (p.head_word >= 0) p.governor = extract::GoverningPredicate(words, p.head_word, false);
    }
    p.mention = std::move(m);
    out.push_back(std::move(p));
  }
  return out;
}

std::string EventDate::Iso() const {
  if (source == DateSource::kNone) return "";
  DateMention m;
  m.date = date;
  m.precision = precision;
  return m.Iso();
}

namespace {

// Last day a date of this precision can denote (days since the epoch).
int64_t LastDay(const CivilDate& d, DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return DaysFromCivil(d);
    case DatePrecision::kWeek:
      return DaysFromCivil(d) + 6;
    case DatePrecision::kMonth: {
      int y = d.month == 12 ? d.year + 1 : d.year;
      int m = d.month == 12 ? 1 : d.month + 1;
      return DaysFromCivil({y, m, 1}) - 1;
    }
    case DatePrecision::kYear:
      return DaysFromCivil({d.year, 12, 31});
    case DatePrecision::kDecade:
      return DaysFromCivil({d.year + 9, 12, 31});
  }
  return DaysFromCivil(d);
}

}  // namespace

EventDate DateForEvent(const std::vector<PlacedDate>& dates, int sentence, int predicate,
                       const CivilDate& article, const ExtractOptions& options) {
  EventDate e;
  int best = -1;
  int best_distance = 0;
  for (int k = 0; k < static_cast<int>(dates.size()); ++k) {
    const PlacedDate& d = dates[k];
    if (d.dateline || d.sentence != sentence || sentence < 0) continue;
    if (predicate >= 0 && d.governor == predicate) {
      best = k;
      e.source = DateSource::kPredicate;
      break;
    }
    int distance = predicate >= 0 && d.head_word >= 0 ? std::abs(d.head_word - predicate) : k;
    if (best < 0 || distance < best_distance) {
      best = k;
      best_distance = distance;
    }
  }
  if (best >= 0) {
    if (e.source == DateSource::kNone) e.source = DateSource::kSentence;
    e.mention = best;
    e.date = dates[best].mention.date;
    e.precision = dates[best].mention.precision;
  } else if (article.year > 0) {
    e.source = DateSource::kDocument;
    e.date = article;
    e.precision = article.day > 0     ? DatePrecision::kDay
                  : article.month > 0 ? DatePrecision::kMonth
                                      : DatePrecision::kYear;
  }
  if (e.source != DateSource::kNone && e.source != DateSource::kDocument && article.year > 0 &&
      article.month > 0 && article.day > 0) {
    CivilDate d = e.date;
    if (d.month == 0) d.month = 1;
    if (d.day == 0) d.day = 1;
    e.historical = LastDay(d, e.precision) < DaysFromCivil(article) - options.historical_days;
  }
  return e;
}

}  // namespace annals
