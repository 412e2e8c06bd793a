// Binder rules for fields and boolean expressions.
#include <algorithm>

#include <re2/re2.h>

#include "query/bind/binder.h"
#include "query/error.h"

namespace ecg::query {
namespace {

std::unique_ptr<BoundExpr> Node(BoundExprKind kind, std::string name = "") {
  auto e = std::make_unique<BoundExpr>();
  e->kind = kind;
  e->name = std::move(name);
  return e;
}

CompareOp OpOf(ast::CompareOp op) {
  return static_cast<CompareOp>(static_cast<uint8_t>(op));
}

constexpr std::string_view kSpecials[] = {"id", "kind", "key", "path"};

// The fields every edge has besides its properties, in EdgeMeta order: its
// valid interval, the source it came from and the ingest run that wrote it.
constexpr std::string_view kEdgeMetaNames[] = {"from", "to", "source", "run"};

}  // namespace

Result<std::unique_ptr<BoundExpr>> Binder::BindEdgeField(std::string_view name, ast::Span span,
                                                         std::optional<EdgeType> edge,
                                                         bool any_edge, int slot) {
  std::string prefix = slot < 0 ? "edge." : "";
  const PropertyDef* def = Catalog::Find(name);
  bool applies =
      def != nullptr && (edge ? Catalog::AppliesTo(*def, *edge) : any_edge && def->edge_types != 0);
  if (applies) {
    auto e = Node(BoundExprKind::kEdgeProp, prefix + std::string(name));
    e->prop = def;
    e->slot = slot;
    return e;
  }
  for (size_t i = 0; i < std::size(kEdgeMetaNames); ++i) {
    if (name == kEdgeMetaNames[i]) {
      auto e = Node(BoundExprKind::kEdgeMeta, prefix + std::string(name));
      e->index = i;
      e->slot = slot;
      return e;
    }
  }
  std::vector<std::string_view> names(std::begin(kEdgeMetaNames), std::end(kEdgeMetaNames));
  std::string owner = "edges of any type";
  if (edge) {
    for (std::string_view n : Catalog::NamesFor(*edge)) {
      names.push_back(n);
    }
    owner = std::string(EdgeTypeName(*edge)) + " edges";
  } else {
    for (const PropertyDef& p : Catalog::Properties()) {
      if (p.edge_types != 0) {
        names.push_back(p.name);
      }
    }
  }
  return Error(
      span, "unknown property '" + std::string(name) + "' for " + owner + DidYouMean(name, names));
}

Result<std::unique_ptr<BoundExpr>> Binder::BindNamedField(const NamedScope& named,
                                                          std::string_view step,
                                                          std::string_view name, ast::Span span) {
  std::string shown = std::string(step) + "." + std::string(name);
  BoundExprKind special = name == "id"     ? BoundExprKind::kId
                          : name == "kind" ? BoundExprKind::kKind
                          : name == "key"  ? BoundExprKind::kKey
                                           : BoundExprKind::kConst;
  if (special != BoundExprKind::kConst) {
    auto e = Node(special, shown);
    e->slot = named.slot;
    return e;
  }
  const PropertyDef* def = Catalog::Find(name);
  if (def != nullptr && (named.kinds.empty() ||
                         std::any_of(named.kinds.begin(), named.kinds.end(), [def](VertexKind k) {
                           return Catalog::AppliesTo(*def, k);
                         }))) {
    auto e = Node(BoundExprKind::kVertexProp, shown);
    e->prop = def;
    e->slot = named.slot;
    return e;
  }
  std::vector<std::string_view> names = {"id", "kind", "key"};
  std::string owner;
  for (VertexKind k : named.kinds) {
    for (std::string_view n : Catalog::NamesFor(k)) {
      names.push_back(n);
    }
    owner += owner.empty() ? std::string(VertexKindName(k)) : "/" + std::string(VertexKindName(k));
  }
  std::string hint =
      named.has_edge ? " (its edge's fields are " + std::string(step) + ".edge.*)" : "";
  return Error(span, "unknown property '" + std::string(name) + "' for step '" + std::string(step) +
                         "' (" + (owner.empty() ? "any vertex" : owner) + ")" +
                         DidYouMean(name, names) + hint);
}

Result<std::unique_ptr<BoundExpr>> Binder::BindField(std::string_view qualifier,
                                                     std::string_view name, ast::Span span,
                                                     bool edge_only) {
  std::string shown =
      qualifier.empty() ? std::string(name) : std::string(qualifier) + "." + std::string(name);
  if (edge_only) {
    if (qualifier.empty() || qualifier == "edge") {
      return BindEdgeField(name, span, filter_edge_, filter_any_edge_, -1);
    }
    return Error(span, "an edge filter reads only the edge's fields, not '" + shown + "'");
  }
  if (scope_.tabular) {
    for (size_t i = 0; i < scope_.columns.size(); ++i) {
      if (scope_.columns[i] == shown || (qualifier.empty() && scope_.columns[i] == name)) {
        auto e = Node(BoundExprKind::kColumn, scope_.columns[i]);
        e->index = i;
        return e;
      }
    }
    std::vector<std::string_view> names(scope_.columns.begin(), scope_.columns.end());
    std::string list;
    for (std::string_view n : names) {
      list += list.empty() ? std::string(n) : ", " + std::string(n);
    }
    return Error(span, "unknown column '" + shown + "'" + DidYouMean(shown, names) +
                           "; the columns here are: " + list);
  }
  const PropertyDef* def = Catalog::Find(name);
  if (qualifier == "edge") {
    if (!scope_.edge && !scope_.any_edge) {
      return Error(span, "'" + shown + "' needs a step before it");
    }
    return BindEdgeField(name, span, scope_.edge, scope_.any_edge, -1);
  }
  if (!qualifier.empty()) {
    std::string_view step = qualifier;
    bool of_edge = false;
    if (step.size() > 5 && step.substr(step.size() - 5) == ".edge") {
      step.remove_suffix(5);
      of_edge = true;
    }
    auto it = scope_.names.find(step);
    if (it == scope_.names.end()) {
      std::vector<std::string_view> names = {"edge"};
      for (const auto& [n, unused] : scope_.names) {
        names.push_back(n);
      }
      std::string known = scope_.names.empty() ? " (name a step with 'as', e.g. 'rule as r')" : "";
      return Error(
          span, "unknown step name '" + std::string(step) + "'" + DidYouMean(step, names) + known);
    }
    if (!of_edge) {
      return BindNamedField(it->second, step, name, span);
    }
    if (!it->second.has_edge) {
      return Error(span, "'" + std::string(step) + "' names the start set, which has no edge");
    }
    ECG_ASSIGN_OR_RETURN(auto e, BindEdgeField(name, span, it->second.edge,
                                               !it->second.edge.has_value(), it->second.slot));
    e->name = shown;
    return e;
  }
  if (name == "id") {
    return Node(BoundExprKind::kId, "id");
  }
  if (name == "kind") {
    return Node(BoundExprKind::kKind, "kind");
  }
  if (name == "key") {
    return Node(BoundExprKind::kKey, "key");
  }
  // `path` is the traversal path, except for sources, whose `path` property
  // (the file read) it names; the `path` operator still gives the traversal.
  const bool source_path = def != nullptr && !scope_.kinds.empty() &&
                           std::all_of(scope_.kinds.begin(), scope_.kinds.end(),
                                       [def](VertexKind k) { return Catalog::AppliesTo(*def, k); });
  if (name == "path" && !source_path) {
    uses_paths_ = true;
    return Node(BoundExprKind::kPath, "path");
  }
  for (size_t i = 0; i < scope_.extras.size(); ++i) {
    if (scope_.extras[i] == name) {
      auto e = Node(BoundExprKind::kExtra, std::string(name));
      e->index = i;
      return e;
    }
  }
  if (def != nullptr) {
    bool applies = scope_.kinds.empty() ||
                   std::any_of(scope_.kinds.begin(), scope_.kinds.end(),
                               [def](VertexKind k) { return Catalog::AppliesTo(*def, k); });
    if (applies) {
      auto e = Node(BoundExprKind::kVertexProp, std::string(name));
      e->prop = def;
      return e;
    }
    if (scope_.edge && Catalog::AppliesTo(*def, *scope_.edge)) {
      auto e = Node(BoundExprKind::kEdgeProp, "edge." + std::string(name));
      e->prop = def;
      return e;
    }
  }
  std::vector<std::string_view> names(std::begin(kSpecials), std::end(kSpecials));
  std::string owner;
  for (VertexKind k : scope_.kinds) {
    for (std::string_view n : Catalog::NamesFor(k)) {
      names.push_back(n);
    }
    owner += owner.empty() ? std::string(VertexKindName(k)) : "/" + std::string(VertexKindName(k));
  }
  if (scope_.edge) {
    for (std::string_view n : Catalog::NamesFor(*scope_.edge)) {
      names.push_back(n);
    }
  }
  for (const std::string& x : scope_.extras) {
    names.push_back(x);
  }
  if (owner.empty()) {
    owner = "any vertex";
  }
  if (def != nullptr) {
    // A real property, just not one this set of vertices carries.
    std::string holders;
    for (VertexKind k : kAllVertexKinds) {
      if (Catalog::AppliesTo(*def, k)) {
        holders += (holders.empty() ? "" : ", ") + std::string(VertexKindName(k));
      }
    }
    for (EdgeType t : kAllEdgeTypes) {
      if (Catalog::AppliesTo(*def, t)) {
        holders += (holders.empty() ? "" : ", ") + std::string(EdgeTypeName(t)) + " edges";
      }
    }
    return Error(span, "property '" + std::string(name) + "' does not apply to " + owner +
                           " (it belongs to " + holders + ")");
  }
  return Error(
      span, "unknown property '" + std::string(name) + "' for " + owner + DidYouMean(name, names));
}

Result<std::unique_ptr<BoundExpr>> Binder::BindOperand(const ast::Expr& expr, bool edge_only) {
  if (expr.kind == ast::ExprKind::kField) {
    return BindField(expr.qualifier, expr.name, expr.span, edge_only);
  }
  ECG_ASSIGN_OR_RETURN(Value v, ArgValue(expr.arg));
  auto e = Node(BoundExprKind::kConst);
  e->value = std::move(v);
  return e;
}

// Coerces `literal` to the declared type of `field` where that is natural
// (a string holding a date), and rejects comparisons that can never hold.
Status Binder::CheckComparable(const BoundExpr& field, BoundExpr* literal, const ast::Expr& at) {
  if (literal->kind != BoundExprKind::kConst) {
    return Status::OK();
  }
  PropertyType want = PropertyType::kNull;
  if (field.prop != nullptr) {
    want = field.prop->type;
  } else if (field.kind == BoundExprKind::kId) {
    want = PropertyType::kInt;
  } else if (field.kind == BoundExprKind::kKind || field.kind == BoundExprKind::kKey) {
    want = PropertyType::kString;
  } else if (field.kind == BoundExprKind::kEdgeMeta) {
    static constexpr PropertyType kTypes[] = {PropertyType::kDate, PropertyType::kDate,
                                              PropertyType::kString, PropertyType::kInt};
    want = kTypes[field.index];
  }
  Value& v = literal->value;
  PropertyType got = v.type();
  if (want == PropertyType::kNull || got == want) {
    if (field.kind == BoundExprKind::kKind && got == PropertyType::kString &&
        !ParseVertexKind(v.as_string())) {
      return Error(at.span, "unknown vertex kind '" + v.as_string() + "'");
    }
    return Status::OK();
  }
  double num = 0;
  bool numeric_want = want == PropertyType::kInt || want == PropertyType::kDouble;
  if (numeric_want && v.ToNumber(&num)) {
    return Status::OK();
  }
  if (want == PropertyType::kDate && got == PropertyType::kString) {
    Result<Date> d = Date::Parse(v.as_string());
    if (d.ok()) {
      v = Value(*d);
      return Status::OK();
    }
  }
  if ((want == PropertyType::kString || want == PropertyType::kStringList) &&
      got != PropertyType::kBool) {
    v = Value(v.ToString());  // 3A090 written as a bare number or date still compares as text
    return Status::OK();
  }
  return Error(at.span, "cannot compare " + std::string(PropertyTypeName(want)) + " field '" +
                            field.name + "' with " + std::string(PropertyTypeName(got)) + " '" +
                            v.ToString() + "'");
}

Result<std::unique_ptr<BoundExpr>> Binder::BindExpr(const ast::Expr& expr, bool edge_only) {
  switch (expr.kind) {
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kOr:
    case ast::ExprKind::kNot: {
      auto e = Node(expr.kind == ast::ExprKind::kAnd  ? BoundExprKind::kAnd
                    : expr.kind == ast::ExprKind::kOr ? BoundExprKind::kOr
                                                      : BoundExprKind::kNot);
      for (const auto& c : expr.children) {
        ECG_ASSIGN_OR_RETURN(auto bc, BindExpr(*c, edge_only));
        e->children.push_back(std::move(bc));
      }
      return e;
    }
    case ast::ExprKind::kCompare:
    case ast::ExprKind::kIn:
    case ast::ExprKind::kContains: {
      auto e = Node(expr.kind == ast::ExprKind::kCompare ? BoundExprKind::kCompare
                    : expr.kind == ast::ExprKind::kIn    ? BoundExprKind::kIn
                                                         : BoundExprKind::kContains);
      e->op = OpOf(expr.op);
      for (const auto& c : expr.children) {
        ECG_ASSIGN_OR_RETURN(auto bc, BindOperand(*c, edge_only));
        e->children.push_back(std::move(bc));
      }
      BoundExpr* first = e->children[0].get();
      for (size_t i = 1; i < e->children.size(); ++i) {
        ECG_RETURN_IF_ERROR(CheckComparable(*first, e->children[i].get(), *expr.children[i]));
      }
      if (first->kind == BoundExprKind::kConst && e->children.size() == 2) {
        ECG_RETURN_IF_ERROR(CheckComparable(*e->children[1], first, *expr.children[0]));
      }
      if (e->kind == BoundExprKind::kIn) {
        auto set = std::make_shared<std::unordered_set<std::string>>();
        bool all_strings = true;
        for (size_t i = 1; i < e->children.size() && all_strings; ++i) {
          const BoundExpr& c = *e->children[i];
          all_strings = c.kind == BoundExprKind::kConst && c.value.type() == PropertyType::kString;
          if (all_strings) {
            set->insert(c.value.as_string());
          }
        }
        if (all_strings) {
          e->string_set = std::move(set);
        }
      }
      if (expr.kind == ast::ExprKind::kContains && e->children[1]->kind == BoundExprKind::kConst &&
          e->children[1]->value.type() != PropertyType::kString) {
        return Error(expr.children[1]->span, "contains needs a string");
      }
      return e;
    }
    case ast::ExprKind::kMatch: {
      auto e = Node(BoundExprKind::kMatch);
      ECG_ASSIGN_OR_RETURN(auto left, BindOperand(*expr.children[0], edge_only));
      const ast::Expr& pat = *expr.children[1];
      if (pat.kind != ast::ExprKind::kLiteral) {
        return Error(pat.span, "the right side of '~' must be a quoted regular expression");
      }
      ECG_ASSIGN_OR_RETURN(Value v, ArgValue(pat.arg));
      if (v.type() != PropertyType::kString) {
        return Error(pat.span, "the right side of '~' must be a quoted regular expression");
      }
      RE2::Options options;
      options.set_log_errors(false);
      auto re = std::make_shared<const RE2>(v.as_string(), options);
      if (!re->ok()) {
        return Error(pat.span, "bad regular expression: " + re->error());
      }
      e->regex = std::move(re);
      e->value = std::move(v);
      e->children.push_back(std::move(left));
      return e;
    }
    case ast::ExprKind::kExists: {
      auto e = Node(BoundExprKind::kExists);
      ECG_ASSIGN_OR_RETURN(auto f, BindField(expr.qualifier, expr.name, expr.span, edge_only));
      e->children.push_back(std::move(f));
      return e;
    }
    case ast::ExprKind::kListed: {
      if (edge_only || scope_.tabular) {
        return Error(expr.span, "'listed' applies to vertices, not here");
      }
      auto e = Node(BoundExprKind::kListed);
      if (expr.has_arg) {
        ECG_ASSIGN_OR_RETURN(e->value, ArgValue(expr.arg));
        if (e->value.type() != PropertyType::kString) {
          return Error(expr.arg.span, "listed(...) needs a list name");
        }
      }
      return e;
    }
    case ast::ExprKind::kLiteral:
    case ast::ExprKind::kField:
      if (expr.kind == ast::ExprKind::kLiteral && expr.arg.value.type() == PropertyType::kBool) {
        auto e = Node(BoundExprKind::kConst);
        e->value = expr.arg.value;
        return e;
      }
      return Error(expr.span, "expected a condition");
  }
  return Error(expr.span, "expected a condition");
}

}  // namespace ecg::query
