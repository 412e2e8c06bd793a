#include "ingest/lists/cn_names.h"

#include <re2/re2.h>

#include "ingest/util/country_codes.h"

namespace ecg::ingest::lists {
namespace {

// "6", "六", "十二" -> the number; 0 when empty or not a number.
int CountOf(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  if (text.find_first_not_of("0123456789") == std::string_view::npos) {
    return text.size() > 4 ? 0 : std::stoi(std::string(text));
  }
  static const std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                             "五", "六", "七", "八", "九"};
  int total = 0;
  int current = 0;
  while (!text.empty()) {
    bool matched = false;
    for (int d = 0; d < 10; ++d) {
      if (text.starts_with(kDigits[d])) {
        current = d;
        text.remove_prefix(kDigits[d].size());
        matched = true;
        break;
      }
    }
    if (matched) {
      continue;
    }
    if (text.starts_with("两")) {
      current = 2;
      text.remove_prefix(std::string_view("两").size());
    } else if (text.starts_with("十")) {
      total += (current == 0 ? 1 : current) * 10;
      current = 0;
      text.remove_prefix(std::string_view("十").size());
    } else {
      return 0;
    }
  }
  return total + current;
}

bool StartsLatin(std::string_view s) {
  return !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') ||
                        (s[0] >= '0' && s[0] <= '9'));
}

// Removes a leading country name followed by a Latin name ("美国PVH集团");
// a Han name keeps its country word, which is often part of it (中国电子...).
std::string StripCountryPrefix(std::string* name) {
  size_t length = 0;
  std::string code = util::ChineseCountryPrefix(*name, &length);
  if (length == 0 || !StartsLatin(std::string_view(*name).substr(length))) {
    return "";
  }
  name->erase(0, length);
  return code;
}

}  // namespace

CnName SplitCnEntityName(std::string_view row_name) {
  CnName out;
  out.name = std::string(row_name);
  static const RE2 kGroup(
      "(.+?)(及其(?:分支机构|子公司|关联公司|关联企业|附属机构))?"
      "等([0-9]+|[零一二两三四五六七八九十]+)?[家个名]?(?:外国)?(?:实体|公司|企业|机构|单位)");
  static const RE2 kBranches("(.+?)及其(?:分支机构|子公司|关联公司|关联企业|附属机构)");
  std::string head;
  std::string branches;
  std::string count;
  if (RE2::FullMatch(out.name, kGroup, &head, &branches, &count)) {
    const int n = CountOf(count);
    out.group_note =
        "stands for a group" + (n > 0 ? " of " + std::to_string(n) + " entities" : std::string()) +
        (branches.empty() ? "" : " (with its branches)") + " named in the row: " + out.name;
    out.name = head;
  } else if (RE2::FullMatch(out.name, kBranches, &head)) {
    out.group_note = "stands for a group (with its branches) named in the row: " + out.name;
    out.name = head;
  }
  // "哈德森技术公司（Hudson Technologies Co.）": the Latin spelling leads.
  static const RE2 kLatinInParens("(.+?)\\s*[（(]([^（）()]*[A-Za-z][^（）()]*)[）)]");
  std::string outer;
  std::string inner;
  if (RE2::FullMatch(out.name, kLatinInParens, &outer, &inner) && !StartsLatin(outer)) {
    out.name = inner;
    out.aliases.push_back(outer);
  }
  out.country = StripCountryPrefix(&out.name);
  for (std::string& a : out.aliases) {
    std::string c = StripCountryPrefix(&a);
    if (out.country.empty()) {
      out.country = c;
    }
  }
  if (out.name != row_name) {
    out.aliases.push_back(std::string(row_name));  // the row as written stays findable
  }
  return out;
}

}  // namespace ecg::ingest::lists
