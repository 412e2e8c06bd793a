#include "ingest/regs/ccl_index.h"

#include <re2/re2.h>

#include "ingest/regs/internal/csv_util.h"
#include "ingest/regs/internal/text_util.h"

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
  static const RE2 kEccn(R"(^([0-9][A-E][0-9]{3})([a-z0-9]*)(?:[,;]?\s+(.*))?$)");
  IndexEccn out;
  out.raw = regs_internal::Trim(cell);
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
    out.note = regs_internal::Trim(note);
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
  ECG_ASSIGN_OR_RETURN(std::vector<regs_internal::Row> rows,
                       regs_internal::ReadDelimited(utf8, tsv ? '\t' : ',', file_name));
  std::vector<IndexEntry> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    const regs_internal::Row& row = rows[i];
    IndexEntry entry;
    entry.line = row.line;
    entry.keyword = regs_internal::Trim(row.fields[0]);
    if (entry.keyword.empty()) {
      continue;
    }
    for (size_t c = 1; c < row.fields.size() && c <= 5; ++c) {
      if (!regs_internal::Trim(row.fields[c]).empty()) {
        entry.eccns.push_back(ParseIndexEccn(row.fields[c]));
      }
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace ecg::ingest
