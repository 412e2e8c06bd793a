// Country names (English and Chinese, as the lists and articles write them) to
// ISO-3166 alpha-2 codes and back to Chinese names. The table is built once from
// ICU's locale display names plus a few overrides ("Russia", "Burma", "Crimea
// Region of Ukraine", 香港, ...), then only read: every function here is
// thread-safe.
#ifndef ECG_INGEST_UTIL_COUNTRY_CODES_H_
#define ECG_INGEST_UTIL_COUNTRY_CODES_H_

#include <string>
#include <string_view>
#include <vector>

namespace ecg::ingest::util {

// Returns the ISO alpha-2 code (upper case) for a country name in English or
// Chinese, or for a code that already is ISO alpha-2 ("cn", "TW"). Matching
// ignores case, punctuation and a leading "the". Returns "" when unknown.
std::string CountryToIso(std::string_view name);

// The country that a Chinese-language address starts with ("日本东京都港区..."
// -> "JP"), using the longest Chinese country name that prefixes it; "" when none.
std::string CountryFromChineseAddress(std::string_view address);

// As CountryFromChineseAddress, also giving the prefix's length in bytes
// (*length is 0 when there is none).
std::string ChineseCountryPrefix(std::string_view text, size_t* length);

// The ISO code that ends an address written "street, city, state, postal, CC"
// (the CSL style), or "" when the last part is not a known code.
std::string CountryFromCslAddress(std::string_view address);

// The countries an address written in English names: the one it ends with
// ("..., Sheung Wan, Hong Kong." -> "HK"), then any it refers the reader to
// ("(See alternate addresses under Pakistan)" -> "PK"). ISO codes, without
// repeats; a trailing two-letter word is not taken for a code ("..., CA").
std::vector<std::string> CountriesOfEnglishAddress(std::string_view address);

// The Chinese names of country `iso` (upper-case alpha-2): ICU's display name
// ("中国", "中国香港特别行政区"), then the short form in common use where ICU has
// only the long one ("香港", "澳门", "阿联酋"). Empty for an unknown code.
std::vector<std::string> ChineseCountryNames(std::string_view iso);

// Every name CLDR (through ICU's locale data) gives country or territory `iso`
// in Simplified Chinese (zh), Traditional Chinese (zh_Hant, zh_Hant_HK) and
// English, in both the standard and the short length: 中国香港特别行政区 and
// 香港, 中國香港特別行政區, 北韓, 馬利, "Hong Kong SAR China" and "Hong Kong",
// "United States" and "US". Distinct, in that order; empty for an unknown
// code. No hand-written names.
std::vector<std::string> CountryDisplayNames(std::string_view iso);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_COUNTRY_CODES_H_
