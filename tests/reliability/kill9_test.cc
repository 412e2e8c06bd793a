// The kill -9 campaign: a child `ecg ingest` of real files from
// ../shared/data is killed with SIGKILL at a random moment, over and over.
// Each time the database opens, `ecg check` passes, it holds whole files only
// (the sources present are a prefix of the command's files, each with exactly
// the statements a clean run gives it), and running the command again
// finishes with the clean run's graph. ECG_KILL_TRIALS sets the number of
// trials (20 by default, as CI runs it; scripts/kill_campaign.sh runs more).
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ingest/util/sha256.h"
#include "store/graph_store.h"
#include "tests/reliability/child.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg::reliability {
namespace {

std::vector<std::string> Files() {
  std::vector<std::string> out;
  for (const char* f : {"cn_sanctions_opensanctions/sanctions_2026-06-29.csv",
                        "bis_entity_list_ecfr_nsfreg/bis_meu.json",
                        "cn_sanctions_opensanctions/sanctions_2026-08-07.csv",
                        "bis_entity_list_ecfr_nsfreg/dow_1260h.json", "cn_lists_xyna/cn.json",
                        "bis_entity_list_ecfr_nsfreg/ofac_nscmic.json"}) {
    out.push_back(testutil::SharedData(f));
  }
  return out;
}

// What a database holds, per source file: sha256 -> number of current
// statements (property and edge) whose provenance it is. Superseded ones are
// left out: how many a file replaced depends on where the runs began.
using SourceCounts = std::map<std::string, size_t>;

class Inspector {
 public:
  Inspector() {
    auto n = text::TextNormalizer::Create();
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value();
  }

  // nullopt when there is no database at `db`.
  std::optional<SourceCounts> Counts(const std::string& db) {
    store::Options options;
    options.read_only = true;
    options.create_if_missing = false;
    options.normalizer = normalizer_.get();
    auto store = store::GraphStore::Open(db, options);
    if (!store.ok()) {
      EXPECT_EQ(store.status().code(), StatusCode::kNotFound) << store.status().ToString();
      return std::nullopt;
    }
    auto view = (*store)->NewReadView();
    SourceCounts out;
    Status scan = view->ScanKind(VertexKind::kSource, [&](VertexId id) {
      auto rec = view->GetVertex(id);
      EXPECT_TRUE(rec.ok());
      std::vector<store::PropertyStatement> props;
      std::vector<store::EdgeStatement> edges;
      EXPECT_OK(view->StatementsFrom(id, &props, &edges));
      size_t current = 0;
      for (const auto& p : props) {
        current += p.meta.current() ? 1 : 0;
      }
      for (const auto& e : edges) {
        current += e.meta.current() ? 1 : 0;
      }
      out[rec->key] = current;
      return true;
    });
    EXPECT_OK(scan);
    return out;
  }

 private:
  std::unique_ptr<text::TextNormalizer> normalizer_;
};

// `ecg stats --format json` of what is current: vertices, open and closed
// edges (not the record-time counts, which depend on run boundaries).
std::string CurrentStats(const std::string& db) {
  ChildResult r = RunEcg({"--db", db, "stats", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (!j.is_object()) {
    return r.out;
  }
  nlohmann::json out;
  out["vertices"] = j["vertices"];
  for (auto& [type, counts] : j["edges"].items()) {
    out["edges"][type] = {counts["open"], counts["closed"]};
  }
  return out.dump();
}

int Trials() {
  const char* env = std::getenv("ECG_KILL_TRIALS");
  int n = env != nullptr ? std::atoi(env) : 0;
  return n > 0 ? n : 20;
}

TEST(KillNineTest, KilledIngestLeavesWholeFilesAndFinishesLikeACleanRun) {
  const std::vector<std::string> files = Files();
  std::vector<std::string> keys;
  for (const auto& f : files) {
    keys.push_back("sha256:" + ingest::Sha256Hex(testutil::ReadFile(f)));
  }
  Inspector inspect;
  // The clean run, one file at a time: the state after each prefix.
  testutil::TempDir clean_dir;
  const std::string clean = clean_dir.Sub("clean.db");
  std::vector<SourceCounts> after_prefix(1);
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& f : files) {
    ChildResult r = RunEcg({"--db", clean, "ingest", f});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto counts = inspect.Counts(clean);
    ASSERT_TRUE(counts.has_value());
    after_prefix.push_back(*counts);
  }
  const auto clean_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  const std::string stats_body = CurrentStats(clean);

  std::vector<std::string> ingest_all = {"--db", "", "ingest"};
  ingest_all.insert(ingest_all.end(), files.begin(), files.end());
  std::mt19937 rng(20261202);
  std::uniform_int_distribution<int64_t> when(0, clean_ms * 3 / 5);
  std::map<size_t, int> killed_after;  // whole files present -> trials
  const int trials = Trials();
  for (int trial = 0; trial < trials; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    testutil::TempDir dir;
    const std::string db = dir.Sub("g.db");
    ingest_all[1] = db;
    const int64_t delay = when(rng);
    pid_t pid = StartEcg(ingest_all);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    kill(pid, SIGKILL);
    (void)Wait(pid);

    std::optional<SourceCounts> state = inspect.Counts(db);
    size_t whole = 0;
    if (state.has_value()) {
      ChildResult check = RunEcg({"--db", db, "check"});
      EXPECT_EQ(check.exit_code, 0)
          << "killed after " << delay << " ms: " << check.out << check.err;
      // Whole files only: the sources are the first k files, each with the
      // statements the clean run gave it after k files.
      whole = state->size();
      ASSERT_LE(whole, files.size());
      for (size_t i = 0; i < whole; ++i) {
        EXPECT_EQ(state->count(keys[i]), 1u) << "file " << i << " missing, later ones present";
      }
      EXPECT_EQ(*state, after_prefix[whole]) << "killed after " << delay << " ms";
    }
    ++killed_after[whole];

    ChildResult finish = RunEcg(ingest_all);
    ASSERT_EQ(finish.exit_code, 0) << finish.err;
    auto final_state = inspect.Counts(db);
    ASSERT_TRUE(final_state.has_value());
    EXPECT_EQ(*final_state, after_prefix.back());
    EXPECT_EQ(CurrentStats(db), stats_body);
  }
  std::string spread;
  for (const auto& [k, n] : killed_after) {
    spread += " " + std::to_string(k) + " files: " + std::to_string(n) + ";";
  }
  std::cout << "[kill -9] " << trials << " trials (clean run " << clean_ms
            << " ms), whole files present when killed:" << spread << "\n";
}

}  // namespace
}  // namespace ecg::reliability
