// simdjson helpers for the regulation parsers (error-code API only). simdjson
// types stay inside ingest/regs .cc files. Stateless; one parser per call.
#ifndef ECG_INGEST_REGS_INTERNAL_JSON_UTIL_H_
#define ECG_INGEST_REGS_INTERNAL_JSON_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "schema/status.h"

namespace ecg::ingest::regs_internal {

// An InvalidArgument status for a document simdjson rejected: names the file,
// the simdjson error and the byte offset (with line and column) where parsing
// stopped. The offset comes from an on-demand walk of the same bytes; for a
// document cut short it is the end of the input.
Status JsonSyntaxError(simdjson::error_code code, std::string_view bytes,
                       std::string_view file_name);

// `obj[key]` as a string; "" when absent, null or not a string.
std::string Str(simdjson::dom::element obj, std::string_view key);
// `obj[key]` as a number rendered as an integer string ("96790"), or the
// string value when it is a string; "" otherwise.
std::string NumOrStr(simdjson::dom::element obj, std::string_view key);
// `obj[key]` as a list of strings (non-strings skipped); empty when absent.
std::vector<std::string> StrList(simdjson::dom::element obj, std::string_view key);

}  // namespace ecg::ingest::regs_internal

#endif  // ECG_INGEST_REGS_INTERNAL_JSON_UTIL_H_
