// Small conversions between UTF-8 and ICU strings, shared by ingest/text.
// Internal; stateless inline functions, safe for concurrent use.
#ifndef ECG_TEXT_ICU_UTIL_H_
#define ECG_TEXT_ICU_UTIL_H_

#include <string>
#include <string_view>

#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace ecg::text::internal {

inline icu::UnicodeString FromUtf8(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

inline std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The code points of `utf8` (invalid bytes become U+FFFD).
inline std::u32string ToCodePoints(std::string_view utf8) {
  const icu::UnicodeString u = FromUtf8(utf8);
  std::u32string out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    out.push_back(static_cast<char32_t>(u.char32At(i)));
  }
  return out;
}

inline bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

// True if the first code point of `utf8` is Han (pieces of folded text are
// all-Han or Han-free).
inline bool StartsWithHan(std::string_view utf8) {
  const icu::UnicodeString u = FromUtf8(utf8.substr(0, 4));
  return !u.isEmpty() && IsHan(u.char32At(0));
}

}  // namespace ecg::text::internal

#endif  // ECG_TEXT_ICU_UTIL_H_
