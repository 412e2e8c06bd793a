// The date spellings the sources use: ISO, day-first dotted, US slashed and
// English dates, and the first ISO date inside a file name. Every parser
// returns nullopt for text that is not a real calendar date. Pure functions
// over immutable compiled patterns: thread-safe.
#ifndef ECG_INGEST_UTIL_DATES_H_
#define ECG_INGEST_UTIL_DATES_H_

#include <optional>
#include <string_view>

#include "schema/date.h"

namespace ecg::ingest::util {

// "YYYY-MM-DD" (an optional time part "THH:MM..." or " HH:MM" is ignored).
std::optional<Date> ParseIsoDate(std::string_view text);

// Day-first dotted dates: "16.02.23", "04.04.2025", "26.2.2026". Two-digit
// years are 20YY when below 70, else 19YY.
std::optional<Date> ParseDayFirstDate(std::string_view text);

// US month-first slashed dates: "5/21/19", "12/23/2020". Two-digit years as
// above, except that years 36..99 are 19YY (the Federal Register began in 1936).
std::optional<Date> ParseUsSlashDate(std::string_view text);

// How much of the text ParseEnglishDate reads. The list parsers hand over a
// cell or a captured date, which must be a date and nothing else; the Federal
// Register parsers hand over the text that starts where a date was found
// ("December 2, 2024, at 8:45 a.m."), so there a date only has to begin it.
enum class EnglishDateMatch : uint8_t {
  kWhole,   // the whole text is the date (surrounding spaces allowed)
  kPrefix,  // the text starts with a month-first date; what follows is ignored
};

// English dates. kWhole: "March 12, 2021", "June 10 2026", "03 Jun 2021",
// "Sept. 9, 2020" (month first or day first, comma optional). kPrefix: a
// month-first date with its comma, "December 2, 2024" / "Dec. 2, 2024 ...".
// Month names may be abbreviated to three or more letters, in any case.
std::optional<Date> ParseEnglishDate(std::string_view text,
                                     EnglishDateMatch match = EnglishDateMatch::kWhole);

// The first ISO date ("2026-06-29") inside a file label or name, if any.
std::optional<Date> DateInText(std::string_view text);

}  // namespace ecg::ingest::util

#endif  // ECG_INGEST_UTIL_DATES_H_
