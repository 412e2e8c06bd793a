#include "query/bind/bound.h"

namespace ecg::query {
namespace {

std::string_view OpName(CompareOp op) {
  static constexpr std::string_view kNames[] = {"=", "!=", "<", "<=", ">", ">="};
  return kNames[static_cast<int>(op)];
}

std::string Literal(const Value& v) {
  switch (v.type()) {
    case PropertyType::kString:
      return "\"" + v.as_string() + "\"";
    case PropertyType::kNull:
      return "null";
    default:
      return v.ToString();
  }
}

}  // namespace

std::string_view AggregateFnName(AggregateFn fn) {
  static constexpr std::string_view kNames[] = {"count", "sum", "min", "max", "avg"};
  return kNames[static_cast<int>(fn)];
}

std::string BoundExpr::ToString() const {
  auto joined = [this](std::string_view head) {
    std::string out = "(" + std::string(head);
    for (const auto& c : children) {
      out += " " + c->ToString();
    }
    return out + ")";
  };
  switch (kind) {
    case BoundExprKind::kConst:
      return Literal(value);
    case BoundExprKind::kVertexProp:
    case BoundExprKind::kEdgeProp:
    case BoundExprKind::kId:
    case BoundExprKind::kKind:
    case BoundExprKind::kKey:
    case BoundExprKind::kEdgeMeta:
    case BoundExprKind::kExtra:
    case BoundExprKind::kPath:
      return name;
    case BoundExprKind::kColumn:
      return "#" + name;
    case BoundExprKind::kCompare:
      return joined(OpName(op));
    case BoundExprKind::kAnd:
      return joined("and");
    case BoundExprKind::kOr:
      return joined("or");
    case BoundExprKind::kNot:
      return joined("not");
    case BoundExprKind::kIn:
      return joined("in");
    case BoundExprKind::kContains:
      return joined("contains");
    case BoundExprKind::kMatch:
      return "(~ " + children[0]->ToString() + " " + Literal(value) + ")";
    case BoundExprKind::kExists:
      return joined("exists");
    case BoundExprKind::kListed:
      return value.is_null() ? "(listed)" : "(listed " + Literal(value) + ")";
  }
  return "?";
}

std::unique_ptr<BoundExpr> BoundExpr::Clone() const {
  auto e = std::make_unique<BoundExpr>();
  e->kind = kind;
  e->value = value;
  e->prop = prop;
  e->index = index;
  e->slot = slot;
  e->op = op;
  e->regex = regex;
  e->name = name;
  e->string_set = string_set;
  for (const auto& c : children) {
    e->children.push_back(c->Clone());
  }
  return e;
}

}  // namespace ecg::query
