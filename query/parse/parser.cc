#include "query/parse/parser.h"

#include <charconv>

#include "query/error.h"
#include "query/parse/lexer.h"
#include "schema/date.h"

namespace ecg::query {

Result<ast::Query> Parser::Parse() {
  Lexer lexer(text_);
  ECG_ASSIGN_OR_RETURN(tokens_, lexer.Tokenize());
  pos_ = 0;
  ast::Query query;
  ECG_RETURN_IF_ERROR(ParseQuery(&query));
  return query;
}

const Token& Parser::Peek(size_t ahead) const {
  size_t i = pos_ + ahead;
  return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

const Token& Parser::Advance() {
  const Token& tok = Peek();
  if (pos_ + 1 < tokens_.size()) {
    ++pos_;
  }
  return tok;
}

bool Parser::Accept(TokenKind kind) {
  if (Peek().kind != kind) {
    return false;
  }
  Advance();
  return true;
}

bool Parser::AcceptWord(std::string_view word) {
  if (!Peek().Is(word)) {
    return false;
  }
  Advance();
  return true;
}

Status Parser::Expect(TokenKind kind, std::string_view context) {
  if (Accept(kind)) {
    return Status::OK();
  }
  return Unexpected(std::string(TokenKindName(kind)) + std::string(context));
}

Status Parser::ExpectWord(std::string_view word, std::string_view context) {
  if (AcceptWord(word)) {
    return Status::OK();
  }
  return Unexpected("'" + std::string(word) + "'" + std::string(context));
}

Status Parser::ErrorAtToken(const Token& tok, std::string_view message) const {
  return ErrorAt(text_, tok.offset, message);
}

Status Parser::Unexpected(std::string_view what) const {
  const Token& tok = Peek();
  std::string found = tok.kind == TokenKind::kEnd ? "end of query"
                      : tok.kind == TokenKind::kIdent || tok.kind == TokenKind::kKey ||
                              tok.kind == TokenKind::kInt || tok.kind == TokenKind::kDate
                          ? "'" + tok.text + "'"
                      : tok.kind == TokenKind::kString ? "string \"" + tok.text + "\""
                                                       : std::string(TokenKindName(tok.kind));
  return ErrorAtToken(tok, "expected " + std::string(what) + ", found " + found);
}

ast::Span Parser::SpanFrom(uint32_t start) const {
  const Token& last = tokens_[pos_ == 0 ? 0 : pos_ - 1];
  uint32_t end = last.offset + last.length;
  return ast::Span{start, end > start ? end - start : 0};
}

// query = [ "explain" ] start { step | "|" operator } ;
Status Parser::ParseQuery(ast::Query* query) {
  query->explain = AcceptWord("explain");
  ECG_RETURN_IF_ERROR(ParseStart(&query->start));
  while (true) {
    TokenKind k = Peek().kind;
    if (k == TokenKind::kEnd) {
      return Status::OK();
    }
    if (query->stages.size() >= kMaxStages) {
      return ErrorAtToken(Peek(), "query has more than " + std::to_string(kMaxStages) + " stages");
    }
    if (k == TokenKind::kArrowOut || k == TokenKind::kArrowIn || k == TokenKind::kDashDash) {
      ast::Step step;
      ECG_RETURN_IF_ERROR(ParseStep(&step));
      query->stages.emplace_back(std::move(step));
    } else if (Accept(TokenKind::kPipe)) {
      ast::Operator op;
      ECG_RETURN_IF_ERROR(ParseOperator(&op));
      query->stages.emplace_back(std::move(op));
    } else {
      return Unexpected("'->', '<-', '--', '|' or end of query");
    }
  }
}

// start = kind [ start_arg ] [ "where" expr ] ;
// start_arg = key | integer | date | string | param | identifier | "~" ( string | param ) ;
Status Parser::ParseStart(ast::Start* start) {
  const Token& kind = Peek();
  if (kind.kind != TokenKind::kIdent) {
    return Unexpected("a vertex kind (entity, rule, list, eccn, ...)");
  }
  start->kind = kind.text;
  start->kind_span = {kind.offset, kind.length};
  Advance();
  const Token& tok = Peek();
  switch (tok.kind) {
    case TokenKind::kKey:
    case TokenKind::kInt:
    case TokenKind::kNumber:
    case TokenKind::kDate:
      start->by = ast::StartBy::kKey;
      start->arg.value = Value(tok.text);
      start->arg.span = {tok.offset, tok.length};
      Advance();
      break;
    case TokenKind::kIdent:
      if (!tok.Is("where") && !tok.Is("as")) {
        start->by = ast::StartBy::kKey;
        start->arg.value = Value(tok.text);
        start->arg.span = {tok.offset, tok.length};
        Advance();
      }
      break;
    case TokenKind::kString:
    case TokenKind::kParam:
      start->by = ast::StartBy::kName;
      ECG_RETURN_IF_ERROR(ParseArg(&start->arg, "a name"));
      break;
    case TokenKind::kTilde:
      Advance();
      start->by = ast::StartBy::kFuzzy;
      if (Peek().kind != TokenKind::kString && Peek().kind != TokenKind::kParam) {
        return Unexpected("a quoted name after '~'");
      }
      ECG_RETURN_IF_ERROR(ParseArg(&start->arg, "a name"));
      break;
    default:
      break;
  }
  ECG_RETURN_IF_ERROR(ParseName(&start->name, &start->name_span));
  if (AcceptWord("where")) {
    ECG_ASSIGN_OR_RETURN(start->where, ParseExpr(0));
  }
  return Status::OK();
}

// name = "as" identifier ;  (after a start set or a step)
Status Parser::ParseName(std::string* name, ast::Span* span) {
  if (!AcceptWord("as")) {
    return Status::OK();
  }
  const Token& tok = Peek();
  if (tok.kind != TokenKind::kIdent || tok.Is("where") || tok.Is("edge")) {
    return Unexpected("a name for the step after 'as'");
  }
  *name = tok.text;
  *span = {tok.offset, tok.length};
  Advance();
  return Status::OK();
}

// step = ( "->" | "<-" | "--" ) ( edge_type | "*" ) [ "*" [ range ] ] [ "[" expr "]" ]
//        [ kind ] [ "as" identifier ] [ "where" expr ] ;
Status Parser::ParseStep(ast::Step* step) {
  const Token& arrow = Advance();
  step->dir = arrow.kind == TokenKind::kArrowOut  ? ast::StepDir::kOut
              : arrow.kind == TokenKind::kArrowIn ? ast::StepDir::kIn
                                                  : ast::StepDir::kBoth;
  if (Peek().kind != TokenKind::kIdent && Peek().kind != TokenKind::kStar) {
    return Unexpected("an edge type or '*' after " + std::string(TokenKindName(arrow.kind)));
  }
  step->edge = Peek().kind == TokenKind::kStar ? "*" : Peek().text;
  step->edge_span = {Peek().offset, Peek().length};
  Advance();
  if (Accept(TokenKind::kStar)) {
    step->variable = true;
    step->min_hops = 1;
    step->max_hops = 0;
    ECG_RETURN_IF_ERROR(ParseRange(step));
  }
  if (Accept(TokenKind::kLBracket)) {
    ECG_ASSIGN_OR_RETURN(step->edge_filter, ParseExpr(0));
    ECG_RETURN_IF_ERROR(Expect(TokenKind::kRBracket, " to close the edge filter"));
  }
  if (Peek().kind == TokenKind::kIdent && !Peek().Is("where") && !Peek().Is("as")) {
    step->target = Peek().text;
    step->target_span = {Peek().offset, Peek().length};
    Advance();
  }
  ECG_RETURN_IF_ERROR(ParseName(&step->name, &step->name_span));
  if (AcceptWord("where")) {
    ECG_ASSIGN_OR_RETURN(step->where, ParseExpr(0));
  }
  step->span = SpanFrom(arrow.offset);
  return Status::OK();
}

// range = integer [ ".." [ integer ] ] | ".." integer ;
Status Parser::ParseRange(ast::Step* step) {
  auto read_int = [this](uint32_t* out) -> Status {
    const Token& tok = Peek();
    uint32_t v = 0;
    auto r = std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), v);
    if (r.ec != std::errc() || v > 1000) {
      return ErrorAtToken(tok, "hop count '" + tok.text + "' is out of range (0..1000)");
    }
    *out = v;
    Advance();
    return Status::OK();
  };
  const Token& first = Peek();
  if (first.kind == TokenKind::kInt) {
    ECG_RETURN_IF_ERROR(read_int(&step->min_hops));
    if (!Accept(TokenKind::kDotDot)) {
      step->max_hops = step->min_hops;  // `*2` means exactly two hops
    } else if (Peek().kind == TokenKind::kInt) {
      ECG_RETURN_IF_ERROR(read_int(&step->max_hops));
    }
  } else if (Accept(TokenKind::kDotDot)) {
    if (Peek().kind != TokenKind::kInt) {
      return Unexpected("a hop count after '..'");
    }
    ECG_RETURN_IF_ERROR(read_int(&step->max_hops));
  } else {
    return Status::OK();
  }
  if (step->max_hops != 0 && step->max_hops < step->min_hops) {
    return ErrorAtToken(first, "hop range " + std::to_string(step->min_hops) + ".." +
                                   std::to_string(step->max_hops) + " is empty");
  }
  if (step->max_hops == 0 && step->min_hops == 0 && first.kind == TokenKind::kInt) {
    return ErrorAtToken(first, "hop range must allow at least one hop");
  }
  return Status::OK();
}

Status Parser::ParseArg(ast::Arg* arg, std::string_view what) {
  const Token& tok = Peek();
  arg->span = {tok.offset, tok.length};
  switch (tok.kind) {
    case TokenKind::kParam:
      arg->param = tok.text;
      break;
    case TokenKind::kString:
      arg->value = Value(tok.text);
      break;
    case TokenKind::kInt: {
      int64_t v = 0;
      auto r = std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), v);
      if (r.ec != std::errc()) {
        return ErrorAtToken(tok, "integer '" + tok.text + "' is too large");
      }
      arg->value = Value(v);
      break;
    }
    case TokenKind::kNumber: {
      double v = 0;
      auto r = std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), v);
      if (r.ec != std::errc()) {
        return ErrorAtToken(tok, "bad number '" + tok.text + "'");
      }
      arg->value = Value(v);
      break;
    }
    case TokenKind::kDate: {
      Result<Date> d = Date::Parse(tok.text);
      if (!d.ok()) {
        return ErrorAtToken(tok, "'" + tok.text + "' is not a calendar date");
      }
      arg->value = Value(*d);
      break;
    }
    default:
      return Unexpected(what);
  }
  Advance();
  return Status::OK();
}

// date_arg = date | "today" | string | param ;  (a string must hold YYYY-MM-DD)
Status Parser::ParseDateArg(ast::Arg* arg) {
  if (Peek().Is("today")) {
    // Resolved at execution time (ExecOptions::today): Date::Max() stands in.
    arg->span = {Peek().offset, Peek().length};
    arg->value = Value(Date::Max());
    Advance();
    return Status::OK();
  }
  TokenKind k = Peek().kind;
  if (k != TokenKind::kDate && k != TokenKind::kString && k != TokenKind::kParam) {
    return Unexpected("a date (YYYY-MM-DD)");
  }
  const Token& tok = Peek();
  ECG_RETURN_IF_ERROR(ParseArg(arg, "a date"));
  if (k == TokenKind::kString) {
    Result<Date> d = Date::Parse(tok.text);
    if (!d.ok()) {
      return ErrorAt(text_, arg->span.offset,
                     "'" + arg->value.as_string() + "' is not a date (YYYY-MM-DD)");
    }
    arg->value = Value(*d);
  }
  return Status::OK();
}

}  // namespace ecg::query
