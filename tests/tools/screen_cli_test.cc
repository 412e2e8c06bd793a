// `ecg screen` end to end: the binary on a database built by `ecg ingest`
// from the MOFCOM lists and the curated alias file of ../shared/data.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/testutil/testutil.h"

namespace ecg::tools {
namespace {

struct CliRun {
  int code = -1;
  std::string out;
};

CliRun Ecg(const std::string& args) {
  const std::string cmd = std::string(ECG_BINARY_DIR) + "/tools/ecg " + args + " 2>/dev/null";
  const testutil::ShellRun run = testutil::RunShell(cmd);
  CliRun r;
  r.code = run.exit_code;
  r.out = run.out;
  return r;
}

class ScreenCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.Sub("db");
    CliRun ingest = Ecg("--db " + db_ + " ingest " + testutil::SharedData("cn_lists_xyna/cn.json") +
                        " " + ECG_SOURCE_DIR + "/ingest/data/aliases.csv");
    ASSERT_EQ(ingest.code, 0) << ingest.out;
  }
  testutil::TempDir dir_;
  std::string db_;
};

TEST_F(ScreenCliTest, PrintsTheEntityWithReasonsAndLists) {
  CliRun r = Ecg("--db " + db_ + " screen 华为");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("1. 100"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Huawei"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("reasons: exact"), std::string::npos) << r.out;
  CliRun json = Ecg("--db " + db_ + " screen \"Lockheed Martin\" --format json");
  ASSERT_EQ(json.code, 0) << json.out;
  auto j = nlohmann::json::parse(json.out);
  ASSERT_FALSE(j["candidates"].empty()) << json.out;
  EXPECT_NE(j["candidates"][0]["name"].get<std::string>().find("Lockheed"), std::string::npos);
  EXPECT_FALSE(j["candidates"][0]["lists"].empty()) << json.out;
}

TEST_F(ScreenCliTest, BatchReportsBadLinesAndScreensTheRest) {
  const std::string batch = dir_.Sub("batch.txt");
  {
    std::ofstream f(batch, std::ios::binary);
    f << "Huawei Technologies\n";
    f << "\n";
    f << std::string(10 << 20, 'x') << "\n";
    f << "Bad \xFF\xFE name\n";
    f << "洛克希德马丁公司\n";
  }
  CliRun r = Ecg("--db " + db_ + " screen --batch " + batch);
  EXPECT_EQ(r.code, 2);
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(lines, line);) {
    out.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(out.size(), 5u) << r.out.substr(0, 2000);
  EXPECT_FALSE(out[0]["candidates"].empty());
  EXPECT_EQ(out[1]["error"], "empty name");
  EXPECT_NE(out[2]["error"].get<std::string>().find("too long"), std::string::npos);
  EXPECT_LE(out[2]["query"].get<std::string>().size(), 210u);
  EXPECT_NE(out[3]["error"].get<std::string>().find("UTF-8"), std::string::npos);
  EXPECT_EQ(out[3]["line"], 4);
  ASSERT_FALSE(out[4]["candidates"].empty());
  EXPECT_NE(out[4]["candidates"][0]["name"].get<std::string>().find("Lockheed"), std::string::npos);
}

TEST_F(ScreenCliTest, RejectsUsageErrors) {
  EXPECT_NE(Ecg("--db " + db_ + " screen").code, 0);
  EXPECT_EQ(Ecg("--db " + db_ + " screen '   '").code, 2);
}

TEST_F(ScreenCliTest, HelpStatesTheDefaultThresholdAndNearMisses) {
  CliRun r = Ecg("screen --help");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("--threshold INT:INT in [0 - 100]=" + std::to_string(82)), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("--near INT:INT in [0 - 100]=10"), std::string::npos) << r.out;
}

TEST_F(ScreenCliTest, OneVerdictLineWithTheThresholdInTextAndJson) {
  CliRun r = Ecg("--db " + db_ + " screen 洛克希德马丁公司");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("verdict: match (threshold 82): ", 0), 0u) << r.out;
  size_t verdicts = 0;
  for (size_t p = r.out.find("verdict:"); p != std::string::npos;
       p = r.out.find("verdict:", p + 1)) {
    ++verdicts;
  }
  EXPECT_EQ(verdicts, 1u) << r.out;
  CliRun json = Ecg("--db " + db_ + " screen 洛克希德马丁公司 --format json");
  ASSERT_EQ(json.code, 0) << json.out;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["verdict"], "match");
  EXPECT_EQ(j["threshold"], 82);
  // The text's verdict line is the JSON's.
  EXPECT_NE(r.out.find("verdict: " + j["verdict_line"].get<std::string>() + "\n"),
            std::string::npos)
      << r.out;
  // A name nothing resembles.
  CliRun none = Ecg("--db " + db_ + " screen 'Zyxwvut Qqqq Holdings'");
  ASSERT_EQ(none.code, 0) << none.out;
  EXPECT_EQ(none.out.rfind("verdict: no match (threshold 82): ", 0), 0u) << none.out;
  CliRun strict =
      Ecg("--db " + db_ + " screen 洛克希德马丁公司 --threshold 100 --near 0 --format json");
  ASSERT_EQ(strict.code, 0) << strict.out;
  EXPECT_EQ(nlohmann::json::parse(strict.out)["threshold"], 100);
}

TEST_F(ScreenCliTest, NearMissesBelowTheThresholdAreShownApart) {
  // A misspelt name: its best candidate's score, then a threshold just above it.
  const std::string name = "'Lockhead Martn Corporation'";
  auto best = nlohmann::json::parse(
      Ecg("--db " + db_ + " screen " + name + " --threshold 50 --format json").out);
  ASSERT_FALSE(best["candidates"].empty()) << best.dump();
  const int score = best["candidates"][0]["score"].get<int>();
  ASSERT_LT(score, 100);
  const std::string above = " --threshold " + std::to_string(score + 1);
  CliRun text = Ecg("--db " + db_ + " screen " + name + above + " --near 5");
  ASSERT_EQ(text.code, 0) << text.out;
  EXPECT_EQ(
      text.out.rfind("verdict: possible match (threshold " + std::to_string(score + 1) + ")", 0),
      0u)
      << text.out;
  EXPECT_NE(text.out.find("near misses (scores " + std::to_string(score - 4) + " to " +
                          std::to_string(score) + ", below the threshold " +
                          std::to_string(score + 1) + "):"),
            std::string::npos)
      << text.out;
  auto json = nlohmann::json::parse(
      Ecg("--db " + db_ + " screen " + name + above + " --near 5 --format json").out);
  EXPECT_EQ(json["verdict"], "possible match");
  EXPECT_TRUE(json["candidates"].empty()) << json.dump();
  ASSERT_FALSE(json["near_misses"].empty()) << json.dump();
  EXPECT_EQ(json["near_misses"][0]["score"], score);
  // --near 0: no near misses, and no match.
  CliRun off = Ecg("--db " + db_ + " screen " + name + above + " --near 0");
  EXPECT_EQ(off.out.rfind("verdict: no match", 0), 0u) << off.out;
  EXPECT_EQ(off.out.find("near misses"), std::string::npos) << off.out;
}

TEST_F(ScreenCliTest, OneLinePerListWithEveryCitation) {
  CliRun json = Ecg("--db " + db_ + " screen 洛克希德马丁公司 --format json");
  auto j = nlohmann::json::parse(json.out);
  ASSERT_FALSE(j["candidates"].empty()) << json.out;
  ASSERT_FALSE(j["candidates"][0]["lists"].empty()) << json.out;
  CliRun text = Ecg("--db " + db_ + " screen 洛克希德马丁公司 --limit 1");
  for (const auto& l : j["candidates"][0]["lists"]) {
    const std::string code = l["list"].get<std::string>();
    size_t lines = 0;
    const std::string head = "     list " + code + " (";
    for (size_t p = text.out.find(head); p != std::string::npos; p = text.out.find(head, p + 1)) {
      ++lines;
    }
    EXPECT_EQ(lines, 1u) << code << "\n" << text.out;
    for (const auto& c : l["citations"]) {
      EXPECT_NE(text.out.find(c.get<std::string>()), std::string::npos) << c << text.out;
    }
  }
}

TEST_F(ScreenCliTest, SaysWhenTheGraphHoldsNoOwnershipData) {
  const std::string notice = "the graph holds no ownership data";
  CliRun r = Ecg("--db " + db_ + " screen 华为");
  EXPECT_NE(r.out.find("note: " + notice), std::string::npos) << r.out;
  auto j = nlohmann::json::parse(Ecg("--db " + db_ + " screen 华为 --format json").out);
  EXPECT_EQ(j["affiliates_rule"]["ownership_data"], false);
  CliRun aff = Ecg("--db " + db_ + " query 'entity ~\"华为\" | affiliates'");
  EXPECT_NE(aff.out.find(notice), std::string::npos) << aff.out;
  // With the demo's ownership file the notice goes.
  ASSERT_EQ(
      Ecg("--db " + db_ + " ingest " + std::string(ECG_SOURCE_DIR) + "/demo/lists/ownership.csv")
          .code,
      0);
  CliRun after = Ecg("--db " + db_ + " screen 华为");
  EXPECT_EQ(after.out.find(notice), std::string::npos) << after.out;
  CliRun aff_after = Ecg("--db " + db_ + " query 'entity ~\"华为\" | affiliates'");
  EXPECT_EQ(aff_after.out.find(notice), std::string::npos) << aff_after.out;
}

}  // namespace
}  // namespace ecg::tools
