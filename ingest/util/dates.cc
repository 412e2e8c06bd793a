#include "ingest/util/dates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

#include <re2/re2.h>

#include "ingest/util/fields.h"

#include "text/ascii.h"

namespace ecg::ingest::util {
namespace {

bool ToInt(std::string_view s, int* out) {
  if (s.empty()) {
    return false;
  }
  auto res = std::from_chars(s.data(), s.data() + s.size(), *out);
  return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

bool ValidYmd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) {
    return false;
  }
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) {
    return false;
  }
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::optional<Date> MakeDate(int y, int m, int d) {
  if (!ValidYmd(y, m, d)) {
    return std::nullopt;
  }
  return Date::FromYmd(y, m, d);
}

// Month number from an English month name or abbreviation ("Jun", "Sept."), 0 if none.
int MonthNumber(std::string_view word) {
  static const std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string w = text::AsciiLower(word);
  w.erase(std::remove(w.begin(), w.end(), '.'), w.end());
  if (w.size() < 3) {
    return 0;
  }
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w.size() <= kMonths[i].size() && kMonths[i].substr(0, w.size()) == w) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

int ExpandYear(int y, size_t digits, int pivot) {
  if (digits == 2) {
    return y < pivot ? 2000 + y : 1900 + y;
  }
  return digits == 4 ? y : -1;
}

std::optional<Date> ParseThreePart(std::string_view t, char sep, bool day_first, int pivot) {
  const size_t p1 = t.find(sep);
  if (p1 == std::string_view::npos) {
    return std::nullopt;
  }
  const size_t p2 = t.find(sep, p1 + 1);
  if (p2 == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view a = t.substr(0, p1);
  std::string_view b = t.substr(p1 + 1, p2 - p1 - 1);
  std::string_view c = t.substr(p2 + 1);
  int x = 0;
  int y = 0;
  int z = 0;
  if (a.size() > 2 || b.size() > 2 || !ToInt(a, &x) || !ToInt(b, &y) || !ToInt(c, &z)) {
    return std::nullopt;
  }
  const int year = ExpandYear(z, c.size(), pivot);
  return day_first ? MakeDate(year, y, x) : MakeDate(year, x, y);
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  std::string_view t = text.substr(0, std::min<size_t>(text.size(), 10));
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') {
    return std::nullopt;
  }
  auto r = Date::Parse(t);
  if (!r.ok()) {
    return std::nullopt;
  }
  return *r;
}

std::optional<Date> ParseDayFirstDate(std::string_view text) {
  return ParseThreePart(CleanText(text), '.', /*day_first=*/true, /*pivot=*/70);
}

std::optional<Date> ParseUsSlashDate(std::string_view text) {
  return ParseThreePart(CleanText(text), '/', /*day_first=*/false, /*pivot=*/36);
}

std::optional<Date> ParseEnglishDate(std::string_view text, EnglishDateMatch match) {
  static const RE2 kMonthFirst(R"(^\s*([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})\s*$)");
  static const RE2 kDayFirst(R"(^\s*(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})\s*$)");
  static const RE2 kPrefix(R"(^\s*([A-Za-z]+\.?)\s+([0-9]{1,2}),\s*([0-9]{4}))");
  std::string month;
  int day = 0;
  int year = 0;
  const bool found = match == EnglishDateMatch::kPrefix
                         ? RE2::PartialMatch(text, kPrefix, &month, &day, &year)
                         : RE2::FullMatch(text, kMonthFirst, &month, &day, &year) ||
                               RE2::FullMatch(text, kDayFirst, &day, &month, &year);
  if (!found) {
    return std::nullopt;
  }
  const int m = MonthNumber(month);
  if (m == 0) {
    return std::nullopt;
  }
  return MakeDate(year, m, day);
}

std::optional<Date> DateInText(std::string_view text) {
  static const RE2 kIso(R"((\d{4}-\d{2}-\d{2}))");
  std::string iso;
  if (RE2::PartialMatch(text, kIso, &iso)) {
    return ParseIsoDate(iso);
  }
  return std::nullopt;
}

}  // namespace ecg::ingest::util
