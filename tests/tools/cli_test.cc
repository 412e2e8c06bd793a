// End-to-end tests of the ecg binary: exit codes, load-csv, check on a
// damaged copy, concurrent reader and writer, format version.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/graph_store.h"
#include "store/internal/codec.h"
#include "store/key_codec.h"
#include "tests/testutil/testutil.h"
#include "tools/commands.h"

#include "text/normalizer.h"

namespace ecg {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

CliRun Ecg(const std::string& args) {
  std::string cmd = std::string(ECG_BINARY_DIR) + "/tools/ecg " + args + " 2>&1";
  CliRun run;
  const testutil::ShellRun r = testutil::RunShell(cmd);
  run.exit_code = r.exit_code;
  run.out = r.out;
  return run;
}

// Store options matching the CLI's: the ICU name normalizer.
store::Options CliOptions() {
  static const std::unique_ptr<text::TextNormalizer> normalizer =
      text::TextNormalizer::Create().value();
  store::Options options;
  options.normalizer = normalizer.get();
  return options;
}

// Generates the peers' synthetic graph at a small scale (python3 standard library only).
std::string GeneratePeerGraph(const testutil::TempDir& dir, int scale) {
  std::string out = dir.Sub("peers");
  std::string cmd = "python3 " + std::string(ECG_SOURCE_DIR) +
                    "/../shared/bench/peers/gen_graph.py --scale " + std::to_string(scale) +
                    " --out " + out + " > /dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return out;
}

TEST(CliTest, UsageErrorsExitOne) {
  EXPECT_EQ(Ecg("").exit_code, 1);
  EXPECT_EQ(Ecg("no-such-command").exit_code, 1);
  CliRun misspelt = Ecg("qurey 'entity'");
  EXPECT_EQ(misspelt.exit_code, 1);
  EXPECT_NE(misspelt.out.find("did you mean query?"), std::string::npos) << misspelt.out;
  CliRun flag = Ecg("query 'entity' --fromat json");
  EXPECT_EQ(flag.exit_code, 1);
  EXPECT_NE(flag.out.find("did you mean --format?"), std::string::npos) << flag.out;
  CliRun help = Ecg("check --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("integrity"), std::string::npos) << help.out;
}

// Every option of every subcommand that has a default shows it in --help:
// the default CLI11 captured when the option was added is the value the
// option's variable holds before parsing, and the help prints it.
TEST(CliTest, HelpShowsEveryDefault) {
  CLI::App app{"ecg"};
  tools::GlobalOptions global;
  tools::RegisterCommands(&app, &global);
  size_t shown = 0;
  std::vector<CLI::App*> pending = app.get_subcommands([](CLI::App*) { return true; });
  ASSERT_GE(pending.size(), 10u);
  while (!pending.empty()) {
    CLI::App* sub = pending.back();
    pending.pop_back();
    for (CLI::App* nested : sub->get_subcommands([](CLI::App*) { return true; })) {
      pending.push_back(nested);
    }
    const std::string help = sub->help();
    for (CLI::Option* opt : sub->get_options()) {
      if (opt->get_type_size() == 0) {
        continue;  // a flag: present or not
      }
      const std::string shown_default = opt->get_default_str();
      opt->capture_default_str();
      std::string value = opt->get_default_str();
      if (value.empty() || value == "[]") {
        continue;  // no default (an empty string or list)
      }
      EXPECT_EQ(shown_default, value) << sub->get_name() << " " << opt->get_name();
      EXPECT_NE(help.find("=" + value), std::string::npos)
          << sub->get_name() << " " << opt->get_name() << "\n"
          << help;
      ++shown;
    }
  }
  EXPECT_GE(shown, 30u);
}

// The README's exit codes (0 ok ... 7 disk full) are each what ExitCodeFor
// gives the Status behind them; each one is also reached end to end: 1 here
// (UsageErrorsExitOne), 2 (LoadCsvRejectsBadRowsWithFileAndLine), 3
// (CheckFindsDamageInACopy), 4 (MissingDatabaseIsReported,
// ReadersRunWhileAWriterHoldsTheLock, NewerFormatVersionIsRefusedClearly), 6
// (QueryCliTest.CutAnswersSaySoInEveryFormatAndExitSix), 7
// (reliability.FullDiskTest). Exit 5 has no input that reaches it.
TEST(CliTest, ExitCodesMatchTheReadme) {
  EXPECT_EQ(tools::ExitCodeFor(Status::OK()), 0);
  EXPECT_EQ(tools::ExitCodeFor(Status::InvalidArgument("x")), 2);
  EXPECT_EQ(tools::ExitCodeFor(Status::Corruption("x")), 3);
  EXPECT_EQ(tools::ExitCodeFor(Status::Busy("x")), 4);
  EXPECT_EQ(tools::ExitCodeFor(Status::NotFound("x")), 4);
  EXPECT_EQ(tools::ExitCodeFor(Status::NotSupported("x")), 4);
  EXPECT_EQ(tools::ExitCodeFor(Status::Internal("x")), 5);
  EXPECT_EQ(tools::ExitCodeFor(Status::ResourceExhausted("x")), 6);
  EXPECT_EQ(tools::ExitCodeFor(Status::NoSpace("x")), 7);
  const std::string readme = testutil::ReadFile(std::string(ECG_SOURCE_DIR) + "/README.md");
  for (const char* code :
       {"0 ok", "1 usage error", "2 bad input", "3 integrity problem", "4 database busy",
        "5 internal error", "6 a query stopped by a limit", "7 disk full"}) {
    EXPECT_NE(readme.find(code), std::string::npos) << code;
  }
}

TEST(CliTest, MissingDatabaseIsReported) {
  testutil::TempDir dir;
  CliRun r = Ecg("--db " + dir.Sub("none") + " stats");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.out.find("no database"), std::string::npos) << r.out;
}

TEST(CliTest, LoadCsvThenCheckAndStatsOnThePeerGraph) {
  testutil::TempDir dir;
  std::string data = GeneratePeerGraph(dir, 2000);
  std::string db = dir.Sub("db");
  CliRun load = Ecg("--db " + db + " load-csv " + data + "/nodes.csv " + data + "/edges.csv");
  ASSERT_EQ(load.exit_code, 0) << load.out;
  CliRun check = Ecg("--db " + db + " check");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  CliRun stats = Ecg("--db " + db + " stats --format json");
  ASSERT_EQ(stats.exit_code, 0) << stats.out;
  auto j = nlohmann::json::parse(stats.out);
  auto params = nlohmann::json::parse(testutil::ReadFile(data + "/params.json"));
  EXPECT_EQ(j["vertices"]["entity"], params["counts"]["entity"]);
  EXPECT_EQ(j["vertices"]["rule"], params["counts"]["rule"]);
  uint64_t lists =
      j["edges"]["adds"]["open"].get<uint64_t>() + j["edges"]["adds"]["closed"].get<uint64_t>();
  EXPECT_EQ(lists, params["counts"]["LISTS"].get<uint64_t>());
  EXPECT_EQ(
      j["edges"]["owns"]["open"].get<uint64_t>() + j["edges"]["owns"]["closed"].get<uint64_t>(),
      params["counts"]["OWNS"].get<uint64_t>());
  // A second load into the now non-empty database is refused.
  CliRun again = Ecg("--db " + db + " load-csv " + data + "/nodes.csv " + data + "/edges.csv");
  EXPECT_EQ(again.exit_code, 2) << again.out;
  EXPECT_NE(again.out.find("empty database"), std::string::npos) << again.out;
}

TEST(CliTest, LoadCsvRejectsBadRowsWithFileAndLine) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Sub("nodes.csv"),
                      "id,kind,name,country,subtype,code,date\n0,entity,A,CN,,,\n"
                      "1,entity,B,CN,,,2024-02-30\n");
  testutil::WriteFile(dir.Sub("edges.csv"), "src,dst,type,pct,valid_from,valid_to\n");
  CliRun r = Ecg("--db " + dir.Sub("db") + " load-csv " + dir.Sub("nodes.csv") + " " +
                 dir.Sub("edges.csv"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("nodes.csv:3:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no such calendar day"), std::string::npos) << r.out;
  // Nothing half-written: the database holds no entity.
  CliRun stats = Ecg("--db " + dir.Sub("db") + " stats --format json");
  ASSERT_EQ(stats.exit_code, 0) << stats.out;
  EXPECT_EQ(nlohmann::json::parse(stats.out)["vertices"]["entity"], 0);
}

TEST(CliTest, CheckFindsDamageInACopy) {
  testutil::TempDir dir;
  std::string data = GeneratePeerGraph(dir, 1000);
  std::string db = dir.Sub("db");
  ASSERT_EQ(Ecg("--db " + db + " load-csv " + data + "/nodes.csv " + data + "/edges.csv").exit_code,
            0);
  std::string copy = dir.Sub("copy");
  std::filesystem::copy(db, copy, std::filesystem::copy_options::recursive);
  {
    auto store = store::GraphStore::Open(copy, CliOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    VertexId victim;
    ASSERT_OK((*store)->NewReadView()->ScanKind(VertexKind::kEntity, [&](VertexId v) {
      victim = v;
      return false;
    }));
    // Delete the entity's vertex record: its edges now dangle.
    ASSERT_OK(
        (*store)->TEST_RawDelete(store::internal::kCfVertex, store::internal::VertexKey(victim)));
  }
  CliRun check = Ecg("--db " + copy + " check");
  EXPECT_EQ(check.exit_code, 3) << check.out;
  EXPECT_NE(check.out.find("does not exist"), std::string::npos) << check.out;
  EXPECT_EQ(Ecg("--db " + db + " check").exit_code, 0);  // the original is untouched
}

TEST(CliTest, ReadersRunWhileAWriterHoldsTheLock) {
  testutil::TempDir dir;
  std::string db = dir.Sub("db");
  auto writer = store::GraphStore::Open(db, CliOptions());
  ASSERT_TRUE(writer.ok());
  CliRun stats = Ecg("--db " + db + " stats");
  EXPECT_EQ(stats.exit_code, 0) << stats.out;
  testutil::WriteFile(dir.Sub("n.csv"), "id,kind,name,country,subtype,code,date\n");
  testutil::WriteFile(dir.Sub("e.csv"), "src,dst,type,pct,valid_from,valid_to\n");
  CliRun second = Ecg("--db " + db + " load-csv " + dir.Sub("n.csv") + " " + dir.Sub("e.csv"));
  EXPECT_EQ(second.exit_code, 4) << second.out;
  EXPECT_NE(second.out.find("in use"), std::string::npos) << second.out;
}

TEST(CliTest, NewerFormatVersionIsRefusedClearly) {
  testutil::TempDir dir;
  std::string db = dir.Sub("db");
  {
    auto store = store::GraphStore::Open(db, CliOptions());
    ASSERT_TRUE(store.ok());
    std::string v;
    store::PutFixed32(&v, store::kFormatVersion + 7);
    ASSERT_OK((*store)->TEST_RawPut("default", store::internal::kMetaFormat, v));
  }
  CliRun r = Ecg("--db " + db + " stats");
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("newer"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ecg
