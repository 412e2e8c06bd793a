// Replicas: `ecg snapshot DIR` writes a checkpoint that a server opens like
// the original, while the original keeps taking ingests.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/serve/serve_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg::serve {
namespace {

TEST(SnapshotTest, AServerAnswersFromASnapshot) {
  testutil::TempDir dir;
  const std::string db = dir.Sub("db");
  std::filesystem::copy(testing::DemoDb(), db, std::filesystem::copy_options::recursive);
  const std::string snap = dir.Sub("snap");
  auto r = testing::Ecg("--db " + db + " snapshot " + snap);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("as of run"), std::string::npos) << r.out;
  // A second snapshot into the same directory is refused.
  EXPECT_EQ(testing::Ecg("--db " + db + " snapshot " + snap).code, 2);

  testing::RunningServer server(snap, testing::TestOptions());
  ASSERT_TRUE(server.ok());
  httplib::Client c("127.0.0.1", server.port());
  auto m = c.Post("/match", R"({"queries":{"q":{"properties":{"name":["华为技术有限公司"]}}}})",
                  "application/json");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->status, 200) << m->body;
  auto j = nlohmann::json::parse(m->body);
  ASSERT_FALSE(j["responses"]["q"]["results"].empty()) << m->body;
  EXPECT_EQ(j["responses"]["q"]["results"][0]["caption"], "Huawei Technologies Co., Ltd.");
  // The original still takes writes while the snapshot is served.
  auto ingest = testing::Ecg("--db " + db + " ingest '" + testing::DemoFiles()[0] + "'");
  EXPECT_EQ(ingest.code, 0) << ingest.out;
}

}  // namespace
}  // namespace ecg::serve
