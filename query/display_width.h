// Terminal display width of UTF-8 text: East Asian wide and fullwidth
// characters count two columns, combining marks zero (ICU properties).
// Pure functions: thread-safe.
#ifndef ECG_QUERY_DISPLAY_WIDTH_H_
#define ECG_QUERY_DISPLAY_WIDTH_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ecg::query {

// Columns `text` occupies in a terminal. Invalid UTF-8 bytes count one each.
size_t DisplayWidth(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when it was cut (the
// ellipsis counts one column). A wide character that would straddle the
// limit is dropped whole.
std::string FitWidth(std::string_view text, size_t width);

}  // namespace ecg::query

#endif  // ECG_QUERY_DISPLAY_WIDTH_H_
