// simdjson helpers for the JSON list parsers: parse a whole buffer into a DOM
// with a located error, and read optional fields through the error-code API.
// Internal to ingest/lists. Thread-compatible (one parser per call).
#ifndef ECG_INGEST_LISTS_JSON_UTIL_H_
#define ECG_INGEST_LISTS_JSON_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "schema/result.h"

namespace ecg::ingest::lists {

// Owns the padded copy of the input and the DOM parser; `root` lives as long
// as this object.
struct JsonDoc {
  simdjson::padded_string padded;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
};

// Parses `bytes` (BOM stripped). On a syntax error returns InvalidArgument
// "<label>:<line> (byte <offset>): invalid JSON: <reason>", where the offset
// is where the error was found (the end of input for a truncated file).
Status ParseJson(std::string_view bytes, std::string_view file_label, JsonDoc* doc);

// The DOM keeps no positions, so record offsets come from a second pass:
// offsets of the elements of the top-level array `key` of the root object
// (or of the root array when `key` is empty), found with the On-Demand API.
// Returns an empty vector when they cannot be located.
std::vector<uint64_t> ArrayElementOffsets(const JsonDoc& doc, std::string_view key);

// Field readers: return "" / {} / false when the key is missing or null or of
// another type. Strings are cleaned with CleanText.
std::string GetString(simdjson::dom::object obj, std::string_view key);
std::vector<std::string> GetStringArray(simdjson::dom::object obj, std::string_view key);
// Returns true and sets *out when `key` is an unsigned integer.
bool GetIndex(simdjson::dom::object obj, std::string_view key, uint64_t* out);
// True when `key` is present and not null.
bool Has(simdjson::dom::object obj, std::string_view key);

}  // namespace ecg::ingest::lists

#endif  // ECG_INGEST_LISTS_JSON_UTIL_H_
