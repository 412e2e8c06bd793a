// Parsers for the EAR country tables in ccl_ecfr_seelpeed: country-groups.json
// (Part 740 Supp. 1, groups A:1 .. E:2) and country-chart.json (Part 738
// Supp. 1, the Commerce Country Chart). Countries get ISO 3166 alpha-2 codes
// from their EAR names. Pure; thread-safe.
#ifndef ECG_INGEST_REGS_COUNTRY_GROUPS_H_
#define ECG_INGEST_REGS_COUNTRY_GROUPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"

namespace ecg::ingest {

struct CountryRecord {
  std::string name;                 // as the EAR table writes it: "China (PRC)", "Korea, South"
  std::string iso2;                 // "CN"; "" when the name has no ISO code
  std::vector<std::string> groups;  // country-groups.json: "D:1", "D:3", "D:4", "D:5" (sorted)
  std::vector<std::string> marks;   // country-chart.json: columns with an X: "NS 1", "RS 2"
  std::vector<int> footnotes;       // country-chart.json footnote numbers
  bool embargoed = false;           // country-chart.json: a row that points to part 746
};

struct CountryGroup {
  std::string code;   // "D:5"
  std::string label;  // "U.S. arms-embargoed countries"
};

struct CountryTable {
  std::string citation;                  // "15 C.F.R. Part 740, Supplement No. 1 (Country Groups)"
  std::string ecfr_issue_date;           // "2026-07-23"
  std::vector<CountryGroup> groups;      // country-groups.json only
  std::vector<CountryRecord> countries;  // sorted by name
};

// country-groups.json: memberships come from "groups" (every group, B
// included); labels from "labels". Errors: InvalidArgument naming the file
// (JSON syntax errors with their byte offset) or a missing "groups" object.
Result<CountryTable> ParseCountryGroups(std::string_view bytes, std::string_view file_name);

// country-chart.json: one record per "countries" row plus the "embargoed" rows.
Result<CountryTable> ParseCountryChart(std::string_view bytes, std::string_view file_name);

// ISO alpha-2 code for an EAR country name ("China (PRC)" -> "CN", "Burma" ->
// "MM", "Korea, South" -> "KR", "Macau" -> "MO"); "" when unknown.
std::string EarCountryIso(std::string_view name);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_COUNTRY_GROUPS_H_
