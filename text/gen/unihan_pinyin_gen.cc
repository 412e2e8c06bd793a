// Build-time generator: reads Unihan_Readings.txt (decompressed, on stdin) and
// writes a C++ source defining ecg::text::internal::kPinyinTable, the
// toneless Mandarin readings of every Han code point, most common first.
// Not part of ecg_ingest; ingest/ingest_deps.cmake runs it. Single-threaded.
//
// Reading order per code point: kMandarin (the customary reading), then
// kHanyuPinlu (ordered by corpus frequency), kTGHZ2013 and kXHC1983 (modern
// dictionaries), then kHanyuPinyin (which includes rare and archaic readings).
// Tone marks are removed and u-umlaut becomes "u", as ICU's "Latin-ASCII"
// does, so that keys stay plain ASCII.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace {

constexpr size_t kMaxReadings = 6;

// Field precedence: lower is preferred.
int FieldRank(const std::string& field) {
  if (field == "kMandarin")
    return 0;
  if (field == "kHanyuPinlu")
    return 1;
  if (field == "kTGHZ2013")
    return 2;
  if (field == "kXHC1983")
    return 3;
  if (field == "kHanyuPinyin")
    return 4;
  return -1;
}

// Splits the value of a reading field into its readings, in order.
// kMandarin: "tuo" or "a b"; kHanyuPinlu: "zhang(1879) chang(1179)";
// kTGHZ2013 / kXHC1983: "038.110:chang 466.110:zhang";
// kHanyuPinyin: "31849.060:zhi,tuo,ta 10093.130:xi".
std::vector<std::string> SplitReadings(const std::string& value) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&]() {
    if (!cur.empty())
      out.push_back(cur);
    cur.clear();
  };
  bool skipping = false;  // inside "(count)" or before ':'
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == ' ' || c == ',') {
      flush();
      skipping = false;
    } else if (c == '(') {
      flush();
      skipping = true;
    } else if (c == ':') {
      cur.clear();  // what came before was a dictionary position
    } else if (!skipping) {
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

}  // namespace

int main() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> ascii(
      icu::Transliterator::createInstance("Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) {
    std::cerr << "unihan_pinyin_gen: cannot create Latin-ASCII: " << u_errorName(status) << "\n";
    return 1;
  }
  // code point -> (rank, readings in file order)
  std::map<uint32_t, std::vector<std::pair<int, std::string>>> table;
  std::string line;
  size_t lines = 0;
  while (std::getline(std::cin, line)) {
    ++lines;
    if (line.size() < 3 || line[0] != 'U' || line[1] != '+')
      continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos)
      continue;
    int rank = FieldRank(line.substr(t1 + 1, t2 - t1 - 1));
    if (rank < 0)
      continue;
    uint32_t cp = static_cast<uint32_t>(std::stoul(line.substr(2, t1 - 2), nullptr, 16));
    for (const std::string& r : SplitReadings(line.substr(t2 + 1))) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(r);
      ascii->transliterate(u);
      std::string plain;
      u.toUTF8String(plain);
      bool ok = !plain.empty();
      for (char c : plain)
        ok = ok && c >= 'a' && c <= 'z';
      if (ok)
        table[cp].emplace_back(rank, plain);
    }
  }
  if (table.size() < 10000) {
    std::cerr << "unihan_pinyin_gen: only " << table.size() << " code points with readings in "
              << lines << " lines; is the input Unihan_Readings.txt?\n";
    return 1;
  }
  std::cout << "// Generated at build time from Unihan_Readings.txt by unihan_pinyin_gen.\n"
               "// Do not edit and do not commit.\n"
               "#include \"text/pinyin_table.h\"\n\n"
               "namespace ecg::text::internal {\n\n"
               "const PinyinEntry kPinyinTable[] = {\n";
  for (auto& [cp, readings] : table) {
    std::stable_sort(readings.begin(), readings.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> uniq;
    for (const auto& [rank, r] : readings) {
      bool seen = false;
      for (const std::string& u : uniq)
        seen = seen || u == r;
      if (!seen && uniq.size() < kMaxReadings)
        uniq.push_back(r);
    }
    std::string joined;
    for (const std::string& u : uniq)
      joined += (joined.empty() ? "" : " ") + u;
    char buf[16];
    std::snprintf(buf, sizeof(buf), "0x%05X", cp);
    std::cout << "    {" << buf << ", \"" << joined << "\"},\n";
  }
  std::cout << "};\n\nconst size_t kPinyinTableSize = " << table.size()
            << ";\n\n}  // namespace ecg::text::internal\n";
  return std::cout.good() ? 0 : 1;
}
