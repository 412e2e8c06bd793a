// Factories for the exec operators, one implementation file each. Ops keep
// pointers into the LogicalPlan they were compiled from, which must outlive
// them.
#ifndef ECG_QUERY_EXEC_OPS_OPS_H_
#define ECG_QUERY_EXEC_OPS_OPS_H_

#include <memory>
#include <string>
#include <vector>

#include "query/bind/bound.h"
#include "query/exec/op.h"

namespace ecg::query::exec {

enum class LookupMode : uint8_t { kKeyOrName, kName, kFuzzy };

std::unique_ptr<Op> NewScanKindOp(VertexKind kind);
std::unique_ptr<Op> NewLookupOp(LookupMode mode, VertexKind kind, std::string text);
std::unique_ptr<Op> NewFilterOp(std::unique_ptr<Op> child, const BoundExpr* predicate);
// `keep_edges`: rows carry the edge that reached them (also kept when paths
// are tracked or ExecOptions::collect_graph is set); otherwise edges are
// never copied out of the store's callback.
std::unique_ptr<Op> NewExpandOp(std::unique_ptr<Op> child, const BoundStep* step, bool track_paths,
                                bool keep_edges);
std::unique_ptr<Op> NewExpandVarOp(std::unique_ptr<Op> child, const BoundStep* step,
                                   bool track_paths, bool keep_edges);
std::unique_ptr<Op> NewProjectOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* items);
// Keeps each row's vertex and edge in `slot` of Row::named (`as name`).
std::unique_ptr<Op> NewKeepOp(std::unique_ptr<Op> child, int slot);
std::unique_ptr<Op> NewDistinctOp(std::unique_ptr<Op> child);
std::unique_ptr<Op> NewSortOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* keys);
std::unique_ptr<Op> NewLimitOp(std::unique_ptr<Op> child, int64_t limit);
std::unique_ptr<Op> NewAggregateOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* keys,
                                   const std::vector<BoundAggregate>* aggregates);
std::unique_ptr<Op> NewAffiliatesOp(std::unique_ptr<Op> child, double threshold);
std::unique_ptr<Op> NewHistoryOp(std::unique_ptr<Op> child);
// Runs `at_from` with the valid date moved to `from`, `at_to` at `to`, and
// compares the vertex sets they produce.
std::unique_ptr<Op> NewDiffOp(std::unique_ptr<Op> at_from, std::unique_ptr<Op> at_to, Date from,
                              Date to);

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_OPS_OPS_H_
