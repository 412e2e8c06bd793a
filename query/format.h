// Renders a ResultSet for people and programs: an aligned text table (CJK
// counted by display width), JSON lines, CSV (RFC 4180), Graphviz DOT and
// GraphML. Pure functions: thread-safe.
#ifndef ECG_QUERY_FORMAT_H_
#define ECG_QUERY_FORMAT_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "query/result_set.h"
#include "schema/result.h"

namespace ecg::query {

enum class Format : uint8_t { kTable, kJson, kCsv, kDot, kGraphml };

// "table", "json" (or "jsonl"), "csv", "dot", "graphml". InvalidArgument
// naming the valid formats otherwise.
Result<Format> ParseFormat(std::string_view name);

// True for the formats that draw ResultSet::graph (set
// ExecOptions::collect_graph before executing).
inline bool IsGraphFormat(Format f) {
  return f == Format::kDot || f == Format::kGraphml;
}

// How a table fits a terminal.
struct TableOptions {
  // The widest line, in display columns; 0 for no limit. Columns are
  // narrowed, widest first, until the line fits, and cells that no longer
  // fit end in "…".
  size_t width = 0;
  // A multi-valued cell shows this many values, then "+N more"; 0 for all.
  size_t max_values = 0;
};

// Renders `result` in `format`. Every output ends with a newline.
std::string Render(const ResultSet& result, Format format, const TableOptions& table = {});

// An aligned table: header, a rule, the rows, then "(N rows)" (", truncated"
// when max_rows cut the result) and any notices. Numbers are right-aligned;
// newlines in values become spaces.
std::string FormatTable(const ResultSet& result, const TableOptions& options = {});
// One JSON object per row, keys named after the columns. Strings, numbers
// and booleans map to JSON; dates to "YYYY-MM-DD"; string lists to arrays;
// null to null. When max_rows cut the result, a last line
// {"truncated": true, "stopped_by": ..., "rows": N, "notices": [...]} says
// so; a complete result has no such line.
std::string FormatJsonLines(const ResultSet& result);
// RFC 4180: a header line, CRLF line ends, fields quoted when they hold a
// comma, quote, CR or LF.
std::string FormatCsv(const ResultSet& result);
// digraph of ResultSet::graph; vertices labelled by name and kind.
std::string FormatDot(const ResultSet& result);
// GraphML of ResultSet::graph with kind/key/label and type/label data keys.
std::string FormatGraphml(const ResultSet& result);

// A value as JSON: strings, numbers, booleans, dates as "YYYY-MM-DD", string
// lists as arrays, null.
nlohmann::json ValueToJson(const Value& v);

// `s` with &, <, > and " escaped, for XML (GraphML) and HTML text.
std::string XmlEscape(std::string_view s);

}  // namespace ecg::query

#endif  // ECG_QUERY_FORMAT_H_
