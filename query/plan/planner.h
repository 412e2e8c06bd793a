// Planner: BoundQuery -> LogicalPlan. Chooses the index for the start set
// (natural key, name index, fuzzy name keys, or a kind scan; a start filter
// `name = "..."` becomes a name-index lookup), turns steps into Expand ops,
// `count by` into an aggregate plus sort, adds the default projection, and
// switches on path tracking only when something reads paths. Stateless:
// thread-safe.
#ifndef ECG_QUERY_PLAN_PLANNER_H_
#define ECG_QUERY_PLAN_PLANNER_H_

#include "query/bind/bound.h"
#include "query/plan/logical_plan.h"
#include "schema/result.h"

namespace ecg::query {

// Columns of the default projection of a vertex set: id, kind, key, name,
// followed by any extra columns an operator added (affiliates).
inline constexpr const char* kDefaultColumns[] = {"id", "kind", "key", "name"};

class Planner {
 public:
  // Consumes `query` (its expressions move into the plan).
  Result<LogicalPlan> Plan(BoundQuery query) const;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_PLAN_PLANNER_H_
