// The 50% affiliates rule as one fixed point, for the `affiliates` query
// operator (forward, from a set of listed entities) and for screening
// (upward, for one entity): an entity is an affiliate when the stakes that
// members of the set (the listed entities and the affiliates found so far)
// hold in it add up to the threshold; joining may in turn lift what it owns.
// An entity's standing depends only on its owners, so both directions give
// the same answer. Functions over one snapshot: thread-compatible.
#ifndef ECG_RULES_AFFILIATES_H_
#define ECG_RULES_AFFILIATES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "schema/ids.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "rules/options.h"

namespace ecg::rules {

// How the rules read ownership: visible `owns` edges of one snapshot under a
// time filter (which may differ from the view's own, as for `diff`).
struct OwnershipReader {
  const store::ReadView* view = nullptr;
  store::TimeFilter filter;
  // Called once per edge read, to count work against a budget; a non-OK
  // status stops the computation and is returned. May be empty.
  std::function<Status()> charge;

  // The visible stakes (pct > 0) held in `id` (direction kIn: its owners) or
  // by `id` (kOut: what it owns), as (other party, pct), in edge order.
  Status Stakes(VertexId id, store::Direction dir,
                std::vector<std::pair<VertexId, double>>* out) const;
};

// A stake held by a member of the set.
struct OwnerStake {
  VertexId owner;
  double pct = 0;
};

// An entity the rule reaches.
struct Affiliate {
  VertexId id;
  double pct = 0;                  // aggregate stake held by members of the set
  std::vector<OwnerStake> owners;  // those members and their stakes, in edge order
};

// The forward fixed point from `seeds`: every entity that joins, in the order
// it joined (seeds never appear). Stakes summing to `threshold` within 1e-9
// count (33.3 + 16.7 reaches 50).
Result<std::vector<Affiliate>> AffiliatesOf(const OwnershipReader& reader,
                                            const std::vector<VertexId>& seeds, double threshold);

// One chain of ownership from a seed down to the screened entity.
struct OwnershipPath {
  struct Link {
    VertexId owner;
    double pct = 0;  // the stake the owner holds in the next party down
  };
  // From the seed (first) to the direct owner (last).
  std::vector<Link> links;
};

// The affiliates rule for one entity.
struct Affiliation {
  bool applies = false;              // members of the set hold >= threshold in it
  double pct = 0;                    // aggregate stake held by members (at most 100)
  std::vector<OwnershipPath> paths;  // at most 32
  // The ownership above the entity was larger than options.max_owners or
  // deeper than options.max_ownership_depth: the answer may miss stakes.
  bool incomplete = false;
};

// Whether the rule reaches `id`: gathers its owners upwards (up to
// options.max_ownership_depth levels and options.max_owners parties), takes
// the owners for which `is_seed` holds as the set, and runs AffiliatesOf over
// them. `id` itself is never a seed, so a listed entity is still told which
// listed owners hold it.
Result<Affiliation> AffiliationOf(const OwnershipReader& reader, VertexId id,
                                  const std::function<Result<bool>(VertexId)>& is_seed,
                                  const RulesOptions& options);

// Whether the view holds any `owns` edge at all (any stake, any entity): when
// it holds none, the affiliates rule can reach no entity, which the
// `affiliates` operator and screening say. Stops at the first edge found, so
// it reads every entity only on a graph without ownership data.
Result<bool> HoldsOwnership(const store::ReadView& view);

}  // namespace ecg::rules

#endif  // ECG_RULES_AFFILIATES_H_
