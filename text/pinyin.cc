#include "text/pinyin.h"

#include <algorithm>
#include <string>
#include <vector>

#include <unicode/unistr.h>

#include "text/pinyin_table.h"

namespace ecg::text {

std::vector<std::string_view> PinyinReadings(char32_t code_point) {
  const internal::PinyinEntry* begin = internal::kPinyinTable;
  const internal::PinyinEntry* end = begin + internal::kPinyinTableSize;
  const internal::PinyinEntry* it =
      std::lower_bound(begin, end, code_point, [](const internal::PinyinEntry& e, char32_t c) {
        return e.code_point < static_cast<uint32_t>(c);
      });
  std::vector<std::string_view> out;
  if (it == end || it->code_point != static_cast<uint32_t>(code_point)) {
    return out;
  }
  std::string_view all(it->readings);
  while (!all.empty()) {
    size_t space = all.find(' ');
    out.push_back(all.substr(0, space));
    all.remove_prefix(space == std::string_view::npos ? all.size() : space + 1);
  }
  return out;
}

std::vector<std::string> PinyinVariants(std::string_view han_word, size_t max_variants) {
  // One slot per character: its readings, or the character itself.
  std::vector<std::vector<std::string>> slots;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(han_word.data(), static_cast<int32_t>(han_word.size())));
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    std::vector<std::string> slot;
    for (std::string_view r : PinyinReadings(static_cast<char32_t>(c))) {
      slot.emplace_back(r);
    }
    if (slot.empty()) {
      icu::UnicodeString(c).toUTF8String(slot.emplace_back());
    }
    slots.push_back(std::move(slot));
  }
  auto spell = [&](size_t slot, size_t reading) {
    std::string s;
    for (size_t k = 0; k < slots.size(); ++k) {
      s += slots[k][k == slot ? reading : 0];
    }
    return s;
  };
  std::vector<std::string> out;
  if (slots.empty() || max_variants == 0) {
    return out;
  }
  out.push_back(spell(slots.size(), 0));
  // Vary one character at a time, trying every character's second reading
  // before any third one: second readings are far more often the right one.
  size_t max_readings = 0;
  for (const auto& slot : slots) {
    max_readings = std::max(max_readings, slot.size());
  }
  for (size_t reading = 1; reading < max_readings; ++reading) {
    for (size_t k = 0; k < slots.size() && out.size() < max_variants; ++k) {
      if (reading < slots[k].size()) {
        std::string s = spell(k, reading);
        if (std::find(out.begin(), out.end(), s) == out.end()) {
          out.push_back(std::move(s));
        }
      }
    }
  }
  return out;
}

}  // namespace ecg::text
