// Format detection and dispatch over every real regulation file in
// ../shared/data, the fixtures in tests/data/regs and the shipped
// ingest/data/technologies.csv (also checked for content here).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/detect.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

namespace fs = std::filesystem;

std::string Detect(const std::string& path) {
  Result<std::string> f =
      DetectRegFormat(testutil::ReadFile(path), fs::path(path).filename().string());
  EXPECT_TRUE(f.ok()) << path << ": " << f.status().ToString();
  return f.ok() ? *f : "";
}

std::string TechnologiesPath() {
  return std::string(ECG_SOURCE_DIR) + "/ingest/data/technologies.csv";
}

TEST(RegDetectTest, EveryRealRegulationFile) {
  size_t posts = 0;
  for (const auto& e :
       fs::directory_iterator(testutil::SharedData("fr_metadata_deepseek_news/_posts"))) {
    EXPECT_EQ(Detect(e.path().string()), kFormatFrPost) << e.path();
    ++posts;
  }
  EXPECT_EQ(posts, 159u);
  EXPECT_EQ(Detect(testutil::SharedData("ccl_ecfr_seelpeed/ccl.json")), kFormatCcl);
  EXPECT_EQ(Detect(testutil::SharedData("ccl_ecfr_seelpeed/country-groups.json")),
            kFormatCountryGroups);
  EXPECT_EQ(Detect(testutil::SharedData("ccl_ecfr_seelpeed/country-chart.json")),
            kFormatCountryChart);
  EXPECT_EQ(Detect(testutil::SharedData("ccl_index_ita_2015/eccn.descs.2015.05.20.csv")),
            kFormatCclIndex);
  EXPECT_EQ(Detect(testutil::SharedData("ccl_index_ita_2015/ECCN_Descriptions_2015_06_16.txt")),
            kFormatCclIndex);
}

TEST(RegDetectTest, FixturesAndShippedMapping) {
  EXPECT_EQ(Detect(testutil::TestData("regs/fr_entity_list_rule.xml")), kFormatFrXml);
  EXPECT_EQ(Detect(testutil::TestData("regs/fr_malformed.xml")), kFormatFrXml);
  EXPECT_EQ(Detect(testutil::TestData("regs/fr_api_document.json")), kFormatFrJson);
  EXPECT_EQ(Detect(testutil::TestData("regs/fr_api_results_page.json")), kFormatFrJson);
  EXPECT_EQ(Detect(testutil::TestData("regs/fr_api_truncated.json")), kFormatFrJson);
  EXPECT_EQ(Detect(TechnologiesPath()), kFormatTechnologies);
}

TEST(RegDetectTest, OtherFilesAreNotSupported) {
  Result<std::string> csl = DetectRegFormat(
      testutil::ReadFile(testutil::SharedData("csl_compact_seelpeed/screening-list.json")),
      "screening-list.json");
  ASSERT_FALSE(csl.ok());
  EXPECT_EQ(csl.status().code(), StatusCode::kNotSupported);
  Result<std::string> text = DetectRegFormat("hello", "a.txt");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("a.txt"), std::string::npos);
}

TEST(RegDetectTest, DispatchParsesEachFormat) {
  std::string path = testutil::SharedData("ccl_ecfr_seelpeed/country-groups.json");
  ASSERT_OK_AND_ASSIGN(RegFile groups,
                       ParseRegFile(testutil::ReadFile(path), "country-groups.json"));
  EXPECT_EQ(groups.format, kFormatCountryGroups);
  EXPECT_FALSE(groups.countries.countries.empty());
  ASSERT_OK_AND_ASSIGN(
      RegFile xml,
      ParseRegFile(testutil::ReadFile(testutil::TestData("regs/fr_entity_list_rule.xml")),
                   "fr_entity_list_rule.xml"));
  ASSERT_EQ(xml.documents.size(), 1u);
  EXPECT_EQ(xml.documents[0].citation, "89 FR 96830");
  Result<RegFile> bad = ParseRegFile(
      testutil::ReadFile(testutil::TestData("regs/fr_malformed.xml")), "fr_malformed.xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 9"), std::string::npos);
}

const Technology* FindTech(const std::vector<Technology>& techs, const std::string& code) {
  auto it =
      std::find_if(techs.begin(), techs.end(), [&](const Technology& t) { return t.code == code; });
  return it == techs.end() ? nullptr : &*it;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(TechnologiesTest, ShippedMappingLoadsWithChineseNamesAndMakers) {
  std::string bytes = testutil::ReadFile(TechnologiesPath());
  ASSERT_OK_AND_ASSIGN(std::vector<Technology> techs, LoadTechnologies(bytes, "technologies.csv"));
  for (const char* code :
       {"H100",       "H800",      "A100",  "A800",       "H20",           "B200",
        "MI250",      "MI300",     "GAUDI", "ASCEND910B", "HBM2E",         "HBM3",
        "EUV_LITHO",  "DUV_LITHO", "ETCH",  "HBM",        "MODEL_WEIGHTS", "ADV_COMPUTING_IC",
        "TENSORFLOW", "PYTORCH"}) {
    const Technology* t = FindTech(techs, code);
    ASSERT_NE(t, nullptr) << code;
    EXPECT_FALSE(t->source_note.empty()) << code;
  }
  const Technology* h100 = FindTech(techs, "H100");
  EXPECT_TRUE(Has(h100->eccns, "3A090.a"));
  EXPECT_EQ(h100->makers, (std::vector<std::string>{"NVIDIA"}));
  EXPECT_EQ(h100->maker_zh, (std::vector<std::string>{"英伟达"}));
  // The seed article's terms.
  EXPECT_TRUE(Has(FindTech(techs, "EUV_LITHO")->name_zh, "EUV光刻机"));
  // The general term is its own technology; the specific ones are not it.
  EXPECT_TRUE(Has(FindTech(techs, "LITHO")->name_zh, "光刻机"));
  EXPECT_FALSE(Has(FindTech(techs, "DUV_LITHO")->name_zh, "光刻机"));
  EXPECT_TRUE(Has(FindTech(techs, "IC")->name_zh, "芯片"));
  EXPECT_TRUE(Has(FindTech(techs, "ETCH")->name_zh, "刻蚀机"));
  EXPECT_TRUE(Has(FindTech(techs, "HBM")->name_zh, "高带宽内存"));
  EXPECT_TRUE(Has(FindTech(techs, "MODEL_WEIGHTS")->name_zh, "模型权重"));
  EXPECT_TRUE(Has(FindTech(techs, "ADV_COMPUTING_IC")->name_zh, "高性能AI芯片"));
  EXPECT_TRUE(Has(FindTech(techs, "ADV_COMPUTING_IC")->name_zh, "AI芯片"));
  EXPECT_EQ(FindTech(techs, "MODEL_WEIGHTS")->eccns, (std::vector<std::string>{"4E091"}));
  EXPECT_EQ(FindTech(techs, "EUV_LITHO")->maker_zh, (std::vector<std::string>{"阿斯麦"}));
  EXPECT_EQ(FindTech(techs, "ASCEND910B")->maker_zh, (std::vector<std::string>{"华为"}));
  // Line numbers count the comment block.
  EXPECT_GT(techs[0].line, 10u);
  EXPECT_EQ(bytes.substr(0, 1), "#");
}

TEST(TechnologiesTest, ErrorsNameTheLine) {
  std::string header(kTechnologiesHeader);
  Result<std::vector<Technology>> bad_eccn =
      LoadTechnologies("# comment\n" + header + "\nX,Thing,,,3A09,,,note\n", "t.csv");
  ASSERT_FALSE(bad_eccn.ok());
  EXPECT_NE(bad_eccn.status().message().find("t.csv: line 3: \"3A09\" is not an ECCN"),
            std::string::npos)
      << bad_eccn.status().message();
  Result<std::vector<Technology>> dup =
      LoadTechnologies(header + "\nX,A,,,,,,n\nX,B,,,,,,n\n", "t.csv");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("line 3: duplicate code"), std::string::npos);
  Result<std::vector<Technology>> makers =
      LoadTechnologies(header + "\nX,A,,,,NVIDIA|AMD,英伟达,n\n", "t.csv");
  ASSERT_FALSE(makers.ok());
  EXPECT_NE(makers.status().message().find("line 2: maker_zh"), std::string::npos);
  Result<std::vector<Technology>> fields = LoadTechnologies(header + "\nX,A,,\n", "t.csv");
  ASSERT_FALSE(fields.ok());
  EXPECT_NE(fields.status().message().find("line 2: expected 8 fields"), std::string::npos);
  Result<std::vector<Technology>> head = LoadTechnologies("code,name\n", "t.csv");
  ASSERT_FALSE(head.ok());
  EXPECT_NE(head.status().message().find("line 1: header"), std::string::npos);
}

}  // namespace
}  // namespace ecg::ingest
