// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "ingest/document_coder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>

#include "util/text.h"

namespace annals::ingest {

Result<std::unique_ptr<DocumentCoder>> DocumentCoder::Create(const DocumentCoderOptions& options) {
  std::string dir = options.model_dir.empty() ? Pipeline::DefaultModelDir() : options.model_dir;
  bool parse = true;
  if (!options.require_parser) {
    std::error_code ec;
    parse = std::filesystem::exists(dir + "/parser.model", ec);
  }
  Result<Pipeline> pipeline = Pipeline::Create({.model_dir = dir, .parse = parse});
  if (!pipeline.ok()) return pipeline.status();
  std::optional<EventCoder> coder;
  if (options.code) {
    Result<EventCoder> c = EventCoder::Create(options.coder);
    if (!c.ok()) return c.status();
    coder.emplace(std::move(*c));
  }
  auto dc = std::unique_ptr<DocumentCoder>(
      new DocumentCoder(std::move(*pipeline), std::move(coder), parse));
  if (dc->coder_) dc->matcher_ = std::make_unique<ActorMatcher>(dc->coder_->dictionary());
  if (options.locate) {
    Result<EntityRecognizer> ner = EntityRecognizer::Load(dir + "/ner.model");
    if (ner.ok()) dc->ner_.emplace(std::move(*ner));
    Result<std::shared_ptr<const Gazetteer>> gazetteer = Gazetteer::Load();
    if (gazetteer.ok()) dc->geocoder_ = std::make_unique<Geocoder>(*gazetteer);
  }
  return dc;
}

void DocumentCoder::FindPlaces(const Document& doc, const std::vector<Event>& events,
                               bool all_types, std::vector<EntityMention>& entities,
                               std::vector<ResolvedPlace>& places,
                               std::optional<GeoMatch>& dateline) const {
  if (!ner_) return;
  GeoContext context;
  for (const Event& e : events) {  // The countries the document's actors belong to.
    for (const auto* list : {&e.sources, &e.targets}) {
      for (const ActorRef& a : *list) {
        if (a.code.size() >= 3) context.countries.push_back(a.code.substr(0, 3));
      }
    }
  }
  std::sort(context.countries.begin(), context.countries.end());
  context.countries.erase(std::unique(context.countries.begin(), context.countries.end()),
                          context.countries.end());
  if (geocoder_ && doc.dateline && !doc.dateline->place.empty()) {
    Result<GeoMatch> m = geocoder_->ResolveDateline(doc.dateline->place, context);
    if (m.ok()) {
      dateline = std::move(*m);
      context.dateline = dateline->place;
    }
  }
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (Entity& ent : ner_->Recognize(s)) {
      bool loc = ent.type == "LOC";
      if (!loc && !all_types) continue;
      entities.push_back({.sentence = static_cast<int>(si), .entity = std::move(ent)});
      const Entity& e = entities.back().entity;
      if (!loc || !geocoder_) continue;
      const int n = static_cast<int>(s.words.size());
      int word_end = e.last_word + 1;
      std::string text = e.text;
      Span span = e.span;
      // "the Kursk region": a division's designator after the name belongs to the place mention
      // (the entity is the name alone), so the mention's head is the designator, which the
      // predicate governs.
      if (word_end < n && s.words[word_end].span.end <= doc.text.size() &&
          span.begin <= s.words[word_end].span.begin) {
        std::string next;
        for (char c : s.words[word_end].form) {
          next += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (IsPlaceDesignator(next)) {
          ++word_end;
          span.end = s.words[word_end - 1].span.end;
          text = doc.text.substr(span.begin, span.end - span.begin);
        }
      }
      context.previous_word = e.first_word > 0 ? s.words[e.first_word - 1].form : "";
      context.next_word = word_end < n ? s.words[word_end].form : "";
      Result<GeoMatch> m = geocoder_->Resolve(text, context);
      if (!m.ok()) continue;
      m->place.span = span;
      bool in_dateline = doc.dateline && span.begin >= doc.dateline->span.begin &&
                         span.end <= doc.dateline->span.end;
      places.push_back({.sentence = static_cast<int>(si),
                        .entity = static_cast<int>(entities.size() - 1),
                        .word_begin = e.first_word,
                        .word_end = word_end,
                        .text = text,
                        .span = span,
                        .dateline = in_dateline,
                        .match = std::move(*m)});
    }
  }
}

namespace {

// CAMEO agent types that, bare, stand for the agents of the country where they act.
// Businesses and media are left out too: they are as often foreign as not ("the company" in a
// Bucharest story about TikTok, "the state news agency KCNA" in a Seoul story).
bool DomesticAgent(const std::string& code) {
  static const std::unordered_set<std::string_view> kCodes = {
      "COP", "OPP", "JUD", "LEG", "EDU", "CVL", "CRM", "LAB", "HLH", "UAF", "ELI"};
  return kCodes.count(code) > 0;
}

// An agent owned by someone named before: "its judges", "their lawyers" (the ICC's judges in a
// Manila story are not Philippine).
bool OwnedAgent(const Sentence& s, const ActorRef& a) {
  for (size_t w = 0; w < s.words.size(); ++w) {
    if (s.words[w].span.begin != a.span.begin) continue;
    if (w == 0) return false;
    const std::string prev = util::AsciiLower(s.words[w - 1].form);
    return prev == "its" || prev == "their" || prev == "his" || prev == "her";
  }
  return false;
}

}  // namespace

void DocumentCoder::Locate(const Document& doc, const std::vector<ResolvedPlace>& places,
                           const std::optional<GeoMatch>& dateline, std::vector<Event>& events,
                           std::vector<EventPlace>* how) const {
  if (how) how->assign(events.size(), EventPlace{});
  if (!locates()) return;
  // Every resolved mention but those of the dateline (its place is the last resort below, not
  // a place the sentence's predicate governs).
  std::vector<PlaceMention> mentions;
  for (const ResolvedPlace& p : places) {
    if (p.dateline) continue;
    // A possessive ("Shanghai's cooperation organization", "Russia's army") names an owner, not
    // where something happened.
    if (p.sentence >= 0 && p.sentence < static_cast<int>(doc.sentences.size())) {
      const std::vector<Word>& words = doc.sentences[p.sentence].words;
      if (p.word_end >= 0 && p.word_end < static_cast<int>(words.size())) {
        const std::string& next = words[p.word_end].form;
        if (next == "'s" || next == "\u2019s" || next == "'") continue;
      }
    }
    mentions.push_back({.place = p.match.place,
                        .sentence = p.sentence,
                        .word_begin = p.word_begin,
                        .word_end = p.word_end});
  }
  std::optional<Place> dateline_place;
  if (dateline) dateline_place = dateline->place;
  std::vector<PlaceMention> own;
  for (size_t ei = 0; ei < events.size(); ++ei) {
    Event& e = events[ei];
    if (e.place || e.sentence_index < 0 ||
        e.sentence_index >= static_cast<int>(doc.sentences.size())) {
      continue;
    }
    const Sentence& s = doc.sentences[e.sentence_index];
    std::vector<int> heads;
    int predicate = -1;
    for (size_t w = 0; w < s.words.size(); ++w) {
      heads.push_back(s.words[w].head - 1);  // CoNLL 1-based, 0 root -> 0-based, -1 root.
      if (predicate < 0 && s.words[w].span.begin == e.predicate_span.begin) {
        predicate = static_cast<int>(w);
      }
    }
    // The mentions of the event's sentence (ChooseActionLocation looks at no other). A mention
    // that is one of the event's own actors ("Russia accused ...") is not its place.
    own.clear();
    for (const PlaceMention& pm : mentions) {
      if (pm.sentence != e.sentence_index) continue;
      PlaceMention& m = own.emplace_back(pm);
      uint32_t b = m.place.span.begin, end = m.place.span.end;
      for (const auto* list : {&e.sources, &e.targets}) {
        for (const ActorRef& a : *list) {
          if (a.span.begin < end && b < a.span.end) m.is_actor = true;
        }
      }
    }
    ActionLocation loc = ChooseActionLocation({.mentions = own,
                                               .sentence = e.sentence_index,
                                               .predicate_word = predicate,
                                               .heads = heads,
                                               .dateline = dateline_place});
    if (loc.precision == GeoPrecision::kNone) continue;
    e.place = loc.place;
    // A bare domestic agent ("police", "protesters", "prosecutors") acts in the country where
    // the event happened, when that is the country of the dateline (or, with no dateline, a
    // place named in the sentence): "Police fired tear gas" in a Kinshasa story is CODCOP.
    // Government and military agents are left bare: leaders, troops and officials often act
    // abroad ("AU leaders in Addis Ababa").
    const std::string& iso3 = loc.place.iso3;
    // The coder gave a role with no country the story's (CoderOptions::role_countries); a
    // domestic agent acting in a place of another country named in its sentence is that place's
    // people, not the story's: "Police arrested protesters in Izmir" in a Kyiv story is no UKRCOP
    // (the rule below gives it the place's country when that is the dateline's, else none).
    if (iso3.size() == 3 && (loc.source == ActionLocationSource::kPredicate ||
                             loc.source == ActionLocationSource::kSentence)) {
      for (auto* list : {&e.sources, &e.targets}) {
        for (ActorRef& a : *list) {
          if (a.country_from_context && a.code.size() == 6 && a.code.compare(0, 3, iso3) != 0 &&
              DomesticAgent(a.code.substr(3))) {
            a.code = a.code.substr(3);
            a.country_from_context = false;
          }
        }
      }
    }
    const bool home =
        iso3.size() == 3 && (dateline_place ? dateline_place->iso3 == iso3
                                            : loc.source == ActionLocationSource::kPredicate ||
                                                  loc.source == ActionLocationSource::kSentence);
    if (home) {
      for (auto* list : {&e.sources, &e.targets}) {
        for (ActorRef& a : *list) {
          if (DomesticAgent(a.code) && !OwnedAgent(s, a)) {
            a.code = iso3 + a.code;
            a.country_from_context = true;
          }
        }
      }
    }
    // Force (CAMEO 18-20) with no target, in a place its predicate governs in another country
    // than its sources': that country is attacked ("U.S. bombers hit the nuclear sites at
    // Fordow, Natanz and Isfahan" -> IRN). The coder does the same for places that are actors
    // (capitals, countries); the geocoder knows the rest.
    if (e.targets.empty() && loc.source == ActionLocationSource::kPredicate && iso3.size() == 3 &&
        (e.cameo_root == "18" || e.cameo_root == "19" || e.cameo_root == "20")) {
      bool foreign = true;
      for (const ActorRef& a : e.sources) {
        foreign = foreign && a.code.compare(0, 3, iso3) != 0;
      }
      if (foreign) {
        ActorRef target;
        target.code = iso3;
        target.text = loc.place.name;
        target.span = loc.place.span;
        e.targets.push_back(std::move(target));
      }
    }
    if (how == nullptr) continue;
    EventPlace& h = (*how)[ei];
    h.source = loc.source;
    h.precision = loc.precision;
    if (loc.source == ActionLocationSource::kPredicate ||
        loc.source == ActionLocationSource::kSentence) {
      for (size_t pi = 0; pi < places.size(); ++pi) {
        if (places[pi].sentence == e.sentence_index && places[pi].span == loc.place.span) {
          h.place = static_cast<int>(pi);
          break;
        }
      }
    }
  }
}

Status DocumentCoder::Annotate(Document& document) const {
  bool parsed = !document.sentences.empty();
  bool tagged = !document.sentences.empty();
  for (const Sentence& s : document.sentences) {
    for (const Word& w : s.words) {
      parsed = parsed && w.head >= 0;
      tagged = tagged && !w.upos.empty() && !w.lemma.empty();
    }
  }
  if (parsed && tagged) return Status();
  if (document.sentences.empty()) {
    pipeline_.Annotate(document);
  } else {
    for (Sentence& s : document.sentences) pipeline_.AnnotateSentence(s);
  }
  return Status();
}

Status DocumentCoder::Process(Document& document, std::vector<Event>& events) const {
  ANNALS_RETURN_IF_ERROR(Annotate(document));
  if (coder_) {
    std::vector<Event> coded = coder_->Code(document);
    if (!coded.empty() && locates()) {
      std::vector<EntityMention> entities;
      std::vector<ResolvedPlace> places;
      std::optional<GeoMatch> dateline;
      FindPlaces(document, coded, /*all_types=*/false, entities, places, dateline);
      Locate(document, places, dateline, coded, nullptr);
    }
    events.insert(events.end(), std::make_move_iterator(coded.begin()),
                  std::make_move_iterator(coded.end()));
  }
  return Status();
}

Status DocumentCoder::Analyze(Document& document, const CivilDate& fallback_date,
                              Analysis& out) const {
  ANNALS_RETURN_IF_ERROR(Annotate(document));
  ExtractOptions options;
  options.matcher = matcher_.get();
  // The coder dates events against Document::date; give an undated document the article date
  // the extractors find (its dateline's, else the fallback) for the time of coding.
  const CivilDate article = DocumentDate(document, fallback_date, nullptr);
  std::string own_date = document.date;
  std::string coding_date = own_date;
  if (own_date.empty() && article.year > 0 && article.month > 0 && article.day > 0) {
    DateMention day;
    day.date = article;
    day.precision = DatePrecision::kDay;
    coding_date = day.Iso();
  }
  // The actors of every sentence are matched once for the coder and the extractors when both
  // match on the same day (the coder also asks for discard phrases, which the extractors'
  // matches leave out): the same matches each would find.
  std::vector<std::vector<ActorMatch>> coder_actors, extract_actors;
  if (coder_ && matcher_) {
    std::optional<int32_t> day;
    if (article.year > 0 && article.day > 0) {
      day = DayFromCivil(article.year, article.month, article.day);
    }
    document.date = coding_date;
    const bool same_day = coder_->MatchDay(document) == day;
    document.date = own_date;
    if (same_day) {
      MatchOptions mopt;
      mopt.day = day;
      mopt.report_discards = true;
      coder_actors.reserve(document.sentences.size());
      extract_actors.reserve(document.sentences.size());
      for (const Sentence& s : document.sentences) {
        coder_actors.push_back(matcher_->Match(s.words, mopt));
        std::vector<ActorMatch>& e = extract_actors.emplace_back();
        for (const ActorMatch& m : coder_actors.back()) {
          if (m.kind != ActorMatch::Kind::kDiscard) e.push_back(m);
        }
      }
      options.sentence_actors = &extract_actors;
    }
  }
  out = annals::Analyze(document, options, fallback_date);
  if (coder_) {
    document.date = coding_date;
    out.events = coder_->Code(document, nullptr, options.sentence_actors ? &coder_actors : nullptr);
    document.date = std::move(own_date);
  }
  FindPlaces(document, out.events, /*all_types=*/true, out.entities, out.places,
             out.dateline_place);
  Locate(document, out.places, out.dateline_place, out.events, &out.event_places);
  return Status();
}

Result<PutOutcome> StoreDocument(Store& store, const Document& document,
                                 std::vector<Event>& events) {
  Result<PutResult> put = store.PutDocument(document);
  if (!put.ok()) return put.status();
  if (put->outcome == PutOutcome::kUnchanged) return put->outcome;
  for (Event& e : events) e.document_id = put->id;
  ANNALS_RETURN_IF_ERROR(store.PutEvents(put->id, events));
  return put->outcome;
}

}  // namespace annals::ingest
