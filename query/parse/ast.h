// The AST of one query, produced by Parser and consumed by Binder. Nodes own
// their children through unique_ptr and keep the source span of what they
// came from, for error positions. ToString() gives the S-expression dumps
// used by golden tests. Plain data: thread-compatible.
#ifndef ECG_QUERY_PARSE_AST_H_
#define ECG_QUERY_PARSE_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "schema/value.h"

namespace ecg::query::ast {

struct Span {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// A literal value or a `$name` parameter, as written.
struct Arg {
  Value value;        // null when `param` is set
  std::string param;  // parameter name without '$'
  Span span;
  bool is_param() const { return !param.empty(); }
  std::string ToString() const;
};

enum class ExprKind : uint8_t {
  kLiteral,   // arg
  kField,     // [qualifier "."] name: country, edge.pct
  kCompare,   // children[0] op children[1]
  kAnd,       // children...
  kOr,        // children...
  kNot,       // children[0]
  kIn,        // children[0] in [children[1..]]
  kContains,  // children[0] contains children[1]
  kMatch,     // children[0] ~ children[1] (re2)
  kExists,    // exists(name)
  kListed,    // listed, or listed(arg)
};

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
std::string_view CompareOpName(CompareOp op);

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Span span;
  Arg arg;                // kLiteral; kListed's list name when has_arg
  bool has_arg = false;   // kListed("...")
  std::string qualifier;  // kField / kExists: "edge", a step's name, or ""
  std::string name;       // kField / kExists
  CompareOp op = CompareOp::kEq;
  std::vector<std::unique_ptr<Expr>> children;
  std::string ToString() const;
};

// How a start set is chosen: `entity`, `rule 2022-21658`, `entity "X"`,
// `entity ~"X"`, each optionally followed by `where <expr>`.
enum class StartBy : uint8_t { kAll, kKey, kName, kFuzzy };

struct Start {
  std::string kind;  // vertex kind name as written
  Span kind_span;
  StartBy by = StartBy::kAll;
  Arg arg;           // the key or name for kKey / kName / kFuzzy
  std::string name;  // `as name`, empty when unnamed
  Span name_span;
  std::unique_ptr<Expr> where;
  std::string ToString() const;
};

enum class StepDir : uint8_t { kOut, kIn, kBoth };

// `-> owns*1..3[pct >= 50] entity where ...`
struct Step {
  Span span;
  StepDir dir = StepDir::kOut;
  std::string edge;  // edge type name as written; "*" for any type
  Span edge_span;
  bool variable = false;  // `*` present
  uint32_t min_hops = 1;
  uint32_t max_hops = 1;  // 0 = unbounded (up to the depth limit)
  std::unique_ptr<Expr> edge_filter;
  std::string target;  // target kind, empty for any
  Span target_span;
  std::string name;  // `as name`, empty when unnamed
  Span name_span;
  std::unique_ptr<Expr> where;
  std::string ToString() const;
};

enum class OpKind : uint8_t {
  kWhere,
  kSelect,
  kDistinct,
  kSort,
  kLimit,
  kCount,
  kCountBy,
  kGroupBy,
  kAsOf,
  kKnownAt,
  kHistory,
  kDiff,
  kAffiliates,
  kPath,
};
std::string_view OpKindName(OpKind kind);

// A field in select / sort / count by / group by, or an aggregate
// (`sum(pct)`, `count`) in group by.
struct Item {
  std::string qualifier;  // "edge", a step's name, or ""
  std::string name;
  std::string aggregate;  // "", "count", "sum", "min", "max"
  bool descending = false;
  Span span;
  std::string ToString() const;
};

// One `| operator`.
struct Operator {
  OpKind kind = OpKind::kWhere;
  Span span;
  std::unique_ptr<Expr> expr;  // kWhere
  std::vector<Item> items;     // kSelect, kSort, kCountBy, kGroupBy
  std::vector<Arg> args;       // kLimit n; kAsOf/kKnownAt date; kDiff d1 d2; kAffiliates pct
  std::string ToString() const;
};

using Stage = std::variant<Step, Operator>;

struct Query {
  bool explain = false;
  Start start;
  std::vector<Stage> stages;  // steps and operators, in source order
  std::string ToString() const;
};

}  // namespace ecg::query::ast

#endif  // ECG_QUERY_PARSE_AST_H_
