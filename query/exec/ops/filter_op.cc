// Filter: rows for which the predicate holds.
#include "query/exec/eval.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class FilterOp final : public Op {
 public:
  FilterOp(std::unique_ptr<Op> child, const BoundExpr* predicate)
      : Op(std::move(child)), predicate_(predicate) {}

 protected:
  Status NextImpl(Chunk* out) override {
    Chunk in;
    while (out->empty()) {
      ECG_RETURN_IF_ERROR(child_->Next(&in));
      if (in.empty()) {
        return Status::OK();
      }
      for (Row& row : in) {
        ECG_ASSIGN_OR_RETURN(bool keep, Test(*predicate_, row, *ctx_));
        if (keep) {
          out->push_back(std::move(row));
        }
      }
    }
    return Status::OK();
  }

 private:
  const BoundExpr* predicate_;
};

}  // namespace

std::unique_ptr<Op> NewFilterOp(std::unique_ptr<Op> child, const BoundExpr* predicate) {
  return std::make_unique<FilterOp>(std::move(child), predicate);
}

}  // namespace ecg::query::exec
