// Shared by the serve tests: the demo graph built by the real `ecg ingest`,
// a real server on a loopback ephemeral port, and the CLI runner.
#ifndef ECG_TESTS_SERVE_SERVE_TEST_UTIL_H_
#define ECG_TESTS_SERVE_SERVE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "serve/server.h"
#include "text/normalizer.h"

namespace ecg::serve::testing {

struct CliRun {
  int code = -1;
  std::string out;
};
// Runs build/tools/ecg with `args` (stderr discarded).
CliRun Ecg(const std::string& args);

// The demo fixtures in the order scripts/demo.sh ingests them.
std::vector<std::string> DemoFiles();
// build/serve-demo.db, built on first use by `ecg ingest` of DemoFiles()
// (the ctest fixture ServeDemoDb removes a stale one). Read-only for tests.
std::string DemoDb();

// The process's ICU normalizer (created once).
const text::TextNormalizer* Normalizer();

// A running server on 127.0.0.1 and an ephemeral port; stopped on scope exit.
class RunningServer {
 public:
  RunningServer(const std::string& db, ServeOptions options);
  ~RunningServer();
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;
  int port() const { return port_; }
  bool ok() const { return server_ != nullptr && port_ > 0; }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

// Options for tests: loopback, ephemeral port, two threads, no refresh.
ServeOptions TestOptions();

}  // namespace ecg::serve::testing

#endif  // ECG_TESTS_SERVE_SERVE_TEST_UTIL_H_
