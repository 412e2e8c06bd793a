// Helpers of the list parsers alone: stable ids, entity types, CSL list codes,
// record id disambiguation and FR citations into a record (the helpers that
// other parsers share are in ingest/util/). All functions are pure and
// thread-safe.
#ifndef ECG_INGEST_LISTS_LIST_UTIL_H_
#define ECG_INGEST_LISTS_LIST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/lists/list_record.h"

namespace ecg::ingest::lists {

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

// Parses the FR citations in `text` (util::ParseFrCitations) and appends the
// new ones to record->fr_citations / citation_dates.
void AddFrCitations(std::string_view text, ListRecord* record);

}  // namespace ecg::ingest::lists

#endif  // ECG_INGEST_LISTS_LIST_UTIL_H_
