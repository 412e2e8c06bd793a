// Parser for the official Federal Register XML (libxml2): a single document
// as federalregister.gov serves it (<RULE>, <PRORULE>, <NOTICE>) or a whole
// issue as govinfo publishes it (<FEDREG> with VOL, NO, DATE and the documents
// inside). Pure: bytes in, documents out. Thread-safe.
#ifndef ECG_INGEST_REGS_FR_XML_H_
#define ECG_INGEST_REGS_FR_XML_H_

#include <string_view>
#include <vector>

#include "ingest/regs/fr_document.h"
#include "schema/result.h"

namespace ecg::ingest {

// The interface has the shape of fr_json.h's (a parser and a detector per
// format, as every parser in ingest/ has); the two stay apart so that each
// depends only on its own library (libxml2 here, simdjson there).
// Parses every RULE / PRORULE / NOTICE / PRESDOCU element of `bytes`, in order.
// From each document:
// - PREAMB: agency (SUBAGY, else AGENCY), CFR parts ("15 CFR Parts 744 and
//   774" -> {"744", "774"}), RIN ("RIN 0694-AJ87" -> "0694-AJ87"), title
//   (SUBJECT), action (ACT), abstract (SUM), effective date (DATES);
// - FRDOC: the document number ("[FR Doc. 2024-28267 Filed ...]");
// - PRTPAGE: the first page (a PRTPAGE before any text is the first page,
//   otherwise the first PRTPAGE minus one); with the FEDREG header's VOL and
//   DATE this gives volume, citation "89 FR 96830" and publication date;
// - REGTEXT for part 744: Entity List additions, revisions and removals from
//   the AMDPAR instructions and the supplement table rows;
// - the abstract's facts (AnalyzeFrText); type "Rule", "Proposed Rule", ...
// Errors: InvalidArgument naming the file with the line and column libxml2
// reports for malformed XML; InvalidArgument when no document element exists.
Result<std::vector<FrDocument>> ParseFrXml(std::string_view bytes, std::string_view file_name);

// True when the first element of `bytes` is FEDREG, RULE, PRORULE or NOTICE.
bool LooksLikeFrXml(std::string_view bytes);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_FR_XML_H_
