// Helpers shared by every test binary: temporary directories and Status
// assertions that print the message.
#ifndef ECG_TESTS_TESTUTIL_TESTUTIL_H_
#define ECG_TESTS_TESTUTIL_TESTUTIL_H_

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "schema/catalog.h"
#include "schema/result.h"
#include "schema/status.h"

namespace ecg::testutil {

// The id of the catalog property called `name` (tests name properties as
// text); a test failure, and id 0, when the catalog has none.
PropertyId PropId(std::string_view name);

// A fresh directory under the system temp dir, removed (recursively) when the
// object dies. Each test gets its own.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Path of a file under ../shared/data; the test fails when it is missing.
std::string SharedData(const std::string& relative);
// Path of a fixture under tests/data.
std::string TestData(const std::string& relative);
// Whole file contents ("" when unreadable).
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);
// A minimal quote-aware CSV reader, independent of the project's (libcsv):
// rows of fields; CRLF, LF and CR end rows, "" is a quote inside quotes.
std::vector<std::vector<std::string>> ReadCsv(const std::string& text);

// What a shell command printed on stdout and its exit status (-1 when it did
// not exit normally), for the tests that run the ecg binary.
struct ShellRun {
  int exit_code = -1;
  std::string out;
};
ShellRun RunShell(const std::string& command);
// `s` as one word of a POSIX shell command: in single quotes, each ' as '\''.
std::string ShellQuote(const std::string& s);

}  // namespace ecg::testutil

#define ASSERT_OK(expr)                            \
  do {                                             \
    const ::ecg::Status ecg_s_ = (expr);           \
    ASSERT_TRUE(ecg_s_.ok()) << ecg_s_.ToString(); \
  } while (false)
#define EXPECT_OK(expr)                            \
  do {                                             \
    const ::ecg::Status ecg_s_ = (expr);           \
    EXPECT_TRUE(ecg_s_.ok()) << ecg_s_.ToString(); \
  } while (false)
// Asserts a Result is OK and moves its value into `lhs`.
#define ASSERT_OK_AND_ASSIGN(lhs, rexpr) \
  ASSERT_OK_AND_ASSIGN_IMPL_(ECG_STATUS_CONCAT_(ecg_test_result_, __LINE__), lhs, rexpr)
#define ASSERT_OK_AND_ASSIGN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                               \
  ASSERT_TRUE(tmp.ok()) << tmp.status().ToString(); \
  lhs = std::move(tmp).value()

#endif  // ECG_TESTS_TESTUTIL_TESTUTIL_H_
