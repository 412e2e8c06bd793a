// ASCII string helpers on UTF-8 bytes: a byte order mark, ASCII case, trimming,
// whitespace runs and splitting. Bytes >= 0x80 pass through untouched, so they
// are safe on any UTF-8 text but never a substitute for ICU case folding when
// names are compared (text/normalizer.h). Pure functions: thread-safe.
#ifndef ECG_TEXT_ASCII_H_
#define ECG_TEXT_ASCII_H_

#include <string>
#include <string_view>
#include <vector>

namespace ecg::text {

// `bytes` without a leading UTF-8 byte order mark (EF BB BF). The view aliases
// `bytes`.
std::string_view StripBom(std::string_view bytes);

// True for ' ', '\t', '\n', '\r', '\f' and '\v'.
bool IsAsciiSpace(char c);

// `s` with A-Z lowered (AsciiLower) or a-z raised (AsciiUpper); other bytes
// unchanged.
std::string AsciiLower(std::string_view s);
std::string AsciiUpper(std::string_view s);

// True when `s` ends with `suffix`, ignoring ASCII case. REQUIRES: `suffix`
// is lower case.
bool EndsWithAsciiLower(std::string_view s, std::string_view suffix);

// `s` without any of the bytes in `chars` at either end.
std::string Trim(std::string_view s, std::string_view chars = " \t\r\n");

// Collapses every run of ' ', '\t', '\n', '\r' to one space and drops the runs
// at both ends.
std::string CollapseSpace(std::string_view s);

// The pieces of `s` between occurrences of `sep` (which must not be empty), in
// order, empty pieces included: Split("a,,b", ",") is {"a", "", "b"}, and an
// empty `s` gives {""}. The views alias `s`.
std::vector<std::string_view> Split(std::string_view s, std::string_view sep);

// Split, then Trim (default characters) each piece and drop the empty ones.
std::vector<std::string> SplitTrim(std::string_view s, std::string_view sep);

}  // namespace ecg::text

#endif  // ECG_TEXT_ASCII_H_
