// China's lists: OpenSanctions' China sanctions CSV and the MOFCOM list JSON (cn.json).
#include "ingest/lists/cn_names.h"
#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"
#include "ingest/util/country_codes.h"
#include "ingest/util/csv.h"
#include "ingest/util/dates.h"
#include "ingest/util/fields.h"
#include "ingest/util/json.h"
#include "ingest/util/location.h"

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

// The column lookups have the shape of every CSV list parser's (util::CsvTable
// does the reading); each format names its own columns.
Result<ParsedList> ParseCnSanctionsCsv(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(
      util::CsvTable t,
      util::ReadCsvTable(bytes, file_label,
                         {"Type", "QID", "Name", "Alias", "Chinese name", "Country", "Summary",
                          "Body", "List", "Date", "End date", "Source URL"},
                         "China sanctions CSV"));
  ParsedList out;
  out.format = "cn-sanctions-csv";
  out.snapshot_date = util::DateInText(file_label);
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
  for (const util::CsvRecord& row : t.rows) {
    const std::vector<std::string>& f = row.fields;
    ListRecord r;
    r.line = row.line;
    r.offset = row.offset;
    const CnList l = ClassifyCsvList(util::CleanText(f[list]), util::CleanText(f[body]));
    r.list_code = l.code;
    r.list_name = l.name;
    r.name = util::CleanText(f[name]);
    const std::string chinese = util::CleanText(f[zh]);
    if (r.name.empty()) {
      r.name = chinese;
    }
    if (r.name.empty()) {
      out.quarantined.push_back({row.line, row.offset, "row without a name"});
      continue;
    }
    r.aliases = util::SplitClean(f[alias], ";");
    if (!chinese.empty() && chinese != r.name) {
      r.aliases.push_back(chinese);
    }
    r.entity_type = lists::MapEntityType(f[type]);
    r.country = util::CountryToIso(f[country]);
    if (std::string q = util::CleanText(f[qid]); !q.empty()) {
      r.identifiers.push_back("Wikidata QID, " + q);
    }
    r.remarks = util::CleanText(f[summary]);
    if (zh_summary >= 0 && !util::CleanText(f[zh_summary]).empty()) {
      r.remarks += (r.remarks.empty() ? "" : "\n") + util::CleanText(f[zh_summary]);
    }
    if (address >= 0) {
      r.addresses = util::SplitClean(f[address], ";");
    }
    r.source_url = util::CleanText(f[url]);
    const std::string start_text = util::CleanText(f[date]);
    const std::string end_text = util::CleanText(f[end]);
    r.start_date = util::ParseDayFirstDate(start_text);
    r.end_date = util::ParseDayFirstDate(end_text);
    if ((!start_text.empty() && !r.start_date) || (!end_text.empty() && !r.end_date)) {
      out.quarantined.push_back(
          {row.line, row.offset,
           "unreadable day-first date '" + start_text + "' / '" + end_text + "'"});
      continue;
    }
    r.record_id = lists::StableId(r.list_code, {r.name, chinese});
    // Each announcement is an edition: one party may be listed again later,
    // or by another ministry the same day.
    r.edition = r.source_url.empty() ? start_text : r.source_url;
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

// The opening has the shape of every JSON list parser's (ParseJson, the
// format's own top-level members, an error that names them); what is checked
// is each format's own, so only ParseJson and Where are shared.
Result<ParsedList> ParseCnJson(std::string_view bytes, std::string_view file_label) {
  util::JsonDoc doc;
  ECG_RETURN_IF_ERROR(util::ParseJson(bytes, file_label, &doc));
  simdjson::dom::array arr;
  if (doc.root.get(arr) != simdjson::SUCCESS) {
    return Status::InvalidArgument(util::Where(file_label, 1, 0) +
                                   ": not a cn.json list file (expected a JSON array)");
  }
  ParsedList out;
  out.format = "cn-json";
  util::ForEachJsonRecord(doc, arr, "", &out.quarantined, [&](const util::JsonRecord& rec) {
    const simdjson::dom::object e = rec.object;
    ListRecord r;
    r.line = rec.line;
    r.offset = rec.offset;
    const CnList l =
        ClassifyJsonList(util::GetString(e, "list_id"), util::GetString(e, "source_list_name"));
    r.list_code = l.code;
    r.list_name = l.name;
    r.record_id = util::GetString(e, "id");
    r.name = util::GetString(e, "entity_name");
    if (r.name.empty() || r.record_id.empty()) {
      out.quarantined.push_back(rec.Quarantine("no `entity_name` or `id`"));
      return;
    }
    lists::CnName parts = lists::SplitCnEntityName(r.name);
    r.name = std::move(parts.name);
    r.aliases = std::move(parts.aliases);
    for (std::string& a : util::GetStringArray(e, "aliases")) {
      r.aliases.push_back(std::move(a));
    }
    r.addresses = util::GetStringArray(e, "addresses");
    r.entity_type = lists::MapEntityType(util::GetString(e, "entity_type"));
    // `country` is the listing government; the entity's comes from its address.
    for (const std::string& a : r.addresses) {
      r.country = util::CountryFromChineseAddress(a);
      if (!r.country.empty()) {
        break;
      }
    }
    if (r.country.empty()) {
      r.country = parts.country;
    }
    const std::string added = util::GetString(e, "date_added");
    r.start_date = util::ParseIsoDate(added);
    r.remarks = util::GetString(e, "reason");
    if (!parts.group_note.empty()) {
      r.remarks = parts.group_note + (r.remarks.empty() ? "" : "\n" + r.remarks);
    }
    r.source_url = util::GetString(e, "source_url");
    r.edition = r.source_url.empty() ? added : r.source_url;  // one announcement
    if (auto verified = util::ParseIsoDate(util::GetString(e, "last_verified"))) {
      if (!out.snapshot_date || *out.snapshot_date < *verified) {
        out.snapshot_date = verified;
      }
    }
    out.records.push_back(std::move(r));
  });
  lists::DisambiguateIds(&out.records);
  return out;
}

}  // namespace ecg::ingest
