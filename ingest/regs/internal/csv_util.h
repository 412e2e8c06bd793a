// libcsv wrapper for the regulation parsers: records with their 1-based line,
// for any one-byte delimiter (the 2015 CCL index ships as CSV and as TSV).
// Stateless.
#ifndef ECG_INGEST_REGS_INTERNAL_CSV_UTIL_H_
#define ECG_INGEST_REGS_INTERNAL_CSV_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"

namespace ecg::ingest::regs_internal {

struct Row {
  std::vector<std::string> fields;
  size_t line = 0;  // 1-based line where the record starts
};

// Parses `bytes` (UTF-8) with libcsv, quotes allowed, empty lines skipped.
// Returns InvalidArgument naming the file and the line of a quoted field that
// never closes.
Result<std::vector<Row>> ReadDelimited(std::string_view bytes, char delimiter,
                                       std::string_view file_name);

}  // namespace ecg::ingest::regs_internal

#endif  // ECG_INGEST_REGS_INTERNAL_CSV_UTIL_H_
