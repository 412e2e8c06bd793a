// Affiliates: the 50% rule (rules/affiliates.h) from the input set (listed
// entities). Each result carries the aggregate percentage, the owners in the
// set with their stakes, and the force of the rule that imposes the
// affiliates rule on the query's valid date (rules/force.h).
#include <cstdio>

#include "query/exec/ops/ops.h"

#include "rules/affiliates.h"
#include "rules/force.h"

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
    const rules::RulesOptions& ro = ctx_->options().rules;
    ECG_ASSIGN_OR_RETURN(
        rules::ForceStatus force,
        rules::RuleForce(ctx_->view(), ro.affiliates_rule_key, ctx_->valid_date()));
    const std::string rule = force.ToString();
    ctx_->AddNotice("affiliates rule " + ro.affiliates_rule_key + " on " +
                    ctx_->valid_date().ToString() + ": " + rule);
    std::vector<VertexId> ids;
    ids.reserve(seeds.size());
    for (const Row& r : seeds) {
      ids.push_back(r.vertex);
    }
    rules::OwnershipReader reader{&ctx_->view(), ctx_->filter(), [this] { return ctx_->Charge(); }};
    ECG_ASSIGN_OR_RETURN(std::vector<rules::Affiliate> found,
                         rules::AffiliatesOf(reader, ids, threshold_));
    if (found.empty()) {
      // No answer may mean no data: say so when no entity owns any other.
      ECG_ASSIGN_OR_RETURN(bool owns, rules::HoldsOwnership(ctx_->view()));
      if (!owns) {
        ctx_->AddNotice(
            "the graph holds no ownership data (no owns edge): affiliates can find no entity");
      }
    }
    for (const rules::Affiliate& a : found) {
      std::string reason;
      for (const rules::OwnerStake& s : a.owners) {
        ECG_ASSIGN_OR_RETURN(std::string label, ctx_->Label(s.owner));
        reason += (reason.empty() ? "" : "; ") + label + " " + Percent(s.pct);
      }
      Row row;
      row.vertex = a.id;
      row.extras = {Value(a.pct), Value(reason), Value(rule)};
      buffer_.push_back(std::move(row));
    }
    return Status::OK();
  }

 private:
  double threshold_;
};

}  // namespace

std::unique_ptr<Op> NewAffiliatesOp(std::unique_ptr<Op> child, double threshold) {
  return std::make_unique<AffiliatesOp>(std::move(child), threshold);
}

}  // namespace ecg::query::exec
