// The one libcsv reader of ingest: records that remember where they start
// (line and byte offset), fed as a whole buffer, in chunks of any size (for
// files too large to hold), or from a file. Quoted fields may hold delimiters,
// quotes and newlines; CRLF, LF and mixed line endings are accepted; empty
// lines are skipped. CsvReader is thread-compatible; the functions hold no
// state between calls.
#ifndef ECG_INGEST_UTIL_CSV_H_
#define ECG_INGEST_UTIL_CSV_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/util/location.h"
#include "schema/result.h"

namespace ecg::ingest::util {

struct CsvOptions {
  // Any one-byte delimiter (the 2015 CCL index ships as CSV and as TSV).
  char delimiter = ',';
  // libcsv's strict mode: a quote inside an unquoted field is an error, and
  // so is a quoted field still open at the end of the input (instead of a
  // last record marked `unterminated`).
  bool strict = false;
  // Drops records that hold nothing but one empty field (a line of spaces).
  bool skip_blank_records = false;
};

struct CsvRecord {
  std::vector<std::string> fields;
  uint64_t line = 0;    // 1-based line of the record's first byte
  uint64_t offset = 0;  // byte offset of the record's first byte
  // True for a last record cut off inside a quoted field (a truncated file);
  // only without CsvOptions::strict.
  bool unterminated = false;
  // True for a last record not followed by a line break.
  bool at_eof_without_newline = false;
};

// Where libcsv gave up, for callers that word their own messages.
struct CsvSyntaxError {
  uint64_t line = 0;         // 1-based line where the error was found
  uint64_t record_line = 0;  // 1-based line where the record at fault began
  uint64_t offset = 0;       // byte offset where the error was found
  bool at_end = false;       // a quoted field never closes (strict mode only)
  std::string reason;        // libcsv's message
};

// A streaming reader. Feed the input in order, in pieces of any size, then call
// Finish once. Each complete record goes to `on_record`; a non-OK Status from
// it stops the reader and is returned by Feed or Finish. On a CSV syntax error
// Feed and Finish return InvalidArgument "line <l> (byte <offset>): <reason>"
// and `error()` tells the details.
class CsvReader {
 public:
  using RecordFn = std::function<Status(CsvRecord* record)>;

  CsvReader(CsvOptions options, RecordFn on_record);
  ~CsvReader();
  // Owns a libcsv parser whose callbacks point back at this object.
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  Status Feed(std::string_view bytes);
  Status Finish();
  // The syntax error that the last failing Feed or Finish met.
  const CsvSyntaxError& error() const { return error_; }

 private:
  struct State;
  Status FeedLine(std::string_view piece, bool ends_line);

  std::unique_ptr<State> state_;
  CsvSyntaxError error_;
};

// Parses every record of `bytes`. A last record whose quoted field never closes
// is returned with `unterminated` set (without `strict`), so that the caller
// can quarantine it. Returns InvalidArgument "<Where(file_label, line,
// offset)>: CSV error: <reason>" when libcsv cannot go on; `*error` (optional)
// gets the details.
Result<std::vector<CsvRecord>> ReadCsv(std::string_view bytes, std::string_view file_label,
                                       const CsvOptions& options = {},
                                       CsvSyntaxError* error = nullptr);

// Streams the file at `path` through a CsvReader in 1 MiB pieces. kNotFound
// when it cannot be opened, kIOError when a read fails, else as CsvReader.
Status ForEachCsvFileRecord(const std::string& path, const CsvOptions& options,
                            const CsvReader::RecordFn& on_record, CsvSyntaxError* error = nullptr);

// Splits the header record of a CSV file (its first record, BOM allowed), for
// detection. Returns an empty vector when `bytes` holds no complete first
// record within its first 64 KiB.
std::vector<std::string> ReadCsvHeader(std::string_view bytes);

// A column mapping (`ecg ingest --columns pct=percentage`): `name` is the
// column name a format expects, `column` the name the file gives it.
struct ColumnRename {
  std::string name;
  std::string column;
};

// Parses "name=column,name=column"; InvalidArgument for an item without
// "=", an empty side, or a name given twice.
Result<std::vector<ColumnRename>> ParseColumnRenames(std::string_view spec);

// `text` (UTF-8 CSV, BOM allowed) with the header cells that equal a
// rename's `column` (after CleanText) replaced by its `name`; the rest of
// the text is kept byte for byte, so line numbers stay (byte offsets after
// the header move by the header's change in length). `text` as it is when
// no cell matches or its first line is not a CSV header.
std::string RenameCsvHeader(std::string_view text, const std::vector<ColumnRename>& renames);

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

// Why a record must not load although it parses: a field holding a NUL byte,
// or a byte-order mark (U+FEFF) inside the line (two files concatenated, a
// broken export). No list writes either; loaded, they would make names that
// never match. The reason names the column (from `header`) and the byte in
// the field; empty when the record is clean.
std::string SuspectBytes(const CsvRecord& record, const std::vector<std::string>& header);

// Validates UTF-8, reads `bytes` (BOM allowed) and checks that the header holds
// every column of `required`. Returns InvalidArgument naming `file_label` and
// line 1 when a column is missing (`what` names the expected format), or the
// line of the first data row whose column count differs from the header's.
// A last record cut off inside quotes, or lacking columns and its final line
// break, is a truncated record: it goes to `quarantined` instead, and so does
// a record with SuspectBytes.
Result<CsvTable> ReadCsvTable(std::string_view bytes, std::string_view file_label,
                              const std::vector<std::string_view>& required, std::string_view what);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_CSV_H_
