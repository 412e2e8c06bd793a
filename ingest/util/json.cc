#include "ingest/util/json.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "ingest/util/fields.h"

#include "text/ascii.h"

namespace ecg::ingest::util {
namespace {

namespace od = simdjson::ondemand;

constexpr int kMaxDepth = 256;

// Walks a value with the On-Demand API so that a syntax error surfaces at the
// place it occurs.
simdjson::error_code Walk(od::value v, int depth) {
  if (depth > kMaxDepth) {
    return simdjson::DEPTH_ERROR;
  }
  od::json_type type{};
  if (auto e = v.type().get(type); e) {
    return e;
  }
  // Arrays and objects are walked alike (each child one level deeper); the
  // On-Demand API gives them different element types, hence two branches.
  switch (type) {
    case od::json_type::array: {
      od::array arr;
      if (auto e = v.get_array().get(arr); e) {
        return e;
      }
      for (auto item : arr) {
        od::value child;
        if (auto e = item.get(child); e) {
          return e;
        }
        if (auto e = Walk(child, depth + 1); e) {
          return e;
        }
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::object: {
      od::object obj;
      if (auto e = v.get_object().get(obj); e) {
        return e;
      }
      for (auto item : obj) {
        od::field f;
        if (auto e = std::move(item).get(f); e) {
          return e;
        }
        if (auto e = Walk(f.value(), depth + 1); e) {
          return e;
        }
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view s;
      return v.get_string().get(s);
    }
    case od::json_type::number: {
      od::number n;
      return v.get_number().get(n);
    }
    case od::json_type::boolean: {
      bool b = false;
      return v.get_bool().get(b);
    }
    case od::json_type::null: {
      bool is_null = false;
      return v.is_null().get(is_null);
    }
  }
  return simdjson::SUCCESS;
}

uint64_t ErrorOffset(const simdjson::padded_string& padded) {
  od::parser parser;
  od::document doc;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS) {
    return padded.size();
  }
  od::value root;
  simdjson::error_code e = doc.get_value().get(root);
  if (e == simdjson::SUCCESS) {
    e = Walk(root, 0);
  }
  const char* loc = nullptr;
  if (e == simdjson::SUCCESS || doc.current_location().get(loc) != simdjson::SUCCESS ||
      loc == nullptr) {
    return padded.size();
  }
  const auto off = static_cast<uint64_t>(loc - padded.data());
  return off > padded.size() ? padded.size() : off;
}

// What the DOM parser's error codes hide: a NUL byte (simdjson stops there
// and reports a truncated document at the end of the file) and nesting
// deeper than the parser allows (reported as an improper structure at the
// first bracket). Scans the text once, tracking strings; nullopt when
// neither is found.
struct ScanFinding {
  uint64_t offset = 0;
  std::string reason;
};
std::optional<ScanFinding> ScanForHiddenErrors(std::string_view bytes, size_t max_depth) {
  bool in_string = false;
  bool escaped = false;
  size_t depth = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\0') {
      return ScanFinding{i, in_string ? "a NUL byte inside a string (a control character must "
                                        "be written as an escape, e.g. \\u0000)"
                                      : "a NUL byte (JSON text holds none)"};
    }
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return ScanFinding{i, "nesting deeper than " + std::to_string(max_depth) +
                                  " arrays and objects (no data file nests so deep)"};
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

std::vector<uint64_t> ArrayElementOffsets(const JsonDoc& doc, std::string_view key) {
  std::vector<uint64_t> out;
  od::parser parser;
  od::document d;
  if (parser.iterate(doc.padded).get(d) != simdjson::SUCCESS) {
    return {};
  }
  od::array arr;
  if (key.empty()) {
    if (d.get_array().get(arr) != simdjson::SUCCESS) {
      return {};
    }
  } else {
    od::object obj;
    if (d.get_object().get(obj) != simdjson::SUCCESS ||
        obj.find_field_unordered(key).get_array().get(arr) != simdjson::SUCCESS) {
      return {};
    }
  }
  for (auto item : arr) {
    od::value v;
    if (item.get(v) != simdjson::SUCCESS) {
      return {};
    }
    std::string_view tok = v.raw_json_token();
    out.push_back(static_cast<uint64_t>(tok.data() - doc.padded.data()));
  }
  return out;
}

}  // namespace

Status ParseJson(std::string_view bytes, std::string_view file_label, JsonDoc* doc) {
  ECG_RETURN_IF_ERROR(ValidateUtf8(bytes, file_label));
  bytes = text::StripBom(bytes);
  doc->padded = simdjson::padded_string(bytes);
  simdjson::error_code e = doc->parser.parse(doc->padded).get(doc->root);
  if (e == simdjson::SUCCESS) {
    return Status::OK();
  }
  uint64_t off = 0;
  std::string reason;
  if (auto hidden = ScanForHiddenErrors(bytes, doc->parser.max_depth())) {
    off = hidden->offset;
    reason = hidden->reason;
  } else {
    off = ErrorOffset(doc->padded);
    reason = simdjson::error_message(e);
    if (off >= bytes.size()) {
      reason += " (unexpected end of input: the file looks truncated)";
    }
  }
  const LineIndex lines(bytes);
  return Status::InvalidArgument(Where(file_label, lines.LineOf(off), off) +
                                 ": invalid JSON: " + reason);
}

uint64_t JsonErrorOffset(std::string_view bytes) {
  return ErrorOffset(simdjson::padded_string(bytes));
}

Status JsonSyntaxError(simdjson::error_code code, std::string_view bytes,
                       std::string_view file_name) {
  uint64_t offset = 0;
  std::string reason;
  if (auto hidden = ScanForHiddenErrors(bytes, simdjson::DEFAULT_MAX_DEPTH)) {
    offset = hidden->offset;
    reason = hidden->reason;
  } else {
    offset = JsonErrorOffset(bytes);
    reason = simdjson::error_message(code);
  }
  const std::string where = offset >= bytes.size() ? "end of input" : LineColumn(bytes, offset);
  return Status::InvalidArgument(std::string(file_name) + ": invalid JSON at byte offset " +
                                 std::to_string(offset) + " (" + where + "): " + reason);
}

std::string GetString(simdjson::dom::object obj, std::string_view key) {
  std::string_view s;
  if (obj[key].get(s) != simdjson::SUCCESS) {
    return "";
  }
  return CleanText(s);
}

std::vector<std::string> GetStringArray(simdjson::dom::object obj, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (obj[key].get(arr) != simdjson::SUCCESS) {
    return out;
  }
  for (simdjson::dom::element el : arr) {
    std::string_view s;
    if (el.get(s) == simdjson::SUCCESS) {
      std::string c = CleanText(s);
      if (!c.empty()) {
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

bool GetIndex(simdjson::dom::object obj, std::string_view key, uint64_t* out) {
  return obj[key].get(*out) == simdjson::SUCCESS;
}

namespace {

std::string_view JsonTypeName(simdjson::dom::element_type t) {
  using T = simdjson::dom::element_type;
  switch (t) {
    case T::ARRAY:
      return "an array";
    case T::OBJECT:
      return "an object";
    case T::INT64:
    case T::UINT64:
      return "an integer";
    case T::DOUBLE:
      return "a number";
    case T::STRING:
      return "a string";
    case T::BOOL:
      return "a boolean";
    case T::NULL_VALUE:
      return "null";
  }
  return "a value";
}

}  // namespace

std::string FieldTypeProblem(simdjson::dom::object obj, std::initializer_list<JsonFieldSpec> spec) {
  using T = simdjson::dom::element_type;
  for (const JsonFieldSpec& f : spec) {
    simdjson::dom::element el;
    if (obj[f.key].get(el) != simdjson::SUCCESS || el.type() == T::NULL_VALUE) {
      continue;
    }
    const std::string field = "field `" + std::string(f.key) + "` is ";
    switch (f.type) {
      case JsonField::kString:
        if (el.type() != T::STRING) {
          return field + std::string(JsonTypeName(el.type())) + ", expected a string";
        }
        break;
      case JsonField::kIndex: {
        int64_t v = 0;
        if ((el.type() != T::INT64 && el.type() != T::UINT64) ||
            (el.type() == T::INT64 && (el.get(v) != simdjson::SUCCESS || v < 0))) {
          return field + std::string(JsonTypeName(el.type())) +
                 ", expected a table index (an integer >= 0)";
        }
        break;
      }
      case JsonField::kStringArray: {
        simdjson::dom::array arr;
        if (el.get(arr) != simdjson::SUCCESS) {
          return field + std::string(JsonTypeName(el.type())) + ", expected an array of strings";
        }
        size_t i = 0;
        for (simdjson::dom::element x : arr) {
          if (x.type() != T::STRING) {
            return "element " + std::to_string(i) + " of field `" + std::string(f.key) + "` is " +
                   std::string(JsonTypeName(x.type())) + ", expected a string";
          }
          ++i;
        }
        break;
      }
    }
  }
  return {};
}

bool Has(simdjson::dom::object obj, std::string_view key) {
  simdjson::dom::element el;
  return obj[key].get(el) == simdjson::SUCCESS && !el.is_null();
}

std::string GetRawString(simdjson::dom::element obj, std::string_view key) {
  std::string_view s;
  if (obj[key].get_string().get(s) != simdjson::SUCCESS) {
    return "";
  }
  return std::string(s);
}

std::string GetIntOrString(simdjson::dom::element obj, std::string_view key) {
  int64_t i = 0;
  if (obj[key].get_int64().get(i) == simdjson::SUCCESS) {
    return std::to_string(i);
  }
  return GetRawString(obj, key);
}

std::vector<std::string> GetRawStringArray(simdjson::dom::element obj, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (obj[key].get_array().get(arr) != simdjson::SUCCESS) {
    return out;
  }
  for (simdjson::dom::element e : arr) {
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) {
      out.emplace_back(s);
    }
  }
  return out;
}

Quarantined JsonRecord::Quarantine(std::string_view reason) const {
  return {line, offset, where + ": " + std::string(reason)};
}

void ForEachJsonRecord(const JsonDoc& doc, simdjson::dom::array array, std::string_view key,
                       std::vector<Quarantined>* quarantined,
                       const std::function<void(const JsonRecord&)>& fn) {
  const std::vector<uint64_t> offsets = ArrayElementOffsets(doc, key);
  const LineIndex lines(std::string_view(doc.padded.data(), doc.padded.size()));
  size_t index = 0;
  for (simdjson::dom::element el : array) {
    JsonRecord r;
    r.offset = index < offsets.size() ? offsets[index] : 0;
    r.line = offsets.empty() ? 0 : lines.LineOf(r.offset);
    r.where = std::string(key) + "[" + std::to_string(index) + "]";
    ++index;
    if (el.get(r.object) != simdjson::SUCCESS) {
      quarantined->push_back(r.Quarantine("not an object"));
      continue;
    }
    fn(r);
  }
}

Status ForEachJsonLine(std::string_view bytes, std::string_view file_label,
                       const std::function<Status(const JsonLine&)>& fn) {
  ECG_RETURN_IF_ERROR(ValidateUtf8(bytes, file_label));
  const std::string_view body = text::StripBom(bytes);
  const uint64_t bom = bytes.size() - body.size();
  simdjson::dom::parser parser;
  JsonLine line;
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t end = std::min(body.find('\n', pos), body.size());
    const std::string_view text = body.substr(pos, end - pos);
    ++line.line;
    line.offset = pos + bom;
    pos = end + 1;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    line.error = parser.parse(text.data(), text.size()).get(line.element);
    ECG_RETURN_IF_ERROR(fn(line));
  }
  return Status::OK();
}

}  // namespace ecg::ingest::util
