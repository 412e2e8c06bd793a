// Dates at day precision and half-open validity intervals [from, to).
// Date and Interval are plain values: thread-compatible, cheap to copy.
#ifndef ECG_SCHEMA_DATE_H_
#define ECG_SCHEMA_DATE_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "schema/result.h"

namespace ecg {

// A calendar day, stored as days since 1970-01-01 (proleptic Gregorian).
// Two sentinels stand for open ends: Date::Min() ("since always") and
// Date::Max() ("until further notice").
class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(int32_t days) : days_(days) {}

  // Parses "YYYY-MM-DD" strictly (a real calendar day, years 0001..9999).
  // Returns InvalidArgument naming the text and what was expected.
  static Result<Date> Parse(std::string_view text);
  // REQUIRES: a valid calendar day.
  static Date FromYmd(int year, int month, int day);
  // Today in UTC.
  static Date Today();

  static constexpr Date Min() { return Date(INT32_MIN); }
  static constexpr Date Max() { return Date(INT32_MAX); }
  bool is_min() const { return days_ == INT32_MIN; }
  bool is_max() const { return days_ == INT32_MAX; }

  int32_t days() const { return days_; }
  // Splits into year, month, day. REQUIRES: not a sentinel.
  void ToYmd(int* year, int* month, int* day) const;
  // "YYYY-MM-DD"; "-inf" and "+inf" for the sentinels.
  std::string ToString() const;

  Date AddDays(int32_t n) const { return Date(days_ + n); }

  auto operator<=>(const Date&) const = default;

 private:
  int32_t days_ = 0;
};

// A half-open interval of days [from, to). from == Date::Min() means open at
// the start; to == Date::Max() means still in force.
struct Interval {
  Date from = Date::Min();
  Date to = Date::Max();

  static Interval Always() { return {}; }
  static Interval Since(Date d) { return {d, Date::Max()}; }

  bool is_open() const { return to.is_max(); }
  // A well-formed interval has from < to.
  bool valid() const { return from < to; }
  bool Contains(Date d) const { return from <= d && d < to; }
  // True when `other` lies entirely inside this interval.
  bool Contains(const Interval& other) const { return from <= other.from && other.to <= to; }
  bool Overlaps(const Interval& other) const { return from < other.to && other.from < to; }
  // "[2024-01-01, +inf)".
  std::string ToString() const;

  bool operator==(const Interval&) const = default;
};

}  // namespace ecg

#endif  // ECG_SCHEMA_DATE_H_
