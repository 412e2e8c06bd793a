// The domain rules over small graphs in memory: the affiliates fixed point in
// both directions (rules/affiliates.h) and a rule's force on a day
// (rules/force.h).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "schema/props.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "rules/affiliates.h"
#include "rules/force.h"

namespace ecg::rules {
namespace {

Date D(const char* text) {
  return *Date::Parse(text);
}

class RulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Options options;
    options.in_memory = true;
    store_ = store::GraphStore::Open(dir_.Sub("db"), options).value();
    run_ = store_->BeginRun("test").value();
    batch_ = store_->NewBatch(run_).value();
    source_ = batch_->Vertex(VertexKind::kSource, "test").value();
  }

  VertexId V(const std::string& key, VertexKind kind = VertexKind::kEntity) {
    auto it = ids_.find(key);
    if (it != ids_.end()) {
      return it->second;
    }
    VertexId id = batch_->Vertex(kind, key).value();
    EXPECT_OK(
        batch_->SetProperty(id, prop::kName, Value(key), Interval::Always(), source_).status());
    ids_[key] = id;
    return id;
  }
  void Owns(const std::string& owner, const std::string& owned, double pct,
            Interval valid = Interval::Always()) {
    EXPECT_OK(batch_
                  ->PutEdge(EdgeType::kOwns, V(owner), V(owned), {{prop::kPct, Value(pct)}}, valid,
                            source_)
                  .status());
  }
  void Rule(const std::string& key, std::optional<Date> published, std::optional<Date> effective) {
    VertexId id = V(key, VertexKind::kRule);
    if (published) {
      EXPECT_OK(batch_
                    ->SetProperty(id, prop::kPublicationDate, Value(*published),
                                  Interval::Since(*published), source_)
                    .status());
    }
    if (effective) {
      EXPECT_OK(batch_
                    ->SetProperty(id, prop::kEffectiveDate, Value(*effective),
                                  Interval::Since(*effective), source_)
                    .status());
    }
  }
  void RuleEdge(EdgeType type, const std::string& by, const std::string& rule, Interval valid) {
    EXPECT_OK(batch_
                  ->PutEdge(type, V(by, VertexKind::kRule), V(rule, VertexKind::kRule), {}, valid,
                            source_)
                  .status());
  }
  void Commit() { ASSERT_OK(batch_->Commit()); }

  OwnershipReader Reader(const store::ReadView& view) const {
    return OwnershipReader{&view, view.filter(), {}};
  }
  std::map<std::string, double> Forward(const std::vector<std::string>& seeds,
                                        double threshold = 50) {
    auto view = store_->NewReadView();
    std::vector<VertexId> ids;
    for (const auto& s : seeds) {
      ids.push_back(ids_.at(s));
    }
    auto found = AffiliatesOf(Reader(*view), ids, threshold);
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    std::map<std::string, double> out;
    for (const Affiliate& a : *found) {
      out[view->GetVertex(a.id)->key] = a.pct;
    }
    return out;
  }
  Affiliation Upward(const std::string& who, const std::vector<std::string>& seeds,
                     RulesOptions options = {}) {
    auto view = store_->NewReadView();
    auto is_seed = [&](VertexId id) -> Result<bool> {
      for (const auto& s : seeds) {
        if (ids_.at(s) == id) {
          return true;
        }
      }
      return false;
    };
    auto a = AffiliationOf(Reader(*view), ids_.at(who), is_seed, options);
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? *a : Affiliation();
  }
  std::string Force(const std::string& rule, const char* day,
                    std::optional<Date> as_of = std::nullopt) {
    store::TimeFilter filter;
    filter.as_of = as_of;
    auto view = store_->NewReadView(filter);
    auto f = RuleForce(*view, rule, D(day));
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? f->ToString() : "";
  }

  testutil::TempDir dir_;
  std::unique_ptr<store::GraphStore> store_;
  RunId run_;
  std::unique_ptr<store::Batch> batch_;
  VertexId source_;
  std::map<std::string, VertexId> ids_;
};

TEST_F(RulesTest, AggregatesStakesAndLiftsIndirectOwnership) {
  V("Listed A");
  V("Listed B");
  Owns("Listed A", "Joint", 30);
  Owns("Listed B", "Joint", 20.0);
  Owns("Joint", "Sub", 60);
  Owns("Listed A", "Minor", 49.9);
  Owns("Sub", "Listed A", 10);  // a cycle back into the set
  Commit();
  const auto got = Forward({"Listed A", "Listed B"});
  EXPECT_EQ(got, (std::map<std::string, double>{{"Joint", 50}, {"Sub", 60}}));
  const Affiliation sub = Upward("Sub", {"Listed A", "Listed B"});
  EXPECT_TRUE(sub.applies);
  EXPECT_DOUBLE_EQ(sub.pct, 60);
  ASSERT_EQ(sub.paths.size(), 2u);  // A -> Joint -> Sub and B -> Joint -> Sub
  EXPECT_EQ(sub.paths[0].links.size(), 2u);
  EXPECT_EQ(sub.paths[0].links.front().owner, ids_.at("Listed A"));
  EXPECT_DOUBLE_EQ(sub.paths[0].links.back().pct, 60);
  const Affiliation minor = Upward("Minor", {"Listed A", "Listed B"});
  EXPECT_FALSE(minor.applies);
  EXPECT_DOUBLE_EQ(minor.pct, 49.9);
}

TEST_F(RulesTest, AListedEntityIsToldWhichListedOwnersHoldIt) {
  Owns("Parent", "Child", 80);
  Commit();
  const Affiliation a = Upward("Child", {"Parent", "Child"});
  EXPECT_TRUE(a.applies);
  EXPECT_DOUBLE_EQ(a.pct, 80);
}

TEST_F(RulesTest, StakesOutsideTheirValidTimeDoNotCount) {
  Owns("Listed", "Sold", 70, Interval{D("2020-01-01"), D("2023-01-01")});
  Commit();
  // The view shows every valid time; the reader's filter picks the day (as
  // `diff` does when it moves between two dates over one snapshot).
  auto view = store_->NewReadView();
  store::TimeFilter filter;
  filter.as_of = D("2024-06-01");
  auto found = AffiliatesOf(OwnershipReader{view.get(), filter, {}}, {ids_.at("Listed")}, 50);
  ASSERT_OK(found.status());
  EXPECT_TRUE(found->empty());
  filter.as_of = D("2021-06-01");
  auto then = AffiliatesOf(OwnershipReader{view.get(), filter, {}}, {ids_.at("Listed")}, 50);
  ASSERT_OK(then.status());
  EXPECT_EQ(then->size(), 1u);
}

TEST_F(RulesTest, UpwardSearchSaysWhenOwnershipIsTooDeep) {
  for (int i = 0; i < 5; ++i) {
    Owns("L" + std::to_string(i + 1), "L" + std::to_string(i), 100);
  }
  Commit();
  RulesOptions shallow;
  shallow.max_ownership_depth = 3;
  const Affiliation a = Upward("L0", {"L5"}, shallow);
  EXPECT_TRUE(a.incomplete);
  EXPECT_FALSE(a.applies);
  const Affiliation deep = Upward("L0", {"L5"});
  EXPECT_FALSE(deep.incomplete);
  EXPECT_TRUE(deep.applies);
}

TEST_F(RulesTest, ChargeStopsTheComputation) {
  Owns("A", "B", 60);
  Commit();
  auto view = store_->NewReadView();
  OwnershipReader reader{view.get(), {}, [] { return Status::ResourceExhausted("budget"); }};
  auto found = AffiliatesOf(reader, {ids_.at("A")}, 50);
  EXPECT_EQ(found.status().code(), StatusCode::kResourceExhausted);
}

TEST_F(RulesTest, ForceFollowsPublicationSuspensionAndRescission) {
  Rule("2025-19001", D("2025-09-30"), std::nullopt);
  Rule("2025-19846", D("2025-11-12"), std::nullopt);
  RuleEdge(EdgeType::kSuspends, "2025-19846", "2025-19001",
           Interval{D("2025-11-10"), D("2026-11-10")});
  Rule("with-date", D("2024-01-10"), D("2024-02-01"));
  Rule("old", D("2000-01-01"), std::nullopt);
  Rule("repeal", D("2010-05-01"), std::nullopt);
  RuleEdge(EdgeType::kRescinds, "repeal", "old", Interval::Since(D("2010-06-01")));
  Commit();
  EXPECT_EQ(Force("2025-19001", "2021-06-01"),
            "not yet in force (published 2025-09-30; effective date not stated)");
  // The view's own `as of` (a day before the rule) does not hide its dates.
  EXPECT_EQ(Force("2025-19001", "2021-06-01", D("2021-06-01")),
            "not yet in force (published 2025-09-30; effective date not stated)");
  EXPECT_EQ(Force("2025-19001", "2025-10-01"),
            "in force since 2025-09-30 (publication date; effective date not stated)");
  EXPECT_EQ(Force("2025-19001", "2025-11-10"),
            "suspended by 2025-19846 from 2025-11-10 to 2026-11-09");
  EXPECT_EQ(Force("2025-19001", "2026-11-09"),
            "suspended by 2025-19846 from 2025-11-10 to 2026-11-09");
  EXPECT_EQ(Force("2025-19001", "2026-11-10"),
            "in force since 2025-09-30 (publication date; effective date not stated)");
  EXPECT_EQ(Force("with-date", "2024-01-20"), "not yet in force (effective 2024-02-01)");
  EXPECT_EQ(Force("with-date", "2024-02-01"), "in force since 2024-02-01");
  EXPECT_EQ(Force("old", "2010-05-31"),
            "in force since 2000-01-01 (publication date; effective date not stated)");
  EXPECT_EQ(Force("old", "2012-01-01"), "rescinded by repeal on 2010-06-01");
  EXPECT_EQ(Force("missing", "2012-01-01"), "unknown (rule missing is not in the graph)");
}

}  // namespace
}  // namespace ecg::rules
