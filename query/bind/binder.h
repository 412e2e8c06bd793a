// Binder: resolves an ast::Query against the static catalog (schema/kinds.h,
// schema/catalog.h) and the query's parameters, producing a BoundQuery.
// Errors are InvalidArgument with the position of the offending name and,
// for a misspelt kind, edge type or property, the nearest valid name.
// One per query; not thread-safe.
#ifndef ECG_QUERY_BIND_BINDER_H_
#define ECG_QUERY_BIND_BINDER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/bind/bound.h"
#include "query/parse/ast.h"
#include "schema/result.h"

namespace ecg::query {

// Values for `$name` parameters, keyed by name without '$'.
using Params = std::map<std::string, Value, std::less<>>;

class Binder {
 public:
  // `text` (the query source, for error positions) and `params` must outlive
  // the binder.
  Binder(std::string_view text, const Params& params) : text_(text), params_(params) {}

  Result<BoundQuery> Bind(const ast::Query& query);

 private:
  // What the pipeline produces at the current stage.
  // A named step (`as r`): its row slot and what it holds.
  struct NamedScope {
    int slot = 0;
    std::vector<VertexKind> kinds;  // empty = any
    std::optional<EdgeType> edge;   // the step's edge type; none for the start or `*`
    bool has_edge = false;          // a step (not the start set)
  };

  struct Scope {
    bool tabular = false;
    std::vector<VertexKind> kinds;  // possible vertex kinds; empty = any
    std::optional<EdgeType> edge;   // edge type of the last step, if any
    bool any_edge = false;          // the last step was `-> *`
    std::vector<std::string> extras;
    std::vector<std::string> columns;
    std::map<std::string, NamedScope, std::less<>> names;
  };

  // Registers `as name` for the current scope; returns its slot.
  Result<int> AddName(const std::string& name, ast::Span span, bool has_edge, BoundQuery* out);
  // A field of the edge `edge` (the last step's or a named step's).
  Result<std::unique_ptr<BoundExpr>> BindEdgeField(std::string_view name, ast::Span span,
                                                   std::optional<EdgeType> edge, bool any_edge,
                                                   int slot);

  Status BindStart(const ast::Start& start, BoundQuery* out);
  Status BindStep(const ast::Step& step, BoundQuery* out);
  // One function per operator (bind_operator.cc); BindOperator dispatches.
  Status BindOperator(const ast::Operator& op, BoundQuery* out);
  Status BindWhere(const ast::Operator& op, BoundOp* bop);
  Status BindProject(const ast::Operator& op, BoundOp* bop);
  Status BindSort(const ast::Operator& op, BoundOp* bop);
  Status BindLimit(const ast::Operator& op, BoundOp* bop);
  Status BindAggregate(const ast::Operator& op, BoundOp* bop);
  Status BindTimePoint(const ast::Operator& op, BoundQuery* out);
  Status BindHistory(const ast::Operator& op, BoundOp* bop);
  Status BindDiff(const ast::Operator& op, BoundOp* bop);
  Status BindAffiliates(const ast::Operator& op, BoundOp* bop);
  // InvalidArgument at `op` when the pipeline produces a table here.
  Status NeedVertices(const ast::Operator& op) const;

  Result<std::unique_ptr<BoundExpr>> BindExpr(const ast::Expr& expr, bool edge_only);
  Result<std::unique_ptr<BoundExpr>> BindField(std::string_view qualifier, std::string_view name,
                                               ast::Span span, bool edge_only);
  // A field of the vertex a named step kept (`r.title`, `r.key`).
  Result<std::unique_ptr<BoundExpr>> BindNamedField(const NamedScope& named, std::string_view step,
                                                    std::string_view name, ast::Span span);
  Result<std::unique_ptr<BoundExpr>> BindOperand(const ast::Expr& expr, bool edge_only);
  Status CheckComparable(const BoundExpr& field, BoundExpr* literal, const ast::Expr& at);
  Result<Value> ArgValue(const ast::Arg& arg);
  Result<Date> DateArg(const ast::Arg& arg);
  Result<VertexKind> KindOf(std::string_view name, ast::Span span);
  Status Error(ast::Span span, const std::string& message) const;

  std::string_view text_;
  const Params& params_;
  Scope scope_;
  // Set when any field reads `path`, so that steps track paths.
  bool uses_paths_ = false;
  // While binding an edge filter: the step's edge type (none for `*`).
  std::optional<EdgeType> filter_edge_;
  bool filter_any_edge_ = false;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_BIND_BINDER_H_
