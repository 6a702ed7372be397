// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// Trees the committed models give on the flagship seed article (../shared/seed; skipped when
// absent): the relations event coding reads off them (subject, object, coordination).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "annals/pipeline.h"

namespace annals {
namespace {

std::string SourceDir() {
  const char* env = std::getenv("ANNALS_SOURCE_DIR");
  return env != nullptr ? env : ".";
}

std::string SharedDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  return env != nullptr ? env : SourceDir() + "/../shared";
}

PipelineOptions Committed() {
  PipelineOptions o;
  o.model_dir = SourceDir() + "/models";
  return o;
}

bool IsTree(const Sentence& s) {
  int n = static_cast<int>(s.words.size()), roots = 0;
  for (const Word& w : s.words) {
    if (w.head < 0 || w.head > n || w.deprel.empty()) return false;
    roots += w.head == 0;
  }
  if (roots != 1) return false;
  for (int i = 1; i <= n; ++i) {
    int h = i, steps = 0;
    while (h != 0 && steps++ <= n) h = s.words[h - 1].head;
    if (h != 0) return false;
  }
  return true;
}

// "Trump's Treasury Secretary Scott Bessent described the summit as “performative” and accused
// China and India of being “bad actors” by fueling the Russian war." (line 15 of the article),
// annotated by the committed models.
class SeedArticleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = SharedDir() + "/seed/000_5601e05d72f0a748.txt";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared absent: " << path;
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Result<Pipeline> nlp = Pipeline::Create(Committed());
    ASSERT_TRUE(nlp.ok()) << nlp.status().ToString();
    doc_.id = "seed";
    doc_.text = ss.str();
    nlp->Annotate(doc_);
    for (const Sentence& s : doc_.sentences) {
      ASSERT_TRUE(IsTree(s)) << s.id;
      for (const Word& w : s.words)
        if (w.form == "Bessent" && s_ == nullptr) s_ = &s;
    }
    ASSERT_NE(s_, nullptr) << "no sentence with Bessent";
  }
  int Id(std::string_view form) const {
    for (const Word& w : s_->words)
      if (w.form == form) return w.id;
    ADD_FAILURE() << "no word " << form;
    return 1;
  }
  const Word& W(int id) const { return s_->words[id - 1]; }
  // True when `id` is `ancestor` or lies in its subtree.
  bool Under(int id, int ancestor) const {
    for (int steps = 0; id != 0 && steps <= static_cast<int>(s_->words.size()); ++steps) {
      if (id == ancestor) return true;
      id = W(id).head;
    }
    return false;
  }

  Document doc_;
  const Sentence* s_ = nullptr;
};

TEST_F(SeedArticleTest, SubjectObjectsAndCoordination) {
  int described = Id("described"), accused = Id("accused"), china = Id("China");
  EXPECT_EQ(W(described).head, 0);
  // The subject of "described" is the noun phrase that contains "Bessent" (which word of
  // "Treasury Secretary Scott Bessent" heads it: see the disabled test below).
  int subject = 0;
  for (const Word& w : s_->words)
    if (w.head == described && w.deprel == "nsubj") subject = w.id;
  ASSERT_NE(subject, 0) << "described has no nsubj";
  EXPECT_TRUE(Under(Id("Bessent"), subject));
  EXPECT_TRUE(Under(Id("Scott"), subject));
  EXPECT_EQ(W(Id("summit")).head, described);
  EXPECT_EQ(W(Id("summit")).deprel, "obj");
  EXPECT_EQ(W(accused).head, described);
  EXPECT_EQ(W(accused).deprel, "conj");
  EXPECT_EQ(W(china).head, accused);
  EXPECT_EQ(W(china).deprel, "obj");
  EXPECT_EQ(W(Id("India")).head, china);
  EXPECT_EQ(W(Id("India")).deprel, "conj");
}

// EWT r2.16 heads "Treasury Secretary Scott Bessent" by the name ("Scott", "Bessent" flat) with
// the title as nmod:desc, so "Bessent" (or "Scott") should be the nsubj itself. The committed
// model makes "Secretary" the head (Scott and Bessent flat below it): a known error, kept here
// so that a better model can switch it on (--gtest_also_run_disabled_tests).
TEST_F(SeedArticleTest, DISABLED_NameHeadsTitledSubject) {
  int described = Id("described"), bessent = Id("Bessent"), scott = Id("Scott");
  int subject = W(bessent).deprel == "nsubj" ? bessent : scott;
  int other = subject == bessent ? scott : bessent;
  EXPECT_EQ(W(subject).head, described);
  EXPECT_EQ(W(subject).deprel, "nsubj");
  EXPECT_EQ(W(other).head, subject);
  EXPECT_EQ(W(other).deprel, "flat");
}

}  // namespace
}  // namespace annals
