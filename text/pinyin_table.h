// The Mandarin reading table generated at build time from Unihan (see
// ingest/text/gen/unihan_pinyin_gen.cc). Internal to ingest/text; use
// pinyin.h instead. Immutable data: safe for concurrent use.
#ifndef ECG_TEXT_PINYIN_TABLE_H_
#define ECG_TEXT_PINYIN_TABLE_H_

#include <cstddef>
#include <cstdint>

namespace ecg::text::internal {

struct PinyinEntry {
  uint32_t code_point;
  // Toneless readings separated by one space, the customary one first
  // ("zhang chang" for U+957F). Never empty.
  const char* readings;
};

// Sorted by code_point, without duplicates.
extern const PinyinEntry kPinyinTable[];
extern const size_t kPinyinTableSize;

}  // namespace ecg::text::internal

#endif  // ECG_TEXT_PINYIN_TABLE_H_
