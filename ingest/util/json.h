// simdjson helpers for every JSON parser of ingest: a whole buffer parsed into
// a DOM with a located syntax error, field readers through the error-code API,
// and the record loop over a top-level array that gives each element its line
// and offset and quarantines the elements that are not objects. simdjson types
// appear only in ingest .cc files and here. Thread-compatible: one parser per
// JsonDoc.
#ifndef ECG_INGEST_UTIL_JSON_H_
#define ECG_INGEST_UTIL_JSON_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "ingest/util/location.h"
#include "schema/result.h"

namespace ecg::ingest::util {

// Owns the padded copy of the input and the DOM parser; `root` lives as long
// as this object.
struct JsonDoc {
  simdjson::padded_string padded;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
};

// Validates UTF-8 (util::ValidateUtf8's error) and parses `bytes` (BOM
// stripped). On a syntax error returns InvalidArgument
// "<label>:<line> (byte <offset>): invalid JSON: <reason>", where the offset is
// JsonErrorOffset's (the end of input for a truncated file, and then the
// reason says so).
Status ParseJson(std::string_view bytes, std::string_view file_label, JsonDoc* doc);

// The byte offset of the first syntax error in `bytes`. The DOM parser reports
// only the kind of error, so this walks the same bytes with the On-Demand API
// and returns where that walk stopped at an error, or bytes.size() when it
// finds none (which is where a truncated file ends).
uint64_t JsonErrorOffset(std::string_view bytes);

// An InvalidArgument status for a document simdjson rejected, in the words of
// the regulation parsers: "<file>: invalid JSON at byte offset <n> (line <l>,
// column <c>): <reason>" ("(end of input)" for a document cut short).
Status JsonSyntaxError(simdjson::error_code code, std::string_view bytes,
                       std::string_view file_name);

// Cleaned field readers: "" / {} / false when the key is missing or null or of
// another type. Strings are cleaned with CleanText (util/fields.h); empty
// strings are left out of arrays.
std::string GetString(simdjson::dom::object obj, std::string_view key);
std::vector<std::string> GetStringArray(simdjson::dom::object obj, std::string_view key);
// Returns true and sets *out when `key` is an unsigned integer.
bool GetIndex(simdjson::dom::object obj, std::string_view key, uint64_t* out);
// True when `key` is present and not null.
bool Has(simdjson::dom::object obj, std::string_view key);

// The JSON types a record's field may be declared to hold.
enum class JsonField : uint8_t { kString, kIndex, kStringArray };
struct JsonFieldSpec {
  std::string_view key;
  JsonField type;
};
// Why `obj` does not fit `spec`: the first field present (and not null) of
// another type, e.g. "field `a` is a string, expected an array of strings".
// Empty when every field fits. A record that fails it is quarantined rather
// than loaded with the field silently dropped.
std::string FieldTypeProblem(simdjson::dom::object obj, std::initializer_list<JsonFieldSpec> spec);

// Raw field readers, the strings as written: `obj[key]` as a string ("" when
// absent, null or not a string); as an integer rendered in decimal ("96790")
// or else the string; as a list of strings (non-strings skipped).
std::string GetRawString(simdjson::dom::element obj, std::string_view key);
std::string GetIntOrString(simdjson::dom::element obj, std::string_view key);
std::vector<std::string> GetRawStringArray(simdjson::dom::element obj, std::string_view key);

// One element of a record array, as ForEachJsonRecord hands it over.
struct JsonRecord {
  simdjson::dom::object object;
  uint64_t line = 0;    // 1-based line of its first byte, 0 when not located
  uint64_t offset = 0;  // byte offset of its first byte in the file
  std::string where;    // "<array name>[<index>]", for messages
  // A quarantine entry for this element: "<where>: <reason>".
  Quarantined Quarantine(std::string_view reason) const;
};

// Calls `fn` for each element of the top-level array `key` of `doc`'s root
// object (of the root array when `key` is empty) that is an object, in order;
// elements that are not objects go to `quarantined` ("<where>: not an
// object"). Lines and offsets are those of the bytes ParseJson parsed (after a
// BOM), found by a second, On-Demand pass; 0 when they cannot be located.
// REQUIRES: `array` is that array of `doc`.
void ForEachJsonRecord(const JsonDoc& doc, simdjson::dom::array array, std::string_view key,
                       std::vector<Quarantined>* quarantined,
                       const std::function<void(const JsonRecord&)>& fn);

// One line of a JSON-lines file, as ForEachJsonLine hands it over.
struct JsonLine {
  uint64_t line = 0;    // 1-based line number
  uint64_t offset = 0;  // byte offset of its first byte in the file (a BOM counted)
  // The line's parse error; SUCCESS when `element` holds the parsed line.
  simdjson::error_code error = simdjson::SUCCESS;
  simdjson::dom::element element;  // valid only during the call
};

// The loop of every JSON-lines parser: validates UTF-8 (ValidateUtf8's
// error), strips a BOM, splits `bytes` into lines, skips blank ones and calls
// `fn` with each other line parsed (or with its parse error, for the caller
// to reject or quarantine the line). A non-OK status from `fn` ends the loop
// and is returned.
Status ForEachJsonLine(std::string_view bytes, std::string_view file_label,
                       const std::function<Status(const JsonLine&)>& fn);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_JSON_H_
