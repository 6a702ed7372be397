// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "ingest/document_coder.h"

namespace annals::ingest {

Result<std::unique_ptr<DocumentCoder>> DocumentCoder::Create(const DocumentCoderOptions& options) {
  Result<Pipeline> pipeline = Pipeline::Create({.model_dir = options.model_dir});
  if (!pipeline.ok()) return pipeline.status();
  std::optional<EventCoder> coder;
  if (options.code) {
    Result<EventCoder> c = EventCoder::Create(options.coder);
    if (!c.ok()) return c.status();
    coder.emplace(std::move(*c));
  }
  std::string dir = options.model_dir.empty() ? Pipeline::DefaultModelDir() : options.model_dir;
  auto dc =
      std::unique_ptr<DocumentCoder>(new DocumentCoder(std::move(*pipeline), std::move(coder)));
  if (options.locate && dc->coder_) {
    Result<std::shared_ptr<const Gazetteer>> gazetteer = Gazetteer::Load();
    Result<EntityRecognizer> ner = EntityRecognizer::Load(dir + "/ner.model");
    if (gazetteer.ok() && ner.ok()) {
      dc->geocoder_ = std::make_unique<Geocoder>(*gazetteer);
      dc->ner_.emplace(std::move(*ner));
    }
  }
  return dc;
}

void DocumentCoder::Locate(const Document& doc, std::vector<Event>& events) const {
  if (events.empty() || !locates()) return;
  GeoContext context;
  for (const Event& e : events) {  // The countries the document's actors belong to.
    for (const auto* list : {&e.sources, &e.targets}) {
      for (const ActorRef& a : *list) {
        if (a.code.size() >= 3) context.countries.push_back(a.code.substr(0, 3));
      }
    }
  }
  std::optional<Place> dateline;
  if (doc.dateline && !doc.dateline->place.empty()) {
    Result<GeoMatch> m = geocoder_->ResolveDateline(doc.dateline->place, context);
    if (m.ok()) dateline = m->place;
  }
  context.dateline = dateline;
  std::vector<PlaceMention> mentions;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (const Entity& ent : ner_->Recognize(s)) {
      if (ent.type != "LOC") continue;
      GeoContext c = context;
      if (ent.first_word > 0) c.previous_word = s.words[ent.first_word - 1].form;
      if (ent.last_word + 1 < static_cast<int>(s.words.size())) {
        c.next_word = s.words[ent.last_word + 1].form;
      }
      Result<GeoMatch> m = geocoder_->Resolve(ent.text, c);
      if (!m.ok()) continue;
      mentions.push_back({.place = m->place,
                          .sentence = static_cast<int>(si),
                          .word_begin = ent.first_word,
                          .word_end = ent.last_word + 1});
    }
  }
  for (Event& e : events) {
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
    // A mention that is one of the event's own actors ("Russia accused ...") is not its place.
    std::vector<PlaceMention> own = mentions;
    for (PlaceMention& m : own) {
      if (m.sentence != e.sentence_index) continue;
      uint32_t b = s.words[m.word_begin].span.begin, end = s.words[m.word_end - 1].span.end;
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
                                               .dateline = dateline});
    if (loc.precision != GeoPrecision::kNone) e.place = loc.place;
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
    Locate(document, coded);
    events.insert(events.end(), std::make_move_iterator(coded.begin()),
                  std::make_move_iterator(coded.end()));
  }
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
