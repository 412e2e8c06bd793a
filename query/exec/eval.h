// Evaluation of bound expressions against a row. Null compares unequal to
// everything (so `!=` holds and `<` does not); a string-list value (alias)
// matches when any element does. Stateless apart from the context's caches.
#ifndef ECG_QUERY_EXEC_EVAL_H_
#define ECG_QUERY_EXEC_EVAL_H_

#include <string>

#include "query/bind/bound.h"
#include "query/exec/context.h"
#include "query/exec/row.h"
#include "schema/result.h"

namespace ecg::query::exec {

// The value of a field or constant expression for `row`.
Result<Value> Eval(const BoundExpr& expr, const Row& row, ExecContext& ctx);
// The truth of a condition for `row`.
Result<bool> Test(const BoundExpr& expr, const Row& row, ExecContext& ctx);
// "A -owns-> B <-adds- C": the row's path, or just the vertex's label.
Result<std::string> PathText(const Row& row, ExecContext& ctx);

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_EVAL_H_
