// Export Control Classification Numbers as the regulations, lists and articles
// write them: "3A090", "3A001.b.2", "0Y521" (the 0Y521 series). One pattern
// for every parser. Pure functions over an immutable compiled pattern:
// thread-safe.
#ifndef ECG_INGEST_UTIL_ECCN_H_
#define ECG_INGEST_UTIL_ECCN_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace ecg::ingest::util {

// An ECCN without its paragraph: a category digit, a product group (A-E, or Y
// for the 0Y521 series) and three digits. A re2 pattern without groups, for
// parsers that read ECCNs inside a larger pattern.
inline constexpr std::string_view kEccnBasePattern = "[0-9][A-EY][0-9]{3}";

// One ECCN found in a text. `code` is a view into the text searched.
struct EccnMatch {
  std::string_view code;  // "3A001.b.2": the base with its dotted paragraph, if any
  size_t offset = 0;      // byte offset of `code` in the text
};

// Every ECCN standing as a word of `text` (between word boundaries), with
// its dotted paragraph ("3A001.b.2"), in order; repeats are kept.
std::vector<EccnMatch> FindEccns(std::string_view text);

// True when the whole of `text` is one ECCN, paragraph allowed.
bool IsEccn(std::string_view text);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_ECCN_H_
