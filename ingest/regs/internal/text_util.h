// Small string helpers shared by the regulation parsers (ASCII-only
// operations on UTF-8 bytes; non-ASCII bytes pass through). Stateless.
#ifndef ECG_INGEST_REGS_INTERNAL_TEXT_UTIL_H_
#define ECG_INGEST_REGS_INTERNAL_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace ecg::ingest::regs_internal {

// ASCII lower case; other bytes unchanged.
std::string AsciiLower(std::string_view s);
// Strips any of `chars` from both ends.
std::string Trim(std::string_view s, std::string_view chars = " \t\r\n");
// Collapses runs of ASCII whitespace to one space and trims.
std::string CollapseSpace(std::string_view s);
// Sentence spans of `text`: split after ". " when an upper-case letter or a
// quote follows. Views into `text`.
std::vector<std::string_view> Sentences(std::string_view text);
// 1-based line and column of byte `offset` in `bytes`: "line 3, column 7".
std::string LineColumn(std::string_view bytes, size_t offset);
// Splits on `sep`, trimming each piece and dropping empty ones.
std::vector<std::string> SplitTrim(std::string_view s, char sep);

}  // namespace ecg::ingest::regs_internal

#endif  // ECG_INGEST_REGS_INTERNAL_TEXT_UTIL_H_
