// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the JSON form of a coded event, one function for every command that prints events
// (`annals code` writes one per line, `annals analyze` puts them in its record), so both write the
// same fields (docs/coding.md, docs/analysis.md).
#ifndef ANNALS_INGEST_EVENT_JSON_H_
#define ANNALS_INGEST_EVENT_JSON_H_

#include <nlohmann/json.hpp>

#include "annals/document.h"
#include "annals/event.h"

namespace annals::ingest {

// code, text, begin, end; name and entry when known.
nlohmann::json ActorJson(const ActorRef& actor);

// name, feature, iso3, fips, adm1, geonames_id, lat, lon; begin and end of the mention when the
// place has a span.
nlohmann::json PlaceJson(const Place& place);

// document_id, sentence, date, date_precision, sources, targets, cameo, cameo_base, cameo_root,
// quad_class, goldstein, plover_*, the flags, pattern_id, predicate (with its text from `doc`),
// sentence_span; speaker and place when the event has them.
nlohmann::json EventJson(const Event& event, const Document& doc);

}  // namespace annals::ingest

#endif  // ANNALS_INGEST_EVENT_JSON_H_
