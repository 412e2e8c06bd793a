// Abbreviations of company-name words as screening meets them in customer
// and list data ("GUANGZHOU HAIGE COMM GRP", "SEMICONDUCTOR MFG INTL CORP"):
// a fixed table from the abbreviation to the word the text pipeline
// understands. Pure functions over static data: safe for concurrent use.
#ifndef ECG_TEXT_ABBREVIATIONS_H_
#define ECG_TEXT_ABBREVIATIONS_H_

#include <string>
#include <string_view>
#include <vector>

namespace ecg::text {

// One abbreviation replaced in a name: "mfg" -> "manufacturing".
struct Expansion {
  std::string from;
  std::string to;
};

// The full word of a folded abbreviation ("intl" -> "international"), or ""
// when `word` is not in the table.
std::string_view ExpandWord(std::string_view word);

// `folded` (space-separated folded words, TextNormalizer::Fold) with every
// abbreviation replaced by its word. Appends the replacements made to
// `*made` (may be null). Returns `folded` unchanged when none applies.
std::string ExpandAbbreviations(std::string_view folded, std::vector<Expansion>* made);

}  // namespace ecg::text

#endif  // ECG_TEXT_ABBREVIATIONS_H_
