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

}  // namespace

Result<std::unique_ptr<BoundExpr>> Binder::BindField(std::string_view qualifier,
                                                     std::string_view name, ast::Span span,
                                                     bool edge_only) {
  std::string shown =
      qualifier.empty() ? std::string(name) : std::string(qualifier) + "." + std::string(name);
  if (edge_only) {
    const PropertyDef* def = Catalog::Find(name);
    if ((qualifier.empty() || qualifier == "edge") && def != nullptr &&
        Catalog::AppliesTo(*def, *filter_edge_)) {
      auto e = Node(BoundExprKind::kEdgeProp, "edge." + std::string(name));
      e->prop = def;
      return e;
    }
    std::vector<std::string_view> names = Catalog::NamesFor(*filter_edge_);
    return Error(span, "unknown property '" + shown + "' for " +
                           std::string(EdgeTypeName(*filter_edge_)) + " edges" +
                           DidYouMean(name, names));
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
    if (!scope_.edge) {
      return Error(span, "'" + shown + "' needs a step before it");
    }
    if (def != nullptr && Catalog::AppliesTo(*def, *scope_.edge)) {
      auto e = Node(BoundExprKind::kEdgeProp, shown);
      e->prop = def;
      return e;
    }
    std::vector<std::string_view> names = Catalog::NamesFor(*scope_.edge);
    return Error(span, "unknown property '" + std::string(name) + "' for " +
                           std::string(EdgeTypeName(*scope_.edge)) + " edges" +
                           DidYouMean(name, names));
  }
  if (!qualifier.empty()) {
    return Error(span, "unknown qualifier '" + std::string(qualifier) + "' (only 'edge.')");
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
  if (name == "path") {
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
