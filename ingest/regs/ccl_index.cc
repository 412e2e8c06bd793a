#include "ingest/regs/ccl_index.h"

#include <re2/re2.h>

#include "ingest/regs/internal/csv_util.h"
#include "ingest/util/eccn.h"

#include "text/ascii.h"
#include "text/decode.h"

namespace ecg::ingest {
namespace {

// "d1" -> ".d.1", "a11" -> ".a.11": letters and digits alternate.
std::string Dotted(std::string_view suffix) {
  std::string out;
  for (size_t i = 0; i < suffix.size(); ++i) {
    bool digit = suffix[i] >= '0' && suffix[i] <= '9';
    bool prev_digit = i > 0 && suffix[i - 1] >= '0' && suffix[i - 1] <= '9';
    if (i == 0 || digit != prev_digit) {
      out.push_back('.');
    }
    out.push_back(suffix[i]);
  }
  return out;
}

std::string_view FirstLine(std::string_view bytes) {
  size_t end = bytes.find('\n');
  return bytes.substr(0, end == std::string_view::npos ? bytes.size() : end);
}

}  // namespace

IndexEccn ParseIndexEccn(std::string_view cell) {
  static const RE2 kExcel(R"(^([0-9])\.00E\+([0-9]{1,3})$)");
  // The base, a paragraph written without dots ("3A001b2"), then a note.
  static const RE2 kEccn("^(" + std::string(util::kEccnBasePattern) +
                         R"()([a-z0-9]*)(?:[,;]?\s+(.*))?$)");
  IndexEccn out;
  out.raw = text::Trim(cell);
  std::string text = out.raw;
  std::string digit;
  std::string exponent;
  if (RE2::FullMatch(text, kExcel, &digit, &exponent)) {
    text = digit + "E" + std::string(3 - exponent.size(), '0') + exponent;
    out.repaired = true;
  }
  std::string base;
  std::string suffix;
  std::string note;
  if (RE2::FullMatch(text, kEccn, &base, &suffix, &note)) {
    out.base = base;
    out.code = base + Dotted(suffix);
    out.note = text::Trim(note);
  } else {
    out.note = text;
  }
  return out;
}

bool LooksLikeCclIndex(std::string_view bytes) {
  std::string_view line = FirstLine(bytes);
  return line.rfind("Description\tECCN1", 0) == 0 || line.rfind("Description,ECCN1", 0) == 0;
}

Result<std::vector<IndexEntry>> ParseCclIndex(std::string_view bytes, std::string_view file_name) {
  const std::string file(file_name);
  if (!LooksLikeCclIndex(bytes)) {
    return Status::InvalidArgument(file +
                                   ": line 1: expected the CCL index header "
                                   "\"Description, ECCN1 .. ECCN5\"");
  }
  const bool tsv = FirstLine(bytes).find('\t') != std::string_view::npos;
  // The CSV is Windows-1252 as published; text that already is valid UTF-8
  // (the ingest run decodes every file before its handler sees it) stays as
  // it is, or "…" would turn into "â€¦".
  const bool utf8_already = text::FirstInvalidUtf8(bytes) == std::string_view::npos;
  ECG_ASSIGN_OR_RETURN(std::string utf8, text::DecodeToUtf8(bytes,
                                                            tsv            ? ""
                                                            : utf8_already ? "utf-8"
                                                                           : "windows-1252",
                                                            file_name));
  ECG_ASSIGN_OR_RETURN(std::vector<util::CsvRecord> rows,
                       regs_internal::ReadDelimited(utf8, tsv ? '\t' : ',', file_name));
  std::vector<IndexEntry> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    const util::CsvRecord& row = rows[i];
    IndexEntry entry;
    entry.line = row.line;
    entry.keyword = text::Trim(row.fields[0]);
    if (entry.keyword.empty()) {
      continue;
    }
    for (size_t c = 1; c < row.fields.size() && c <= 5; ++c) {
      if (!text::Trim(row.fields[c]).empty()) {
        entry.eccns.push_back(ParseIndexEccn(row.fields[c]));
      }
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace ecg::ingest
