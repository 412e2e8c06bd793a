// Compiler: maps each LogicalOp to its exec op (one Compile case per op).
// Stateless: thread-safe.
#ifndef ECG_QUERY_EXEC_COMPILER_H_
#define ECG_QUERY_EXEC_COMPILER_H_

#include <memory>

#include "query/exec/op.h"
#include "query/plan/logical_plan.h"
#include "schema/result.h"

namespace ecg::query::exec {

// The exec tree for `op`; it points into `op`, which must outlive it.
Result<std::unique_ptr<Op>> Compile(const LogicalOp& op);

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_COMPILER_H_
