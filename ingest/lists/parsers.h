// One parser per restricted-party list file format found in the project's data.
// Each takes the bytes of one whole file and a label for messages (usually the
// path) and returns the parsed document: no database writes happen here.
//
// Common contract:
// - Input must be UTF-8 (a leading BOM is ignored); invalid UTF-8 is an
//   InvalidArgument error naming the byte offset.
// - A record that cannot be used (no name, too few columns, a cut-off last
//   record) is put in ParsedList::quarantined with its line/offset and a
//   reason, and the rest of the file loads.
// - A file that cannot be parsed at all (truncated or malformed JSON, a CSV
//   whose header is not the expected one, a record with the wrong number of
//   columns in a fixed-width CSV) is an InvalidArgument error whose message
//   starts with "<file_label>:<line> (byte <offset>)".
// - Record ids are deterministic: the same bytes give the same ids.
// All parsers are reentrant and thread-safe (each call uses its own parser
// objects).
#ifndef ECG_INGEST_LISTS_PARSERS_H_
#define ECG_INGEST_LISTS_PARSERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/lists/list_record.h"
#include "schema/result.h"

namespace ecg::ingest {

// Format "csl-compact-json": the Consolidated Screening List re-packed with
// short keys (n, a, s, t, c, e, lr, lp, pg, fr, u) whose s/lr/lp/pg/u are
// indexes into `tables.*`. An index out of range quarantines the entry.
// Also fills ParsedList::lists from `listAuthority`.
Result<ParsedList> ParseCslCompactJson(std::string_view bytes, std::string_view file_label);

// Format "csl-csv": the raw trade.gov CSL CSV, 29 columns (with `_id`) or the
// older 28 (without). Repeated header lines are skipped; a record with another
// column count, or cut off inside a quoted field, is quarantined.
Result<ParsedList> ParseCslCsv(std::string_view bytes, std::string_view file_label);

// Format "ecfr-list-json": {list_id, extracted, entities: [{name, aliases,
// country, address, federal_register, notes, effective_date, ...}]}, the
// layout of bis_entity_list.json, bis_meu.json, dow_1260h.json, ofac_nscmic.json.
Result<ParsedList> ParseEcfrListJson(std::string_view bytes, std::string_view file_label);

// Format "list-metadata-json": lists.json, descriptions of lists (no records).
Result<ParsedList> ParseListMetadataJson(std::string_view bytes, std::string_view file_label);

// Format "os-1260h-csv": OpenSanctions' hand-kept Section 1260H source CSV
// (Name, Clean Name, Alias, Previous Name, Parent Name, Note, Start date, End date, Source Url).
Result<ParsedList> ParseOs1260hCsv(std::string_view bytes, std::string_view file_label);

// Format "os-mieu-csv": BIS Military-Intelligence End Users
// (Type, Name, Alias, Country, Topics, Program, Date, End date, Source URL).
Result<ParsedList> ParseOsMieuCsv(std::string_view bytes, std::string_view file_label);

// Format "fcc-covered-csv": the FCC Covered List table (CRLF, English dates).
// Rows that name a product category but no entity are quarantined.
Result<ParsedList> ParseFccCoveredCsv(std::string_view bytes, std::string_view file_label);

// Format "cn-sanctions-csv": OpenSanctions' China sanctions CSV (14 columns,
// or 15 with Address); day-first dates "16.02.23" / "04.04.2025".
Result<ParsedList> ParseCnSanctionsCsv(std::string_view bytes, std::string_view file_label);

// Format "cn-json": a JSON array of MOFCOM list records (entity_name, aliases in
// Chinese, addresses, list_id, date_added, id, ...). `country` there is the
// listing government and is ignored; the entity's country comes from a Chinese
// address when one is given.
Result<ParsedList> ParseCnJson(std::string_view bytes, std::string_view file_label);

// Formats "ownership-csv" (header owner,owned,pct,valid_from,valid_to,source)
// and "ownership-jsonl" (one JSON object per line with the same keys). owner
// and owned are "id:<n>", a list record id, or "Name" / "Name|CN". pct is a
// number in (0, 100] (a trailing "%" is allowed). Bad rows are quarantined.
//
// The CSV's columns may carry the names registers use (case and spaces
// ignored): OwnershipColumnNames() lists them, the project's name first
// (`percentage` or `share` for pct, `owner_country` / `owned_country`, which
// qualify the name as "Name|country" does, and `owner_id` / `owned_id`, an
// identifier that names the party when it is an id the graph knows).
// Columns named otherwise are mapped with `ecg ingest --columns`.
Result<ParsedList> ParseOwnershipCsv(std::string_view bytes, std::string_view file_label);
// The accepted names of each ownership field, in the order owner, owned,
// pct, valid_from, valid_to, source, owner_country, owned_country, owner_id,
// owned_id.
const std::vector<std::vector<std::string_view>>& OwnershipColumnNames();
// The column of field `field` (an index into OwnershipColumnNames()) in
// `header`, or -1.
int OwnershipColumn(const std::vector<std::string>& header, size_t field);
Result<ParsedList> ParseOwnershipJsonl(std::string_view bytes, std::string_view file_label);

// Format "ftm-json": FollowTheMoney entities, one JSON object per line
// ({"id", "schema", "properties": {prop: [values]}, ...}, as OpenSanctions
// publishes entities.ftm.json). Format "ftm-statements": FtM statements CSV
// (header with at least entity_id, prop, schema, value; canonical_id when
// present groups the statements of one entity). A line that is not such an
// object, a statement row of the wrong width, or an entity without id or
// schema rejects the file ("<file>:<line> (byte <offset>): expected ...").
// Entities are returned in ParsedList::ftm in file order (statements: in the
// order of each entity's first statement).
Result<ParsedList> ParseFtmJson(std::string_view bytes, std::string_view file_label);
Result<ParsedList> ParseFtmStatements(std::string_view bytes, std::string_view file_label);

// Parses one owner/owned cell. Strings with a known list-record id prefix
// ("cn-uel-...") or "id:" become ids; everything else is a name, optionally
// followed by "|<country>" (an ISO code or a country name; "" when unknown).
OwnershipParty ParseOwnershipParty(std::string_view text);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_LISTS_PARSERS_H_
