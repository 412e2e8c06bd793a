// Fixture for the regulation writer tests: a fresh store in a TempDir with
// the ICU name normalizer, and helpers that write through a RegWriter in one
// run and read the result back.
#ifndef ECG_TESTS_INGEST_REGS_WRITER_TEST_UTIL_H_
#define ECG_TESTS_INGEST_REGS_WRITER_TEST_UTIL_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/writer.h"
#include "schema/catalog.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg::ingest {

// A time filter that shows the facts valid on `day`.
inline store::TimeFilter AsOf(Date day) {
  store::TimeFilter filter;
  filter.as_of = day;
  return filter;
}

class RegWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto norm = text::TextNormalizer::Create();
    ASSERT_TRUE(norm.ok()) << norm.status().ToString();
    normalizer_ = std::move(norm).value();
    store::Options options;
    options.normalizer = normalizer_.get();
    auto opened = store::GraphStore::Open(dir_.Sub("db"), options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  // Runs `fn` on a RegWriter over one batch of a new run (source vertex
  // "test:<label>") and commits. Returns the writer's counts.
  RegWriteCounts Write(const std::string& label, const std::function<Status(RegWriter*)>& fn) {
    RegWriteCounts counts;
    auto run = store_->BeginRun(label);
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    if (!run.ok()) {
      return counts;
    }
    std::unique_ptr<store::ReadView> view = store_->NewReadView();
    auto batch = store_->NewBatch(*run);
    EXPECT_TRUE(batch.ok()) << batch.status().ToString();
    if (!batch.ok()) {
      return counts;
    }
    auto source = (*batch)->Vertex(VertexKind::kSource, "test:" + label);
    EXPECT_TRUE(source.ok());
    RegWriter writer(batch->get(), *source, view.get(), normalizer_.get());
    Status s = fn(&writer);
    EXPECT_TRUE(s.ok()) << s.ToString();
    Status c = (*batch)->Commit();
    EXPECT_TRUE(c.ok()) << c.ToString();
    return writer.counts();
  }

  VertexId Find(VertexKind kind, const std::string& key, store::TimeFilter filter = {}) {
    auto view = store_->NewReadView(filter);
    auto id = view->FindByKey(kind, key);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : VertexId();
  }

  Value Get(VertexId id, const std::string& prop, store::TimeFilter filter = {}) {
    auto view = store_->NewReadView(filter);
    auto v = view->GetValue(id, testutil::PropId(prop));
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : Value();
  }

  // Every visible value of a (multi-valued) property.
  std::vector<Value> Values(VertexId id, const std::string& prop) {
    auto view = store_->NewReadView();
    std::vector<store::PropertyStatement> out;
    EXPECT_OK(view->GetProperties(id, testutil::PropId(prop), &out));
    std::vector<Value> values;
    for (const auto& st : out) {
      values.push_back(st.value);
    }
    return values;
  }

  struct EdgeSeen {
    std::string other_key;  // the neighbour's primary key
    VertexId other;
    store::EdgeStatement edge;
  };
  // Visible edges of `type` at `id` in `dir` (kOut or kIn).
  std::vector<EdgeSeen> Edges(VertexId id, store::Direction dir, EdgeType type,
                              store::TimeFilter filter = {}) {
    auto view = store_->NewReadView(filter);
    std::vector<EdgeSeen> out;
    EXPECT_OK(view->ForEachEdge(id, dir, type, [&](const store::EdgeStatement& e) {
      VertexId other = dir == store::Direction::kIn ? e.src : e.dst;
      auto rec = view->GetVertex(other);
      out.push_back({rec.ok() ? rec->key : std::string(), other, e});
      return true;
    }));
    return out;
  }

  // The edge of `type` from `src` to the vertex with primary key `dst_key`.
  const EdgeSeen* FindEdge(const std::vector<EdgeSeen>& edges, const std::string& key) {
    for (const EdgeSeen& e : edges) {
      if (e.other_key == key) {
        return &e;
      }
    }
    return nullptr;
  }

  testutil::TempDir dir_;
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
};

}  // namespace ecg::ingest

#endif  // ECG_TESTS_INGEST_REGS_WRITER_TEST_UTIL_H_
