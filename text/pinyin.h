// Pinyin for Han text, character by character from a table generated at
// build time out of Unihan (kMandarin, kHanyuPinlu, kTGHZ2013, kXHC1983,
// kHanyuPinyin), with the other readings of polyphonic characters as bounded
// alternatives (拓 is "ta" in kMandarin but "tuo" in 拓荆). Pure functions
// over immutable data: safe for concurrent use.
#ifndef ECG_TEXT_PINYIN_H_
#define ECG_TEXT_PINYIN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ecg::text {

// The toneless readings of `code_point`, the customary one first ("zhang",
// "chang" for 长), as plain lower-case ASCII (ü is written "u"). Empty when
// Unihan gives no Mandarin reading (non-Han characters). The views point
// into static data and live for the whole program.
std::vector<std::string_view> PinyinReadings(char32_t code_point);

// Latin spellings of one Han word (valid UTF-8, e.g. "长江"), syllables
// joined without spaces: the first element uses the customary reading of
// every character ("zhangjiang"); the following ones change ONE polyphonic
// character at a time to another of its readings ("changjiang"), in reading
// order, until `max_variants` spellings are produced. Characters without a
// reading are kept as they are. Never empty for a non-empty word.
std::vector<std::string> PinyinVariants(std::string_view han_word, size_t max_variants);

}  // namespace ecg::text

#endif  // ECG_TEXT_PINYIN_H_
