// The word lists of the name pipeline: legal-form words (English, Chinese,
// Japanese and other company forms) and the bilingual table of generic
// company words (技术 / technology, ...). Internal to ingest/text; see
// docs/text-pipeline.md for what counts as a legal form and why.
// All lookups read immutable tables: safe for concurrent use.
#ifndef ECG_TEXT_LEXICON_H_
#define ECG_TEXT_LEXICON_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ecg::text::internal {

// The longest Chinese/Japanese legal-form suffix of `han` (folded,
// Simplified UTF-8, e.g. "华为技术有限公司" -> "有限公司"), or "" if none.
std::string_view HanLegalSuffix(std::string_view han);

// The number of words (1..3) at the END of `words` that form one Latin
// legal form ("ltd"; "limited partnership"), or 0. Words are folded.
size_t LatinLegalSuffixWords(const std::vector<std::string>& words, size_t end);

// The number of words (1..4) at `begin` that form a Latin legal form used
// as a prefix ("jsc", "ooo", "open joint stock company"), or 0.
size_t LatinLegalPrefixWords(const std::vector<std::string>& words, size_t begin);

// A generic company word matched in a name.
struct GenericMatch {
  size_t length = 0;           // code points (Han) or words (Latin) matched; 0 if none
  std::string_view canonical;  // canonical English form, e.g. "technology"
};

// The longest generic Chinese word that ENDS at code point `end` of `han`
// (backward maximum matching; names put generic words last).
GenericMatch MatchGenericHanBackward(const std::u32string& han, size_t end);

// The longest generic English phrase (up to 3 folded words) that STARTS at
// `begin` ("technologies" -> "technology", "science and technology" ->
// "technology").
GenericMatch MatchGenericLatin(const std::vector<std::string>& words, size_t begin);

// Calls `fn(zh, en)` for every Chinese generic word (Simplified) with each
// English variant of its row ("技术", "technologies"): the translation
// gloss (text/translate.h) starts from this table.
void ForEachGenericRendering(
    const std::function<void(std::string_view zh, std::string_view en)>& fn);

}  // namespace ecg::text::internal

#endif  // ECG_TEXT_LEXICON_H_
