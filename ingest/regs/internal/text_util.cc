#include "ingest/regs/internal/text_util.h"

namespace ecg::ingest::regs_internal {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string Trim(std::string_view s, std::string_view chars) {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) {
    return "";
  }
  size_t e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    out.push_back(c);
  }
  return out;
}

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

std::string LineColumn(std::string_view bytes, size_t offset) {
  size_t line = 1;
  size_t col = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

std::vector<std::string> SplitTrim(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find(sep, pos);
    if (end == std::string_view::npos) {
      end = s.size();
    }
    std::string piece = Trim(s.substr(pos, end - pos));
    if (!piece.empty()) {
      out.push_back(std::move(piece));
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace ecg::ingest::regs_internal
