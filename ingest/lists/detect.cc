#include "ingest/lists/detect.h"

#include <algorithm>

#include "ingest/lists/list_util.h"
#include "ingest/lists/parsers.h"
#include "ingest/util/csv.h"
#include "ingest/util/fields.h"
#include "ingest/util/location.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

using ParseFn = Result<ParsedList> (*)(std::string_view, std::string_view);

struct FormatEntry {
  const char* name;
  ParseFn parse;
};

constexpr FormatEntry kFormats[] = {
    {"csl-compact-json", &ParseCslCompactJson},
    {"csl-csv", &ParseCslCsv},
    {"ecfr-list-json", &ParseEcfrListJson},
    {"list-metadata-json", &ParseListMetadataJson},
    {"os-1260h-csv", &ParseOs1260hCsv},
    {"os-mieu-csv", &ParseOsMieuCsv},
    {"fcc-covered-csv", &ParseFccCoveredCsv},
    {"cn-sanctions-csv", &ParseCnSanctionsCsv},
    {"cn-json", &ParseCnJson},
    {"ownership-csv", &ParseOwnershipCsv},
    {"ownership-jsonl", &ParseOwnershipJsonl},
    {"ftm-json", &ParseFtmJson},
    {"ftm-statements", &ParseFtmStatements},
};

// True when the JSON text has the object key `key` somewhere. A plain search
// is enough to tell the formats apart and, unlike a full parse, still works
// on a truncated file, so that the parser can then report where it ends.
bool HasKey(std::string_view text, std::string_view key) {
  std::string quoted(1, '"');
  quoted.append(key);
  quoted.push_back('"');
  size_t pos = 0;
  while ((pos = text.find(quoted, pos)) != std::string_view::npos) {
    size_t i = pos + quoted.size();
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
      ++i;
    }
    if (i < text.size() && text[i] == ':') {
      return true;
    }
    pos = i;
  }
  return false;
}

bool HasAll(const std::vector<std::string>& header, std::initializer_list<std::string_view> cols) {
  return std::all_of(cols.begin(), cols.end(),
                     [&](std::string_view c) { return util::ColumnIndex(header, c) >= 0; });
}

std::string DetectJson(std::string_view text) {
  const size_t nl = text.find('\n');
  const std::string_view first_line = text.substr(0, nl);
  if (first_line.front() == '{' && HasKey(first_line, "owner") && HasKey(first_line, "owned")) {
    return "ownership-jsonl";
  }
  if (first_line.front() == '{' && HasKey(first_line, "id") && HasKey(first_line, "schema") &&
      HasKey(first_line, "properties")) {
    return "ftm-json";
  }
  if (text.front() == '{') {
    if (HasKey(text, "fieldKey") && HasKey(text, "tables") && HasKey(text, "entries")) {
      return "csl-compact-json";
    }
    if (HasKey(text, "list_id") && HasKey(text, "entities")) {
      return "ecfr-list-json";
    }
    if (HasKey(text, "lists") && HasKey(text, "short_name") && HasKey(text, "official_url")) {
      return "list-metadata-json";
    }
  }
  if (text.front() == '[' && HasKey(text, "entity_name") && HasKey(text, "list_id")) {
    return "cn-json";
  }
  return "";
}

std::string DetectCsv(std::string_view text) {
  std::vector<std::string> header = util::ReadCsvHeader(text);
  for (std::string& h : header) {
    h = util::CleanText(h);
  }
  if (HasAll(header, {"source", "entity_number", "name", "federal_register_notice"})) {
    return "csl-csv";
  }
  if (HasAll(header, {"Name", "Clean Name", "Alias", "Previous Name"})) {
    return "os-1260h-csv";
  }
  if (HasAll(header, {"Type", "QID", "Name", "Chinese name", "List"})) {
    return "cn-sanctions-csv";
  }
  if (HasAll(header, {"Type", "Name", "Alias", "Country", "Program", "Date"})) {
    return "os-mieu-csv";
  }
  if (HasAll(header, {"covered_equipment_or_services", "date_of_inclusion_on_covered_list"})) {
    return "fcc-covered-csv";
  }
  if (HasAll(header, {"entity_id", "prop", "schema", "value"})) {
    return "ftm-statements";
  }
  if (OwnershipColumn(header, 0) >= 0 && OwnershipColumn(header, 1) >= 0 &&
      OwnershipColumn(header, 2) >= 0) {
    return "ownership-csv";
  }
  return "";
}

}  // namespace

const std::vector<std::string>& ListFormats() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> v;
    for (const FormatEntry& f : kFormats) {
      v.emplace_back(f.name);
    }
    return v;
  }();
  return kNames;
}

Result<std::string> DetectListFormat(std::string_view bytes, std::string_view file_name) {
  ECG_RETURN_IF_ERROR(util::ValidateUtf8(bytes, file_name));
  std::string_view text = text::StripBom(bytes);
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return Status::InvalidArgument(std::string(file_name) + ": not a recognised list file: empty");
  }
  text.remove_prefix(first);
  std::string format = (text.front() == '{' || text.front() == '[') ? DetectJson(text) : "";
  if (format.empty()) {
    format = DetectCsv(text);
  }
  if (format.empty()) {
    return Status::InvalidArgument(
        std::string(file_name) +
        ": not a recognised list file: neither its JSON keys nor its CSV header match a known "
        "list format (use --format to force one)");
  }
  return format;
}

Result<ParsedList> ParseListFile(std::string_view bytes, std::string_view format,
                                 std::string_view file_label) {
  for (const FormatEntry& f : kFormats) {
    if (format == f.name) {
      return f.parse(bytes, file_label);
    }
  }
  std::string known;
  for (const FormatEntry& f : kFormats) {
    known += known.empty() ? "" : ", ";
    known += f.name;
  }
  return Status::InvalidArgument("unknown list format '" + std::string(format) +
                                 "' (known: " + known + ")");
}

Result<ParsedList> DetectAndParseListFile(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(std::string format, DetectListFormat(bytes, file_label));
  return ParseListFile(bytes, format, file_label);
}

}  // namespace ecg::ingest
