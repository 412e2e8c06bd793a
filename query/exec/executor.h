// Executor: runs a LogicalPlan over one ReadView (one RocksDB snapshot), so
// every hop of a traversal reads the same state, and collects a ResultSet.
// Stateless: thread-safe; each Run opens its own view.
#ifndef ECG_QUERY_EXEC_EXECUTOR_H_
#define ECG_QUERY_EXEC_EXECUTOR_H_

#include "query/options.h"
#include "query/plan/logical_plan.h"
#include "query/result_set.h"
#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::query::exec {

// Executes `plan` (or, for an explain plan, returns its text as rows of a
// single "plan" column). Errors: kResourceExhausted naming the limit that
// stopped the query; store errors as they come.
Result<ResultSet> Run(const LogicalPlan& plan, const store::GraphStore& store,
                      const ExecOptions& options);

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_EXECUTOR_H_
