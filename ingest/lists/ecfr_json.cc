// The eCFR-derived list JSON files (Entity List, MEU, 1260H, NS-CMIC) and the
// lists.json metadata beside them.
#include <string>
#include <vector>

#include <re2/re2.h>

#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"
#include "ingest/util/country_codes.h"
#include "ingest/util/dates.h"
#include "ingest/util/fields.h"
#include "ingest/util/json.h"
#include "ingest/util/location.h"

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
    // The list the CSL names "Non-SDN Chinese Military-Industrial Complex
    // Companies List (CMIC)": one list, so one code, and the CSL's undated
    // listings take this extract's dates (ListWriter::RefineByOtherSources).
    {"ofac-nscmic", "CMIC", "Non-SDN Chinese Military-Industrial Complex Companies List"},
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
  for (const std::string& part : util::SplitClean(notes, ";")) {
    const size_t colon = part.find(": ");
    if (colon == std::string::npos) {
      continue;
    }
    const std::string key = part.substr(0, colon);
    const std::string value = util::CleanText(part.substr(colon + 2));
    if (key == "Program") {
      for (std::string& p : util::SplitClean(value, ",")) {
        r->programs.push_back(std::move(p));
      }
    } else if (key == "USCC" || key.find("Registration") != std::string::npos ||
               key.find("ID") != std::string::npos) {
      r->identifiers.push_back(key + ", " + value);
    }
  }
}

// The extraction leaves an a.k.a. inside some names, often unclosed:
// "Gazprom Neft (a.k.a. Gazprom Neft OAO" -> name "Gazprom Neft", alias
// "Gazprom Neft OAO"; "Sabanican Company (a.k.a." -> "Sabanican Company".
void SplitAka(ListRecord* r) {
  static const RE2 kAka(R"((?i)^(.*?)[\s,]*\(\s*a\.k\.a\.?,?\s*(.*)$)");
  std::string name;
  std::string alias;
  if (!RE2::FullMatch(r->name, kAka, &name, &alias) || name.empty()) {
    return;
  }
  // Punctuation and quotes around the alias, the curly quotes as UTF-8.
  static constexpr std::string_view kTrim[] = {" ", ",", ";", "\"", "'", "\u201c", "\u201d"};
  auto strip = [&alias](bool front) {
    for (bool again = true; again;) {
      again = false;
      for (std::string_view t : kTrim) {
        if (front ? alias.starts_with(t) : alias.ends_with(t)) {
          alias.erase(front ? 0 : alias.size() - t.size(), t.size());
          again = true;
        }
      }
    }
  };
  strip(false);
  if (alias.ends_with(")") && alias.find('(') == std::string::npos) {
    alias.pop_back();  // the a.k.a.'s own closing parenthesis
    strip(false);
  }
  strip(true);
  alias = util::CleanText(alias);
  r->name = util::CleanText(name);
  if (!alias.empty()) {
    r->aliases.push_back(std::move(alias));
  }
}

}  // namespace

Result<ParsedList> ParseEcfrListJson(std::string_view bytes, std::string_view file_label) {
  util::JsonDoc doc;
  ECG_RETURN_IF_ERROR(util::ParseJson(bytes, file_label, &doc));
  simdjson::dom::object root;
  simdjson::dom::array entities;
  if (doc.root.get(root) != simdjson::SUCCESS ||
      root["entities"].get(entities) != simdjson::SUCCESS) {
    return Status::InvalidArgument(util::Where(file_label, 1, 0) +
                                   ": not an eCFR list file (needs `entities[]`)");
  }
  const std::string source_id = util::GetString(root, "list_id");
  ParsedList out;
  out.format = "ecfr-list-json";
  out.snapshot_date = util::ParseIsoDate(util::GetString(root, "extracted"));
  ListDescription d;
  d.source_id = source_id;
  d.list_code = CodeFor(source_id);
  const KnownList* known = FindKnown(source_id);
  d.name = known != nullptr ? std::string(known->name) : source_id;
  d.snapshot = util::GetString(root, "source_file");
  d.snapshot_date = out.snapshot_date;
  out.lists.push_back(d);

  util::ForEachJsonRecord(
      doc, entities, "entities", &out.quarantined, [&](const util::JsonRecord& rec) {
        const simdjson::dom::object e = rec.object;
        ListRecord r;
        r.line = rec.line;
        r.offset = rec.offset;
        r.list_code = d.list_code;
        r.list_name = d.name;
        r.name = util::GetString(e, "name");
        if (r.name.empty()) {
          out.quarantined.push_back(rec.Quarantine("no name"));
          return;
        }
        const std::string country = util::GetString(e, "country");
        r.country = util::CountryToIso(country);
        const std::string address = util::GetString(e, "address");
        // Several addresses are joined with "; and".
        r.addresses = util::SplitClean(address, "; and ");
        for (const std::string& a : r.addresses) {
          for (const std::string& code : util::CountriesOfEnglishAddress(a)) {
            lists::AddOtherCountry(code, &r);
          }
        }
        // An entry with many addresses continues in rows named "Address 01",
        // "Address 02", ...: they are addresses of the entry before them.
        static const RE2 kAddressRow(R"((?i)address(es)? ?\d+)");
        if (RE2::FullMatch(r.name, kAddressRow) && !out.records.empty() &&
            out.records.back().list_code == r.list_code) {
          ListRecord& owner = out.records.back();
          for (std::string& a : r.addresses) {
            owner.addresses.push_back(std::move(a));
          }
          for (const std::string& code : r.other_countries) {
            lists::AddOtherCountry(code, &owner);
          }
          lists::AddOtherCountry(r.country, &owner);
          return;
        }
        r.aliases = util::GetStringArray(e, "aliases");
        SplitAka(&r);
        const std::string fr = util::GetString(e, "federal_register");
        lists::AddFrCitations(fr, &r);
        const std::string notes = util::GetString(e, "notes");
        if (d.list_code == "EL") {
          r.license_requirement = notes;  // the column holds the license requirement
        } else {
          r.remarks = notes;
          ReadKeyedNotes(notes, &r);
        }
        r.start_date = util::ParseIsoDate(util::GetString(e, "effective_date"));
        // Without an effective date the first citation's date is the listing date.
        if (!r.start_date.has_value() && !r.citation_dates.empty()) {
          r.start_date = r.citation_dates.front();
        }
        // Name and country only, so that a revised entry (new citation or address) keeps its id.
        r.record_id = lists::StableId(d.list_code, {r.name, country});
        out.records.push_back(std::move(r));
      });
  lists::JoinPartiesListedUnderSeveralCountries(&out.records);
  lists::DisambiguateIds(&out.records);
  return out;
}

Result<ParsedList> ParseListMetadataJson(std::string_view bytes, std::string_view file_label) {
  util::JsonDoc doc;
  ECG_RETURN_IF_ERROR(util::ParseJson(bytes, file_label, &doc));
  simdjson::dom::object root;
  simdjson::dom::array arr;
  if (doc.root.get(root) != simdjson::SUCCESS || root["lists"].get(arr) != simdjson::SUCCESS) {
    return Status::InvalidArgument(util::Where(file_label, 1, 0) +
                                   ": not a list metadata file (needs `lists[]`)");
  }
  ParsedList out;
  out.format = "list-metadata-json";
  out.snapshot_date = util::ParseIsoDate(util::GetString(root, "generated"));
  static const RE2 kEnglishDate(R"(([A-Z][a-z]+\.? \d{1,2}, \d{4}))");
  for (simdjson::dom::element el : arr) {
    simdjson::dom::object o;
    if (el.get(o) != simdjson::SUCCESS) {
      out.quarantined.push_back({0, 0, "lists[]: an element is not an object"});
      continue;
    }
    ListDescription d;
    d.source_id = util::GetString(o, "id");
    d.list_code = CodeFor(d.source_id);
    d.name = util::GetString(o, "short_name");
    d.official_name = util::GetString(o, "official_name");
    d.agency = util::GetString(o, "agency");
    d.authority = util::GetString(o, "authority");
    d.url = util::GetString(o, "official_url");
    d.snapshot = util::GetString(o, "snapshot");
    // "Federal Register notice of June 10, 2026 (Vol. 91, No. 111)" -> 2026-06-10.
    std::string date_text;
    if (RE2::PartialMatch(d.snapshot, kEnglishDate, &date_text)) {
      d.snapshot_date = util::ParseEnglishDate(date_text);
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
