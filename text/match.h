// Name-against-name scoring for screening: a name taken apart once
// (NameForm) and compared with another, giving a score 0-100 and the
// reasons (exact, normalised, legal form ignored, abbreviation expansion,
// token set / order, typo distance, Traditional/Simplified, pinyin key).
// NameForm is a value; ScoreNames is a pure function: safe for concurrent use.
#ifndef ECG_TEXT_MATCH_H_
#define ECG_TEXT_MATCH_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/abbreviations.h"
#include "text/normalizer.h"
#include "text/translate.h"

namespace ecg::text {

// A name prepared for comparison.
struct NameForm {
  std::string cleaned;    // TextNormalizer::Clean of the name as written
  AnalyzedName analyzed;  // of the name with abbreviations expanded
  // Words compared one by one: the core as written for Latin names, the
  // first Latin key (pinyin, generic words in English) for Han names.
  std::vector<std::string> words;
  // The words compared across scripts: generic words in their canonical
  // English form on both sides ("aeronautics" and 航空 are "aviation"), as
  // the Han name's Latin key has them. For Han names the same as `words`.
  std::vector<std::string> canonical_words;
  std::vector<std::string> legal_words;  // the legal form's words
  // TextNormalizer::CompactKeys, plus the core as written without spaces.
  std::vector<std::string> compact;
  std::vector<Expansion> expansions;  // abbreviations expanded
  bool han = false;                   // the core has Han characters
  // Han names: the core read word by word in English (text/translate.h).
  std::vector<GlossSlot> gloss;
  // Latin names: the core's content words as a gloss is matched against.
  std::vector<std::string> translation_words;
};

// Takes `name` apart: Clean, Fold, abbreviation expansion, Analyze.
NameForm MakeNameForm(const TextNormalizer& normalizer, std::string_view name);

// The score of one name against another and why.
struct NameScore {
  int score = 0;  // 0..100
  std::vector<std::string> reasons;
};

// The weight of an ASCII word of a Latin key: high for rare words, low for
// generic ones ("technology", "group"); see Screener.
using WordWeight = std::function<double(const std::string& word)>;

// How well `candidate` matches `query`: 100 exact, 99 the same after
// normalisation, 97 the same core (legal form ignored), 95 the same ASCII key
// (pinyin or generic-word translation), less for fuzzy token-set and typo
// matches; short queries (at most 4 letters of key) get fuzzy evidence
// discounted. Across scripts, a Han name that translates the Latin one
// ("translation": every name word there, the translated words matching) scores
// at most 90. Country and list facts are not considered here.
NameScore ScoreNames(const NameForm& query, const NameForm& candidate, const WordWeight& weight);

// Optimal-string-alignment distance between ASCII strings (one transposition
// counts 1), or max + 1 when it exceeds `max`.
size_t EditDistance(std::string_view a, std::string_view b, size_t max);

}  // namespace ecg::text

#endif  // ECG_TEXT_MATCH_H_
