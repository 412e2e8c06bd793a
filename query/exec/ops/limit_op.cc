// Limit: the first n rows; stops pulling from its input after them.
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class LimitOp final : public Op {
 public:
  LimitOp(std::unique_ptr<Op> child, int64_t limit)
      : Op(std::move(child)), left_(static_cast<uint64_t>(limit)) {}

 protected:
  Status NextImpl(Chunk* out) override {
    if (left_ == 0) {
      return Status::OK();
    }
    ECG_RETURN_IF_ERROR(child_->Next(out));
    if (out->size() > left_) {
      out->resize(left_);
    }
    left_ -= out->size();
    return Status::OK();
  }

 private:
  uint64_t left_;
};

}  // namespace

std::unique_ptr<Op> NewLimitOp(std::unique_ptr<Op> child, int64_t limit) {
  return std::make_unique<LimitOp>(std::move(child), limit);
}

}  // namespace ecg::query::exec
