// Cleaning the text of a source field (a CSV cell, a JSON string) before it
// becomes a record value: whitespace, no-break spaces and the C1 characters
// that Windows-1252 text leaves behind. Pure functions: thread-safe.
#ifndef ECG_INGEST_UTIL_FIELDS_H_
#define ECG_INGEST_UTIL_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace ecg::ingest::util {

// Trims ASCII whitespace (including embedded-newline tails such as
// "Service\n\n") and no-break spaces at both ends, collapses inner runs of
// them to one space, and repairs the C1 control characters that Windows-1252
// text leaves behind for punctuation (U+0092 -> ’; text::RepairC1 does it for
// the whole C1 range).
std::string CleanText(std::string_view text);

// Splits on `sep`, cleans each part and drops empty parts.
std::vector<std::string> SplitClean(std::string_view text, std::string_view sep);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_FIELDS_H_
