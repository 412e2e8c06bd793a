#include "text/normalizer.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>

#include "text/decode.h"
#include "text/icu_util.h"
#include "text/pinyin.h"

namespace ecg::text {
namespace {

using internal::FromUtf8;
using internal::IsHan;
using internal::ToUtf8;

// Characters that join the letters around them instead of separating words:
// "Xi’an" is one word, as is "Xi'an" and "Xian".
bool IsApostrophe(UChar32 c) {
  return c == 0x27 || c == 0x60 || c == 0xB4 || c == 0x2BC || c == 0x2018 || c == 0x2019 ||
         c == 0x2032;
}

// Whitespace, controls, invisible format characters, punctuation, symbols.
bool IsSeparator(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_Z_MASK | U_GC_CC_MASK | U_GC_CF_MASK | U_GC_P_MASK |
                              U_GC_S_MASK | U_GC_CN_MASK | U_GC_CS_MASK | U_GC_CO_MASK)) != 0 ||
         u_isUWhiteSpace(c);
}

bool IsSingleAsciiLetter(const std::string& s) {
  return s.size() == 1 && s[0] >= 'a' && s[0] <= 'z';
}

}  // namespace

bool ContainsHan(std::string_view utf8) {
  const icu::UnicodeString u = internal::FromUtf8(utf8);
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (internal::IsHan(u.char32At(i))) {
      return true;
    }
  }
  return false;
}

std::string_view ScriptName(Script script) {
  static constexpr std::string_view kNames[] = {"none", "latin", "han", "mixed", "other"};
  return kNames[static_cast<size_t>(script)];
}

Result<std::unique_ptr<TextNormalizer>> TextNormalizer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU normalizer: ") + u_errorName(status));
  }
  // ICU's table, not OpenCC: see docs/text-pipeline.md for the measurement.
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  std::unique_ptr<icu::Transliterator> ascii(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || t2s == nullptr || ascii == nullptr) {
    return Status::Internal(std::string("ICU transliterator: ") + u_errorName(status));
  }
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<WordSegmenter> segmenter, WordSegmenter::Create());
  return std::unique_ptr<TextNormalizer>(
      new TextNormalizer(nfc, nfkc_cf, std::move(t2s), std::move(ascii), std::move(segmenter)));
}

TextNormalizer::TextNormalizer(const icu::Normalizer2* nfc, const icu::Normalizer2* nfkc_casefold,
                               std::unique_ptr<icu::Transliterator> trad_to_simp,
                               std::unique_ptr<icu::Transliterator> to_ascii,
                               std::unique_ptr<WordSegmenter> segmenter)
    : nfc_(nfc),
      nfkc_casefold_(nfkc_casefold),
      trad_to_simp_(std::move(trad_to_simp)),
      to_ascii_(std::move(to_ascii)),
      segmenter_(std::move(segmenter)) {}

TextNormalizer::~TextNormalizer() = default;

std::string TextNormalizer::Clean(std::string_view text) const {
  icu::UnicodeString u = FromUtf8(RepairC1(std::string(text)));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString n = nfc_->normalize(u, status);
  if (U_FAILURE(status)) {
    n = u;
  }
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < n.length(); i = n.moveIndex32(i, 1)) {
    const UChar32 c = n.char32At(i);
    const bool space = u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR;
    if (space || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      pending_space = pending_space || space;
      continue;
    }
    if (pending_space && !out.isEmpty()) {
      out.append(static_cast<UChar>(' '));
    }
    pending_space = false;
    out.append(c);
  }
  return ToUtf8(out);
}

std::vector<std::string> TextNormalizer::FoldPieces(std::string_view text) const {
  const icu::UnicodeString u = FromUtf8(RepairC1(std::string(text)));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString n = nfkc_casefold_->normalize(u, status);
  if (U_FAILURE(status)) {
    n = u;
  }
  bool has_han = false;
  for (int32_t i = 0; i < n.length() && !has_han; i = n.moveIndex32(i, 1)) {
    has_han = IsHan(n.char32At(i));
  }
  if (has_han) {
    std::lock_guard<std::mutex> lock(mu_);
    trad_to_simp_->transliterate(n);
  }
  // Split into pieces at separators and at every change between Han and
  // other letters; apostrophes join.
  std::vector<std::string> pieces;
  icu::UnicodeString cur;
  bool cur_han = false;
  auto flush = [&]() {
    if (!cur.isEmpty()) {
      pieces.push_back(ToUtf8(cur));
    }
    cur.remove();
  };
  for (int32_t i = 0; i < n.length(); i = n.moveIndex32(i, 1)) {
    const UChar32 c = n.char32At(i);
    if (IsApostrophe(c)) {
      continue;
    }
    if (c == '&') {
      flush();
      pieces.emplace_back("and");
      continue;
    }
    if (IsSeparator(c)) {
      flush();
      continue;
    }
    const bool han = IsHan(c);
    if (!cur.isEmpty() && han != cur_han) {
      flush();
    }
    cur_han = han;
    cur.append(c);
  }
  flush();
  // Join Han pieces that only a separator kept apart ("洛克希德·马丁"), and
  // runs of single letters ("l l c" from "L.L.C.").
  std::vector<std::string> out;
  bool prev_han = false;
  bool prev_single = false;
  for (std::string& p : pieces) {
    const bool han = internal::StartsWithHan(p);
    const bool single = IsSingleAsciiLetter(p);
    if (!out.empty() && ((han && prev_han) || (single && prev_single))) {
      out.back() += p;
    } else {
      out.push_back(std::move(p));
    }
    prev_han = han;
    prev_single = single;
  }
  return out;
}

std::string TextNormalizer::Fold(std::string_view text) const {
  std::string out;
  for (const std::string& p : FoldPieces(text)) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += p;
  }
  return out;
}

std::string TextNormalizer::ToAscii(const std::string& word) const {
  icu::UnicodeString u = FromUtf8(word);
  {
    std::lock_guard<std::mutex> lock(mu_);
    to_ascii_->transliterate(u);
  }
  // Keep letters and digits only: transliteration may leave marks behind.
  std::string out;
  for (char c : ToUtf8(u)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    }
  }
  return out;
}

std::vector<std::string> TextNormalizer::Keys(std::string_view name) const {
  AnalyzedName a = Analyze(name);
  std::vector<std::string> keys;
  auto add = [&](const std::string& k) {
    if (!k.empty() && k.find('\0') == std::string::npos &&
        std::find(keys.begin(), keys.end(), k) == keys.end()) {
      keys.push_back(k);
    }
  };
  add(a.folded);
  add(a.core);
  for (const std::string& k : a.latin_keys) {
    add(k);
  }
  return keys;
}

std::vector<std::string> TextNormalizer::CompactKeys(const AnalyzedName& a) {
  std::vector<std::string> out;
  auto add = [&](std::string k) {
    if (!k.empty() && std::find(out.begin(), out.end(), k) == out.end()) {
      out.push_back(std::move(k));
    }
  };
  if (!a.latin_keys.empty()) {
    std::string k = a.latin_keys[0];
    k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
    add(std::move(k));
  }
  if (a.script == Script::kHan || a.script == Script::kMixed) {
    std::string raw;
    const icu::UnicodeString u = FromUtf8(a.core);
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
      const UChar32 c = u.char32At(i);
      if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          raw.push_back(static_cast<char>(c));
        }
        continue;
      }
      const auto readings = PinyinReadings(static_cast<char32_t>(c));
      if (!readings.empty()) {
        raw.append(readings[0]);
      }
    }
    add(std::move(raw));
  }
  return out;
}

std::vector<std::string> TextNormalizer::GramKeysOf(const AnalyzedName& a) {
  std::vector<std::string> keys;
  auto add = [&](std::string k) {
    if (k.size() > 2 && k.find('\0') == std::string::npos &&
        std::find(keys.begin(), keys.end(), k) == keys.end()) {
      keys.push_back(std::move(k));
    }
  };
  if (!a.latin_keys.empty()) {
    const std::string& first = a.latin_keys[0];
    size_t start = 0;
    while (start < first.size()) {
      size_t end = first.find(' ', start);
      end = end == std::string::npos ? first.size() : end;
      add("t:" + first.substr(start, end - start));
      start = end + 1;
    }
  }
  for (const std::string& t : a.core_tokens) {
    add("t:" + t);
  }
  size_t start = 0;
  while (start < a.core.size()) {
    size_t end = a.core.find(' ', start);
    end = end == std::string::npos ? a.core.size() : end;
    add("t:" + a.core.substr(start, end - start));
    start = end + 1;
  }
  for (const std::string& compact : CompactKeys(a)) {
    if (compact.size() < 3) {
      add("g:" + compact);
      continue;
    }
    for (size_t i = 0; i + 3 <= compact.size(); ++i) {
      add("g:" + compact.substr(i, 3));
    }
  }
  return keys;
}

std::vector<std::string> TextNormalizer::GramKeys(std::string_view name) const {
  return GramKeysOf(Analyze(name));
}

}  // namespace ecg::text
