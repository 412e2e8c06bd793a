#include "query/bind/binder.h"

#include <algorithm>

#include "query/error.h"

namespace ecg::query {
namespace {

std::vector<std::string_view> KindNames() {
  std::vector<std::string_view> names;
  names.reserve(kAllVertexKinds.size());
  for (VertexKind k : kAllVertexKinds) {
    names.push_back(VertexKindName(k));
  }
  return names;
}

std::vector<std::string_view> EdgeNames() {
  std::vector<std::string_view> names;
  names.reserve(kAllEdgeTypes.size());
  for (EdgeType t : kAllEdgeTypes) {
    names.push_back(EdgeTypeName(t));
  }
  return names;
}

store::Direction DirOf(ast::StepDir d) {
  switch (d) {
    case ast::StepDir::kOut:
      return store::Direction::kOut;
    case ast::StepDir::kIn:
      return store::Direction::kIn;
    case ast::StepDir::kBoth:
      return store::Direction::kBoth;
  }
  return store::Direction::kOut;
}

}  // namespace

Status Binder::Error(ast::Span span, const std::string& message) const {
  return ErrorAt(text_, span.offset, message);
}

Result<VertexKind> Binder::KindOf(std::string_view name, ast::Span span) {
  std::optional<VertexKind> kind = ParseVertexKind(name);
  if (!kind) {
    std::vector<std::string_view> names = KindNames();
    return Error(span, "unknown vertex kind '" + std::string(name) + "'" + DidYouMean(name, names));
  }
  return *kind;
}

Result<Value> Binder::ArgValue(const ast::Arg& arg) {
  if (!arg.is_param()) {
    return arg.value;
  }
  auto it = params_.find(arg.param);
  if (it == params_.end()) {
    return Error(arg.span, "no value for parameter $" + arg.param);
  }
  return it->second;
}

Result<Date> Binder::DateArg(const ast::Arg& arg) {
  ECG_ASSIGN_OR_RETURN(Value v, ArgValue(arg));
  if (v.type() == PropertyType::kDate) {
    return v.as_date();
  }
  if (v.type() == PropertyType::kString) {
    Result<Date> d = Date::Parse(v.as_string());
    if (d.ok()) {
      return *d;
    }
  }
  return Error(arg.span, "expected a date (YYYY-MM-DD), got '" + v.ToString() + "'");
}

Result<BoundQuery> Binder::Bind(const ast::Query& query) {
  BoundQuery out;
  out.explain = query.explain;
  ECG_RETURN_IF_ERROR(BindStart(query.start, &out));
  for (const ast::Stage& stage : query.stages) {
    if (const auto* step = std::get_if<ast::Step>(&stage)) {
      ECG_RETURN_IF_ERROR(BindStep(*step, &out));
    } else {
      ECG_RETURN_IF_ERROR(BindOperator(std::get<ast::Operator>(stage), &out));
    }
  }
  out.needs_paths = out.needs_paths || uses_paths_;
  return out;
}

Status Binder::BindStart(const ast::Start& start, BoundQuery* out) {
  ECG_ASSIGN_OR_RETURN(out->start.kind, KindOf(start.kind, start.kind_span));
  scope_.kinds = {out->start.kind};
  switch (start.by) {
    case ast::StartBy::kAll:
      out->start.mode = StartMode::kAll;
      break;
    case ast::StartBy::kKey:
    case ast::StartBy::kName:
    case ast::StartBy::kFuzzy: {
      out->start.mode =
          start.by == ast::StartBy::kFuzzy ? StartMode::kFuzzy : StartMode::kKeyOrName;
      ECG_ASSIGN_OR_RETURN(Value v, ArgValue(start.arg));
      if (v.type() != PropertyType::kString && v.type() != PropertyType::kInt) {
        return Error(start.arg.span,
                     "expected a key or name, got " + std::string(PropertyTypeName(v.type())));
      }
      out->start.text = v.ToString();
      if (out->start.text.empty()) {
        return Error(start.arg.span, "empty name");
      }
      break;
    }
  }
  if (!start.name.empty()) {
    ECG_ASSIGN_OR_RETURN(out->start.slot,
                         AddName(start.name, start.name_span, /*has_edge=*/false, out));
    out->start.name = start.name;
  }
  if (start.where) {
    ECG_ASSIGN_OR_RETURN(out->start.where, BindExpr(*start.where, /*edge_only=*/false));
  }
  return Status::OK();
}

Result<int> Binder::AddName(const std::string& name, ast::Span span, bool has_edge,
                            BoundQuery* out) {
  if (scope_.names.count(name) != 0) {
    return Error(span, "step name '" + name + "' is used twice");
  }
  if (ParseVertexKind(name) || ParseEdgeType(name) || name == "edge") {
    return Error(span, "'" + name + "' names a kind or edge type; choose another step name");
  }
  NamedScope named;
  named.slot = static_cast<int>(out->slots++);
  named.kinds = scope_.kinds;
  named.edge = has_edge ? scope_.edge : std::nullopt;
  named.has_edge = has_edge;
  scope_.names[name] = named;
  return named.slot;
}

Status Binder::BindStep(const ast::Step& step, BoundQuery* out) {
  if (scope_.tabular) {
    return Error(step.span, "a step needs vertices, but the pipeline produces a table here");
  }
  const bool any_type = step.edge == "*";
  std::optional<EdgeType> type = any_type ? std::nullopt : ParseEdgeType(step.edge);
  if (!type && !any_type) {
    std::vector<std::string_view> names = EdgeNames();
    return Error(step.edge_span,
                 "unknown edge type '" + step.edge + "'" + DidYouMean(step.edge, names));
  }
  BoundOp op;
  op.kind = BoundOpKind::kStep;
  BoundStep& b = op.step;
  b.dir = DirOf(step.dir);
  b.type = type;
  b.variable = step.variable;
  b.min_hops = step.min_hops;
  b.max_hops = step.max_hops;
  if (step.edge_filter) {
    filter_edge_ = type;
    filter_any_edge_ = any_type;
    Result<std::unique_ptr<BoundExpr>> f = BindExpr(*step.edge_filter, /*edge_only=*/true);
    filter_edge_.reset();
    filter_any_edge_ = false;
    ECG_RETURN_IF_ERROR(f.status());
    b.edge_filter = std::move(f).value();
  }
  EdgeEndpoints ends = type ? EndpointsOf(*type) : EdgeEndpoints{};
  std::vector<VertexKind> kinds;
  if (b.dir == store::Direction::kOut && ends.to) {
    kinds = {*ends.to};
  } else if (b.dir == store::Direction::kIn && ends.from) {
    kinds = {*ends.from};
  } else if (b.dir == store::Direction::kBoth && ends.from && ends.to) {
    kinds = {*ends.from};
    if (*ends.to != *ends.from) {
      kinds.push_back(*ends.to);
    }
  }
  if (!step.target.empty()) {
    ECG_ASSIGN_OR_RETURN(VertexKind target, KindOf(step.target, step.target_span));
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), target) == kinds.end()) {
      return Error(step.target_span, "edge type '" + step.edge + "' never leads to a " +
                                         step.target + " in this direction");
    }
    b.target = target;
    b.target_implied = kinds.size() == 1;
    kinds = {target};
  }
  scope_.kinds = kinds;
  scope_.edge = type;
  scope_.any_edge = any_type;
  scope_.extras.clear();
  if (!step.name.empty()) {
    ECG_ASSIGN_OR_RETURN(b.slot, AddName(step.name, step.name_span, /*has_edge=*/true, out));
    b.name = step.name;
  }
  if (step.where) {
    ECG_ASSIGN_OR_RETURN(b.where, BindExpr(*step.where, /*edge_only=*/false));
  }
  out->ops.push_back(std::move(op));
  return Status::OK();
}

}  // namespace ecg::query
