#include "query/parse/lexer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "query/error.h"
#include "tests/testutil/testutil.h"

namespace ecg::query {
namespace {

std::string Dump(std::string_view text) {
  Lexer lexer(text);
  Result<std::vector<Token>> tokens = lexer.Tokenize();
  if (!tokens.ok()) {
    return "error: " + tokens.status().message();
  }
  std::string out;
  for (const Token& t : *tokens) {
    if (!out.empty()) {
      out += " ";
    }
    out += t.ToString();
  }
  return out;
}

struct LexCase {
  const char* input;
  const char* tokens;
};

const LexCase kCases[] = {
    {"entity \"Huawei\"", "ident(entity) string(\"Huawei\") end"},
    {"rule 2022-21658 -> adds entity",
     "ident(rule) key(2022-21658) '->' ident(adds) ident(entity) end"},
    {"eccn 3A090.a <- amends", "ident(eccn) key(3A090.a) '<-' ident(amends) end"},
    {"owns*1..3[pct >= 50.5]",
     "ident(owns) '*' int(1) '..' int(3) '[' ident(pct) '>=' number(50.5) ']' end"},
    {"diff 2024-01-01..2025-01-01", "ident(diff) date(2024-01-01) '..' date(2025-01-01) end"},
    {"-- <- -> | , ( ) ~ = == != < <= > >= . -",
     "'--' '<-' '->' '|' ',' '(' ')' '~' '=' '=' '!=' '<' '<=' '>' '>=' '.' '-' end"},
    {"entity ~\"華為\" # a comment\n| count",
     "ident(entity) '~' string(\"華為\") '|' ident(count) end"},
    {"$name $x_1", "param(name) param(x_1) end"},
    {"\"a\\\"b\\\\c\\u00e9\"", "string(\"a\"b\\cé\") end"},
    {"", "end"},
};

TEST(LexerTest, ProducesGoldenTokens) {
  for (const LexCase& c : kCases) {
    EXPECT_EQ(Dump(c.input), c.tokens) << "input: " << c.input;
  }
}

TEST(LexerTest, RecordsOffsetsAndLengths) {
  Lexer lexer("entity  ~\"華為\"");
  ASSERT_OK_AND_ASSIGN(std::vector<Token> tokens, lexer.Tokenize());
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].offset, 8u);
  EXPECT_EQ(tokens[2].offset, 9u);
  EXPECT_EQ(tokens[2].length, 8u);  // two quotes plus six bytes of UTF-8
}

struct ErrorCase {
  const char* input;
  const char* message;
};

const ErrorCase kErrors[] = {
    {"entity \"Huawei", "unterminated string at 1:8"},
    {"entity \"a\nb\"", "unterminated string at 1:8"},
    {"entity @", "unexpected '@' at 1:8"},
    {"entity ! x", "unexpected '!' (use 'not' or '!=') at 1:8"},
    {"entity $", "expected a parameter name after '$' at 1:8"},
    {"\"\\q\"", "unknown escape '\\q' in string at 1:2"},
    {"\"\\u12\"", "expected four hex digits after \\u at 1:2"},
    {"entity 華", "unexpected character at 1:8"},
};

TEST(LexerTest, ReportsErrorsWithPosition) {
  for (const ErrorCase& c : kErrors) {
    Lexer lexer(c.input);
    Result<std::vector<Token>> tokens = lexer.Tokenize();
    ASSERT_FALSE(tokens.ok()) << c.input;
    EXPECT_EQ(tokens.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(tokens.status().message(), c.message) << c.input;
  }
}

TEST(LexerTest, RefusesHugeQueries) {
  std::string text(kMaxQueryBytes + 1, ' ');
  Lexer lexer(text);
  EXPECT_FALSE(lexer.Tokenize().ok());
}

TEST(ErrorTest, RendersCaretUnderBadColumn) {
  std::string text = "entity ~\"華為\" -> own entity";
  Status s = ErrorAt(text, text.find("own "), "unknown edge type 'own'");
  EXPECT_EQ(s.message(), "unknown edge type 'own' at 1:17");
  ASSERT_TRUE(ErrorOffset(text, s).has_value());
  EXPECT_EQ(*ErrorOffset(text, s), text.find("own "));
  // 華為 is four display columns wide, so the caret sits under "own".
  EXPECT_EQ(RenderError(text, s),
            "unknown edge type 'own' at 1:17\n  entity ~\"華為\" -> own entity\n  " +
                std::string(18, ' ') + "^");
}

TEST(ErrorTest, RendersSecondLine) {
  std::string text = "entity\n| cout";
  Status s = ErrorAt(text, 9, "unknown operator 'cout'");
  EXPECT_EQ(s.message(), "unknown operator 'cout' at 2:3");
  EXPECT_EQ(RenderError(text, s), "unknown operator 'cout' at 2:3\n  | cout\n    ^");
}

TEST(ErrorTest, SuggestsNearestName) {
  std::vector<std::string_view> names = {"owns", "adds", "listed_on", "mentions"};
  EXPECT_EQ(NearestName("own", names), "owns");
  EXPECT_EQ(NearestName("listd_on", names), "listed_on");
  EXPECT_EQ(NearestName("zzzzzz", names), "");
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

}  // namespace
}  // namespace ecg::query
