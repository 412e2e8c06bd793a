#include "ingest/lists/list_util.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "ingest/util/fields.h"
#include "ingest/util/fr_citation.h"

#include "text/ascii.h"

namespace ecg::ingest::lists {

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
  const std::string t = text::AsciiLower(util::CleanText(source_type));
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

void JoinPartiesListedUnderSeveralCountries(std::vector<ListRecord>* records) {
  std::map<std::string, std::vector<size_t>> by_name;
  for (size_t i = 0; i < records->size(); ++i) {
    const ListRecord& r = (*records)[i];
    std::string key = r.list_code + '\x1f';
    for (unsigned char c : r.name) {
      if (std::isalnum(c) != 0 || c >= 0x80) {
        key.push_back(static_cast<char>(std::tolower(c)));
      }
    }
    by_name[key].push_back(i);
  }
  // Whether `a` names more than one country, `b`'s among them.
  auto names = [](const ListRecord& a, const ListRecord& b) {
    const auto& o = a.other_countries;
    return !o.empty() && !b.country.empty() &&
           (b.country == a.country || std::find(o.begin(), o.end(), b.country) != o.end());
  };
  for (const auto& [key, members] : by_name) {
    for (size_t m = 1; m < members.size(); ++m) {
      ListRecord& later = (*records)[members[m]];
      for (size_t k = 0; k < m; ++k) {
        const ListRecord& earlier = (*records)[members[k]];
        if (names(earlier, later) || names(later, earlier)) {
          later.record_id = earlier.record_id;
          break;
        }
      }
    }
  }
}

void AddOtherCountry(std::string_view code, ListRecord* record) {
  if (code.empty() || code == record->country) {
    return;
  }
  auto& others = record->other_countries;
  if (std::find(others.begin(), others.end(), code) == others.end()) {
    others.emplace_back(code);
  }
}

void AddFrCitations(std::string_view text, ListRecord* record) {
  for (const util::FrCitation& c : util::ParseFrCitations(text)) {
    std::string s = c.ToString();
    bool dup = false;
    for (const std::string& seen : record->fr_citations) {
      dup = dup || seen == s;
    }
    if (!dup) {
      record->fr_citations.push_back(std::move(s));
      record->citation_dates.push_back(c.date);
    }
  }
}

}  // namespace ecg::ingest::lists
