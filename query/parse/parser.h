// Parser: recursive descent from tokens to ast::Query. Each ParseX method
// implements the EBNF rule of the same name in docs/query.md. No catalog
// access here: names are checked by the Binder. One per query; not
// thread-safe.
#ifndef ECG_QUERY_PARSE_PARSER_H_
#define ECG_QUERY_PARSE_PARSER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "query/parse/ast.h"
#include "query/parse/token.h"
#include "schema/result.h"

namespace ecg::query {

// Expression nesting (parentheses, `not`) deeper than this is refused, so
// hostile input cannot exhaust the stack.
inline constexpr int kMaxExprDepth = 64;
// More pipeline stages than this are refused.
inline constexpr size_t kMaxStages = 256;

class Parser {
 public:
  // `text` must outlive the parser; errors point into it.
  explicit Parser(std::string_view text) : text_(text) {}

  // Lexes and parses the whole text. InvalidArgument with the position of the
  // first bad token.
  Result<ast::Query> Parse();

 private:
  Status ParseQuery(ast::Query* query);
  Status ParseStart(ast::Start* start);
  Status ParseStep(ast::Step* step);
  Status ParseRange(ast::Step* step);
  // `as name` after a start set or a step; leaves `name` empty when absent.
  Status ParseName(std::string* name, ast::Span* span);
  Status ParseOperator(ast::Operator* op);
  Status ParseItems(ast::Operator* op, bool allow_aggregates, bool allow_desc);
  Status ParseItem(ast::Item* item, bool allow_aggregates, bool allow_desc);
  Status ParseArg(ast::Arg* arg, std::string_view what);
  Status ParseDateArg(ast::Arg* arg);

  Result<std::unique_ptr<ast::Expr>> ParseExpr(int depth);
  Result<std::unique_ptr<ast::Expr>> ParseAnd(int depth);
  Result<std::unique_ptr<ast::Expr>> ParseNot(int depth);
  Result<std::unique_ptr<ast::Expr>> ParsePredicate(int depth);
  Result<std::unique_ptr<ast::Expr>> ParseOperand();
  Status ParseField(std::string* qualifier, std::string* name, ast::Span* span);

  const Token& Peek(size_t ahead = 0) const;
  const Token& Advance();
  bool Accept(TokenKind kind);
  bool AcceptWord(std::string_view word);
  Status Expect(TokenKind kind, std::string_view context);
  Status ExpectWord(std::string_view word, std::string_view context);
  // "expected <what>, found <token>" at the current token.
  Status Unexpected(std::string_view what) const;
  Status ErrorAtToken(const Token& tok, std::string_view message) const;
  ast::Span SpanFrom(uint32_t start) const;

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_PARSE_PARSER_H_
