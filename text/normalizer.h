// TextNormalizer: the one normalisation pipeline every name and text passes
// (ICU based): Windows-1252 C1 repair, whitespace cleanup, NFKC with case
// folding (which also turns full-width forms into half-width ones),
// Traditional -> Simplified Chinese, punctuation folding, legal-form
// separation, generic company words in one canonical English form, and
// pinyin keys. Immutable after Create(): safe for concurrent use.
#ifndef ECG_TEXT_NORMALIZER_H_
#define ECG_TEXT_NORMALIZER_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "schema/result.h"
#include "store/name_normalizer.h"

#include "text/segment.h"

U_NAMESPACE_BEGIN
class Normalizer2;
class Transliterator;
U_NAMESPACE_END

namespace ecg::text {

// The writing system of a name, judged on its letters.
enum class Script : uint8_t {
  kNone,   // no letters at all ("123", "")
  kLatin,  // Latin letters only
  kHan,    // Han characters only (Chinese; Japanese names in kanji)
  kMixed,  // more than one script ("L3哈里斯公司", kana with kanji)
  kOther,  // one other script (Cyrillic, Arabic, ...)
};
std::string_view ScriptName(Script script);

// True when `utf8` holds at least one Han character.
bool ContainsHan(std::string_view utf8);

// A name taken apart. Every string is UTF-8.
struct AnalyzedName {
  // The input with C1 controls repaired, NFC, runs of whitespace (and
  // newlines, controls, invisible format characters) collapsed to one space
  // and trimmed. For display: case and punctuation are kept.
  std::string cleaned;
  // NFKC + case folding + Traditional->Simplified; punctuation and symbols
  // become spaces, apostrophes vanish ("Xi’an" -> "xian"), '&' becomes
  // "and", runs of single letters join ("L.L.C." -> "llc"), Han text is
  // contiguous and set off from other scripts by one space.
  // "Huawei Technologies Co., Ltd." -> "huawei technologies co ltd".
  std::string folded;
  // `folded` without its legal-form words: "huawei technologies", "华为技术".
  std::string core;
  // The legal-form words removed, folded, in their order: "co ltd",
  // "有限公司", "jsc". Empty when there were none.
  std::string legal_form;
  // The words of `folded` (Han text segmented by ICU's word BreakIterator).
  std::vector<std::string> tokens;
  // The words of `core`, with generic company words replaced by their
  // canonical English form: {"huawei", "technology"}, {"华为", "technology"}.
  std::vector<std::string> core_tokens;
  // ASCII keys of the core, Han words in pinyin (syllables of one word
  // joined, words separated by one space), the customary readings first:
  // {"huawei technology", "huaweitechnology", ...}. Each spelling is
  // followed by its form without spaces; further spellings vary one
  // polyphonic character at a time ("tajing technology" then
  // "tuojing technology"). At most kMaxLatinKeys.
  std::vector<std::string> latin_keys;
  Script script = Script::kNone;
};

class TextNormalizer final : public store::NameNormalizer {
 public:
  static constexpr size_t kMaxLatinKeys = 12;

  // Builds the ICU normalizers, transliterators and word segmenter. Returns
  // kInternal when ICU's data lacks one of them.
  static Result<std::unique_ptr<TextNormalizer>> Create();
  ~TextNormalizer() override;
  // Holds ICU objects; neither copyable nor movable, share it by pointer.
  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;
  TextNormalizer(TextNormalizer&&) = delete;
  TextNormalizer& operator=(TextNormalizer&&) = delete;

  // AnalyzedName::cleaned of `text`. Input should be valid UTF-8 (decode
  // files with DecodeToUtf8 first); invalid bytes become U+FFFD.
  std::string Clean(std::string_view text) const;
  // AnalyzedName::folded of `text`: the form to compare text in.
  std::string Fold(std::string_view text) const;
  // Takes a name apart (see AnalyzedName).
  AnalyzedName Analyze(std::string_view name) const;

  // store::NameNormalizer: the index keys of `name`, most specific first,
  // without duplicates: the folded full name, the folded core, then the
  // Latin keys. 华为技术有限公司, 華為技術有限公司 and "Huawei Technologies
  // Co., Ltd." share "huawei technology". No key contains 0x00; a name
  // without letters or digits gives no keys.
  std::vector<std::string> Keys(std::string_view name) const override;
  std::string_view id() const override { return "icu-v1"; }

  // store::NameNormalizer: the fuzzy-recall postings of `name` (the `grams`
  // column family), GramKeysOf(Analyze(name)).
  std::vector<std::string> GramKeys(std::string_view name) const override;
  // Postings of an analysed name, without duplicates: "t:" + each word of
  // the first Latin key, each core token and each word of the core as
  // written ("t:huawei", "t:technology", "t:technologies", "t:华为"), and
  // "g:" + each character trigram of CompactKeys(a) (the whole string when
  // shorter than 3). Screening (ingest/screen) builds its query postings
  // with the same function.
  static std::vector<std::string> GramKeysOf(const AnalyzedName& a);
  // ASCII forms of the core without spaces: the first Latin key
  // ("huaweitechnology") and, when the core has Han text, its pinyin read
  // character by character with the customary readings and no translation
  // of generic words ("huaweijishu"). Without duplicates.
  static std::vector<std::string> CompactKeys(const AnalyzedName& a);

 private:
  TextNormalizer(const icu::Normalizer2* nfc, const icu::Normalizer2* nfkc_casefold,
                 std::unique_ptr<icu::Transliterator> trad_to_simp,
                 std::unique_ptr<icu::Transliterator> to_ascii,
                 std::unique_ptr<WordSegmenter> segmenter);

  // Fold() split into its space-separated pieces.
  std::vector<std::string> FoldPieces(std::string_view text) const;
  // ICU words of a run of Han text, consecutive one-character words joined
  // (ICU's dictionary splits unknown names such as 拓荆 into characters).
  std::vector<std::string> HanWords(const std::string& han) const;
  // Fills core_tokens and latin_keys from the core's pieces.
  void BuildCore(const std::vector<std::string>& pieces, AnalyzedName* out) const;
  // "Any-Latin; Latin-ASCII" of a non-ASCII, non-Han word.
  std::string ToAscii(const std::string& word) const;

  const icu::Normalizer2* nfc_;            // ICU singleton, thread-safe
  const icu::Normalizer2* nfkc_casefold_;  // ICU singleton, thread-safe
  // ICU transliterators are not thread-safe: mu_ guards both.
  mutable std::mutex mu_;
  std::unique_ptr<icu::Transliterator> trad_to_simp_;
  std::unique_ptr<icu::Transliterator> to_ascii_;
  std::unique_ptr<WordSegmenter> segmenter_;
};

}  // namespace ecg::text

#endif  // ECG_TEXT_NORMALIZER_H_
