// Distinct: drops repeated rows — equal column values for a table, the same
// vertex for a vertex set. Streams, remembering what it has seen.
#include <set>
#include <unordered_set>

#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class DistinctOp final : public Op {
 public:
  using Op::Op;

 protected:
  Status NextImpl(Chunk* out) override {
    Chunk in;
    while (out->empty()) {
      ECG_RETURN_IF_ERROR(child_->Next(&in));
      if (in.empty()) {
        return Status::OK();
      }
      for (Row& row : in) {
        bool fresh = row.values.empty() ? vertices_.insert(row.vertex.value()).second
                                        : tuples_.insert(row.values).second;
        if (fresh) {
          out->push_back(std::move(row));
        }
      }
    }
    return Status::OK();
  }

 private:
  std::unordered_set<uint64_t> vertices_;
  std::set<std::vector<Value>> tuples_;
};

}  // namespace

std::unique_ptr<Op> NewDistinctOp(std::unique_ptr<Op> child) {
  return std::make_unique<DistinctOp>(std::move(child));
}

}  // namespace ecg::query::exec
