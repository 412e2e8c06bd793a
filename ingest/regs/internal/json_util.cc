#include "ingest/regs/internal/json_util.h"

#include <utility>

#include "ingest/regs/internal/text_util.h"

namespace ecg::ingest::regs_internal {
namespace {

constexpr int kMaxDepth = 256;

// Visits every value so that on-demand parsing reaches the first error.
simdjson::error_code Walk(simdjson::ondemand::value value, int depth) {
  if (depth > kMaxDepth) {
    return simdjson::DEPTH_ERROR;
  }
  simdjson::ondemand::json_type type{};
  if (auto err = value.type().get(type)) {
    return err;
  }
  switch (type) {
    case simdjson::ondemand::json_type::object: {
      simdjson::ondemand::object obj;
      if (auto err = value.get_object().get(obj)) {
        return err;
      }
      for (auto field_result : obj) {
        simdjson::ondemand::field field;
        if (auto err = std::move(field_result).get(field)) {
          return err;
        }
        if (auto err = Walk(field.value(), depth + 1)) {
          return err;
        }
      }
      return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::array: {
      simdjson::ondemand::array arr;
      if (auto err = value.get_array().get(arr)) {
        return err;
      }
      for (auto element_result : arr) {
        simdjson::ondemand::value element;
        if (auto err = std::move(element_result).get(element)) {
          return err;
        }
        if (auto err = Walk(element, depth + 1)) {
          return err;
        }
      }
      return simdjson::SUCCESS;
    }
    case simdjson::ondemand::json_type::string: {
      std::string_view s;
      return value.get_string().get(s);
    }
    case simdjson::ondemand::json_type::number: {
      double d = 0;
      return value.get_double().get(d);
    }
    case simdjson::ondemand::json_type::boolean: {
      bool b = false;
      return value.get_bool().get(b);
    }
    case simdjson::ondemand::json_type::null: {
      bool is_null = false;
      return value.is_null().get(is_null);
    }
  }
  return simdjson::SUCCESS;
}

size_t ErrorOffset(std::string_view bytes) {
  simdjson::padded_string padded(bytes);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS) {
    return bytes.size();
  }
  simdjson::ondemand::value root;
  simdjson::error_code err = doc.get_value().get(root);
  if (err == simdjson::SUCCESS) {
    err = Walk(root, 0);
  }
  const char* loc = nullptr;
  if (err != simdjson::SUCCESS && doc.current_location().get(loc) == simdjson::SUCCESS &&
      loc != nullptr) {
    size_t off = static_cast<size_t>(loc - padded.data());
    return off < bytes.size() ? off : bytes.size();
  }
  return bytes.size();
}

}  // namespace

Status JsonSyntaxError(simdjson::error_code code, std::string_view bytes,
                       std::string_view file_name) {
  size_t offset = ErrorOffset(bytes);
  std::string where = offset >= bytes.size() ? "end of input" : LineColumn(bytes, offset);
  return Status::InvalidArgument(std::string(file_name) + ": invalid JSON at byte offset " +
                                 std::to_string(offset) + " (" + where +
                                 "): " + simdjson::error_message(code));
}

std::string Str(simdjson::dom::element obj, std::string_view key) {
  std::string_view s;
  if (obj[key].get_string().get(s) != simdjson::SUCCESS) {
    return "";
  }
  return std::string(s);
}

std::string NumOrStr(simdjson::dom::element obj, std::string_view key) {
  int64_t i = 0;
  if (obj[key].get_int64().get(i) == simdjson::SUCCESS) {
    return std::to_string(i);
  }
  return Str(obj, key);
}

std::vector<std::string> StrList(simdjson::dom::element obj, std::string_view key) {
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

}  // namespace ecg::ingest::regs_internal
