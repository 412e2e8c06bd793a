// The raw trade.gov CSL CSV (29 columns with `_id`, or the older 28 without).
#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"
#include "ingest/util/country_codes.h"
#include "ingest/util/csv.h"
#include "ingest/util/dates.h"
#include "ingest/util/fields.h"
#include "ingest/util/location.h"

#include "text/ascii.h"

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
  ECG_RETURN_IF_ERROR(util::ValidateUtf8(bytes, file_label));
  const size_t bom = bytes.size() - text::StripBom(bytes).size();
  ECG_ASSIGN_OR_RETURN(std::vector<util::CsvRecord> rows,
                       util::ReadCsv(text::StripBom(bytes), file_label));
  if (rows.empty()) {
    return Status::InvalidArgument(util::Where(file_label, 1, 0) + ": empty CSL CSV file");
  }
  const std::vector<std::string>& header = rows.front().fields;
  for (std::string_view col : kRequired) {
    if (util::ColumnIndex(header, col) < 0) {
      return Status::InvalidArgument(util::Where(file_label, 1, 0) +
                                     ": not a CSL CSV header: column `" + std::string(col) +
                                     "` is missing");
    }
  }
  Columns c;
  c.id = util::ColumnIndex(header, "_id");
  c.source = util::ColumnIndex(header, "source");
  c.number = util::ColumnIndex(header, "entity_number");
  c.type = util::ColumnIndex(header, "type");
  c.programs = util::ColumnIndex(header, "programs");
  c.name = util::ColumnIndex(header, "name");
  c.addresses = util::ColumnIndex(header, "addresses");
  c.start = util::ColumnIndex(header, "start_date");
  c.end = util::ColumnIndex(header, "end_date");
  c.remarks = util::ColumnIndex(header, "remarks");
  c.fr = util::ColumnIndex(header, "federal_register_notice");
  c.alt = util::ColumnIndex(header, "alt_names");
  c.lr = util::ColumnIndex(header, "license_requirement");
  c.lp = util::ColumnIndex(header, "license_policy");
  c.url = util::ColumnIndex(header, "source_list_url");
  c.ids = util::ColumnIndex(header, "ids");
  c.citizenships = util::ColumnIndex(header, "citizenships");
  c.nationalities = util::ColumnIndex(header, "nationalities");

  ParsedList out;
  out.format = "csl-csv";
  out.snapshot_date = util::DateInText(file_label);
  for (size_t i = 1; i < rows.size(); ++i) {
    const util::CsvRecord& row = rows[i];
    const uint64_t offset = row.offset + bom;
    if (row.unterminated || (row.at_eof_without_newline && row.fields.size() < header.size())) {
      out.quarantined.push_back({row.line, offset,
                                 "record cut off at the end of the file (" +
                                     std::to_string(row.fields.size()) + " of " +
                                     std::to_string(header.size()) + " columns)"});
      continue;
    }
    if (row.fields.size() != header.size()) {
      return Status::InvalidArgument(util::Where(file_label, row.line, offset) + ": record has " +
                                     std::to_string(row.fields.size()) + " columns, header has " +
                                     std::to_string(header.size()));
    }
    const std::vector<std::string>& f = row.fields;
    if (f[c.source] == "source" && f[c.name] == "name") {
      continue;  // the header line repeated
    }
    if (std::string why = util::SuspectBytes(row, header); !why.empty()) {
      out.quarantined.push_back({row.line, offset, std::move(why)});
      continue;
    }
    ListRecord r;
    r.line = row.line;
    r.offset = offset;
    r.list_name = util::CleanText(f[c.source]);
    r.list_code = lists::CslListCode(r.list_name);
    r.name = util::CleanText(f[c.name]);
    if (r.name.empty() || r.list_name.empty()) {
      out.quarantined.push_back({row.line, offset, "record without a name or source list"});
      continue;
    }
    r.entity_type = lists::MapEntityType(f[c.type]);
    r.programs = util::SplitClean(f[c.programs], ";");
    r.addresses = util::SplitClean(f[c.addresses], ";");
    r.aliases = util::SplitClean(f[c.alt], ";");
    r.identifiers = util::SplitClean(f[c.ids], ";");
    r.license_requirement = util::CleanText(f[c.lr]);
    r.license_policy = util::CleanText(f[c.lp]);
    r.remarks = util::CleanText(f[c.remarks]);
    r.source_url = util::CleanText(f[c.url]);
    r.start_date = util::ParseIsoDate(util::CleanText(f[c.start]));
    r.end_date = util::ParseIsoDate(util::CleanText(f[c.end]));
    lists::AddFrCitations(f[c.fr], &r);
    for (const std::string& a : r.addresses) {
      std::string code = util::CountryFromCslAddress(a);
      if (r.country.empty()) {
        r.country = std::move(code);
      } else {
        lists::AddOtherCountry(code, &r);
      }
    }
    for (int col : {c.nationalities, c.citizenships}) {
      if (r.country.empty() && col >= 0) {
        std::vector<std::string> n = util::SplitClean(f[col], ";");
        r.country = n.empty() ? "" : util::CountryToIso(n.front());
      }
    }
    std::string id = c.id >= 0 ? util::CleanText(f[c.id]) : "";
    if (id.empty()) {
      id = util::CleanText(f[c.number]);
    }
    r.record_id = !id.empty() ? id : lists::StableId(r.list_code, {r.name, r.country});
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

}  // namespace ecg::ingest
