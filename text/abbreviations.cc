#include "text/abbreviations.h"

#include <algorithm>
#include <utility>

namespace ecg::text {
namespace {

// Sorted by abbreviation (binary search). Only abbreviations that are not
// themselves common words ("res", "eng", "auto", "tel") and no legal
// forms ("co", "corp": the text pipeline already sets them apart).
constexpr std::pair<std::string_view, std::string_view> kTable[] = {
    {"acad", "academy"},       {"aeron", "aeronautical"},    {"assn", "association"},
    {"assoc", "association"},  {"bros", "brothers"},         {"chem", "chemical"},
    {"comm", "communication"}, {"comms", "communications"},  {"commun", "communication"},
    {"ctr", "center"},         {"dept", "department"},       {"dev", "development"},
    {"devt", "development"},   {"elec", "electronics"},      {"elecs", "electronics"},
    {"electr", "electronics"}, {"engg", "engineering"},      {"engr", "engineering"},
    {"eqpt", "equipment"},     {"equip", "equipment"},       {"grp", "group"},
    {"hldg", "holding"},       {"hldgs", "holdings"},        {"ind", "industrial"},
    {"inds", "industries"},    {"indus", "industrial"},      {"info", "information"},
    {"inst", "institute"},     {"instr", "instrument"},      {"intl", "international"},
    {"invt", "investment"},    {"mach", "machinery"},        {"mfg", "manufacturing"},
    {"mfr", "manufacturer"},   {"mgmt", "management"},       {"mgt", "management"},
    {"natl", "national"},      {"pharm", "pharmaceutical"},  {"pharma", "pharmaceutical"},
    {"sci", "science"},        {"semicon", "semiconductor"}, {"svc", "service"},
    {"svcs", "services"},      {"sys", "systems"},           {"tech", "technology"},
    {"techn", "technology"},   {"technol", "technology"},    {"telecom", "telecommunication"},
    {"trdg", "trading"},       {"univ", "university"},
};

}  // namespace

std::string_view ExpandWord(std::string_view word) {
  auto it = std::lower_bound(std::begin(kTable), std::end(kTable), word,
                             [](const auto& e, std::string_view w) { return e.first < w; });
  return it != std::end(kTable) && it->first == word ? it->second : std::string_view();
}

std::string ExpandAbbreviations(std::string_view folded, std::vector<Expansion>* made) {
  std::string out;
  out.reserve(folded.size() + 16);
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.find(' ', start);
    end = end == std::string_view::npos ? folded.size() : end;
    const std::string_view word = folded.substr(start, end - start);
    const std::string_view full = ExpandWord(word);
    if (!out.empty()) {
      out.push_back(' ');
    }
    if (full.empty()) {
      out.append(word);
    } else {
      out.append(full);
      if (made != nullptr) {
        made->push_back({std::string(word), std::string(full)});
      }
    }
    start = end + 1;
  }
  return out;
}

}  // namespace ecg::text
