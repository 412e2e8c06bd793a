// End-to-end tests of `ecg query` and a piped `ecg shell` on the demo graph
// (built from demo/ with the real `ecg ingest`, as scripts/demo.sh does):
// truncation stated in every format with exit 6, tables fitted to 80 and 120
// columns, notices for start keys that match nothing, and a piped shell's
// exit status.
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "query/display_width.h"
#include "tests/testutil/testutil.h"

namespace ecg {
namespace {

struct ShRun {
  int exit_code = -1;
  std::string out;
};

ShRun Sh(const std::string& cmd) {
  ShRun run;
  const testutil::ShellRun r = testutil::RunShell(cmd);
  run.exit_code = r.exit_code;
  run.out = r.out;
  return run;
}

std::string EcgBin() {
  return std::string(ECG_BINARY_DIR) + "/tools/ecg";
}

class QueryCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testutil::TempDir();
    db_ = dir_->Sub("demo.db");
    ShRun r = Sh("ECG=" + EcgBin() + " " + std::string(ECG_SOURCE_DIR) + "/scripts/demo_graph.sh " +
                 db_ + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // `ecg query QUERY ARGS` with stdout only, or with stderr too.
  static ShRun Query(const std::string& query, const std::string& args, bool with_stderr = false) {
    return Sh(EcgBin() + " --db " + db_ + " query '" + query + "' " + args +
              (with_stderr ? " 2>&1" : " 2>/dev/null"));
  }

  static testutil::TempDir* dir_;
  static std::string db_;
};

testutil::TempDir* QueryCliTest::dir_ = nullptr;
std::string QueryCliTest::db_;

TEST_F(QueryCliTest, CutAnswersSaySoInEveryFormatAndExitSix) {
  ShRun whole = Query("entity | select name", "-f csv");
  ASSERT_EQ(whole.exit_code, 0) << whole.out;
  ShRun table = Query("entity | select name", "--max-rows 2");
  EXPECT_EQ(table.exit_code, 6) << table.out;
  EXPECT_NE(table.out.find("(2 rows, truncated)"), std::string::npos) << table.out;
  ShRun csv = Query("entity | select name", "--max-rows 2 -f csv", /*with_stderr=*/true);
  EXPECT_EQ(csv.exit_code, 6) << csv.out;
  EXPECT_NE(csv.out.find("ecg: result cut at max_rows (2 rows)"), std::string::npos) << csv.out;
  ShRun json = Query("entity | select name", "--max-rows 2 -f json");
  EXPECT_EQ(json.exit_code, 6) << json.out;
  std::string last = json.out.substr(json.out.rfind('\n', json.out.size() - 2) + 1);
  EXPECT_EQ(nlohmann::json::parse(last)["truncated"], true) << json.out;
}

TEST_F(QueryCliTest, TablesFitTheTerminalWidth) {
  const std::string q = "entity | select key, name, alias, address, country";
  for (int width : {80, 120}) {
    ShRun r = Sh("COLUMNS=" + std::to_string(width) + " " + EcgBin() + " --db " + db_ + " query '" +
                 q + "'");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    size_t start = 0;
    while (start < r.out.size()) {
      size_t end = r.out.find('\n', start);
      std::string line = r.out.substr(start, end - start);
      EXPECT_LE(query::DisplayWidth(line), static_cast<size_t>(width)) << line;
      start = end + 1;
    }
  }
  ShRun wide = Sh("COLUMNS=80 " + EcgBin() + " --db " + db_ + " query '" + q + "' --wide");
  ASSERT_EQ(wide.exit_code, 0) << wide.out;
  EXPECT_EQ(wide.out.find("\xE2\x80\xA6"), std::string::npos) << wide.out;
}

TEST_F(QueryCliTest, MissingBatchFileIsBadInputNotABusyDatabase) {
  ShRun r = Sh(EcgBin() + " --db " + db_ + " screen --batch /no/such/file 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("cannot read batch file"), std::string::npos) << r.out;
}

// A source's `path` is the file it was read from, not its key.
TEST_F(QueryCliTest, SourcePathIsTheFilePath) {
  ShRun r = Query("source | where format = \"ownership-csv\" | select key, path", "-f csv");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::vector<std::vector<std::string>> rows = testutil::ReadCsv(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[1][1], "demo/lists/ownership.csv") << r.out;
  EXPECT_NE(rows[1][0], rows[1][1]) << r.out;
  // The traversal path stays the `path` operator's.
  ShRun p = Query("source | where format = \"ownership-csv\" | path", "-f csv");
  ASSERT_EQ(p.exit_code, 0) << p.out;
  EXPECT_EQ(testutil::ReadCsv(p.out)[1][0], rows[1][0]) << p.out;
}

TEST_F(QueryCliTest, StartKeysThatMatchNothingGetANotice) {
  ShRun r = Query("rule 2099-99999 | select key", "");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("note: no rule has the key or name '2099-99999'"), std::string::npos)
      << r.out;
}

TEST_F(QueryCliTest, PipedShellExitsNonZeroWhenAnyQueryFailed) {
  std::string shell = EcgBin() + " --db " + db_ + " shell >/dev/null 2>&1";
  EXPECT_EQ(Sh("printf 'entity | count\\nentity | count\\n' | " + shell).exit_code, 0);
  EXPECT_EQ(Sh("printf 'entity | where contry = 1\\nentity | count\\n' | " + shell).exit_code, 2);
  ShRun schema = Sh("printf '.schema\\n' | " + EcgBin() + " --db " + db_ + " shell");
  EXPECT_EQ(schema.exit_code, 0) << schema.out;
  EXPECT_NE(schema.out.find("kinds:"), std::string::npos) << schema.out;
  EXPECT_NE(schema.out.find("edge types:"), std::string::npos) << schema.out;
  EXPECT_NE(schema.out.find("  entity:  name "), std::string::npos) << schema.out;
}

// The shell through a pseudo-terminal (Ctrl-C, Enter, Tab, history) is
// ShellPtyTest: tests/tools/shell_pty_test.sh.

}  // namespace
}  // namespace ecg
