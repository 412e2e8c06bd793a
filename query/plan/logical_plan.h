// LogicalPlan: the operator tree the Planner builds from a BoundQuery, shown
// by `explain`. Plans hold ids and bound expressions, never a snapshot, so a
// prepared plan may be executed many times. Immutable after planning:
// thread-safe for concurrent reads.
#ifndef ECG_QUERY_PLAN_LOGICAL_PLAN_H_
#define ECG_QUERY_PLAN_LOGICAL_PLAN_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/bind/bound.h"

namespace ecg::query {

enum class LogicalOpKind : uint8_t {
  kScanKind,     // every vertex of `vertex_kind`
  kLookup,       // natural key `text`, else exact name through the name index
  kNameIndex,    // exact name `text` through the name index only
  kFuzzyLookup,  // name index: normalised keys of `text` and their prefixes
  kFilter,       // predicate
  kExpand,       // one hop along step.type
  kExpandVar,    // variable-length hops, BFS, cycle-safe
  kProject,      // items -> columns
  kDistinct,
  kSort,  // items with descending flags
  kLimit,
  kAggregate,   // group keys (items) and aggregates
  kAffiliates,  // fixed point of aggregate ownership >= threshold
  kHistory,     // every statement about each vertex, by valid time
  kDiff,        // input evaluated at `from` and at `to`, compared
  kKeep,        // a named step (`as text`): keeps each row's vertex and edge in `slot`
};

struct LogicalOp {
  LogicalOpKind kind = LogicalOpKind::kScanKind;
  std::unique_ptr<LogicalOp> input;

  VertexKind vertex_kind{};  // scans and lookups
  std::string text;          // lookups
  BoundStep step;            // expands (its `where` is planned as a Filter)
  bool track_paths = false;  // expands
  // Expands: keep each row's edge because a later op reads its properties
  // (paths and graph output keep it regardless).
  bool keep_edges = false;
  std::unique_ptr<BoundExpr> predicate;    // kFilter
  std::vector<BoundItem> items;            // kProject, kSort, kAggregate keys
  std::vector<BoundAggregate> aggregates;  // kAggregate
  int64_t limit = 0;                       // kLimit
  double threshold = 50;                   // kAffiliates
  Date from;                               // kDiff
  Date to;                                 // kDiff
  int slot = -1;                           // kKeep
  // Output column names when the op produces a table (project, aggregate,
  // history, diff); empty while it produces vertices.
  std::vector<std::string> columns;

  // One line for this op ("Expand out owns -> entity [(>= edge.pct 50)]").
  std::string Describe() const;
  // This op and its inputs, root first, indented by depth.
  std::string ToString(int indent = 0) const;
};

struct LogicalPlan {
  std::unique_ptr<LogicalOp> root;
  std::optional<Date> as_of;     // valid time; nullopt = today
  std::optional<Date> known_at;  // record time; nullopt = current knowledge
  bool explain = false;
  std::vector<std::string> columns;  // the result's column names

  // The operator tree followed by the time settings; the text of `explain`.
  std::string ToString() const;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_PLAN_LOGICAL_PLAN_H_
