// Expand: one hop along an edge type, in a direction, with an edge filter
// and an optional target kind.
#include "query/exec/ops/expand_common.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class ExpandOp final : public Op {
 public:
  ExpandOp(std::unique_ptr<Op> child, const BoundStep* step, bool track_paths)
      : Op(std::move(child)), step_(*step), track_paths_(track_paths) {}

 protected:
  Status NextImpl(Chunk* out) override {
    Chunk in;
    while (out->empty()) {
      ECG_RETURN_IF_ERROR(child_->Next(&in));
      if (in.empty()) {
        return Status::OK();
      }
      for (const Row& row : in) {
        ECG_RETURN_IF_ERROR(ExpandRow(row, out));
      }
    }
    return Status::OK();
  }

 private:
  Status ExpandRow(const Row& row, Chunk* out) {
    std::vector<std::shared_ptr<const store::EdgeStatement>> edges;
    ECG_RETURN_IF_ERROR(
        ctx_->ForEachEdge(row.vertex, step_.dir, step_.type, [&](const store::EdgeStatement& e) {
          edges.push_back(std::make_shared<const store::EdgeStatement>(e));
          return true;
        }));
    for (auto& edge : edges) {
      ECG_ASSIGN_OR_RETURN(bool pass, EdgePasses(step_, edge, *ctx_));
      if (!pass) {
        continue;
      }
      VertexId next = OtherEnd(*edge, row.vertex);
      ECG_ASSIGN_OR_RETURN(bool kind_ok, KindMatches(step_, next, *ctx_));
      if (!kind_ok) {
        continue;
      }
      Row r;
      r.vertex = next;
      if (track_paths_) {
        r.path = Extend(RootPath(row), next, edge);
      }
      r.edge = std::move(edge);
      out->push_back(std::move(r));
    }
    return Status::OK();
  }

  const BoundStep& step_;
  bool track_paths_;
};

}  // namespace

std::unique_ptr<Op> NewExpandOp(std::unique_ptr<Op> child, const BoundStep* step,
                                bool track_paths) {
  return std::make_unique<ExpandOp>(std::move(child), step, track_paths);
}

}  // namespace ecg::query::exec
