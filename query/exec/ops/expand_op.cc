// Expand: one hop along an edge type, in a direction, with an edge filter
// and an optional target kind.
#include "query/exec/ops/expand_common.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class ExpandOp final : public ExpandOpBase {
 public:
  using ExpandOpBase::ExpandOpBase;

 private:
  Status ExpandRow(const Row& row, Chunk* out) override {
    hops_.clear();
    ECG_RETURN_IF_ERROR(CollectHops(
        *ctx_, step_, row.vertex, keep_edges_, [](VertexId) { return true; }, &hops_));
    for (Hop& hop : hops_) {
      ECG_ASSIGN_OR_RETURN(bool kind_ok, KindMatches(step_, hop.next, *ctx_));
      if (!kind_ok) {
        continue;
      }
      Row r;
      r.vertex = hop.next;
      r.named = row.named;
      if (track_paths_) {
        r.path = Extend(RootPath(row), hop.next, hop.edge);
      }
      r.edge = std::move(hop.edge);
      out->push_back(std::move(r));
    }
    return Status::OK();
  }

  std::vector<Hop> hops_;
};

}  // namespace

std::unique_ptr<Op> NewExpandOp(std::unique_ptr<Op> child, const BoundStep* step, bool track_paths,
                                bool keep_edges) {
  return std::make_unique<ExpandOp>(std::move(child), step, track_paths, keep_edges);
}

}  // namespace ecg::query::exec
