// The examples of the documentation run as shown. Every ```ecg block of a
// document holds one command and what it prints on stdout:
//   > QUERY        `ecg query --today 2026-06-01 'QUERY'` (docs/query.md's form)
//   $ ecg ARGS     the command as a user types it, with ECG_DB set
// README.md and docs/query.md run on the demo graph (scripts/demo_graph.sh,
// the graph scripts/demo.sh builds); docs/tutorial.md on the graph of all of
// ../shared/data that the RealGraphBuild fixture builds
// (scripts/real_graph.sh, as docs/ingest.md says).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

namespace ecg {
namespace {

// The "today" of docs/query.md's `> QUERY` examples.
constexpr const char* kDocToday = "2026-06-01";

struct Example {
  int line = 0;  // of the command in the document
  std::string command;
  std::string expected;
};

// Every ```ecg block of `doc`.
std::vector<Example> Examples(const std::string& doc) {
  std::vector<Example> out;
  size_t pos = 0;
  while ((pos = doc.find("```ecg\n", pos)) != std::string::npos) {
    const size_t body = pos + 7;
    const size_t end = doc.find("\n```", body);
    if (end == std::string::npos) {
      ADD_FAILURE() << "unclosed ```ecg block at offset " << pos;
      break;
    }
    const std::string block = doc.substr(body, end + 1 - body);
    Example e;
    e.line = 2 + static_cast<int>(std::count(doc.begin(), doc.begin() + pos, '\n'));
    const size_t nl = block.find('\n');
    e.command = block.substr(0, nl);
    e.expected = block.substr(nl + 1);
    out.push_back(std::move(e));
    pos = end + 4;
  }
  return out;
}

// Runs every example of `doc_path` (relative to the repository) on `db` and
// compares what it prints; returns how many ran.
int RunExamples(const std::string& doc_path, const std::string& db) {
  const std::string doc = testutil::ReadFile(std::string(ECG_SOURCE_DIR) + "/" + doc_path);
  EXPECT_FALSE(doc.empty()) << doc_path;
  const std::string ecg = std::string(ECG_BINARY_DIR) + "/tools/ecg";
  // Output into a pipe, as the documents show it: no terminal width.
  const std::string prefix = "cd " + testutil::ShellQuote(ECG_SOURCE_DIR) +
                             " && env -u COLUMNS ECG_DB=" + testutil::ShellQuote(db) + " ";
  int ran = 0;
  for (const Example& e : Examples(doc)) {
    std::string cmd;
    if (e.command.rfind("> ", 0) == 0) {
      cmd = ecg + " query --today " + kDocToday + " " + testutil::ShellQuote(e.command.substr(2));
    } else if (e.command.rfind("$ ecg ", 0) == 0) {
      cmd = ecg + " " + e.command.substr(6);
    } else {
      ADD_FAILURE() << doc_path << ":" << e.line << ": a ```ecg block starts with '> ' or '$ ecg '";
      continue;
    }
    const testutil::ShellRun r = testutil::RunShell(prefix + cmd + " 2>/dev/null");
    EXPECT_EQ(r.out, e.expected) << doc_path << ":" << e.line << ": " << e.command;
    ++ran;
  }
  return ran;
}

class DocExamplesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testutil::TempDir();
    const testutil::ShellRun r = testutil::RunShell(
        "ECG=" + std::string(ECG_BINARY_DIR) + "/tools/ecg " + std::string(ECG_SOURCE_DIR) +
        "/scripts/demo_graph.sh " + dir_->Sub("demo.db") + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string DemoDb() { return dir_->Sub("demo.db"); }
  static testutil::TempDir* dir_;
};

testutil::TempDir* DocExamplesTest::dir_ = nullptr;

TEST_F(DocExamplesTest, ReadmeExamplesRunAsShown) {
  EXPECT_GE(RunExamples("README.md", DemoDb()), 4);
}

TEST_F(DocExamplesTest, QueryMdExamplesRunAsShown) {
  EXPECT_GE(RunExamples("docs/query.md", DemoDb()), 25);
}

TEST(TutorialTest, RunsAsShownOnTheRealGraph) {
  const std::string db = std::string(ECG_BINARY_DIR) + "/real-graph.db";
  ASSERT_TRUE(std::filesystem::exists(db + "/CURRENT"))
      << db << " is missing: run the tests through ctest (its RealGraphBuild fixture builds it) "
      << "or scripts/real_graph.sh " << db;
  EXPECT_GE(RunExamples("docs/tutorial.md", db), 10);
}

}  // namespace
}  // namespace ecg
