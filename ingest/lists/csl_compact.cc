// The compact CSL JSON: short keys, lookup tables, one entries[] array.
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

using util::CleanText;
using util::GetIndex;
using util::GetString;
using util::GetStringArray;

// The table `name` under `tables` as strings (non-strings become ""). Not
// util::GetStringArray: entries index these tables, so every position is kept.
std::vector<std::string> Table(simdjson::dom::object tables, std::string_view name) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (tables[name].get(arr) != simdjson::SUCCESS) {
    return out;
  }
  for (simdjson::dom::element el : arr) {
    std::string_view s;
    out.push_back(el.get(s) == simdjson::SUCCESS ? CleanText(s) : std::string());
  }
  return out;
}

}  // namespace

// The opening has the shape of every JSON list parser's (ParseJson, the
// format's own top-level members, an error that names them); what is checked
// is each format's own, so only ParseJson and Where are shared.
Result<ParsedList> ParseCslCompactJson(std::string_view bytes, std::string_view file_label) {
  util::JsonDoc doc;
  ECG_RETURN_IF_ERROR(util::ParseJson(bytes, file_label, &doc));
  simdjson::dom::object root;
  simdjson::dom::object tables;
  simdjson::dom::array entries;
  if (doc.root.get(root) != simdjson::SUCCESS || root["tables"].get(tables) != simdjson::SUCCESS ||
      root["entries"].get(entries) != simdjson::SUCCESS) {
    return Status::InvalidArgument(util::Where(file_label, 1, 0) +
                                   ": not a compact CSL file (needs `tables` and `entries[]`)");
  }
  ParsedList out;
  out.format = "csl-compact-json";
  std::string generated = GetString(root, "sourceGeneratedAt");
  out.snapshot_date = util::ParseIsoDate(generated);

  const std::vector<std::string> sources = Table(tables, "sources");
  const std::vector<std::string> requirements = Table(tables, "licenceRequirements");
  const std::vector<std::string> policies = Table(tables, "licencePolicies");
  const std::vector<std::string> programmes = Table(tables, "programmes");
  const std::vector<std::string> urls = Table(tables, "urls");

  // List codes and descriptions from listAuthority, else from the "(XX)" in the name.
  std::vector<std::string> codes;
  simdjson::dom::object authority;
  const bool has_authority = root["listAuthority"].get(authority) == simdjson::SUCCESS;
  for (const std::string& source : sources) {
    ListDescription d;
    d.name = source;
    d.list_code = lists::CslListCode(source);
    d.snapshot = generated;
    d.snapshot_date = out.snapshot_date;
    simdjson::dom::object a;
    if (has_authority && authority[source].get(a) == simdjson::SUCCESS) {
      if (std::string code = GetString(a, "code"); !code.empty()) {
        d.list_code = code;
      }
      d.authority = GetString(a, "citation");
    }
    codes.push_back(d.list_code);
    out.lists.push_back(std::move(d));
  }

  util::ForEachJsonRecord(
      doc, entries, "entries", &out.quarantined, [&](const util::JsonRecord& rec) {
        const simdjson::dom::object e = rec.object;
        auto quarantine = [&](std::string_view reason) {
          out.quarantined.push_back(rec.Quarantine(reason));
        };
        using util::JsonField;
        if (std::string why = util::FieldTypeProblem(e, {{"n", JsonField::kString},
                                                         {"t", JsonField::kString},
                                                         {"e", JsonField::kString},
                                                         {"fr", JsonField::kString},
                                                         {"s", JsonField::kIndex},
                                                         {"lr", JsonField::kIndex},
                                                         {"lp", JsonField::kIndex},
                                                         {"pg", JsonField::kIndex},
                                                         {"u", JsonField::kIndex},
                                                         {"a", JsonField::kStringArray},
                                                         {"c", JsonField::kStringArray}});
            !why.empty()) {
          quarantine(why);
          return;
        }
        ListRecord r;
        r.line = rec.line;
        r.offset = rec.offset;
        r.name = GetString(e, "n");
        if (r.name.empty()) {
          quarantine("no name (`n`)");
          return;
        }
        uint64_t s = 0;
        if (!GetIndex(e, "s", &s) || s >= sources.size()) {
          quarantine("source index `s` missing or out of range");
          return;
        }
        r.list_code = codes[s];
        r.list_name = sources[s];
        uint64_t i = 0;
        bool bad_index = false;
        auto lookup = [&](std::string_view key, const std::vector<std::string>& table,
                          std::string* field) {
          if (util::Has(e, key)) {
            if (!GetIndex(e, key, &i) || i >= table.size()) {
              bad_index = true;
              return;
            }
            *field = table[i];
          }
        };
        std::string program;
        lookup("lr", requirements, &r.license_requirement);
        lookup("lp", policies, &r.license_policy);
        lookup("pg", programmes, &program);
        lookup("u", urls, &r.source_url);
        if (bad_index) {
          quarantine("a table index (lr, lp, pg or u) is out of range");
          return;
        }
        r.programs = util::SplitClean(program, ";");
        r.aliases = GetStringArray(e, "a");
        r.entity_type = lists::MapEntityType(GetString(e, "t"));
        std::vector<std::string> countries = GetStringArray(e, "c");
        if (!countries.empty()) {
          r.country = util::CountryToIso(countries.front());
        }
        for (size_t c = 1; c < countries.size(); ++c) {
          lists::AddOtherCountry(util::CountryToIso(countries[c]), &r);
        }
        lists::AddFrCitations(GetString(e, "fr"), &r);
        // The Entity List's continuation rows ("Address 01", "Address 02",
        // ...) are addresses of the entry before them, here their countries.
        static const RE2 kAddressRow(R"((?i)address(es)? ?\d+)");
        if (RE2::FullMatch(r.name, kAddressRow) && !out.records.empty() &&
            out.records.back().list_code == r.list_code) {
          ListRecord& owner = out.records.back();
          lists::AddOtherCountry(r.country, &owner);
          for (const std::string& c : r.other_countries) {
            lists::AddOtherCountry(c, &owner);
          }
          return;
        }
        std::string number = GetString(e, "e");
        // Entries without an entity number (the BIS lists) get an id from their name
        // and country only: fields that a revision changes (citations, addresses)
        // stay out, so that a revised entry keeps its id.
        r.record_id = !number.empty() ? number : lists::StableId(r.list_code, {r.name, r.country});
        out.records.push_back(std::move(r));
      });
  lists::JoinPartiesListedUnderSeveralCountries(&out.records);
  lists::DisambiguateIds(&out.records);
  return out;
}

}  // namespace ecg::ingest
