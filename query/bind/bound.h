// Bound query: the AST with every name resolved against the catalog (kinds,
// edge types, property ids), parameters substituted and literals typed.
// Produced by Binder, consumed by Planner; distinct from the AST types.
// Immutable after binding, so a plan holding it may be shared: thread-safe
// for concurrent reads.
#ifndef ECG_QUERY_BIND_BOUND_H_
#define ECG_QUERY_BIND_BOUND_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "schema/catalog.h"
#include "schema/date.h"
#include "schema/kinds.h"
#include "schema/value.h"
#include "store/graph_store.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace ecg::query {

enum class BoundExprKind : uint8_t {
  kConst,       // value
  kVertexProp,  // property `prop` of the current vertex
  kEdgeProp,    // property `prop` of the edge of the last step
  kId,          // the current vertex's id (int)
  kKind,        // the current vertex's kind name
  kKey,         // the current vertex's natural key
  kExtra,       // extra column `index` produced by an operator (affiliates)
  kColumn,      // column `index` of a tabular row (after select / count / group)
  kPath,        // the path to the current vertex, as text
  kEdgeMeta,    // the edge's valid from / to, source key or run (EdgeMeta `index`)
  kCompare,     // children[0] op children[1]
  kAnd,
  kOr,
  kNot,
  kIn,        // children[0] equals one of children[1..]
  kContains,  // substring (or element substring of a string list)
  kMatch,     // re2 partial match of children[0] with `regex`
  kExists,    // children[0] is not null
  kListed,    // the vertex has a visible listed_on edge (to list `value` when set)
};

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

// What kEdgeMeta reads from an edge statement.
enum class EdgeMeta : uint8_t { kFrom, kTo, kSource, kRun };

struct BoundExpr {
  BoundExprKind kind = BoundExprKind::kConst;
  Value value;
  const PropertyDef* prop = nullptr;
  size_t index = 0;
  // For the vertex and edge fields (kVertexProp, kEdgeProp, kEdgeMeta, kId,
  // kKind, kKey): the named step (`as r`) they read, or -1 for the current
  // vertex and the last step's edge.
  int slot = -1;
  CompareOp op = CompareOp::kEq;
  std::shared_ptr<const re2::RE2> regex;
  std::string name;  // display name of a field
  std::vector<std::unique_ptr<BoundExpr>> children;
  // kIn whose list is all string constants: the same strings as a hash set,
  // so that `name in [8,000 names]` costs one lookup per value, not 8,000
  // comparisons. Shared by clones (immutable).
  std::shared_ptr<const std::unordered_set<std::string>> string_set;

  // "(>= edge.pct 50)" style, for explain and golden plan tests.
  std::string ToString() const;
  std::unique_ptr<BoundExpr> Clone() const;
};

// A named output column or sort key.
struct BoundItem {
  std::string name;
  std::unique_ptr<BoundExpr> expr;
  bool descending = false;
};

enum class AggregateFn : uint8_t { kCount, kSum, kMin, kMax, kAvg };
std::string_view AggregateFnName(AggregateFn fn);

struct BoundAggregate {
  AggregateFn fn = AggregateFn::kCount;
  std::string name;                // output column name: "count", "sum_pct"
  std::unique_ptr<BoundExpr> arg;  // null for count
};

enum class StartMode : uint8_t {
  kAll,        // every vertex of the kind
  kKeyOrName,  // natural key, then exact name through the name index
  kFuzzy,      // normalised name keys and their prefixes, any script
};

struct BoundStart {
  VertexKind kind{};
  StartMode mode = StartMode::kAll;
  std::string text;
  int slot = -1;  // `as name`: the row slot the start vertex is kept in
  std::string name;
  std::unique_ptr<BoundExpr> where;
};

struct BoundStep {
  store::Direction dir = store::Direction::kOut;
  std::optional<EdgeType> type;  // nullopt: any edge type (`-> *`)
  bool variable = false;
  uint32_t min_hops = 1;
  uint32_t max_hops = 1;  // 0 = unbounded (up to ExecOptions::max_depth)
  std::unique_ptr<BoundExpr> edge_filter;
  std::optional<VertexKind> target;
  // True when the edge type's schema already guarantees the target kind, so
  // the executor need not read each neighbour's record to check it.
  bool target_implied = false;
  int slot = -1;  // `as name`: the row slot the vertex and edge are kept in
  std::string name;
  std::unique_ptr<BoundExpr> where;
};

enum class BoundOpKind : uint8_t {
  kStep,
  kFilter,
  kProject,
  kDistinct,
  kSort,
  kLimit,
  kAggregate,  // count, count by, group by
  kAffiliates,
  kHistory,
  kDiff,
};

struct BoundOp {
  BoundOpKind kind = BoundOpKind::kFilter;
  BoundStep step;                          // kStep
  std::unique_ptr<BoundExpr> predicate;    // kFilter
  std::vector<BoundItem> items;            // kProject, kSort, kAggregate (group keys)
  std::vector<BoundAggregate> aggregates;  // kAggregate
  bool order_by_count = false;             // kAggregate from `count by`
  int64_t limit = 0;                       // kLimit
  double threshold = 50;                   // kAffiliates (percent)
  Date from;                               // kDiff
  Date to;                                 // kDiff
};

struct BoundQuery {
  bool explain = false;
  BoundStart start;
  std::vector<BoundOp> ops;
  std::optional<Date> as_of;
  std::optional<Date> known_at;
  bool needs_paths = false;  // some stage reads the path
  size_t slots = 0;          // named steps
};

}  // namespace ecg::query

#endif  // ECG_QUERY_BIND_BOUND_H_
