#include "tests/serve/serve_test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "tests/testutil/testutil.h"

namespace ecg::serve::testing {

namespace fs = std::filesystem;

CliRun Ecg(const std::string& args) {
  const std::string cmd = std::string(ECG_BINARY_DIR) + "/tools/ecg " + args + " 2>/dev/null";
  const testutil::ShellRun run = testutil::RunShell(cmd);
  CliRun r;
  r.code = run.exit_code;
  r.out = run.out;
  return r;
}

namespace {

// Files of `dir` whose names end in `ext` ("" = all), sorted as a shell glob.
std::vector<std::string> Glob(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(std::string(ECG_SOURCE_DIR) + "/" + dir)) {
    const std::string name = e.path().filename().string();
    if (ext.empty() || (name.size() > ext.size() &&
                        name.compare(name.size() - ext.size(), ext.size(), ext) == 0)) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<std::string> DemoFiles() {
  const std::string src = ECG_SOURCE_DIR;
  std::vector<std::string> files = {src + "/demo/lists/screening-list.json",
                                    src + "/demo/lists/cn_lists.json",
                                    src + "/ingest/data/aliases.csv"};
  for (const char* ext : {".md", ".json", ".xml"}) {
    for (auto& f : Glob("demo/regs", ext)) {
      files.push_back(f);
    }
  }
  files.push_back(src + "/ingest/data/technologies.csv");
  files.push_back(src + "/demo/lists/ownership.csv");
  for (auto& f : Glob("demo/articles", "")) {
    files.push_back(f);
  }
  return files;
}

std::string DemoDb() {
  const std::string db = std::string(ECG_BINARY_DIR) + "/serve-demo.db";
  if (fs::exists(db + "/CURRENT")) {
    return db;
  }
  // Built aside and renamed into place, so parallel test processes never see
  // half a database; the loser of a race drops its copy.
  const std::string tmp = db + ".tmp" + std::to_string(getpid());
  fs::remove_all(tmp);
  std::string args = "--db " + tmp + " ingest";
  for (const auto& f : DemoFiles()) {
    args += " '" + f + "'";
  }
  CliRun r = Ecg(args);
  EXPECT_EQ(r.code, 0) << r.out;
  std::error_code ec;
  fs::rename(tmp, db, ec);
  if (ec) {
    fs::remove_all(tmp);
  }
  return db;
}

const text::TextNormalizer* Normalizer() {
  static const std::unique_ptr<text::TextNormalizer> kNormalizer = [] {
    auto n = text::TextNormalizer::Create();
    return n.ok() ? std::move(n).value() : nullptr;
  }();
  return kNormalizer.get();
}

ServeOptions TestOptions() {
  ServeOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.threads = 2;
  o.refresh_interval = std::chrono::milliseconds(0);
  o.name_normalizer = Normalizer();
  o.text_normalizer = Normalizer();
  return o;
}

RunningServer::RunningServer(const std::string& db, ServeOptions options) {
  auto s = Server::Create(db, std::move(options));
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) {
    return;
  }
  server_ = std::move(s).value();
  auto port = server_->Bind();
  EXPECT_TRUE(port.ok()) << port.status().ToString();
  if (!port.ok()) {
    return;
  }
  port_ = *port;
  thread_ = std::thread([this] { EXPECT_TRUE(server_->Run().ok()); });
  // The socket is bound, so clients may connect at once; wait for the accept
  // loop only so that Stop is never early.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!server_->running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
}

RunningServer::~RunningServer() {
  if (server_ != nullptr) {
    server_->Stop();
  }
  if (thread_.joinable()) {
    thread_.join();
  }
}

}  // namespace ecg::serve::testing
