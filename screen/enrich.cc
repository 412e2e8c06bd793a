// Screener: the lists a candidate is on and the 50% affiliates rule.
#include <algorithm>
#include <utility>

#include "schema/catalog.h"

#include "screen/screener.h"

namespace ecg::screen {
namespace {

// Ownership chains followed upwards at most this far.
constexpr int kMaxOwnershipDepth = 4;
constexpr double kAffiliatesThreshold = 50.0;

std::string Str(const Value& v) {
  return v.type() == PropertyType::kString ? v.as_string() : "";
}

double Num(const Value& v) {
  if (v.type() == PropertyType::kDouble) {
    return v.as_double();
  }
  return v.type() == PropertyType::kInt ? static_cast<double>(v.as_int()) : 0;
}

// The list codes of the visible listed_on edges of `id`.
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

Status Screener::Enrich(const store::ReadView& view, Date as_of, Candidate* c) {
  static const PropertyId kName = Catalog::Id("name");
  static const PropertyId kPolicy = Catalog::Id("license_policy");
  static const PropertyId kRequirement = Catalog::Id("license_requirement");
  static const PropertyId kCitation = Catalog::Id("citation");
  static const PropertyId kNumber = Catalog::Id("entity_number");
  std::vector<std::pair<VertexId, Listing>> lists;
  ECG_RETURN_IF_ERROR(view.ForEachEdge(c->id, store::Direction::kOut, EdgeType::kListedOn,
                                       [&](const store::EdgeStatement& e) {
                                         Listing l;
                                         l.license_policy = Str(e.Get(kPolicy));
                                         l.license_requirement = Str(e.Get(kRequirement));
                                         l.citation = Str(e.Get(kCitation));
                                         l.entity_number = Str(e.Get(kNumber));
                                         l.valid = e.meta.valid;
                                         lists.emplace_back(e.dst, std::move(l));
                                         return true;
                                       }));
  c->lists.clear();
  for (auto& [list, l] : lists) {
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(list));
    ECG_ASSIGN_OR_RETURN(Value name, view.GetValue(list, kName));
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
  std::vector<VertexId> stack{c->id};
  ECG_RETURN_IF_ERROR(Affiliates(view, c->id, 0, &stack, &c->affiliation));
  if (c->affiliation.applies) {
    ECG_ASSIGN_OR_RETURN(c->affiliation.rule_status, RuleStatus(view, as_of));
  }
  return Status::OK();
}

Status Screener::Affiliates(const store::ReadView& view, VertexId id, int depth,
                            std::vector<VertexId>* stack, Affiliation* out) {
  static const PropertyId kPct = Catalog::Id("pct");
  static const PropertyId kName = Catalog::Id("name");
  struct Stake {
    VertexId owner;
    double pct;
  };
  std::vector<Stake> stakes;
  ECG_RETURN_IF_ERROR(view.ForEachEdge(id, store::Direction::kIn, EdgeType::kOwns,
                                       [&](const store::EdgeStatement& e) {
                                         stakes.push_back({e.src, Num(e.Get(kPct))});
                                         return true;
                                       }));
  for (const Stake& s : stakes) {
    if (s.pct <= 0 || std::find(stack->begin(), stack->end(), s.owner) != stack->end()) {
      continue;  // no stake, or an ownership cycle
    }
    ECG_ASSIGN_OR_RETURN(Value owner_name, view.GetValue(s.owner, kName));
    const OwnershipPath::Link link{s.owner, Str(owner_name), s.pct};
    ECG_ASSIGN_OR_RETURN(std::vector<std::string> codes, ListCodes(view, s.owner));
    if (!codes.empty()) {
      out->pct += s.pct;
      OwnershipPath path;
      path.links.push_back(link);
      path.root_lists = std::move(codes);
      out->paths.push_back(std::move(path));
      continue;
    }
    if (depth + 1 >= kMaxOwnershipDepth) {
      continue;
    }
    // An owner that is itself an affiliate counts with its whole stake.
    Affiliation upper;
    stack->push_back(s.owner);
    ECG_RETURN_IF_ERROR(Affiliates(view, s.owner, depth + 1, stack, &upper));
    stack->pop_back();
    if (!upper.applies) {
      continue;
    }
    out->pct += s.pct;
    for (OwnershipPath& p : upper.paths) {
      p.links.push_back(link);
      out->paths.push_back(std::move(p));
    }
  }
  out->pct = std::min(out->pct, 100.0);
  out->applies = out->pct >= kAffiliatesThreshold;
  return Status::OK();
}

Result<std::string> Screener::RuleStatus(const store::ReadView& view, Date as_of) {
  static const PropertyId kEffective = Catalog::Id("effective_date");
  static const PropertyId kPublished = Catalog::Id("publication_date");
  ECG_ASSIGN_OR_RETURN(VertexId rule, view.FindByKey(VertexKind::kRule, kAffiliatesRuleKey));
  if (!rule.valid()) {
    return std::string("unknown (rule ") + std::string(kAffiliatesRuleKey) + " not in the graph)";
  }
  std::string status;
  ECG_RETURN_IF_ERROR(view.ForEachEdge(
      rule, store::Direction::kIn, std::nullopt, [&](const store::EdgeStatement& e) {
        if (e.type == EdgeType::kSuspends || e.type == EdgeType::kRescinds) {
          auto rec = view.GetVertex(e.src);
          status = std::string(e.type == EdgeType::kSuspends ? "suspended by " : "rescinded by ") +
                   (rec.ok() ? rec->key : std::to_string(e.src.value()));
          return false;
        }
        return true;
      }));
  if (!status.empty()) {
    return status;
  }
  ECG_ASSIGN_OR_RETURN(Value eff, view.GetValue(rule, kEffective));
  if (eff.is_null()) {
    ECG_ASSIGN_OR_RETURN(eff, view.GetValue(rule, kPublished));
  }
  if (eff.type() == PropertyType::kDate && as_of < eff.as_date()) {
    return "not yet in force (effective " + eff.as_date().ToString() + ")";
  }
  return std::string("in force");
}

}  // namespace ecg::screen
