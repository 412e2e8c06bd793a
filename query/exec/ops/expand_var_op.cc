// ExpandVar: variable-length hops (`*`, `*1..3`) by breadth-first search
// from each input row. Each reachable vertex is emitted once per input row,
// at its shortest hop count, so cycles cannot loop. The edge filter applies
// to every edge on the way.
#include <unordered_set>

#include "query/exec/ops/expand_common.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class ExpandVarOp final : public ExpandOpBase {
 public:
  using ExpandOpBase::ExpandOpBase;

 private:
  Status ExpandRow(const Row& start, Chunk* out) override {
    uint32_t limit = ctx_->options().max_depth;
    uint32_t max_hops = step_.max_hops == 0 ? limit : step_.max_hops;
    if (max_hops > limit) {
      return Status::ResourceExhausted("query stopped: max_depth (" + std::to_string(limit) +
                                       ") is below the step's " + std::to_string(max_hops) +
                                       " hops");
    }
    std::unordered_set<uint64_t> visited = {start.vertex.value()};
    auto unvisited = [&visited](VertexId v) { return visited.count(v.value()) == 0; };
    std::vector<Row> frontier;
    Row first;
    first.vertex = start.vertex;
    first.path = track_paths_ ? RootPath(start) : nullptr;
    frontier.push_back(std::move(first));
    std::vector<Hop> hops;
    for (uint32_t depth = 1; depth <= max_hops && !frontier.empty(); ++depth) {
      std::vector<Row> next_frontier;
      for (const Row& at : frontier) {
        hops.clear();
        ECG_RETURN_IF_ERROR(CollectHops(*ctx_, step_, at.vertex, keep_edges_, unvisited, &hops));
        for (Hop& hop : hops) {
          if (!visited.insert(hop.next.value()).second) {
            continue;  // reached twice within this level
          }
          Row r;
          r.vertex = hop.next;
          r.named = start.named;
          if (track_paths_) {
            r.path = Extend(at.path, hop.next, hop.edge);
          }
          r.edge = std::move(hop.edge);
          if (depth >= step_.min_hops) {
            ECG_ASSIGN_OR_RETURN(bool kind_ok, KindMatches(step_, hop.next, *ctx_));
            if (kind_ok) {
              out->push_back(r);
            }
          }
          next_frontier.push_back(std::move(r));
        }
      }
      frontier = std::move(next_frontier);
    }
    if (step_.max_hops == 0) {
      // Unbounded `*` with edges still unexplored at the depth limit.
      for (const Row& at : frontier) {
        hops.clear();
        ECG_RETURN_IF_ERROR(CollectHops(*ctx_, step_, at.vertex, false, unvisited, &hops));
        if (!hops.empty()) {
          return Status::ResourceExhausted("query stopped: max_depth (" + std::to_string(limit) +
                                           ") reached by a '*' step");
        }
      }
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Op> NewExpandVarOp(std::unique_ptr<Op> child, const BoundStep* step,
                                   bool track_paths, bool keep_edges) {
  return std::make_unique<ExpandVarOp>(std::move(child), step, track_paths, keep_edges);
}

}  // namespace ecg::query::exec
