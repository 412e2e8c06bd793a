// Tests of the Commerce Control List and country table parsers on the real
// files in ../shared/data/ccl_ecfr_seelpeed.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/ccl.h"
#include "ingest/regs/country_groups.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

const CclDocument& Ccl() {
  static const CclDocument* doc = [] {
    std::string bytes = testutil::ReadFile(testutil::SharedData("ccl_ecfr_seelpeed/ccl.json"));
    Result<CclDocument> r = ParseCcl(bytes, "ccl.json");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new CclDocument(r.ok() ? std::move(r).value() : CclDocument{});
  }();
  return *doc;
}

const EccnEntry* Find(const std::string& code) {
  for (const EccnEntry& e : Ccl().entries) {
    if (e.code == code) {
      return &e;
    }
  }
  return nullptr;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(CclTest, OneEntryPerEccnPlusParagraphs) {
  const CclDocument& doc = Ccl();
  EXPECT_EQ(doc.ecfr_issue_date, "2026-07-23");
  size_t eccns = std::count_if(doc.entries.begin(), doc.entries.end(),
                               [](const EccnEntry& e) { return e.parent.empty(); });
  EXPECT_EQ(eccns, 633u);
  EXPECT_GT(doc.entries.size(), 633u);
}

TEST(CclTest, Eccn3A090ReasonsAndThresholds) {
  const EccnEntry* e = Find("3A090");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->category, "3");
  EXPECT_EQ(e->reasons, (std::vector<std::string>{"RS", "AT"}));
  EXPECT_NE(std::find(e->tpp.begin(), e->tpp.end(), 4800.0), e->tpp.end());
  EXPECT_NE(std::find(e->tpp.begin(), e->tpp.end(), 1600.0), e->tpp.end());
  EXPECT_NE(std::find(e->performance_density.begin(), e->performance_density.end(), 5.92),
            e->performance_density.end());
  EXPECT_TRUE(Contains(e->related_eccns, "3A001.z"));
  auto hbm = std::find_if(e->license_exceptions.begin(), e->license_exceptions.end(),
                          [](const LicenseExceptionFlag& f) { return f.code == "HBM"; });
  ASSERT_NE(hbm, e->license_exceptions.end());
  EXPECT_TRUE(hbm->available);
  ASSERT_EQ(e->controls.size(), 4u);
  EXPECT_EQ(e->controls[0].control, "RS applies to 3A090.a");
}

TEST(CclTest, Paragraph3A090aHasItsOwnThresholdsAndNotesAreSkipped) {
  const EccnEntry* a = Find("3A090.a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->parent, "3A090");
  EXPECT_EQ(a->tpp, (std::vector<double>{4800, 1600}));
  EXPECT_EQ(a->performance_density, (std::vector<double>{5.92}));
  const EccnEntry* c = Find("3A090.c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->heading.rfind("High bandwidth memory (HBM)", 0), 0u) << c->heading;
  // The notes' own a/b/c/d items must not become 3A090.d.
  EXPECT_EQ(Find("3A090.d"), nullptr);
  // 4A003's leading notes (a, b, c) are not its paragraphs; a is [Reserved].
  EXPECT_EQ(Find("4A003.a"), nullptr);
  ASSERT_NE(Find("4A003.b"), nullptr);
  EXPECT_NE(Find("4A003.b")->heading.find("Adjusted Peak Performance"), std::string::npos);
  ASSERT_NE(Find("3A001.z"), nullptr);
  ASSERT_NE(Find("5A992.c"), nullptr);
  ASSERT_NE(Find("4A090.a"), nullptr);
}

TEST(CclTest, Eccn4E091OperationsFromFlattenedSuperscript) {
  const EccnEntry* e = Find("4E091");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->operations.has_value());
  EXPECT_DOUBLE_EQ(*e->operations, 1e26);
}

TEST(CclTest, ThresholdExtraction) {
  std::vector<double> tpp, pd;
  std::optional<double> ops;
  ExtractCclThresholds(
      "A 'total processing performance' of 1,600 or more and a 'performance density' of 5.92 "
      "or more; more than 2.5 × 10 25 'operations'",
      &tpp, &pd, &ops);
  EXPECT_EQ(tpp, (std::vector<double>{1600}));
  EXPECT_EQ(pd, (std::vector<double>{5.92}));
  ASSERT_TRUE(ops.has_value());
  EXPECT_DOUBLE_EQ(*ops, 2.5e25);
}

TEST(CclTest, RejectsTruncatedJsonWithOffset) {
  std::string bytes = "{\"entries\": [{\"eccn\": \"3A090\", \"heading\": \"x\"}";
  Result<CclDocument> r = ParseCcl(bytes, "cut.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cut.json: invalid JSON at byte offset"), std::string::npos)
      << r.status().message();
}

const CountryRecord* FindCountry(const CountryTable& t, const std::string& iso) {
  for (const CountryRecord& c : t.countries) {
    if (c.iso2 == iso) {
      return &c;
    }
  }
  return nullptr;
}

TEST(CountryGroupsTest, ChinaIsInD5AndMacauIsNot) {
  std::string bytes =
      testutil::ReadFile(testutil::SharedData("ccl_ecfr_seelpeed/country-groups.json"));
  ASSERT_OK_AND_ASSIGN(CountryTable t, ParseCountryGroups(bytes, "country-groups.json"));
  EXPECT_EQ(t.groups.size(), 14u);
  const CountryRecord* cn = FindCountry(t, "CN");
  ASSERT_NE(cn, nullptr);
  EXPECT_EQ(cn->name, "China (PRC)");
  EXPECT_EQ(cn->groups, (std::vector<std::string>{"D:1", "D:3", "D:4", "D:5"}));
  const CountryRecord* mo = FindCountry(t, "MO");
  ASSERT_NE(mo, nullptr);
  EXPECT_FALSE(Contains(mo->groups, "D:5"));
  const CountryRecord* kr = FindCountry(t, "KR");
  ASSERT_NE(kr, nullptr);
  EXPECT_TRUE(Contains(kr->groups, "A:5"));
  for (const CountryRecord& c : t.countries) {
    EXPECT_EQ(c.iso2.size(), 2u) << "no ISO code for " << c.name;
  }
  auto d5 = std::find_if(t.groups.begin(), t.groups.end(),
                         [](const CountryGroup& g) { return g.code == "D:5"; });
  ASSERT_NE(d5, t.groups.end());
  EXPECT_EQ(d5->label, "U.S. arms-embargoed countries");
}

TEST(CountryGroupsTest, CountryChartRowsAndEmbargoes) {
  std::string bytes =
      testutil::ReadFile(testutil::SharedData("ccl_ecfr_seelpeed/country-chart.json"));
  ASSERT_OK_AND_ASSIGN(CountryTable t, ParseCountryChart(bytes, "country-chart.json"));
  EXPECT_GE(t.countries.size(), 196u);
  const CountryRecord* cn = FindCountry(t, "CN");
  ASSERT_NE(cn, nullptr);
  EXPECT_TRUE(Contains(cn->marks, "NS 1"));
  const CountryRecord* cu = FindCountry(t, "CU");
  ASSERT_NE(cu, nullptr);
  EXPECT_TRUE(cu->embargoed);
  size_t without_iso = 0;
  for (const CountryRecord& c : t.countries) {
    if (c.iso2.empty()) {
      ++without_iso;
      ADD_FAILURE() << "no ISO code for " << c.name;
    }
  }
  EXPECT_EQ(without_iso, 0u);
}

}  // namespace
}  // namespace ecg::ingest
