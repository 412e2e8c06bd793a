// A full disk, for real: a small tmpfs mounted for the test (root only; the
// test is skipped, saying so, where mount(2) is refused). A full disk during
// an ingest is exit 7 with a clear message, never SIGABRT; the database stays
// whole and a retry after freeing space completes the load; a database that
// cannot be created is not left half-made.
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/reliability/child.h"
#include "tests/testutil/testutil.h"

namespace ecg::reliability {
namespace {

const char kSmall[] = "cn_sanctions_opensanctions/sanctions_2026-06-29.csv";

std::vector<std::string> BigFiles() {
  return {testutil::SharedData("bis_entity_list_ecfr_nsfreg/bis_entity_list.json"),
          testutil::SharedData("bis_entity_list_ecfr_nsfreg/dow_1260h.json")};
}

std::vector<std::string> Cat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// A tmpfs of `size` ("3m") mounted on a fresh directory; unmounted at the end.
class Tmpfs {
 public:
  explicit Tmpfs(const std::string& size) : dir_(tmp_.Sub("fs")) {
    std::filesystem::create_directories(dir_);
    mounted_ = mount("tmpfs", dir_.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~Tmpfs() {
    if (mounted_) {
      (void)umount2(dir_.c_str(), MNT_DETACH);
    }
  }
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;
  bool mounted() const { return mounted_; }
  std::string Sub(const std::string& name) const { return dir_ + "/" + name; }
  uint64_t Available() const {
    struct statvfs st {};
    return statvfs(dir_.c_str(), &st) == 0 ? static_cast<uint64_t>(st.f_bavail) * st.f_frsize : 0;
  }
  // Writes a file of zeros until only `leave` bytes are free (0: full).
  void Fill(const std::string& name, uint64_t leave) const {
    std::ofstream out(Sub(name), std::ios::binary);
    const std::string chunk(64 * 1024, '\0');
    while (out && Available() > leave + chunk.size()) {
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      out.flush();
    }
    if (leave == 0) {
      while (out.write("x", 1) && out.flush()) {
      }
    }
  }

 private:
  testutil::TempDir tmp_;
  std::string dir_;
  bool mounted_ = false;
};

#define ECG_REQUIRE_TMPFS(fs)                                                          \
  if (!(fs).mounted()) {                                                               \
    GTEST_SKIP() << "mount -t tmpfs was refused (needs root): the full-disk test did " \
                    "not run";                                                         \
  }

// `ecg stats --format json` without the fields that count runs or name the
// directory.
nlohmann::json Stats(const std::string& db) {
  ChildResult r = RunEcg({"--db", db, "stats", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_object()) {
    j.erase("runs");
    j.erase("database");
  }
  return j;
}

void ExpectCleanNoSpaceFailure(const ChildResult& r) {
  EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << ": " << r.err;
  EXPECT_EQ(r.exit_code, 7) << r.err;
  EXPECT_NE(r.err.find("disk full"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Assertion"), std::string::npos) << r.err;
}

TEST(FullDiskTest, IngestOntoANearlyFullDiskIsExitSevenAndRetryCompletesIt) {
  Tmpfs fs("160m");
  ECG_REQUIRE_TMPFS(fs);
  const std::string db = fs.Sub("g.db");
  ChildResult first = RunEcg({"--db", db, "ingest", testutil::SharedData(kSmall)});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const nlohmann::json before = Stats(db);

  fs.Fill("filler", uint64_t{6} << 20);
  ChildResult full = RunEcg(Cat({"--db", db, "ingest"}, BigFiles()));
  ExpectCleanNoSpaceFailure(full);
  ChildResult check = RunEcg({"--db", db, "check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(Stats(db), before) << "the refused ingest changed the graph";

  std::filesystem::remove(fs.Sub("filler"));
  ChildResult retry = RunEcg(Cat({"--db", db, "ingest"}, BigFiles()));
  ASSERT_EQ(retry.exit_code, 0) << retry.err;
  testutil::TempDir clean_dir;
  const std::string clean = clean_dir.Sub("clean.db");
  ASSERT_EQ(RunEcg({"--db", clean, "ingest", testutil::SharedData(kSmall)}).exit_code, 0);
  ASSERT_EQ(RunEcg(Cat({"--db", clean, "ingest"}, BigFiles())).exit_code, 0);
  EXPECT_EQ(Stats(db), Stats(clean));
}

// The campaign that found the abort: an ingest into an existing database on
// a small disk that fills during it. Before the fix this aborted in about one
// run of four (SIGABRT, exit 134: RocksDB's WritableFileWriter assertion once
// its log had met ENOSPC); now the free-space guard refuses the commit before
// RocksDB writes, every time, whatever room is left.
TEST(FullDiskTest, DiskFillingDuringIngestIsAnErrorNotAnAbort) {
  const char* sizes[] = {"3m", "4m", "6m", "8m", "12m", "20m", "24m", "32m"};
  for (const char* size : sizes) {
    SCOPED_TRACE(std::string("tmpfs of ") + size);
    Tmpfs fs(size);
    ECG_REQUIRE_TMPFS(fs);
    const std::string db = fs.Sub("g.db");
    // The first load goes in with the guard off (there is room for it), so
    // that the second meets a disk smaller than the reserve.
    ChildResult first =
        RunEcg({"--min-free-mb", "0", "--db", db, "ingest", testutil::SharedData(kSmall)});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ChildResult full = RunEcg(Cat({"--db", db, "ingest"}, BigFiles()));
    ExpectCleanNoSpaceFailure(full);
    ChildResult check = RunEcg({"--db", db, "check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }
}

TEST(FullDiskTest, DatabaseThatCannotBeCreatedIsNotLeftHalfMade) {
  for (const char* reserve : {"16", "1"}) {
    Tmpfs fs("2m");
    ECG_REQUIRE_TMPFS(fs);
    fs.Fill("filler", 0);
    const std::string db = fs.Sub("g.db");
    ChildResult r =
        RunEcg({"--min-free-mb", reserve, "--db", db, "ingest", testutil::SharedData(kSmall)});
    EXPECT_EQ(r.signal, 0) << r.err;
    EXPECT_EQ(r.exit_code, 7) << "--min-free-mb " << reserve << ": " << r.err;
    EXPECT_FALSE(std::filesystem::exists(db)) << "a half-made database was left behind";
    ChildResult stats = RunEcg({"--db", db, "stats"});
    EXPECT_EQ(stats.exit_code, 4) << stats.err;
    EXPECT_NE(stats.err.find("no database"), std::string::npos) << stats.err;
  }
}

TEST(FullDiskTest, DirectoryWithoutCurrentIsNoDatabase) {
  testutil::TempDir dir;
  const std::string db = dir.Sub("half.db");
  std::filesystem::create_directories(db);
  testutil::WriteFile(db + "/LOG", "");
  for (const char* cmd : {"stats", "check"}) {
    ChildResult r = RunEcg({"--db", db, cmd});
    EXPECT_EQ(r.exit_code, 4) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("no database"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_EQ(r.err.find("I/O error"), std::string::npos) << cmd << ": " << r.err;
  }
}

}  // namespace
}  // namespace ecg::reliability
