// Byte decoding for ingest: turns file contents in UTF-8, Windows-1252 or
// GB18030/GBK into UTF-8, and repairs C1 control characters that stand for
// Windows-1252 punctuation. All functions are pure: safe for concurrent use.
#ifndef ECG_TEXT_DECODE_H_
#define ECG_TEXT_DECODE_H_

#include <string>
#include <string_view>

#include "schema/result.h"

namespace ecg::text {

// Decodes `bytes` to UTF-8.
//
// `declared_encoding` names the encoding the caller knows the file to be in
// (case and '-'/'_' are ignored): "utf-8"/"utf8", "windows-1252"/"cp1252"
// (also "latin1"/"iso-8859-1", decoded as Windows-1252 the way browsers do),
// "gb18030"/"gbk"/"gb2312" (decoded as GB18030, a superset of both). An empty
// `declared_encoding` detects: valid UTF-8 is UTF-8; otherwise bytes that
// decode as GB18030 into mostly CJK characters are GB18030; otherwise
// Windows-1252.
//
// A UTF-8 byte order mark is removed. Returns kInvalidArgument when the
// bytes are not valid in the declared (or detected) encoding, with a message
// naming `file_label`, the byte offset of the first invalid byte and the
// encoding expected; kNotSupported for an unknown encoding name. Nothing is
// replaced silently.
Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view declared_encoding,
                                 std::string_view file_label);

// Returns the byte offset of the first byte that is not part of a valid
// UTF-8 sequence, or std::string_view::npos when `bytes` is valid UTF-8.
size_t FirstInvalidUtf8(std::string_view bytes);

// Replaces C1 control characters U+0080..U+009F in valid UTF-8 text with the
// character the same byte means in Windows-1252 (U+0092 becomes U+2019 ’,
// U+0085 becomes U+2026 …); the five C1 codes Windows-1252 leaves undefined
// are removed. Such characters come from text that was decoded as
// ISO-8859-1 when it was Windows-1252 ("CAST Xi\u0092an"). Other text is
// returned unchanged.
std::string RepairC1(std::string utf8);

}  // namespace ecg::text

#endif  // ECG_TEXT_DECODE_H_
