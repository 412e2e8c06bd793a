// Reads a whole CSV buffer with libcsv into records that remember where they
// start (line and byte offset). Quoted fields may hold commas, quotes and
// newlines; CRLF, LF and mixed line endings are accepted. Thread-compatible:
// the functions hold no state between calls.
#ifndef ECG_INGEST_LISTS_CSV_READER_H_
#define ECG_INGEST_LISTS_CSV_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/lists/list_record.h"
#include "schema/result.h"

namespace ecg::ingest::lists {

struct CsvRecord {
  std::vector<std::string> fields;
  uint64_t line = 0;    // 1-based line of the record's first byte
  uint64_t offset = 0;  // byte offset of the record's first byte
  // True for a last record cut off inside a quoted field (a truncated file).
  bool unterminated = false;
  // True for a last record not followed by a line break.
  bool at_eof_without_newline = false;
};

// Parses every record of `bytes`. Empty lines are skipped. A last record whose
// quoted field never closes is returned with `unterminated` set, so that the
// caller can quarantine it. Returns InvalidArgument naming `file_label` and the
// line and offset only when libcsv cannot go on at all.
Result<std::vector<CsvRecord>> ReadCsv(std::string_view bytes, std::string_view file_label);

// Splits the header record of a CSV file (its first record), for detection.
// Returns an empty vector when `bytes` holds no complete first record.
std::vector<std::string> ReadCsvHeader(std::string_view bytes);

// Index of `name` in `header`, or -1.
int ColumnIndex(const std::vector<std::string>& header, std::string_view name);

// A CSV file read as a table with a checked header.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;           // data rows, offsets in the original bytes
  std::vector<Quarantined> quarantined;  // a cut-off last record, if any
  // Index of column `name`, or -1.
  int Col(std::string_view name) const { return ColumnIndex(header, name); }
};

// Validates UTF-8, reads `bytes` (BOM allowed) and checks that the header holds
// every column of `required`. Returns InvalidArgument naming `file_label` and
// line 1 when a column is missing (`what` names the expected format), or the
// line of the first data row whose column count differs from the header's.
// A last record cut off inside quotes, or lacking columns and its final line
// break, is a truncated record: it goes to `quarantined` instead.
Result<CsvTable> ReadCsvTable(std::string_view bytes, std::string_view file_label,
                              const std::vector<std::string_view>& required, std::string_view what);

}  // namespace ecg::ingest::lists

#endif  // ECG_INGEST_LISTS_CSV_READER_H_
