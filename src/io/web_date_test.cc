// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
#include "io/web_date.h"

#include <gtest/gtest.h>

namespace annals::io {
namespace {

TEST(WebDateTest, Iso8601Variants) {
  EXPECT_EQ(NormalizeWebDate("2025-09-02"), "2025-09-02");
  EXPECT_EQ(NormalizeWebDate(" 2025-09-02T08:15:00Z "), "2025-09-02T08:15:00Z");
  EXPECT_EQ(NormalizeWebDate("2025-09-02T08:15"), "2025-09-02T08:15:00");
  EXPECT_EQ(NormalizeWebDate("2025-09-02T10:15:00.123+02:00"), "2025-09-02T10:15:00+02:00");
  EXPECT_EQ(NormalizeWebDate("2025-09-02 08:15:00 -0400"), "2025-09-02T08:15:00-04:00");
  EXPECT_EQ(NormalizeWebDate("2025-09-01T23:30:00-02"), "2025-09-01T23:30:00-02:00");
  EXPECT_EQ(NormalizeWebDate("2025/9/2"), "2025-09-02");
  EXPECT_EQ(NormalizeWebDate("20250902"), "2025-09-02");
  EXPECT_EQ(NormalizeWebDate("20250902T081500Z"), "2025-09-02T08:15:00Z");
  EXPECT_EQ(NormalizeWebDate("2025-09-02 08:15:00 UTC"), "2025-09-02T08:15:00Z");
}

TEST(WebDateTest, Rfc822WithObsoleteZones) {
  EXPECT_EQ(NormalizeWebDate("Tue, 02 Sep 2025 08:15:00 GMT"), "2025-09-02T08:15:00Z");
  EXPECT_EQ(NormalizeWebDate("Tue, 2 Sep 2025 08:15:00 +0200"), "2025-09-02T08:15:00+02:00");
  EXPECT_EQ(NormalizeWebDate("Tue, 02 Sep 2025 08:15:00 EDT"), "2025-09-02T08:15:00-04:00");
  EXPECT_EQ(NormalizeWebDate("Tue, 02 Sep 2025 08:15 PST"), "2025-09-02T08:15:00-08:00");
  EXPECT_EQ(NormalizeWebDate("02 Sep 25 08:15:00 UT"), "2025-09-02T08:15:00Z");
  EXPECT_EQ(NormalizeWebDate("Mon, 31 Dec 2029 23:00:00 -0500"), "2029-12-31T23:00:00-05:00");
  EXPECT_EQ(NormalizeWebDate("Tue, 02 Sep 2025 08:15:00 A"), "2025-09-02T08:15:00Z");  // Military.
  EXPECT_EQ(NormalizeWebDate("Tue, 02 Sep 2025 08:15:00"), "2025-09-02T08:15:00");
}

TEST(WebDateTest, WrittenDates) {
  EXPECT_EQ(NormalizeWebDate("September 2, 2025"), "2025-09-02");
  EXPECT_EQ(NormalizeWebDate("2 September 2025"), "2025-09-02");
  EXPECT_EQ(NormalizeWebDate("Sept. 2nd, 2025 at 8:15 pm"), "2025-09-02T20:15:00");
  EXPECT_EQ(NormalizeWebDate("02-Sep-2025"), "2025-09-02");
}

TEST(WebDateTest, RejectsNonDates) {
  EXPECT_EQ(NormalizeWebDate(""), "");
  EXPECT_EQ(NormalizeWebDate("yesterday"), "");
  EXPECT_EQ(NormalizeWebDate("2025-02-30"), "");
  EXPECT_EQ(NormalizeWebDate("2025-13-01"), "");
  EXPECT_EQ(NormalizeWebDate("2025-09-02T25:00:00Z"), "");
  EXPECT_EQ(NormalizeWebDate("2025-09-02 nonsense"), "");
  EXPECT_EQ(NormalizeWebDate("Sep 2025"), "");
  EXPECT_EQ(NormalizeWebDate("09/02/2025"), "");  // Ambiguous day/month order.
  EXPECT_EQ(NormalizeWebDate("Tue, 02 Foo 2025 08:15:00 GMT"), "");
}

}  // namespace
}  // namespace annals::io
