// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: the learned sentence-boundary decision.
//
// After every surface token the splitter asks "does a sentence end here?". The answer is an
// averaged perceptron over hashed features of the surrounding tokens (forms, shapes, case,
// abbreviation hits, spacing, distance from the last boundary). Paragraph breaks are always
// boundaries and are not scored. The model file is an nlp::ModelFile of kind "sentsplit"
// (docs: models/README.md) with sections "meta" and "weights" (sparse: index delta varint + f32).
#ifndef ANNALS_NLP_TOKENIZE_SENTENCE_MODEL_H_
#define ANNALS_NLP_TOKENIZE_SENTENCE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"
#include "nlp/tokenize/scanner.h"

namespace annals::nlp::tokenize {

inline constexpr std::string_view kSentsplitKind = "sentsplit";
inline constexpr int kWeightBits = 20;
inline constexpr uint32_t kWeightMask = (1u << kWeightBits) - 1;
inline constexpr int kMaxFeatures = 32;
// Bumped whenever the feature templates change; a model trained with other templates is refused.
inline constexpr uint32_t kFeatureVersion = 1;

// What the features need to know about one token, computed once per token.
struct TokenInfo {
  uint64_t word = 0;   // Hash of the lower-cased form.
  uint64_t shape = 0;  // Hash of the shape ("Xx", "d,d", ".").
  uint8_t first = 0;   // Class of the first character: see FirstClass in the .cc.
  uint8_t kind = 0;    // Bit set: kFinalPunct, kAbbrev, kOpen, kClose, kComma, kDash, kFunction.
  bool space_after = true;
  uint8_t newlines_before = 0;
};

enum TokenKind : uint8_t {
  kFinalPunct = 1,  // . ! ? … runs
  kAbbrev = 2,      // keeps its period (IsAbbreviation)
  kOpen = 4,        // opening bracket or quote
  kClose = 8,       // closing bracket or quote (straight quotes count as both)
  kComma = 16,      // ,
  kDash = 32,       // - -- – —
  kFunction = 64,   // lower-case closed-class word ("the", "of", "and") a sentence rarely ends on
};

void ComputeTokenInfo(std::string_view text, const std::vector<ScanToken>& tokens,
                      std::vector<TokenInfo>& info);

// Writes the feature indices for "a sentence ends after token i" into `out` (at most
// kMaxFeatures); returns how many. `since` counts tokens since the last boundary (0 = token i
// opens the sentence); `left` counts tokens after i before the paragraph ends.
int ExtractFeatures(const std::vector<TokenInfo>& info, size_t i, int since, int left,
                    uint32_t* out);

// Hard constraints: false when a boundary after token i is ruled out whatever the model says.
bool BoundaryAllowed(const std::vector<TokenInfo>& info, size_t i);

class SentenceModel {
 public:
  SentenceModel() : weights_(size_t{1} << kWeightBits, 0.0f) {}

  float Score(const uint32_t* feats, int n) const {
    float s = bias_;
    for (int k = 0; k < n; ++k) s += weights_[feats[k]];
    return s;
  }

  std::vector<float>& weights() { return weights_; }
  const std::vector<float>& weights() const { return weights_; }
  // Added to every score; moves the precision/recall trade-off (tuned on dev by training).
  float bias() const { return bias_; }
  void set_bias(float b) { bias_ = b; }

  // Serialises to a model file (kind "sentsplit") with `recipe` stored for provenance.
  std::string Serialize(std::string_view recipe) const;
  static Result<SentenceModel> Parse(std::string bytes);
  static Result<SentenceModel> Load(const std::string& path);

 private:
  std::vector<float> weights_;
  float bias_ = 0.0f;
};

// Decides where sentences end: ends[i] != 0 when a sentence ends after token i. Paragraph breaks
// (a blank line before the next token) and the last token always end one. A single line break ends
// one when the next line starts with anything but a lower-case letter and the line does not end on
// a comma, dash or function word (headlines, datelines, lists). Elsewhere `model` decides; without
// a model, rules do: after . ! ? ... (and a closing quote or bracket after them) unless the next
// token starts lower-case, and after an abbreviation only before a paragraph break.
void DecideBoundaries(const std::vector<TokenInfo>& info, const SentenceModel* model,
                      std::vector<uint8_t>& ends);

}  // namespace annals::nlp::tokenize

#endif  // ANNALS_NLP_TOKENIZE_SENTENCE_MODEL_H_
