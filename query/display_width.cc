#include "query/display_width.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ecg::query {

namespace {

// Columns the code point `c` occupies.
size_t CharWidth(UChar32 c) {
  if (c < 0) {
    return 1;
  }
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
    return 0;  // control characters take no column
  }
  int8_t cat = static_cast<int8_t>(u_charType(c));
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) {
    return 0;
  }
  int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

std::string FitWidth(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return "";
  }
  const size_t room = width - 1;  // one column for the ellipsis
  size_t used = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    size_t w = CharWidth(c);
    if (used + w > room) {
      i = start;
      break;
    }
    used += w;
  }
  return std::string(text.substr(0, static_cast<size_t>(i))) + "\xE2\x80\xA6";  // …
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    width += CharWidth(c);
  }
  return width;
}

}  // namespace ecg::query
