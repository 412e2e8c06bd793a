// Tests of the regulation handler inside the ingest run: every regulation
// file of ../shared/data ingests with format detection, a second run changes
// nothing, a malformed document is rejected and leaves the graph unchanged.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/run/ingest_run.h"
#include "tests/ingest/regs_writer_test_util.h"

namespace ecg::ingest {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> RegulationFiles() {
  std::vector<std::string> files;
  for (const auto& e :
       fs::directory_iterator(testutil::SharedData("fr_metadata_deepseek_news/_posts"))) {
    if (e.path().extension() == ".md") {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const char* f :
       {"ccl_ecfr_seelpeed/ccl.json", "ccl_ecfr_seelpeed/country-groups.json",
        "ccl_ecfr_seelpeed/country-chart.json", "ccl_index_ita_2015/eccn.descs.2015.05.20.csv",
        "ccl_index_ita_2015/ECCN_Descriptions_2015_06_16.txt"}) {
    files.push_back(testutil::SharedData(f));
  }
  files.push_back(std::string(ECG_SOURCE_DIR) + "/ingest/data/technologies.csv");
  files.push_back(testutil::TestData("regs/fr_entity_list_rule.xml"));
  files.push_back(testutil::TestData("regs/fr_api_document.json"));
  return files;
}

class RegHandlerTest : public RegWriterTest {
 protected:
  void SetUp() override {
    RegWriterTest::SetUp();
    ingester_ = std::make_unique<Ingester>(store_.get(), normalizer_.get());
    RegisterRegHandlers(ingester_.get());
  }
  std::unique_ptr<Ingester> ingester_;
};

TEST_F(RegHandlerTest, EveryRegulationFileIngestsAndASecondRunChangesNothing) {
  std::vector<std::string> files = RegulationFiles();
  RunReport first;
  ASSERT_OK(ingester_->IngestFiles(files, {}, &first));
  ASSERT_EQ(first.files.size(), files.size());
  for (const FileReport& f : first.files) {
    EXPECT_EQ(f.status, FileReport::Status::kLoaded) << f.path << ": " << f.error;
  }
  EXPECT_EQ(first.rejected(), 0u);
  EXPECT_GT(first.Totals().edges_opened, 1000u);
  std::vector<std::string> problems;
  ASSERT_OK(store_->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems[0];

  VertexId affiliates = Find(VertexKind::kRule, "2025-19001");
  ASSERT_TRUE(affiliates.valid());
  EXPECT_EQ(Edges(affiliates, store::Direction::kIn, EdgeType::kSuspends).size(), 1u);
  // The ellipsis of the Windows-1252 index survives the run's decoding.
  EXPECT_TRUE(Find(VertexKind::kTechnology,
                   "idx2015:Computers, parts, components, accessories\u2026 for military "
                   "applications, not on USML")
                  .valid());

  RunReport second;
  ASSERT_OK(ingester_->IngestFiles(files, {}, &second));
  EXPECT_TRUE(second.all_unchanged());
}

TEST_F(RegHandlerTest, MalformedXmlIsRejectedAndWritesNothing) {
  RunReport report;
  ASSERT_OK(ingester_->IngestFiles({testutil::TestData("regs/fr_malformed.xml")}, {}, &report));
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].status, FileReport::Status::kRejected);
  EXPECT_NE(report.files[0].error.find("fr_malformed.xml"), std::string::npos)
      << report.files[0].error;
  auto view = store_->NewReadView();
  ASSERT_OK_AND_ASSIGN(store::Stats stats, view->ComputeStats());
  for (const auto& k : stats.kinds) {
    EXPECT_EQ(k.vertices, 0u) << VertexKindName(k.kind);
  }
}

}  // namespace
}  // namespace ecg::ingest
