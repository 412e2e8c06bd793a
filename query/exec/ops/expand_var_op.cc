// ExpandVar: variable-length hops (`*`, `*1..3`) by breadth-first search
// from each input row. Each reachable vertex is emitted once per input row,
// at its shortest hop count, so cycles cannot loop. The edge filter applies
// to every edge on the way.
#include <unordered_set>

#include "query/exec/ops/expand_common.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class ExpandVarOp final : public Op {
 public:
  ExpandVarOp(std::unique_ptr<Op> child, const BoundStep* step, bool track_paths)
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
        ECG_RETURN_IF_ERROR(Search(row, out));
      }
    }
    return Status::OK();
  }

 private:
  Status Search(const Row& start, Chunk* out) {
    uint32_t limit = ctx_->options().max_depth;
    uint32_t max_hops = step_.max_hops == 0 ? limit : step_.max_hops;
    if (max_hops > limit) {
      return Status::ResourceExhausted("query stopped: max_depth (" + std::to_string(limit) +
                                       ") is below the step's " + std::to_string(max_hops) +
                                       " hops");
    }
    std::unordered_set<uint64_t> visited = {start.vertex.value()};
    std::vector<Row> frontier;
    Row first;
    first.vertex = start.vertex;
    first.path = track_paths_ ? RootPath(start) : nullptr;
    frontier.push_back(std::move(first));
    for (uint32_t depth = 1; depth <= max_hops && !frontier.empty(); ++depth) {
      std::vector<Row> next_frontier;
      for (const Row& at : frontier) {
        std::vector<std::shared_ptr<const store::EdgeStatement>> edges;
        ECG_RETURN_IF_ERROR(
            ctx_->ForEachEdge(at.vertex, step_.dir, step_.type, [&](const store::EdgeStatement& e) {
              if (visited.count(OtherEnd(e, at.vertex).value()) == 0) {
                edges.push_back(std::make_shared<const store::EdgeStatement>(e));
              }
              return true;
            }));
        for (auto& edge : edges) {
          VertexId next = OtherEnd(*edge, at.vertex);
          if (visited.count(next.value()) > 0) {
            continue;  // reached twice within this level
          }
          ECG_ASSIGN_OR_RETURN(bool pass, EdgePasses(step_, edge, *ctx_));
          if (!pass) {
            continue;
          }
          visited.insert(next.value());
          Row r;
          r.vertex = next;
          if (track_paths_) {
            r.path = Extend(at.path, next, edge);
          }
          r.edge = std::move(edge);
          if (depth >= step_.min_hops) {
            ECG_ASSIGN_OR_RETURN(bool kind_ok, KindMatches(step_, next, *ctx_));
            if (kind_ok) {
              out->push_back(r);
            }
          }
          next_frontier.push_back(std::move(r));
        }
      }
      frontier = std::move(next_frontier);
    }
    if (step_.max_hops == 0 && !frontier.empty()) {
      // Unbounded `*` with vertices still unexplored at the depth limit.
      for (const Row& at : frontier) {
        std::vector<std::shared_ptr<const store::EdgeStatement>> edges;
        ECG_RETURN_IF_ERROR(
            ctx_->ForEachEdge(at.vertex, step_.dir, step_.type, [&](const store::EdgeStatement& e) {
              if (visited.count(OtherEnd(e, at.vertex).value()) == 0) {
                edges.push_back(std::make_shared<const store::EdgeStatement>(e));
              }
              return true;
            }));
        for (const auto& edge : edges) {
          ECG_ASSIGN_OR_RETURN(bool pass, EdgePasses(step_, edge, *ctx_));
          if (pass) {
            return Status::ResourceExhausted("query stopped: max_depth (" + std::to_string(limit) +
                                             ") reached by a '*' step");
          }
        }
      }
    }
    return Status::OK();
  }

  const BoundStep& step_;
  bool track_paths_;
};

}  // namespace

std::unique_ptr<Op> NewExpandVarOp(std::unique_ptr<Op> child, const BoundStep* step,
                                   bool track_paths) {
  return std::make_unique<ExpandVarOp>(std::move(child), step, track_paths);
}

}  // namespace ecg::query::exec
