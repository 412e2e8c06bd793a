#include "ingest/util/location.h"

#include <algorithm>

#include "text/decode.h"

namespace ecg::ingest::util {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    }
  }
}

uint64_t LineIndex::LineOf(uint64_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint64_t>(it - starts_.begin());
}

uint64_t LineIndex::ColumnOf(uint64_t offset) const {
  return offset - starts_[LineOf(offset) - 1] + 1;
}

std::string Where(std::string_view file_label, uint64_t line, uint64_t offset) {
  std::string out(file_label);
  if (line > 0) {
    out.push_back(':');
    out.append(std::to_string(line));
  }
  out.append(" (byte ");
  out.append(std::to_string(offset));
  out.push_back(')');
  return out;
}

std::string LineColumn(std::string_view bytes, uint64_t offset) {
  offset = std::min<uint64_t>(offset, bytes.size());
  const LineIndex lines(bytes.substr(0, offset));
  return "line " + std::to_string(lines.LineOf(offset)) + ", column " +
         std::to_string(lines.ColumnOf(offset));
}

Status ValidateUtf8(std::string_view bytes, std::string_view file_label) {
  const size_t bad = text::FirstInvalidUtf8(bytes);
  if (bad == std::string_view::npos) {
    return Status::OK();
  }
  const LineIndex lines(bytes);
  return Status::InvalidArgument(Where(file_label, lines.LineOf(bad), bad) +
                                 ": invalid UTF-8 byte sequence");
}

}  // namespace ecg::ingest::util
