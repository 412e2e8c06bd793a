// `ecg update` against a real HTTP server on loopback (cpp-httplib) that
// serves project fixtures and answers 200, 304, 404, 500, slowly, truncated
// and oversized: what is fetched, skipped, retried and rejected, that every
// failure leaves the graph as it was, and that a second update with nothing
// new downloads nothing (the server's log shows the conditional requests).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "ingest/run/ingest_run.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"
#include "update/cache.h"
#include "update/lock.h"
#include "update/manifest.h"
#include "update/updater.h"

namespace ecg::update {
namespace {

struct LogEntry {
  std::string path;
  std::string if_none_match;
  std::string if_modified_since;
  int status = 0;
};

const char* kLastModified = "Tue, 01 Sep 2026 00:00:00 GMT";

// The fixture server. /list.json serves `body_` with ETag and Last-Modified
// and answers 304 to a matching conditional request; the other routes fail
// in one way each.
class FixtureServer {
 public:
  FixtureServer() {
    server_.Get("/list.json", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> l(mu_);
      const std::string etag = "\"" + std::to_string(version_) + "\"";
      if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
      } else {
        res.set_content(body_, "application/json; charset=utf-8");
      }
      res.set_header("ETag", etag);
      res.set_header("Last-Modified", kLastModified);
    });
    server_.Get("/missing.json",
                [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    server_.Get("/error.json",
                [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    server_.Get("/flaky.json", [this](const httplib::Request&, httplib::Response& res) {
      // Fails twice, then serves the list.
      if (flaky_calls_++ < 2) {
        res.status = 503;
        return;
      }
      std::lock_guard<std::mutex> l(mu_);
      res.set_content(body_, "application/json");
    });
    server_.Get("/slow.json", [this](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      std::lock_guard<std::mutex> l(mu_);
      res.set_content(body_, "application/json");
    });
    server_.Get("/truncated.json", [this](const httplib::Request&, httplib::Response& res) {
      std::string body;
      {
        std::lock_guard<std::mutex> l(mu_);
        body = body_;
      }
      // Announces the whole length and closes the connection after half.
      res.set_content_provider(body.size(), "application/json",
                               [body](size_t offset, size_t, httplib::DataSink& sink) {
                                 if (offset >= body.size() / 2) {
                                   return false;
                                 }
                                 sink.write(body.data(), body.size() / 2);
                                 return true;
                               });
    });
    server_.Get("/big.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(size_t{3} << 20, ' ') + "[]", "application/json");
    });
    server_.Get("/big-chunked.json", [](const httplib::Request&, httplib::Response& res) {
      // No Content-Length: the limit must hold while the body streams.
      res.set_chunked_content_provider("application/json",
                                       [](size_t offset, httplib::DataSink& sink) {
                                         if (offset >= (size_t{3} << 20)) {
                                           sink.done();
                                           return true;
                                         }
                                         std::string chunk(size_t{64} << 10, ' ');
                                         sink.write(chunk.data(), chunk.size());
                                         return true;
                                       });
    });
    server_.Get("/page.html", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> l(mu_);
      res.set_content(body_, "text/html");
    });
    // The logger runs after the response is sent, so a client can return
    // before its request is logged: requests are counted as they arrive, and
    // Log() waits for the log to catch up with them.
    server_.set_pre_routing_handler([this](const httplib::Request&, httplib::Response&) {
      std::lock_guard<std::mutex> l(mu_);
      ++arrived_;
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      std::lock_guard<std::mutex> l(mu_);
      log_.push_back(LogEntry{req.path, req.get_header_value("If-None-Match"),
                              req.get_header_value("If-Modified-Since"), res.status});
      logged_.notify_all();
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // The socket listens from bind on; wait for the accept loop so that
    // stop() in the destructor cannot race its start.
    while (!server_.is_running()) {
      std::this_thread::yield();
    }
  }
  ~FixtureServer() {
    server_.stop();
    thread_.join();
  }
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  void SetBody(std::string body) {
    std::lock_guard<std::mutex> l(mu_);
    body_ = std::move(body);
    ++version_;
  }
  std::vector<LogEntry> Log() {
    std::unique_lock<std::mutex> l(mu_);
    WaitForLog(&l);
    return log_;
  }
  void ClearLog() {
    std::unique_lock<std::mutex> l(mu_);
    WaitForLog(&l);
    log_.clear();
    arrived_ = 0;
  }
  size_t Requests(const std::string& path) {
    size_t n = 0;
    for (const auto& e : Log()) {
      n += e.path == path ? 1 : 0;
    }
    return n;
  }

 private:
  // Waits (up to 10 s) until every request that arrived has been logged.
  void WaitForLog(std::unique_lock<std::mutex>* l) {
    logged_.wait_for(*l, std::chrono::seconds(10), [this] { return log_.size() >= arrived_; });
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::condition_variable logged_;
  size_t arrived_ = 0;
  std::string body_;
  int version_ = 0;
  std::atomic<int> flaky_calls_{0};
  std::vector<LogEntry> log_;
};

std::string StatsKey(store::GraphStore* store) {
  auto s = store->NewReadView()->ComputeStats();
  EXPECT_TRUE(s.ok());
  std::string out;
  for (const auto& k : s->kinds) {
    out += std::string(VertexKindName(k.kind)) + "=" + std::to_string(k.vertices) + " ";
  }
  for (const auto& e : s->edges) {
    out += std::string(EdgeTypeName(e.type)) + "=" + std::to_string(e.open) + "/" +
           std::to_string(e.closed) + "/" + std::to_string(e.superseded) + " ";
  }
  return out + "props=" + std::to_string(s->property_statements);
}

// The demo's China list, and a second version without its second record.
std::string ListV1() {
  return testutil::ReadFile(std::string(ECG_SOURCE_DIR) + "/demo/lists/cn_lists.json");
}
std::string ListV2() {
  std::string v1 = ListV1();
  size_t second = v1.find("\n{", 2);
  size_t third = v1.find("\n{", second + 2);
  return v1.substr(0, second) + v1.substr(third);
}

class UpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    normalizer_ = text::TextNormalizer::Create().value();
    store::Options options;
    options.normalizer = normalizer_.get();
    store_ = store::GraphStore::Open(dir_.Sub("db"), options).value();
    ingester_ = std::make_unique<ingest::Ingester>(store_.get(), normalizer_.get());
    ingester_->RegisterDefaultHandlers();
    server_.SetBody(ListV1());
  }

  // A manifest of `entries` ("name url-path [content_type]" each).
  Manifest MakeManifest(const std::vector<std::pair<std::string, std::string>>& sources,
                        const std::string& extra = "") {
    std::string yaml = "keep: 2\nsources:\n";
    for (const auto& [name, path] : sources) {
      yaml +=
          "  - name: " + name + "\n    url: " + server_.Url(path) + "\n    max_bytes: 1M\n" + extra;
    }
    auto m = ParseManifest(yaml, "test.yaml", dir_.path());
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return *m;
  }

  UpdateReport Update(const Manifest& m) {
    UpdateOptions options;
    options.cache_dir = dir_.Sub("cache");
    options.fetch.retries = 2;
    options.fetch.backoff_ms = 20;
    options.fetch.timeout_ms = 500;
    options.run_date = Date::FromYmd(2026, 9, 1);
    Updater updater(&m, options);
    UpdateReport report;
    EXPECT_OK(updater.Fetch(&report));
    EXPECT_OK(updater.Ingest(ingester_.get(), &report));
    return report;
  }

  testutil::TempDir dir_;
  FixtureServer server_;
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<ingest::Ingester> ingester_;
};

TEST_F(UpdateTest, FetchesIngestsThenASecondUpdateDownloadsNothing) {
  Manifest m = MakeManifest({{"cn", "/list.json"}});
  UpdateReport first = Update(m);
  ASSERT_EQ(first.sources.size(), 1u);
  EXPECT_EQ(first.sources[0].outcome, Outcome::kIngested) << first.ToText();
  EXPECT_EQ(first.sources[0].http_code, 200);
  EXPECT_EQ(first.sources[0].bytes, ListV1().size());
  EXPECT_GT(first.sources[0].counts.entities_new, 0u);
  const std::string after_first = StatsKey(store_.get());
  auto log = server_.Log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].if_none_match, "");  // nothing held yet: an unconditional GET

  server_.ClearLog();
  UpdateReport second = Update(m);
  EXPECT_EQ(second.sources[0].outcome, Outcome::kNotModified) << second.ToText();
  EXPECT_EQ(second.sources[0].bytes, 0u);
  log = server_.Log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].if_none_match, "\"1\"");
  EXPECT_EQ(log[0].if_modified_since, kLastModified);
  EXPECT_EQ(log[0].status, 304);
  EXPECT_EQ(StatsKey(store_.get()), after_first);
  auto json = nlohmann::json::parse(second.ToJson());
  EXPECT_EQ(json["sources"][0]["outcome"], "not-modified");
  EXPECT_EQ(json["totals"]["not_modified"], 1);
}

TEST_F(UpdateTest, ANewVersionIsCachedWithItsHashAndIngested) {
  Manifest m = MakeManifest({{"cn", "/list.json"}});
  Update(m);
  server_.SetBody(ListV2());
  UpdateReport r = Update(m);
  EXPECT_EQ(r.sources[0].outcome, Outcome::kIngested) << r.ToText();
  // The record left out of v2 is gone from the list: its listing closes.
  EXPECT_EQ(r.sources[0].counts.edges_closed, 1u) << r.ToText();
  SourceCache cache(dir_.Sub("cache"), "cn");
  ASSERT_OK(cache.Open());
  ASSERT_EQ(cache.versions().size(), 2u);
  EXPECT_EQ(testutil::ReadFile(cache.versions()[0].file), ListV2());
  ASSERT_OK_AND_ASSIGN(std::string sha, FileSha256(cache.versions()[1].file));
  EXPECT_EQ(sha, cache.versions()[1].sha256);
  EXPECT_EQ(testutil::ReadFile(cache.versions()[1].file), ListV1());
  EXPECT_EQ(cache.validators().etag, "\"2\"");
  // keep: 2 keeps the last two versions only.
  server_.SetBody(ListV1() + "\n");
  Update(m);
  SourceCache again(dir_.Sub("cache"), "cn");
  ASSERT_OK(again.Open());
  ASSERT_EQ(again.versions().size(), 2u);
  EXPECT_EQ(testutil::ReadFile(again.versions()[1].file), ListV2());
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_.Sub("cache/cn"))) {
    files += e.path().filename() != "state.json" ? 1 : 0;
  }
  EXPECT_EQ(files, 2u);
}

TEST_F(UpdateTest, TheSameBytesUnderANewETagAreUnchanged) {
  Manifest m = MakeManifest({{"cn", "/list.json"}});
  Update(m);
  const std::string before = StatsKey(store_.get());
  server_.SetBody(ListV1());  // a new ETag, the same content
  UpdateReport r = Update(m);
  EXPECT_EQ(r.sources[0].outcome, Outcome::kUnchanged) << r.ToText();
  EXPECT_EQ(r.sources[0].http_code, 200);
  EXPECT_EQ(StatsKey(store_.get()), before);
}

TEST_F(UpdateTest, EveryFailureIsRejectedAndLeavesTheGraphAsItWas) {
  Update(MakeManifest({{"cn", "/list.json"}}));
  const std::string before = StatsKey(store_.get());
  server_.SetBody(ListV2());  // what a failed download would have brought
  server_.ClearLog();
  Manifest m = MakeManifest({{"missing", "/missing.json"},
                             {"error", "/error.json"},
                             {"slow", "/slow.json"},
                             {"truncated", "/truncated.json"},
                             {"big", "/big.json"},
                             {"big-chunked", "/big-chunked.json"}});
  UpdateReport r = Update(m);
  ASSERT_EQ(r.sources.size(), 6u);
  for (const auto& s : r.sources) {
    EXPECT_EQ(s.outcome, Outcome::kRejected) << s.name << ": " << r.ToText();
    EXPECT_TRUE(s.files.empty()) << s.name;  // nothing reached the ingest
  }
  EXPECT_NE(r.sources[0].error.find("HTTP 404"), std::string::npos) << r.sources[0].error;
  EXPECT_NE(r.sources[1].error.find("HTTP 500"), std::string::npos) << r.sources[1].error;
  EXPECT_NE(r.sources[4].error.find("limit"), std::string::npos) << r.sources[4].error;
  EXPECT_NE(r.sources[5].error.find("limit"), std::string::npos) << r.sources[5].error;
  // A 404 or an oversized body is not retried; a 500, a timeout and a
  // truncated body are (retries: 2, so three attempts).
  EXPECT_EQ(server_.Requests("/missing.json"), 1u);
  EXPECT_EQ(server_.Requests("/error.json"), 3u);
  EXPECT_EQ(r.sources[2].attempts, 3);
  EXPECT_EQ(r.sources[3].attempts, 3);
  EXPECT_EQ(server_.Requests("/big.json"), 1u);
  EXPECT_EQ(StatsKey(store_.get()), before);
  // No half download was left in the cache.
  for (const auto& s : r.sources) {
    EXPECT_FALSE(std::filesystem::exists(dir_.Sub("cache/" + s.name + "/.download.tmp")));
  }
}

TEST_F(UpdateTest, AFailedSourceLeavesTheOthersToLoad) {
  Manifest m = MakeManifest({{"missing", "/missing.json"}, {"cn", "/list.json"}});
  UpdateReport r = Update(m);
  EXPECT_EQ(r.sources[0].outcome, Outcome::kRejected);
  EXPECT_EQ(r.sources[1].outcome, Outcome::kIngested) << r.ToText();
  EXPECT_EQ(r.count(Outcome::kRejected), 1u);
}

TEST_F(UpdateTest, TransientFailuresAreRetriedWithBackoff) {
  Manifest m = MakeManifest({{"flaky", "/flaky.json"}});
  UpdateReport r = Update(m);
  EXPECT_EQ(r.sources[0].outcome, Outcome::kIngested) << r.ToText();
  EXPECT_EQ(r.sources[0].attempts, 3);
  ASSERT_EQ(r.sources[0].warnings.size(), 2u);
  EXPECT_NE(r.sources[0].warnings[0].find("HTTP 503"), std::string::npos);
  EXPECT_EQ(server_.Requests("/flaky.json"), 3u);
}

TEST_F(UpdateTest, AnUnexpectedContentTypeIsRejected) {
  const std::string before = StatsKey(store_.get());
  Manifest m = MakeManifest({{"page", "/page.html"}}, "    content_type: application/json\n");
  UpdateReport r = Update(m);
  EXPECT_EQ(r.sources[0].outcome, Outcome::kRejected);
  EXPECT_NE(r.sources[0].error.find("text/html"), std::string::npos) << r.sources[0].error;
  EXPECT_EQ(StatsKey(store_.get()), before);
}

TEST_F(UpdateTest, AFileThatDoesNotParseIsRejectedAndTheGraphKept) {
  Manifest m = MakeManifest({{"cn", "/list.json"}});
  Update(m);
  const std::string before = StatsKey(store_.get());
  const std::string v2 = ListV2();
  server_.SetBody(v2.substr(0, v2.size() / 2));  // served whole, but cut JSON
  UpdateReport r = Update(m);
  EXPECT_EQ(r.sources[0].outcome, Outcome::kRejected) << r.ToText();
  EXPECT_NE(r.sources[0].error.find("JSON"), std::string::npos) << r.sources[0].error;
  EXPECT_EQ(StatsKey(store_.get()), before);
}

// A local source whose header uses a registry's column names loads through
// the manifest's `columns:`; without them it is rejected, the graph kept.
TEST_F(UpdateTest, AManifestsColumnsMapARegistrysHeader) {
  testutil::WriteFile(dir_.Sub("registry.csv"),
                      "holder,subsidiary,stake,valid_from,valid_to,source\n"
                      "Alpha Holdings Ltd.|HK,Beta Devices Co. Ltd.|CN,60,2020-03-01,,registry\n"
                      "Beta Devices Co. Ltd.|CN,Gamma Optics GmbH|DE,25.5,2021-06-01,,registry\n");
  const std::string yaml = "sources:\n  - name: stakes\n    path: registry.csv\n";
  ASSERT_OK_AND_ASSIGN(Manifest plain, ParseManifest(yaml, "test.yaml", dir_.path()));
  const std::string before = StatsKey(store_.get());
  UpdateReport rejected = Update(plain);
  ASSERT_EQ(rejected.sources.size(), 1u);
  EXPECT_EQ(rejected.sources[0].outcome, Outcome::kRejected) << rejected.ToText();
  EXPECT_EQ(StatsKey(store_.get()), before);

  ASSERT_OK_AND_ASSIGN(
      Manifest mapped,
      ParseManifest(yaml + "    columns: {owner: holder, owned: subsidiary, pct: stake}\n",
                    "test.yaml", dir_.path()));
  UpdateReport r = Update(mapped);
  EXPECT_EQ(r.sources[0].outcome, Outcome::kIngested) << r.ToText();
  auto view = store_->NewReadView();
  ASSERT_OK_AND_ASSIGN(auto stats, view->ComputeStats());
  uint64_t owns = 0;
  for (const auto& e : stats.edges) {
    owns += e.type == EdgeType::kOwns ? e.open : 0;
  }
  EXPECT_EQ(owns, 2u);
  std::vector<VertexId> beta;
  ASSERT_OK(view->FindByName("Beta Devices Co. Ltd.", VertexKind::kEntity,
                             [&](VertexId id, std::string_view) {
                               beta.push_back(id);
                               return true;
                             }));
  ASSERT_EQ(beta.size(), 1u);
  std::vector<double> pcts;
  ASSERT_OK(view->ForEachEdge(beta[0], store::Direction::kOut, EdgeType::kOwns,
                              [&](const store::EdgeStatement& e) {
                                pcts.push_back(e.Get(prop::kPct).as_double());
                                return true;
                              }));
  EXPECT_EQ(pcts, std::vector<double>{25.5});
}

TEST_F(UpdateTest, TheLockKeepsTwoUpdatesApart) {
  ASSERT_OK_AND_ASSIGN(auto first, UpdateLock::Acquire(dir_.Sub("cache")));
  auto second = UpdateLock::Acquire(dir_.Sub("cache"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  first.reset();
  EXPECT_TRUE(UpdateLock::Acquire(dir_.Sub("cache")).ok());
}

}  // namespace
}  // namespace ecg::update
