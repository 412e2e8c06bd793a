// Snapshots of one feed are ordered by their own dates, not by arrival: an
// older snapshot ingested after a newer one (China's 2026-06-29 sanctions
// list after the 2026-08-07 one), and a re-encoded copy of an old file (new
// hash, same date), add history and never close what the newer snapshot
// holds. The graph after either order is the same.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "tests/reliability/in_process.h"
#include "tests/testutil/testutil.h"

namespace ecg::reliability {
namespace {

const char kOld[] = "cn_sanctions_opensanctions/sanctions_2026-06-29.csv";
const char kNew[] = "cn_sanctions_opensanctions/sanctions_2026-08-07.csv";

// The file as another export would write it: a UTF-8 BOM and CRLF line
// ends. Same records, same date in its name, another SHA-256.
std::string Reencoded(const std::string& csv) {
  std::string out = "\xEF\xBB\xBF";
  for (char c : csv) {
    if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

TEST(SnapshotOrderTest, OlderSnapshotIngestedLateClosesNothingAndAddsItsHistory) {
  testutil::TempDir dir;
  const std::string old_path = testutil::SharedData(kOld);
  const std::string new_path = testutil::SharedData(kNew);

  Graph in_order(dir.Sub("in_order"));
  in_order.Ingest(old_path);
  in_order.Ingest(new_path);

  Graph late(dir.Sub("late"));
  late.Ingest(new_path);
  const auto newest_only = late.ListedOn();
  ingest::FileReport old_late = late.Ingest(old_path);
  ASSERT_EQ(old_late.status, ingest::FileReport::Status::kLoaded) << old_late.error;
  // Before the fix this closed 229 listings the 2026-08-07 list holds.
  EXPECT_EQ(old_late.counts.edges_closed, 0u);
  const auto after = late.ListedOn();
  // Every listing of the newest snapshot is still there, still open.
  for (const auto& [id, valid] : newest_only) {
    auto it = after.find(id);
    ASSERT_NE(it, after.end()) << std::get<0>(id);
    for (const std::string& interval : valid) {
      EXPECT_NE(std::find(it->second.begin(), it->second.end(), interval), it->second.end())
          << std::get<0>(id) << " " << std::get<1>(id) << ": " << interval << " was changed";
    }
  }
  // The same history as ingesting the snapshots in their own order.
  const auto expected = in_order.ListedOn();
  for (const auto& [id, intervals] : expected) {
    auto it = after.find(id);
    EXPECT_TRUE(it != after.end() && it->second == intervals)
        << std::get<0>(id) << " on " << std::get<1>(id) << ": expected " << intervals.front()
        << (it == after.end() ? std::string(", missing") : ", got " + it->second.front());
  }
  EXPECT_EQ(after.size(), expected.size());
  EXPECT_GT(after.size(), newest_only.size()) << "the older snapshot added no history";
}

TEST(SnapshotOrderTest, ReencodedCopyOfAnOldSnapshotChangesNothing) {
  testutil::TempDir dir;
  Graph g(dir.Sub("db"));
  g.Ingest(testutil::SharedData(kOld));
  g.Ingest(testutil::SharedData(kNew));
  const auto before = g.ListedOn();
  const std::string copy = dir.Sub("sanctions_2026-06-29_reexport.csv");
  testutil::WriteFile(copy, Reencoded(testutil::ReadFile(testutil::SharedData(kOld))));
  ingest::FileReport r = g.Ingest(copy);
  ASSERT_EQ(r.status, ingest::FileReport::Status::kLoaded) << r.error;
  EXPECT_EQ(r.counts.edges_closed, 0u);
  EXPECT_EQ(g.ListedOn(), before);
}

}  // namespace
}  // namespace ecg::reliability
