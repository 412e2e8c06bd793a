#include "ingest/lists/alias_csv.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/util/csv.h"

#include "text/decode.h"
#include "text/normalizer.h"

namespace ecg::ingest {
namespace {

constexpr std::string_view kHeader[] = {"chinese_name", "english_name", "source_note"};

Status LineError(std::string_view label, size_t line, const std::string& what) {
  return Status::InvalidArgument(std::string(label) + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

Result<std::vector<AliasPair>> ParseAliasCsv(std::string_view contents, std::string_view label) {
  ECG_ASSIGN_OR_RETURN(std::string text, text::DecodeToUtf8(contents, "utf-8", label));
  util::CsvSyntaxError csv_error;
  Result<std::vector<util::CsvRecord>> read =
      util::ReadCsv(text, label, {.delimiter = ',', .strict = true}, &csv_error);
  if (!read.ok() && read.status().code() == StatusCode::kInvalidArgument) {
    return csv_error.at_end ? LineError(label, csv_error.record_line,
                                        csv_error.reason + " (unterminated quote?)")
                            : LineError(label, csv_error.line, csv_error.reason);
  }
  ECG_ASSIGN_OR_RETURN(std::vector<util::CsvRecord> records, std::move(read));

  std::vector<AliasPair> pairs;
  for (size_t r = 0; r < records.size(); ++r) {
    const std::vector<std::string>& f = records[r].fields;
    const size_t line = records[r].line;
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
  if (records.empty()) {
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

Result<std::vector<resolve::Judgement>> ParseJudgementsCsv(std::string_view contents,
                                                           std::string_view label) {
  static constexpr std::string_view kColumns[] = {"judgement", "record", "other", "reason"};
  ECG_ASSIGN_OR_RETURN(std::string text, text::DecodeToUtf8(contents, "utf-8", label));
  util::CsvSyntaxError csv_error;
  Result<std::vector<util::CsvRecord>> read =
      util::ReadCsv(text, label, {.delimiter = ',', .strict = true}, &csv_error);
  if (!read.ok() && read.status().code() == StatusCode::kInvalidArgument) {
    return LineError(label, csv_error.at_end ? csv_error.record_line : csv_error.line,
                     csv_error.reason);
  }
  ECG_ASSIGN_OR_RETURN(std::vector<util::CsvRecord> records, std::move(read));
  if (records.empty()) {
    return LineError(label, 1, "missing header judgement,record,other,reason");
  }
  std::vector<resolve::Judgement> out;
  for (size_t r = 0; r < records.size(); ++r) {
    const std::vector<std::string>& f = records[r].fields;
    const size_t line = records[r].line;
    if (f.size() != 4) {
      return LineError(
          label, line,
          "expected 4 fields (judgement,record,other,reason), found " + std::to_string(f.size()));
    }
    if (r == 0) {
      for (size_t k = 0; k < 4; ++k) {
        if (f[k] != kColumns[k]) {
          return LineError(label, line, "expected the header judgement,record,other,reason");
        }
      }
      continue;
    }
    if (f[0] != "same" && f[0] != "distinct") {
      return LineError(label, line, "judgement \"" + f[0] + "\" is neither same nor distinct");
    }
    for (size_t k : {1, 2}) {
      if (!f[k].starts_with("rec:") && !f[k].starts_with("ent:")) {
        return LineError(label, line,
                         std::string(kColumns[k]) + " \"" + f[k] +
                             "\" is not a record key (rec:<id>) or an entity key (ent:...)");
      }
    }
    if (f[1] == f[2]) {
      return LineError(label, line, "a record judged against itself");
    }
    if (f[3].find_first_not_of(" \t") == std::string::npos) {
      return LineError(label, line, "empty reason");
    }
    out.push_back(resolve::Judgement{f[0] == "same", f[1], f[2], f[3]});
  }
  return out;
}

}  // namespace ecg::ingest
