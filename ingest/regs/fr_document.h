// FrDocument: one Federal Register document as the regulation parsers see it,
// whichever source it came from (a blog post with the API abstract, the
// official FR XML, or the federalregister.gov API JSON). Plain values:
// thread-compatible, cheap enough to copy.
#ifndef ECG_INGEST_REGS_FR_DOCUMENT_H_
#define ECG_INGEST_REGS_FR_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/date.h"
#include "schema/result.h"

namespace ecg::ingest {

// How a document touches an ECCN. A document "amends" an ECCN when its text
// says it adds, revises or creates it; otherwise it only "mentions" it.
enum class EccnRole : uint8_t { kAmends, kMentions };
std::string_view EccnRoleName(EccnRole role);  // "amends" / "mentions"

struct EccnRef {
  std::string code;  // "3A090", "3A001.z", "0Y521" (a series name is kept as written)
  EccnRole role = EccnRole::kMentions;
  bool operator==(const EccnRef&) const = default;
};

// Rule -> rule relations, named after the graph edge types.
enum class RuleRelation : uint8_t { kCorrects, kRevises, kRescinds, kSuspends, kSupersedes };
std::string_view RuleRelationName(RuleRelation relation);  // "corrects", ...

// A reference from one document to another. At least one of document_number,
// citation, title or target_date identifies the target; the caller resolves it.
struct RuleRef {
  RuleRelation relation = RuleRelation::kRevises;
  std::string document_number;      // "2025-19001"
  std::string citation;             // "90 FR 47201"
  std::string title;                // the quoted title of the target, typography cleaned
  std::optional<Date> target_date;  // "a final rule published ... on February 24, 2020"
  // When the text states how long the relation lasts ("a one-year suspension
  // ... set to end November 9, 2026"): [start, day after the end). `from` is
  // the referring document's effective (else publication) date when known.
  std::optional<Interval> interval;
};

// "China (42)" in an abstract.
struct CountryCount {
  std::string country;  // as written, e.g. "China, People's Republic of (China)"
  int count = 0;
  bool operator==(const CountryCount&) const = default;
};

// Counts an abstract states. Absent when the text does not state them.
struct ListCounts {
  std::optional<int> entities_added;    // "adding 49 entities ..."
  std::optional<int> entries_added;     // "... under 52 entries"
  std::optional<int> entities_revised;  // "revises five existing entries"
  std::optional<int> entities_removed;  // "removing two entities"
  std::vector<CountryCount> per_country;
};

// One Entity List amendment found in a regulatory text (REGTEXT).
enum class ListChangeKind : uint8_t { kAdd, kRevise, kRemove };
std::string_view ListChangeKindName(ListChangeKind kind);  // "adds" / "revises" / "removes"

struct EntityListChange {
  ListChangeKind kind = ListChangeKind::kAdd;
  std::string list_name = "Entity List";
  std::string country;                 // table country heading: "CHINA, PEOPLE'S REPUBLIC OF"
  std::string name;                    // primary name, without the a.k.a. list
  std::vector<std::string> aliases;    // "a.k.a., the following two aliases: -X; and -Y."
  std::vector<std::string> addresses;  // split on "; and" / ";"
  std::string license_requirement;     // "For all items subject to the EAR. (See § 744.11 ...)"
  std::string license_policy;          // "Presumption of denial."
  std::string citation;                // the table's FR citation cell: "89 FR [INSERT FR PAGE]"
};

struct FrDocument {
  std::string document_number;  // "2022-21658"
  std::string item_id;          // "federal_register:2022-21658" (posts only)
  std::string type;             // "Rule", "Proposed Rule", "Notice" when stated
  std::string title;
  std::optional<Date> publication_date;  // the FR date (a post's original_published)
  std::string action;    // "Final rule.", "Interim final rule; request for comments."
  std::string agency;    // "Bureau of Industry and Security"
  std::string abstract;  // typography cleaned (see CleanFrTypography)
  std::string url;       // federalregister.gov page
  std::optional<Date> effective_date;
  std::string citation;                // "89 FR 96790" when the volume and first page are known
  std::optional<int> volume;           // 89
  std::optional<int> start_page;       // 96790
  std::string rin;                     // "0694-AJ71"
  std::vector<std::string> cfr_parts;  // "15 CFR 744" as "744" (title 15 implied unless stated)
  std::vector<EccnRef> eccns;
  ListCounts counts;
  std::vector<RuleRef> related;
  std::vector<EntityListChange> changes;
  std::vector<std::string> source_files;  // every file merged into this document
};

// Replaces FR API typography: "``" and "''" become '"', a lone "`" (an opening
// quote) becomes "'", a stray trailing "`" is dropped, runs of whitespace
// collapse to one space and the ends are trimmed.
std::string CleanFrTypography(std::string_view text);

// Merges `other` into `base` (the same document posted twice): empty fields of
// `base` are filled from `other`, lists are unioned without duplicates.
// Returns InvalidArgument when the document numbers differ or when both state
// different publication dates.
Status MergeFrDocument(FrDocument* base, const FrDocument& other);

// Groups documents by document_number (first appearance order) and merges each
// group with MergeFrDocument. Documents without a number are kept as they are.
Result<std::vector<FrDocument>> MergeFrDocuments(std::vector<FrDocument> docs);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_FR_DOCUMENT_H_
