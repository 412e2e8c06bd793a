// Project: evaluates the selected items into table columns. The row keeps
// its vertex, edge and path for graph output.
#include "query/exec/eval.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class ProjectOp final : public Op {
 public:
  ProjectOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* items)
      : Op(std::move(child)), items_(*items) {}

 protected:
  Status NextImpl(Chunk* out) override {
    ECG_RETURN_IF_ERROR(child_->Next(out));
    if (reads_vertex_props_ && out->size() > 1) {
      std::vector<VertexId> ids;
      ids.reserve(out->size());
      for (const Row& row : *out) {
        if (row.vertex.valid()) {
          ids.push_back(row.vertex);
        }
      }
      ECG_RETURN_IF_ERROR(ctx_->WarmProperties(std::move(ids)));
    }
    for (Row& row : *out) {
      std::vector<Value> values;
      values.reserve(items_.size());
      for (const BoundItem& item : items_) {
        ECG_ASSIGN_OR_RETURN(Value v, Eval(*item.expr, row, *ctx_));
        values.push_back(std::move(v));
      }
      row.values = std::move(values);
    }
    return Status::OK();
  }

 private:
  static bool ReadsVertexProps(const BoundExpr& e) {
    if (e.kind == BoundExprKind::kVertexProp) {
      return true;
    }
    for (const auto& c : e.children) {
      if (ReadsVertexProps(*c)) {
        return true;
      }
    }
    return false;
  }

  static bool AnyReadsVertexProps(const std::vector<BoundItem>& items) {
    for (const BoundItem& item : items) {
      if (ReadsVertexProps(*item.expr)) {
        return true;
      }
    }
    return false;
  }

  const std::vector<BoundItem>& items_;
  // Warming the chunk's properties pays only when a column reads them.
  const bool reads_vertex_props_ = AnyReadsVertexProps(items_);
};

}  // namespace

std::unique_ptr<Op> NewProjectOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* items) {
  return std::make_unique<ProjectOp>(std::move(child), items);
}

}  // namespace ecg::query::exec
