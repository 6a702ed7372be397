// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The event record: who did what to whom, when and where, with the evidence it was read from.
//
// One event per predicate: sources and targets are *lists* of actors ("China and Russia condemned
// ..." is one event with two sources), so a sentence with five actors never explodes into twenty
// events. Exporters that need dyads (GDELT) expand the lists there, and only there.
//
// Every event keeps its provenance: the sentence, the byte spans of its source(s), predicate and
// target(s), and the id of the dictionary pattern that fired, so `annals explain` and the dashboard
// can show exactly why it was coded.
//
// Thread-safety: plain values.
#ifndef ANNALS_EVENT_H_
#define ANNALS_EVENT_H_

#include <optional>
#include <string>
#include <vector>

#include "annals/document.h"

namespace annals {

// An actor as coded in one event.
struct ActorRef {
  std::string code;      // Full CAMEO-style code: "CHNGOV", "IGOWSTNAT", "USAELI".
  std::string name;      // Canonical name from the dictionary ("XI JINPING"), may be empty.
  std::string text;      // The words in the text ("Chinese President Xi Jinping").
  Span span;             // Bytes of `text` in the document.
  std::string entry_id;  // Dictionary entry that matched; empty for composed country+agent codes.
  // The code's country came from the document, not from the mention's words: a role named with
  // no country ("police" in a Tbilisi story: GEOCOP; CoderOptions::role_countries).
  bool country_from_context = false;
  friend bool operator==(const ActorRef&, const ActorRef&) = default;
};

// A resolved place (see include/annals/geo.h when it lands).
struct Place {
  std::string name;         // "Kursk Oblast".
  std::string feature;      // "country", "adm1", "city".
  std::string iso3;         // ISO 3166-1 alpha-3 of the containing country.
  std::string fips;         // FIPS 10-4 country code (GDELT's geo country code).
  std::string adm1;         // FIPS-style ADM1 code ("RS41"), may be empty.
  int64_t geonames_id = 0;  // 0 when unknown.
  double lat = 0;
  double lon = 0;
  Span span;  // Where the place is mentioned; empty for document-level places.
  friend bool operator==(const Place&, const Place&) = default;
};

struct Event {
  // Identity and context.
  std::string document_id;
  int sentence_index = 0;      // 0-based index into Document::sentences.
  std::string date;            // ISO 8601 at `date_precision` ("2025-09-02", "2024-06").
  std::string date_precision;  // "day", "week", "month", "year", "decade".

  // Who did what to whom.
  std::vector<ActorRef> sources;
  std::vector<ActorRef> targets;
  std::string cameo;           // Event code as a string with leading zeros: "042", "0874".
  std::string cameo_base;      // Three-digit base code: "042".
  std::string cameo_root;      // Two-digit root code: "04".
  int quad_class = 0;          // GDELT 1..4: verbal coop, material coop, verbal conflict,
                               // material conflict.
  double goldstein = 0;        // -10..+10.
  std::string plover_event;    // PLOVER event type ("CONSULT"), empty when unmapped.
  std::string plover_mode;     // PLOVER mode, may be empty.
  std::string plover_context;  // PLOVER context, may be empty.

  // Modality. Negated and hypothetical events are kept, flagged, and left out of default
  // outputs and aggregates.
  bool negated = false;       // "did not sign".
  bool hypothetical = false;  // Modal, conditional, speculative: "could", "plans to", "seem".
  bool future = false;        // "will meet".
  bool reported = false;      // Stated by someone other than the source ("X said that Y ...").
  std::optional<ActorRef> speaker;  // Who reported it, when `reported`.
  bool historical = false;          // Dated well before the article.

  // Where.
  std::optional<Place> place;

  // Provenance.
  Span sentence_span;      // Bytes of the sentence in the document text.
  Span predicate_span;     // Bytes of the predicate word(s).
  std::string pattern_id;  // Verb-dictionary pattern that fired.
};

}  // namespace annals

#endif  // ANNALS_EVENT_H_
