// Keep: a named step (`as r`). Copies each row's vertex and the edge that
// reached it into the row's slot, so that later stages can read `r.title` or
// `r.edge.from` after further steps have moved the current vertex on.
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class KeepOp final : public Op {
 public:
  KeepOp(std::unique_ptr<Op> child, int slot) : Op(std::move(child)), slot_(slot) {}

 protected:
  Status NextImpl(Chunk* out) override {
    ECG_RETURN_IF_ERROR(child_->Next(out));
    const size_t slot = static_cast<size_t>(slot_);
    for (Row& row : *out) {
      if (row.named.size() <= slot) {
        row.named.resize(slot + 1);
      }
      row.named[slot] = Named{row.vertex, row.edge};
    }
    return Status::OK();
  }

 private:
  int slot_;
};

}  // namespace

std::unique_ptr<Op> NewKeepOp(std::unique_ptr<Op> child, int slot) {
  return std::make_unique<KeepOp>(std::move(child), slot);
}

}  // namespace ecg::query::exec
