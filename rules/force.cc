#include "rules/force.h"

#include "schema/props.h"

namespace ecg::rules {
namespace {

// The day before the end of a half-open interval, for "to 2026-11-09".
std::string LastDay(const Interval& iv) {
  return iv.to.is_max() ? std::string("further notice") : iv.to.AddDays(-1).ToString();
}

}  // namespace

std::string ForceStatus::ToString() const {
  const std::string day = effective ? effective->ToString() : std::string();
  switch (state) {
    case ForceState::kUnknown:
      return "unknown (rule " + rule_key + (effective ? " has no date)" : " is not in the graph)");
    case ForceState::kNotYetInForce:
      return from_publication
                 ? "not yet in force (published " + day + "; effective date not stated)"
                 : "not yet in force (effective " + day + ")";
    case ForceState::kInForce:
      return from_publication
                 ? "in force since " + day + " (publication date; effective date not stated)"
                 : "in force since " + day;
    case ForceState::kSuspended:
      return "suspended by " + by + " from " + interval.from.ToString() + " to " +
             LastDay(interval);
    case ForceState::kRescinded:
      return "rescinded by " + by + " on " + interval.from.ToString();
  }
  return "unknown";
}

Result<ForceStatus> RuleForce(const store::ReadView& view, std::string_view rule_key, Date day) {
  ForceStatus out;
  out.rule_key = std::string(rule_key);
  ECG_ASSIGN_OR_RETURN(VertexId rule, view.FindByKey(VertexKind::kRule, rule_key));
  if (!rule.valid()) {
    return out;
  }
  // The rule's whole history, so that the view's valid-time filter (a query
  // `as of` a day before the rule) cannot hide its dates; record time still
  // applies (`known at`).
  store::TimeFilter known;
  known.known_at = view.filter().known_at;
  std::vector<store::HistoryEvent> events;
  ECG_RETURN_IF_ERROR(view.History(rule, &events));
  std::optional<Date> effective;
  std::optional<Date> published;
  for (const store::HistoryEvent& e : events) {
    if (!known.Visible(e.meta())) {
      continue;
    }
    if (e.property && e.property->value.type() == PropertyType::kDate) {
      if (e.property->property == prop::kEffectiveDate) {
        effective = e.property->value.as_date();
      } else if (e.property->property == prop::kPublicationDate) {
        published = e.property->value.as_date();
      }
    }
  }
  out.effective = effective ? effective : published;
  out.from_publication = !effective && published;
  for (const store::HistoryEvent& e : events) {
    if (!e.edge || e.what != store::HistoryEvent::What::kEdgeIn || !known.Visible(e.meta())) {
      continue;
    }
    const store::EdgeStatement& edge = *e.edge;
    const bool rescinds = edge.type == EdgeType::kRescinds && edge.meta.valid.from <= day;
    const bool suspends = edge.type == EdgeType::kSuspends && edge.meta.valid.Contains(day);
    if (!rescinds && !suspends) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(store::VertexRecord by, view.GetVertex(edge.src));
    // A rescission outranks a suspension on the same day.
    if (out.state != ForceState::kRescinded) {
      out.state = rescinds ? ForceState::kRescinded : ForceState::kSuspended;
      out.by = by.key;
      out.interval = edge.meta.valid;
    }
  }
  if (out.state != ForceState::kUnknown) {
    return out;
  }
  if (out.effective) {
    out.state = day < *out.effective ? ForceState::kNotYetInForce : ForceState::kInForce;
  }
  return out;
}

}  // namespace ecg::rules
