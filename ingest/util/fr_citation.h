// Federal Register citations as the lists, the regulations and the articles
// write them ("84 FR 22963, 5/21/19", "67 F.R. 56530 9/4/02", "84FR22963",
// "91 FR 35189 (June 10, 2026)") parsed into normalised "<volume> FR <page>"
// plus the date when one is stated. The one FR citation parser of ingest.
// Pure functions on immutable compiled patterns: thread-safe.
#ifndef ECG_INGEST_UTIL_FR_CITATION_H_
#define ECG_INGEST_UTIL_FR_CITATION_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/date.h"

namespace ecg::ingest::util {

struct FrCitation {
  int volume = 0;
  int page = 0;
  std::optional<Date> date;  // the publication date when the text states it
  // Where the citation itself ("84 FR 22963", without its date) stands in the
  // text parsed: its first occurrence for ParseFrCitations.
  size_t offset = 0;
  size_t length = 0;
  // "84 FR 22963".
  std::string ToString() const;
  // The same citation: volume, page and date (not where it was found).
  bool operator==(const FrCitation& o) const {
    return volume == o.volume && page == o.page && date == o.date;
  }
};

// Calls `fn` for every citation in `text`, in order, repeats included.
// Citations without a page ("88 FR", "F.R. 30078"), a date where the page
// should be ("72 F.R. 1/30/07") and volumes outside 1..200 are skipped: they
// cannot be resolved. A date whose year disagrees with the volume (volume 1 is
// 1936) is dropped as a typo.
void ForEachFrCitation(std::string_view text, const std::function<void(const FrCitation&)>& fn);

// Every citation in `text`, in order, duplicates removed (the first date seen
// for a citation wins). Separators (",", ";", "and", newlines, double spaces)
// and footnote digits glued to a date ("5/21/19.3") do not matter.
std::vector<FrCitation> ParseFrCitations(std::string_view text);

// The first citation in `text`, normalised ("89 FR 96790"); "" when none.
std::string FirstFrCitation(std::string_view text);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_FR_CITATION_H_
