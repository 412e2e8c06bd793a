// Word segmentation with ICU's word BreakIterator, for Chinese (dictionary
// based) and space-delimited scripts alike, with the offsets that article
// linking needs. WordSegmenter: immutable after Create(); safe for
// concurrent use (each call works on its own clone of the break iterator).
#ifndef ECG_TEXT_SEGMENT_H_
#define ECG_TEXT_SEGMENT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "schema/result.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace ecg::text {

// What ICU's rule status says a word is.
enum class WordKind : uint8_t {
  kLetter,       // letters of a space-delimited script ("huawei")
  kNumber,       // "2019", "3.5"
  kIdeographic,  // Han (and other ideographic) words: "华为", "技术"
  kKana,         // Japanese kana
};

// One word of the input. Offsets are half-open [begin, end) positions in the
// input string, in three units: UTF-8 bytes, UTF-16 code units (what
// JavaScript and ICU count) and code points (what Python counts).
struct Token {
  std::string text;  // the bytes [byte_begin, byte_end) of the input
  WordKind kind = WordKind::kLetter;
  size_t byte_begin = 0;
  size_t byte_end = 0;
  size_t utf16_begin = 0;
  size_t utf16_end = 0;
  size_t cp_begin = 0;
  size_t cp_end = 0;
};

class WordSegmenter {
 public:
  // Builds the ICU word break iterator (root locale rules, which segment
  // Chinese and Japanese with ICU's dictionary). Returns kInternal if ICU's
  // data is missing.
  static Result<std::unique_ptr<WordSegmenter>> Create();
  ~WordSegmenter();
  // Holds an ICU object; neither copyable nor movable, share it by pointer.
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;
  WordSegmenter(WordSegmenter&&) = delete;
  WordSegmenter& operator=(WordSegmenter&&) = delete;

  // The words of `utf8`, in order; spaces, punctuation and symbols are not
  // words and are skipped. Returns kInvalidArgument (with the byte offset)
  // if `utf8` is not valid UTF-8.
  Result<std::vector<Token>> Segment(std::string_view utf8) const;

 private:
  explicit WordSegmenter(std::unique_ptr<icu::BreakIterator> prototype);
  std::unique_ptr<icu::BreakIterator> CloneIterator() const;

  mutable std::mutex mu_;  // guards prototype_->clone()
  std::unique_ptr<icu::BreakIterator> prototype_;
};

}  // namespace ecg::text

#endif  // ECG_TEXT_SEGMENT_H_
