#include "ingest/util/country_codes.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "text/ascii.h"

namespace ecg::ingest::util {
namespace {

// Case-folded key with ASCII punctuation and spaces removed, and without a
// leading "the" ("The Netherlands" == "netherlands").
std::string Key(std::string_view name) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  u.foldCase();
  std::string folded;
  u.toUTF8String(folded);
  if (folded.rfind("the ", 0) == 0) {
    folded.erase(0, 4);
  }
  std::string out;
  for (char c : folded) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    }
  }
  return out;
}

// Short Chinese names in common use where ICU has only the official long form
// (HK is 中国香港特别行政区 there, MO 中国澳门特别行政区, AE 阿拉伯联合酋长国).
constexpr std::pair<const char*, const char*> kChineseShortForms[] = {
    {"香港", "HK"},
    {"澳门", "MO"},
    {"阿联酋", "AE"},
};

struct Tables {
  std::unordered_map<std::string, std::string> by_key;  // Key(name) -> ISO
  std::unordered_map<std::string, bool> codes;          // upper-case ISO codes
  // Chinese names, longest first, for address prefixes.
  std::vector<std::pair<std::string, std::string>> zh_names;
  // ISO -> ICU's Chinese name, then the short forms.
  std::unordered_map<std::string, std::vector<std::string>> zh_by_code;
  // ISO -> CountryDisplayNames.
  std::unordered_map<std::string, std::vector<std::string>> cldr_by_code;
};

// The CLDR names of every ISO country in the locales articles are written in
// (Simplified and Traditional Chinese, English), standard then short length.
void AddDisplayNames(Tables* t) {
  UDisplayContext short_length[] = {UDISPCTX_LENGTH_SHORT};
  for (const char* locale : {"zh", "zh_Hant", "zh_Hant_HK", "en"}) {
    const icu::Locale loc(locale);
    std::unique_ptr<icu::LocaleDisplayNames> standard(icu::LocaleDisplayNames::createInstance(loc));
    std::unique_ptr<icu::LocaleDisplayNames> short_names(
        icu::LocaleDisplayNames::createInstance(loc, short_length, 1));
    for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
      std::vector<std::string>& names = t->cldr_by_code[*c];
      for (const auto& dn : {standard.get(), short_names.get()}) {
        if (dn == nullptr) {
          continue;
        }
        icu::UnicodeString u;
        std::string name;
        dn->regionDisplayName(*c, u).toUTF8String(name);
        if (!name.empty() && name != *c &&
            std::find(names.begin(), names.end(), name) == names.end()) {
          names.push_back(std::move(name));
        }
      }
    }
  }
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables();  // never freed: an immutable process-wide table
    const icu::Locale en = icu::Locale::getEnglish();
    const icu::Locale zh = icu::Locale::getChinese();
    for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
      const std::string code(*c);
      t->codes[code] = true;
      icu::Locale loc("", *c);
      icu::UnicodeString u;
      std::string en_name;
      loc.getDisplayCountry(en, u).toUTF8String(en_name);
      u.remove();
      std::string zh_name;
      loc.getDisplayCountry(zh, u).toUTF8String(zh_name);
      if (!en_name.empty() && en_name != code) {
        t->by_key.emplace(Key(en_name), code);
      }
      if (!zh_name.empty() && zh_name != code) {
        t->by_key.emplace(Key(zh_name), code);
        t->zh_names.emplace_back(zh_name, code);
        t->zh_by_code[code].push_back(zh_name);
      }
    }
    for (const auto& [name, code] : kChineseShortForms) {
      t->by_key[Key(name)] = code;
      t->zh_names.emplace_back(name, code);
      t->zh_by_code[code].push_back(name);
    }
    // Short or older forms that the lists use and ICU does not.
    static const std::pair<const char*, const char*> kOverrides[] = {
        {"Russia", "RU"},
        {"Russian Federation", "RU"},
        {"Iran", "IR"},
        {"Burma", "MM"},
        {"South Korea", "KR"},
        {"Korea, South", "KR"},
        {"Republic of Korea", "KR"},
        {"North Korea", "KP"},
        {"Korea, North", "KP"},
        {"Syria", "SY"},
        {"Laos", "LA"},
        {"Vietnam", "VN"},
        {"Venezuela", "VE"},
        {"Bolivia", "BO"},
        {"Tanzania", "TZ"},
        {"Moldova", "MD"},
        {"Czech Republic", "CZ"},
        {"Turkey", "TR"},
        {"Taiwan", "TW"},
        {"Hong Kong", "HK"},
        {"Macau", "MO"},
        {"Macao", "MO"},
        {"China", "CN"},
        {"Mainland China", "CN"},
        {"UAE", "AE"},
        {"UK", "GB"},
        {"Great Britain", "GB"},
        {"USA", "US"},
        {"United States of America", "US"},
        {"Ivory Coast", "CI"},
        {"Cape Verde", "CV"},
        {"Swaziland", "SZ"},
        {"Macedonia", "MK"},
        {"Palestine", "PS"},
        {"Crimea Region of Ukraine", "UA"},
        {"Crimea", "UA"},
        {"Vatican", "VA"},
        {"Brunei", "BN"},
        {"中国", "CN"},
        {"中国大陆", "CN"},
        {"台湾", "TW"},
        {"中国台湾", "TW"},
        {"台湾地区", "TW"},
        {"中国台湾地区", "TW"},
        {"中国香港", "HK"},
        {"中国澳门", "MO"},
        {"美国", "US"},
        {"英国", "GB"},
        {"韩国", "KR"},
        {"朝鲜", "KP"},
        {"俄罗斯", "RU"},
    };
    for (const auto& [name, code] : kOverrides) {
      t->by_key[Key(name)] = code;
      const auto b = static_cast<unsigned char>(name[0]);
      if (b >= 0x80) {
        t->zh_names.emplace_back(name, code);
      }
    }
    AddDisplayNames(t);
    std::stable_sort(t->zh_names.begin(), t->zh_names.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return t;
  }();
  return *tables;
}

std::string Trimmed(std::string_view s) {
  return text::Trim(s, " \t\n\r.");
}

}  // namespace

std::string CountryToIso(std::string_view name) {
  const Tables& t = GetTables();
  std::string n = Trimmed(name);
  if (n.empty()) {
    return "";
  }
  if (n.size() == 2) {
    const std::string up = text::AsciiUpper(n);
    if (t.codes.count(up) != 0) {
      return up;
    }
  }
  auto it = t.by_key.find(Key(n));
  return it == t.by_key.end() ? "" : it->second;
}

std::string CountryFromChineseAddress(std::string_view address) {
  size_t length = 0;
  return ChineseCountryPrefix(Trimmed(address), &length);
}

std::string ChineseCountryPrefix(std::string_view text, size_t* length) {
  *length = 0;
  for (const auto& [zh, code] : GetTables().zh_names) {
    if (text.starts_with(zh)) {
      *length = zh.size();
      return code;
    }
  }
  return "";
}

std::string CountryFromCslAddress(std::string_view address) {
  const size_t comma = address.rfind(',');
  std::string_view last = comma == std::string_view::npos ? address : address.substr(comma + 1);
  std::string code = Trimmed(last);
  if (code.size() != 2) {
    return "";
  }
  for (char c : code) {
    if (c < 'A' || c > 'Z') {
      return "";
    }
  }
  return GetTables().codes.count(code) != 0 ? code : "";
}

std::vector<std::string> CountriesOfEnglishAddress(std::string_view address) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view name) {
    std::string n = Trimmed(name);
    while (!n.empty() && (n.back() == '.' || n.back() == ';' || n.back() == ',')) {
      n.pop_back();
    }
    if (n.size() <= 2) {
      return;
    }
    std::string code = CountryToIso(n);
    if (!code.empty() && std::find(out.begin(), out.end(), code) == out.end()) {
      out.push_back(std::move(code));
    }
  };
  // The address without its parenthesised remarks; a remark "under X" names X.
  std::string plain;
  std::vector<std::string_view> referred;
  int depth = 0;
  size_t open = 0;
  for (size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (c == '(') {
      if (depth++ == 0) {
        open = i;
      }
    } else if (c == ')' && depth > 0) {
      if (--depth == 0) {
        std::string_view remark = address.substr(open + 1, i - open - 1);
        // "See alternate addresses under Pakistan", "see also address in
        // Bahrain", "See also addresses under Greece, Pakistan, and U.K.".
        if (remark.size() > 4 && text::AsciiLower(remark.substr(0, 4)) == "see ") {
          size_t at = remark.rfind(" under ");
          size_t skip = 7;
          if (at == std::string_view::npos) {
            at = remark.rfind(" in ");
            skip = 4;
          }
          if (at != std::string_view::npos) {
            std::string_view list = remark.substr(at + skip);
            for (size_t start = 0; start < list.size();) {
              size_t end = list.find(',', start);
              std::string_view part = list.substr(
                  start, end == std::string_view::npos ? std::string_view::npos : end - start);
              // "Pakistan and U.K." -> two parts.
              for (size_t a; (a = part.find(" and ")) != std::string_view::npos;) {
                referred.push_back(part.substr(0, a));
                part = part.substr(a + 5);
              }
              if (part.starts_with("and ")) {
                part.remove_prefix(4);
              }
              referred.push_back(part);
              start = end == std::string_view::npos ? list.size() : end + 1;
            }
          }
        }
      }
    } else if (depth == 0) {
      plain.push_back(c);
    }
  }
  std::string_view rest = plain;
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '.' || rest.back() == ',')) {
    rest.remove_suffix(1);
  }
  const size_t comma = rest.rfind(',');
  add(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
  for (std::string_view r : referred) {
    add(r);
  }
  return out;
}

std::vector<std::string> ChineseCountryNames(std::string_view iso) {
  const Tables& t = GetTables();
  auto it = t.zh_by_code.find(std::string(iso));
  return it == t.zh_by_code.end() ? std::vector<std::string>() : it->second;
}

std::vector<std::string> CountryDisplayNames(std::string_view iso) {
  const Tables& t = GetTables();
  auto it = t.cldr_by_code.find(std::string(iso));
  return it == t.cldr_by_code.end() ? std::vector<std::string>() : it->second;
}

}  // namespace ecg::ingest::util
