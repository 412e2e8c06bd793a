#include "query/parse/ast.h"

namespace ecg::query::ast {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return out + "\"";
}

std::string FieldName(const std::string& qualifier, const std::string& name) {
  return qualifier.empty() ? name : qualifier + "." + name;
}

}  // namespace

std::string_view CompareOpName(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

std::string_view OpKindName(OpKind kind) {
  switch (kind) {
    case OpKind::kWhere:
      return "where";
    case OpKind::kSelect:
      return "select";
    case OpKind::kDistinct:
      return "distinct";
    case OpKind::kSort:
      return "sort";
    case OpKind::kLimit:
      return "limit";
    case OpKind::kCount:
      return "count";
    case OpKind::kCountBy:
      return "count-by";
    case OpKind::kGroupBy:
      return "group-by";
    case OpKind::kAsOf:
      return "as-of";
    case OpKind::kKnownAt:
      return "known-at";
    case OpKind::kHistory:
      return "history";
    case OpKind::kDiff:
      return "diff";
    case OpKind::kAffiliates:
      return "affiliates";
    case OpKind::kPath:
      return "path";
  }
  return "?";
}

std::string Arg::ToString() const {
  if (is_param()) {
    return "$" + param;
  }
  switch (value.type()) {
    case PropertyType::kString:
      return Quote(value.as_string());
    case PropertyType::kDate:
      return value.as_date().is_max() ? "today" : "date:" + value.ToString();
    default:
      return value.ToString();
  }
}

std::string Expr::ToString() const {
  auto joined = [this](const std::string& head) {
    std::string out = "(" + head;
    for (const auto& c : children) {
      out += " " + c->ToString();
    }
    return out + ")";
  };
  switch (kind) {
    case ExprKind::kLiteral:
      return arg.ToString();
    case ExprKind::kField:
      return FieldName(qualifier, name);
    case ExprKind::kCompare:
      return joined(std::string(CompareOpName(op)));
    case ExprKind::kAnd:
      return joined("and");
    case ExprKind::kOr:
      return joined("or");
    case ExprKind::kNot:
      return joined("not");
    case ExprKind::kIn:
      return joined("in");
    case ExprKind::kContains:
      return joined("contains");
    case ExprKind::kMatch:
      return joined("~");
    case ExprKind::kExists:
      return "(exists " + FieldName(qualifier, name) + ")";
    case ExprKind::kListed:
      return has_arg ? "(listed " + arg.ToString() + ")" : "(listed)";
  }
  return "?";
}

std::string Start::ToString() const {
  std::string out = "(start " + kind;
  switch (by) {
    case StartBy::kAll:
      break;
    case StartBy::kKey:
      out += " key " + arg.ToString();
      break;
    case StartBy::kName:
      out += " name " + arg.ToString();
      break;
    case StartBy::kFuzzy:
      out += " fuzzy " + arg.ToString();
      break;
  }
  if (!name.empty()) {
    out += " as " + name;
  }
  if (where) {
    out += " (where " + where->ToString() + ")";
  }
  return out + ")";
}

std::string Step::ToString() const {
  static constexpr std::string_view kDirs[] = {"out", "in", "both"};
  std::string out = "(step " + std::string(kDirs[static_cast<int>(dir)]) + " " + edge;
  if (variable) {
    out += " *" + std::to_string(min_hops) + ".." +
           (max_hops == 0 ? std::string("inf") : std::to_string(max_hops));
  }
  if (edge_filter) {
    out += " [" + edge_filter->ToString() + "]";
  }
  if (!target.empty()) {
    out += " " + target;
  }
  if (!name.empty()) {
    out += " as " + name;
  }
  if (where) {
    out += " (where " + where->ToString() + ")";
  }
  return out + ")";
}

std::string Item::ToString() const {
  std::string out = FieldName(qualifier, name);
  if (!aggregate.empty()) {
    out = name.empty() ? aggregate : aggregate + "(" + out + ")";
  }
  if (descending) {
    out += " desc";
  }
  return out;
}

std::string Operator::ToString() const {
  std::string out = "(" + std::string(OpKindName(kind));
  if (expr) {
    out += " " + expr->ToString();
  }
  for (const auto& item : items) {
    out += " " + item.ToString();
  }
  for (const auto& arg : args) {
    out += " " + arg.ToString();
  }
  return out + ")";
}

std::string Query::ToString() const {
  std::string out = explain ? "(explain " : "";
  out += "(query " + start.ToString();
  for (const auto& stage : stages) {
    out += " ";
    out += std::visit([](const auto& s) { return s.ToString(); }, stage);
  }
  out += ")";
  if (explain) {
    out += ")";
  }
  return out;
}

}  // namespace ecg::query::ast
