#include "query/parse/token.h"

namespace ecg::query {

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd:
      return "end of query";
    case TokenKind::kIdent:
      return "identifier";
    case TokenKind::kString:
      return "string";
    case TokenKind::kInt:
      return "integer";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kDate:
      return "date";
    case TokenKind::kKey:
      return "key";
    case TokenKind::kParam:
      return "parameter";
    case TokenKind::kArrowOut:
      return "'->'";
    case TokenKind::kArrowIn:
      return "'<-'";
    case TokenKind::kDashDash:
      return "'--'";
    case TokenKind::kPipe:
      return "'|'";
    case TokenKind::kComma:
      return "','";
    case TokenKind::kLParen:
      return "'('";
    case TokenKind::kRParen:
      return "')'";
    case TokenKind::kLBracket:
      return "'['";
    case TokenKind::kRBracket:
      return "']'";
    case TokenKind::kStar:
      return "'*'";
    case TokenKind::kDotDot:
      return "'..'";
    case TokenKind::kDot:
      return "'.'";
    case TokenKind::kTilde:
      return "'~'";
    case TokenKind::kEq:
      return "'='";
    case TokenKind::kNe:
      return "'!='";
    case TokenKind::kLt:
      return "'<'";
    case TokenKind::kLe:
      return "'<='";
    case TokenKind::kGt:
      return "'>'";
    case TokenKind::kGe:
      return "'>='";
    case TokenKind::kMinus:
      return "'-'";
  }
  return "?";
}

std::string Token::ToString() const {
  switch (kind) {
    case TokenKind::kIdent:
      return "ident(" + text + ")";
    case TokenKind::kString:
      return "string(\"" + text + "\")";
    case TokenKind::kInt:
      return "int(" + text + ")";
    case TokenKind::kNumber:
      return "number(" + text + ")";
    case TokenKind::kDate:
      return "date(" + text + ")";
    case TokenKind::kKey:
      return "key(" + text + ")";
    case TokenKind::kParam:
      return "param(" + text + ")";
    case TokenKind::kEnd:
      return "end";
    default:
      return std::string(TokenKindName(kind));
  }
}

}  // namespace ecg::query
