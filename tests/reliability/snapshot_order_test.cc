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

#include "ingest/run/ingest_run.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg {
namespace {

const char kOld[] = "cn_sanctions_opensanctions/sanctions_2026-06-29.csv";
const char kNew[] = "cn_sanctions_opensanctions/sanctions_2026-08-07.csv";

// One store and ingester; files are ingested one run each, in order.
class Graph {
 public:
  explicit Graph(const std::string& dir) {
    auto n = text::TextNormalizer::Create();
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value();
    store::Options options;
    options.normalizer = normalizer_.get();
    auto s = store::GraphStore::Open(dir, options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ingester_ = std::make_unique<ingest::Ingester>(store_.get(), normalizer_.get());
    ingester_->RegisterDefaultHandlers();
  }

  ingest::FileReport Ingest(const std::string& path) {
    ingest::IngestOptions options;
    options.run_date = Date::FromYmd(2026, 9, 1);
    ingest::RunReport report;
    EXPECT_OK(ingester_->IngestFiles({path}, options, &report));
    EXPECT_EQ(report.files.size(), 1u);
    return report.files.empty() ? ingest::FileReport{} : report.files[0];
  }

  // Every current listed_on statement by (entity key, list key,
  // discriminator), with its valid interval: what `as of` and `diff` see.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> ListedOn() {
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> out;
    auto view = store_->NewReadView(store::TimeFilter{});
    EXPECT_OK(view->ScanKind(VertexKind::kEntity, [&](VertexId id) {
      auto rec = view->GetVertex(id);
      EXPECT_TRUE(rec.ok());
      std::vector<store::EdgeStatement> edges;
      EXPECT_OK(view->ForEachEdge(id, store::Direction::kOut, EdgeType::kListedOn,
                                  [&](const store::EdgeStatement& e) {
                                    edges.push_back(e);
                                    return true;
                                  }));
      for (const auto& e : edges) {
        auto list = view->GetVertex(e.dst);
        EXPECT_TRUE(list.ok());
        out[{rec->key, list->key, e.discriminator}].push_back(e.meta.valid.ToString());
      }
      return true;
    }));
    for (auto& [id, intervals] : out) {
      std::sort(intervals.begin(), intervals.end());
    }
    return out;
  }

 private:
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<ingest::Ingester> ingester_;
};

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
    EXPECT_EQ(it->second, valid) << std::get<0>(id) << " on " << std::get<1>(id);
  }
  // The same history as ingesting the snapshots in their own order.
  EXPECT_EQ(after, in_order.ListedOn());
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
}  // namespace ecg
