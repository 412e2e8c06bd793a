// Parser for the federalregister.gov API JSON (simdjson, error-code API):
// a single document (GET /api/v1/documents/<number>.json) or a search page
// ({"count", "results": [...]}). Pure; thread-safe.
#ifndef ECG_INGEST_REGS_FR_JSON_H_
#define ECG_INGEST_REGS_FR_JSON_H_

#include <string_view>
#include <vector>

#include "ingest/regs/fr_document.h"
#include "schema/result.h"

namespace ecg::ingest {

// Parses a document or every document of a results page. Fields used:
// document_number, title, type, abstract, action, publication_date,
// effective_on, citation (else volume + start_page), start_page, volume,
// cfr_references[].part, agencies[] (the most specific: the last one),
// regulation_id_numbers[0], html_url, dates (an effective date when
// effective_on is null), correction_of (a "corrects" reference).
// Errors: InvalidArgument naming the file with the byte offset, line and
// column of a JSON syntax error (a truncated file is reported at its end);
// InvalidArgument when a document has no document_number, or when a date
// field is not YYYY-MM-DD.
Result<std::vector<FrDocument>> ParseFrJson(std::string_view bytes, std::string_view file_name);

// True when `bytes` look like FR API JSON: an object that names
// "document_number" or a https://www.federalregister.gov/ URL in its first
// 64 KiB (so that a truncated download is still recognised, then rejected).
bool LooksLikeFrJson(std::string_view bytes);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_FR_JSON_H_
