// Tests of the regulation writer on the Commerce Control List, the country
// tables, the 2015 CCL index and the technology mapping (real data).
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/detect.h"
#include "tests/ingest/regs_writer_test_util.h"

namespace ecg::ingest {
namespace {

Date D(const char* s) {
  return Date::Parse(s).value();
}

RegFile Parse(const std::string& path, const std::string& name) {
  Result<RegFile> file = ParseRegFile(testutil::ReadFile(path), name);
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  return file.ok() ? std::move(file).value() : RegFile{};
}

std::vector<RegFile> AllTables() {
  std::vector<RegFile> files;
  files.push_back(Parse(testutil::SharedData("ccl_ecfr_seelpeed/ccl.json"), "ccl.json"));
  files.push_back(
      Parse(testutil::SharedData("ccl_ecfr_seelpeed/country-groups.json"), "country-groups.json"));
  files.push_back(
      Parse(testutil::SharedData("ccl_ecfr_seelpeed/country-chart.json"), "country-chart.json"));
  files.push_back(
      Parse(testutil::SharedData("ccl_index_ita_2015/eccn.descs.2015.05.20.csv"), "index.csv"));
  files.push_back(
      Parse(std::string(ECG_SOURCE_DIR) + "/ingest/data/technologies.csv", "technologies.csv"));
  return files;
}

Status WriteFiles(RegWriter* w, const std::vector<RegFile>& files) {
  for (const RegFile& f : files) {
    ECG_RETURN_IF_ERROR(w->WriteRegFile(f));
  }
  return Status::OK();
}

std::vector<double> Numbers(const std::vector<Value>& values) {
  std::vector<double> out;
  for (const Value& v : values) {
    EXPECT_EQ(v.type(), PropertyType::kDouble) << v.ToString();
    out.push_back(v.type() == PropertyType::kDouble ? v.as_double() : -1);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Strings(const std::vector<Value>& values) {
  std::vector<std::string> out;
  for (const Value& v : values) {
    out.push_back(v.ToString());
  }
  std::sort(out.begin(), out.end());
  return out;
}

using RegWriterCclTest = RegWriterTest;

TEST_F(RegWriterCclTest, Eccn3A090HasReasonsThresholdsAndParagraphs) {
  std::vector<RegFile> files = AllTables();
  Write("tables", [&](RegWriter* w) { return WriteFiles(w, files); });
  VertexId eccn = Find(VertexKind::kEccn, "3A090");
  ASSERT_TRUE(eccn.valid());
  EXPECT_EQ(Strings(Values(eccn, "reason")), (std::vector<std::string>{"AT", "RS"}));
  // Every threshold of its paragraphs: 4800 and 1600 (3A090.a), 2400 / 1.6 /
  // 3.2 (3A090.b) and performance density 5.92 (3A090.a).
  EXPECT_EQ(Numbers(Values(eccn, "tpp")), (std::vector<double>{1600, 2400, 4800}));
  EXPECT_EQ(Numbers(Values(eccn, "performance_density")), (std::vector<double>{1.6, 3.2, 5.92}));
  EXPECT_EQ(Get(eccn, "subtype").ToString(), "eccn");
  EXPECT_EQ(Get(eccn, "category").ToString(), "3");
  EXPECT_FALSE(Get(eccn, "heading").is_null());
  std::vector<std::string> exceptions = Strings(Values(eccn, "license_exception"));
  EXPECT_NE(std::find(exceptions.begin(), exceptions.end(), "HBM"), exceptions.end());

  std::vector<EdgeSeen> children = Edges(eccn, store::Direction::kOut, EdgeType::kParentOf);
  std::vector<std::string> keys;
  for (const EdgeSeen& e : children) {
    keys.push_back(e.other_key);
  }
  EXPECT_NE(std::find(keys.begin(), keys.end(), "3A090.a"), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "3A090.c"), keys.end());
  VertexId a = Find(VertexKind::kEccn, "3A090.a");
  EXPECT_EQ(Get(a, "subtype").ToString(), "paragraph");
  EXPECT_EQ(Numbers(Values(a, "tpp")), (std::vector<double>{1600, 4800}));

  VertexId e4091 = Find(VertexKind::kEccn, "4E091");
  ASSERT_TRUE(e4091.valid());
  Value ops = Get(e4091, "operations");
  ASSERT_EQ(ops.type(), PropertyType::kDouble);
  EXPECT_DOUBLE_EQ(ops.as_double(), 1e26);
}

TEST_F(RegWriterCclTest, CountriesAndGroups) {
  std::vector<RegFile> files = AllTables();
  Write("tables", [&](RegWriter* w) { return WriteFiles(w, files); });
  VertexId cn = Find(VertexKind::kCountry, "CN");
  VertexId d5 = Find(VertexKind::kCountry, "D:5");
  ASSERT_TRUE(cn.valid());
  ASSERT_TRUE(d5.valid());
  EXPECT_EQ(Get(d5, "subtype").ToString(), "group");
  EXPECT_EQ(Get(cn, "subtype").ToString(), "country");
  EXPECT_EQ(Get(cn, "code").ToString(), "CN");
  EXPECT_FALSE(Get(cn, "name").is_null());
  std::vector<EdgeSeen> groups = Edges(cn, store::Direction::kOut, EdgeType::kMemberOf);
  EXPECT_NE(FindEdge(groups, "D:5"), nullptr);
  EXPECT_NE(FindEdge(groups, "D:1"), nullptr);
  EXPECT_GT(Edges(d5, store::Direction::kIn, EdgeType::kMemberOf).size(), 10u);
}

TEST_F(RegWriterCclTest, Index2015PutsGraphicsAcceleratorsUnder4A003d) {
  std::vector<RegFile> files = AllTables();
  Write("tables", [&](RegWriter* w) { return WriteFiles(w, files); });
  VertexId tech =
      Find(VertexKind::kTechnology, "idx2015:Graphics accelerators or graphics coprocessors");
  ASSERT_TRUE(tech.valid());
  EXPECT_EQ(Get(tech, "subtype").ToString(), "idx2015");
  std::vector<EdgeSeen> by = Edges(tech, store::Direction::kIn, EdgeType::kControls);
  const EdgeSeen* e = FindEdge(by, "4A003.d");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->edge.meta.valid, Interval::Since(D("2015-06-16")));
  EXPECT_TRUE(
      Edges(tech, store::Direction::kIn, EdgeType::kControls, AsOf(D("2014-12-31"))).empty());
}

TEST_F(RegWriterCclTest, TechnologiesLinkToEccnsAndMakers) {
  std::vector<RegFile> files = AllTables();
  Write("tables", [&](RegWriter* w) { return WriteFiles(w, files); });
  VertexId h100 = Find(VertexKind::kTechnology, "H100");
  ASSERT_TRUE(h100.valid());
  EXPECT_EQ(Get(h100, "name").ToString(), "NVIDIA H100");
  EXPECT_FALSE(Get(h100, "source_note").is_null());
  std::vector<EdgeSeen> eccns = Edges(h100, store::Direction::kIn, EdgeType::kControls);
  EXPECT_NE(FindEdge(eccns, "3A090.a"), nullptr);
  EXPECT_NE(FindEdge(eccns, "4A090.a"), nullptr);
  std::vector<EdgeSeen> makers = Edges(h100, store::Direction::kIn, EdgeType::kProduces);
  ASSERT_EQ(makers.size(), 1u);
  EXPECT_EQ(makers[0].other_key, "maker:nvidia");
  EXPECT_EQ(Get(makers[0].other, "name").ToString(), "NVIDIA");
  std::vector<std::string> aliases = Strings(Values(makers[0].other, "alias"));
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "英伟达"), aliases.end());
  // The Chinese name finds the maker through the name index.
  auto view = store_->NewReadView();
  std::vector<VertexId> hits;
  ASSERT_OK(view->FindByName("英伟达", VertexKind::kEntity, [&](VertexId v, std::string_view) {
    hits.push_back(v);
    return true;
  }));
  EXPECT_EQ(hits, (std::vector<VertexId>{makers[0].other}));
  // EUV lithography: ASML, Chinese alias of the technology.
  VertexId euv = Find(VertexKind::kTechnology, "EUV_LITHO");
  ASSERT_TRUE(euv.valid());
  std::vector<std::string> euv_aliases = Strings(Values(euv, "alias"));
  EXPECT_NE(std::find(euv_aliases.begin(), euv_aliases.end(), "EUV光刻机"), euv_aliases.end());
  EXPECT_NE(FindEdge(Edges(euv, store::Direction::kIn, EdgeType::kProduces), "maker:asml"),
            nullptr);
}

TEST_F(RegWriterCclTest, MakerKnownByNameIsReused) {
  {
    ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("lists"));
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
    ASSERT_OK_AND_ASSIGN(VertexId src, batch->Vertex(VertexKind::kSource, "test:list"));
    ASSERT_OK_AND_ASSIGN(VertexId huawei, batch->Vertex(VertexKind::kEntity, "csl:huawei"));
    ASSERT_OK(
        batch->SetProperty(huawei, prop::kName, Value("Huawei"), Interval::Always(), src).status());
    ASSERT_OK(batch->Commit());
  }
  std::vector<RegFile> files = AllTables();
  Write("tables", [&](RegWriter* w) { return WriteFiles(w, files); });
  VertexId huawei = Find(VertexKind::kEntity, "csl:huawei");
  EXPECT_EQ(Find(VertexKind::kEntity, "maker:huawei"), huawei);
  EXPECT_NE(FindEdge(Edges(huawei, store::Direction::kOut, EdgeType::kProduces), "ASCEND910B"),
            nullptr);
}

TEST_F(RegWriterCclTest, WritingTheTablesTwiceChangesNothing) {
  std::vector<RegFile> files = AllTables();
  RegWriteCounts first = Write("first", [&](RegWriter* w) { return WriteFiles(w, files); });
  EXPECT_GT(first.created, 1000u);
  RegWriteCounts second = Write("second", [&](RegWriter* w) { return WriteFiles(w, files); });
  EXPECT_EQ(second.created, 0u);
  EXPECT_EQ(second.changed, 0u);
  EXPECT_EQ(second.unchanged, first.created + first.changed + first.unchanged);
  std::vector<std::string> problems;
  ASSERT_OK(store_->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems[0];
}

}  // namespace
}  // namespace ecg::ingest
