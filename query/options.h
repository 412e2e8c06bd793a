// ExecOptions: the limits and settings every query runs under. Plain data:
// thread-compatible.
#ifndef ECG_QUERY_OPTIONS_H_
#define ECG_QUERY_OPTIONS_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "schema/date.h"

#include "rules/options.h"

namespace ecg::query {

struct ExecOptions {
  // Rows returned. Further rows are cut off; the ResultSet says so
  // (truncated, stopped_by == "max_rows") and the query still succeeds.
  size_t max_rows = 10000;
  // Hops of a variable-length step: a `*` step that still has unexplored
  // edges at this depth, or an explicit range above it, stops the query with
  // kResourceExhausted naming "max_depth".
  uint32_t max_depth = 32;
  // Edge statements and vertices read by the whole query. Exceeding it stops
  // the query with kResourceExhausted naming "max_expansions".
  uint64_t max_expansions = 10'000'000;
  // Wall time of one execution. Exceeding it stops the query with
  // kResourceExhausted naming "timeout".
  std::chrono::milliseconds timeout{30'000};
  // The valid-time day of a query without `as of`; nullopt means today (UTC).
  std::optional<Date> today;
  // When set, the executor checks it with the deadline (at every chunk and
  // every 4096 expansions) and stops with kAborted "query cancelled" once it
  // is true: the shell's Ctrl-C. Must outlive the execution.
  const std::atomic<bool>* interrupt = nullptr;
  // The domain rules' settings (the rule imposing the affiliates rule, ...);
  // `affiliates` reports whether that rule is in force.
  rules::RulesOptions rules;
  // Fill ResultSet::graph (vertices and edges behind the rows) for DOT and
  // GraphML output. Costs a name lookup per vertex.
  bool collect_graph = false;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_OPTIONS_H_
