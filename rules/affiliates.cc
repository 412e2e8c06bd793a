#include "rules/affiliates.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "schema/props.h"

namespace ecg::rules {
namespace {

constexpr double kTolerance = 1e-9;
constexpr size_t kMaxPaths = 32;

// The fixed point over a graph given by `owned_by` (stakes held by a member),
// shared by both directions of the question.
class FixedPoint {
 public:
  FixedPoint(const OwnershipReader& reader, double threshold)
      : reader_(reader), threshold_(threshold) {}

  // `allowed`, when not null, limits the parties that may join.
  Status Run(const std::vector<VertexId>& seeds, const std::unordered_set<uint64_t>* allowed) {
    std::deque<VertexId> queue;
    for (VertexId s : seeds) {
      if (members_.insert(s.value()).second) {
        seeds_.insert(s.value());
        queue.push_back(s);
      }
    }
    std::vector<std::pair<VertexId, double>> stakes;
    while (!queue.empty()) {
      const VertexId owner = queue.front();
      queue.pop_front();
      stakes.clear();
      ECG_RETURN_IF_ERROR(reader_.Stakes(owner, store::Direction::kOut, &stakes));
      for (const auto& [owned, pct] : stakes) {
        if (owned == owner || seeds_.count(owned.value()) > 0 ||
            (allowed != nullptr && allowed->count(owned.value()) == 0)) {
          continue;
        }
        auto [it, fresh] = found_.try_emplace(owned.value());
        if (fresh) {
          it->second.id = owned;
        }
        it->second.pct += pct;
        it->second.owners.push_back({owner, pct});
        if (members_.count(owned.value()) == 0 && it->second.pct + kTolerance >= threshold_) {
          members_.insert(owned.value());
          joined_.push_back(owned);
          queue.push_back(owned);
        }
      }
    }
    return Status::OK();
  }

  bool is_seed(VertexId id) const { return seeds_.count(id.value()) > 0; }
  bool is_member(VertexId id) const { return members_.count(id.value()) > 0; }
  const std::vector<VertexId>& joined() const { return joined_; }
  // Stakes held in `id` by members; null when none.
  const Affiliate* Held(VertexId id) const {
    auto it = found_.find(id.value());
    return it == found_.end() ? nullptr : &it->second;
  }

 private:
  const OwnershipReader& reader_;
  double threshold_;
  std::unordered_set<uint64_t> seeds_;
  std::unordered_set<uint64_t> members_;
  std::unordered_map<uint64_t, Affiliate> found_;
  std::vector<VertexId> joined_;
};

// Paths from seeds down to `id` through members, depth first, at most
// kMaxPaths; `below` holds the links already taken (nearest the entity
// first) and guards against cycles.
void CollectPaths(const FixedPoint& fp, VertexId id, std::vector<OwnershipPath::Link>* below,
                  std::vector<OwnershipPath>* out) {
  const Affiliate* held = fp.Held(id);
  if (held == nullptr) {
    return;
  }
  for (const OwnerStake& s : held->owners) {
    if (out->size() >= kMaxPaths) {
      return;
    }
    const bool cycle = std::any_of(below->begin(), below->end(), [&](const OwnershipPath::Link& l) {
      return l.owner == s.owner;
    });
    if (cycle) {
      continue;
    }
    below->push_back({s.owner, s.pct});
    if (fp.is_seed(s.owner)) {
      OwnershipPath path;
      path.links.assign(below->rbegin(), below->rend());
      out->push_back(std::move(path));
    } else {
      CollectPaths(fp, s.owner, below, out);
    }
    below->pop_back();
  }
}

}  // namespace

Status OwnershipReader::Stakes(VertexId id, store::Direction dir,
                               std::vector<std::pair<VertexId, double>>* out) const {
  Status inner;
  ECG_RETURN_IF_ERROR(
      view->ForEachEdge(id, dir, EdgeType::kOwns, [&](const store::EdgeStatement& e) {
        if (charge) {
          inner = charge();
          if (!inner.ok()) {
            return false;
          }
        }
        double pct = 0;
        if (filter.Visible(e.meta) && e.Get(prop::kPct).ToNumber(&pct) && pct > 0) {
          out->emplace_back(dir == store::Direction::kIn ? e.src : e.dst, pct);
        }
        return true;
      }));
  return inner;
}

Result<std::vector<Affiliate>> AffiliatesOf(const OwnershipReader& reader,
                                            const std::vector<VertexId>& seeds, double threshold) {
  FixedPoint fp(reader, threshold);
  ECG_RETURN_IF_ERROR(fp.Run(seeds, nullptr));
  std::vector<Affiliate> out;
  out.reserve(fp.joined().size());
  for (VertexId v : fp.joined()) {
    out.push_back(*fp.Held(v));
  }
  return out;
}

Result<Affiliation> AffiliationOf(const OwnershipReader& reader, VertexId id,
                                  const std::function<Result<bool>(VertexId)>& is_seed,
                                  const RulesOptions& options) {
  Affiliation result;
  // Every owner above `id`, level by level.
  std::unordered_set<uint64_t> above = {id.value()};
  std::vector<VertexId> seeds;
  std::vector<VertexId> level = {id};
  std::vector<std::pair<VertexId, double>> stakes;
  for (int depth = 0; !level.empty(); ++depth) {
    if (depth >= options.max_ownership_depth) {
      result.incomplete = true;
      break;
    }
    std::vector<VertexId> next;
    for (VertexId v : level) {
      stakes.clear();
      ECG_RETURN_IF_ERROR(reader.Stakes(v, store::Direction::kIn, &stakes));
      for (const auto& [owner, pct] : stakes) {
        if (!above.insert(owner.value()).second) {
          continue;
        }
        if (above.size() > options.max_owners) {
          result.incomplete = true;
          break;
        }
        ECG_ASSIGN_OR_RETURN(bool seed, is_seed(owner));
        if (seed) {
          seeds.push_back(owner);
        }
        // Owners above a seed still matter: they may lift other owners.
        next.push_back(owner);
      }
    }
    level = std::move(next);
  }
  if (seeds.empty()) {
    return result;
  }
  FixedPoint fp(reader, options.affiliates_threshold);
  ECG_RETURN_IF_ERROR(fp.Run(seeds, &above));
  if (const Affiliate* held = fp.Held(id)) {
    result.pct = std::min(held->pct, 100.0);
    result.applies = held->pct + kTolerance >= options.affiliates_threshold;
    std::vector<OwnershipPath::Link> below;
    CollectPaths(fp, id, &below, &result.paths);
  }
  return result;
}

Result<bool> HoldsOwnership(const store::ReadView& view) {
  bool found = false;
  Status inner;
  ECG_RETURN_IF_ERROR(view.ScanKind(VertexKind::kEntity, [&](VertexId id) {
    inner = view.ForEachEdge(id, store::Direction::kOut, EdgeType::kOwns,
                             [&](const store::EdgeStatement&) {
                               found = true;
                               return false;
                             });
    return inner.ok() && !found;
  }));
  ECG_RETURN_IF_ERROR(inner);
  return found;
}

}  // namespace ecg::rules
