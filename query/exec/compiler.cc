#include "query/exec/compiler.h"

#include "query/exec/ops/ops.h"

namespace ecg::query::exec {

Result<std::unique_ptr<Op>> Compile(const LogicalOp& op) {
  std::unique_ptr<Op> input;
  if (op.input && op.kind != LogicalOpKind::kDiff) {
    ECG_ASSIGN_OR_RETURN(input, Compile(*op.input));
  }
  switch (op.kind) {
    case LogicalOpKind::kScanKind:
      return NewScanKindOp(op.vertex_kind);
    case LogicalOpKind::kLookup:
      return NewLookupOp(LookupMode::kKeyOrName, op.vertex_kind, op.text);
    case LogicalOpKind::kNameIndex:
      return NewLookupOp(LookupMode::kName, op.vertex_kind, op.text);
    case LogicalOpKind::kFuzzyLookup:
      return NewLookupOp(LookupMode::kFuzzy, op.vertex_kind, op.text);
    case LogicalOpKind::kFilter:
      return NewFilterOp(std::move(input), op.predicate.get());
    case LogicalOpKind::kExpand:
      return NewExpandOp(std::move(input), &op.step, op.track_paths, op.keep_edges);
    case LogicalOpKind::kExpandVar:
      return NewExpandVarOp(std::move(input), &op.step, op.track_paths, op.keep_edges);
    case LogicalOpKind::kProject:
      return NewProjectOp(std::move(input), &op.items);
    case LogicalOpKind::kDistinct:
      return NewDistinctOp(std::move(input));
    case LogicalOpKind::kKeep:
      return NewKeepOp(std::move(input), op.slot);
    case LogicalOpKind::kSort:
      return NewSortOp(std::move(input), &op.items);
    case LogicalOpKind::kLimit:
      return NewLimitOp(std::move(input), op.limit);
    case LogicalOpKind::kAggregate:
      return NewAggregateOp(std::move(input), &op.items, &op.aggregates);
    case LogicalOpKind::kAffiliates:
      return NewAffiliatesOp(std::move(input), op.threshold);
    case LogicalOpKind::kHistory:
      return NewHistoryOp(std::move(input));
    case LogicalOpKind::kDiff: {
      // The input runs twice, once per date, so it is compiled twice.
      ECG_ASSIGN_OR_RETURN(std::unique_ptr<Op> at_from, Compile(*op.input));
      ECG_ASSIGN_OR_RETURN(std::unique_ptr<Op> at_to, Compile(*op.input));
      return NewDiffOp(std::move(at_from), std::move(at_to), op.from, op.to);
    }
  }
  return Status::Internal("unknown logical op");
}

}  // namespace ecg::query::exec
