#include "text/ascii.h"

namespace ecg::text {

std::string_view StripBom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  return bytes;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

namespace {

// `s` with the letters from `first` to `first` + 25 moved to start at `to`.
std::string ShiftLetters(std::string_view s, char first, char to) {
  std::string out(s);
  for (char& c : out) {
    if (c >= first && c <= first + 25) {
      c = static_cast<char>(c - first + to);
    }
  }
  return out;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  return ShiftLetters(s, 'A', 'a');
}

std::string AsciiUpper(std::string_view s) {
  return ShiftLetters(s, 'a', 'A');
}

bool EndsWithAsciiLower(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && AsciiLower(s.substr(s.size() - suffix.size())) == suffix;
}

std::string Trim(std::string_view s, std::string_view chars) {
  const size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) {
    return "";
  }
  const size_t e = s.find_last_not_of(chars);
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

std::vector<std::string_view> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  for (;;) {
    const size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, next - pos));
    pos = next + sep.size();
  }
}

std::vector<std::string> SplitTrim(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  for (std::string_view piece : Split(s, sep)) {
    std::string t = Trim(piece);
    if (!t.empty()) {
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace ecg::text
