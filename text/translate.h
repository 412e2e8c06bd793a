// Translation of Han organisation names for screening: a Chinese name that
// translates its English name rather than transliterating it (哈尔滨工业大学 /
// "Harbin Institute of Technology", 中国科学院 / "Chinese Academy of
// Sciences") is read as a GLOSS, its words in order, each either translated
// (with every customary English rendering: 工业大学 is "university of
// technology", "polytechnic university", "institute of technology", ...) or,
// when no rendering is known, a name spelt in pinyin (哈尔滨 "haerbin").
// A gloss is then matched against the words of a Latin name.
//
// Used by name scoring (text/match.h) and candidate generation (screening)
// only; resolution never merges on a translation. Pure functions over
// immutable tables: safe for concurrent use. docs/screening.md, Translation.
#ifndef ECG_TEXT_TRANSLATE_H_
#define ECG_TEXT_TRANSLATE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ecg::text {

// One word of a Han name, glossed.
struct GlossSlot {
  std::string han;  // the slot's text as in the folded name ("工业大学", "360")
  // English renderings, longest first; each is a sequence of content words,
  // stemmed (TranslationStem) and without stop words ("of", "and", ...):
  // {{"university", "technology"}, {"polytechnic", "university"}, ...}. For a
  // name slot its pinyin spellings, one word each ({"haerbin"}).
  std::vector<std::vector<std::string>> renderings;
  // A name, not a translated word: pinyin spellings (or Latin letters or
  // digits as written). A gloss matches a Latin name only when every name
  // slot does.
  bool name = false;
  // The renderings' words as written ("sciences", not "science"): the words
  // of the Latin names a screen looks up in the name index.
  std::vector<std::string> index_words;
};

// The gloss of `core`, the folded core of a name (TextNormalizer: Simplified,
// lower case, legal form removed; Han runs and other pieces separated by
// spaces). Pieces without Han become name slots of themselves; Chinese
// numerals become digits (三六零 "360", 第十四 "14th" / "no 14" / "14").
// Empty when `core` has no Han character.
std::vector<GlossSlot> GlossHan(std::string_view core);

// The content words of a folded Latin name, stemmed, stop words dropped:
// "harbin institute of technology" -> {"harbin", "institute", "technology"}.
std::vector<std::string> TranslationWords(std::string_view folded);

// A light English stem shared by both sides: "sciences" -> "science",
// "industries" -> "industry"; other words unchanged.
std::string TranslationStem(std::string_view word);

// How a gloss matched the words of a Latin name.
struct GlossMatch {
  // 0..1: 1 when every slot and every word matched. Weighted like token-set
  // matching: the side that asked (`han_is_query`) counts 0.65, the other 0.35.
  double score = 0;
  bool typo = false;      // a name slot matched within one edit
  bool names = false;     // the gloss has name slots, and all of them matched
  bool complete = false;  // every slot and every word matched
};

// Matches `gloss` against `words` (TranslationWords of the Latin name);
// `optional_words` (its legal form's words: "corporation", "company") may
// satisfy a slot but are not required. `weight` weighs a word (rare words
// much, generic ones little). A name slot that matches nothing makes the
// score 0: a translation never stands in for the name itself.
GlossMatch MatchGloss(const std::vector<GlossSlot>& gloss, const std::vector<std::string>& words,
                      const std::vector<std::string>& optional_words,
                      const std::function<double(const std::string&)>& weight, bool han_is_query);

}  // namespace ecg::text

#endif  // ECG_TEXT_TRANSLATE_H_
