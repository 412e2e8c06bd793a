// Format detection and dispatch for the regulation sources: looks at a
// file's bytes (its name only breaks ties) and runs the matching parser.
// Pure; thread-safe.
#ifndef ECG_INGEST_REGS_DETECT_H_
#define ECG_INGEST_REGS_DETECT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/regs/ccl.h"
#include "ingest/regs/ccl_index.h"
#include "ingest/regs/country_groups.h"
#include "ingest/regs/fr_document.h"
#include "ingest/regs/technologies.h"
#include "schema/result.h"

namespace ecg::ingest {

// Format names DetectRegFormat returns.
inline constexpr std::string_view kFormatFrPost = "fr-post";                // _posts/*.md
inline constexpr std::string_view kFormatFrXml = "fr-xml";                  // <FEDREG>/<RULE> XML
inline constexpr std::string_view kFormatFrJson = "fr-json";                // FR API JSON
inline constexpr std::string_view kFormatCcl = "ccl";                       // ccl.json
inline constexpr std::string_view kFormatCountryGroups = "country-groups";  // country-groups.json
inline constexpr std::string_view kFormatCountryChart = "country-chart";    // country-chart.json
inline constexpr std::string_view kFormatCclIndex = "ccl-index-2015";       // the 2015 index
inline constexpr std::string_view kFormatTechnologies = "technologies";     // technologies.csv

// Returns one of the names above, decided by content: YAML front matter with
// item_id federal_register:... -> fr-post; a FEDREG/RULE/PRORULE/NOTICE root
// -> fr-xml; a JSON object with "document_number" -> fr-json; the eCFR JSON
// files by their citation ("Commerce Control List", "Country Groups",
// "Commerce Country Chart") or, failing that, by their keys; the index by its
// header; the technology mapping by its header. NotSupported naming the file
// when nothing matches.
Result<std::string> DetectRegFormat(std::string_view bytes, std::string_view file_name);

// What ParseRegFile produced; only the member for `format` is filled.
struct RegFile {
  std::string format;
  std::vector<FrDocument> documents;  // fr-post (one), fr-xml, fr-json
  CclDocument ccl;
  CountryTable countries;  // country-groups, country-chart
  std::vector<IndexEntry> index;
  std::vector<Technology> technologies;
};

// Detects the format and parses. Errors are those of DetectRegFormat and of
// the chosen parser (each names the file and a line or offset).
Result<RegFile> ParseRegFile(std::string_view bytes, std::string_view file_name);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_DETECT_H_
