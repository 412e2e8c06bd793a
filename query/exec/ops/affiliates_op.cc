// Affiliates: the 50% rule as a fixed point. Starting from the input set
// (listed entities), an entity joins when the `pct` of owns edges held in it
// by entities already in the set adds up to the threshold; joining may in
// turn lift entities it owns. Each result carries the aggregate percentage,
// the owners in the set with their stakes, and whether the rule imposing
// the affiliates rule is in force on the query's valid date.
#include <cstdio>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

std::string Percent(double pct) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g%%", pct);
  return buf;
}

class AffiliatesOp final : public BufferedOp {
 public:
  AffiliatesOp(std::unique_ptr<Op> child, double threshold)
      : BufferedOp(std::move(child)), threshold_(threshold) {}

 protected:
  Status OpenImpl() override {
    std::vector<Row> seeds;
    ECG_RETURN_IF_ERROR(DrainChild(&seeds));
    ECG_ASSIGN_OR_RETURN(std::string rule, RuleStatus());
    ctx_->AddNotice("affiliates rule " + ctx_->options().affiliates_rule_key + " on " +
                    ctx_->valid_date().ToString() + ": " + rule);
    const PropertyId pct_id = Catalog::Id("pct");
    std::unordered_set<uint64_t> in_set;
    std::deque<VertexId> queue;
    for (const Row& r : seeds) {
      if (in_set.insert(r.vertex.value()).second) {
        queue.push_back(r.vertex);
      }
    }
    std::unordered_set<uint64_t> seed_set = in_set;
    std::unordered_map<uint64_t, double> held;
    std::unordered_map<uint64_t, std::vector<std::pair<VertexId, double>>> owners;
    std::vector<VertexId> joined;
    while (!queue.empty()) {
      VertexId owner = queue.front();
      queue.pop_front();
      std::vector<std::pair<VertexId, double>> stakes;
      ECG_RETURN_IF_ERROR(ctx_->ForEachEdge(owner, store::Direction::kOut, EdgeType::kOwns,
                                            [&](const store::EdgeStatement& e) {
                                              double pct = 0;
                                              if (e.Get(pct_id).ToNumber(&pct) && pct > 0) {
                                                stakes.emplace_back(e.dst, pct);
                                              }
                                              return true;
                                            }));
      for (const auto& [owned, pct] : stakes) {
        if (seed_set.count(owned.value()) > 0 || owned == owner) {
          continue;
        }
        held[owned.value()] += pct;
        owners[owned.value()].emplace_back(owner, pct);
        // A small tolerance keeps 33.3 + 16.7 at 50.
        if (in_set.count(owned.value()) == 0 && held[owned.value()] + 1e-9 >= threshold_) {
          in_set.insert(owned.value());
          joined.push_back(owned);
          queue.push_back(owned);
        }
      }
    }
    for (VertexId v : joined) {
      std::string reason;
      for (const auto& [owner, pct] : owners[v.value()]) {
        ECG_ASSIGN_OR_RETURN(std::string label, ctx_->Label(owner));
        reason += (reason.empty() ? "" : "; ") + label + " " + Percent(pct);
      }
      Row row;
      row.vertex = v;
      row.extras = {Value(held[v.value()]), Value(reason), Value(rule)};
      buffer_.push_back(std::move(row));
    }
    return Status::OK();
  }

 private:
  // "in force", "suspended by X", "rescinded by X", "not yet in force", or
  // "unknown (...)" when the rule is not in the graph.
  Result<std::string> RuleStatus() {
    const std::string& key = ctx_->options().affiliates_rule_key;
    ECG_ASSIGN_OR_RETURN(VertexId rule, ctx_->view().FindByKey(VertexKind::kRule, key));
    if (!rule.valid()) {
      return std::string("unknown (rule " + key + " is not in the graph)");
    }
    for (EdgeType t : {EdgeType::kRescinds, EdgeType::kSuspends}) {
      VertexId by;
      ECG_RETURN_IF_ERROR(
          ctx_->ForEachEdge(rule, store::Direction::kIn, t, [&](const store::EdgeStatement& e) {
            by = e.src;
            return false;
          }));
      if (by.valid()) {
        ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, ctx_->Vertex(by));
        return std::string(t == EdgeType::kSuspends ? "suspended by " : "rescinded by ") + rec.key;
      }
    }
    ECG_ASSIGN_OR_RETURN(Value effective, ctx_->Property(rule, *Catalog::Find("effective_date")));
    if (effective.type() == PropertyType::kDate && ctx_->valid_date() < effective.as_date()) {
      return std::string("not yet in force (effective " + effective.ToString() + ")");
    }
    return std::string("in force");
  }

  double threshold_;
};

}  // namespace

std::unique_ptr<Op> NewAffiliatesOp(std::unique_ptr<Op> child, double threshold) {
  return std::make_unique<AffiliatesOp>(std::move(child), threshold);
}

}  // namespace ecg::query::exec
