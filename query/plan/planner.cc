#include "query/plan/planner.h"

#include <utility>

namespace ecg::query {
namespace {

std::unique_ptr<LogicalOp> Wrap(LogicalOpKind kind, std::unique_ptr<LogicalOp> input) {
  auto op = std::make_unique<LogicalOp>();
  op->kind = kind;
  op->input = std::move(input);
  return op;
}

std::unique_ptr<BoundExpr> Field(BoundExprKind kind, std::string name,
                                 const PropertyDef* prop = nullptr, size_t index = 0) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = kind;
  e->name = std::move(name);
  e->prop = prop;
  e->index = index;
  return e;
}

// `name = "literal"` on the start kind can use the name index.
const std::string* NameEquality(const BoundExpr* where) {
  if (where == nullptr || where->kind != BoundExprKind::kCompare || where->op != CompareOp::kEq) {
    return nullptr;
  }
  const BoundExpr* l = where->children[0].get();
  const BoundExpr* r = where->children[1].get();
  if (l->kind == BoundExprKind::kConst) {
    std::swap(l, r);
  }
  if (l->kind == BoundExprKind::kVertexProp && l->prop != nullptr && l->prop->name == "name" &&
      r->kind == BoundExprKind::kConst && r->value.type() == PropertyType::kString) {
    return &r->value.as_string();
  }
  return nullptr;
}

std::unique_ptr<LogicalOp> PlanStart(BoundStart& start) {
  auto op = std::make_unique<LogicalOp>();
  op->vertex_kind = start.kind;
  op->text = start.text;
  switch (start.mode) {
    case StartMode::kAll:
      op->kind = LogicalOpKind::kScanKind;
      if (const std::string* name = NameEquality(start.where.get())) {
        op->kind = LogicalOpKind::kNameIndex;
        op->text = *name;
      }
      break;
    case StartMode::kKeyOrName:
      op->kind = LogicalOpKind::kLookup;
      break;
    case StartMode::kFuzzy:
      op->kind = LogicalOpKind::kFuzzyLookup;
      break;
  }
  if (start.where) {
    op = Wrap(LogicalOpKind::kFilter, std::move(op));
    op->predicate = std::move(start.where);
  }
  return op;
}

bool ReadsEdge(const BoundExpr* e) {
  if (e == nullptr) {
    return false;
  }
  if (e->kind == BoundExprKind::kEdgeProp) {
    return true;
  }
  for (const auto& c : e->children) {
    if (ReadsEdge(c.get())) {
      return true;
    }
  }
  return false;
}

// True when an op after the step at `i`, up to the next step, reads the edge
// that step produced. Affiliates, history and diff replace or ignore the
// edge, except diff, which compares its properties.
bool EdgeReadAfter(const std::vector<BoundOp>& ops, size_t i) {
  if (ReadsEdge(ops[i].step.where.get())) {
    return true;
  }
  for (size_t j = i + 1; j < ops.size(); ++j) {
    const BoundOp& op = ops[j];
    if (op.kind == BoundOpKind::kStep || op.kind == BoundOpKind::kAffiliates ||
        op.kind == BoundOpKind::kHistory) {
      return false;
    }
    if (op.kind == BoundOpKind::kDiff || ReadsEdge(op.predicate.get())) {
      return true;
    }
    for (const BoundItem& item : op.items) {
      if (ReadsEdge(item.expr.get())) {
        return true;
      }
    }
    for (const BoundAggregate& agg : op.aggregates) {
      if (ReadsEdge(agg.arg.get())) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> DefaultColumns(const std::vector<std::string>& extras) {
  std::vector<std::string> cols(std::begin(kDefaultColumns), std::end(kDefaultColumns));
  cols.insert(cols.end(), extras.begin(), extras.end());
  return cols;
}

}  // namespace

Result<LogicalPlan> Planner::Plan(BoundQuery query) const {
  LogicalPlan plan;
  plan.as_of = query.as_of;
  plan.known_at = query.known_at;
  plan.explain = query.explain;
  std::unique_ptr<LogicalOp> op = PlanStart(query.start);
  std::vector<std::string> columns;  // empty while the pipeline yields vertices
  std::vector<std::string> extras;
  for (size_t i = 0; i < query.ops.size(); ++i) {
    BoundOp& b = query.ops[i];
    switch (b.kind) {
      case BoundOpKind::kStep: {
        op = Wrap(b.step.variable ? LogicalOpKind::kExpandVar : LogicalOpKind::kExpand,
                  std::move(op));
        op->track_paths = query.needs_paths;
        op->keep_edges = EdgeReadAfter(query.ops, i);
        std::unique_ptr<BoundExpr> where = std::move(b.step.where);
        op->step = std::move(b.step);
        if (where) {
          op = Wrap(LogicalOpKind::kFilter, std::move(op));
          op->predicate = std::move(where);
        }
        extras.clear();
        break;
      }
      case BoundOpKind::kFilter:
        op = Wrap(LogicalOpKind::kFilter, std::move(op));
        op->predicate = std::move(b.predicate);
        break;
      case BoundOpKind::kProject:
        op = Wrap(LogicalOpKind::kProject, std::move(op));
        op->items = std::move(b.items);
        for (const BoundItem& item : op->items) {
          op->columns.push_back(item.name);
        }
        columns = op->columns;
        break;
      case BoundOpKind::kDistinct:
        op = Wrap(LogicalOpKind::kDistinct, std::move(op));
        break;
      case BoundOpKind::kSort:
        op = Wrap(LogicalOpKind::kSort, std::move(op));
        op->items = std::move(b.items);
        break;
      case BoundOpKind::kLimit:
        op = Wrap(LogicalOpKind::kLimit, std::move(op));
        op->limit = b.limit;
        break;
      case BoundOpKind::kAggregate: {
        op = Wrap(LogicalOpKind::kAggregate, std::move(op));
        op->items = std::move(b.items);
        op->aggregates = std::move(b.aggregates);
        for (const BoundItem& item : op->items) {
          op->columns.push_back(item.name);
        }
        for (const BoundAggregate& agg : op->aggregates) {
          op->columns.push_back(agg.name);
        }
        columns = op->columns;
        if (b.order_by_count) {
          // `count by`: most frequent first, then by the keys.
          size_t nkeys = op->items.size();
          op = Wrap(LogicalOpKind::kSort, std::move(op));
          op->items.push_back(
              BoundItem{"count", Field(BoundExprKind::kColumn, "count", nullptr, nkeys), true});
          for (size_t k = 0; k < nkeys; ++k) {
            op->items.push_back(BoundItem{
                columns[k], Field(BoundExprKind::kColumn, columns[k], nullptr, k), false});
          }
        }
        break;
      }
      case BoundOpKind::kAffiliates:
        op = Wrap(LogicalOpKind::kAffiliates, std::move(op));
        op->threshold = b.threshold;
        extras = {"pct", "owners", "rule"};
        break;
      case BoundOpKind::kHistory:
        op = Wrap(LogicalOpKind::kHistory, std::move(op));
        op->columns = {"id", "name", "from", "to", "event", "field", "value", "source", "run"};
        columns = op->columns;
        break;
      case BoundOpKind::kDiff:
        op = Wrap(LogicalOpKind::kDiff, std::move(op));
        op->from = b.from;
        op->to = b.to;
        op->columns = {"change", "id", "kind", "key", "name", "detail"};
        columns = op->columns;
        break;
    }
  }
  if (columns.empty()) {
    op = Wrap(LogicalOpKind::kProject, std::move(op));
    const PropertyDef* name = Catalog::Find(prop::kName);
    op->items.push_back(BoundItem{"id", Field(BoundExprKind::kId, "id"), false});
    op->items.push_back(BoundItem{"kind", Field(BoundExprKind::kKind, "kind"), false});
    op->items.push_back(BoundItem{"key", Field(BoundExprKind::kKey, "key"), false});
    op->items.push_back(BoundItem{"name", Field(BoundExprKind::kVertexProp, "name", name), false});
    for (size_t i = 0; i < extras.size(); ++i) {
      op->items.push_back(
          BoundItem{extras[i], Field(BoundExprKind::kExtra, extras[i], nullptr, i), false});
    }
    op->columns = DefaultColumns(extras);
    columns = op->columns;
  }
  plan.columns = columns;
  plan.root = std::move(op);
  return plan;
}

}  // namespace ecg::query
