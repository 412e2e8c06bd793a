// Helpers for the ingest run and list writer tests: a temporary store opened
// with the ICU TextNormalizer and an Ingester with the default handlers.
#ifndef ECG_TESTS_INGEST_RUN_TEST_UTIL_H_
#define ECG_TESTS_INGEST_RUN_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "ingest/run/ingest_run.h"
#include "ingest/util/sha256.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg::ingest::run_test {

class IngestFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = text::TextNormalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value();
    store::Options options;
    options.normalizer = normalizer_.get();
    auto s = store::GraphStore::Open(dir_.Sub("db"), options);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ingester_ = std::make_unique<Ingester>(store_.get(), normalizer_.get());
    ingester_->RegisterDefaultHandlers();
  }

  RunReport Ingest(const std::vector<std::string>& paths, std::string format = {}) {
    IngestOptions options;
    options.format = std::move(format);
    options.run_date = Date::FromYmd(2026, 9, 1);
    RunReport report;
    Status s = ingester_->IngestFiles(paths, options, &report);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return report;
  }

  // Current listed_on edge statements whose provenance is the file `path`.
  std::vector<store::EdgeStatement> ListedOnFrom(const std::string& path) {
    auto view = store_->NewReadView();
    auto src =
        view->FindByKey(VertexKind::kSource, "sha256:" + Sha256Hex(testutil::ReadFile(path)));
    std::vector<store::EdgeStatement> out;
    if (!src.ok() || !src->valid()) {
      ADD_FAILURE() << "no source vertex for " << path;
      return out;
    }
    std::vector<store::PropertyStatement> props;
    std::vector<store::EdgeStatement> edges;
    EXPECT_OK(view->StatementsFrom(*src, &props, &edges));
    for (auto& e : edges) {
      if (e.type == EdgeType::kListedOn && e.meta.current()) {
        out.push_back(std::move(e));
      }
    }
    return out;
  }

  // Entities whose name or alias normalises like `name`.
  std::vector<VertexId> EntitiesNamed(const std::string& name) {
    auto view = store_->NewReadView();
    std::vector<VertexId> out;
    EXPECT_OK(view->FindByName(name, VertexKind::kEntity, [&](VertexId id, std::string_view) {
      out.push_back(id);
      return true;
    }));
    return out;
  }

  testutil::TempDir dir_;
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<Ingester> ingester_;
};

inline std::string Shared(const std::string& rel) {
  return testutil::SharedData(rel);
}
inline std::string Demo(const std::string& rel) {
  return std::string(ECG_SOURCE_DIR) + "/demo/lists/" + rel;
}

}  // namespace ecg::ingest::run_test

#endif  // ECG_TESTS_INGEST_RUN_TEST_UTIL_H_
