// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "annals/cameo.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(CameoOntologyTest, LoadsTheShippedTables) {
  Result<CameoOntology> o = CameoOntology::LoadDefault();
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_GE(o->codes().size(), 300u);
  const CameoCode* c = o->Find("042");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->root, "04");
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_EQ(c->plover_event, "CONSULT");
  EXPECT_EQ(o->Find("42"), nullptr);  // Codes are strings.
  const CameoCode* attack = o->Find("190");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->quad_class, 4);
  EXPECT_EQ(attack->phoenix_quad_class, 4);
  EXPECT_LT(attack->goldstein, -5);
  // Phoenix calls roots 01 and 02 neutral where GDELT calls them verbal cooperation.
  EXPECT_EQ(o->Find("010")->quad_class, 1);
  EXPECT_EQ(o->Find("010")->phoenix_quad_class, 0);
  // Every code's root and base are codes too.
  for (const CameoCode& code : o->codes()) {
    EXPECT_NE(o->Find(code.root), nullptr) << code.code;
    EXPECT_NE(o->Find(code.base), nullptr) << code.code;
  }
}

TEST(CameoOntologyTest, AnnotatesEvents) {
  Result<CameoOntology> o = CameoOntology::LoadDefault();
  ASSERT_TRUE(o.ok());
  Event e;
  e.cameo = "112";
  ASSERT_TRUE(o->Annotate(e).ok());
  EXPECT_EQ(e.cameo_root, "11");
  EXPECT_EQ(e.quad_class, 3);
  EXPECT_EQ(e.plover_event, "ACCUSE");
  e.cameo = "999";
  EXPECT_EQ(o->Annotate(e).code(), StatusCode::kInvalidArgument);
}

TEST(CameoOntologyTest, RejectsMalformedRowsWithFileAndLine) {
  std::string events =
      "code\tevent\tbase\troot\tquad_class\tgoldstein\n040\tConsult\t040\t04\t7\t1.0\n";
  Result<CameoOntology> o =
      CameoOntology::Parse(events, "e.tsv", "cameo\tevent\tmode\tcontext\n", "p.tsv");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().message(), "e.tsv:2: quad class must be 1..4");
  events = "code\tevent\tbase\troot\tquad_class\tgoldstein\n04x\tX\t04x\t04\t1\t1.0\n";
  EXPECT_FALSE(CameoOntology::Parse(events, "e.tsv", "", "p.tsv").ok());
  events = "code\tevent\tbase\troot\tquad_class\tgoldstein\n040\tX\t041\t04\t1\t1.0\n";
  EXPECT_FALSE(CameoOntology::Parse(events, "e.tsv", "", "p.tsv").ok());
}

}  // namespace
}  // namespace annals
