#include <gtest/gtest.h>

#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

namespace ecg::store {
namespace {

const PropertyId kName = prop::kName;
const PropertyId kPct = prop::kPct;

class BulkWriterTest : public ::testing::TestWithParam<BulkMode> {};

TEST_P(BulkWriterTest, LoadsVerticesEdgesAndNamesThatReadBack) {
  testutil::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, GraphStore::Open(dir.Sub("db"), Options()));
  ASSERT_OK_AND_ASSIGN(RunId run, store->BeginRun("bulk"));
  ASSERT_OK_AND_ASSIGN(auto writer, store->NewBulkWriter(run, GetParam()));
  std::vector<VertexId> ids;
  for (int i = 0; i < 50; ++i) {
    ASSERT_OK_AND_ASSIGN(VertexId v, writer->AddVertex(VertexKind::kEntity, std::to_string(i)));
    ASSERT_OK(writer->SetProperty(v, VertexKind::kEntity, kName,
                                  Value("Company " + std::to_string(i)), Interval::Always(),
                                  VertexId()));
    ids.push_back(v);
  }
  for (int i = 1; i < 50; ++i) {
    ASSERT_OK(writer->AddEdge(EdgeType::kOwns, ids[(i - 1) / 2], ids[i],
                              {{kPct, Value(50.0 + i % 3)}}, Interval::Always(), VertexId()));
  }
  EXPECT_EQ(writer
                ->AddEdge(EdgeType::kOwns, ids[0], ids[1], {{kPct, Value("x")}}, Interval::Always(),
                          VertexId())
                .code(),
            StatusCode::kInvalidArgument);
  ASSERT_OK(writer->Finish());
  writer.reset();
  auto view = store->NewReadView();
  int children = 0;
  ASSERT_OK(
      view->ForEachEdge(ids[0], Direction::kOut, EdgeType::kOwns, [&](const EdgeStatement& e) {
        EXPECT_GE(e.Get(kPct).as_double(), 50.0);
        ++children;
        return true;
      }));
  EXPECT_EQ(children, 2);
  ASSERT_OK_AND_ASSIGN(VertexId c7, view->FindByKey(VertexKind::kEntity, "7"));
  EXPECT_EQ(c7, ids[7]);
  int hits = 0;
  ASSERT_OK(view->FindByName("company 7", VertexKind::kEntity, [&](VertexId v, std::string_view) {
    EXPECT_EQ(v, ids[7]);
    ++hits;
    return true;
  }));
  EXPECT_EQ(hits, 1);
  std::vector<std::string> problems;
  ASSERT_OK(store->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems.front();
  // A later transactional batch continues the id sequence.
  ASSERT_OK_AND_ASSIGN(auto batch, store->NewBatch(run));
  ASSERT_OK_AND_ASSIGN(VertexId after, batch->Vertex(VertexKind::kEntity, "after"));
  EXPECT_GT(after.value(), ids.back().value());
  ASSERT_OK(batch->Commit());
}

INSTANTIATE_TEST_SUITE_P(Modes, BulkWriterTest,
                         ::testing::Values(BulkMode::kSstFiles, BulkMode::kWriteBatches));

TEST(SstBulkWriterTest, DuplicatePendingKeyFailsAndLeavesNothing) {
  testutil::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, GraphStore::Open(dir.Sub("db"), Options()));
  ASSERT_OK_AND_ASSIGN(RunId run, store->BeginRun("bulk"));
  ASSERT_OK_AND_ASSIGN(auto writer, store->NewBulkWriter(run, BulkMode::kSstFiles));
  ASSERT_OK(writer->AddVertex(VertexKind::kEntity, "same").status());
  ASSERT_OK(writer->AddVertex(VertexKind::kEntity, "other").status());
  ASSERT_OK(writer->AddVertex(VertexKind::kEntity, "same").status());  // caught at Finish
  Status s = writer->Finish();
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists) << s.ToString();
  writer.reset();
  ASSERT_OK_AND_ASSIGN(VertexId other,
                       store->NewReadView()->FindByKey(VertexKind::kEntity, "other"));
  EXPECT_FALSE(other.valid());  // the failed load is invisible
}

}  // namespace
}  // namespace ecg::store
