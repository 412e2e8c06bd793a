// Lexer: UTF-8 query text to tokens. One per query; not thread-safe.
#ifndef ECG_QUERY_PARSE_LEXER_H_
#define ECG_QUERY_PARSE_LEXER_H_

#include <string_view>
#include <vector>

#include "query/parse/token.h"
#include "schema/result.h"

namespace ecg::query {

// Queries longer than this are refused before lexing.
inline constexpr size_t kMaxQueryBytes = size_t{64} * 1024;

class Lexer {
 public:
  // `text` must outlive the lexer.
  explicit Lexer(std::string_view text) : text_(text) {}

  // Every token of the text, ending with one kEnd token. `#` starts a comment
  // that runs to the end of the line. Errors (InvalidArgument with position):
  // unterminated string, bad escape, unexpected character, query too long.
  Result<std::vector<Token>> Tokenize();

 private:
  Status LexString(Token* tok);
  void LexWord(Token* tok);
  Status LexOperator(Token* tok);

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_PARSE_LEXER_H_
