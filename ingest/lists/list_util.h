// Small helpers shared by the list parsers: UTF-8 validation, line numbers,
// field cleaning and splitting, the date spellings the lists use, stable ids.
// All functions are pure and thread-safe.
#ifndef ECG_INGEST_LISTS_LIST_UTIL_H_
#define ECG_INGEST_LISTS_LIST_UTIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/lists/list_record.h"
#include "schema/date.h"
#include "schema/status.h"

namespace ecg::ingest::lists {

// Returns OK when `bytes` is well-formed UTF-8, else InvalidArgument naming
// `file_label`, the line and the byte offset of the first bad sequence.
Status ValidateUtf8(std::string_view bytes, std::string_view file_label);

// `bytes` without a leading UTF-8 byte order mark. The view aliases `bytes`.
std::string_view StripBom(std::string_view bytes);

// Maps byte offsets to 1-based line numbers. Keeps a view of the text, which
// must outlive the index. Thread-compatible.
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

// "<label>:<line> (byte <offset>)", the location prefix of every parse error.
std::string Where(std::string_view file_label, uint64_t line, uint64_t offset);

// Trims ASCII whitespace (including embedded-newline tails such as
// "Service\n\n") and no-break spaces at both ends, and repairs the C1 control
// characters that Windows-1252 text leaves behind for punctuation (U+0092 -> ’;
// text::RepairC1 does it for the whole C1 range).
std::string CleanText(std::string_view text);

// Splits on `sep`, cleans each part and drops empty parts.
std::vector<std::string> SplitClean(std::string_view text, std::string_view sep);

// "YYYY-MM-DD" (an optional time part "THH:MM..." is ignored).
std::optional<Date> ParseIsoDate(std::string_view text);
// Day-first dotted dates: "16.02.23", "04.04.2025", "26.2.2026". Two-digit
// years are 20YY when below 70, else 19YY.
std::optional<Date> ParseDayFirstDate(std::string_view text);
// US month-first slashed dates: "5/21/19", "12/23/2020". Two-digit years as above,
// except that years 36..99 are 19YY (the Federal Register began in 1936).
std::optional<Date> ParseUsSlashDate(std::string_view text);
// English dates: "March 12, 2021", "June 10 2026", "03 Jun 2021", "Sept. 9, 2020".
std::optional<Date> ParseEnglishDate(std::string_view text);
// The first ISO date ("2026-06-29") inside a file label or name, if any.
std::optional<Date> DateInText(std::string_view text);

// A stable id "<prefix>-<16 hex digits>" from a 64-bit FNV-1a hash of `parts`
// (joined with an unambiguous separator).
std::string StableId(std::string_view prefix, const std::vector<std::string_view>& parts);

// Maps the sources' type words (Entity, Individual, Organization, Company,
// Person, Vessel, Aircraft, organization, ...) to company|person|vessel|aircraft|unknown.
std::string MapEntityType(std::string_view source_type);

// The short code inside a CSL source name: "Entity List (EL) - Bureau of
// Industry and Security" -> "EL", "... (NS-MBS List) - ..." -> "NS-MBS". Returns
// the whole name when it has no parenthesised code.
std::string CslListCode(std::string_view source_name);

// Makes record ids unique per list within one file: the second "x" of a list
// becomes "x~2", and so on, in file order.
void DisambiguateIds(std::vector<ListRecord>* records);

}  // namespace ecg::ingest::lists

#endif  // ECG_INGEST_LISTS_LIST_UTIL_H_
