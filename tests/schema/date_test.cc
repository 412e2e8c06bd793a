#include "schema/date.h"

#include <gtest/gtest.h>

#include "schema/catalog.h"
#include "tests/testutil/testutil.h"

namespace ecg {
namespace {

TEST(DateTest, ParsesAndPrintsIsoDays) {
  ASSERT_OK_AND_ASSIGN(Date d, Date::Parse("2024-02-29"));
  EXPECT_EQ(d.ToString(), "2024-02-29");
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).days(), 0);
  EXPECT_EQ(Date::FromYmd(2022, 10, 13).AddDays(1).ToString(), "2022-10-14");
}

TEST(DateTest, RejectsImpossibleDays) {
  struct Case {
    const char* text;
    const char* reason;
  };
  for (const Case& c :
       {Case{"2023-02-29", "no such calendar day"}, Case{"2024-13-01", "no such calendar day"},
        Case{"2024-04-31", "no such calendar day"}, Case{"0000-01-01", "no such calendar day"},
        Case{"2024-1-01", "expected YYYY-MM-DD"}, Case{"20240101", "expected YYYY-MM-DD"},
        Case{"", "expected YYYY-MM-DD"}, Case{"abcd-ef-gh", "expected YYYY-MM-DD"}}) {
    auto r = Date::Parse(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(),
              "invalid date '" + std::string(c.text) + "': " + std::string(c.reason));
  }
}

TEST(DateTest, RoundTripsEveryDayOfFourCenturies) {
  for (int32_t days = -150000; days < 150000; days += 7) {
    Date d(days);
    ASSERT_OK_AND_ASSIGN(Date back, Date::Parse(d.ToString()));
    ASSERT_EQ(back, d) << d.ToString();
  }
}

TEST(IntervalTest, HalfOpenContainmentAndOverlap) {
  Interval a{Date::FromYmd(2020, 1, 1), Date::FromYmd(2021, 1, 1)};
  EXPECT_TRUE(a.Contains(Date::FromYmd(2020, 1, 1)));
  EXPECT_FALSE(a.Contains(Date::FromYmd(2021, 1, 1)));
  Interval open = Interval::Since(Date::FromYmd(2020, 12, 31));
  EXPECT_TRUE(open.is_open());
  EXPECT_TRUE(a.Overlaps(open));
  Interval b{Date::FromYmd(2021, 1, 1), Date::Max()};
  EXPECT_FALSE(a.Overlaps(b));  // touching ends do not overlap
  EXPECT_TRUE(Interval::Always().Contains(a));
  EXPECT_FALSE(a.Contains(Interval::Always()));
  EXPECT_FALSE((Interval{Date::FromYmd(2021, 1, 1), Date::FromYmd(2021, 1, 1)}).valid());
  EXPECT_EQ(open.ToString(), "[2020-12-31, +inf)");
}

TEST(CatalogTest, ValidationNamesVertexPropertyAndTypes) {
  Status s = Catalog::Validate(VertexKind::kEntity, "'Huawei'", prop::kName, Value(3));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "entity 'Huawei': property 'name' expects string, got int '3'");
  s = Catalog::Validate(EdgeType::kOwns, "'A' -> 'B'", prop::kPct, Value("half"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("owns edge 'A' -> 'B': property 'pct' expects double"),
            std::string::npos)
      << s.message();
  EXPECT_OK(Catalog::Validate(EdgeType::kOwns, "x", prop::kPct, Value(50)));
  s = Catalog::Validate(VertexKind::kCountry, "'CN'", prop::kAbstract, Value("x"));
  EXPECT_NE(s.message().find("does not apply"), std::string::npos);
}

TEST(CatalogTest, PropertyIdsAndNamesAreUnique) {
  auto props = Catalog::Properties();
  for (size_t i = 0; i < props.size(); ++i) {
    for (size_t j = i + 1; j < props.size(); ++j) {
      EXPECT_NE(props[i].id, props[j].id) << props[i].name;
      EXPECT_NE(props[i].name, props[j].name);
    }
  }
}

TEST(KindsTest, NamesRoundTrip) {
  for (VertexKind k : kAllVertexKinds) {
    EXPECT_EQ(ParseVertexKind(VertexKindName(k)), k);
  }
  for (EdgeType t : kAllEdgeTypes) {
    EXPECT_EQ(ParseEdgeType(EdgeTypeName(t)), t);
  }
  EXPECT_FALSE(ParseVertexKind("entities").has_value());
}

}  // namespace
}  // namespace ecg
