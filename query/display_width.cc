#include "query/display_width.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ecg::query {

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++width;
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      continue;  // control characters take no column
    }
    int8_t cat = static_cast<int8_t>(u_charType(c));
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) {
      continue;
    }
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

}  // namespace ecg::query
