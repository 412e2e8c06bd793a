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

}  // namespace
}  // namespace ecg::tools
