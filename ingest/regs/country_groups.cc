#include "ingest/regs/country_groups.h"

#include <algorithm>
#include <map>
#include <utility>

#include <simdjson.h>

#include "ingest/util/country_codes.h"
#include "ingest/util/json.h"

namespace ecg::ingest {
namespace {

using util::GetRawString;

// Parses a country table file: `body` is the root's object member `member`
// (an error naming the file and `what` when there is none); `table` gets the
// citation and eCFR issue date that both table files carry.
Status OpenCountryTable(std::string_view bytes, std::string_view file_name, const char* member,
                        std::string_view what, util::JsonDoc* doc, simdjson::dom::object* body,
                        CountryTable* table) {
  ECG_RETURN_IF_ERROR(util::ParseJson(bytes, file_name, doc));
  if (doc->root[member].get_object().get(*body) != simdjson::SUCCESS) {
    return Status::InvalidArgument(std::string(file_name) + ": not a " + std::string(what) +
                                   " file: no \"" + member + "\" object");
  }
  table->citation = GetRawString(doc->root, "citation");
  table->ecfr_issue_date = GetRawString(doc->root, "ecfrIssueDate");
  return Status::OK();
}

std::vector<CountryRecord> SortedRecords(std::map<std::string, CountryRecord> by_name) {
  std::vector<CountryRecord> out;
  for (auto& [name, rec] : by_name) {
    std::sort(rec.groups.begin(), rec.groups.end());
    out.push_back(std::move(rec));
  }
  return out;
}

CountryRecord& RecordFor(std::map<std::string, CountryRecord>* by_name, std::string_view name) {
  auto [it, inserted] = by_name->try_emplace(std::string(name));
  if (inserted) {
    it->second.name = std::string(name);
    it->second.iso2 = EarCountryIso(name);
  }
  return it->second;
}

}  // namespace

std::string EarCountryIso(std::string_view name) {
  // EAR spellings that ICU's English display names do not cover.
  static const std::map<std::string_view, std::string_view> kOverrides = {
      {"China (PRC)", "CN"},
      {"China", "CN"},
      {"Macau", "MO"},
      {"Burma", "MM"},
      {"Korea, South", "KR"},
      {"Korea, North", "KP"},
      {"Congo (Democratic Republic of)", "CD"},
      {"Congo (Republic of the)", "CG"},
      {"South Sudan, Republic of", "SS"},
      {"Türkiye", "TR"},
      {"Laos", "LA"},
      {"Russia", "RU"},
      {"Vietnam", "VN"},
      {"Syria", "SY"},
      {"Iran", "IR"},
      {"Cote d'Ivoire", "CI"},
      {"Micronesia (Federated States of)", "FM"},
      {"Micronesia (Federated State of)", "FM"},
      {"Micronesia, Federated States of", "FM"},
      {"Congo (Democratic Republic of the)", "CD"},
      {"Cote d'lvoire", "CI"},  // sic: a lower-case L in the eCFR table
      {"Seycheles", "SC"},      // sic
      {"Sint Maarten (the Dutch two-fifths of the island of Saint Martin)", "SX"},
      {"Macedonia, The Former Yugoslav Republic of", "MK"},
      {"North Macedonia", "MK"},
      {"Bahamas, The", "BS"},
      {"Gambia, The", "GM"},
      {"Eswatini", "SZ"},
      {"Holy See", "VA"},
      {"Saint Vincent and the Grenadines", "VC"},
      {"St. Vincent and the Grenadines", "VC"},
      {"Sao Tome and Principe", "ST"},
      {"Sao Tome & Principe", "ST"},
  };
  auto it = kOverrides.find(name);
  if (it != kOverrides.end()) {
    return std::string(it->second);
  }
  std::string iso = util::CountryToIso(name);
  if (!iso.empty()) {
    return iso;
  }
  // ICU writes "&" and "St." where the EAR writes "and" and "Saint".
  std::string alt(name);
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{" and ", " & "},
                          {"Saint ", "St. "},
                          {"St. ", "Saint "}}) {
    size_t pos = alt.find(from);
    if (pos != std::string::npos) {
      std::string candidate = alt;
      candidate.replace(pos, from.size(), to);
      iso = util::CountryToIso(candidate);
      if (!iso.empty()) {
        return iso;
      }
      alt = candidate;
      iso = util::CountryToIso(alt);
      if (!iso.empty()) {
        return iso;
      }
    }
  }
  return "";
}

// Opens its file as ParseCountryChart does; OpenCountryTable holds what they share.
Result<CountryTable> ParseCountryGroups(std::string_view bytes, std::string_view file_name) {
  util::JsonDoc doc;
  simdjson::dom::object groups;
  CountryTable table;
  ECG_RETURN_IF_ERROR(
      OpenCountryTable(bytes, file_name, "groups", "country-groups", &doc, &groups, &table));
  simdjson::dom::element labels;
  bool has_labels = doc.root["labels"].get(labels) == simdjson::SUCCESS;
  std::map<std::string, CountryRecord> by_name;
  for (auto [code, members] : groups) {
    CountryGroup group{std::string(code), has_labels ? GetRawString(labels, code) : ""};
    table.groups.push_back(group);
    simdjson::dom::array arr;
    if (members.get_array().get(arr) != simdjson::SUCCESS) {
      return Status::InvalidArgument(std::string(file_name) + ": groups[\"" + group.code +
                                     "\"] is not an array");
    }
    for (simdjson::dom::element m : arr) {
      std::string_view country;
      if (m.get_string().get(country) == simdjson::SUCCESS) {
        RecordFor(&by_name, country).groups.push_back(group.code);
      }
    }
  }
  table.countries = SortedRecords(std::move(by_name));
  return table;
}

Result<CountryTable> ParseCountryChart(std::string_view bytes, std::string_view file_name) {
  util::JsonDoc doc;
  simdjson::dom::object countries;
  CountryTable table;
  ECG_RETURN_IF_ERROR(
      OpenCountryTable(bytes, file_name, "countries", "country-chart", &doc, &countries, &table));
  std::map<std::string, CountryRecord> by_name;
  auto read_footnotes = [](simdjson::dom::element row, CountryRecord* rec) {
    simdjson::dom::array notes;
    if (row["footnotes"].get_array().get(notes) == simdjson::SUCCESS) {
      for (simdjson::dom::element n : notes) {
        int64_t v = 0;
        if (n.get_int64().get(v) == simdjson::SUCCESS) {
          rec->footnotes.push_back(static_cast<int>(v));
        }
      }
    }
  };
  for (auto [name, row] : countries) {
    CountryRecord& rec = RecordFor(&by_name, name);
    rec.marks = util::GetRawStringArray(row, "marks");
    read_footnotes(row, &rec);
  }
  simdjson::dom::object embargoed;
  if (doc.root["embargoed"].get_object().get(embargoed) == simdjson::SUCCESS) {
    for (auto [name, row] : embargoed) {
      CountryRecord& rec = RecordFor(&by_name, name);
      rec.embargoed = true;
      read_footnotes(row, &rec);
    }
  }
  table.countries = SortedRecords(std::move(by_name));
  return table;
}

}  // namespace ecg::ingest
