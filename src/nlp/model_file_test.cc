// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "nlp/model_file.h"

#include <gtest/gtest.h>

#include <string>

namespace annals::nlp {
namespace {

TEST(ModelFileTest, RoundTripsSections) {
  ByteWriter w;
  w.U32(7);
  w.VarU(300);
  w.F32(1.5f);
  w.Str("feat");
  w.F32Array({0.25f, -2.0f});
  ModelWriter mw("tagger");
  mw.AddSection("weights", w.Take());
  mw.AddSection("meta", "{}");
  Result<ModelFile> m = ModelFile::Parse(mw.Serialize(), "tagger");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  Result<std::string_view> sec = m->Section("weights");
  ASSERT_TRUE(sec.ok());
  ByteReader r(*sec);
  EXPECT_EQ(r.U32(), 7u);
  EXPECT_EQ(r.VarU(), 300u);
  EXPECT_EQ(r.F32(), 1.5f);
  EXPECT_EQ(r.Str(), "feat");
  EXPECT_EQ(r.F32Array(), (std::vector<float>{0.25f, -2.0f}));
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.done());
  EXPECT_EQ(*m->Section("meta"), "{}");
  EXPECT_EQ(m->Section("nope").status().code(), StatusCode::kNotFound);
}

TEST(ModelFileTest, RejectsWrongKindCorruptionAndTruncation) {
  ModelWriter mw("parser");
  mw.AddSection("w", std::string(100, 'x'));
  std::string bytes = mw.Serialize();
  EXPECT_EQ(ModelFile::Parse(bytes, "tagger").status().code(), StatusCode::kInvalidArgument);
  std::string corrupt = bytes;
  corrupt[corrupt.size() - 5] = 'y';
  EXPECT_EQ(ModelFile::Parse(corrupt, "parser").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ModelFile::Parse(bytes.substr(0, bytes.size() - 1), "parser").status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(ModelFile::Parse("garbage", "parser").status().code(), StatusCode::kDataLoss);
}

TEST(ByteReaderTest, StickyErrorPastEnd) {
  ByteReader r(std::string_view("\x01\x02", 2));
  r.U32();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status("x").code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace annals::nlp
