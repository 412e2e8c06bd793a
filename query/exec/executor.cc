#include "query/exec/executor.h"

#include <set>

#include "query/exec/compiler.h"
#include "query/exec/context.h"

namespace ecg::query::exec {
namespace {

bool HasDiff(const LogicalOp* op) {
  for (; op != nullptr; op = op->input.get()) {
    if (op->kind == LogicalOpKind::kDiff) {
      return true;
    }
  }
  return false;
}

// Accumulates the vertices and edges behind the result rows.
class GraphCollector {
 public:
  GraphCollector(ExecContext& ctx, ResultGraph* graph) : ctx_(ctx), graph_(graph) {}

  Status Add(const Row& row) {
    if (row.vertex.valid()) {
      ECG_RETURN_IF_ERROR(AddVertex(row.vertex));
    }
    if (row.edge) {
      ECG_RETURN_IF_ERROR(AddEdge(*row.edge));
    }
    for (const PathNode* n = row.path.get(); n != nullptr; n = n->parent.get()) {
      ECG_RETURN_IF_ERROR(AddVertex(n->vertex));
      if (n->edge) {
        ECG_RETURN_IF_ERROR(AddEdge(*n->edge));
      }
    }
    return Status::OK();
  }

 private:
  Status AddVertex(VertexId id) {
    if (!vertices_.insert(id.value()).second) {
      return Status::OK();
    }
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, ctx_.Vertex(id));
    ECG_ASSIGN_OR_RETURN(std::string label, ctx_.Label(id));
    graph_->vertices.push_back(GraphVertex{id, rec.kind, rec.key, label});
    return Status::OK();
  }

  Status AddEdge(const store::EdgeStatement& e) {
    auto key = std::make_tuple(e.src.value(), static_cast<int>(e.type), e.dst.value());
    if (!edges_.insert(key).second) {
      return Status::OK();
    }
    ECG_RETURN_IF_ERROR(AddVertex(e.src));
    ECG_RETURN_IF_ERROR(AddVertex(e.dst));
    std::string label(EdgeTypeName(e.type));
    for (const auto& [id, v] : e.props) {
      if (const PropertyDef* def = Catalog::Find(id); def != nullptr && def->name == "pct") {
        label += " " + v.ToString() + "%";
      }
    }
    graph_->edges.push_back(GraphEdge{e.src, e.dst, e.type, label});
    return Status::OK();
  }

  ExecContext& ctx_;
  ResultGraph* graph_;
  std::set<uint64_t> vertices_;
  std::set<std::tuple<uint64_t, int, uint64_t>> edges_;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<ResultSet> Run(const LogicalPlan& plan, const store::GraphStore& store,
                      const ExecOptions& options) {
  ResultSet result;
  if (plan.explain) {
    result.columns = {"plan"};
    for (std::string& line : Lines(plan.ToString())) {
      result.rows.push_back({Value(std::move(line))});
    }
    return result;
  }
  store::TimeFilter filter;
  Date today = options.today ? *options.today : Date::Today();
  // Date::Max() is the query's `today`; Date::Min() is `as of any` (no
  // valid-time filter).
  if (plan.as_of && plan.as_of->is_min()) {
    filter.as_of.reset();
  } else {
    filter.as_of = plan.as_of && !plan.as_of->is_max() ? *plan.as_of : today;
  }
  if (plan.known_at && !plan.known_at->is_max()) {
    ECG_ASSIGN_OR_RETURN(RunId run, store.RunAt(*plan.known_at));
    filter.known_at = run;  // an invalid run id: nothing was known yet
  }
  store::TimeFilter view_filter = filter;
  if (HasDiff(plan.root.get())) {
    view_filter.as_of.reset();  // diff moves the valid date itself
  }
  std::unique_ptr<store::ReadView> view = store.NewReadView(view_filter);
  ExecContext ctx(*view, store.normalizer(), options, filter);
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<Op> root, Compile(*plan.root));
  ECG_RETURN_IF_ERROR(root->Open(&ctx));
  result.columns = plan.columns;
  GraphCollector graph(ctx, &result.graph);
  Chunk chunk;
  while (true) {
    ECG_RETURN_IF_ERROR(root->Next(&chunk));
    if (chunk.empty()) {
      break;
    }
    for (Row& row : chunk) {
      if (result.rows.size() >= options.max_rows) {
        result.truncated = true;
        result.stopped_by = "max_rows";
        break;
      }
      if (options.collect_graph) {
        ECG_RETURN_IF_ERROR(graph.Add(row));
      }
      result.rows.push_back(std::move(row.values));
    }
    if (result.truncated) {
      break;
    }
  }
  result.notices = ctx.TakeNotices();
  if (result.truncated) {
    result.notices.push_back("result cut at max_rows (" + std::to_string(options.max_rows) +
                             " rows)");
  }
  return result;
}

}  // namespace ecg::query::exec
