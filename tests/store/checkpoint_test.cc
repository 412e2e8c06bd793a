// GraphStore::Checkpoint: a consistent copy that opens like the original and
// does not follow later writes to it.
#include <gtest/gtest.h>

#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

namespace ecg::store {
namespace {

Status AddEntity(GraphStore* store, const std::string& key) {
  ECG_ASSIGN_OR_RETURN(RunId run, store->BeginRun("test"));
  ECG_ASSIGN_OR_RETURN(auto batch, store->NewBatch(run));
  ECG_ASSIGN_OR_RETURN(VertexId id, batch->Vertex(VertexKind::kEntity, key));
  ECG_RETURN_IF_ERROR(
      batch->SetProperty(id, prop::kName, Value(key), Interval::Always(), VertexId()).status());
  return batch->Commit();
}

TEST(CheckpointTest, CopyOpensAndKeepsItsState) {
  testutil::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, GraphStore::Open(dir.Sub("db"), Options()));
  ASSERT_OK(AddEntity(store.get(), "before"));
  ASSERT_OK(store->Checkpoint(dir.Sub("copy")));
  ASSERT_OK(AddEntity(store.get(), "after"));
  EXPECT_EQ(store->Checkpoint(dir.Sub("copy")).code(), StatusCode::kAlreadyExists);

  Options ro;
  ro.read_only = true;
  ro.create_if_missing = false;
  ASSERT_OK_AND_ASSIGN(auto copy, GraphStore::Open(dir.Sub("copy"), ro));
  auto view = copy->NewReadView();
  ASSERT_OK_AND_ASSIGN(VertexId before, view->FindByKey(VertexKind::kEntity, "before"));
  EXPECT_TRUE(before.valid());
  ASSERT_OK_AND_ASSIGN(VertexId after, view->FindByKey(VertexKind::kEntity, "after"));
  EXPECT_FALSE(after.valid());
  EXPECT_EQ(copy->Checkpoint(dir.Sub("again")).code(), StatusCode::kNotSupported);
}

}  // namespace
}  // namespace ecg::store
