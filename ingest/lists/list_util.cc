#include "ingest/lists/list_util.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <unordered_map>

#include <re2/re2.h>

#include "text/decode.h"

namespace ecg::ingest::lists {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

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
  std::string w;
  for (char c : word) {
    if (c != '.') {
      w.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
  }
  if (w.size() < 3) {
    return 0;
  }
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i].substr(0, std::min(w.size(), kMonths[i].size())) == w &&
        w.size() <= kMonths[i].size()) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

}  // namespace

Status ValidateUtf8(std::string_view bytes, std::string_view file_label) {
  const size_t bad = text::FirstInvalidUtf8(bytes);
  if (bad == std::string_view::npos) {
    return Status::OK();
  }
  LineIndex lines(bytes);
  return Status::InvalidArgument(Where(file_label, lines.LineOf(bad), bad) +
                                 ": invalid UTF-8 byte sequence");
}

std::string_view StripBom(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  return bytes;
}

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    }
  }
}

uint64_t LineIndex::LineOf(uint64_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint64_t>(it - starts_.begin());
}

uint64_t LineIndex::ColumnOf(uint64_t offset) const {
  return offset - starts_[LineOf(offset) - 1] + 1;
}

std::string Where(std::string_view file_label, uint64_t line, uint64_t offset) {
  std::string out(file_label);
  if (line > 0) {
    out.push_back(':');
    out.append(std::to_string(line));
  }
  out.append(" (byte ");
  out.append(std::to_string(offset));
  out.push_back(')');
  return out;
}

std::string CleanText(std::string_view text) {
  std::string out = text::RepairC1(std::string(text));
  // Trim ASCII whitespace and U+00A0 (C2 A0) at both ends.
  size_t b = 0;
  size_t e = out.size();
  for (;;) {
    if (b < e && IsAsciiSpace(out[b])) {
      ++b;
    } else if (e - b >= 2 && out.compare(b, 2, "\xC2\xA0") == 0) {
      b += 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (e > b && IsAsciiSpace(out[e - 1])) {
      --e;
    } else if (e - b >= 2 && out.compare(e - 2, 2, "\xC2\xA0") == 0) {
      e -= 2;
    } else {
      break;
    }
  }
  // Collapse every inner run of whitespace (newlines, tabs, U+00A0 included)
  // to one space, so that a re-spaced name is the same name.
  std::string collapsed;
  collapsed.reserve(e - b);
  bool space = false;
  for (size_t i = b; i < e;) {
    if (IsAsciiSpace(out[i])) {
      space = true;
      ++i;
      continue;
    }
    if (e - i >= 2 && out.compare(i, 2, "\xC2\xA0") == 0) {
      space = true;
      i += 2;
      continue;
    }
    if (space) {
      collapsed.push_back(' ');
      space = false;
    }
    collapsed.push_back(out[i]);
    ++i;
  }
  return collapsed;
}

std::vector<std::string> SplitClean(std::string_view text, std::string_view sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t next = text.find(sep, pos);
    if (next == std::string_view::npos) {
      next = text.size();
    }
    std::string part = CleanText(text.substr(pos, next - pos));
    if (!part.empty()) {
      out.push_back(std::move(part));
    }
    pos = next + sep.size();
  }
  return out;
}

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

namespace {
int ExpandYear(int y, size_t digits, int pivot) {
  if (digits == 2) {
    return y < pivot ? 2000 + y : 1900 + y;
  }
  return digits == 4 ? y : -1;
}

std::optional<Date> ParseThreePart(std::string_view text, char sep, bool day_first, int pivot) {
  const std::string_view t = text;
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

std::optional<Date> ParseDayFirstDate(std::string_view text) {
  return ParseThreePart(CleanText(text), '.', /*day_first=*/true, /*pivot=*/70);
}

std::optional<Date> ParseUsSlashDate(std::string_view text) {
  return ParseThreePart(CleanText(text), '/', /*day_first=*/false, /*pivot=*/36);
}

std::optional<Date> ParseEnglishDate(std::string_view text) {
  static const RE2 kMonthFirst(R"(^\s*([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})\s*$)");
  static const RE2 kDayFirst(R"(^\s*(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})\s*$)");
  std::string month;
  int day = 0;
  int year = 0;
  if (RE2::FullMatch(text, kMonthFirst, &month, &day, &year) ||
      RE2::FullMatch(text, kDayFirst, &day, &month, &year)) {
    const int m = MonthNumber(month);
    if (m == 0) {
      return std::nullopt;
    }
    return MakeDate(year, m, day);
  }
  return std::nullopt;
}

std::optional<Date> DateInText(std::string_view text) {
  static const RE2 kIso(R"((\d{4}-\d{2}-\d{2}))");
  std::string iso;
  if (RE2::PartialMatch(text, kIso, &iso)) {
    return ParseIsoDate(iso);
  }
  return std::nullopt;
}

std::string StableId(std::string_view prefix, const std::vector<std::string_view>& parts) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ULL;
  };
  for (std::string_view part : parts) {
    for (char c : part) {
      mix(static_cast<unsigned char>(c));
    }
    mix(0x1F);  // unit separator: "ab"+"c" differs from "a"+"bc"
  }
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(h));  // NOLINT
  return std::string(prefix) + "-" + hex;
}

std::string MapEntityType(std::string_view source_type) {
  std::string t;
  for (char c : CleanText(source_type)) {
    t.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  if (t == "entity" || t == "organization" || t == "organisation" || t == "company" ||
      t == "legalentity") {
    return "company";
  }
  if (t == "individual" || t == "person") {
    return "person";
  }
  if (t == "vessel") {
    return "vessel";
  }
  if (t == "aircraft") {
    return "aircraft";
  }
  return "unknown";
}

std::string CslListCode(std::string_view name) {
  const size_t open = name.find('(');
  const size_t close = name.find(')', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    return std::string(name);
  }
  std::string code(name.substr(open + 1, close - open - 1));
  if (code.size() > 5 && code.substr(code.size() - 5) == " List") {
    code.resize(code.size() - 5);
  }
  return code;
}

void DisambiguateIds(std::vector<ListRecord>* records) {
  std::unordered_map<std::string, int> seen;
  for (ListRecord& r : *records) {
    const int n = ++seen[r.list_code + '\x1f' + r.record_id];
    if (n > 1) {
      r.record_id.push_back('~');
      r.record_id.append(std::to_string(n));
    }
  }
}

}  // namespace ecg::ingest::lists
