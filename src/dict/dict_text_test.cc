// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "annals/dictionary.h"
#include "dict/dict_impl.h"

namespace annals {
namespace {

TEST(DictDates, ParseAndFormatRoundTrip) {
  for (const char* s : {"1970-01-01", "2025-09-02", "2000-02-29", "1899-12-31", "2100-03-01"}) {
    Result<int32_t> d = ParseIsoDay(s);
    ASSERT_TRUE(d.ok()) << s;
    EXPECT_EQ(FormatIsoDay(*d), s);
  }
  EXPECT_EQ(*ParseIsoDay("1970-01-01"), 0);
  EXPECT_EQ(*ParseIsoDay("1970-01-02"), 1);
  EXPECT_EQ(*ParseIsoDay("1969-12-31"), -1);
  EXPECT_EQ(*ParseIsoDay("2025-09-03") - *ParseIsoDay("2025-09-02"), 1);
  EXPECT_EQ(*ParseIsoDay("2001-01-01") - *ParseIsoDay("2000-01-01"), 366);
}

TEST(DictDates, RejectsBadDates) {
  for (const char* s : {"", "2025-9-2", "2025-02-30", "2023-02-29", "2025-13-01", "2025/09/02",
                        "20250902", "2025-09-0x", "1900-02-29"}) {
    EXPECT_FALSE(ParseIsoDay(s).ok()) << s;
  }
  EXPECT_EQ(FormatIsoDay(kDayMin), "");
  EXPECT_EQ(FormatIsoDay(kDayMax), "");
}

TEST(DictNormalize, CaseDotsAndPunctuation) {
  dict::WordShape sh;
  EXPECT_EQ(dict::NormalizeWord("Putin", &sh), "PUTIN");
  EXPECT_TRUE(sh.has_upper);
  EXPECT_TRUE(sh.has_lower);
  EXPECT_FALSE(sh.possessive);
  EXPECT_EQ(dict::NormalizeWord("U.S.", &sh), "US");
  EXPECT_TRUE(sh.has_upper);
  EXPECT_FALSE(sh.has_lower);
  EXPECT_EQ(dict::NormalizeWord("\"Beijing,\"", &sh), "BEIJING");
  EXPECT_TRUE(sh.comma_after);
  EXPECT_EQ(dict::NormalizeWord("(Kremlin)", &sh), "KREMLIN");
  EXPECT_EQ(dict::NormalizeWord("al-Qaeda", &sh), "AL-QAEDA");
  EXPECT_EQ(dict::NormalizeWord("--", &sh), "");
  EXPECT_EQ(dict::NormalizeWord(",", &sh), "");
  EXPECT_EQ(dict::NormalizeWord("us", &sh), "US");
  EXPECT_FALSE(sh.has_upper);
}

TEST(DictNormalize, Possessives) {
  dict::WordShape sh;
  EXPECT_EQ(dict::NormalizeWord("Putin's", &sh), "PUTIN");
  EXPECT_TRUE(sh.possessive);
  EXPECT_EQ(dict::NormalizeWord("Russia\xE2\x80\x99s", &sh), "RUSSIA");
  EXPECT_TRUE(sh.possessive);
  EXPECT_EQ(dict::NormalizeWord("Powers'", &sh), "POWERS");
  EXPECT_TRUE(sh.possessive);
  EXPECT_EQ(dict::NormalizeWord("China's,", &sh), "CHINA");
  EXPECT_TRUE(sh.possessive);
  EXPECT_EQ(dict::NormalizeWord("'s", &sh), "");
  EXPECT_TRUE(sh.possessive_marker);
  EXPECT_EQ(dict::NormalizeWord("\xE2\x80\x99s", &sh), "");
  EXPECT_TRUE(sh.possessive_marker);
  EXPECT_EQ(dict::NormalizeWord("'Xi'", &sh), "XI");
  EXPECT_FALSE(sh.possessive);
}

TEST(DictNormalize, FoldsAccents) {
  dict::WordShape sh;
  EXPECT_EQ(dict::NormalizeWord("Erdo\xC4\x9F"
                                "an",
                                &sh),
            "ERDOGAN");
  EXPECT_TRUE(sh.has_upper);
  EXPECT_EQ(dict::NormalizeWord("T\xC3\xBCrkiye", &sh), "TURKIYE");
  EXPECT_EQ(dict::NormalizeWord("\xC3\xA9lys\xC3\xA9"
                                "e",
                                &sh),
            "ELYSEE");
  EXPECT_FALSE(sh.has_upper);
}

TEST(DictNormalize, PhraseWordsSplitsOnBlanksAndUnderscores) {
  EXPECT_EQ(dict::PhraseWords("PRESIDENT_GEORGE_W._BUSH"),
            (std::vector<std::string>{"PRESIDENT", "GEORGE", "W", "BUSH"}));
  // The comma stays a word of its own: text "Samoa, American" has a comma token there.
  EXPECT_EQ(dict::PhraseWords("SAMOA,_AMERICAN_"),
            (std::vector<std::string>{"SAMOA", ",", "AMERICAN"}));
  EXPECT_EQ(dict::PhraseWords("  the  Kremlin "), (std::vector<std::string>{"THE", "KREMLIN"}));
  EXPECT_TRUE(dict::PhraseWords(" _ - ").empty());
}

TEST(DictNormalize, Plurals) {
  EXPECT_EQ(dict::PluralOf("SOLDIER"), "SOLDIERS");
  EXPECT_EQ(dict::PluralOf("POLICEMAN"), "POLICEMEN");
  EXPECT_EQ(dict::PluralOf("ARMY"), "ARMIES");
  EXPECT_EQ(dict::PluralOf("ATTORNEY"), "ATTORNEYS");
  EXPECT_EQ(dict::PluralOf("BOSS"), "BOSSES");
  EXPECT_EQ(dict::PluralOf("CHURCH"), "CHURCHES");
  EXPECT_EQ(dict::PluralOf("TAX"), "TAXES");
}

Actor PersonWith(std::vector<DatedCode> codes) {
  Actor a;
  a.kind = ActorKind::kPerson;
  a.codes = std::move(codes);
  return a;
}

// On the day one role ends and the next begins, the new role is in force; the day before, the old.
TEST(DictResolve, HandoverDayGivesTheNewRole) {
  int32_t d2022 = *ParseIsoDay("2022-08-28"), handover = *ParseIsoDay("2025-06-04");
  Actor lee = PersonWith({{"KOROPP", d2022, handover}, {"KORGOV", handover, kDayMax}});
  EXPECT_EQ(Dictionary::Resolve(lee, handover).codes, std::vector<std::string>{"KORGOV"});
  EXPECT_EQ(Dictionary::Resolve(lee, handover - 1).codes, std::vector<std::string>{"KOROPP"});
  // Periods that overlap longer than the day: both roles, as before.
  Actor both = PersonWith({{"KOROPP", d2022, handover}, {"KORGOV", handover - 10, kDayMax}});
  EXPECT_EQ(Dictionary::Resolve(both, handover).codes,
            (std::vector<std::string>{"KOROPP", "KORGOV"}));
}

TEST(DictResolve, DatedThenDefaultThenCountry) {
  int32_t d2017 = *ParseIsoDay("2017-01-20"), d2021 = *ParseIsoDay("2021-01-20");
  int32_t d2025 = *ParseIsoDay("2025-01-20");
  Actor trump = PersonWith({{"USAGOV", d2017, d2021}, {"USAGOV", d2025, kDayMax}});
  auto r = Dictionary::Resolve(trump, *ParseIsoDay("2025-09-02"));
  EXPECT_EQ(r.codes, std::vector<std::string>{"USAGOV"});
  EXPECT_EQ(r.how, "date");
  r = Dictionary::Resolve(trump, *ParseIsoDay("2022-06-01"));
  EXPECT_EQ(r.codes, std::vector<std::string>{"USA"});
  EXPECT_EQ(r.how, "country");
  r = Dictionary::Resolve(trump, d2021);  // Inclusive end.
  EXPECT_EQ(r.codes, std::vector<std::string>{"USAGOV"});
  r = Dictionary::Resolve(trump, std::nullopt);
  EXPECT_EQ(r.codes, std::vector<std::string>{"USAGOV"});
  EXPECT_EQ(r.how, "latest");

  Actor elder =
      PersonWith({{"USAASMELI", d2017, d2021}, {"USAASMGOV", d2021 + 1, d2025}, {"USAASMELI"}});
  r = Dictionary::Resolve(elder, d2021 + 5);
  EXPECT_EQ(r.codes, std::vector<std::string>{"USAASMGOV"});
  r = Dictionary::Resolve(elder, d2025 + 5);
  EXPECT_EQ(r.codes, std::vector<std::string>{"USAASMELI"});
  EXPECT_EQ(r.how, "default");
  r = Dictionary::Resolve(elder, std::nullopt);
  EXPECT_EQ(r.how, "default");

  Actor mixed = PersonWith({{"USAGOV", d2017, d2021}, {"RUSGOV", d2025, kDayMax}});
  r = Dictionary::Resolve(mixed, *ParseIsoDay("2023-01-01"));
  EXPECT_TRUE(r.codes.empty());  // No shared country.
  EXPECT_EQ(r.how, "none");
}

TEST(PhraseWordsTest, HyphensCommasAndBracketsArePieces) {
  EXPECT_EQ(dict::PhraseWords("Guinea-Bissau"),
            (std::vector<std::string>{"GUINEA", "-", "BISSAU"}));
  EXPECT_EQ(dict::PhraseWords("Congo, The Democratic Republic of the"),
            (std::vector<std::string>{"CONGO", ",", "THE", "DEMOCRATIC", "REPUBLIC", "OF", "THE"}));
  EXPECT_EQ(dict::PhraseWords("Cocos (Keeling) Islands"),
            (std::vector<std::string>{"COCOS", "(", "KEELING", ")", "ISLANDS"}));
  EXPECT_EQ(dict::PhraseWords("U.S.-led,"), (std::vector<std::string>{"US", "-", "LED"}));
  EXPECT_EQ(dict::PhraseWords("- , -"), std::vector<std::string>{});
  std::vector<std::string_view> pieces;
  dict::SplitPieces("(Malvinas).", pieces);
  EXPECT_EQ(pieces, (std::vector<std::string_view>{"(", "Malvinas", ")"}));
  pieces.clear();
  dict::SplitPieces("--", pieces);
  EXPECT_EQ(pieces, (std::vector<std::string_view>{"--"}));
  pieces.clear();
  dict::SplitPieces("St.", pieces);
  EXPECT_EQ(pieces, (std::vector<std::string_view>{"St."}));
}

}  // namespace
}  // namespace annals
