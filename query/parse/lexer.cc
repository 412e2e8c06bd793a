#include "query/parse/lexer.h"

#include "query/error.h"

namespace ecg::query {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsWordChar(char c) {
  return IsAlpha(c) || IsDigit(c);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (!IsDigit(c)) {
      return false;
    }
  }
  return true;
}

// YYYY-MM-DD shape; Date::Parse checks the calendar later.
bool LooksLikeDate(std::string_view s) {
  return s.size() == 10 && AllDigits(s.substr(0, 4)) && s[4] == '-' && AllDigits(s.substr(5, 2)) &&
         s[7] == '-' && AllDigits(s.substr(8, 2));
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

Result<std::vector<Token>> Lexer::Tokenize() {
  if (text_.size() > kMaxQueryBytes) {
    return ErrorAt(text_, kMaxQueryBytes,
                   "query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  std::vector<Token> out;
  while (true) {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') {
          ++pos_;
        }
      } else {
        break;
      }
    }
    Token tok;
    tok.offset = static_cast<uint32_t>(pos_);
    if (pos_ >= text_.size()) {
      tok.kind = TokenKind::kEnd;
      out.push_back(std::move(tok));
      return out;
    }
    char c = text_[pos_];
    if (c == '"') {
      ECG_RETURN_IF_ERROR(LexString(&tok));
    } else if (IsWordChar(c)) {
      LexWord(&tok);
    } else if (c == '$') {
      ++pos_;
      size_t start = pos_;
      while (pos_ < text_.size() && IsWordChar(text_[pos_])) {
        ++pos_;
      }
      if (pos_ == start) {
        return ErrorAt(text_, tok.offset, "expected a parameter name after '$'");
      }
      tok.kind = TokenKind::kParam;
      tok.text = std::string(text_.substr(start, pos_ - start));
    } else {
      ECG_RETURN_IF_ERROR(LexOperator(&tok));
    }
    tok.length = static_cast<uint32_t>(pos_ - tok.offset);
    out.push_back(std::move(tok));
  }
}

Status Lexer::LexString(Token* tok) {
  ++pos_;  // opening quote
  tok->kind = TokenKind::kString;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return Status::OK();
    }
    if (c == '\n') {
      break;
    }
    if (c != '\\') {
      tok->text.push_back(c);
      ++pos_;
      continue;
    }
    size_t esc = pos_;
    if (pos_ + 1 >= text_.size()) {
      break;
    }
    char e = text_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case '"':
      case '\\':
        tok->text.push_back(e);
        break;
      case 'n':
        tok->text.push_back('\n');
        break;
      case 't':
        tok->text.push_back('\t');
        break;
      case 'u': {
        uint32_t cp = 0;
        for (int i = 0; i < 4; ++i) {
          char h = pos_ < text_.size() ? text_[pos_] : '\0';
          int v = IsDigit(h)               ? h - '0'
                  : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                  : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                           : -1;
          if (v < 0) {
            return ErrorAt(text_, esc, "expected four hex digits after \\u");
          }
          cp = cp * 16 + static_cast<uint32_t>(v);
          ++pos_;
        }
        if (cp >= 0xD800 && cp < 0xE000) {
          return ErrorAt(text_, esc, "\\u escape names a surrogate");
        }
        AppendUtf8(cp, &tok->text);
        break;
      }
      default:
        return ErrorAt(text_, esc, std::string("unknown escape '\\") + e + "' in string");
    }
  }
  return ErrorAt(text_, tok->offset, "unterminated string");
}

void Lexer::LexWord(Token* tok) {
  size_t start = pos_;
  if (IsAlpha(text_[pos_])) {
    while (pos_ < text_.size() && IsWordChar(text_[pos_])) {
      ++pos_;
    }
    tok->kind = TokenKind::kIdent;
    tok->text = std::string(text_.substr(start, pos_ - start));
    return;
  }
  // Starts with a digit: a number, a date or a natural key (2022-21658,
  // 3A090.a). It stops at "..", "->" and "--" so that "*1..3" and
  // "50->" lex as expected.
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    bool joins = (c == '.' || c == '-') && IsWordChar(next);
    if (!IsWordChar(c) && !joins) {
      break;
    }
    ++pos_;
  }
  std::string_view word = text_.substr(start, pos_ - start);
  tok->text = std::string(word);
  size_t dot = word.find('.');
  if (AllDigits(word)) {
    tok->kind = TokenKind::kInt;
  } else if (dot != std::string_view::npos && AllDigits(word.substr(0, dot)) &&
             AllDigits(word.substr(dot + 1))) {
    tok->kind = TokenKind::kNumber;
  } else if (LooksLikeDate(word)) {
    tok->kind = TokenKind::kDate;
  } else {
    tok->kind = TokenKind::kKey;
  }
}

Status Lexer::LexOperator(Token* tok) {
  char c = text_[pos_];
  char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
  auto two = [&](TokenKind kind) {
    tok->kind = kind;
    pos_ += 2;
  };
  auto one = [&](TokenKind kind) {
    tok->kind = kind;
    pos_ += 1;
  };
  switch (c) {
    case '-':
      if (next == '>') {
        two(TokenKind::kArrowOut);
      } else if (next == '-') {
        two(TokenKind::kDashDash);
      } else {
        one(TokenKind::kMinus);
      }
      break;
    case '<':
      if (next == '-') {
        two(TokenKind::kArrowIn);
      } else if (next == '=') {
        two(TokenKind::kLe);
      } else {
        one(TokenKind::kLt);
      }
      break;
    case '>':
      if (next == '=') {
        two(TokenKind::kGe);
      } else {
        one(TokenKind::kGt);
      }
      break;
    case '=':
      if (next == '=') {
        two(TokenKind::kEq);
      } else {
        one(TokenKind::kEq);
      }
      break;
    case '!':
      if (next != '=') {
        return ErrorAt(text_, pos_, "unexpected '!' (use 'not' or '!=')");
      }
      two(TokenKind::kNe);
      break;
    case '.':
      if (next == '.') {
        two(TokenKind::kDotDot);
      } else {
        one(TokenKind::kDot);
      }
      break;
    case '|':
      one(TokenKind::kPipe);
      break;
    case ',':
      one(TokenKind::kComma);
      break;
    case '(':
      one(TokenKind::kLParen);
      break;
    case ')':
      one(TokenKind::kRParen);
      break;
    case '[':
      one(TokenKind::kLBracket);
      break;
    case ']':
      one(TokenKind::kRBracket);
      break;
    case '*':
      one(TokenKind::kStar);
      break;
    case '~':
      one(TokenKind::kTilde);
      break;
    default: {
      std::string shown = static_cast<unsigned char>(c) < 0x80 && c >= 0x20
                              ? std::string("'") + c + "'"
                              : std::string("character");
      return ErrorAt(text_, pos_, "unexpected " + shown);
    }
  }
  return Status::OK();
}

}  // namespace ecg::query
