// FindRuleRefs: which documents a Federal Register text corrects, revises,
// rescinds, suspends or supersedes.
#include <optional>
#include <string>

#include <re2/re2.h>

#include "ingest/regs/fr_text.h"
#include "ingest/regs/internal/text_util.h"
#include "ingest/util/dates.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

constexpr const char* kMonthDate =
    R"(((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-9]{1,2},\s*[0-9]{4}))";

std::optional<RuleRelation> RelationOf(std::string_view sentence) {
  static const RE2 kSuspend(R"((?i)\bsuspen(?:d|ds|ding|sion)\b)");
  static const RE2 kRescind(R"((?i)\b(?:rescind(?:s|ing)?|rescission)\b)");
  static const RE2 kSupersede(R"((?i)\bsupersed(?:e|es|ing)\b)");
  static const RE2 kCorrect(R"((?i)\bcorrect(?:s|ing|ion)?\b)");
  static const RE2 kRevise(R"((?i)\brevis(?:e|es|ing)\b)");
  // Order matters: "a correction to the suspension" is a correction.
  if (RE2::PartialMatch(sentence, kCorrect)) {
    return RuleRelation::kCorrects;
  }
  if (RE2::PartialMatch(sentence, kSuspend)) {
    return RuleRelation::kSuspends;
  }
  if (RE2::PartialMatch(sentence, kRescind)) {
    return RuleRelation::kRescinds;
  }
  if (RE2::PartialMatch(sentence, kSupersede)) {
    return RuleRelation::kSupersedes;
  }
  if (RE2::PartialMatch(sentence, kRevise)) {
    return RuleRelation::kRevises;
  }
  return std::nullopt;
}

// `day` moved by `years` (Feb 29 falls back to Feb 28).
Date AddYears(Date day, int years) {
  int y = 0;
  int m = 0;
  int d = 0;
  day.ToYmd(&y, &m, &d);
  if (m == 2 && d == 29) {
    d = 28;
  }
  return Date::FromYmd(y + years, m, d);
}

// The interval of a suspension. With an end ("set to end <date>" / "through
// <date>" / "until <date>") it is [start, end + 1 day), where start is N years
// before end + 1 day when the text says "N-year suspension" (a one-year
// suspension set to end November 9, 2026 began November 10, 2025; the
// document itself may be published days later), else own_date. Without an
// end it is N years from own_date.
std::optional<Interval> SuspensionInterval(std::string_view text, std::optional<Date> own_date) {
  static const RE2 kEnd(
      std::string(R"((?i)\b(?:end|ends|expire|expires|through|until)\s+(?:on\s+)?)") + kMonthDate);
  static const RE2 kYears(R"((?i)\b(one|two|three|[0-9]+)[- ]year\s+suspension\b)");
  std::optional<int> n;
  std::string years;
  if (RE2::PartialMatch(text, kYears, &years)) {
    n = ParseEnglishNumber(years);
    if (n && *n <= 0) {
      n.reset();
    }
  }
  std::string end;
  if (RE2::PartialMatch(text, kEnd, &end)) {
    std::optional<Date> d = util::ParseEnglishDate(end, util::EnglishDateMatch::kPrefix);
    if (d) {
      Date to = d->AddDays(1);
      Date from = n ? AddYears(to, -*n) : own_date.value_or(Date::Min());
      return Interval{from, to};
    }
  }
  if (own_date && n) {
    return Interval{*own_date, AddYears(*own_date, *n)};
  }
  return std::nullopt;
}

// Title case: every word but the short function words starts with a capital
// or a digit ("Expansion of End-User Controls to Cover Affiliates ...").
bool IsTitleCase(std::string_view s) {
  std::vector<std::string> words = text::SplitTrim(s, " ");
  if (words.size() < 2) {
    return false;
  }
  for (const std::string& w : words) {
    char c = w[0];
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(' || c == '"' || c == '\'') {
      continue;
    }
    static constexpr std::string_view kSmall[] = {
        "of",   "and", "the",  "to",    "for", "on", "in",   "a",   "an",  "or",
        "with", "by",  "from", "under", "at",  "as", "into", "nor", "but", "vs."};
    bool small = false;
    for (std::string_view k : kSmall) {
      small = small || w == k;
    }
    if (!small) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<RuleRef> FindRuleRefs(std::string_view text, std::optional<Date> own_date) {
  static const RE2 kTitle(R"re("([^"]{12,300}?)[,.]?")re");
  static const RE2 kDocWord(R"((?i)\b(?:rule|rules|IFR|notice|entitled|titled)\b)");
  static const RE2 kDocNumber(R"(\b(20[0-9]{2}-[0-9]{5})\b)");
  static const RE2 kPublishedOn(
      std::string(
          R"((?i)\b(?:(?:rule|notice|document)\s+(?:that\s+was\s+)?published\s+(?:in\s+the\s+Federal\s+Register\s+)?on\s+|published\s+in\s+an?\s+(?:final\s+|interim\s+final\s+|proposed\s+)?rule\s+on\s+|(?:appeared|published)\s+in\s+the\s+Federal\s+Register\s+(?:of|on)\s+))") +
      kMonthDate);
  std::vector<RuleRef> out;
  for (std::string_view sentence : regs_internal::Sentences(text)) {
    std::optional<RuleRelation> relation = RelationOf(sentence);
    if (!relation) {
      continue;
    }
    std::vector<RuleRef> refs;
    re2::StringPiece rest = sentence;
    re2::StringPiece title;
    while (RE2::FindAndConsume(&rest, kTitle, &title)) {
      // A quoted phrase is a document title only when it is capitalised and
      // follows a word naming a document ("the interim final rule, "...").
      size_t quote = static_cast<size_t>(title.data() - sentence.data()) - 1;
      size_t from = quote > 80 ? quote - 80 : 0;
      if (title.empty() || !IsTitleCase(std::string_view(title.data(), title.size())) ||
          !RE2::PartialMatch(sentence.substr(from, quote - from), kDocWord)) {
        continue;
      }
      RuleRef ref;
      ref.relation = *relation;
      ref.title = text::Trim(std::string_view(title.data(), title.size()), " ,.;");
      refs.push_back(std::move(ref));
    }
    for (const std::string& cite : FindFrCitations(sentence)) {
      RuleRef ref;
      ref.relation = *relation;
      ref.citation = cite;
      refs.push_back(std::move(ref));
    }
    rest = sentence;
    std::string number;
    while (RE2::FindAndConsume(&rest, kDocNumber, &number)) {
      RuleRef ref;
      ref.relation = *relation;
      ref.document_number = number;
      refs.push_back(std::move(ref));
    }
    std::string date;
    if (RE2::PartialMatch(sentence, kPublishedOn, &date)) {
      std::optional<Date> d = util::ParseEnglishDate(date, util::EnglishDateMatch::kPrefix);
      if (refs.empty()) {
        RuleRef ref;
        ref.relation = *relation;
        refs.push_back(std::move(ref));
      }
      // The date describes the (single) rule the sentence names.
      for (RuleRef& ref : refs) {
        ref.target_date = d;
      }
    }
    if (*relation == RuleRelation::kSuspends) {
      std::optional<Interval> interval = SuspensionInterval(text, own_date);
      for (RuleRef& ref : refs) {
        ref.interval = interval;
      }
    }
    for (RuleRef& ref : refs) {
      out.push_back(std::move(ref));
    }
  }
  return out;
}

}  // namespace ecg::ingest
