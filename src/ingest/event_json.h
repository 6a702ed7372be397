// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the JSON form of a coded event, one function for every command that prints events
// (`annals code` writes one per line, `annals analyze` puts them in its record), so both write the
// same fields (docs/coding.md, docs/analysis.md).
#ifndef ANNALS_INGEST_EVENT_JSON_H_
#define ANNALS_INGEST_EVENT_JSON_H_

#include "annals/document.h"
#include "annals/event.h"
#include "util/json_out.h"

namespace annals::ingest {

// An actor object: code, text, begin, end; name and entry when known.
void WriteActor(util::JsonOut& out, const ActorRef& actor);

// The fields of a place, into the open object: name, feature, iso3, fips, adm1, geonames_id, lat,
// lon; begin and end of the mention when the place has a span.
void WritePlaceFields(util::JsonOut& out, const Place& place);

// The fields of an event, into the open object: document_id, sentence, date, date_precision,
// sources, targets, cameo, cameo_base, cameo_root, quad_class, goldstein, plover_event,
// plover_mode, plover_context, negated, hypothetical, future, reported, historical, pattern_id,
// predicate {begin, end, text (from `doc`)}, sentence_span {begin, end}; speaker when the event
// has one. Not the place: callers write it with what they know about it.
void WriteEventFields(util::JsonOut& out, const Event& event, const Document& doc);

}  // namespace annals::ingest

#endif  // ANNALS_INGEST_EVENT_JSON_H_
