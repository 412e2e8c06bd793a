#include "text/decode.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "text/ascii.h"

namespace ecg::text {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

enum class Encoding { kUtf8, kWindows1252, kGb18030 };

std::string_view EncodingName(Encoding e) {
  static constexpr std::string_view kNames[] = {"UTF-8", "Windows-1252", "GB18030"};
  return kNames[static_cast<size_t>(e)];
}

Result<Encoding> ParseEncodingName(std::string_view name) {
  std::string key;
  for (char c : AsciiLower(name)) {
    if (c != '-' && c != '_' && c != ' ') {
      key.push_back(c);
    }
  }
  if (key == "utf8") {
    return Encoding::kUtf8;
  }
  if (key == "windows1252" || key == "cp1252" || key == "latin1" || key == "iso88591") {
    return Encoding::kWindows1252;
  }
  if (key == "gb18030" || key == "gbk" || key == "gb2312" || key == "cp936") {
    return Encoding::kGb18030;
  }
  return Status::NotSupported("unknown text encoding \"" + std::string(name) + "\"");
}

Status InvalidAt(std::string_view label, size_t offset, Encoding expected) {
  return Status::InvalidArgument(std::string(label) + ": invalid byte at offset " +
                                 std::to_string(offset) + " (expected " +
                                 std::string(EncodingName(expected)) + ")");
}

// Converts with an ICU converter that stops at the first invalid byte. On
// failure returns kInvalidArgument; *bad_offset receives the byte offset.
Result<std::string> DecodeWithIcu(std::string_view bytes, Encoding encoding, std::string_view label,
                                  size_t* bad_offset) {
  const char* icu_name = encoding == Encoding::kGb18030 ? "gb18030" : "windows-1252";
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU converter ") + icu_name + ": " + u_errorName(status));
  }
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::array<UChar, 4096> buf{};
  const char* source = bytes.data();
  size_t total_units = 0;  // UTF-16 units produced so far
  const char* const source_limit = bytes.data() + bytes.size();
  while (true) {
    UChar* target = buf.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, buf.data() + buf.size(), &source, source_limit, nullptr,
                   /*flush=*/true, &status);
    int32_t produced = static_cast<int32_t>(target - buf.data());
    icu::UnicodeString(false, buf.data(), produced).toUTF8String(out);
    const size_t units_before = total_units;
    total_units += static_cast<size_t>(produced);
    if (encoding == Encoding::kWindows1252 &&
        (U_SUCCESS(status) || status == U_BUFFER_OVERFLOW_ERROR)) {
      // ICU maps the five bytes Windows-1252 leaves undefined (0x81, 0x8D,
      // 0x8F, 0x90, 0x9D) to C1 controls; treat them as invalid. One byte
      // is one UTF-16 unit here, so the unit index is the byte offset.
      for (int32_t k = 0; k < produced; ++k) {
        if (buf[k] >= 0x80 && buf[k] <= 0x9F) {
          const size_t offset = units_before + static_cast<size_t>(k);
          *bad_offset = offset;
          return InvalidAt(label, offset, encoding);
        }
      }
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      continue;
    }
    if (U_FAILURE(status)) {
      // The source pointer stands just past the offending sequence.
      std::array<char, 32> invalid{};
      int8_t invalid_len = static_cast<int8_t>(invalid.size());
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv.get(), invalid.data(), &invalid_len, &ignored);
      size_t consumed = static_cast<size_t>(source - bytes.data());
      size_t offset = consumed - std::min<size_t>(consumed, U_SUCCESS(ignored) ? invalid_len : 1);
      *bad_offset = offset;
      return InvalidAt(label, offset, encoding);
    }
    return out;
  }
}

// The share of non-ASCII code points that are CJK (Han, kana, Hangul, CJK
// punctuation and full-width forms): GB18030 text is mostly these, while
// Windows-1252 bytes that happen to form GB18030 pairs decode to a mix.
double CjkShare(std::string_view utf8) {
  size_t non_ascii = 0;
  size_t cjk = 0;
  int64_t i = 0;
  const int64_t n = static_cast<int64_t>(utf8.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0x80) {
      continue;
    }
    ++non_ascii;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
        script == USCRIPT_HANGUL || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) {
      ++cjk;
    }
  }
  return non_ascii == 0 ? 1.0 : static_cast<double>(cjk) / static_cast<double>(non_ascii);
}

}  // namespace

size_t FirstInvalidUtf8(std::string_view bytes) {
  int64_t i = 0;
  const int64_t n = static_cast<int64_t>(bytes.size());
  while (i < n) {
    const int64_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0) {
      return static_cast<size_t>(start);
    }
  }
  return std::string_view::npos;
}

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view declared_encoding,
                                 std::string_view file_label) {
  size_t bad = 0;
  if (!declared_encoding.empty()) {
    ECG_ASSIGN_OR_RETURN(Encoding encoding, ParseEncodingName(declared_encoding));
    if (encoding == Encoding::kUtf8) {
      std::string_view body = StripBom(bytes);
      size_t invalid = FirstInvalidUtf8(body);
      if (invalid != std::string_view::npos) {
        return InvalidAt(file_label, invalid + (bytes.size() - body.size()), encoding);
      }
      return std::string(body);
    }
    return DecodeWithIcu(bytes, encoding, file_label, &bad);
  }
  std::string_view body = StripBom(bytes);
  const size_t utf8_invalid = FirstInvalidUtf8(body);
  if (utf8_invalid == std::string_view::npos) {
    return std::string(body);
  }
  Result<std::string> gb = DecodeWithIcu(bytes, Encoding::kGb18030, file_label, &bad);
  if (gb.ok() && CjkShare(*gb) >= 0.8) {
    return gb;
  }
  Result<std::string> cp1252 = DecodeWithIcu(bytes, Encoding::kWindows1252, file_label, &bad);
  if (cp1252.ok()) {
    return cp1252;
  }
  return Status::InvalidArgument(
      std::string(file_label) + ": not valid UTF-8 (first invalid byte at offset " +
      std::to_string(utf8_invalid + (bytes.size() - body.size())) +
      ") nor GB18030 nor Windows-1252 (byte " + std::to_string(bad) + " is undefined there)");
}

std::string RepairC1(std::string utf8) {
  // C1 controls are encoded as C2 80 .. C2 9F; most text has none.
  if (utf8.find('\xC2') == std::string::npos) {
    return utf8;
  }
  // What each byte 0x80..0x9F means in Windows-1252, asked of ICU once.
  static const std::array<std::string, 32> kRepl = [] {
    std::array<std::string, 32> table;
    for (int b = 0; b < 32; ++b) {
      const char byte = static_cast<char>(0x80 + b);
      size_t ignored = 0;
      Result<std::string> r =
          DecodeWithIcu(std::string_view(&byte, 1), Encoding::kWindows1252, "", &ignored);
      table[b] = r.ok() ? *r : std::string();  // undefined bytes are errors: drop
    }
    return table;
  }();
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto next = i + 1 < utf8.size() ? static_cast<unsigned char>(utf8[i + 1]) : 0;
    if (utf8[i] == '\xC2' && next >= 0x80 && next <= 0x9F) {
      out += kRepl[next - 0x80];
      ++i;
    } else {
      out.push_back(utf8[i]);
    }
  }
  return out;
}

}  // namespace ecg::text
