// A rule's force on a day: in force, not yet in force, suspended or
// rescinded, from the rule's own dates and the suspends / rescinds edges that
// later rules point at it. Used by the `affiliates` operator and screening.
// Pure functions over a ReadView: thread-compatible (one view per thread).
#ifndef ECG_RULES_FORCE_H_
#define ECG_RULES_FORCE_H_

#include <optional>
#include <string>
#include <string_view>

#include "schema/date.h"
#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::rules {

enum class ForceState : uint8_t {
  kUnknown,        // the rule is not in the graph, or it has no date at all
  kNotYetInForce,  // the day is before the rule takes effect
  kInForce,
  kSuspended,  // a later rule suspends it over an interval holding the day
  kRescinded,  // a later rule rescinds it on or before the day
};

struct ForceStatus {
  ForceState state = ForceState::kUnknown;
  std::string rule_key;  // the rule asked about
  // The day the rule takes effect: its effective date, or, when the graph
  // has none, its publication date (then `from_publication` is true).
  std::optional<Date> effective;
  bool from_publication = false;
  // For kSuspended and kRescinded: the rule that does it and over which
  // days (a rescission is open-ended).
  std::string by;
  Interval interval;
  // One line for people: "in force since 2025-09-30 (publication date;
  // effective date not stated)", "suspended by 2025-19846 from 2025-11-10
  // to 2026-11-09", "not yet in force (effective 2025-09-30)", ...
  std::string ToString() const;
};

// The force of the rule with natural key `rule_key` on `day`. Reads the
// rule's properties and its incoming suspends / rescinds edges through
// `view` whatever the view's time filter, and judges each by its own valid
// interval against `day`. Errors are read errors only.
Result<ForceStatus> RuleForce(const store::ReadView& view, std::string_view rule_key, Date day);

}  // namespace ecg::rules

#endif  // ECG_RULES_FORCE_H_
