#include "ingest/regs/internal/text_util.h"

namespace ecg::ingest::regs_internal {
namespace {

// True when the word that ends at text[dot] (the '.') is an abbreviation:
// a single letter ("U.S.") or a common short form ("Co.", "Inc.").
bool IsAbbreviation(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(') {
    --start;
  }
  std::string_view word = text.substr(start, dot - start);
  if (word.size() <= 1 || (word.size() >= 2 && word[word.size() - 2] == '.')) {
    return true;
  }
  for (std::string_view abbr : {"Co", "Inc", "Ltd", "No", "Nos", "Dr", "Mr", "Ms", "St", "Corp",
                                "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e"}) {
    if (word == abbr) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  bool in_quote = false;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] == '"') {
      in_quote = !in_quote;
    }
    if (!in_quote && text[i] == '.' && text[i + 1] == ' ' &&
        ((text[i + 2] >= 'A' && text[i + 2] <= 'Z') || text[i + 2] == '"') &&
        !IsAbbreviation(text, i)) {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) {
    out.push_back(text.substr(start));
  }
  return out;
}

}  // namespace ecg::ingest::regs_internal
