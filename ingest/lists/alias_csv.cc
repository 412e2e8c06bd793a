#include "ingest/lists/alias_csv.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <csv.h>

#include "text/decode.h"
#include "text/normalizer.h"

namespace ecg::ingest {
namespace {

constexpr std::string_view kHeader[] = {"chinese_name", "english_name", "source_note"};

// State shared with libcsv's C callbacks.
struct ParseState {
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> records;
  std::vector<size_t> record_lines;  // first line of each record
  size_t current_line = 0;           // line being fed to the parser
  size_t record_start = 1;           // first line of the record being read
};

void OnField(void* data, size_t len, void* state) {
  auto* s = static_cast<ParseState*>(state);
  s->fields.emplace_back(static_cast<const char*>(data), data == nullptr ? 0 : len);
}

void OnRecordEnd(int /*terminator*/, void* state) {
  auto* s = static_cast<ParseState*>(state);
  s->records.push_back(std::move(s->fields));
  s->record_lines.push_back(s->record_start);
  s->fields.clear();
  s->record_start = s->current_line + 1;
}

Status LineError(std::string_view label, size_t line, const std::string& what) {
  return Status::InvalidArgument(std::string(label) + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

Result<std::vector<AliasPair>> ParseAliasCsv(std::string_view contents, std::string_view label) {
  ECG_ASSIGN_OR_RETURN(std::string text, text::DecodeToUtf8(contents, "utf-8", label));
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    return Status::Internal("csv_init failed");
  }
  ParseState state;
  // Feed line by line so that errors and rows carry line numbers.
  size_t pos = 0;
  Status error;
  while (pos < text.size() && error.ok()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    std::string_view line(text.data() + pos, end - pos);
    ++state.current_line;
    const bool blank = line.find_first_not_of("\r\n") == std::string_view::npos;
    if (blank && state.fields.empty() && state.record_start == state.current_line) {
      ++state.record_start;  // a blank line between records
    } else if (csv_parse(&parser, line.data(), line.size(), OnField, OnRecordEnd, &state) !=
               line.size()) {
      error = LineError(label, state.current_line, csv_strerror(csv_error(&parser)));
    }
    pos = end;
  }
  if (error.ok() && csv_fini(&parser, OnField, OnRecordEnd, &state) != 0) {
    error = LineError(label, state.record_start,
                      std::string(csv_strerror(csv_error(&parser))) + " (unterminated quote?)");
  }
  csv_free(&parser);
  ECG_RETURN_IF_ERROR(error);

  std::vector<AliasPair> pairs;
  for (size_t r = 0; r < state.records.size(); ++r) {
    const std::vector<std::string>& f = state.records[r];
    const size_t line = state.record_lines[r];
    if (f.size() != 3) {
      return LineError(label, line,
                       "expected 3 fields (chinese_name,english_name,source_note), found " +
                           std::to_string(f.size()));
    }
    if (r == 0) {
      if (f[0] != kHeader[0] || f[1] != kHeader[1] || f[2] != kHeader[2]) {
        return LineError(label, line, "expected the header chinese_name,english_name,source_note");
      }
      continue;
    }
    for (size_t k = 0; k < 3; ++k) {
      if (f[k].find_first_not_of(" \t") == std::string::npos) {
        return LineError(label, line, "empty " + std::string(kHeader[k]));
      }
    }
    if (!text::ContainsHan(f[0])) {
      return LineError(label, line, "chinese_name \"" + f[0] + "\" has no Han characters");
    }
    pairs.push_back(AliasPair{f[0], f[1], f[2], line});
  }
  if (state.records.empty()) {
    return LineError(label, 1, "missing header chinese_name,english_name,source_note");
  }
  return pairs;
}

Result<std::vector<AliasPair>> LoadAliasFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot open alias file " + path);
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    return Status::IOError("cannot read alias file " + path);
  }
  return ParseAliasCsv(buf.str(), path);
}

}  // namespace ecg::ingest
