// OpenSanctions' hand-kept US source CSVs: Section 1260H, BIS MIEU, FCC Covered List.
#include <map>

#include <re2/re2.h>

#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"
#include "ingest/util/country_codes.h"
#include "ingest/util/csv.h"
#include "ingest/util/dates.h"
#include "ingest/util/fields.h"

namespace ecg::ingest {
namespace {

// "360 Security Technology Inc. (Qihoo 360)*" -> "360 Security Technology Inc. (Qihoo 360)".
std::string WithoutFootnoteMarks(std::string_view name) {
  std::string s = util::CleanText(name);
  while (!s.empty() && s.back() == '*') {
    s.pop_back();
  }
  return util::CleanText(s);
}

ListRecord NewRecord(const util::CsvRecord& row, std::string_view code, std::string_view name) {
  ListRecord r;
  r.list_code = std::string(code);
  r.list_name = std::string(name);
  r.line = row.line;
  r.offset = row.offset;
  return r;
}

// The 1260H file is the list's history: one row per party and yearly list.
// A yearly list replaces the one before, so a row without an end date ends
// where the next list begins (the party goes on under its row of that list,
// or is gone from it).
void EndSupersededEditions(std::vector<ListRecord>* records) {
  std::map<Date, int> editions;
  for (const ListRecord& r : *records) {
    if (r.start_date) {
      editions[*r.start_date] = 0;
    }
  }
  for (ListRecord& r : *records) {
    if (!r.start_date || r.end_date) {
      continue;
    }
    auto next = editions.upper_bound(*r.start_date);
    if (next != editions.end()) {
      r.end_date = next->first;
    }
  }
}

}  // namespace

Result<ParsedList> ParseOs1260hCsv(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(
      util::CsvTable t,
      util::ReadCsvTable(bytes, file_label,
                         {"Name", "Clean Name", "Alias", "Previous Name", "Parent Name", "Note",
                          "Start date", "End date", "Source Url"},
                         "Section 1260H CSV"));
  ParsedList out;
  out.format = "os-1260h-csv";
  out.quarantined = std::move(t.quarantined);
  const int name = t.Col("Name");
  const int clean = t.Col("Clean Name");
  const int alias = t.Col("Alias");
  const int previous = t.Col("Previous Name");
  const int parent = t.Col("Parent Name");
  const int note = t.Col("Note");
  const int start = t.Col("Start date");
  const int end = t.Col("End date");
  const int url = t.Col("Source Url");
  for (const util::CsvRecord& row : t.rows) {
    const std::vector<std::string>& f = row.fields;
    ListRecord r = NewRecord(row, "1260H", "Section 1260H List (Chinese Military Companies)");
    r.name = util::CleanText(f[clean]);
    if (r.name.empty()) {
      r.name = WithoutFootnoteMarks(f[name]);
    }
    if (r.name.empty()) {
      out.quarantined.push_back({row.line, row.offset, "row without a name"});
      continue;
    }
    r.entity_type = "company";
    r.aliases = util::SplitClean(f[alias], ";");
    r.previous_names = util::SplitClean(f[previous], ";");
    r.parent_name = util::CleanText(f[parent]);
    r.remarks = util::CleanText(f[note]);
    lists::AddFrCitations(r.remarks, &r);
    r.start_date = util::ParseIsoDate(util::CleanText(f[start]));
    r.end_date = util::ParseIsoDate(util::CleanText(f[end]));
    if ((!util::CleanText(f[start]).empty() && !r.start_date) ||
        (!util::CleanText(f[end]).empty() && !r.end_date)) {
      out.quarantined.push_back({row.line, row.offset, "unreadable start or end date"});
      continue;
    }
    r.source_url = util::CleanText(f[url]);
    r.record_id = lists::StableId("1260H", {r.name, util::CleanText(f[start])});
    r.edition = util::CleanText(f[start]);  // one row per party and yearly list
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  EndSupersededEditions(&out.records);
  return out;
}

// The column lookups and the row loop have the shape of ParseOs1260hCsv's (and
// of every CSV list parser's): each format names its own columns and fields.
Result<ParsedList> ParseOsMieuCsv(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(util::CsvTable t,
                       util::ReadCsvTable(bytes, file_label,
                                          {"Type", "Name", "Alias", "Country", "Program", "Date",
                                           "End date", "Source URL"},
                                          "BIS MIEU CSV"));
  ParsedList out;
  out.format = "os-mieu-csv";
  out.quarantined = std::move(t.quarantined);
  const int type = t.Col("Type");
  const int name = t.Col("Name");
  const int alias = t.Col("Alias");
  const int country = t.Col("Country");
  const int program = t.Col("Program");
  const int date = t.Col("Date");
  const int end = t.Col("End date");
  const int url = t.Col("Source URL");
  for (const util::CsvRecord& row : t.rows) {
    const std::vector<std::string>& f = row.fields;
    ListRecord r = NewRecord(row, "MIEU", "Military-Intelligence End User (MIEU) List");
    r.name = util::CleanText(f[name]);
    if (r.name.empty()) {
      out.quarantined.push_back({row.line, row.offset, "row without a name"});
      continue;
    }
    r.entity_type = lists::MapEntityType(f[type]);
    r.aliases = util::SplitClean(f[alias], ";");
    r.country = util::CountryToIso(f[country]);
    r.programs = util::SplitClean(f[program], ";");
    r.start_date = util::ParseIsoDate(util::CleanText(f[date]));
    r.end_date = util::ParseIsoDate(util::CleanText(f[end]));
    r.source_url = util::CleanText(f[url]);
    r.record_id = lists::StableId("MIEU", {r.name, r.country});
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

Result<ParsedList> ParseFccCoveredCsv(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(util::CsvTable t, util::ReadCsvTable(bytes, file_label,
                                                            {"covered_equipment_or_services",
                                                             "date_of_inclusion_on_covered_list"},
                                                            "FCC Covered List CSV"));
  ParsedList out;
  out.format = "fcc-covered-csv";
  out.quarantined = std::move(t.quarantined);
  const int what = t.Col("covered_equipment_or_services");
  const int date = t.Col("date_of_inclusion_on_covered_list");
  // "... produced by Huawei Technologies Company, including ...",
  // "... provided by China Telecom (Americas) Corp. subject to section 214 ...",
  // "... supplied, directly or indirectly, by AO Kaspersky Lab or any of its ...".
  static const RE2 kBy(
      R"((?:produced|provided|supplied)(?:,? directly or indirectly,)? by (.+?))"
      R"((?:,? including|,? to the extent| or any of| and its|,? subject to|\.?$))");
  for (const util::CsvRecord& row : t.rows) {
    const std::vector<std::string>& f = row.fields;
    ListRecord r = NewRecord(row, "FCC", "FCC Covered List");
    r.remarks = util::CleanText(f[what]);
    std::string name;
    if (!RE2::PartialMatch(r.remarks, kBy, &name) || name.rfind("such ", 0) == 0) {
      out.quarantined.push_back(
          {row.line, row.offset, "covers a product category, names no entity"});
      continue;
    }
    r.name = util::CleanText(name);
    r.entity_type = "company";
    r.start_date = util::ParseEnglishDate(util::CleanText(f[date]));
    r.record_id = lists::StableId("FCC", {r.name, util::CleanText(f[date])});
    r.edition = util::CleanText(f[date]);  // one row per party and addition
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

}  // namespace ecg::ingest
