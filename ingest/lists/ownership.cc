// Ownership files (the project's own format for analysts): CSV and JSON lines
// with owner, owned, pct, valid_from, valid_to, source.
#include <algorithm>
#include <charconv>
#include <tuple>

#include <re2/re2.h>
#include <simdjson.h>

#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"
#include "ingest/util/country_codes.h"
#include "ingest/util/csv.h"
#include "ingest/util/dates.h"
#include "ingest/util/fields.h"
#include "ingest/util/json.h"
#include "ingest/util/location.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

struct RawStake {
  std::string owner, owned, pct, valid_from, valid_to, source;
};

// Parses a percentage: "25", "12.5", "50%". Returns false unless 0 < pct <= 100.
bool ParsePct(std::string_view text, double* pct) {
  std::string t = util::CleanText(text);
  if (!t.empty() && t.back() == '%') {
    t.pop_back();
  }
  t = util::CleanText(t);
  if (t.empty()) {
    return false;
  }
  auto res = std::from_chars(t.data(), t.data() + t.size(), *pct);
  return res.ec == std::errc() && res.ptr == t.data() + t.size() && *pct > 0 && *pct <= 100;
}

// Builds an OwnershipRecord, or returns the reason the row is unusable.
std::string BuildStake(const RawStake& raw, OwnershipRecord* rec) {
  rec->owner = ParseOwnershipParty(raw.owner);
  rec->owned = ParseOwnershipParty(raw.owned);
  for (const std::string* text : {&raw.owner, &raw.owned}) {
    const OwnershipParty p = ParseOwnershipParty(*text);
    if (p.id.empty() && p.name.empty()) {
      return "empty owner or owned";
    }
    const size_t bar = text->rfind('|');
    if (bar != std::string::npos && p.country.empty() &&
        !util::CleanText(text->substr(bar + 1)).empty()) {
      return "unknown country '" + util::CleanText(text->substr(bar + 1)) + "' after '|'";
    }
  }
  if (util::CleanText(raw.owner) == util::CleanText(raw.owned)) {
    return "an entity cannot own itself";
  }
  if (!ParsePct(raw.pct, &rec->pct)) {
    return "pct '" + raw.pct + "' is not a number in (0, 100]";
  }
  const std::string from = util::CleanText(raw.valid_from);
  const std::string to = util::CleanText(raw.valid_to);
  rec->valid_from = util::ParseIsoDate(from);
  rec->valid_to = util::ParseIsoDate(to);
  if ((!from.empty() && !rec->valid_from) || (!to.empty() && !rec->valid_to)) {
    return "valid_from / valid_to must be YYYY-MM-DD";
  }
  if (rec->valid_from && rec->valid_to && !(*rec->valid_from < *rec->valid_to)) {
    return "valid_to must be after valid_from";
  }
  rec->source = util::CleanText(raw.source);
  return "";
}

}  // namespace

OwnershipParty ParseOwnershipParty(std::string_view text) {
  // A list record id: no spaces, hyphenated, with a digit ("cn-uel-20250404-1",
  // "EL-0f3a...", "1260H-..."); or a plain entity number is NOT taken as an id.
  static const RE2 kRecordId(R"(^[A-Za-z0-9]+(?:-[A-Za-z0-9~]+)+$)");
  OwnershipParty p;
  std::string t = util::CleanText(text);
  if (t.rfind("id:", 0) == 0) {
    p.id = t;
    return p;
  }
  const size_t bar = t.rfind('|');
  if (bar != std::string::npos) {
    const std::string country = util::CleanText(t.substr(bar + 1));
    p.name = util::CleanText(t.substr(0, bar));
    p.country = util::CountryToIso(country);
    return p;
  }
  if (RE2::FullMatch(t, kRecordId) && t.find_first_of("0123456789") != std::string::npos) {
    p.id = t;
    return p;
  }
  p.name = t;
  return p;
}

const std::vector<std::vector<std::string_view>>& OwnershipColumnNames() {
  // One row per field of an ownership stake: the project's name first, then
  // the names company registers and beneficial-ownership data use for it.
  static const std::vector<std::vector<std::string_view>> kNames = {
      {"owner", "owner_name", "shareholder", "parent"},
      {"owned", "owned_name", "subsidiary", "asset"},
      {"pct", "percentage", "share", "share_pct", "percent", "ownership_percentage"},
      {"valid_from", "start_date", "from"},
      {"valid_to", "end_date", "to"},
      {"source", "source_url"},
      {"owner_country", "owner_jurisdiction"},
      {"owned_country", "owned_jurisdiction"},
      {"owner_id", "owner_identifier", "owner_registration_number"},
      {"owned_id", "owned_identifier", "owned_registration_number"},
  };
  return kNames;
}

int OwnershipColumn(const std::vector<std::string>& header, size_t field) {
  // Registries capitalise and space their headers ("Owner Name", "Share"):
  // compare in lower case with spaces as underscores.
  std::vector<std::string> names;
  for (const std::string& h : header) {
    std::string n = text::AsciiLower(util::CleanText(h));
    std::replace(n.begin(), n.end(), ' ', '_');
    names.push_back(std::move(n));
  }
  for (std::string_view name : OwnershipColumnNames()[field]) {
    if (int i = util::ColumnIndex(names, name); i >= 0) {
      return i;
    }
  }
  return -1;
}

Result<ParsedList> ParseOwnershipCsv(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(util::CsvTable t,
                       util::ReadCsvTable(bytes, file_label, {}, "ownership CSV"));
  // The columns, by any of their names; owner, owned and pct are required.
  int c[10];
  for (size_t i = 0; i < 10; ++i) {
    c[i] = OwnershipColumn(t.header, i);
  }
  for (size_t i = 0; i < 3; ++i) {
    if (c[i] < 0) {
      std::string names;
      for (std::string_view n : OwnershipColumnNames()[i]) {
        names += (names.empty() ? "`" : ", `") + std::string(n) + "`";
      }
      return Status::InvalidArgument(
          util::Where(file_label, 1, 0) + ": ownership CSV header: no column for `" +
          std::string(OwnershipColumnNames()[i].front()) + "` (expected one of " + names +
          "; ecg ingest --columns " + std::string(OwnershipColumnNames()[i].front()) +
          "=NAME maps another column)");
    }
  }
  ParsedList out;
  out.format = "ownership-csv";
  out.quarantined = std::move(t.quarantined);
  for (const util::CsvRecord& row : t.rows) {
    const std::vector<std::string>& f = row.fields;
    auto cell = [&](size_t i) { return c[i] >= 0 ? f[c[i]] : std::string(); };
    RawStake raw{cell(0), cell(1), cell(2), cell(3), cell(4), cell(5)};
    // Country and identifier columns: "Name" + country is "Name|country";
    // an identifier column names the party when it is an id ("id:<n>", a
    // list record id); another identifier is not matched (the graph keeps no
    // index of registry numbers), and the name stands.
    for (auto [name, country, id] : {std::tuple{&raw.owner, 6, 8}, std::tuple{&raw.owned, 7, 9}}) {
      if (std::string iso = util::CleanText(cell(country)); !iso.empty() && !name->empty()) {
        *name += "|" + iso;
      }
      if (std::string ident = util::CleanText(cell(id)); !ident.empty()) {
        const OwnershipParty p = ParseOwnershipParty(ident);
        if (!p.id.empty()) {
          *name = ident;
        }
      }
    }
    OwnershipRecord rec;
    rec.line = row.line;
    rec.offset = row.offset;
    if (std::string why = BuildStake(raw, &rec); !why.empty()) {
      out.quarantined.push_back({row.line, row.offset, why});
      continue;
    }
    out.ownership.push_back(std::move(rec));
  }
  return out;
}

Result<ParsedList> ParseOwnershipJsonl(std::string_view bytes, std::string_view file_label) {
  ParsedList out;
  out.format = "ownership-jsonl";
  ECG_RETURN_IF_ERROR(util::ForEachJsonLine(bytes, file_label, [&](const util::JsonLine& l) {
    const uint64_t line_no = l.line;
    const uint64_t offset = l.offset;
    simdjson::dom::object o;
    if (l.error) {
      out.quarantined.push_back(
          {line_no, offset, std::string("invalid JSON: ") + simdjson::error_message(l.error)});
      return Status::OK();
    }
    if (l.element.get(o) != simdjson::SUCCESS) {
      out.quarantined.push_back({line_no, offset, "line is not a JSON object"});
      return Status::OK();
    }
    auto text = [&o](std::string_view key) -> std::string {
      simdjson::dom::element v;
      if (o[key].get(v) != simdjson::SUCCESS || v.is_null()) {
        return "";
      }
      std::string_view s;
      if (v.get(s) == simdjson::SUCCESS) {
        return std::string(s);
      }
      double d = 0;
      if (v.get(d) == simdjson::SUCCESS) {
        return simdjson::to_string(v);  // the number as written
      }
      return "\x01";  // neither string nor number: rejected by BuildStake
    };
    RawStake raw{text("owner"),      text("owned"),    text("pct"),
                 text("valid_from"), text("valid_to"), text("source")};
    OwnershipRecord rec;
    rec.line = line_no;
    rec.offset = offset;
    if (std::string why = BuildStake(raw, &rec); !why.empty()) {
      out.quarantined.push_back({line_no, offset, why});
      return Status::OK();
    }
    out.ownership.push_back(std::move(rec));
    return Status::OK();
  }));
  return out;
}

}  // namespace ecg::ingest
