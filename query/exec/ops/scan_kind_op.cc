// ScanKind: every vertex of one kind, in id order.
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class ScanKindOp final : public BufferedOp {
 public:
  explicit ScanKindOp(VertexKind kind) : kind_(kind) {}

 protected:
  Status OpenImpl() override {
    Status inner;
    ECG_RETURN_IF_ERROR(ctx_->view().ScanKind(kind_, [&](VertexId id) {
      inner = ctx_->Charge();
      if (!inner.ok()) {
        return false;
      }
      Row row;
      row.vertex = id;
      buffer_.push_back(std::move(row));
      return true;
    }));
    return inner;
  }

 private:
  VertexKind kind_;
};

}  // namespace

std::unique_ptr<Op> NewScanKindOp(VertexKind kind) {
  return std::make_unique<ScanKindOp>(kind);
}

}  // namespace ecg::query::exec
