// Neutral records that every restricted-party list parser produces: one
// ListRecord per list entry, whatever the source format, plus list metadata and
// ownership stakes. Plain values: thread-compatible, cheap to move.
#ifndef ECG_INGEST_LISTS_LIST_RECORD_H_
#define ECG_INGEST_LISTS_LIST_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/util/location.h"  // Quarantined
#include "schema/date.h"

namespace ecg::ingest {

// One entry of a restricted-party list, as the source states it. Parsers only
// trim stray whitespace and repair C1 punctuation; all other normalisation
// (case, script, legal forms) happens later in ingest/text.
struct ListRecord {
  // Stable short code of the list: "EL", "SDN", "MEU", "UVL", "DPL", "ISN",
  // "1260H", "CMIC", "MIEU", "FCC", "CN-UEL", "CN-ECL" (MOFCOM export
  // control control list), "CN-WATCH" (watch / attention list), "CN-AFSL",
  // "CN-CM" (other countermeasures), "CN-TWI" (Taiwan independence lists)...
  std::string list_code;
  // Human name of the list as the source spells it.
  std::string list_name;
  // The source's own id when it has one, else a stable id derived from the list
  // and the name (and country where the format has one), so that a revised
  // entry keeps its id; repeats get "~2", "~3" in file order. Unique within
  // (list_code, file).
  std::string record_id;
  // For a file that holds several editions of its list (the 1260H history,
  // one row per party and year), the edition this record belongs to; "" for
  // a file that is one edition. Records of one list and edition in one file
  // are distinct parties (resolve/resolve.h).
  std::string edition;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> previous_names;
  // "company", "person", "vessel", "aircraft" or "unknown".
  std::string entity_type = "unknown";
  // ISO-3166 alpha-2 code of the ENTITY's country when known, else "".
  std::string country;
  // Further ISO-3166 codes the record names: its addresses' countries (an
  // entry of the Entity List's China section with a Hong Kong address), in
  // source order, without `country`.
  std::vector<std::string> other_countries;
  std::vector<std::string> addresses;
  // Identifiers as the source writes them ("Unified Social Credit Code
  // (USCC), 9111000071093019X7, CN").
  std::vector<std::string> identifiers;
  std::string license_requirement;
  std::string license_policy;
  std::vector<std::string> programs;
  // Normalised Federal Register citations, "84 FR 22963", in source order.
  std::vector<std::string> fr_citations;
  // Parallel to fr_citations: the publication date when the source states it.
  std::vector<std::optional<Date>> citation_dates;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  std::string remarks;
  std::string source_url;
  // Name of a parent organisation when the source names one.
  std::string parent_name;
  // 1-based line of the record's first byte, or 0 for formats without lines.
  uint64_t line = 0;
  // Byte offset of the record's first byte in the file.
  uint64_t offset = 0;
};

// Metadata on one list (from lists.json, or the CSL's listAuthority table).
struct ListDescription {
  std::string list_code;  // our short code, "" when the list is not one we know
  std::string source_id;  // the source's own id ("bis-entity-list")
  std::string name;
  std::string official_name;
  std::string agency;
  std::string authority;  // legal authority or citation
  std::string url;
  std::string snapshot;  // the source's free text on the snapshot
  std::optional<Date> snapshot_date;
};

// One side of an ownership stake: either an id ("id:<n>" or a list record id)
// or a name with an optional ISO country ("Name|CN").
struct OwnershipParty {
  std::string id;       // set when the file gives an id ("id:42" -> "id:42")
  std::string name;     // set when the file gives a name
  std::string country;  // ISO-2, may be empty
};

// "owner holds pct percent of owned during [valid_from, valid_to)".
struct OwnershipRecord {
  OwnershipParty owner;
  OwnershipParty owned;
  double pct = 0;  // 0 < pct <= 100
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  std::string source;  // free text: registry, filing, URL
  uint64_t line = 0;
  uint64_t offset = 0;
};

// One FollowTheMoney entity as a file states it (ftm-json: one JSON object
// per line; ftm-statements: the statement rows of one canonical_id). Values
// are kept in file order, each property's values in order.
struct FtmEntity {
  std::string id;      // the FtM id (canonical_id for statements)
  std::string schema;  // "Company", "Person", "Sanction", "Ownership", ...
  std::vector<std::pair<std::string, std::string>> props;  // (property, value)
  uint64_t line = 0;    // line of the entity (its first statement)
  uint64_t offset = 0;  // byte offset of that line
};

// Everything one list-like file yields.
struct ParsedList {
  // The format name (as DetectListFormat returns it).
  std::string format;
  std::vector<ListRecord> records;
  std::vector<Quarantined> quarantined;
  // Descriptions of the lists the file holds or describes.
  std::vector<ListDescription> lists;
  // Ownership stakes (ownership files only).
  std::vector<OwnershipRecord> ownership;
  // FollowTheMoney entities (ftm-json and ftm-statements files only); the
  // writer turns them into entities, listings and relations (WriteFtm).
  std::vector<FtmEntity> ftm;
  // The date the data was drawn up, when the file (or its label) states it.
  std::optional<Date> snapshot_date;
};

}  // namespace ecg::ingest

#endif  // ECG_INGEST_LISTS_LIST_RECORD_H_
