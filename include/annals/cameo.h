// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// The CAMEO event ontology: every event code with its name, base and root codes, GDELT quad class,
// Goldstein value and PLOVER event type, mode and context (tables in data/cameo/events.tsv and
// data/plover/cameo_to_plover.tsv; conventions in data/cameo/quad_class.md).
//
//   annals::Result<annals::CameoOntology> cameo = annals::CameoOntology::LoadDefault();
//   const annals::CameoCode* c = cameo->Find("0422");
//
// Codes are strings: "042" and "42" are different codes.
// Thread-safety: immutable after loading; share freely.
#ifndef ANNALS_CAMEO_H_
#define ANNALS_CAMEO_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/event.h"
#include "annals/status.h"

namespace annals {

struct CameoCode {
  std::string code;            // "0422".
  std::string name;            // GDELT's label.
  std::string base;            // "042" (a root's base is the root itself).
  std::string root;            // "04".
  int quad_class = 0;          // GDELT 1..4.
  int phoenix_quad_class = 0;  // Phoenix 0..4 (0 = neutral).
  double goldstein = 0;
  std::string plover_event;  // Empty when CAMEO2PLOVER has no mapping.
  std::string plover_mode;
  std::string plover_context;
};

class CameoOntology {
 public:
  // Loads data/cameo/events.tsv and data/plover/cameo_to_plover.tsv (see docs for the lookup).
  static Result<CameoOntology> LoadDefault();
  // Parses the two tables' text; `*_name` are used in messages ("file:line: reason").
  static Result<CameoOntology> Parse(std::string_view events_tsv, std::string_view events_name,
                                     std::string_view plover_tsv, std::string_view plover_name);

  // The code's entry, or nullptr when it is not a CAMEO code.
  const CameoCode* Find(std::string_view code) const;
  // Every code in file order.
  const std::vector<CameoCode>& codes() const { return codes_; }
  // Fills the CAMEO/PLOVER fields of `event` from event.cameo; InvalidArgument for unknown codes.
  Status Annotate(Event& event) const;

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace annals

#endif  // ANNALS_CAMEO_H_
