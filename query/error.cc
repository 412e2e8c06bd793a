#include "query/error.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "query/display_width.h"

namespace ecg::query {
namespace {

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

constexpr std::string_view kAt = " at ";

}  // namespace

Position PositionOf(std::string_view text, size_t offset) {
  Position pos;
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if (!IsContinuation(text[i])) {
      ++pos.column;
    }
  }
  return pos;
}

Status ErrorAt(std::string_view text, size_t offset, std::string_view message) {
  Position pos = PositionOf(text, offset);
  return Status::InvalidArgument(std::string(message) + std::string(kAt) +
                                 std::to_string(pos.line) + ":" + std::to_string(pos.column));
}

std::optional<Position> ErrorPosition(const Status& status) {
  if (status.code() != StatusCode::kInvalidArgument) {
    return std::nullopt;
  }
  const std::string& msg = status.message();
  size_t at = msg.rfind(kAt);
  if (at == std::string::npos) {
    return std::nullopt;
  }
  std::string_view tail = std::string_view(msg).substr(at + kAt.size());
  size_t colon = tail.find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  Position pos;
  auto r1 = std::from_chars(tail.data(), tail.data() + colon, pos.line);
  auto r2 = std::from_chars(tail.data() + colon + 1, tail.data() + tail.size(), pos.column);
  if (r1.ec != std::errc() || r1.ptr != tail.data() + colon || r2.ec != std::errc() ||
      r2.ptr != tail.data() + tail.size() || pos.line == 0 || pos.column == 0) {
    return std::nullopt;
  }
  return pos;
}

std::optional<size_t> ErrorOffset(std::string_view text, const Status& status) {
  std::optional<Position> pos = ErrorPosition(status);
  if (!pos) {
    return std::nullopt;
  }
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && IsContinuation(text[i])) {
      continue;
    }
    if (line == pos->line && column == pos->column) {
      return i;
    }
    if (i == text.size()) {
      break;
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::nullopt;
}

std::string StoppedBy(const Status& status) {
  if (status.code() != StatusCode::kResourceExhausted) {
    return {};
  }
  constexpr std::string_view kPrefix = "query stopped: ";
  std::string_view m = status.message();
  if (!m.starts_with(kPrefix)) {
    return {};
  }
  m.remove_prefix(kPrefix.size());
  for (std::string_view limit : {"max_depth", "max_expansions", "timeout"}) {
    if (m.starts_with(limit)) {
      return std::string(limit);
    }
  }
  return {};
}

std::string RenderError(std::string_view text, const Status& status) {
  std::string out = status.message().empty() ? status.ToString() : status.message();
  std::optional<size_t> offset = ErrorOffset(text, status);
  if (!offset) {
    return out;
  }
  size_t begin = text.rfind('\n', *offset == 0 ? 0 : *offset - 1);
  begin = (begin == std::string_view::npos || begin >= *offset) ? 0 : begin + 1;
  if (*offset > 0 && text[*offset - 1] == '\n') {
    begin = *offset;
  }
  size_t end = text.find('\n', *offset);
  if (end == std::string_view::npos) {
    end = text.size();
  }
  std::string_view line = text.substr(begin, end - begin);
  size_t indent = DisplayWidth(text.substr(begin, *offset - begin));
  out += "\n  ";
  out += line;
  out += "\n  ";
  out += std::string(indent, ' ');
  out += "^";
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1);
  std::vector<size_t> cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    prev[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string NearestName(std::string_view name, std::span<const std::string_view> candidates) {
  size_t best = SIZE_MAX;
  std::string_view best_name;
  for (std::string_view c : candidates) {
    size_t d = EditDistance(name, c);
    if (d < best) {
      best = d;
      best_name = c;
    }
  }
  size_t allowed = std::max<size_t>(1, name.size() / 3);
  // A prefix is a likely abbreviation ("own" for "owns") even past the budget.
  if (best <= allowed || (!name.empty() && best_name.substr(0, name.size()) == name)) {
    return std::string(best_name);
  }
  // So is a part of a longer name ("policy" for "license_policy"); the
  // shortest such candidate wins.
  std::string_view part;
  if (name.size() >= 3) {
    for (std::string_view c : candidates) {
      if (c.find(name) != std::string_view::npos && (part.empty() || c.size() < part.size())) {
        part = c;
      }
    }
  }
  return std::string(part);
}

std::string DidYouMean(std::string_view name, std::span<const std::string_view> candidates) {
  std::string near = NearestName(name, candidates);
  return near.empty() ? "" : " (did you mean '" + near + "'?)";
}

}  // namespace ecg::query
