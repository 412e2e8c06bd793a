// The raw trade.gov CSL CSV (29 columns with `_id`, or the older 28 without).
#include "ingest/lists/country_codes.h"
#include "ingest/lists/csv_reader.h"
#include "ingest/lists/fr_citation.h"
#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"

namespace ecg::ingest {
namespace {

constexpr std::string_view kRequired[] = {"source",
                                          "entity_number",
                                          "type",
                                          "programs",
                                          "name",
                                          "addresses",
                                          "start_date",
                                          "end_date",
                                          "remarks",
                                          "federal_register_notice",
                                          "alt_names",
                                          "license_requirement",
                                          "license_policy",
                                          "source_list_url",
                                          "ids"};

struct Columns {
  int id = -1;
  int source, number, type, programs, name, addresses, start, end, remarks, fr, alt, lr, lp, url,
      ids, citizenships, nationalities;
};

}  // namespace

Result<ParsedList> ParseCslCsv(std::string_view bytes, std::string_view file_label) {
  ECG_RETURN_IF_ERROR(lists::ValidateUtf8(bytes, file_label));
  const size_t bom = bytes.size() - lists::StripBom(bytes).size();
  ECG_ASSIGN_OR_RETURN(std::vector<lists::CsvRecord> rows,
                       lists::ReadCsv(lists::StripBom(bytes), file_label));
  if (rows.empty()) {
    return Status::InvalidArgument(lists::Where(file_label, 1, 0) + ": empty CSL CSV file");
  }
  const std::vector<std::string>& header = rows.front().fields;
  for (std::string_view col : kRequired) {
    if (lists::ColumnIndex(header, col) < 0) {
      return Status::InvalidArgument(lists::Where(file_label, 1, 0) +
                                     ": not a CSL CSV header: column `" + std::string(col) +
                                     "` is missing");
    }
  }
  Columns c;
  c.id = lists::ColumnIndex(header, "_id");
  c.source = lists::ColumnIndex(header, "source");
  c.number = lists::ColumnIndex(header, "entity_number");
  c.type = lists::ColumnIndex(header, "type");
  c.programs = lists::ColumnIndex(header, "programs");
  c.name = lists::ColumnIndex(header, "name");
  c.addresses = lists::ColumnIndex(header, "addresses");
  c.start = lists::ColumnIndex(header, "start_date");
  c.end = lists::ColumnIndex(header, "end_date");
  c.remarks = lists::ColumnIndex(header, "remarks");
  c.fr = lists::ColumnIndex(header, "federal_register_notice");
  c.alt = lists::ColumnIndex(header, "alt_names");
  c.lr = lists::ColumnIndex(header, "license_requirement");
  c.lp = lists::ColumnIndex(header, "license_policy");
  c.url = lists::ColumnIndex(header, "source_list_url");
  c.ids = lists::ColumnIndex(header, "ids");
  c.citizenships = lists::ColumnIndex(header, "citizenships");
  c.nationalities = lists::ColumnIndex(header, "nationalities");

  ParsedList out;
  out.format = "csl-csv";
  out.snapshot_date = lists::DateInText(file_label);
  for (size_t i = 1; i < rows.size(); ++i) {
    const lists::CsvRecord& row = rows[i];
    const uint64_t offset = row.offset + bom;
    if (row.unterminated || (row.at_eof_without_newline && row.fields.size() < header.size())) {
      out.quarantined.push_back({row.line, offset,
                                 "record cut off at the end of the file (" +
                                     std::to_string(row.fields.size()) + " of " +
                                     std::to_string(header.size()) + " columns)"});
      continue;
    }
    if (row.fields.size() != header.size()) {
      return Status::InvalidArgument(lists::Where(file_label, row.line, offset) + ": record has " +
                                     std::to_string(row.fields.size()) + " columns, header has " +
                                     std::to_string(header.size()));
    }
    const std::vector<std::string>& f = row.fields;
    if (f[c.source] == "source" && f[c.name] == "name") {
      continue;  // the header line repeated
    }
    ListRecord r;
    r.line = row.line;
    r.offset = offset;
    r.list_name = lists::CleanText(f[c.source]);
    r.list_code = lists::CslListCode(r.list_name);
    r.name = lists::CleanText(f[c.name]);
    if (r.name.empty() || r.list_name.empty()) {
      out.quarantined.push_back({row.line, offset, "record without a name or source list"});
      continue;
    }
    r.entity_type = lists::MapEntityType(f[c.type]);
    r.programs = lists::SplitClean(f[c.programs], ";");
    r.addresses = lists::SplitClean(f[c.addresses], ";");
    r.aliases = lists::SplitClean(f[c.alt], ";");
    r.identifiers = lists::SplitClean(f[c.ids], ";");
    r.license_requirement = lists::CleanText(f[c.lr]);
    r.license_policy = lists::CleanText(f[c.lp]);
    r.remarks = lists::CleanText(f[c.remarks]);
    r.source_url = lists::CleanText(f[c.url]);
    r.start_date = lists::ParseIsoDate(lists::CleanText(f[c.start]));
    r.end_date = lists::ParseIsoDate(lists::CleanText(f[c.end]));
    lists::AddFrCitations(f[c.fr], &r);
    for (const std::string& a : r.addresses) {
      r.country = lists::CountryFromCslAddress(a);
      if (!r.country.empty()) {
        break;
      }
    }
    for (int col : {c.nationalities, c.citizenships}) {
      if (r.country.empty() && col >= 0) {
        std::vector<std::string> n = lists::SplitClean(f[col], ";");
        r.country = n.empty() ? "" : lists::CountryToIso(n.front());
      }
    }
    std::string id = c.id >= 0 ? lists::CleanText(f[c.id]) : "";
    if (id.empty()) {
      id = lists::CleanText(f[c.number]);
    }
    r.record_id = !id.empty() ? id : lists::StableId(r.list_code, {r.name, r.country});
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

}  // namespace ecg::ingest
