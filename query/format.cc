#include "query/format.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "query/display_width.h"

namespace ecg::query {
namespace {

bool IsNumber(const Value& v) {
  return v.type() == PropertyType::kInt || v.type() == PropertyType::kDouble;
}

std::string Cell(const Value& v, size_t max_values) {
  std::string s;
  if (v.type() == PropertyType::kStringList && max_values > 0 &&
      v.as_string_list().size() > max_values) {
    const std::vector<std::string>& all = v.as_string_list();
    for (size_t i = 0; i < max_values; ++i) {
      s += (i == 0 ? "" : "; ") + all[i];
    }
    s += "; +" + std::to_string(all.size() - max_values) + " more";
  } else {
    s = v.ToString();
  }
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

std::string Pad(const std::string& s, size_t width, bool right) {
  size_t w = DisplayWidth(s);
  std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    return s;
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  return out + "\"";
}

std::string DotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

// Narrows the widest columns one column at a time until the line (cells
// joined by two blanks) fits in `limit`; no column goes below kMinColumn or
// its natural width.
void FitColumns(std::vector<size_t>* width, size_t limit) {
  constexpr size_t kMinColumn = 6;
  if (limit == 0 || width->empty()) {
    return;
  }
  size_t total = 2 * (width->size() - 1);
  for (size_t w : *width) {
    total += w;
  }
  while (total > limit) {
    auto widest = std::max_element(width->begin(), width->end());
    if (*widest <= kMinColumn) {
      return;  // too many columns to fit: the line stays long, cells short
    }
    --*widest;
    --total;
  }
}

}  // namespace

Result<Format> ParseFormat(std::string_view name) {
  if (name == "table") {
    return Format::kTable;
  }
  if (name == "json" || name == "jsonl") {
    return Format::kJson;
  }
  if (name == "csv") {
    return Format::kCsv;
  }
  if (name == "dot") {
    return Format::kDot;
  }
  if (name == "graphml") {
    return Format::kGraphml;
  }
  return Status::InvalidArgument("unknown format '" + std::string(name) +
                                 "' (table, json, csv, dot, graphml)");
}

std::string Render(const ResultSet& result, Format format, const TableOptions& table) {
  switch (format) {
    case Format::kTable:
      return FormatTable(result, table);
    case Format::kJson:
      return FormatJsonLines(result);
    case Format::kCsv:
      return FormatCsv(result);
    case Format::kDot:
      return FormatDot(result);
    case Format::kGraphml:
      return FormatGraphml(result);
  }
  return "";
}

std::string FormatTable(const ResultSet& result, const TableOptions& options) {
  size_t n = result.columns.size();
  std::vector<size_t> width(n);
  std::vector<bool> numeric(n, true);
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header = result.columns;
  for (size_t c = 0; c < n; ++c) {
    width[c] = DisplayWidth(header[c]);
  }
  for (const auto& row : result.rows) {
    std::vector<std::string>& line = cells.emplace_back();
    for (size_t c = 0; c < n && c < row.size(); ++c) {
      line.push_back(Cell(row[c], options.max_values));
      width[c] = std::max(width[c], DisplayWidth(line.back()));
      if (!row[c].is_null() && !IsNumber(row[c])) {
        numeric[c] = false;
      }
    }
  }
  FitColumns(&width, options.width);
  if (options.width != 0) {
    for (size_t c = 0; c < n; ++c) {
      header[c] = FitWidth(header[c], width[c]);
    }
    for (auto& line : cells) {
      for (size_t c = 0; c < line.size(); ++c) {
        line[c] = FitWidth(line[c], width[c]);
      }
    }
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& line, bool is_header) {
    std::string text;
    for (size_t c = 0; c < n; ++c) {
      const std::string& s = c < line.size() ? line[c] : std::string();
      bool last = c + 1 == n;
      bool right = !is_header && numeric[c];
      text += (c == 0 ? "" : "  ") + (last && !right ? s : Pad(s, width[c], right));
    }
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();  // an empty last cell leaves no trailing blanks
    }
    out += text + "\n";
  };
  emit(header, /*is_header=*/true);
  std::string rule;
  for (size_t c = 0; c < n; ++c) {
    rule += (c == 0 ? "" : "  ") + std::string(width[c], '-');
  }
  out += rule + "\n";
  for (const auto& line : cells) {
    emit(line, /*is_header=*/false);
  }
  size_t rows = result.rows.size();
  out += "(" + std::to_string(rows) + (rows == 1 ? " row" : " rows") +
         (result.truncated ? ", truncated" : "") + ")\n";
  for (const std::string& notice : result.notices) {
    out += "note: " + notice + "\n";
  }
  return out;
}

std::string FormatJsonLines(const ResultSet& result) {
  std::string out;
  for (const auto& row : result.rows) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (size_t c = 0; c < result.columns.size() && c < row.size(); ++c) {
      obj[result.columns[c]] = ValueToJson(row[c]);
    }
    out += obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  if (result.truncated) {
    nlohmann::ordered_json trailer = {{"truncated", true},
                                      {"stopped_by", result.stopped_by},
                                      {"rows", result.rows.size()},
                                      {"notices", result.notices}};
    out += trailer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

std::string FormatCsv(const ResultSet& result) {
  std::string out;
  auto emit = [&out](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      out += (i == 0 ? "" : ",") + CsvField(fields[i]);
    }
    out += "\r\n";
  };
  emit(result.columns);
  for (const auto& row : result.rows) {
    std::vector<std::string> fields;
    fields.reserve(row.size());
    for (const Value& v : row) {
      fields.push_back(v.ToString());
    }
    emit(fields);
  }
  return out;
}

std::string FormatDot(const ResultSet& result) {
  std::string out = "digraph ecgraph {\n  node [shape=box];\n";
  for (const GraphVertex& v : result.graph.vertices) {
    out += "  v" + std::to_string(v.id.value()) +
           " [label=" + DotQuote(v.label + "\n(" + std::string(VertexKindName(v.kind)) + ")") +
           "];\n";
  }
  for (const GraphEdge& e : result.graph.edges) {
    out += "  v" + std::to_string(e.src.value()) + " -> v" + std::to_string(e.dst.value()) +
           " [label=" + DotQuote(e.label) + "];\n";
  }
  return out + "}\n";
}

std::string FormatGraphml(const ResultSet& result) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"elabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <graph id=\"G\" edgedefault=\"directed\">\n";
  for (const GraphVertex& v : result.graph.vertices) {
    out += "    <node id=\"v" + std::to_string(v.id.value()) + "\"><data key=\"kind\">" +
           std::string(VertexKindName(v.kind)) + "</data><data key=\"key\">" + XmlEscape(v.key) +
           "</data><data key=\"label\">" + XmlEscape(v.label) + "</data></node>\n";
  }
  size_t i = 0;
  for (const GraphEdge& e : result.graph.edges) {
    out += "    <edge id=\"e" + std::to_string(i++) + "\" source=\"v" +
           std::to_string(e.src.value()) + "\" target=\"v" + std::to_string(e.dst.value()) +
           "\"><data key=\"type\">" + std::string(EdgeTypeName(e.type)) +
           "</data><data key=\"elabel\">" + XmlEscape(e.label) + "</data></edge>\n";
  }
  return out + "  </graph>\n</graphml>\n";
}

nlohmann::json ValueToJson(const Value& v) {
  switch (v.type()) {
    case PropertyType::kNull:
      return nullptr;
    case PropertyType::kString:
      return v.as_string();
    case PropertyType::kInt:
      return v.as_int();
    case PropertyType::kDouble:
      return v.as_double();
    case PropertyType::kBool:
      return v.as_bool();
    case PropertyType::kDate:
      return v.as_date().ToString();
    case PropertyType::kStringList:
      return v.as_string_list();
  }
  return nullptr;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace ecg::query
