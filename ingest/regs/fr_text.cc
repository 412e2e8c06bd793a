#include "ingest/regs/fr_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string>

#include <re2/re2.h>

#include "ingest/regs/internal/text_util.h"
#include "ingest/util/dates.h"
#include "ingest/util/eccn.h"
#include "ingest/util/fr_citation.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

// Numbers as FR abstracts write them: digits or English words.
constexpr const char* kNum =
    R"(([0-9]+|(?:[A-Za-z]+(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)))";

using regs_internal::Sentences;
using text::Trim;

void AddEccn(std::vector<EccnRef>* out, std::string code, EccnRole role) {
  for (EccnRef& e : *out) {
    if (e.code == code) {
      if (role == EccnRole::kAmends) {
        e.role = EccnRole::kAmends;
      }
      return;
    }
  }
  out->push_back({std::move(code), role});
}

void ExtractEccns(std::string_view text, std::vector<EccnRef>* out) {
  static const RE2 kAmendVerb(
      R"((?i)\b(add|adds|adding|added|revis\w*|amend\w*|creat\w*|new|establish\w*|remov\w*|extend\w*|mov\w*|impos\w*)\b)");
  for (std::string_view sentence : Sentences(text)) {
    for (const util::EccnMatch& m : util::FindEccns(sentence)) {
      // The window before the code, inside its sentence, decides the role.
      const size_t pos = m.offset;
      size_t from = pos > 160 ? pos - 160 : 0;
      std::string_view before = sentence.substr(from, pos - from);
      EccnRole role =
          RE2::PartialMatch(before, kAmendVerb) ? EccnRole::kAmends : EccnRole::kMentions;
      AddEccn(out, std::string(m.code), role);
    }
  }
}

std::optional<int> Num(std::string_view word) {
  return ParseEnglishNumber(word);
}

// "under the destinations of China, People's Republic of (China) (42); Iran (2)".
void ExtractPerCountry(std::string_view sentence, std::vector<CountryCount>* out) {
  static const RE2 kDest(R"((?i)destinations? of\s+)");
  static const RE2 kCount(R"(\(([0-9]+)\))");
  static const RE2 kParen(R"(\(([^()]+)\)\s*$)");
  re2::StringPiece rest = sentence;
  if (!RE2::FindAndConsume(&rest, kDest)) {
    return;
  }
  re2::StringPiece scan = rest;
  re2::StringPiece number;
  size_t seg_start = 0;
  while (RE2::FindAndConsume(&scan, kCount, &number)) {
    size_t paren = static_cast<size_t>(number.data() - rest.data()) - 1;
    std::string name = Trim(rest.substr(seg_start, paren - seg_start), " ,;:");
    for (std::string_view prefix : {"and the ", "and ", "the "}) {
      if (name.rfind(prefix, 0) == 0) {
        name = name.substr(prefix.size());
      }
    }
    // "United Arab Emirates (UAE)" -> "UAE": the short name the FR defines.
    std::string short_name;
    if (RE2::PartialMatch(name, kParen, &short_name)) {
      name = short_name;
    }
    int n = 0;
    std::from_chars(number.data(), number.data() + number.size(), n);
    if (!name.empty()) {
      out->push_back({name, n});
    }
    seg_start = static_cast<size_t>(scan.data() - rest.data());
  }
}

void ExtractCounts(std::string_view text, ListCounts* counts) {
  static const RE2 kAdd(
      std::string(R"((?i)\badd(?:s|ing|ed)?\s+)") + kNum +
      R"(\s+(?:new\s+)?(entit(?:y|ies)|entr(?:y|ies)|persons?|parties|addresses)(?:\s+under\s+)" +
      kNum + R"(\s+entr(?:y|ies))?)");
  static const RE2 kRevise(std::string(R"((?i)\b(?:revis(?:e|es|ing)|modif(?:y|ies|ying))\s+)") +
                           kNum + R"(\s+(?:existing\s+)?(?:entit(?:y|ies)|entr(?:y|ies)))");
  static const RE2 kRemove(std::string(R"((?i)\bremov(?:e|es|ing)\s+)") + kNum +
                           R"(\s+(?:existing\s+)?(?:entit(?:y|ies)|entr(?:y|ies)))");
  static const RE2 kOtherList(R"((?i)(MEU|Military End|Unverified|Cuba Restricted|VEU))");
  std::vector<std::string_view> sentences = Sentences(text);
  for (size_t i = 0; i < sentences.size(); ++i) {
    std::string_view sentence = sentences[i];
    re2::StringPiece rest = sentence;
    re2::StringPiece n1, noun, n2;
    while (RE2::FindAndConsume(&rest, kAdd, &n1, &noun, &n2)) {
      std::string_view after = rest.substr(0, std::min<size_t>(rest.size(), 80));
      if (after.find("Entity List") == std::string_view::npos &&
          after.find("Entity list") == std::string_view::npos) {
        continue;
      }
      std::optional<int> a = Num(n1);
      std::string lnoun = text::AsciiLower(noun);
      if (lnoun.rfind("entr", 0) == 0) {
        if (!counts->entries_added) {
          counts->entries_added = a;
        }
      } else if (!counts->entities_added) {
        counts->entities_added = a;
        if (!n2.empty()) {
          counts->entries_added = Num(n2);
        }
      }
      // The destinations follow in the same sentence or the next one
      // ("These entries are under the destinations of ...").
      if (counts->per_country.empty()) {
        ExtractPerCountry(sentence, &counts->per_country);
      }
      if (counts->per_country.empty() && i + 1 < sentences.size()) {
        ExtractPerCountry(sentences[i + 1], &counts->per_country);
      }
    }
    re2::StringPiece n;
    rest = sentence;
    if (!counts->entities_revised && RE2::FindAndConsume(&rest, kRevise, &n)) {
      counts->entities_revised = Num(n);
    }
    rest = sentence;
    if (!counts->entities_removed && RE2::FindAndConsume(&rest, kRemove, &n)) {
      std::string_view after = rest.substr(0, std::min<size_t>(rest.size(), 60));
      if (!RE2::PartialMatch(after, kOtherList)) {
        counts->entities_removed = Num(n);
      }
    }
  }
}

}  // namespace

std::optional<int> ParseEnglishNumber(std::string_view word) {
  if (word.empty()) {
    return std::nullopt;
  }
  if (word[0] >= '0' && word[0] <= '9') {
    int v = 0;
    auto [p, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
    if (ec != std::errc() || p != word.data() + word.size()) {
      return std::nullopt;
    }
    return v;
  }
  static constexpr std::array<const char*, 20> kUnits = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<const char*, 10> kTens = {
      "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  std::string w = text::AsciiLower(word);
  std::replace(w.begin(), w.end(), '-', ' ');
  int total = 0;
  int current = 0;
  bool any = false;
  size_t pos = 0;
  while (pos < w.size()) {
    size_t end = w.find(' ', pos);
    std::string tok = w.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? w.size() : end + 1;
    if (tok.empty() || tok == "and") {
      continue;
    }
    bool matched = false;
    for (size_t i = 0; i < kUnits.size() && !matched; ++i) {
      if (tok == kUnits[i]) {
        current += static_cast<int>(i);
        matched = true;
      }
    }
    for (size_t i = 2; i < kTens.size() && !matched; ++i) {
      if (tok == kTens[i]) {
        current += static_cast<int>(i) * 10;
        matched = true;
      }
    }
    if (!matched && tok == "hundred") {
      current = (current == 0 ? 1 : current) * 100;
      matched = true;
    }
    if (!matched) {
      return std::nullopt;
    }
    any = true;
  }
  total += current;
  return any ? std::optional<int>(total) : std::nullopt;
}

std::optional<Date> FindEffectiveDate(std::string_view dates_text) {
  static const RE2 kEffective(
      R"((?i)\beffective(?:\s+date)?(?:\s+on)?[:\s]+((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-9]{1,2},\s*[0-9]{4}))");
  std::string date;
  if (!RE2::PartialMatch(dates_text, kEffective, &date)) {
    return std::nullopt;
  }
  return util::ParseEnglishDate(date, util::EnglishDateMatch::kPrefix);
}

std::vector<std::string> FindFrCitations(std::string_view text) {
  std::vector<std::string> out;
  for (const util::FrCitation& c : util::ParseFrCitations(text)) {
    out.push_back(c.ToString());
  }
  return out;
}

TextFacts AnalyzeFrText(std::string_view text, std::optional<Date> own_date) {
  TextFacts facts;
  ExtractEccns(text, &facts.eccns);
  ExtractCounts(text, &facts.counts);
  facts.related = FindRuleRefs(text, own_date);
  return facts;
}

}  // namespace ecg::ingest
