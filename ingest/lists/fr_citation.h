// Federal Register citations as the lists write them ("84 FR 22963, 5/21/19",
// "67 F.R. 56530 9/4/02", "84FR22963", "91 FR 35189 (June 10, 2026)") parsed
// into normalised "<volume> FR <page>" plus the date when one is stated.
// Pure functions on immutable compiled patterns: thread-safe.
#ifndef ECG_INGEST_LISTS_FR_CITATION_H_
#define ECG_INGEST_LISTS_FR_CITATION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/lists/list_record.h"
#include "schema/date.h"

namespace ecg::ingest::lists {

struct FrCitation {
  int volume = 0;
  int page = 0;
  std::optional<Date> date;  // the publication date when the text states it
  // "84 FR 22963".
  std::string ToString() const;
  bool operator==(const FrCitation&) const = default;
};

// Every citation in `text`, in order, duplicates removed (the first date seen
// for a citation wins). Separators (",", ";", "and", newlines, double spaces)
// and footnote digits glued to a date ("5/21/19.3") do not matter. Citations
// without a page ("88 FR", "F.R. 30078") are skipped: they cannot be resolved.
std::vector<FrCitation> ParseFrCitations(std::string_view text);

// Parses `text` and appends to record->fr_citations / citation_dates.
void AddFrCitations(std::string_view text, ListRecord* record);

}  // namespace ecg::ingest::lists

#endif  // ECG_INGEST_LISTS_FR_CITATION_H_
