#include "ingest/articles/folded_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace ecg::ingest {
namespace {

// Letters, marks and digits are folded; everything else separates words.
bool Folds(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
  return out;
}

}  // namespace

bool IsIdeograph(char32_t c) {
  if (c < 0x2E80) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &status);
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
  return c != U' ' && !IsIdeograph(c);
}

std::string ToUtf8(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size() * 3);
  for (char32_t c : cps) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
    if (!error) {
      out.append(buf, static_cast<size_t>(len));
    }
  }
  return out;
}

const std::u32string& Folder::FoldCodePoint(char32_t c) {
  auto it = cache_.find(c);
  if (it != cache_.end()) {
    return it->second;
  }
  std::u32string folded = DecodeUtf8(normalizer_->Fold(ToUtf8(std::u32string_view(&c, 1))));
  std::u32string kept;
  for (char32_t f : folded) {
    if (f != U' ') {
      kept.push_back(f);
    }
  }
  return cache_.emplace(c, std::move(kept)).first->second;
}

FoldedText Folder::Fold(std::string_view utf8) {
  FoldedText out;
  out.cps.reserve(utf8.size() / 2 + 1);
  out.src.reserve(utf8.size() / 2 + 1);
  out.cp_byte.reserve(utf8.size() / 2 + 2);
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  uint32_t index = 0;
  while (i < n) {
    out.cp_byte.push_back(static_cast<uint32_t>(i));
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0) {
      c = 0xFFFD;
    }
    if (c < 0x80 && Folds(c)) {
      // ASCII fast path: lower-case letters, digits as they are.
      out.cps.push_back(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      out.src.push_back(index);
    } else if (Folds(c)) {
      for (char32_t f : FoldCodePoint(static_cast<char32_t>(c))) {
        out.cps.push_back(f);
        out.src.push_back(index);
      }
    } else if (!out.cps.empty() && out.cps.back() != U' ') {
      out.cps.push_back(U' ');
      out.src.push_back(index);
    }
    ++index;
  }
  out.cp_byte.push_back(static_cast<uint32_t>(utf8.size()));
  return out;
}

std::u32string Folder::FoldName(std::string_view utf8) {
  FoldedText f = Fold(utf8);
  std::u32string s = std::move(f.cps);
  while (!s.empty() && s.back() == U' ') {
    s.pop_back();
  }
  return s;
}

}  // namespace ecg::ingest
