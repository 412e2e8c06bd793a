// Fact extraction (re2) from Federal Register prose: abstracts, summaries and
// DATES paragraphs. Shared by the post, XML and JSON parsers. Pure functions
// over immutable compiled patterns: safe for concurrent use.
#ifndef ECG_INGEST_REGS_FR_TEXT_H_
#define ECG_INGEST_REGS_FR_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/regs/fr_document.h"
#include "schema/date.h"

namespace ecg::ingest {

// What an abstract states, beyond its words.
struct TextFacts {
  std::vector<EccnRef> eccns;    // in order of first appearance, one per code
  ListCounts counts;             // Entity List counts ("adding 70 entities ... China (42)")
  std::vector<RuleRef> related;  // documents this one corrects / revises / suspends ...
};

// Extracts ECCNs (with amends / mentions roles), Entity List counts and rule
// references from `text` (already passed through CleanFrTypography).
// `own_date` is the document's effective or publication date, used as the start
// of an interval the text states only by its end ("set to end November 9, 2026").
TextFacts AnalyzeFrText(std::string_view text, std::optional<Date> own_date);

// "42" -> 42, "twenty-four" / "Twenty four" -> 24, "one hundred" -> 100.
// nullopt for anything else. Handles 0..999.
std::optional<int> ParseEnglishNumber(std::string_view word);

// The effective date stated in a DATES paragraph: "This rule is effective
// December 2, 2024." / "Effective date: This rule is effective on ...".
// nullopt when the paragraph states none.
std::optional<Date> FindEffectiveDate(std::string_view dates_text);

// The documents `text` says this one corrects, revises, rescinds, suspends or
// supersedes. A sentence yields a reference only when it names both a relation
// verb and a target: a quoted title, an FR citation, a document number, or "a
// final rule published in the Federal Register on <date>". A suspension's
// interval comes from "set to end <date>" (anywhere in the text) or from
// "one-year suspension" counted from `own_date`.
std::vector<RuleRef> FindRuleRefs(std::string_view text, std::optional<Date> own_date);

// Every FR citation in `text` (util::ParseFrCitations: "89 FR 96790", "89 F.R.
// 96790"), normalised to "<vol> FR <page>", in order, without duplicates.
std::vector<std::string> FindFrCitations(std::string_view text);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_FR_TEXT_H_
