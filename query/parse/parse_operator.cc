// Parser rules for the `| operator` part of a pipeline.
#include "query/error.h"
#include "query/parse/parser.h"

namespace ecg::query {
namespace {

bool IsAggregate(std::string_view w) {
  return w == "count" || w == "sum" || w == "min" || w == "max" || w == "avg";
}

}  // namespace

// operator = "where" expr | "select" items | "distinct" | "sort" sort_items
//          | "limit" ( integer | param ) | "count" [ "by" items ]
//          | "group" "by" group_items | "as" "of" date_arg | "known" "at" date_arg
//          | "history" | "diff" date_arg ".." date_arg
//          | "affiliates" [ "(" ( integer | number | param ) ")" ] | "path" ;
Status Parser::ParseOperator(ast::Operator* op) {
  const Token& head = Peek();
  uint32_t start = head.offset;
  if (head.kind != TokenKind::kIdent) {
    return Unexpected("an operator after '|' (where, select, count, sort, limit, ...)");
  }
  std::string word = head.text;
  Advance();
  if (word == "where") {
    op->kind = ast::OpKind::kWhere;
    ECG_ASSIGN_OR_RETURN(op->expr, ParseExpr(0));
  } else if (word == "select") {
    op->kind = ast::OpKind::kSelect;
    ECG_RETURN_IF_ERROR(ParseItems(op, /*allow_aggregates=*/false, /*allow_desc=*/false));
  } else if (word == "distinct") {
    op->kind = ast::OpKind::kDistinct;
  } else if (word == "sort") {
    op->kind = ast::OpKind::kSort;
    AcceptWord("by");
    ECG_RETURN_IF_ERROR(ParseItems(op, /*allow_aggregates=*/false, /*allow_desc=*/true));
  } else if (word == "limit") {
    op->kind = ast::OpKind::kLimit;
    if (Peek().kind != TokenKind::kInt && Peek().kind != TokenKind::kParam) {
      return Unexpected("a row count after 'limit'");
    }
    ECG_RETURN_IF_ERROR(ParseArg(&op->args.emplace_back(), "a row count"));
  } else if (word == "count") {
    op->kind = ast::OpKind::kCount;
    if (AcceptWord("by")) {
      op->kind = ast::OpKind::kCountBy;
      ECG_RETURN_IF_ERROR(ParseItems(op, /*allow_aggregates=*/false, /*allow_desc=*/false));
    }
  } else if (word == "group") {
    op->kind = ast::OpKind::kGroupBy;
    ECG_RETURN_IF_ERROR(ExpectWord("by", " after 'group'"));
    ECG_RETURN_IF_ERROR(ParseItems(op, /*allow_aggregates=*/true, /*allow_desc=*/false));
  } else if (word == "as") {
    op->kind = ast::OpKind::kAsOf;
    ECG_RETURN_IF_ERROR(ExpectWord("of", " after 'as'"));
    if (Peek().Is("any")) {
      // `as of any`: facts of every valid time. Date::Min() stands in.
      ast::Arg& arg = op->args.emplace_back();
      arg.span = {Peek().offset, Peek().length};
      arg.value = Value(Date::Min());
      Advance();
    } else {
      ECG_RETURN_IF_ERROR(ParseDateArg(&op->args.emplace_back()));
    }
  } else if (word == "known") {
    op->kind = ast::OpKind::kKnownAt;
    ECG_RETURN_IF_ERROR(ExpectWord("at", " after 'known'"));
    ECG_RETURN_IF_ERROR(ParseDateArg(&op->args.emplace_back()));
  } else if (word == "history") {
    op->kind = ast::OpKind::kHistory;
  } else if (word == "diff") {
    op->kind = ast::OpKind::kDiff;
    ECG_RETURN_IF_ERROR(ParseDateArg(&op->args.emplace_back()));
    ECG_RETURN_IF_ERROR(Expect(TokenKind::kDotDot, " between the two dates of 'diff'"));
    ECG_RETURN_IF_ERROR(ParseDateArg(&op->args.emplace_back()));
  } else if (word == "affiliates") {
    op->kind = ast::OpKind::kAffiliates;
    if (Accept(TokenKind::kLParen)) {
      TokenKind k = Peek().kind;
      if (k != TokenKind::kInt && k != TokenKind::kNumber && k != TokenKind::kParam) {
        return Unexpected("an ownership threshold in percent");
      }
      ECG_RETURN_IF_ERROR(ParseArg(&op->args.emplace_back(), "a threshold"));
      ECG_RETURN_IF_ERROR(Expect(TokenKind::kRParen, " after the threshold"));
    }
  } else if (word == "path") {
    op->kind = ast::OpKind::kPath;
  } else {
    static constexpr std::string_view kOps[] = {
        "where", "select", "distinct", "sort", "limit",      "count", "group",
        "as",    "known",  "history",  "diff", "affiliates", "path"};
    return ErrorAtToken(head, "unknown operator '" + word + "'" + DidYouMean(word, kOps));
  }
  op->span = SpanFrom(start);
  return Status::OK();
}

// items = item { "," item } ;
Status Parser::ParseItems(ast::Operator* op, bool allow_aggregates, bool allow_desc) {
  do {
    ECG_RETURN_IF_ERROR(ParseItem(&op->items.emplace_back(), allow_aggregates, allow_desc));
  } while (Accept(TokenKind::kComma));
  return Status::OK();
}

// item = field [ "desc" | "asc" ] | aggregate [ "(" field ")" ] ;
// aggregate = "count" | "sum" | "min" | "max" | "avg" ;
Status Parser::ParseItem(ast::Item* item, bool allow_aggregates, bool allow_desc) {
  const Token& tok = Peek();
  uint32_t start = tok.offset;
  if (allow_aggregates && tok.kind == TokenKind::kIdent && IsAggregate(tok.text) &&
      (Peek(1).kind == TokenKind::kLParen || tok.text == "count")) {
    item->aggregate = tok.text;
    Advance();
    if (Accept(TokenKind::kLParen)) {
      if (!(item->aggregate == "count" && Peek().kind == TokenKind::kRParen)) {
        ast::Span unused;
        ECG_RETURN_IF_ERROR(ParseField(&item->qualifier, &item->name, &unused));
      }
      ECG_RETURN_IF_ERROR(Expect(TokenKind::kRParen, " after the aggregate's field"));
    }
    if (item->aggregate != "count" && item->name.empty()) {
      return ErrorAtToken(tok, "aggregate '" + item->aggregate + "' needs a field");
    }
  } else {
    ECG_RETURN_IF_ERROR(ParseField(&item->qualifier, &item->name, &item->span));
    if (allow_desc) {
      if (AcceptWord("desc")) {
        item->descending = true;
      } else {
        AcceptWord("asc");
      }
    }
  }
  item->span = SpanFrom(start);
  return Status::OK();
}

// field = identifier [ "." identifier [ "." identifier ] ] ;  (edge.pct, r.title, e.edge.from)
Status Parser::ParseField(std::string* qualifier, std::string* name, ast::Span* span) {
  const Token& tok = Peek();
  if (tok.kind != TokenKind::kIdent) {
    return Unexpected("a field name");
  }
  Advance();
  *name = tok.text;
  if (Accept(TokenKind::kDot)) {
    if (Peek().kind != TokenKind::kIdent) {
      return Unexpected("a field name after '.'");
    }
    *qualifier = *name;
    *name = Peek().text;
    Advance();
    // `e.edge.from`: the edge of the step named e.
    if (*name == "edge" && *qualifier != "edge" && Accept(TokenKind::kDot)) {
      if (Peek().kind != TokenKind::kIdent) {
        return Unexpected("a field name after '.'");
      }
      *qualifier += ".edge";
      *name = Peek().text;
      Advance();
    }
  }
  *span = SpanFrom(tok.offset);
  return Status::OK();
}

}  // namespace ecg::query
