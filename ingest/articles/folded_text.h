// Folding of article text and gazetteer names into comparable code points
// with a map back to the original: each code point is folded on its own with
// TextNormalizer::Fold (NFKC, case folding, width, Traditional->Simplified),
// so that a match in the folded text carries the ORIGINAL character and byte
// offsets. Characters that are not letters, marks or digits become one
// separator (a space; runs collapse). Folder: not thread-safe (it caches the
// fold of every code point it has seen); one per thread.
#ifndef ECG_INGEST_ARTICLES_FOLDED_TEXT_H_
#define ECG_INGEST_ARTICLES_FOLDED_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/normalizer.h"

namespace ecg::ingest {

// Folded text and its map to the original.
struct FoldedText {
  // The folded code points; separators are U+0020, never two in a row.
  std::u32string cps;
  // For each element of `cps`, the index of the original code point it came
  // from (a separator: the first original code point of its run).
  std::vector<uint32_t> src;
  // Byte offset of each original code point in the UTF-8 input, plus the
  // input's size at the end (so size = original code points + 1).
  std::vector<uint32_t> cp_byte;

  // Original code point count.
  size_t original_cps() const { return cp_byte.empty() ? 0 : cp_byte.size() - 1; }
};

// True for folded code points that make up Latin-script words (letters and
// digits outside Han and kana), which need word boundaries when matched.
bool IsWordChar(char32_t c);
// True for Han (and kana) code points.
bool IsIdeograph(char32_t c);

class Folder {
 public:
  // `normalizer` is not owned and must outlive the Folder.
  // Copy and move declared as automaton.h's Automaton declares them (the
  // shared lines are the rule of five); a Folder holds a pointer it does not own.
  explicit Folder(const text::TextNormalizer* normalizer) : normalizer_(normalizer) {}
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  Folder(Folder&&) = delete;
  Folder& operator=(Folder&&) = delete;
  ~Folder() = default;

  // Folds `utf8` (valid UTF-8; invalid bytes count as U+FFFD).
  FoldedText Fold(std::string_view utf8);
  const text::TextNormalizer* normalizer() const { return normalizer_; }
  // The folded code points only, without leading or trailing separators:
  // the form gazetteer names are stored in.
  std::u32string FoldName(std::string_view utf8);

 private:
  const std::u32string& FoldCodePoint(char32_t c);

  const text::TextNormalizer* normalizer_;
  std::unordered_map<char32_t, std::u32string> cache_;
};

// UTF-8 of code points.
std::string ToUtf8(std::u32string_view cps);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_FOLDED_TEXT_H_
