// Screener: the lists a candidate is on and the 50% affiliates rule, through
// the one rules library (rules/affiliates.h, rules/force.h) that the
// `affiliates` query operator uses too.
#include <algorithm>
#include <utility>

#include "schema/props.h"

#include "rules/affiliates.h"
#include "rules/force.h"
#include "screen/screener.h"

namespace ecg::screen {
namespace {

std::string Str(const Value& v) {
  return v.type() == PropertyType::kString ? v.as_string() : "";
}

// The keys of the lists `id` is on (visible listed_on edges), in edge order,
// each once.
Result<std::vector<std::string>> ListCodes(const store::ReadView& view, VertexId id) {
  std::vector<VertexId> lists;
  ECG_RETURN_IF_ERROR(view.ForEachEdge(
      id, store::Direction::kOut, EdgeType::kListedOn, [&](const store::EdgeStatement& e) {
        if (std::find(lists.begin(), lists.end(), e.dst) == lists.end()) {
          lists.push_back(e.dst);
        }
        return true;
      }));
  std::vector<std::string> codes;
  for (VertexId l : lists) {
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(l));
    codes.push_back(rec.key);
  }
  return codes;
}

}  // namespace

Status Screener::Enrich(const store::ReadView& view, const ScreenOptions& options, Date as_of,
                        Candidate* c) {
  std::vector<std::pair<VertexId, Listing>> lists;
  ECG_RETURN_IF_ERROR(view.ForEachEdge(
      c->id, store::Direction::kOut, EdgeType::kListedOn, [&](const store::EdgeStatement& e) {
        Listing l;
        l.license_policy = Str(e.Get(prop::kLicensePolicy));
        l.license_requirement = Str(e.Get(prop::kLicenseRequirement));
        l.citation = Str(e.Get(prop::kCitation));
        l.entity_number = Str(e.Get(prop::kEntityNumber));
        l.valid = e.meta.valid;
        lists.emplace_back(e.dst, std::move(l));
        return true;
      }));
  c->lists.clear();
  for (auto& entry : lists) {
    // Not a structured binding: clang 14 cannot capture one in the lambda.
    Listing& l = entry.second;
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(entry.first));
    ECG_ASSIGN_OR_RETURN(Value name, view.GetValue(entry.first, prop::kName));
    l.list_code = rec.key;
    l.list_name = Str(name);
    // Several records of one list often say the same thing: report it once.
    const bool seen = std::any_of(c->lists.begin(), c->lists.end(), [&](const Listing& o) {
      return o.list_code == l.list_code && o.license_policy == l.license_policy &&
             o.citation == l.citation && o.license_requirement == l.license_requirement &&
             o.valid.from == l.valid.from && o.valid.to == l.valid.to;
    });
    if (!seen) {
      c->lists.push_back(std::move(l));
    }
  }
  return Affiliates(view, options, as_of, c);
}

Status Screener::Affiliates(const store::ReadView& view, const ScreenOptions& options, Date as_of,
                            Candidate* c) {
  const rules::RulesOptions& ro = options.rules;
  // The set the rule starts from: entities on one of its lists on the day.
  std::vector<VertexId> rule_lists;
  for (const std::string& code : ro.affiliates_lists) {
    ECG_ASSIGN_OR_RETURN(VertexId l, view.FindByKey(VertexKind::kList, code));
    if (l.valid()) {
      rule_lists.push_back(l);
    }
  }
  auto is_seed = [&](VertexId id) -> Result<bool> {
    bool listed = false;
    ECG_RETURN_IF_ERROR(view.ForEachEdge(
        id, store::Direction::kOut, EdgeType::kListedOn, [&](const store::EdgeStatement& e) {
          listed = std::find(rule_lists.begin(), rule_lists.end(), e.dst) != rule_lists.end();
          return !listed;
        }));
    return listed;
  };
  rules::OwnershipReader reader{&view, view.filter(), {}};
  ECG_ASSIGN_OR_RETURN(rules::Affiliation a, rules::AffiliationOf(reader, c->id, is_seed, ro));
  Affiliation& out = c->affiliation;
  out = Affiliation();
  out.applies = a.applies;
  out.pct = a.pct;
  out.incomplete = a.incomplete;
  for (const rules::OwnershipPath& p : a.paths) {
    OwnershipPath path;
    for (const rules::OwnershipPath::Link& l : p.links) {
      ECG_ASSIGN_OR_RETURN(Value name, view.GetValue(l.owner, prop::kName));
      path.links.push_back({l.owner, Str(name), l.pct});
    }
    if (!p.links.empty()) {
      ECG_ASSIGN_OR_RETURN(path.root_lists, ListCodes(view, p.links.front().owner));
    }
    out.paths.push_back(std::move(path));
  }
  if (out.applies) {
    ECG_ASSIGN_OR_RETURN(rules::ForceStatus force,
                         rules::RuleForce(view, ro.affiliates_rule_key, as_of));
    out.rule_status = force.ToString();
    out.rule_in_force = force.state == rules::ForceState::kInForce;
  }
  return Status::OK();
}

Result<rules::ForceStatus> Screener::AffiliatesRuleForce(const ScreenOptions& options) const {
  auto view = store_->NewReadView();
  return rules::RuleForce(*view, options.rules.affiliates_rule_key,
                          options.as_of.value_or(Date::Today()));
}

Result<bool> Screener::HoldsOwnership() const {
  auto view = store_->NewReadView();
  return rules::HoldsOwnership(*view);
}

}  // namespace ecg::screen
