// Parser for the Commerce Control List as ccl_ecfr_seelpeed/ccl.json holds it
// (Supplement No. 1 to Part 774, parsed from eCFR XML by a third party): one
// EccnEntry per ECCN and per top-level paragraph that the entry's own text
// defines (3A090 -> 3A090.a, 3A090.b, 3A090.c). Pure; thread-safe.
#ifndef ECG_INGEST_REGS_CCL_H_
#define ECG_INGEST_REGS_CCL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"

namespace ecg::ingest {

// One "License Exceptions" line: LVS, GBS, HBM, AIA, ACM, LPP, STA, TSR, ...
struct LicenseExceptionFlag {
  std::string code;  // "HBM"
  std::string text;  // "Yes, for 3A090.c. See § 740.25 of the EAR."
  // True when the text starts with "Yes" (possibly for some paragraphs only);
  // false for "N/A", "No" and restrictions such as STA's "may not be used".
  bool available = false;
};

// One "Country chart" line of the License Requirements table.
struct ControlLine {
  std::string control;  // "RS applies to 3A090.a"
  std::string chart;    // "To or within any destination worldwide, see § 742.6(a)(6)(iii)(A)"
};

struct EccnEntry {
  std::string code;           // "3A090" or "3A090.a"
  std::string parent;         // "" for an ECCN; "3A090" for "3A090.a"
  std::string category;       // "3"
  std::string product_group;  // "A"
  // The ECCN's heading, or for a paragraph the paragraph's own text.
  std::string heading;
  // Reasons for control in order: "RS", "AT". A paragraph inherits its ECCN's.
  std::vector<std::string> reasons;
  std::vector<LicenseExceptionFlag> license_exceptions;  // ECCN entries only
  std::vector<ControlLine> controls;                     // ECCN entries only
  std::string related_controls;                          // "N/A" kept as written
  std::vector<std::string> related_eccns;                // ECCN codes named in related_controls
  // Thresholds the text states, as numbers, in order of appearance and without
  // duplicates. An ECCN collects those of all its paragraphs.
  std::vector<double> tpp;                  // 'total processing performance' of 4800
  std::vector<double> performance_density;  // 'performance density' of 5.92
  std::optional<double> operations;         // "10 26 or more 'operations'" -> 1e26
  // For an ECCN with full text: every paragraph code its item tree defines
  // ("a", "a.1", "a.2", "b", ...), notes excluded.
  std::vector<std::string> paragraphs;
};

struct CclDocument {
  std::string ecfr_issue_date;  // "2026-07-23"
  std::vector<EccnEntry> entries;
};

// Parses ccl.json. Errors: InvalidArgument naming `file_name` and, for JSON
// syntax errors, the byte offset; InvalidArgument when "entries" is missing
// or an entry has no "eccn".
Result<CclDocument> ParseCcl(std::string_view bytes, std::string_view file_name);

// Thresholds in one CCL text: appends to the vectors (no duplicates) and sets
// *operations when the text states "10 26 or more 'operations'". Exposed for tests.
void ExtractCclThresholds(std::string_view text, std::vector<double>* tpp,
                          std::vector<double>* performance_density,
                          std::optional<double>* operations);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_CCL_H_
