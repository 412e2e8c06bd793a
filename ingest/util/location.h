// Where a byte of an input file is (line, column, offset), the prefix every
// parse error starts with, UTF-8 validation with a located error, and the
// quarantined record that every ingest parser reports. Pure functions and
// plain values: thread-safe (a LineIndex is thread-compatible).
#ifndef ECG_INGEST_UTIL_LOCATION_H_
#define ECG_INGEST_UTIL_LOCATION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schema/status.h"

namespace ecg::ingest {

// A record that could not be used; the rest of the file still loads.
struct Quarantined {
  uint64_t line = 0;    // 1-based, or 0 for formats without lines
  uint64_t offset = 0;  // byte offset of the record's first byte
  std::string reason;
};

}  // namespace ecg::ingest

namespace ecg::ingest::util {

// Maps byte offsets to 1-based line numbers. Keeps no view of the text.
// Thread-compatible.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // 1-based line holding byte `offset` (offsets past the end map to the last line).
  uint64_t LineOf(uint64_t offset) const;
  // 1-based column (in bytes) of `offset`.
  uint64_t ColumnOf(uint64_t offset) const;

 private:
  std::vector<uint64_t> starts_;  // byte offset of each line start
};

// "<label>:<line> (byte <offset>)" (":<line>" left out when `line` is 0), the
// location prefix of every list parse error.
std::string Where(std::string_view file_label, uint64_t line, uint64_t offset);

// "line <l>, column <c>" of byte `offset` in `bytes`, both 1-based.
std::string LineColumn(std::string_view bytes, uint64_t offset);

// Returns OK when `bytes` is well-formed UTF-8, else InvalidArgument
// "<Where(file_label, line, offset)>: invalid UTF-8 byte sequence" for the first
// bad sequence.
Status ValidateUtf8(std::string_view bytes, std::string_view file_label);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_LOCATION_H_
