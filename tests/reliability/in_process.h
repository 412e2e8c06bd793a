// An in-process graph for the campaign tests: a store opened with the ICU
// text normalizer and an Ingester with every handler, as `ecg ingest` uses.
// Not thread-safe.
#ifndef ECG_TESTS_RELIABILITY_IN_PROCESS_H_
#define ECG_TESTS_RELIABILITY_IN_PROCESS_H_

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

namespace ecg::reliability {

// One store and ingester; files are ingested one run each, in order.
class Graph {
 public:
  explicit Graph(const std::string& dir, bool in_memory = false) {
    auto n = text::TextNormalizer::Create();
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value();
    store::Options options;
    options.normalizer = normalizer_.get();
    options.in_memory = in_memory;
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

  // As Ingest, for bytes that are not in a file.
  ingest::FileReport IngestBytes(const std::string& label, const std::string& bytes) {
    ingest::IngestOptions options;
    options.run_date = Date::FromYmd(2026, 9, 1);
    ingest::RunReport report;
    EXPECT_OK(ingester_->IngestBytes(label, bytes, options, &report));
    EXPECT_EQ(report.files.size(), 1u);
    return report.files.empty() ? ingest::FileReport{} : report.files[0];
  }

  // Every current listed_on statement by (list key, discriminator: the
  // record's id), with its valid intervals: what `as of` and `diff` see.
  // Not by entity key, which entity resolution may choose by file order.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> ListedOn() {
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> out;
    auto view = store_->NewReadView(store::TimeFilter{});
    Status scan = view->ScanKind(VertexKind::kEntity, [&](VertexId id) {
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
        out[{list->key, e.discriminator, ""}].push_back(e.meta.valid.ToString());
      }
      return true;
    });
    EXPECT_OK(scan);
    for (auto& [id, intervals] : out) {
      std::sort(intervals.begin(), intervals.end());
    }
    return out;
  }

  store::GraphStore& store() { return *store_; }

 private:
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<ingest::Ingester> ingester_;
};

}  // namespace ecg::reliability

#endif  // ECG_TESTS_RELIABILITY_IN_PROCESS_H_
