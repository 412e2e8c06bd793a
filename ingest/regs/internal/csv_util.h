// The CSV files of the regulation parsers (the CCL index, the technologies
// table) read through the one libcsv reader (ingest/util/csv.h) in strict
// mode, blank records dropped, with errors worded as the regulation parsers
// word them. Stateless.
#ifndef ECG_INGEST_REGS_INTERNAL_CSV_UTIL_H_
#define ECG_INGEST_REGS_INTERNAL_CSV_UTIL_H_

#include <string_view>
#include <vector>

#include "ingest/util/csv.h"
#include "schema/result.h"

namespace ecg::ingest::regs_internal {

// Parses `bytes` (UTF-8) with any one-byte delimiter. Returns InvalidArgument
// "<file>: line <n>: <reason>" naming the line where the bad record starts
// ("quoted field never closes" for a quote open at the end).
Result<std::vector<util::CsvRecord>> ReadDelimited(std::string_view bytes, char delimiter,
                                                   std::string_view file_name);

}  // namespace ecg::ingest::regs_internal

#endif  // ECG_INGEST_REGS_INTERNAL_CSV_UTIL_H_
