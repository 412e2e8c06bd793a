// Sentence splitting for Federal Register prose, shared by the regulation
// parsers (the ASCII string helpers are in text/ascii.h). Stateless.
#ifndef ECG_INGEST_REGS_INTERNAL_TEXT_UTIL_H_
#define ECG_INGEST_REGS_INTERNAL_TEXT_UTIL_H_

#include <string_view>
#include <vector>

namespace ecg::ingest::regs_internal {

// Sentence spans of `text`: split after ". " when an upper-case letter or a
// quote follows. Views into `text`.
std::vector<std::string_view> Sentences(std::string_view text);

}  // namespace ecg::ingest::regs_internal

#endif  // ECG_INGEST_REGS_INTERNAL_TEXT_UTIL_H_
