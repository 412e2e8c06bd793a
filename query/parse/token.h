// Tokens of the query language. Plain values: thread-compatible.
#ifndef ECG_QUERY_PARSE_TOKEN_H_
#define ECG_QUERY_PARSE_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ecg::query {

enum class TokenKind : uint8_t {
  kEnd,       // end of input
  kIdent,     // entity, owns, where, country (keywords are identifiers too)
  kString,    // "..." with escapes decoded into `text`
  kInt,       // 50
  kNumber,    // 12.5
  kDate,      // 2024-12-31
  kKey,       // a bare natural key that starts with a digit: 2022-21658, 3A090.a
  kParam,     // $name (text holds the name without '$')
  kArrowOut,  // ->
  kArrowIn,   // <-
  kDashDash,  // --
  kPipe,      // |
  kComma,     // ,
  kLParen,    // (
  kRParen,    // )
  kLBracket,  // [
  kRBracket,  // ]
  kStar,      // *
  kDotDot,    // ..
  kDot,       // .
  kTilde,     // ~
  kEq,        // = or ==
  kNe,        // !=
  kLt,        // <
  kLe,        // <=
  kGt,        // >
  kGe,        // >=
  kMinus,     // -
};

// "ident", "string", "'->'", ...: for token dumps and error messages.
std::string_view TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;     // identifier, decoded string, number or key text
  uint32_t offset = 0;  // byte offset of the token's first byte
  uint32_t length = 0;  // bytes of source text it covers

  // True for an identifier spelled `word` (keywords are lower case).
  bool Is(std::string_view word) const { return kind == TokenKind::kIdent && text == word; }
  // "ident(entity)", "string(\"x\")", "'->'" — for golden tests.
  std::string ToString() const;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_PARSE_TOKEN_H_
