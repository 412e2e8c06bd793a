// Query errors with a source position. Every front-end error is a Status
// kInvalidArgument whose message ends in " at <line>:<col>" (1-based; the
// column counts code points). These helpers build such messages and render
// the query with a caret under the bad token. Pure functions: thread-safe.
#ifndef ECG_QUERY_ERROR_H_
#define ECG_QUERY_ERROR_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "schema/status.h"

namespace ecg::query {

// A 1-based line and column (in code points) of a byte offset in `text`.
struct Position {
  size_t line = 1;
  size_t column = 1;
};
Position PositionOf(std::string_view text, size_t offset);

// InvalidArgument "<message> at <line>:<col>" for the byte `offset` of `text`.
Status ErrorAt(std::string_view text, size_t offset, std::string_view message);

// The position encoded at the end of a query error's message; nullopt when
// the status carries none (for example a store error).
std::optional<Position> ErrorPosition(const Status& status);
// The byte offset in `text` of the position a query error names; nullopt
// when the status carries none or it lies outside `text`.
std::optional<size_t> ErrorOffset(std::string_view text, const Status& status);

// The limit that stopped a query ("max_depth", "max_expansions" or
// "timeout") when `status` is the kResourceExhausted error the executor
// returns for one; empty for any other status.
std::string StoppedBy(const Status& status);

// A multi-line message for people: the status message, then the offending
// line of `text` and a caret under the bad column (display width aware, so
// CJK text lines up in a terminal). Without a position, just the message.
std::string RenderError(std::string_view text, const Status& status);

// Levenshtein distance over bytes (names here are ASCII).
size_t EditDistance(std::string_view a, std::string_view b);
// The candidate closest to `name` when it is close enough to be a likely
// misspelling (distance <= max(1, len/3)); empty otherwise.
std::string NearestName(std::string_view name, std::span<const std::string_view> candidates);
// " (did you mean 'x'?)" or "" — appended to "unknown ..." messages.
std::string DidYouMean(std::string_view name, std::span<const std::string_view> candidates);

}  // namespace ecg::query

#endif  // ECG_QUERY_ERROR_H_
