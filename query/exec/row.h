// Rows flowing between exec ops. A row is a current vertex (with the edge
// that led to it and, when tracked, the path) until a projection turns the
// stream into a table; the vertex fields stay for graph output.
// Plain data: thread-compatible.
#ifndef ECG_QUERY_EXEC_ROW_H_
#define ECG_QUERY_EXEC_ROW_H_

#include <memory>
#include <vector>

#include "schema/ids.h"
#include "schema/value.h"
#include "store/graph_store.h"

namespace ecg::query::exec {

// A path as a parent-linked list, shared between rows that extend it.
struct PathNode {
  VertexId vertex;
  std::shared_ptr<const store::EdgeStatement> edge;  // from the parent; null at the start
  std::shared_ptr<const PathNode> parent;
};

// What a named step (`as r`) kept: its vertex and the edge that reached it.
struct Named {
  VertexId vertex;
  std::shared_ptr<const store::EdgeStatement> edge;
};

struct Row {
  VertexId vertex;
  std::shared_ptr<const store::EdgeStatement> edge;  // the last step's edge
  std::shared_ptr<const PathNode> path;              // when paths are tracked
  std::vector<Value> extras;                         // operator columns (affiliates)
  std::vector<Value> values;                         // table columns
  std::vector<Named> named;                          // by slot, once the step ran
};

using Chunk = std::vector<Row>;
inline constexpr size_t kChunkRows = 1024;

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_ROW_H_
