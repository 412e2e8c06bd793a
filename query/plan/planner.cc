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

std::unique_ptr<LogicalOp> Keep(std::unique_ptr<LogicalOp> input, int slot,
                                const std::string& name) {
  if (slot < 0) {
    return input;
  }
  auto op = Wrap(LogicalOpKind::kKeep, std::move(input));
  op->slot = slot;
  op->text = name;
  return op;
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
  op = Keep(std::move(op), start.slot, start.name);
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
  if (e->kind == BoundExprKind::kEdgeProp || e->kind == BoundExprKind::kEdgeMeta) {
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

// Builds the plan bottom-up, one function per bound operator. Holds the
// plan so far and what it yields: vertices (columns empty) or a table.
class PlanBuilder {
 public:
  explicit PlanBuilder(BoundQuery* query) : query_(query), op_(PlanStart(query->start)) {}

  void Add(size_t i) {
    BoundOp& b = query_->ops[i];
    switch (b.kind) {
      case BoundOpKind::kStep:
        return PlanStep(i, &b);
      case BoundOpKind::kFilter:
        return PlanFilter(&b);
      case BoundOpKind::kProject:
        return PlanProject(&b);
      case BoundOpKind::kDistinct:
        op_ = Wrap(LogicalOpKind::kDistinct, std::move(op_));
        return;
      case BoundOpKind::kSort:
        op_ = Wrap(LogicalOpKind::kSort, std::move(op_));
        op_->items = std::move(b.items);
        return;
      case BoundOpKind::kLimit:
        op_ = Wrap(LogicalOpKind::kLimit, std::move(op_));
        op_->limit = b.limit;
        return;
      case BoundOpKind::kAggregate:
        return PlanAggregate(&b);
      case BoundOpKind::kAffiliates:
        return PlanAffiliates(&b);
      case BoundOpKind::kHistory:
        return PlanHistory();
      case BoundOpKind::kDiff:
        return PlanDiff(&b);
    }
  }

  // Adds the default projection when the pipeline still yields vertices.
  std::unique_ptr<LogicalOp> Finish(std::vector<std::string>* columns) {
    if (columns_.empty()) {
      PlanDefaultProjection();
    }
    *columns = columns_;
    return std::move(op_);
  }

 private:
  void PlanStep(size_t i, BoundOp* b) {
    op_ =
        Wrap(b->step.variable ? LogicalOpKind::kExpandVar : LogicalOpKind::kExpand, std::move(op_));
    op_->track_paths = query_->needs_paths;
    // A named step's edge may be read anywhere after it (`e.edge.from`).
    op_->keep_edges = b->step.slot >= 0 || EdgeReadAfter(query_->ops, i);
    std::unique_ptr<BoundExpr> where = std::move(b->step.where);
    op_->step = std::move(b->step);
    int slot = op_->step.slot;
    std::string name = op_->step.name;
    op_ = Keep(std::move(op_), slot, name);
    if (where) {
      op_ = Wrap(LogicalOpKind::kFilter, std::move(op_));
      op_->predicate = std::move(where);
    }
    extras_.clear();
  }

  void PlanFilter(BoundOp* b) {
    op_ = Wrap(LogicalOpKind::kFilter, std::move(op_));
    op_->predicate = std::move(b->predicate);
  }

  void PlanProject(BoundOp* b) {
    op_ = Wrap(LogicalOpKind::kProject, std::move(op_));
    op_->items = std::move(b->items);
    for (const BoundItem& item : op_->items) {
      op_->columns.push_back(item.name);
    }
    columns_ = op_->columns;
  }

  void PlanAggregate(BoundOp* b) {
    op_ = Wrap(LogicalOpKind::kAggregate, std::move(op_));
    op_->items = std::move(b->items);
    op_->aggregates = std::move(b->aggregates);
    for (const BoundItem& item : op_->items) {
      op_->columns.push_back(item.name);
    }
    for (const BoundAggregate& agg : op_->aggregates) {
      op_->columns.push_back(agg.name);
    }
    columns_ = op_->columns;
    if (!b->order_by_count) {
      return;
    }
    // `count by`: most frequent first, then by the keys.
    const size_t nkeys = op_->items.size();
    op_ = Wrap(LogicalOpKind::kSort, std::move(op_));
    op_->items.push_back(
        BoundItem{"count", Field(BoundExprKind::kColumn, "count", nullptr, nkeys), true});
    for (size_t k = 0; k < nkeys; ++k) {
      op_->items.push_back(
          BoundItem{columns_[k], Field(BoundExprKind::kColumn, columns_[k], nullptr, k), false});
    }
  }

  void PlanAffiliates(BoundOp* b) {
    op_ = Wrap(LogicalOpKind::kAffiliates, std::move(op_));
    op_->threshold = b->threshold;
    extras_ = {"pct", "owners", "rule"};
  }

  void PlanHistory() {
    op_ = Wrap(LogicalOpKind::kHistory, std::move(op_));
    op_->columns = {"id", "name", "from", "to", "event", "field", "value", "source", "run"};
    columns_ = op_->columns;
  }

  void PlanDiff(BoundOp* b) {
    op_ = Wrap(LogicalOpKind::kDiff, std::move(op_));
    op_->from = b->from;
    op_->to = b->to;
    op_->columns = {"change", "id", "kind", "key", "name", "detail"};
    columns_ = op_->columns;
  }

  void PlanDefaultProjection() {
    op_ = Wrap(LogicalOpKind::kProject, std::move(op_));
    const PropertyDef* name = Catalog::Find(prop::kName);
    op_->items.push_back(BoundItem{"id", Field(BoundExprKind::kId, "id"), false});
    op_->items.push_back(BoundItem{"kind", Field(BoundExprKind::kKind, "kind"), false});
    op_->items.push_back(BoundItem{"key", Field(BoundExprKind::kKey, "key"), false});
    op_->items.push_back(BoundItem{"name", Field(BoundExprKind::kVertexProp, "name", name), false});
    for (size_t i = 0; i < extras_.size(); ++i) {
      op_->items.push_back(
          BoundItem{extras_[i], Field(BoundExprKind::kExtra, extras_[i], nullptr, i), false});
    }
    op_->columns = DefaultColumns(extras_);
    columns_ = op_->columns;
  }

  BoundQuery* query_;
  std::unique_ptr<LogicalOp> op_;
  std::vector<std::string> columns_;  // empty while the pipeline yields vertices
  std::vector<std::string> extras_;
};

}  // namespace

Result<LogicalPlan> Planner::Plan(BoundQuery query) const {
  LogicalPlan plan;
  plan.as_of = query.as_of;
  plan.known_at = query.known_at;
  plan.explain = query.explain;
  PlanBuilder builder(&query);
  for (size_t i = 0; i < query.ops.size(); ++i) {
    builder.Add(i);
  }
  plan.root = builder.Finish(&plan.columns);
  return plan;
}

}  // namespace ecg::query
