// Parser rules for boolean expressions (where clauses and edge filters).
#include "query/error.h"
#include "query/parse/parser.h"

namespace ecg::query {
namespace {

std::unique_ptr<ast::Expr> MakeNode(ast::ExprKind kind, ast::Span span) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

bool CompareOpOf(TokenKind k, ast::CompareOp* op) {
  switch (k) {
    case TokenKind::kEq:
      *op = ast::CompareOp::kEq;
      return true;
    case TokenKind::kNe:
      *op = ast::CompareOp::kNe;
      return true;
    case TokenKind::kLt:
      *op = ast::CompareOp::kLt;
      return true;
    case TokenKind::kLe:
      *op = ast::CompareOp::kLe;
      return true;
    case TokenKind::kGt:
      *op = ast::CompareOp::kGt;
      return true;
    case TokenKind::kGe:
      *op = ast::CompareOp::kGe;
      return true;
    default:
      return false;
  }
}

}  // namespace

// expr = and_expr { "or" and_expr } ;
Result<std::unique_ptr<ast::Expr>> Parser::ParseExpr(int depth) {
  if (depth > kMaxExprDepth) {
    return ErrorAtToken(Peek(), "expression nested deeper than " + std::to_string(kMaxExprDepth));
  }
  uint32_t start = Peek().offset;
  ECG_ASSIGN_OR_RETURN(auto left, ParseAnd(depth));
  if (!Peek().Is("or")) {
    return left;
  }
  auto node = MakeNode(ast::ExprKind::kOr, {});
  node->children.push_back(std::move(left));
  while (AcceptWord("or")) {
    ECG_ASSIGN_OR_RETURN(auto right, ParseAnd(depth));
    node->children.push_back(std::move(right));
  }
  node->span = SpanFrom(start);
  return node;
}

// and_expr = not_expr { "and" not_expr } ;
Result<std::unique_ptr<ast::Expr>> Parser::ParseAnd(int depth) {
  uint32_t start = Peek().offset;
  ECG_ASSIGN_OR_RETURN(auto left, ParseNot(depth));
  if (!Peek().Is("and")) {
    return left;
  }
  auto node = MakeNode(ast::ExprKind::kAnd, {});
  node->children.push_back(std::move(left));
  while (AcceptWord("and")) {
    ECG_ASSIGN_OR_RETURN(auto right, ParseNot(depth));
    node->children.push_back(std::move(right));
  }
  node->span = SpanFrom(start);
  return node;
}

// not_expr = "not" not_expr | predicate ;
Result<std::unique_ptr<ast::Expr>> Parser::ParseNot(int depth) {
  if (depth > kMaxExprDepth) {
    return ErrorAtToken(Peek(), "expression nested deeper than " + std::to_string(kMaxExprDepth));
  }
  uint32_t start = Peek().offset;
  if (AcceptWord("not")) {
    ECG_ASSIGN_OR_RETURN(auto inner, ParseNot(depth + 1));
    auto node = MakeNode(ast::ExprKind::kNot, {});
    node->children.push_back(std::move(inner));
    node->span = SpanFrom(start);
    return node;
  }
  return ParsePredicate(depth);
}

// predicate = "(" expr ")" | "exists" "(" field ")" | "listed" [ "(" ( string | param ) ")" ]
//           | operand [ compare_op operand | [ "not" ] "in" "[" operand { "," operand } "]"
//                     | "contains" operand | "~" operand ] ;
Result<std::unique_ptr<ast::Expr>> Parser::ParsePredicate(int depth) {
  const Token& first = Peek();
  uint32_t start = first.offset;
  if (Accept(TokenKind::kLParen)) {
    ECG_ASSIGN_OR_RETURN(auto inner, ParseExpr(depth + 1));
    ECG_RETURN_IF_ERROR(Expect(TokenKind::kRParen, " to close '('"));
    return inner;
  }
  if (first.Is("exists") && Peek(1).kind == TokenKind::kLParen) {
    Advance();
    Advance();
    auto node = MakeNode(ast::ExprKind::kExists, {});
    ast::Span unused;
    ECG_RETURN_IF_ERROR(ParseField(&node->qualifier, &node->name, &unused));
    ECG_RETURN_IF_ERROR(Expect(TokenKind::kRParen, " after the field of exists"));
    node->span = SpanFrom(start);
    return node;
  }
  if (first.Is("listed")) {
    Advance();
    auto node = MakeNode(ast::ExprKind::kListed, {});
    if (Accept(TokenKind::kLParen)) {
      if (Peek().kind != TokenKind::kString && Peek().kind != TokenKind::kParam) {
        return Unexpected("a quoted list name");
      }
      ECG_RETURN_IF_ERROR(ParseArg(&node->arg, "a list name"));
      node->has_arg = true;
      ECG_RETURN_IF_ERROR(Expect(TokenKind::kRParen, " after the list name"));
    }
    node->span = SpanFrom(start);
    return node;
  }
  ECG_ASSIGN_OR_RETURN(auto left, ParseOperand());
  ast::CompareOp op = ast::CompareOp::kEq;
  std::unique_ptr<ast::Expr> node;
  if (CompareOpOf(Peek().kind, &op)) {
    Advance();
    node = MakeNode(ast::ExprKind::kCompare, {});
    node->op = op;
  } else if (Peek().Is("contains")) {
    Advance();
    node = MakeNode(ast::ExprKind::kContains, {});
  } else if (Accept(TokenKind::kTilde)) {
    node = MakeNode(ast::ExprKind::kMatch, {});
  } else if (Peek().Is("in") || (Peek().Is("not") && Peek(1).Is("in"))) {
    bool negated = AcceptWord("not");
    Advance();
    node = MakeNode(ast::ExprKind::kIn, {});
    node->children.push_back(std::move(left));
    ECG_RETURN_IF_ERROR(Expect(TokenKind::kLBracket, " after 'in'"));
    do {
      ECG_ASSIGN_OR_RETURN(auto item, ParseOperand());
      node->children.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
    ECG_RETURN_IF_ERROR(Expect(TokenKind::kRBracket, " to close the 'in' list"));
    node->span = SpanFrom(start);
    if (!negated) {
      return node;
    }
    auto neg = MakeNode(ast::ExprKind::kNot, node->span);
    neg->children.push_back(std::move(node));
    return neg;
  } else {
    if (left->kind == ast::ExprKind::kField) {
      return Unexpected("a comparison after '" + left->name + "' (=, !=, <, in, contains, ~)");
    }
    return ErrorAt(text_, start, "a literal is not a condition");
  }
  ECG_ASSIGN_OR_RETURN(auto right, ParseOperand());
  node->children.push_back(std::move(left));
  node->children.push_back(std::move(right));
  node->span = SpanFrom(start);
  return node;
}

// operand = string | integer | number | date | param | "true" | "false"
//         | "-" ( integer | number ) | field ;
Result<std::unique_ptr<ast::Expr>> Parser::ParseOperand() {
  const Token& tok = Peek();
  uint32_t start = tok.offset;
  switch (tok.kind) {
    case TokenKind::kString:
    case TokenKind::kInt:
    case TokenKind::kNumber:
    case TokenKind::kDate:
    case TokenKind::kParam: {
      auto node = MakeNode(ast::ExprKind::kLiteral, {});
      ECG_RETURN_IF_ERROR(ParseArg(&node->arg, "a value"));
      node->span = SpanFrom(start);
      return node;
    }
    case TokenKind::kMinus: {
      Advance();
      if (Peek().kind != TokenKind::kInt && Peek().kind != TokenKind::kNumber) {
        return Unexpected("a number after '-'");
      }
      auto node = MakeNode(ast::ExprKind::kLiteral, {});
      ECG_RETURN_IF_ERROR(ParseArg(&node->arg, "a number"));
      node->arg.value = node->arg.value.type() == PropertyType::kInt
                            ? Value(-node->arg.value.as_int())
                            : Value(-node->arg.value.as_double());
      node->span = SpanFrom(start);
      node->arg.span = node->span;
      return node;
    }
    case TokenKind::kIdent: {
      if (tok.Is("true") || tok.Is("false")) {
        auto node = MakeNode(ast::ExprKind::kLiteral, {tok.offset, tok.length});
        node->arg.value = Value(tok.Is("true"));
        node->arg.span = node->span;
        Advance();
        return node;
      }
      auto node = MakeNode(ast::ExprKind::kField, {});
      ECG_RETURN_IF_ERROR(ParseField(&node->qualifier, &node->name, &node->span));
      return node;
    }
    default:
      return Unexpected("a field or a value");
  }
}

}  // namespace ecg::query
