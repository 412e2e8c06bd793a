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
// One party listed under several countries: the Entity List repeats an
// entry under each country of its addresses, and the entry of one country
// names the others ("See alternate addresses under Pakistan"; a CSL entry's
// further address countries). A record whose country is among the countries
// of an earlier record of the same list and name that names more than one
// takes that record's id (DisambiguateIds then adds "~2"), so resolution
// keeps them one party. Call before DisambiguateIds.
void JoinPartiesListedUnderSeveralCountries(std::vector<ListRecord>* records);

// Adds ISO code `code` to the record's other countries unless it is empty,
// the record's country, or already there.
void AddOtherCountry(std::string_view code, ListRecord* record);

void AddFrCitations(std::string_view text, ListRecord* record);

}  // namespace ecg::ingest::lists

#endif  // ECG_INGEST_LISTS_LIST_UTIL_H_
