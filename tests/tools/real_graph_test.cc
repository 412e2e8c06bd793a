// Acceptance on the real data: every source file in ../shared/data ingested
// into one graph (once for the whole suite), then the questions analysts and
// journalists ask, each as one line of the query language.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/run/ingest_run.h"
#include "query/engine.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg {
namespace {

std::vector<std::string> AllSourceFiles() {
  const std::string data = ECG_SHARED_DATA;
  std::vector<std::string> files = {
      data + "/csl_compact_seelpeed/screening-list.json",
      data + "/csl_raw_watchman/consolidated_2025-06_sample.csv",
      data + "/csl_raw_watchman/csl_2019-12_sample.csv",
      data + "/csl_raw_watchman/csl_2023-11_subset.csv",
      data + "/bis_entity_list_ecfr_nsfreg/bis_entity_list.json",
      data + "/bis_entity_list_ecfr_nsfreg/bis_meu.json",
      data + "/bis_entity_list_ecfr_nsfreg/dow_1260h.json",
      data + "/bis_entity_list_ecfr_nsfreg/ofac_nscmic.json",
      data + "/bis_entity_list_ecfr_nsfreg/lists.json",
      data + "/us_lists_opensanctions/bis_mieu.csv",
      data + "/us_lists_opensanctions/dod_chinese_milcorps_1260h.csv",
      data + "/us_lists_opensanctions/fcc_covered_list_table.csv",
      data + "/cn_sanctions_opensanctions/sanctions_2026-06-29.csv",
      data + "/cn_sanctions_opensanctions/sanctions_2026-08-07.csv",
      data + "/cn_lists_xyna/cn.json",
      std::string(ECG_SOURCE_DIR) + "/ingest/data/aliases.csv",
      data + "/ccl_ecfr_seelpeed/ccl.json",
      data + "/ccl_ecfr_seelpeed/country-groups.json",
      data + "/ccl_ecfr_seelpeed/country-chart.json",
      data + "/ccl_index_ita_2015/ECCN_Descriptions_2015_06_16.txt",
      data + "/ccl_index_ita_2015/eccn.descs.2015.05.20.csv",
      std::string(ECG_SOURCE_DIR) + "/ingest/data/technologies.csv",
  };
  std::vector<std::string> posts;
  for (const char* dir :
       {"/fr_metadata_deepseek_news/_posts", "/seed_article_zh", "/news_zh_hkcnews"}) {
    std::vector<std::string> in_dir;
    for (const auto& e : std::filesystem::directory_iterator(data + dir)) {
      in_dir.push_back(e.path().string());
    }
    std::sort(in_dir.begin(), in_dir.end());
    posts.insert(posts.end(), in_dir.begin(), in_dir.end());
  }
  files.insert(files.end(), posts.begin(), posts.end());
  return files;
}

class RealGraphTest : public ::testing::Test {
 protected:
  // The graph is built once for the suite: ingesting everything takes seconds.
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testutil::TempDir>();
    normalizer_ = text::TextNormalizer::Create().value();
    store::Options options;
    options.normalizer = normalizer_.get();
    store_ = store::GraphStore::Open(dir_->Sub("db"), options).value();
    ingest::Ingester ingester(store_.get(), normalizer_.get());
    ingester.RegisterDefaultHandlers();
    first_status_ = ingester.IngestFiles(AllSourceFiles(), {}, &first_);
    second_status_ = ingester.IngestFiles(AllSourceFiles(), {}, &second_);
  }
  static void TearDownTestSuite() {
    store_.reset();
    normalizer_.reset();
    dir_.reset();
  }

  // Runs a query and returns the values of its first column, as text.
  std::vector<std::string> Column(const std::string& text, size_t column = 0) {
    query::ExecOptions options;
    options.today = Date::FromYmd(2026, 11, 28);
    options.max_rows = 100000;
    query::Engine engine(*store_, options);
    auto rs = engine.Run(text);
    EXPECT_TRUE(rs.ok()) << text << ": " << rs.status().ToString();
    std::vector<std::string> out;
    if (rs.ok()) {
      for (const auto& row : rs->rows) {
        out.push_back(row.at(column).ToString());
      }
    }
    return out;
  }

  static bool Has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }

  static inline std::unique_ptr<testutil::TempDir> dir_;
  static inline std::unique_ptr<text::TextNormalizer> normalizer_;
  static inline std::unique_ptr<store::GraphStore> store_;
  static inline ingest::RunReport first_;
  static inline ingest::RunReport second_;
  static inline Status first_status_;
  static inline Status second_status_;
};

TEST_F(RealGraphTest, EverySourceIngestsAndASecondRunChangesNothing) {
  ASSERT_OK(first_status_);
  EXPECT_EQ(first_.rejected(), 0u) << first_.ToText();
  EXPECT_EQ(first_.files.size(), AllSourceFiles().size());
  ASSERT_OK(second_status_);
  EXPECT_TRUE(second_.all_unchanged()) << second_.ToText();
  std::vector<std::string> problems;
  ASSERT_OK(store_->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST_F(RealGraphTest, WhichEntitiesDidARuleAdd) {
  auto names = Column("rule \"85 FR 83420\" -> adds entity | as of any | select name");
  EXPECT_GT(names.size(), 10u);
  EXPECT_TRUE(Has(names, "Semiconductor Manufacturing International Corporation"));
  EXPECT_TRUE(Has(names, "SZ DJI Technology Co., Ltd."));
}

TEST_F(RealGraphTest, EverythingThatHappenedToSmicInOrder) {
  auto events = Column(
      "entity \"Semiconductor Manufacturing International Corporation\" | history | "
      "select field, value",
      1);
  bool added = false;
  bool revised = false;
  for (const auto& e : events) {
    added = added || e.find("85 FR 83420") != std::string::npos;
    revised = revised || e.find("89 FR 96837") != std::string::npos;
  }
  EXPECT_TRUE(added);
  EXPECT_TRUE(revised);
  auto from = Column(
      "entity \"Semiconductor Manufacturing International Corporation\" | history | select from");
  for (size_t i = 1; i < from.size(); ++i) {
    if (!from[i - 1].empty() && !from[i].empty()) {
      EXPECT_LE(from[i - 1], from[i]);  // ISO dates sort as text
    }
  }
}

TEST_F(RealGraphTest, EntityListThenAndNowForChina) {
  auto changes = Column(
      "list EL <- listed_on entity | where country = \"CN\" | diff 2020-01-01 .. today | "
      "select change");
  EXPECT_GT(std::count(changes.begin(), changes.end(), "added"), 100);
}

TEST_F(RealGraphTest, ListedEntitiesMentionedByChineseArticles) {
  auto names = Column(
      "article where lang = \"zh\" -> mentions entity | where listed | distinct | select name");
  EXPECT_TRUE(Has(names, "Semiconductor Manufacturing International Corporation"));
  bool huawei = false;
  for (const auto& n : names) {
    huawei = huawei || n.rfind("Huawei Technologies", 0) == 0;
  }
  EXPECT_TRUE(huawei);
}

TEST_F(RealGraphTest, ChineseNamesAndPinyinReachTheListedEntity) {
  for (const char* q : {"entity ~\"华为\" | select key", "entity ~\"華為\" | select key",
                        "entity ~\"中芯国际\" | select key"}) {
    EXPECT_FALSE(Column(q).empty()) << q;
  }
  auto eccn = Column("eccn 3A090 | select reason");
  ASSERT_EQ(eccn.size(), 1u);
  EXPECT_NE(eccn[0].find("RS"), std::string::npos);
}

}  // namespace
}  // namespace ecg
