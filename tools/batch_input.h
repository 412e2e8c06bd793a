// Reading a batch file for `ecg screen --batch`: one name per line, or a CSV
// file whose header has a `name` column (and optionally `country`). Stateless
// functions: safe for concurrent use.
#ifndef ECG_TOOLS_BATCH_INPUT_H_
#define ECG_TOOLS_BATCH_INPUT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"

namespace ecg::tools {

// One name to screen, or the reason its line cannot be screened.
struct BatchItem {
  uint64_t line = 0;  // 1-based line where the record starts
  std::string name;
  std::string country;  // ISO code as given, upper-cased; "" when none
  std::string error;    // non-empty: this line is not screened (invalid UTF-8, ...)
};

// Splits `bytes` into items. CSV is chosen when the first line, read as CSV,
// has a field "name" (any case); otherwise every line is one name (commas
// included; a trailing CR is dropped). Invalid UTF-8 is an error of that
// item only. InvalidArgument only when a CSV file cannot be read at all.
Result<std::vector<BatchItem>> ReadBatchInput(std::string_view bytes);

}  // namespace ecg::tools

#endif  // ECG_TOOLS_BATCH_INPUT_H_
