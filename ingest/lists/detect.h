// Recognises a restricted-party list file by its content (CSV header line or
// JSON keys, never its path) and dispatches it to the matching parser.
// Stateless functions: thread-safe.
#ifndef ECG_INGEST_LISTS_DETECT_H_
#define ECG_INGEST_LISTS_DETECT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/lists/list_record.h"
#include "schema/result.h"

namespace ecg::ingest {

// The format names DetectListFormat returns and ParseListFile accepts (also the
// values of `ecg ingest --format`):
//   csl-compact-json, csl-csv, ecfr-list-json, list-metadata-json,
//   os-1260h-csv, os-mieu-csv, fcc-covered-csv, cn-sanctions-csv, cn-json,
//   ownership-csv, ownership-jsonl, ftm-json, ftm-statements.
const std::vector<std::string>& ListFormats();

// Returns the format of `bytes`, judged by content only; `file_name` is used in
// messages. Returns InvalidArgument ("<file>: not a recognised list file: ...")
// for other files, including JSON or CSV of other kinds, and for invalid UTF-8
// (naming the byte offset).
Result<std::string> DetectListFormat(std::string_view bytes, std::string_view file_name);

// Parses `bytes` as `format` (one of ListFormats()). Returns InvalidArgument for
// an unknown format name, else what the format's parser returns (see parsers.h).
Result<ParsedList> ParseListFile(std::string_view bytes, std::string_view format,
                                 std::string_view file_label);

// DetectListFormat, then ParseListFile.
Result<ParsedList> DetectAndParseListFile(std::string_view bytes, std::string_view file_label);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_LISTS_DETECT_H_
