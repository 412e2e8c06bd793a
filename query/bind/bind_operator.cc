// Binder: the operators of a pipeline, one function each (BindOperator
// dispatches on the operator's kind).
#include "query/bind/binder.h"

namespace ecg::query {

Status Binder::NeedVertices(const ast::Operator& op) const {
  if (scope_.tabular) {
    return Error(op.span, "'" + std::string(ast::OpKindName(op.kind)) +
                              "' needs vertices, but the pipeline produces a table here");
  }
  return Status::OK();
}

Status Binder::BindOperator(const ast::Operator& op, BoundQuery* out) {
  BoundOp bop;
  switch (op.kind) {
    case ast::OpKind::kWhere:
      ECG_RETURN_IF_ERROR(BindWhere(op, &bop));
      break;
    case ast::OpKind::kSelect:
    case ast::OpKind::kPath:
      ECG_RETURN_IF_ERROR(BindProject(op, &bop));
      out->needs_paths = out->needs_paths || op.kind == ast::OpKind::kPath;
      break;
    case ast::OpKind::kDistinct:
      bop.kind = BoundOpKind::kDistinct;
      break;
    case ast::OpKind::kSort:
      ECG_RETURN_IF_ERROR(BindSort(op, &bop));
      break;
    case ast::OpKind::kLimit:
      ECG_RETURN_IF_ERROR(BindLimit(op, &bop));
      break;
    case ast::OpKind::kCount:
    case ast::OpKind::kCountBy:
    case ast::OpKind::kGroupBy:
      ECG_RETURN_IF_ERROR(BindAggregate(op, &bop));
      break;
    case ast::OpKind::kAsOf:
    case ast::OpKind::kKnownAt:
      // A time point is a setting of the whole query, not an operator.
      return BindTimePoint(op, out);
    case ast::OpKind::kHistory:
      ECG_RETURN_IF_ERROR(BindHistory(op, &bop));
      break;
    case ast::OpKind::kDiff:
      ECG_RETURN_IF_ERROR(BindDiff(op, &bop));
      break;
    case ast::OpKind::kAffiliates:
      ECG_RETURN_IF_ERROR(BindAffiliates(op, &bop));
      break;
  }
  out->ops.push_back(std::move(bop));
  return Status::OK();
}

Status Binder::BindWhere(const ast::Operator& op, BoundOp* bop) {
  bop->kind = BoundOpKind::kFilter;
  ECG_ASSIGN_OR_RETURN(bop->predicate, BindExpr(*op.expr, /*edge_only=*/false));
  return Status::OK();
}

Status Binder::BindSort(const ast::Operator& op, BoundOp* bop) {
  bop->kind = BoundOpKind::kSort;
  for (const ast::Item& item : op.items) {
    ECG_ASSIGN_OR_RETURN(auto e, BindField(item.qualifier, item.name, item.span, false));
    bop->items.push_back(BoundItem{item.name, std::move(e), item.descending});
  }
  return Status::OK();
}

Status Binder::BindLimit(const ast::Operator& op, BoundOp* bop) {
  bop->kind = BoundOpKind::kLimit;
  ECG_ASSIGN_OR_RETURN(Value v, ArgValue(op.args[0]));
  if (v.type() != PropertyType::kInt || v.as_int() < 0) {
    return Error(op.args[0].span, "limit needs a non-negative integer");
  }
  bop->limit = v.as_int();
  return Status::OK();
}

Status Binder::BindTimePoint(const ast::Operator& op, BoundQuery* out) {
  std::optional<Date>& slot = op.kind == ast::OpKind::kAsOf ? out->as_of : out->known_at;
  if (slot) {
    return Error(op.span, "'" + std::string(ast::OpKindName(op.kind)) +
                              "' given twice; a query has one time point");
  }
  ECG_ASSIGN_OR_RETURN(Date day, DateArg(op.args[0]));
  slot = day;  // Date::Max() ("today") is resolved by the executor
  return Status::OK();
}

Status Binder::BindHistory(const ast::Operator& op, BoundOp* bop) {
  ECG_RETURN_IF_ERROR(NeedVertices(op));
  bop->kind = BoundOpKind::kHistory;
  scope_.tabular = true;
  scope_.columns = {"id", "name", "from", "to", "event", "field", "value", "source", "run"};
  return Status::OK();
}

Status Binder::BindDiff(const ast::Operator& op, BoundOp* bop) {
  ECG_RETURN_IF_ERROR(NeedVertices(op));
  bop->kind = BoundOpKind::kDiff;
  ECG_ASSIGN_OR_RETURN(bop->from, DateArg(op.args[0]));
  ECG_ASSIGN_OR_RETURN(bop->to, DateArg(op.args[1]));
  if (!(bop->from < bop->to) || bop->from.is_max()) {
    return Error(op.args[1].span, "diff needs the second date after the first");
  }
  scope_.tabular = true;
  scope_.columns = {"change", "id", "kind", "key", "name", "detail"};
  return Status::OK();
}

Status Binder::BindAffiliates(const ast::Operator& op, BoundOp* bop) {
  ECG_RETURN_IF_ERROR(NeedVertices(op));
  if (!scope_.kinds.empty() &&
      (scope_.kinds.size() != 1 || scope_.kinds[0] != VertexKind::kEntity)) {
    return Error(op.span, "affiliates needs a set of entities");
  }
  bop->kind = BoundOpKind::kAffiliates;
  if (!op.args.empty()) {
    ECG_ASSIGN_OR_RETURN(Value v, ArgValue(op.args[0]));
    double t = 0;
    if (!v.ToNumber(&t) || t <= 0 || t > 100) {
      return Error(op.args[0].span, "affiliates threshold must be a percentage in (0, 100]");
    }
    bop->threshold = t;
  }
  scope_.kinds = {VertexKind::kEntity};
  scope_.edge.reset();
  scope_.any_edge = false;
  scope_.names.clear();  // the affiliates are new rows, not the steps' vertices
  scope_.extras = {"pct", "owners", "rule"};
  return Status::OK();
}

Status Binder::BindProject(const ast::Operator& op, BoundOp* bop) {
  bop->kind = BoundOpKind::kProject;
  if (op.kind == ast::OpKind::kPath) {
    if (scope_.tabular) {
      return Error(op.span, "'path' needs vertices, but the pipeline produces a table here");
    }
    auto e = std::make_unique<BoundExpr>();
    e->kind = BoundExprKind::kPath;
    e->name = "path";
    bop->items.push_back(BoundItem{"path", std::move(e), false});
  }
  for (const ast::Item& item : op.items) {
    ECG_ASSIGN_OR_RETURN(auto e, BindField(item.qualifier, item.name, item.span, false));
    std::string name = item.qualifier.empty() ? item.name : item.qualifier + "." + item.name;
    bop->items.push_back(BoundItem{name, std::move(e), false});
  }
  std::vector<std::string> columns;
  for (const BoundItem& item : bop->items) {
    columns.push_back(item.name);
  }
  scope_.tabular = true;
  scope_.columns = std::move(columns);
  return Status::OK();
}

Status Binder::BindAggregate(const ast::Operator& op, BoundOp* bop) {
  bop->kind = BoundOpKind::kAggregate;
  bop->order_by_count = op.kind == ast::OpKind::kCountBy;
  bool saw_aggregate = false;
  for (const ast::Item& item : op.items) {
    if (item.aggregate.empty()) {
      ECG_ASSIGN_OR_RETURN(auto e, BindField(item.qualifier, item.name, item.span, false));
      // Named like select's columns (`count by e.country` gives `e.country`),
      // except that a last-step edge field keeps its bare name as before.
      std::string name = item.qualifier.empty() || item.qualifier == "edge"
                             ? item.name
                             : item.qualifier + "." + item.name;
      bop->items.push_back(BoundItem{name, std::move(e), false});
      continue;
    }
    saw_aggregate = true;
    BoundAggregate agg;
    agg.fn = item.aggregate == "count" ? AggregateFn::kCount
             : item.aggregate == "sum" ? AggregateFn::kSum
             : item.aggregate == "min" ? AggregateFn::kMin
             : item.aggregate == "max" ? AggregateFn::kMax
                                       : AggregateFn::kAvg;
    agg.name = item.name.empty() ? item.aggregate : item.aggregate + "_" + item.name;
    if (!item.name.empty()) {
      ECG_ASSIGN_OR_RETURN(agg.arg, BindField(item.qualifier, item.name, item.span, false));
    }
    bop->aggregates.push_back(std::move(agg));
  }
  if (op.kind != ast::OpKind::kGroupBy || !saw_aggregate) {
    bop->aggregates.push_back(BoundAggregate{AggregateFn::kCount, "count", nullptr});
  }
  std::vector<std::string> columns;
  for (const BoundItem& item : bop->items) {
    columns.push_back(item.name);
  }
  for (const BoundAggregate& agg : bop->aggregates) {
    columns.push_back(agg.name);
  }
  scope_.tabular = true;
  scope_.columns = std::move(columns);
  return Status::OK();
}

}  // namespace ecg::query
