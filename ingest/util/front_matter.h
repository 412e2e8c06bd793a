// YAML front matter ("---\n<yaml>\n---\n<body>"), as the Markdown articles and
// the Federal Register posts carry it: splitting, parsing (yaml-cpp's
// exceptions become a Status here, the one place the parsers meet them) and
// reading scalar and date fields. Errors name the file and the line.
#ifndef ECG_INGEST_UTIL_FRONT_MATTER_H_
#define ECG_INGEST_UTIL_FRONT_MATTER_H_

#include <optional>
#include <string>
#include <string_view>

#include "schema/date.h"
#include "schema/result.h"

#include <yaml-cpp/yaml.h>

namespace ecg::ingest::util {

struct FrontMatter {
  std::string_view yaml;  // between the opening and the closing line
  std::string_view body;  // after the closing line
  int body_line = 0;      // the 1-based line of the file where the body starts
};

// Splits `bytes` (a BOM stripped) at an opening "---" line and a closing "---"
// or "..." line. Errors: InvalidArgument "<file>: line 1: no YAML front matter
// ..." and "<file>: line N: front matter opened at line 1 is not closed ...".
Result<FrontMatter> SplitFrontMatter(std::string_view bytes, std::string_view file);

// The front matter as a YAML mapping. Errors: the line and column of a YAML
// syntax error (line 1 of the front matter is line 2 of the file), or
// "<file>: line 2: front matter is not a YAML mapping".
Result<YAML::Node> LoadFrontMatter(std::string_view yaml, std::string_view file);

// A scalar field, "" when absent or not a scalar.
std::string YamlScalar(const YAML::Node& root, const char* key);

// A date field (its first ten characters, "YYYY-MM-DD"): nullopt when absent
// or empty; InvalidArgument "<file>: front matter: <key> 'X' is not a date
// (YYYY-MM-DD)" when present and unreadable.
Result<std::optional<Date>> FrontMatterDate(const YAML::Node& root, const char* key,
                                            std::string_view file);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_FRONT_MATTER_H_
