#include "ingest/regs/technologies.h"

#include <set>

#include "ingest/regs/internal/csv_util.h"
#include "ingest/util/eccn.h"

#include "text/ascii.h"
#include "text/decode.h"

namespace ecg::ingest {
namespace {

std::vector<std::string> Multi(std::string_view cell) {
  return text::SplitTrim(cell, "|");
}

}  // namespace

Result<std::vector<Technology>> LoadTechnologies(std::string_view bytes,
                                                 std::string_view file_name) {
  const std::string file(file_name);
  size_t bad = text::FirstInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument(file + ": invalid UTF-8 at byte offset " + std::to_string(bad));
  }
  // Comment lines are blanked (not removed) so that line numbers stay true.
  std::string clean;
  clean.reserve(bytes.size());
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    size_t next = end == std::string_view::npos ? bytes.size() : end + 1;
    std::string_view line = bytes.substr(pos, next - pos);
    clean.append(line.rfind("#", 0) == 0 ? std::string_view("\n") : line);
    pos = next;
  }
  ECG_ASSIGN_OR_RETURN(std::vector<util::CsvRecord> rows,
                       regs_internal::ReadDelimited(clean, ',', file_name));
  if (rows.empty()) {
    return Status::InvalidArgument(file + ": no header line");
  }
  std::string header;
  for (const std::string& f : rows[0].fields) {
    header += header.empty() ? f : "," + f;
  }
  if (header != kTechnologiesHeader) {
    return Status::InvalidArgument(file + ": line " + std::to_string(rows[0].line) +
                                   ": header must be \"" + std::string(kTechnologiesHeader) + "\"");
  }
  std::vector<Technology> out;
  std::set<std::string> codes;
  for (size_t i = 1; i < rows.size(); ++i) {
    const util::CsvRecord& row = rows[i];
    const std::string where = file + ": line " + std::to_string(row.line) + ": ";
    if (row.fields.size() != 8) {
      return Status::InvalidArgument(where + "expected 8 fields, found " +
                                     std::to_string(row.fields.size()));
    }
    Technology t;
    t.line = row.line;
    t.code = text::Trim(row.fields[0]);
    t.name = text::Trim(row.fields[1]);
    t.name_zh = Multi(row.fields[2]);
    t.aliases = Multi(row.fields[3]);
    t.eccns = Multi(row.fields[4]);
    t.makers = Multi(row.fields[5]);
    t.maker_zh = Multi(row.fields[6]);
    t.source_note = text::Trim(row.fields[7]);
    if (t.code.empty() || t.name.empty()) {
      return Status::InvalidArgument(where + "code and name are required");
    }
    if (!codes.insert(t.code).second) {
      return Status::InvalidArgument(where + "duplicate code \"" + t.code + "\"");
    }
    for (const std::string& e : t.eccns) {
      if (!util::IsEccn(e)) {
        return Status::InvalidArgument(where + "\"" + e + "\" is not an ECCN");
      }
    }
    if (!t.maker_zh.empty() && t.maker_zh.size() != t.makers.size()) {
      return Status::InvalidArgument(where + "maker_zh has " + std::to_string(t.maker_zh.size()) +
                                     " names for " + std::to_string(t.makers.size()) + " makers");
    }
    if (t.source_note.empty()) {
      return Status::InvalidArgument(where + "source_note is required");
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace ecg::ingest
