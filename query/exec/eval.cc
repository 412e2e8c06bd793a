#include "query/exec/eval.h"

#include <vector>

#include <re2/re2.h>

namespace ecg::query::exec {
namespace {

// Three outcomes of comparing two scalars: an order, or "incomparable".
std::optional<int> CompareScalars(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) {
    return std::nullopt;
  }
  double x = 0;
  double y = 0;
  if (a.ToNumber(&x) && b.ToNumber(&y)) {
    return x < y ? -1 : (y < x ? 1 : 0);
  }
  if (a.type() == PropertyType::kDate && b.type() == PropertyType::kString) {
    Result<Date> d = Date::Parse(b.as_string());
    return d.ok() ? CompareScalars(a, Value(*d)) : std::nullopt;
  }
  if (a.type() == PropertyType::kString && b.type() == PropertyType::kDate) {
    std::optional<int> r = CompareScalars(b, a);
    return r ? std::optional<int>(-*r) : std::nullopt;
  }
  if (a.type() != b.type()) {
    return std::nullopt;
  }
  return a.Compare(b);
}

bool Holds(CompareOp op, std::optional<int> c) {
  if (!c) {
    return op == CompareOp::kNe;
  }
  switch (op) {
    case CompareOp::kEq:
      return *c == 0;
    case CompareOp::kNe:
      return *c != 0;
    case CompareOp::kLt:
      return *c < 0;
    case CompareOp::kLe:
      return *c <= 0;
    case CompareOp::kGt:
      return *c > 0;
    case CompareOp::kGe:
      return *c >= 0;
  }
  return false;
}

// The scalars a value stands for: the elements of a list, else itself.
std::vector<Value> Elements(const Value& v) {
  if (v.type() != PropertyType::kStringList) {
    return {v};
  }
  std::vector<Value> out;
  for (const std::string& s : v.as_string_list()) {
    out.emplace_back(s);
  }
  return out;
}

bool CompareAny(CompareOp op, const Value& a, const Value& b) {
  if (op == CompareOp::kNe) {
    return !CompareAny(CompareOp::kEq, a, b);
  }
  for (const Value& x : Elements(a)) {
    for (const Value& y : Elements(b)) {
      if (Holds(op, CompareScalars(x, y))) {
        return true;
      }
    }
  }
  return false;
}

// The vertex and edge a field reads: a named step's, or the row's own.
const Named* NamedOf(const BoundExpr& expr, const Row& row) {
  static const Named kNone;
  if (expr.slot < 0) {
    return nullptr;
  }
  size_t slot = static_cast<size_t>(expr.slot);
  return slot < row.named.size() ? &row.named[slot] : &kNone;
}

Value DateOrNull(Date d) {
  return d.is_min() || d.is_max() ? Value() : Value(d);
}

Result<Value> EdgeMetaValue(EdgeMeta what, const store::EdgeStatement& e, ExecContext& ctx) {
  switch (what) {
    case EdgeMeta::kFrom:
      return DateOrNull(e.meta.valid.from);
    case EdgeMeta::kTo:
      return DateOrNull(e.meta.valid.to);
    case EdgeMeta::kSource: {
      if (!e.meta.source.valid()) {
        return Value();
      }
      ECG_ASSIGN_OR_RETURN(store::VertexRecord src, ctx.Vertex(e.meta.source));
      return Value(src.key);
    }
    case EdgeMeta::kRun:
      return Value(static_cast<int64_t>(e.meta.recorded.value()));
  }
  return Value();
}

}  // namespace

Result<Value> Eval(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  const Named* named = NamedOf(expr, row);
  const VertexId vertex = named != nullptr ? named->vertex : row.vertex;
  const store::EdgeStatement* edge = named != nullptr ? named->edge.get() : row.edge.get();
  switch (expr.kind) {
    case BoundExprKind::kConst:
      return expr.value;
    case BoundExprKind::kVertexProp:
      if (!vertex.valid()) {
        return Value();
      }
      return ctx.Property(vertex, *expr.prop);
    case BoundExprKind::kEdgeProp:
      return edge != nullptr ? edge->Get(expr.prop->id) : Value();
    case BoundExprKind::kEdgeMeta:
      if (edge == nullptr) {
        return Value();
      }
      return EdgeMetaValue(static_cast<EdgeMeta>(expr.index), *edge, ctx);
    case BoundExprKind::kId:
      if (!vertex.valid()) {
        return Value();
      }
      return Value(static_cast<int64_t>(vertex.value()));
    case BoundExprKind::kKind: {
      if (!vertex.valid()) {
        return Value();
      }
      ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, ctx.Vertex(vertex));
      return Value(VertexKindName(rec.kind));
    }
    case BoundExprKind::kKey: {
      if (!vertex.valid()) {
        return Value();
      }
      ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, ctx.Vertex(vertex));
      return Value(rec.key);
    }
    case BoundExprKind::kExtra:
      return expr.index < row.extras.size() ? row.extras[expr.index] : Value();
    case BoundExprKind::kColumn:
      return expr.index < row.values.size() ? row.values[expr.index] : Value();
    case BoundExprKind::kPath: {
      ECG_ASSIGN_OR_RETURN(std::string text, PathText(row, ctx));
      return Value(std::move(text));
    }
    default: {
      ECG_ASSIGN_OR_RETURN(bool b, Test(expr, row, ctx));
      return Value(b);
    }
  }
}

Result<bool> Test(const BoundExpr& expr, const Row& row, ExecContext& ctx) {
  switch (expr.kind) {
    case BoundExprKind::kAnd:
      for (const auto& c : expr.children) {
        ECG_ASSIGN_OR_RETURN(bool b, Test(*c, row, ctx));
        if (!b) {
          return false;
        }
      }
      return true;
    case BoundExprKind::kOr:
      for (const auto& c : expr.children) {
        ECG_ASSIGN_OR_RETURN(bool b, Test(*c, row, ctx));
        if (b) {
          return true;
        }
      }
      return false;
    case BoundExprKind::kNot: {
      ECG_ASSIGN_OR_RETURN(bool b, Test(*expr.children[0], row, ctx));
      return !b;
    }
    case BoundExprKind::kCompare: {
      ECG_ASSIGN_OR_RETURN(Value a, Eval(*expr.children[0], row, ctx));
      ECG_ASSIGN_OR_RETURN(Value b, Eval(*expr.children[1], row, ctx));
      return CompareAny(expr.op, a, b);
    }
    case BoundExprKind::kIn: {
      ECG_ASSIGN_OR_RETURN(Value a, Eval(*expr.children[0], row, ctx));
      if (expr.string_set != nullptr) {
        // A string equals a string constant only when the bytes are equal,
        // so the set decides for strings; a date (compared with a string
        // constant by parsing it) still takes the loop below.
        bool all_strings = true;
        for (const Value& x : Elements(a)) {
          if (x.type() != PropertyType::kString) {
            all_strings = false;
          } else if (expr.string_set->count(x.as_string()) != 0) {
            return true;
          }
        }
        if (all_strings) {
          return false;
        }
      }
      for (size_t i = 1; i < expr.children.size(); ++i) {
        ECG_ASSIGN_OR_RETURN(Value b, Eval(*expr.children[i], row, ctx));
        if (CompareAny(CompareOp::kEq, a, b)) {
          return true;
        }
      }
      return false;
    }
    case BoundExprKind::kContains: {
      ECG_ASSIGN_OR_RETURN(Value a, Eval(*expr.children[0], row, ctx));
      ECG_ASSIGN_OR_RETURN(Value b, Eval(*expr.children[1], row, ctx));
      if (a.is_null() || b.is_null()) {
        return false;
      }
      std::string needle = b.ToString();
      for (const Value& x : Elements(a)) {
        if (x.ToString().find(needle) != std::string::npos) {
          return true;
        }
      }
      return false;
    }
    case BoundExprKind::kMatch: {
      ECG_ASSIGN_OR_RETURN(Value a, Eval(*expr.children[0], row, ctx));
      if (a.is_null()) {
        return false;
      }
      for (const Value& x : Elements(a)) {
        if (RE2::PartialMatch(x.ToString(), *expr.regex)) {
          return true;
        }
      }
      return false;
    }
    case BoundExprKind::kExists: {
      ECG_ASSIGN_OR_RETURN(Value a, Eval(*expr.children[0], row, ctx));
      return !a.is_null();
    }
    case BoundExprKind::kListed: {
      std::optional<std::string> list;
      if (!expr.value.is_null()) {
        list = expr.value.as_string();
      }
      return ctx.Listed(row.vertex, list);
    }
    default: {
      ECG_ASSIGN_OR_RETURN(Value v, Eval(expr, row, ctx));
      return v.type() == PropertyType::kBool && v.as_bool();
    }
  }
}

Result<std::string> PathText(const Row& row, ExecContext& ctx) {
  if (!row.path) {
    return ctx.Label(row.vertex);
  }
  std::vector<const PathNode*> nodes;
  for (const PathNode* n = row.path.get(); n != nullptr; n = n->parent.get()) {
    nodes.push_back(n);
  }
  std::string out;
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    const PathNode* n = *it;
    if (n->edge) {
      std::string type(EdgeTypeName(n->edge->type));
      bool forward = n->edge->dst == n->vertex;
      out += forward ? " -" + type + "-> " : " <-" + type + "- ";
    }
    ECG_ASSIGN_OR_RETURN(std::string label, ctx.Label(n->vertex));
    out += label;
  }
  return out;
}

}  // namespace ecg::query::exec
