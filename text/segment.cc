#include "text/segment.h"

#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/decode.h"

namespace ecg::text {

Result<std::unique_ptr<WordSegmenter>> WordSegmenter::Create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || it == nullptr) {
    return Status::Internal(std::string("ICU word break iterator: ") + u_errorName(status));
  }
  return std::unique_ptr<WordSegmenter>(new WordSegmenter(std::move(it)));
}

WordSegmenter::WordSegmenter(std::unique_ptr<icu::BreakIterator> prototype)
    : prototype_(std::move(prototype)) {}

WordSegmenter::~WordSegmenter() = default;

std::unique_ptr<icu::BreakIterator> WordSegmenter::CloneIterator() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::unique_ptr<icu::BreakIterator>(prototype_->clone());
}

Result<std::vector<Token>> WordSegmenter::Segment(std::string_view utf8) const {
  if (size_t bad = FirstInvalidUtf8(utf8); bad != std::string_view::npos) {
    return Status::InvalidArgument("segmenting text that is not valid UTF-8 (byte offset " +
                                   std::to_string(bad) + ")");
  }
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Map every UTF-16 index to its UTF-8 byte offset and code point index.
  const auto n16 = static_cast<size_t>(u.length());
  std::vector<size_t> byte_at(n16 + 1, utf8.size());
  std::vector<size_t> cp_at(n16 + 1, 0);
  size_t byte = 0;
  size_t cp = 0;
  for (int32_t i = 0; i < u.length();) {
    const int32_t next = u.moveIndex32(i, 1);
    for (int32_t k = i; k < next; ++k) {
      byte_at[k] = byte;
      cp_at[k] = cp;
    }
    byte += static_cast<size_t>(U8_LENGTH(u.char32At(i)));
    ++cp;
    i = next;
  }
  byte_at[n16] = utf8.size();
  cp_at[n16] = cp;

  std::unique_ptr<icu::BreakIterator> it = CloneIterator();
  if (it == nullptr) {
    return Status::ResourceExhausted("cannot clone the ICU word break iterator");
  }
  it->setText(u);
  std::vector<Token> tokens;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    const int32_t status = it->getRuleStatus();
    Token t;
    if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) {
      t.kind = WordKind::kIdeographic;
    } else if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) {
      t.kind = WordKind::kKana;
    } else if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) {
      t.kind = WordKind::kLetter;
    } else if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      t.kind = WordKind::kNumber;
    } else {
      continue;  // spaces, punctuation, symbols
    }
    t.utf16_begin = static_cast<size_t>(start);
    t.utf16_end = static_cast<size_t>(end);
    t.byte_begin = byte_at[start];
    t.byte_end = byte_at[end];
    t.cp_begin = cp_at[start];
    t.cp_end = cp_at[end];
    t.text = std::string(utf8.substr(t.byte_begin, t.byte_end - t.byte_begin));
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace ecg::text
