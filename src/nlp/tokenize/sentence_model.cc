// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/tokenize/sentence_model.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "io/byte_source.h"
#include "nlp/model_file.h"
#include "util/text.h"

namespace annals::nlp::tokenize {
namespace {

enum FirstClass : uint8_t {
  kUpper = 0,
  kLower = 1,
  kDigitC = 2,
  kOpenC = 3,
  kCloseC = 4,
  kFinalC = 5,
  kOtherPunct = 6,
  kOtherLetter = 7,
  kNone = 8,  // No token (paragraph end).
};

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

inline uint32_t Feat(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix(tmpl * 0x9E3779B97F4A7C15ULL + a);
  h = Mix(h ^ (b + 0x632BE59BD9B4E019ULL));
  if (c != 0) h = Mix(h ^ c);
  return static_cast<uint32_t>(h) & kWeightMask;
}

constexpr std::array<std::string_view, 64> kFunctionWords = {
    "the",   "a",     "an",     "of",      "to",      "in",     "on",       "at",
    "by",    "for",   "with",   "from",    "and",     "or",     "but",      "nor",
    "his",   "her",   "its",    "their",   "our",     "my",     "your",     "this",
    "these", "those", "is",     "are",     "was",     "were",   "be",       "been",
    "has",   "have",  "had",    "will",    "would",   "shall",  "should",   "can",
    "could", "may",   "might",  "must",    "that",    "which",  "who",      "whom",
    "whose", "as",    "than",   "if",      "because", "while",  "although", "about",
    "into",  "after", "before", "between", "under",   "during", "through",  "against"};

bool IsOpen(char32_t cp) {
  switch (cp) {
    case '(':
    case '[':
    case '{':
    case 0x201C:
    case 0x2018:
    case 0xAB:
    case 0x201E:
    case 0x201A:
    case '`':
    case '<':
      return true;
    default:
      return false;
  }
}

bool IsClose(char32_t cp) {
  switch (cp) {
    case ')':
    case ']':
    case '}':
    case 0x201D:
    case 0x2019:
    case 0xBB:
    case '>':
      return true;
    default:
      return false;
  }
}

bool IsFinal(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

}  // namespace

void ComputeTokenInfo(std::string_view text, const std::vector<ScanToken>& tokens,
                      std::vector<TokenInfo>& info) {
  info.resize(tokens.size());
  char low[32];
  char shape[12];
  for (size_t t = 0; t < tokens.size(); ++t) {
    const ScanToken& tok = tokens[t];
    std::string_view form = text.substr(tok.begin, tok.end - tok.begin);
    TokenInfo& ti = info[t];
    ti.space_after = tok.space_after;
    ti.newlines_before = tok.newlines_before;
    size_t nlow = std::min(form.size(), sizeof(low));
    for (size_t k = 0; k < nlow; ++k) {
      char c = form[k];
      low[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    std::string_view lw(low, nlow);
    ti.word = util::Fnv1a64(lw);
    // Shape and the class of the first character.
    size_t ns = 0;
    char prev = 0;
    size_t i = 0;
    bool all_final = true, first = true;
    ti.kind = 0;
    while (i < form.size()) {
      char32_t cp = util::DecodeUtf8(form, i);
      char s;
      uint8_t cls;
      if (cp >= 'A' && cp <= 'Z') {
        s = 'X';
        cls = kUpper;
      } else if (cp >= 'a' && cp <= 'z') {
        s = 'x';
        cls = kLower;
      } else if (cp >= '0' && cp <= '9') {
        s = 'd';
        cls = kDigitC;
      } else if (cp < 0x80) {
        s = static_cast<char>(cp);
        cls = IsFinal(cp) ? kFinalC : IsOpen(cp) ? kOpenC : IsClose(cp) ? kCloseC : kOtherPunct;
        if (cp == '"' || cp == '\'') cls = kCloseC;
      } else if (u_isupper(static_cast<UChar32>(cp))) {
        s = 'X';
        cls = kUpper;
      } else if (u_islower(static_cast<UChar32>(cp))) {
        s = 'x';
        cls = kLower;
      } else if (u_isalnum(static_cast<UChar32>(cp))) {
        s = 'L';
        cls = kOtherLetter;
      } else {
        s = IsFinal(cp) ? '.' : IsOpen(cp) ? '(' : IsClose(cp) ? ')' : 'p';
        cls = IsFinal(cp) ? kFinalC : IsOpen(cp) ? kOpenC : IsClose(cp) ? kCloseC : kOtherPunct;
      }
      if (first) {
        ti.first = cls;
        first = false;
      }
      if (!IsFinal(cp)) all_final = false;
      if (s != prev && ns < sizeof(shape)) shape[ns++] = s;
      prev = s;
    }
    ti.shape = util::Fnv1a64(std::string_view(shape, ns)) ^ 0x5bd1e995;
    if (all_final) ti.kind |= kFinalPunct;
    if (form.size() > 1 && form.back() == '.' && IsAbbreviation(form)) ti.kind |= kAbbrev;
    if (form.size() == 1 || form == "``" || form == "\xE2\x80\x9C" || form == "\xE2\x80\x98" ||
        form == "\xC2\xAB") {
      size_t j = 0;
      char32_t cp = util::DecodeUtf8(form, j);
      if (j == form.size() || form == "``") {
        if (IsOpen(cp) || cp == '"' || cp == '\'') ti.kind |= kOpen;
        if (IsClose(cp) || cp == '"' || cp == '\'') ti.kind |= kClose;
        if (cp == ',') ti.kind |= kComma;
        if (cp == '-' || cp == 0x2013 || cp == 0x2014) ti.kind |= kDash;
      }
    }
    if (form == "''") ti.kind |= kClose;
    if (form == "--" || form == "---") ti.kind |= kDash;
    if (ti.first == kLower &&
        std::find(kFunctionWords.begin(), kFunctionWords.end(), lw) != kFunctionWords.end()) {
      ti.kind |= kFunction;
    }
  }
}

bool BoundaryAllowed(const std::vector<TokenInfo>& info, size_t i) {
  const TokenInfo& t = info[i];
  if ((t.kind & kOpen) && !(t.kind & kClose)) return false;
  if (t.kind & kDash) return false;  // Datelines ("(AFP) --") and asides continue.
  if (!t.space_after && i + 1 < info.size() && !(t.kind & (kFinalPunct | kClose))) return false;
  return true;
}

int ExtractFeatures(const std::vector<TokenInfo>& info, size_t i, int since, int left,
                    uint32_t* out) {
  static constexpr TokenInfo kEmpty = {0x1234567ULL, 0x7654321ULL, kNone, 0, true, 0};
  const TokenInfo& w0 = info[i];
  const TokenInfo& w1 = i + 1 < info.size() ? info[i + 1] : kEmpty;
  const TokenInfo& w2 = i + 2 < info.size() ? info[i + 2] : kEmpty;
  const TokenInfo& wm1 = i > 0 && since > 0 ? info[i - 1] : kEmpty;
  int sb = since < 5 ? since : since < 7 ? 5 : since < 10 ? 6 : since < 15 ? 7 : since < 25 ? 8 : 9;
  int lb = left < 4 ? left : left < 7 ? 4 : left < 12 ? 5 : 6;
  uint64_t c1 = w1.first;
  uint64_t sp = w0.space_after ? 1 : 2;
  int n = 0;
  out[n++] = Feat(1, 0);
  out[n++] = Feat(2, w0.word);
  out[n++] = Feat(3, w1.word);
  out[n++] = Feat(4, wm1.word);
  out[n++] = Feat(5, w0.word, w1.word);
  out[n++] = Feat(6, wm1.word, w0.word);
  out[n++] = Feat(7, w0.shape);
  out[n++] = Feat(8, w1.shape);
  out[n++] = Feat(9, w0.shape, w1.shape);
  out[n++] = Feat(10, wm1.shape, w0.shape, w1.shape);
  out[n++] = Feat(11, w0.word, w1.shape);
  out[n++] = Feat(12, w0.shape, w1.word);
  out[n++] = Feat(13, sb);
  out[n++] = Feat(14, sb, c1, w0.kind & kFinalPunct);
  out[n++] = Feat(15, sp, c1, w0.kind);
  out[n++] = Feat(16, w2.word);
  out[n++] = Feat(17, w1.shape, w2.shape);
  out[n++] = Feat(18, w0.kind, c1);
  out[n++] = Feat(19, lb);
  out[n++] = Feat(20, w0.word, c1);
  out[n++] = Feat(21, wm1.shape, w0.word, c1);
  out[n++] = Feat(22, c1, w2.shape);
  out[n++] = Feat(23, lb, w0.shape);
  out[n++] = Feat(24, sb, w1.word);
  out[n++] = Feat(25, w1.word, w2.word);
  out[n++] = Feat(26, lb, sb);
  return n;
}

void DecideBoundaries(const std::vector<TokenInfo>& info, const SentenceModel* model,
                      std::vector<uint8_t>& ends) {
  const size_t n = info.size();
  ends.assign(n, 0);
  if (n == 0) return;
  // Paragraph ends first: `left` needs them.
  size_t para_end = 0;  // Index of the last token of the current paragraph.
  size_t start = 0;     // First token of the current sentence.
  uint32_t feats[kMaxFeatures];
  for (size_t i = 0; i < n; ++i) {
    if (i == 0 || i > para_end) {
      para_end = i;
      while (para_end + 1 < n && info[para_end + 1].newlines_before < 2) ++para_end;
    }
    bool end;
    if (i == para_end) {
      end = true;
    } else if (!BoundaryAllowed(info, i)) {
      end = false;
    } else if (info[i + 1].newlines_before == 1 && info[i + 1].first != 1 /*lower*/ &&
               !(info[i].kind & (kFunction | kDash | kComma))) {
      end = true;
    } else if (model != nullptr) {
      int k = ExtractFeatures(info, i, static_cast<int>(i - start), static_cast<int>(para_end - i),
                              feats);
      end = model->Score(feats, k) > 0.0f;
    } else {
      const TokenInfo& t = info[i];
      const TokenInfo& next = info[i + 1];
      bool final = (t.kind & kFinalPunct) ||
                   ((t.kind & kClose) && i > start && (info[i - 1].kind & kFinalPunct));
      if ((t.kind & kFinalPunct) && (next.kind & kClose) && !t.space_after) final = false;
      end = final && next.first != 1 /*lower*/;
    }
    if (end) {
      ends[i] = 1;
      start = i + 1;
    }
  }
}

std::string SentenceModel::Serialize(std::string_view recipe) const {
  ByteWriter meta;
  meta.U32(kFeatureVersion);
  meta.U32(kWeightBits);
  meta.F32(bias_);
  meta.Str(recipe);
  ByteWriter w;
  uint64_t count = 0;
  for (float v : weights_) count += v != 0.0f;
  w.VarU(count);
  uint64_t last = 0;
  for (size_t k = 0; k < weights_.size(); ++k) {
    if (weights_[k] == 0.0f) continue;
    w.VarU(k - last);
    w.F32(weights_[k]);
    last = k;
  }
  ModelWriter mw{std::string(kSentsplitKind)};
  mw.AddSection("meta", meta.Take());
  mw.AddSection("weights", w.Take());
  return mw.Serialize();
}

Result<SentenceModel> SentenceModel::Parse(std::string bytes) {
  Result<ModelFile> file = ModelFile::Parse(std::move(bytes), kSentsplitKind);
  if (!file.ok()) return file.status();
  Result<std::string_view> meta_bytes = file->Section("meta");
  if (!meta_bytes.ok()) return meta_bytes.status();
  ByteReader meta(*meta_bytes);
  uint32_t version = meta.U32();
  uint32_t bits = meta.U32();
  float bias = meta.F32();
  meta.Str();
  if (!meta.ok()) return meta.status("sentsplit meta");
  if (version != kFeatureVersion || bits != static_cast<uint32_t>(kWeightBits)) {
    return FailedPreconditionError("sentsplit model has feature version " +
                                   std::to_string(version) + "/" + std::to_string(bits) +
                                   " bits; this build needs " + std::to_string(kFeatureVersion) +
                                   "/" + std::to_string(kWeightBits) + " (retrain it)");
  }
  Result<std::string_view> w_bytes = file->Section("weights");
  if (!w_bytes.ok()) return w_bytes.status();
  ByteReader r(*w_bytes);
  SentenceModel m;
  m.bias_ = bias;
  uint64_t count = r.VarU();
  uint64_t idx = 0;
  for (uint64_t k = 0; k < count && r.ok(); ++k) {
    idx += r.VarU();
    float v = r.F32();
    if (idx >= m.weights_.size()) return DataLossError("sentsplit weights: index out of range");
    m.weights_[idx] = v;
  }
  if (!r.ok()) return r.status("sentsplit weights");
  return m;
}

Result<SentenceModel> SentenceModel::Load(const std::string& path) {
  Result<std::unique_ptr<io::ByteSource>> src = io::OpenFileSource(path);
  if (!src.ok()) return src.status();
  Result<std::string> bytes = io::ReadAll(**src, uint64_t{1} << 30);
  if (!bytes.ok()) return bytes.status().WithContext(path);
  Result<SentenceModel> m = Parse(std::move(*bytes));
  if (!m.ok()) return m.status().WithContext(path);
  return m;
}

}  // namespace annals::nlp::tokenize
