// Helpers shared by the single-hop and variable-length expand ops.
#ifndef ECG_QUERY_EXEC_OPS_EXPAND_COMMON_H_
#define ECG_QUERY_EXEC_OPS_EXPAND_COMMON_H_

#include <memory>

#include "query/exec/eval.h"
#include "query/exec/op.h"
#include "query/exec/row.h"

namespace ecg::query::exec {

// The vertex at the other end of `e` seen from `from`.
inline VertexId OtherEnd(const store::EdgeStatement& e, VertexId from) {
  return e.src == from ? e.dst : e.src;
}

// True when the edge passes the step's edge filter.
inline Result<bool> EdgePasses(const BoundStep& step,
                               const std::shared_ptr<const store::EdgeStatement>& edge,
                               ExecContext& ctx) {
  if (!step.edge_filter) {
    return true;
  }
  Row probe;
  probe.edge = edge;
  return Test(*step.edge_filter, probe, ctx);
}

// True when `v` has the step's target kind (or the step has none).
inline Result<bool> KindMatches(const BoundStep& step, VertexId v, ExecContext& ctx) {
  if (!step.target || step.target_implied) {
    return true;
  }
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, ctx.Vertex(v));
  return rec.kind == *step.target;
}

// A neighbour reached over one edge; the edge is kept only when asked.
struct Hop {
  VertexId next;
  std::shared_ptr<const store::EdgeStatement> edge;
};

// The neighbours of `at` along the step whose edges pass the edge filter and
// for which `wanted(neighbour)` holds. The filter runs inside the store's
// callback on a non-owning view of the edge, so edges that fail it, and all
// edges when `keep` is false, are never copied.
template <typename Wanted>
Status CollectHops(ExecContext& ctx, const BoundStep& step, VertexId at, bool keep,
                   const Wanted& wanted, std::vector<Hop>* out) {
  Status inner;
  Status s = ctx.ForEachEdge(at, step.dir, step.type, [&](const store::EdgeStatement& e) {
    VertexId next = OtherEnd(e, at);
    if (!wanted(next)) {
      return true;
    }
    if (step.edge_filter) {
      Row probe;
      probe.edge = std::shared_ptr<const store::EdgeStatement>(
          std::shared_ptr<const store::EdgeStatement>(), &e);  // aliasing: owns nothing
      Result<bool> pass = Test(*step.edge_filter, probe, ctx);
      if (!pass.ok()) {
        inner = pass.status();
        return false;
      }
      if (!*pass) {
        return true;
      }
    }
    out->push_back(Hop{next, keep ? std::make_shared<const store::EdgeStatement>(e) : nullptr});
    return true;
  });
  ECG_RETURN_IF_ERROR(s);
  return inner;
}

// The frame shared by the one-hop and variable-length expansions: pulls the
// child's chunks and expands each row until some output is ready. Subclasses
// implement ExpandRow. Not thread-safe (one per query).
class ExpandOpBase : public Op {
 public:
  ExpandOpBase(std::unique_ptr<Op> child, const BoundStep* step, bool track_paths, bool keep_edges)
      : Op(std::move(child)), step_(*step), track_paths_(track_paths), keep_edges_(keep_edges) {}

 protected:
  Status OpenImpl() override {
    keep_edges_ = keep_edges_ || track_paths_ || ctx_->options().collect_graph;
    return Status::OK();
  }

  Status NextImpl(Chunk* out) final {
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

  // Appends the rows that `row` expands to.
  virtual Status ExpandRow(const Row& row, Chunk* out) = 0;

  const BoundStep& step_;
  bool track_paths_;
  bool keep_edges_;
};

inline std::shared_ptr<const PathNode> RootPath(const Row& row) {
  if (row.path) {
    return row.path;
  }
  auto node = std::make_shared<PathNode>();
  node->vertex = row.vertex;
  return node;
}

inline std::shared_ptr<const PathNode> Extend(std::shared_ptr<const PathNode> parent, VertexId v,
                                              std::shared_ptr<const store::EdgeStatement> edge) {
  auto node = std::make_shared<PathNode>();
  node->vertex = v;
  node->edge = std::move(edge);
  node->parent = std::move(parent);
  return node;
}

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_OPS_EXPAND_COMMON_H_
