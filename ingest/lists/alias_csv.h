// The curated bilingual alias file the project ships (ingest/data/
// aliases.csv): pairs of a Chinese and an English name of one entity that no
// list pairs itself, each with a note saying where the pairing is
// documented. Pure functions: safe for concurrent use.
#ifndef ECG_INGEST_LISTS_ALIAS_CSV_H_
#define ECG_INGEST_LISTS_ALIAS_CSV_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"

#include "resolve/judgements.h"

namespace ecg::ingest {

// One row of the alias file.
struct AliasPair {
  std::string chinese;  // e.g. "中芯国际集成电路制造有限公司" (as written, not folded)
  std::string english;      // e.g. "Semiconductor Manufacturing International Corporation"
  std::string source_note;  // where the pairing is documented
  size_t line = 0;          // 1-based line of the row in its file, for provenance
};

// Parses alias CSV text (UTF-8, RFC 4180 quoting, LF or CRLF): a header line
// "chinese_name,english_name,source_note", then one row per pair with all
// three fields non-empty and a Chinese name that contains Han characters.
// Blank lines are skipped. Returns kInvalidArgument naming `label` and the
// line of the first bad row (wrong field count, empty field, bad header,
// invalid UTF-8, unterminated quote).
Result<std::vector<AliasPair>> ParseAliasCsv(std::string_view contents, std::string_view label);

// Reads and parses the alias file at `path` (for the shipped file: its
// installed path, share/ecgraph/aliases.csv, passed in by the program).
// kNotFound when the file cannot be opened; otherwise as ParseAliasCsv.
Result<std::vector<AliasPair>> LoadAliasFile(const std::string& path);

// Parses the curated judgements file (ingest/data/judgements.csv): a header
// "judgement,record,other,reason", then one row per judgement: "same" or
// "distinct", two record keys ("rec:<id>", or an entity key "ent:..."), and a
// non-empty reason. kInvalidArgument naming `label` and the line of the
// first bad row.
Result<std::vector<resolve::Judgement>> ParseJudgementsCsv(std::string_view contents,
                                                           std::string_view label);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_LISTS_ALIAS_CSV_H_
