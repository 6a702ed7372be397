// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The flagship article (../shared/seed/000_5601e05d72f0a748.txt, dated 2025-09-02): dates, counts
// and quotes from the full pipeline. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annals/extract.h"
#include "annals/reader.h"
#include "extract/extract_test_util.h"

namespace annals {
namespace {

std::string SharedDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  if (env != nullptr && *env != '\0') return env;
  const char* src = std::getenv("ANNALS_SOURCE_DIR");
  return std::string(src != nullptr && *src != '\0' ? src : ".") + "/../shared";
}

class Collect : public DocumentSink {
 public:
  bool Accept(Document&& d) override {
    docs.push_back(std::move(d));
    return true;
  }
  void OnReject(const Reject&) override {}
  std::vector<Document> docs;
};

class FlagshipTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string path = SharedDir() + "/seed/000_5601e05d72f0a748.txt";
    if (!std::ifstream(path).good()) return;
    if (extract::testing::SharedAnnotator() == nullptr) return;
    Collect c;
    ReaderOptions ro;
    ro.format = InputFormat::kText;
    if (!ReadInputs({path}, ro, c).ok() || c.docs.size() != 1) return;
    doc_ = new Document(std::move(c.docs[0]));
    if (!extract::testing::SharedAnnotator()->Annotate(*doc_).ok()) return;
    ExtractOptions o;
    o.matcher = extract::testing::SharedMatcher();
    analysis_ = new Analysis(Analyze(*doc_, o, {2025, 9, 2}));
  }
  void SetUp() override {
    if (doc_ == nullptr) GTEST_SKIP() << "../shared/seed or models absent";
  }
  static Document* doc_;
  static Analysis* analysis_;
};
Document* FlagshipTest::doc_ = nullptr;
Analysis* FlagshipTest::analysis_ = nullptr;

TEST_F(FlagshipTest, DateExpressions) {
  EXPECT_EQ(analysis_->date, (CivilDate{2025, 9, 2}));
  auto find = [&](const std::string& text) -> std::string {
    for (const PlacedDate& p : analysis_->dates) {
      if (p.mention.text == text) return p.mention.Iso();
    }
    return "(missing)";
  };
  EXPECT_EQ(find("Tuesday"), "2025-09-02");
  EXPECT_EQ(find("Monday"), "2025-09-01");
  EXPECT_EQ(find("June 2024"), "2024-06");
  EXPECT_EQ(find("2024"), "2024");
  EXPECT_EQ(find("a few years ago"), "2022");
}

TEST_F(FlagshipTest, Counts) {
  const CountMention* soldiers = nullptr;
  const CountMention* killed = nullptr;
  for (const CountMention& c : analysis_->counts) {
    if (c.value == 15000) soldiers = &c;
    if (c.value == 600) killed = &c;
  }
  ASSERT_NE(soldiers, nullptr);
  EXPECT_EQ(soldiers->type, CountType::kSoldiers);
  EXPECT_EQ(soldiers->qualifier, "more than");
  EXPECT_EQ(soldiers->actor_codes, (std::vector<std::string>{"PRKMIL"}));
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->type, CountType::kKill);
  EXPECT_EQ(killed->qualifier, "about");
  EXPECT_EQ(killed->actor_codes, (std::vector<std::string>{"PRKMIL"}));
  EXPECT_EQ(killed->place, "Kursk region");
  EXPECT_EQ(killed->predicate_lemma, "die");
  // "Xi told a rally of more than 20 leaders ... on Monday": dated by its predicate.
  for (const CountMention& c : analysis_->counts) {
    if (c.value != 20) continue;
    EXPECT_EQ(c.date.Iso(), "2025-09-01");
    EXPECT_EQ(c.date.source, DateSource::kPredicate);
  }
}

TEST_F(FlagshipTest, Quotes) {
  const Quote* xi = nullptr;
  const Quote* hong = nullptr;
  for (const Quote& q : analysis_->quotes) {
    if (q.text.starts_with("We must continue to take a clear position")) xi = &q;
    if (q.text.find("next to Xi and Putin") != std::string::npos) hong = &q;
  }
  ASSERT_NE(xi, nullptr);
  EXPECT_EQ(xi->speaker, "Xi Jinping");
  EXPECT_EQ(xi->speaker_codes, (std::vector<std::string>{"CHNGOV"}));
  EXPECT_TRUE(xi->direct);
  // "..., he added" after Youngjun Kim's quote: the pronoun goes to the most recent person.
  const Quote* added = nullptr;
  for (const Quote& q : analysis_->quotes) {
    if (q.text.starts_with("Until a few years ago")) added = &q;
  }
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->speaker_text, "he");
  EXPECT_EQ(added->speaker, "Youngjun Kim");
  EXPECT_EQ(added->verb, "add");
  ASSERT_NE(hong, nullptr);
  EXPECT_EQ(hong->speaker, "Hong Min");
  EXPECT_EQ(hong->verb, "say");
}

}  // namespace
}  // namespace annals
