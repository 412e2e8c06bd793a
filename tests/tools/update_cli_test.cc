// `ecg update` and `ecg ingest` as a nightly job runs them: exit codes, the
// JSON report, a stray index file in a glob, the update lock.
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/testutil/testutil.h"

#include "update/lock.h"

namespace ecg {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout
};

// Runs the binary; stderr goes to `err` when given, else is discarded.
CliRun Ecg(const std::string& args, const std::string& err = "/dev/null") {
  std::string cmd = std::string(ECG_BINARY_DIR) + "/tools/ecg " + args + " 2>" + err;
  CliRun run;
  const testutil::ShellRun r = testutil::RunShell(cmd);
  run.exit_code = r.exit_code;
  run.out = r.out;
  return run;
}

std::string CnManifest(const testutil::TempDir& dir) {
  const std::string path = dir.Sub("m.yaml");
  testutil::WriteFile(path, "sources:\n  - name: cn-lists\n    path: " +
                                testutil::SharedData("cn_lists_xyna") + "/*.json\n");
  return path;
}

TEST(UpdateCliTest, AStrayIndexFileInAGlobIsAWarningNotAFailure) {
  testutil::TempDir dir;
  const std::string db = dir.Sub("db");
  const std::string err = dir.Sub("err");
  CliRun r = Ecg("--db " + db + " update " + CnManifest(dir) + " --json", err);
  EXPECT_EQ(r.exit_code, 0) << r.out << testutil::ReadFile(err);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_EQ(j["sources"][0]["outcome"], "ingested");
  ASSERT_EQ(j["sources"][0]["warnings"].size(), 1u);
  EXPECT_NE(j["sources"][0]["warnings"][0].get<std::string>().find("manifest.json"),
            std::string::npos);
  ASSERT_EQ(j["sources"][0]["files"].size(), 2u);
  EXPECT_EQ(j["sources"][0]["files"][1]["status"], "skipped");

  // The same through `ecg ingest` with the glob expanded by the shell.
  const std::string db2 = dir.Sub("db2");
  CliRun i =
      Ecg("--db " + db2 + " ingest " + testutil::SharedData("cn_lists_xyna") + "/*.json", err);
  EXPECT_EQ(i.exit_code, 0) << i.out;
  EXPECT_NE(testutil::ReadFile(err).find("warning"), std::string::npos);
  EXPECT_NE(i.out.find("1 skipped"), std::string::npos) << i.out;

  // A second update finds nothing new.
  CliRun again = Ecg("--db " + db + " update " + CnManifest(dir));
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("cn-lists: unchanged"), std::string::npos) << again.out;
}

TEST(UpdateCliTest, ABadManifestNamesItsLine) {
  testutil::TempDir dir;
  const std::string path = dir.Sub("bad.yaml");
  testutil::WriteFile(path, "sources:\n  - name: a\n    paht: x\n");
  const std::string err = dir.Sub("err");
  CliRun r = Ecg("--db " + dir.Sub("db") + " update " + path, err);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(testutil::ReadFile(err).find("bad.yaml:3: unknown key 'paht'"), std::string::npos)
      << testutil::ReadFile(err);
}

TEST(UpdateCliTest, AMissingSourceIsRejectedWithExitTwo) {
  testutil::TempDir dir;
  const std::string path = dir.Sub("m.yaml");
  testutil::WriteFile(path,
                      "sources:\n  - name: gone\n    path: nowhere/*.csv\n  - name: meu\n"
                      "    path: " +
                          testutil::SharedData("bis_entity_list_ecfr_nsfreg/bis_meu.json") + "\n");
  CliRun r = Ecg("--db " + dir.Sub("db") + " update " + path);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("gone: rejected"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("meu: ingested"), std::string::npos) << r.out;
}

TEST(UpdateCliTest, TheLockKeepsASecondUpdateOut) {
  testutil::TempDir dir;
  const std::string db = dir.Sub("db");
  auto lock = update::UpdateLock::Acquire(db + ".cache");
  ASSERT_TRUE(lock.ok()) << lock.status().ToString();
  const std::string err = dir.Sub("err");
  CliRun r = Ecg("--db " + db + " update " + CnManifest(dir), err);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(testutil::ReadFile(err).find("another ecg update is running"), std::string::npos)
      << testutil::ReadFile(err);
}

}  // namespace
}  // namespace ecg
