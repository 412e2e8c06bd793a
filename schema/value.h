// Value: a tagged variant holding one property value, and PropertyType, its
// type tag. Values are plain data: thread-compatible.
#ifndef ECG_SCHEMA_VALUE_H_
#define ECG_SCHEMA_VALUE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "schema/date.h"

namespace ecg {

// Stored on disk (value tag byte). Do not renumber.
enum class PropertyType : uint8_t {
  kNull = 0,
  kString = 1,
  kInt = 2,
  kDouble = 3,
  kBool = 4,
  kDate = 5,
  kStringList = 6,
};

// "string", "int", "double", "bool", "date", "string list", "null".
std::string_view PropertyTypeName(PropertyType type);

class Value {
 public:
  using StringList = std::vector<std::string>;

  Value() = default;  // null
  // Implicit on purpose so that property maps read naturally: {"pct", 50.0}.
  Value(std::string s) : v_(std::move(s)) {}         // NOLINT
  Value(const char* s) : v_(std::string(s)) {}       // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}  // NOLINT
  Value(int64_t i) : v_(i) {}                        // NOLINT
  Value(int i) : v_(static_cast<int64_t>(i)) {}      // NOLINT
  Value(double d) : v_(d) {}                         // NOLINT
  Value(bool b) : v_(b) {}                           // NOLINT
  Value(Date d) : v_(d) {}                           // NOLINT
  Value(StringList l) : v_(std::move(l)) {}          // NOLINT

  PropertyType type() const { return static_cast<PropertyType>(v_.index()); }
  bool is_null() const { return v_.index() == 0; }

  // REQUIRES: type() matches. Asserting accessors for code that checked type().
  const std::string& as_string() const { return std::get<std::string>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  bool as_bool() const { return std::get<bool>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  const StringList& as_string_list() const { return std::get<StringList>(v_); }

  // Numeric view for comparisons: int and double both convert. False otherwise.
  bool ToNumber(double* out) const;

  // Human-readable text: strings as-is, dates ISO, lists joined by "; ", null as "".
  std::string ToString() const;

  // Total order used for sorting and deduplication: first by type, then by value.
  // Values of int and double types compare numerically with each other.
  int Compare(const Value& other) const;
  bool operator==(const Value& other) const { return Compare(other) == 0; }
  bool operator<(const Value& other) const { return Compare(other) < 0; }

 private:
  // Index order must match PropertyType.
  std::variant<std::monostate, std::string, int64_t, double, bool, Date, StringList> v_;
};

}  // namespace ecg

#endif  // ECG_SCHEMA_VALUE_H_
