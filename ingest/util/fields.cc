#include "ingest/util/fields.h"

#include "text/ascii.h"
#include "text/decode.h"

namespace ecg::ingest::util {
namespace {

using text::IsAsciiSpace;

bool IsNbsp(const std::string& s, size_t i, size_t end) {
  return end - i >= 2 && s.compare(i, 2, "\xC2\xA0") == 0;
}

}  // namespace

std::string CleanText(std::string_view text) {
  std::string out = text::RepairC1(std::string(text));
  // Trim ASCII whitespace and U+00A0 (C2 A0) at both ends.
  size_t b = 0;
  size_t e = out.size();
  for (;;) {
    if (b < e && IsAsciiSpace(out[b])) {
      ++b;
    } else if (IsNbsp(out, b, e)) {
      b += 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (e > b && IsAsciiSpace(out[e - 1])) {
      --e;
    } else if (e - b >= 2 && out.compare(e - 2, 2, "\xC2\xA0") == 0) {
      e -= 2;
    } else {
      break;
    }
  }
  // Collapse every inner run of whitespace (newlines, tabs, U+00A0 included)
  // to one space, so that a re-spaced name is the same name.
  std::string collapsed;
  collapsed.reserve(e - b);
  bool space = false;
  for (size_t i = b; i < e;) {
    if (IsAsciiSpace(out[i])) {
      space = true;
      ++i;
      continue;
    }
    if (IsNbsp(out, i, e)) {
      space = true;
      i += 2;
      continue;
    }
    if (space) {
      collapsed.push_back(' ');
      space = false;
    }
    collapsed.push_back(out[i]);
    ++i;
  }
  return collapsed;
}

std::vector<std::string> SplitClean(std::string_view text, std::string_view sep) {
  std::vector<std::string> out;
  for (std::string_view piece : text::Split(text, sep)) {
    std::string part = CleanText(piece);
    if (!part.empty()) {
      out.push_back(std::move(part));
    }
  }
  return out;
}

}  // namespace ecg::ingest::util
