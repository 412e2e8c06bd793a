#include "ingest/util/fr_citation.h"

#include <charconv>

#include <re2/re2.h>

#include "ingest/util/dates.h"

namespace ecg::ingest::util {
namespace {

// "84 FR 22963", "67 F.R. 56530", "84FR22963", "84 fr 40241", "86 FR. 66277".
const RE2& CitationRe() {
  static const RE2 re(R"((?i)\b(\d{1,3})\s*F\.?\s*R\.?\s*(\d{1,6})\b)");
  return re;
}
// A month-first date right after the citation: ", 5/21/19", " (3/10/05)", " DATED 06/11/09".
// Years of four digits are tried first; a digit after a two-digit year is a footnote.
const RE2& SlashDateRe() {
  static const RE2 re(R"((?i)^[\s,;]*(?:\(|dated\s+)?(\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})))");
  return re;
}
// " (June 10, 2026)" or ", June 10, 2026".
const RE2& EnglishDateRe() {
  static const RE2 re(R"(^[\s,;]*\(?([A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}))");
  return re;
}

int Digits(re2::StringPiece s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);  // at most 6 digits: no overflow
  return v;
}

}  // namespace

std::string FrCitation::ToString() const {
  return std::to_string(volume) + " FR " + std::to_string(page);
}

void ForEachFrCitation(std::string_view text, const std::function<void(const FrCitation&)>& fn) {
  const RE2& re = CitationRe();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[3];
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, groups, 3)) {
    const size_t begin = static_cast<size_t>(groups[0].data() - text.data());
    const size_t end = begin + groups[0].size();
    pos = end;
    // "72 F.R. 1/30/07" names a date, not a page.
    if (end < text.size() && text[end] == '/') {
      continue;
    }
    FrCitation c;
    c.volume = Digits(groups[1]);
    c.page = Digits(groups[2]);
    c.offset = begin;
    c.length = end - begin;
    if (c.volume < 1 || c.volume > 200 || c.page < 1) {
      continue;
    }
    re2::StringPiece rest(text.data() + end, text.size() - end);
    std::string date_text;
    std::optional<Date> date;
    if (RE2::PartialMatch(rest, SlashDateRe(), &date_text)) {
      date = ParseUsSlashDate(date_text);
    } else if (RE2::PartialMatch(rest, EnglishDateRe(), &date_text)) {
      date = ParseEnglishDate(date_text);
    }
    // Volume 1 is 1936: a date whose year disagrees with the volume is a typo.
    if (date.has_value()) {
      int y = 0;
      int m = 0;
      int d = 0;
      date->ToYmd(&y, &m, &d);
      if (y - 1935 < c.volume - 1 || y - 1935 > c.volume + 1) {
        date.reset();
      }
    }
    c.date = date;
    fn(c);
  }
}

std::vector<FrCitation> ParseFrCitations(std::string_view text) {
  std::vector<FrCitation> out;
  ForEachFrCitation(text, [&out](const FrCitation& c) {
    for (FrCitation& seen : out) {
      if (seen.volume == c.volume && seen.page == c.page) {
        if (!seen.date.has_value()) {
          seen.date = c.date;
        }
        return;
      }
    }
    out.push_back(c);
  });
  return out;
}

std::string FirstFrCitation(std::string_view text) {
  std::vector<FrCitation> all = ParseFrCitations(text);
  return all.empty() ? "" : all.front().ToString();
}

}  // namespace ecg::ingest::util
