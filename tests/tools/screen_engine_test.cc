// Screening on real list data (../shared/data): the Entity List part of the
// CSL, the MOFCOM lists, the curated alias file and a small ownership
// fixture. The store is built once for the suite (ingest takes seconds).
#include <algorithm>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "ingest/run/ingest_run.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "screen/screener.h"
#include "text/normalizer.h"

namespace ecg::screen {
namespace {

class ScreenerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testutil::TempDir();
    normalizer_ = text::TextNormalizer::Create().value().release();
    store::Options options;
    options.normalizer = normalizer_;
    store_ = store::GraphStore::Open(dir_->Sub("db"), options).value().release();
    ingest::Ingester ingester(store_, normalizer_);
    ingester.RegisterDefaultHandlers();
    ingest::IngestOptions io;
    io.run_date = Date::FromYmd(2026, 9, 1);
    ingest::RunReport report;
    ASSERT_OK(ingester.IngestFiles(
        {testutil::SharedData("csl_compact_seelpeed/screening-list.json"),
         testutil::SharedData("cn_lists_xyna/cn.json"),
         testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-08-07.csv"),
         std::string(ECG_SOURCE_DIR) + "/ingest/data/aliases.csv",
         testutil::TestData("screen/ownership.csv")},
        io, &report));
    ASSERT_EQ(report.rejected(), 0u) << report.ToText();
    ASSERT_TRUE(report.files.back().quarantine.empty()) << report.ToText();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete normalizer_;
    delete dir_;
  }

  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(screener_, Screener::Create(store_, normalizer_));
    options_.as_of = Date::FromYmd(2026, 9, 1);
  }

  std::vector<Candidate> Screen(const std::string& name) {
    auto r = screener_->Screen(name, options_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<Candidate>();
  }

  static bool Has(const std::vector<std::string>& v, const std::string& s) {
    return std::any_of(v.begin(), v.end(),
                       [&](const std::string& x) { return x.find(s) != std::string::npos; });
  }
  static bool OnList(const Candidate& c, const std::string& code) {
    return std::any_of(c.lists.begin(), c.lists.end(),
                       [&](const Listing& l) { return l.list_code == code; });
  }

  static testutil::TempDir* dir_;
  static text::TextNormalizer* normalizer_;
  static store::GraphStore* store_;
  std::unique_ptr<Screener> screener_;
  ScreenOptions options_;
};

testutil::TempDir* ScreenerTest::dir_ = nullptr;
text::TextNormalizer* ScreenerTest::normalizer_ = nullptr;
store::GraphStore* ScreenerTest::store_ = nullptr;

TEST_F(ScreenerTest, FindsHuaweiWithoutLegalFormWithListsAndCitations) {
  auto c = Screen("Huawei Technologies");
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].key, "ent:CN:huaweitechnology");
  EXPECT_GE(c[0].score, 95);
  EXPECT_TRUE(Has(c[0].reasons, "legal form ignored"));
  ASSERT_TRUE(OnList(c[0], "EL"));
  bool cited = false;
  for (const auto& l : c[0].lists) {
    cited = cited || (l.list_code == "EL" && l.citation.find("84 FR 22963") != std::string::npos &&
                      !l.license_policy.empty());
  }
  EXPECT_TRUE(cited);
}

TEST_F(ScreenerTest, FindsEntitiesByChineseNamesSimplifiedAndTraditional) {
  auto simp = Screen("华为");
  ASSERT_FALSE(simp.empty());
  EXPECT_EQ(simp[0].key, "ent:CN:huaweitechnology");
  auto trad = Screen("中芯國際");
  ASSERT_FALSE(trad.empty());
  EXPECT_EQ(trad[0].key, "ent:CN:semiconductormanufacturinginternational");
  EXPECT_TRUE(Has(trad[0].reasons, "traditional/simplified"));
  auto trad_huawei = Screen("華為技術有限公司");
  ASSERT_FALSE(trad_huawei.empty());
  EXPECT_EQ(trad_huawei[0].key, "ent:CN:huaweitechnology");
}

TEST_F(ScreenerTest, FindsChineseNamesThroughPinyin) {
  auto c = Screen("Zhongxin Guoji");
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].key, "ent:CN:semiconductormanufacturinginternational");
  EXPECT_TRUE(Has(c[0].reasons, "pinyin key"));
}

TEST_F(ScreenerTest, ExpandsAbbreviations) {
  auto smic = Screen("Semiconductor Mfg Intl Corporation Ltd");
  ASSERT_FALSE(smic.empty());
  EXPECT_EQ(smic[0].key, "ent:CN:semiconductormanufacturinginternational");
  EXPECT_TRUE(Has(smic[0].reasons, "abbreviation mfg -> manufacturing"));
  auto haige = Screen("GUANGZHOU HAIGE COMM GRP");
  ASSERT_FALSE(haige.empty());
  EXPECT_NE(haige[0].name.find("Haige Communication"), std::string::npos);
  EXPECT_TRUE(Has(haige[0].reasons, "abbreviation grp -> group"));
}

TEST_F(ScreenerTest, ToleratesTyposAndReorderedWords) {
  auto typo = Screen("Huawie Technologies");
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0].key, "ent:CN:huaweitechnology");
  EXPECT_TRUE(Has(typo[0].reasons, "typo distance"));
  auto reordered = Screen("Technologies Huawei");
  ASSERT_FALSE(reordered.empty());
  EXPECT_EQ(reordered[0].key, "ent:CN:huaweitechnology");
  EXPECT_TRUE(Has(reordered[0].reasons, "token order"));
}

TEST_F(ScreenerTest, RanksAConflictingCountryLower) {
  options_.country = "HK";
  options_.threshold = 50;
  auto c = Screen("Huawei Technologies Co., Ltd.");
  ASSERT_GE(c.size(), 2u);
  EXPECT_EQ(c[0].country, "HK");
  const auto cn = std::find_if(
      c.begin(), c.end(), [](const Candidate& x) { return x.key == "ent:CN:huaweitechnology"; });
  ASSERT_NE(cn, c.end());
  EXPECT_LT(cn->score, c[0].score);
  EXPECT_TRUE(Has(cn->reasons, "country conflicts"));
  EXPECT_TRUE(Has(c[0].reasons, "country agrees"));
}

TEST_F(ScreenerTest, ReportsTheAffiliatesRuleThroughA60PercentOwner) {
  auto c = Screen("Lingxi Precision Optics");
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].name, "Lingxi Precision Optics Co., Ltd.");
  EXPECT_TRUE(c[0].lists.empty());
  ASSERT_TRUE(c[0].affiliation.applies);
  EXPECT_DOUBLE_EQ(c[0].affiliation.pct, 60);
  ASSERT_EQ(c[0].affiliation.paths.size(), 1u);
  const auto& path = c[0].affiliation.paths[0];
  ASSERT_EQ(path.links.size(), 1u);
  EXPECT_NE(path.links[0].owner_name.find("Huawei"), std::string::npos);
  EXPECT_TRUE(Has(path.root_lists, "EL"));
  EXPECT_FALSE(c[0].affiliation.rule_status.empty());
  auto minor = Screen("Qinghe Minor Stake Trading");
  ASSERT_FALSE(minor.empty());
  EXPECT_FALSE(minor[0].affiliation.applies);
  EXPECT_DOUBLE_EQ(minor[0].affiliation.pct, 30);
}

TEST_F(ScreenerTest, NegativesReturnNothingAboveTheThreshold) {
  for (const char* name :
       {"Taiwan Semiconductor Manufacturing Company Limited", "Samsung Electronics Co., Ltd.",
        "Honor Device Co., Ltd.", "Hangzhou Ezviz Network Co., Ltd.", "Nexperia B.V.",
        "Great Wall Motor Company Limited", "Lenovo Group Limited", "台湾积体电路制造股份有限公司",
        "美的集团股份有限公司", "Li Ning Company Limited"}) {
    auto c = Screen(name);
    EXPECT_TRUE(c.empty()) << name << " -> " << c[0].name << " " << c[0].score;
  }
}

TEST_F(ScreenerTest, ShortSpacedInitialsNeedMoreEvidence) {
  auto c = Screen("A-B-C Company");
  for (const auto& x : c) {
    EXPECT_LT(x.score, kDefaultThreshold + 5) << x.name;
  }
}

TEST_F(ScreenerTest, RejectsBadInputWithClearErrors) {
  auto empty = screener_->Screen("   ", options_);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "empty name");
  auto big = screener_->Screen(std::string(10 << 20, 'a'), options_);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("too long"), std::string::npos);
  auto bad = screener_->Screen("Huawei \xFF\xFE", options_);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("UTF-8 at byte 7"), std::string::npos);
  auto punct = screener_->Screen("---", options_);
  ASSERT_FALSE(punct.ok());
}

}  // namespace
}  // namespace ecg::screen
