#include "ingest/regs/internal/csv_util.h"

#include <string>

namespace ecg::ingest::regs_internal {

Result<std::vector<util::CsvRecord>> ReadDelimited(std::string_view bytes, char delimiter,
                                                   std::string_view file_name) {
  util::CsvSyntaxError error;
  Result<std::vector<util::CsvRecord>> rows =
      util::ReadCsv(bytes, file_name,
                    {.delimiter = delimiter, .strict = true, .skip_blank_records = true}, &error);
  if (!rows.ok() && rows.status().code() == StatusCode::kInvalidArgument) {
    return Status::InvalidArgument(std::string(file_name) + ": line " +
                                   std::to_string(error.record_line) + ": " +
                                   (error.at_end ? "quoted field never closes" : error.reason));
  }
  return rows;
}

}  // namespace ecg::ingest::regs_internal
