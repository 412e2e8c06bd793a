// The server follows a database that `ecg ingest` writes at the same time:
// new batches become visible without a restart, and every answer reflects
// whole ingest batches (one per file) only.
#include "serve/follower.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/serve/serve_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg::serve {
namespace {

using testing::Ecg;
using testing::RunningServer;

// `entity | count` straight from the database (no writer running).
int64_t EntityCount(const std::string& db) {
  store::Options so;
  so.read_only = true;
  so.create_if_missing = false;
  so.normalizer = testing::Normalizer();
  auto store = store::GraphStore::Open(db, so);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) {
    return -1;
  }
  query::Engine engine(**store);
  auto rs = engine.Run("entity | count");
  EXPECT_TRUE(rs.ok()) << rs.status().ToString();
  return rs.ok() ? rs->rows[0][0].as_int() : -1;
}

TEST(FollowerTest, SeesEachIngestBatchWholeWithoutARestart) {
  testutil::TempDir dir;
  const std::string db = dir.Sub("db");
  const std::vector<std::string> files = testing::DemoFiles();
  ASSERT_GE(files.size(), 4u);
  ASSERT_EQ(Ecg("--db " + db + " ingest '" + files[0] + "'").code, 0);
  std::set<int64_t> whole = {EntityCount(db)};

  ServeOptions o = testing::TestOptions();
  o.refresh_interval = std::chrono::milliseconds(20);
  RunningServer server(db, o);
  ASSERT_TRUE(server.ok());

  std::atomic<bool> done{false};
  std::mutex mu;
  std::vector<int64_t> seen;
  std::vector<std::string> failures;
  std::thread poller([&] {
    httplib::Client c("127.0.0.1", server.port());
    while (!done) {
      auto r = c.Post("/query", R"({"query":"entity | count"})", "application/json");
      std::lock_guard<std::mutex> lock(mu);
      if (!r || r->status != 200) {
        failures.push_back(r ? r->body : httplib::to_string(r.error()));
        continue;
      }
      auto j = nlohmann::json::parse(r->body);
      seen.push_back(j["rows"][0][0].get<int64_t>());
    }
  });
  // One file per run: each is one batch; between runs nothing is written, so
  // the count then is a state the server may show.
  for (size_t i = 1; i < 4; ++i) {
    auto run = Ecg("--db " + db + " ingest '" + files[i] + "'");
    EXPECT_EQ(run.code, 0) << run.out;
    std::lock_guard<std::mutex> lock(mu);
    whole.insert(EntityCount(db));
  }
  const int64_t final_count = EntityCount(db);
  // The server catches up within a few refresh intervals.
  httplib::Client c("127.0.0.1", server.port());
  int64_t served = -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (served != final_count && std::chrono::steady_clock::now() < deadline) {
    auto r = c.Post("/query", R"({"query":"entity | count"})", "application/json");
    if (r && r->status == 200) {
      served = nlohmann::json::parse(r->body)["rows"][0][0].get<int64_t>();
    }
  }
  done = true;
  poller.join();
  EXPECT_EQ(served, final_count);
  EXPECT_TRUE(failures.empty()) << failures.front();
  ASSERT_FALSE(seen.empty());
  for (int64_t n : seen) {
    EXPECT_TRUE(whole.count(n) == 1)
        << "a response saw " << n << " entities, not the state after a whole batch";
  }
  EXPECT_GT(final_count, *whole.begin());
}

// Replicas serve a symbolic link that the nightly job swaps to a new
// snapshot (docs/serve.md, Replicas).
TEST(FollowerTest, FollowsASwappedSymbolicLink) {
  testutil::TempDir dir;
  const std::vector<std::string> files = testing::DemoFiles();
  const std::string a = dir.Sub("a");
  const std::string b = dir.Sub("b");
  ASSERT_EQ(Ecg("--db " + a + " ingest '" + files[0] + "'").code, 0);
  ASSERT_EQ(Ecg("--db " + b + " ingest '" + files[0] + "' '" + files[1] + "'").code, 0);
  const int64_t in_a = EntityCount(a);
  const int64_t in_b = EntityCount(b);
  ASSERT_NE(in_a, in_b);
  const std::string link = dir.Sub("current");
  std::filesystem::create_directory_symlink(a, link);

  ServeOptions o = testing::TestOptions();
  o.refresh_interval = std::chrono::milliseconds(20);
  RunningServer server(link, o);
  ASSERT_TRUE(server.ok());
  httplib::Client c("127.0.0.1", server.port());
  auto count = [&]() -> int64_t {
    auto r = c.Post("/query", R"({"query":"entity | count"})", "application/json");
    return r && r->status == 200 ? nlohmann::json::parse(r->body)["rows"][0][0].get<int64_t>() : -1;
  };
  EXPECT_EQ(count(), in_a);
  // Swap the link atomically, as `ln -sfn` + `mv -T` does.
  std::filesystem::create_directory_symlink(b, link + ".new");
  std::filesystem::rename(link + ".new", link);
  int64_t served = -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (served != in_b && std::chrono::steady_clock::now() < deadline) {
    served = count();
    EXPECT_TRUE(served == in_a || served == in_b) << served;
  }
  EXPECT_EQ(served, in_b);
}

TEST(FollowerTest, RefreshKeepsTheSnapshotWhenNothingChanged) {
  auto f = Follower::Create(testing::DemoDb(), [] {
    FollowerOptions o;
    o.refresh_interval = std::chrono::milliseconds(0);
    o.name_normalizer = testing::Normalizer();
    o.text_normalizer = testing::Normalizer();
    return o;
  }());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  auto before = (*f)->Current();
  ASSERT_OK((*f)->Refresh());
  EXPECT_EQ((*f)->Current().get(), before.get());
  EXPECT_EQ(before->generation(), 1u);
  // Screeners are pooled: a second lease reuses the first one.
  screen::Screener* first = nullptr;
  {
    ASSERT_OK_AND_ASSIGN(ScreenerLease lease, before->LeaseScreener());
    first = &*lease;
  }
  ASSERT_OK_AND_ASSIGN(ScreenerLease again, before->LeaseScreener());
  EXPECT_EQ(&*again, first);
}

TEST(FollowerTest, ServingNeverWritesTheDatabase) {
  // A copy: the last step writes to it.
  testutil::TempDir dir;
  const std::string db = dir.Sub("db");
  std::filesystem::copy(testing::DemoDb(), db, std::filesystem::copy_options::recursive);
  const std::string before = DatabaseFingerprint(db);
  {
    RunningServer server(db, testing::TestOptions());
    ASSERT_TRUE(server.ok());
    httplib::Client c("127.0.0.1", server.port());
    for (const char* path : {"/healthz", "/version", "/search?q=Huawei", "/reconcile"}) {
      auto r = c.Get(path);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << path;
    }
    auto m = c.Post("/match", R"({"queries":{"q":{"properties":{"name":["SMIC"]}}}})",
                    "application/json");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->status, 200);
  }
  EXPECT_EQ(DatabaseFingerprint(db), before);
  // A writer can open it while a server reads it: the server holds no lock.
  RunningServer server(db, testing::TestOptions());
  ASSERT_TRUE(server.ok());
  auto run = Ecg("--db " + db + " ingest '" + testing::DemoFiles()[0] + "'");
  EXPECT_EQ(run.code, 0) << run.out;
  httplib::Client c("127.0.0.1", server.port());
  auto r = c.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

}  // namespace
}  // namespace ecg::serve
