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
