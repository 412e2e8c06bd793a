// ResultSet: what a query returns — named columns and rows of Values, plus
// optional graph-shaped data (the vertices and edges behind the rows) for
// DOT / GraphML output. Plain data: thread-compatible.
#ifndef ECG_QUERY_RESULT_SET_H_
#define ECG_QUERY_RESULT_SET_H_

#include <string>
#include <vector>

#include "schema/ids.h"
#include "schema/kinds.h"
#include "schema/value.h"

namespace ecg::query {

struct GraphVertex {
  VertexId id;
  VertexKind kind{};
  std::string key;
  std::string label;  // the name, or the key when it has none
};

struct GraphEdge {
  VertexId src;
  VertexId dst;
  EdgeType type{};
  std::string label;  // e.g. "owns 60%"
};

struct ResultGraph {
  std::vector<GraphVertex> vertices;  // distinct, in first-seen order
  std::vector<GraphEdge> edges;       // distinct (src, type, dst), in first-seen order
  bool empty() const { return vertices.empty(); }
};

struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // each has columns.size() values
  ResultGraph graph;                     // filled when ExecOptions::collect_graph
  // True when max_rows cut the result; stopped_by then names the limit.
  bool truncated = false;
  std::string stopped_by;
  // Remarks for people: limits hit, the affiliates rule's status.
  std::vector<std::string> notices;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_RESULT_SET_H_
