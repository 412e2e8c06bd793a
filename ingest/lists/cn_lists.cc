// China's lists: OpenSanctions' China sanctions CSV and the MOFCOM list JSON (cn.json).
#include "ingest/lists/cn_names.h"
#include "ingest/lists/country_codes.h"
#include "ingest/lists/csv_reader.h"
#include "ingest/lists/json_util.h"
#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"

namespace ecg::ingest {
namespace {

struct CnList {
  std::string code;
  std::string name;
};

// The CSV's `List` column (and `Body` when it is empty) to our list codes.
CnList ClassifyCsvList(std::string_view list, std::string_view body) {
  if (list == "UEL") {
    return {"CN-UEL", "Unreliable Entity List (不可靠实体清单)"};
  }
  if (list == "List of Export Controls") {
    return {"CN-ECL", "Export Control Control List (出口管制管控名单)"};
  }
  if (list == "Export Control Watch List") {
    return {"CN-WATCH", "Export Control Watch List (关注名单)"};
  }
  if (list == "AFSL") {
    return {"CN-AFSL", "Anti-Foreign Sanctions Law countermeasures"};
  }
  if (list.find("Taiwan") != std::string_view::npos) {
    return {"CN-TWI", std::string(list)};
  }
  if (!list.empty()) {
    return {"CN-CM", std::string(list)};
  }
  return {"CN-CM", body.empty() ? std::string("Countermeasures")
                                : "Countermeasures (" + std::string(body) + ")"};
}

// cn.json's list_id to our list codes.
CnList ClassifyJsonList(std::string_view list_id, std::string_view source_name) {
  if (list_id == "cn-unreliable-entity-list") {
    return {"CN-UEL", std::string(source_name)};
  }
  if (list_id == "cn-export-control-watchlist") {
    // 出口管制管控名单: MOFCOM's export control control list.
    return {"CN-ECL", std::string(source_name)};
  }
  if (list_id == "cn-attention-list") {
    return {"CN-WATCH", std::string(source_name)};
  }
  return {"CN-OTHER", std::string(source_name.empty() ? list_id : source_name)};
}

}  // namespace

Result<ParsedList> ParseCnSanctionsCsv(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(
      lists::CsvTable t,
      lists::ReadCsvTable(bytes, file_label,
                          {"Type", "QID", "Name", "Alias", "Chinese name", "Country", "Summary",
                           "Body", "List", "Date", "End date", "Source URL"},
                          "China sanctions CSV"));
  ParsedList out;
  out.format = "cn-sanctions-csv";
  out.snapshot_date = lists::DateInText(file_label);
  out.quarantined = std::move(t.quarantined);
  const int type = t.Col("Type");
  const int qid = t.Col("QID");
  const int name = t.Col("Name");
  const int alias = t.Col("Alias");
  const int zh = t.Col("Chinese name");
  const int country = t.Col("Country");
  const int summary = t.Col("Summary");
  const int zh_summary = t.Col("Chinese summary");
  const int body = t.Col("Body");
  const int list = t.Col("List");
  const int date = t.Col("Date");
  const int end = t.Col("End date");
  const int url = t.Col("Source URL");
  const int address = t.Col("Address");  // only in later versions
  for (const lists::CsvRecord& row : t.rows) {
    const std::vector<std::string>& f = row.fields;
    ListRecord r;
    r.line = row.line;
    r.offset = row.offset;
    const CnList l = ClassifyCsvList(lists::CleanText(f[list]), lists::CleanText(f[body]));
    r.list_code = l.code;
    r.list_name = l.name;
    r.name = lists::CleanText(f[name]);
    const std::string chinese = lists::CleanText(f[zh]);
    if (r.name.empty()) {
      r.name = chinese;
    }
    if (r.name.empty()) {
      out.quarantined.push_back({row.line, row.offset, "row without a name"});
      continue;
    }
    r.aliases = lists::SplitClean(f[alias], ";");
    if (!chinese.empty() && chinese != r.name) {
      r.aliases.push_back(chinese);
    }
    r.entity_type = lists::MapEntityType(f[type]);
    r.country = lists::CountryToIso(f[country]);
    if (std::string q = lists::CleanText(f[qid]); !q.empty()) {
      r.identifiers.push_back("Wikidata QID, " + q);
    }
    r.remarks = lists::CleanText(f[summary]);
    if (zh_summary >= 0 && !lists::CleanText(f[zh_summary]).empty()) {
      r.remarks += (r.remarks.empty() ? "" : "\n") + lists::CleanText(f[zh_summary]);
    }
    if (address >= 0) {
      r.addresses = lists::SplitClean(f[address], ";");
    }
    r.source_url = lists::CleanText(f[url]);
    const std::string start_text = lists::CleanText(f[date]);
    const std::string end_text = lists::CleanText(f[end]);
    r.start_date = lists::ParseDayFirstDate(start_text);
    r.end_date = lists::ParseDayFirstDate(end_text);
    if ((!start_text.empty() && !r.start_date) || (!end_text.empty() && !r.end_date)) {
      out.quarantined.push_back(
          {row.line, row.offset,
           "unreadable day-first date '" + start_text + "' / '" + end_text + "'"});
      continue;
    }
    r.record_id = lists::StableId(r.list_code, {r.name, chinese});
    // Each announcement is an edition: one party may be listed again later.
    r.edition = start_text;
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

Result<ParsedList> ParseCnJson(std::string_view bytes, std::string_view file_label) {
  ECG_RETURN_IF_ERROR(lists::ValidateUtf8(bytes, file_label));
  lists::JsonDoc doc;
  ECG_RETURN_IF_ERROR(lists::ParseJson(bytes, file_label, &doc));
  simdjson::dom::array arr;
  if (doc.root.get(arr) != simdjson::SUCCESS) {
    return Status::InvalidArgument(lists::Where(file_label, 1, 0) +
                                   ": not a cn.json list file (expected a JSON array)");
  }
  ParsedList out;
  out.format = "cn-json";
  const std::vector<uint64_t> offsets = lists::ArrayElementOffsets(doc, "");
  lists::LineIndex lines(lists::StripBom(bytes));
  size_t index = 0;
  for (simdjson::dom::element el : arr) {
    const uint64_t offset = index < offsets.size() ? offsets[index] : 0;
    const uint64_t line = offsets.empty() ? 0 : lines.LineOf(offset);
    const std::string where = "[" + std::to_string(index) + "]";
    ++index;
    simdjson::dom::object e;
    if (el.get(e) != simdjson::SUCCESS) {
      out.quarantined.push_back({line, offset, where + ": not an object"});
      continue;
    }
    ListRecord r;
    r.line = line;
    r.offset = offset;
    const CnList l =
        ClassifyJsonList(lists::GetString(e, "list_id"), lists::GetString(e, "source_list_name"));
    r.list_code = l.code;
    r.list_name = l.name;
    r.record_id = lists::GetString(e, "id");
    r.name = lists::GetString(e, "entity_name");
    if (r.name.empty() || r.record_id.empty()) {
      out.quarantined.push_back({line, offset, where + ": no `entity_name` or `id`"});
      continue;
    }
    lists::CnName parts = lists::SplitCnEntityName(r.name);
    r.name = std::move(parts.name);
    r.aliases = std::move(parts.aliases);
    for (std::string& a : lists::GetStringArray(e, "aliases")) {
      r.aliases.push_back(std::move(a));
    }
    r.addresses = lists::GetStringArray(e, "addresses");
    r.entity_type = lists::MapEntityType(lists::GetString(e, "entity_type"));
    // `country` is the listing government; the entity's comes from its address.
    for (const std::string& a : r.addresses) {
      r.country = lists::CountryFromChineseAddress(a);
      if (!r.country.empty()) {
        break;
      }
    }
    if (r.country.empty()) {
      r.country = parts.country;
    }
    r.edition = lists::GetString(e, "date_added");  // one announcement
    r.start_date = lists::ParseIsoDate(r.edition);
    r.remarks = lists::GetString(e, "reason");
    if (!parts.group_note.empty()) {
      r.remarks = parts.group_note + (r.remarks.empty() ? "" : "\n" + r.remarks);
    }
    r.source_url = lists::GetString(e, "source_url");
    if (auto verified = lists::ParseIsoDate(lists::GetString(e, "last_verified"))) {
      if (!out.snapshot_date || *out.snapshot_date < *verified) {
        out.snapshot_date = verified;
      }
    }
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

}  // namespace ecg::ingest
