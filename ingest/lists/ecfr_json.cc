// The eCFR-derived list JSON files (Entity List, MEU, 1260H, NS-CMIC) and the
// lists.json metadata beside them.
#include <re2/re2.h>

#include "ingest/lists/country_codes.h"
#include "ingest/lists/fr_citation.h"
#include "ingest/lists/json_util.h"
#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"

namespace ecg::ingest {
namespace {

struct KnownList {
  std::string_view source_id;
  std::string_view code;
  std::string_view name;
};

// The source's list ids that our short codes cover.
constexpr KnownList kKnownLists[] = {
    {"bis-entity-list", "EL", "Entity List"},
    {"bis-meu", "MEU", "Military End-User (MEU) List"},
    {"bis-dpl", "DPL", "Denied Persons List"},
    {"dow-1260h", "1260H", "Section 1260H List (Chinese Military Companies)"},
    {"dow-1286", "1286", "Section 1286 List (Academic Institutions)"},
    {"ofac-nscmic", "NSCMIC", "Non-SDN Chinese Military-Industrial Complex Companies List"},
    {"ofac-eo14032", "EO14032", "E.O. 14032 Annex"},
    {"state-nonproliferation", "ISN", "Nonproliferation Sanctions"},
    {"fcc-covered", "FCC", "FCC Covered List"},
    {"dhs-uflpa", "UFLPA", "UFLPA Entity List"},
};

const KnownList* FindKnown(std::string_view source_id) {
  for (const KnownList& k : kKnownLists) {
    if (k.source_id == source_id) {
      return &k;
    }
  }
  return nullptr;
}

// "bis-entity-list" -> "EL"; unknown ids upper-cased ("cbp-wro" -> "CBP-WRO").
std::string CodeFor(std::string_view source_id) {
  if (const KnownList* k = FindKnown(source_id)) {
    return std::string(k->code);
  }
  std::string up;
  for (char c : source_id) {
    up.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  return up;
}

// NS-CMIC notes: "Target Type: ...; Listing Date (CMIC): 03 Jun 2021; USCC: 9144... (China);
// Program: CMIC-EO13959".
void ReadKeyedNotes(const std::string& notes, ListRecord* r) {
  for (const std::string& part : lists::SplitClean(notes, ";")) {
    const size_t colon = part.find(": ");
    if (colon == std::string::npos) {
      continue;
    }
    const std::string key = part.substr(0, colon);
    const std::string value = lists::CleanText(part.substr(colon + 2));
    if (key == "Program") {
      for (std::string& p : lists::SplitClean(value, ",")) {
        r->programs.push_back(std::move(p));
      }
    } else if (key == "USCC" || key.find("Registration") != std::string::npos ||
               key.find("ID") != std::string::npos) {
      r->identifiers.push_back(key + ", " + value);
    }
  }
}

}  // namespace

Result<ParsedList> ParseEcfrListJson(std::string_view bytes, std::string_view file_label) {
  ECG_RETURN_IF_ERROR(lists::ValidateUtf8(bytes, file_label));
  lists::JsonDoc doc;
  ECG_RETURN_IF_ERROR(lists::ParseJson(bytes, file_label, &doc));
  simdjson::dom::object root;
  simdjson::dom::array entities;
  if (doc.root.get(root) != simdjson::SUCCESS ||
      root["entities"].get(entities) != simdjson::SUCCESS) {
    return Status::InvalidArgument(lists::Where(file_label, 1, 0) +
                                   ": not an eCFR list file (needs `entities[]`)");
  }
  const std::string source_id = lists::GetString(root, "list_id");
  ParsedList out;
  out.format = "ecfr-list-json";
  out.snapshot_date = lists::ParseIsoDate(lists::GetString(root, "extracted"));
  ListDescription d;
  d.source_id = source_id;
  d.list_code = CodeFor(source_id);
  const KnownList* known = FindKnown(source_id);
  d.name = known != nullptr ? std::string(known->name) : source_id;
  d.snapshot = lists::GetString(root, "source_file");
  d.snapshot_date = out.snapshot_date;
  out.lists.push_back(d);

  const std::vector<uint64_t> offsets = lists::ArrayElementOffsets(doc, "entities");
  lists::LineIndex lines(lists::StripBom(bytes));
  size_t index = 0;
  for (simdjson::dom::element el : entities) {
    const uint64_t offset = index < offsets.size() ? offsets[index] : 0;
    const uint64_t line = offsets.empty() ? 0 : lines.LineOf(offset);
    const std::string where = "entities[" + std::to_string(index) + "]";
    ++index;
    simdjson::dom::object e;
    if (el.get(e) != simdjson::SUCCESS) {
      out.quarantined.push_back({line, offset, where + ": not an object"});
      continue;
    }
    ListRecord r;
    r.line = line;
    r.offset = offset;
    r.list_code = d.list_code;
    r.list_name = d.name;
    r.name = lists::GetString(e, "name");
    if (r.name.empty()) {
      out.quarantined.push_back({line, offset, where + ": no name"});
      continue;
    }
    r.aliases = lists::GetStringArray(e, "aliases");
    const std::string country = lists::GetString(e, "country");
    r.country = lists::CountryToIso(country);
    const std::string address = lists::GetString(e, "address");
    // Several addresses are joined with "; and".
    r.addresses = lists::SplitClean(address, "; and ");
    const std::string fr = lists::GetString(e, "federal_register");
    lists::AddFrCitations(fr, &r);
    const std::string notes = lists::GetString(e, "notes");
    if (d.list_code == "EL") {
      r.license_requirement = notes;  // the column holds the license requirement
    } else {
      r.remarks = notes;
      ReadKeyedNotes(notes, &r);
    }
    r.start_date = lists::ParseIsoDate(lists::GetString(e, "effective_date"));
    // Without an effective date the first citation's date is the listing date.
    if (!r.start_date.has_value() && !r.citation_dates.empty()) {
      r.start_date = r.citation_dates.front();
    }
    // Name and country only, so that a revised entry (new citation or address) keeps its id.
    r.record_id = lists::StableId(d.list_code, {r.name, country});
    out.records.push_back(std::move(r));
  }
  lists::DisambiguateIds(&out.records);
  return out;
}

Result<ParsedList> ParseListMetadataJson(std::string_view bytes, std::string_view file_label) {
  ECG_RETURN_IF_ERROR(lists::ValidateUtf8(bytes, file_label));
  lists::JsonDoc doc;
  ECG_RETURN_IF_ERROR(lists::ParseJson(bytes, file_label, &doc));
  simdjson::dom::object root;
  simdjson::dom::array arr;
  if (doc.root.get(root) != simdjson::SUCCESS || root["lists"].get(arr) != simdjson::SUCCESS) {
    return Status::InvalidArgument(lists::Where(file_label, 1, 0) +
                                   ": not a list metadata file (needs `lists[]`)");
  }
  ParsedList out;
  out.format = "list-metadata-json";
  out.snapshot_date = lists::ParseIsoDate(lists::GetString(root, "generated"));
  static const RE2 kEnglishDate(R"(([A-Z][a-z]+\.? \d{1,2}, \d{4}))");
  for (simdjson::dom::element el : arr) {
    simdjson::dom::object o;
    if (el.get(o) != simdjson::SUCCESS) {
      out.quarantined.push_back({0, 0, "lists[]: an element is not an object"});
      continue;
    }
    ListDescription d;
    d.source_id = lists::GetString(o, "id");
    d.list_code = CodeFor(d.source_id);
    d.name = lists::GetString(o, "short_name");
    d.official_name = lists::GetString(o, "official_name");
    d.agency = lists::GetString(o, "agency");
    d.authority = lists::GetString(o, "authority");
    d.url = lists::GetString(o, "official_url");
    d.snapshot = lists::GetString(o, "snapshot");
    // "Federal Register notice of June 10, 2026 (Vol. 91, No. 111)" -> 2026-06-10.
    std::string date_text;
    if (RE2::PartialMatch(d.snapshot, kEnglishDate, &date_text)) {
      d.snapshot_date = lists::ParseEnglishDate(date_text);
    }
    if (d.source_id.empty() || d.name.empty()) {
      out.quarantined.push_back({0, 0, "lists[]: an element without `id` or `short_name`"});
      continue;
    }
    out.lists.push_back(std::move(d));
  }
  return out;
}

}  // namespace ecg::ingest
