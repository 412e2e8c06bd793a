// TextNormalizer::Analyze: legal-form separation, generic words and Latin
// keys on top of the folded pieces (normalizer.cc).
#include <algorithm>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/icu_util.h"
#include "text/lexicon.h"
#include "text/normalizer.h"
#include "text/pinyin.h"

namespace ecg::text {
namespace {

using internal::FromUtf8;
using internal::StartsWithHan;

// Alternative pinyin spellings asked for per Han word.
constexpr size_t kVariantsPerWord = 4;

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += w;
  }
  return out;
}

bool IsAscii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

Script DetectScript(const std::vector<std::string>& pieces) {
  bool latin = false;
  bool han = false;
  int others = 0;
  UScriptCode other = USCRIPT_INVALID_CODE;
  for (const std::string& p : pieces) {
    const icu::UnicodeString u = FromUtf8(p);
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
      const UChar32 c = u.char32At(i);
      if (!u_isalpha(c)) {
        continue;
      }
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode s = uscript_getScript(c, &status);
      if (s == USCRIPT_LATIN) {
        latin = true;
      } else if (s == USCRIPT_HAN) {
        han = true;
      } else if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED && s != other) {
        other = s;
        ++others;
      }
    }
  }
  const int kinds = (latin ? 1 : 0) + (han ? 1 : 0) + others;
  if (kinds == 0) {
    return Script::kNone;
  }
  if (kinds > 1) {
    return Script::kMixed;
  }
  return latin ? Script::kLatin : han ? Script::kHan : Script::kOther;
}

// Removes legal-form words from the end (and, for CIS forms, the start) of
// `pieces`, never leaving it empty. Returns the removed words in order.
std::string SplitLegalForm(std::vector<std::string>* pieces) {
  std::vector<std::string> tail;
  while (!pieces->empty()) {
    std::string& last = pieces->back();
    if (StartsWithHan(last)) {
      const std::string_view suffix = internal::HanLegalSuffix(last);
      if (suffix.empty() || (suffix.size() == last.size() && pieces->size() == 1)) {
        break;
      }
      tail.insert(tail.begin(), std::string(suffix));
      last.resize(last.size() - suffix.size());
      if (last.empty()) {
        pieces->pop_back();
      }
      continue;
    }
    const size_t n = internal::LatinLegalSuffixWords(*pieces, pieces->size());
    if (n == 0 || n >= pieces->size()) {
      break;
    }
    tail.insert(tail.begin(), pieces->end() - static_cast<std::ptrdiff_t>(n), pieces->end());
    pieces->resize(pieces->size() - n);
  }
  std::vector<std::string> head;
  while (true) {
    const size_t n = internal::LatinLegalPrefixWords(*pieces, 0);
    if (n == 0 || n >= pieces->size()) {
      break;
    }
    head.insert(head.end(), pieces->begin(), pieces->begin() + static_cast<std::ptrdiff_t>(n));
    pieces->erase(pieces->begin(), pieces->begin() + static_cast<std::ptrdiff_t>(n));
  }
  head.insert(head.end(), tail.begin(), tail.end());
  return Join(head);
}

// One word of the core.
struct CoreWord {
  std::string text;  // folded word, or the canonical English of a generic word
  bool generic = false;
  bool han = false;
};

}  // namespace

std::vector<std::string> TextNormalizer::HanWords(const std::string& han) const {
  std::vector<std::string> words;
  Result<std::vector<Token>> tokens = segmenter_->Segment(han);
  if (!tokens.ok()) {
    words.push_back(han);  // cannot happen: folded text is valid UTF-8
    return words;
  }
  bool prev_single = false;
  for (const Token& t : *tokens) {
    const bool single = t.cp_end - t.cp_begin == 1;
    if (single && prev_single) {
      words.back() += t.text;
    } else {
      words.push_back(t.text);
    }
    prev_single = single;
  }
  return words;
}

void TextNormalizer::BuildCore(const std::vector<std::string>& pieces, AnalyzedName* out) const {
  std::vector<CoreWord> words;
  for (size_t i = 0; i < pieces.size();) {
    if (!StartsWithHan(pieces[i])) {
      const internal::GenericMatch m = internal::MatchGenericLatin(pieces, i);
      if (m.length > 0) {
        words.push_back({std::string(m.canonical), true, false});
        i += m.length;
      } else {
        words.push_back({pieces[i], false, false});
        ++i;
      }
      continue;
    }
    // Han: generic words by backward maximum matching, the rest in ICU words.
    const icu::UnicodeString u = FromUtf8(pieces[i]);
    std::u32string cps;
    for (int32_t k = 0; k < u.length(); k = u.moveIndex32(k, 1)) {
      cps.push_back(static_cast<char32_t>(u.char32At(k)));
    }
    std::vector<CoreWord> reversed;
    std::u32string run;  // name characters, in reverse order
    auto flush_run = [&]() {
      if (run.empty()) {
        return;
      }
      std::u32string forward(run.rbegin(), run.rend());
      std::string utf8;
      icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(forward.data()),
                                    static_cast<int32_t>(forward.size()))
          .toUTF8String(utf8);
      std::vector<std::string> hw = HanWords(utf8);
      for (auto it = hw.rbegin(); it != hw.rend(); ++it) {
        reversed.push_back({*it, false, true});
      }
      run.clear();
    };
    for (size_t end = cps.size(); end > 0;) {
      const internal::GenericMatch m = internal::MatchGenericHanBackward(cps, end);
      if (m.length > 0) {
        flush_run();
        reversed.push_back({std::string(m.canonical), true, false});
        end -= m.length;
      } else {
        run.push_back(cps[end - 1]);
        --end;
      }
    }
    flush_run();
    words.insert(words.end(), reversed.rbegin(), reversed.rend());
    ++i;
  }

  // Latin spellings per word; the key set varies one word at a time.
  std::vector<std::vector<std::string>> spellings;
  for (const CoreWord& w : words) {
    out->core_tokens.push_back(w.text);
    if (w.han) {
      spellings.push_back(PinyinVariants(w.text, kVariantsPerWord));
    } else if (w.generic || IsAscii(w.text)) {
      spellings.push_back({w.text});
    } else if (std::string a = ToAscii(w.text); !a.empty()) {
      spellings.push_back({a});
    }
  }
  auto add = [&](const std::vector<std::string>& parts) {
    std::string spaced = Join(parts);
    std::string compact;
    for (const std::string& p : parts) {
      for (char c : p) {
        if (c != ' ') {
          compact.push_back(c);
        }
      }
    }
    for (std::string* k : {&spaced, &compact}) {
      if (!k->empty() && out->latin_keys.size() < kMaxLatinKeys &&
          std::find(out->latin_keys.begin(), out->latin_keys.end(), *k) == out->latin_keys.end()) {
        out->latin_keys.push_back(std::move(*k));
      }
    }
  };
  std::vector<std::string> base;
  base.reserve(spellings.size());
  for (const auto& s : spellings) {
    base.push_back(s.front());
  }
  add(base);
  for (size_t v = 1; v < kVariantsPerWord; ++v) {
    for (size_t w = 0; w < spellings.size(); ++w) {
      if (v < spellings[w].size()) {
        std::vector<std::string> parts = base;
        parts[w] = spellings[w][v];
        add(parts);
      }
    }
  }
}

AnalyzedName TextNormalizer::Analyze(std::string_view name) const {
  AnalyzedName out;
  out.cleaned = Clean(name);
  std::vector<std::string> pieces = FoldPieces(out.cleaned);
  out.folded = Join(pieces);
  out.script = DetectScript(pieces);
  for (const std::string& p : pieces) {
    if (StartsWithHan(p)) {
      std::vector<std::string> hw = HanWords(p);
      out.tokens.insert(out.tokens.end(), hw.begin(), hw.end());
    } else {
      out.tokens.push_back(p);
    }
  }
  out.legal_form = SplitLegalForm(&pieces);
  out.core = Join(pieces);
  BuildCore(pieces, &out);
  return out;
}

}  // namespace ecg::text
