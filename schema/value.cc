#include "schema/value.h"

#include <cstdio>

namespace ecg {

std::string_view PropertyTypeName(PropertyType type) {
  switch (type) {
    case PropertyType::kNull:
      return "null";
    case PropertyType::kString:
      return "string";
    case PropertyType::kInt:
      return "int";
    case PropertyType::kDouble:
      return "double";
    case PropertyType::kBool:
      return "bool";
    case PropertyType::kDate:
      return "date";
    case PropertyType::kStringList:
      return "string list";
  }
  return "?";
}

bool Value::ToNumber(double* out) const {
  if (type() == PropertyType::kInt) {
    *out = static_cast<double>(as_int());
    return true;
  }
  if (type() == PropertyType::kDouble) {
    *out = as_double();
    return true;
  }
  return false;
}

std::string Value::ToString() const {
  switch (type()) {
    case PropertyType::kNull:
      return "";
    case PropertyType::kString:
      return as_string();
    case PropertyType::kInt:
      return std::to_string(as_int());
    case PropertyType::kDouble: {
      char buf[32];
      std::snprintf(buf, sizeof(buf), "%.10g", as_double());
      return buf;
    }
    case PropertyType::kBool:
      return as_bool() ? "true" : "false";
    case PropertyType::kDate:
      return as_date().ToString();
    case PropertyType::kStringList: {
      std::string out;
      for (const auto& s : as_string_list()) {
        if (!out.empty()) {
          out += "; ";
        }
        out += s;
      }
      return out;
    }
  }
  return "";
}

int Value::Compare(const Value& other) const {
  double a = 0;
  double b = 0;
  if (ToNumber(&a) && other.ToNumber(&b)) {
    return a < b ? -1 : (b < a ? 1 : 0);
  }
  if (v_.index() != other.v_.index()) {
    return v_.index() < other.v_.index() ? -1 : 1;
  }
  switch (type()) {
    case PropertyType::kNull:
      return 0;
    case PropertyType::kString:
      return as_string().compare(other.as_string()) < 0   ? -1
             : as_string().compare(other.as_string()) > 0 ? 1
                                                          : 0;
    case PropertyType::kBool:
      return static_cast<int>(as_bool()) - static_cast<int>(other.as_bool());
    case PropertyType::kDate:
      return as_date() < other.as_date() ? -1 : (other.as_date() < as_date() ? 1 : 0);
    case PropertyType::kStringList:
      return as_string_list() < other.as_string_list()   ? -1
             : other.as_string_list() < as_string_list() ? 1
                                                         : 0;
    default:
      return 0;
  }
}

}  // namespace ecg
