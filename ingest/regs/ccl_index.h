// Parser for the 2015 CCL Alphabetical Index (ccl_index_ita_2015): keyword ->
// up to five ECCNs, as a Windows-1252 CSV or a tab-separated ASCII file with
// the header Description, ECCN1 .. ECCN5. A historical snapshot: it predates
// 3A090 (graphics accelerators sit in 4A003.d). Pure; thread-safe.
#ifndef ECG_INGEST_REGS_CCL_INDEX_H_
#define ECG_INGEST_REGS_CCL_INDEX_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"

namespace ecg::ingest {

struct IndexEccn {
  std::string raw;        // the cell as written: "4A003d", "1C001a Note 1a", "7.00E+102"
  std::string code;       // dotted ECCN paragraph: "4A003.d", "1C351.d.1"; "" when the cell
                          // is not an ECCN ("see Computers")
  std::string base;       // the ECCN itself: "4A003"
  std::string note;       // what follows the code: "Note 1a"; the whole cell when code is ""
  bool repaired = false;  // a spreadsheet turned "7E102" into "7.00E+102"; undone
};

struct IndexEntry {
  std::string keyword;  // UTF-8 ("…" decoded from Windows-1252 0x85)
  std::vector<IndexEccn> eccns;
  size_t line = 0;  // 1-based line in the file
};

// Parses the index. The delimiter is taken from the header (tab or comma);
// the CSV is decoded from Windows-1252 with ICU, the TSV read as UTF-8/ASCII.
// Errors: InvalidArgument naming the file and line (a header that is not
// "Description, ECCN1..", bytes invalid in the encoding, an unclosed quote).
Result<std::vector<IndexEntry>> ParseCclIndex(std::string_view bytes, std::string_view file_name);

// Splits one index cell ("1C351d1" -> code "1C351.d.1").
IndexEccn ParseIndexEccn(std::string_view cell);

// True when the first line is the index header.
bool LooksLikeCclIndex(std::string_view bytes);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_CCL_INDEX_H_
