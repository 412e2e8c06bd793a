// One affiliates rule: the `affiliates` query operator (forward from the
// listed set) and `ecg screen`'s affiliation (upward from one entity) give
// the same answer for every entity, on random ownership graphs and on the
// demo graph (demo/), both computed by rules/affiliates.h.
#include <cmath>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/run/ingest_run.h"
#include "query/engine.h"
#include "schema/props.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "screen/screener.h"
#include "text/normalizer.h"

namespace ecg {
namespace {

class AffiliatesDifferentialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    normalizer_ = text::TextNormalizer::Create().value();
    OpenFresh("db");
  }
  // Opens a new, empty database in `name` under the test's directory.
  void OpenFresh(const std::string& name) {
    store_.reset();
    store::Options options;
    options.normalizer = normalizer_.get();
    auto store = store::GraphStore::Open(dir_.Sub(name), options);
    ASSERT_OK(store.status());
    store_ = std::move(store).value();
  }

  // name -> aggregate pct of every entity `affiliates` reports on `day`.
  std::map<std::string, double> QueryAffiliates(const std::string& day) {
    query::Engine engine(*store_);
    auto rs =
        engine.Run("entity where listed(\"EL\") or listed(\"MEU\") or listed(\"SDN\") | as of " +
                   day + " | affiliates | select name, pct");
    EXPECT_TRUE(rs.ok()) << rs.status().ToString();
    std::map<std::string, double> out;
    if (rs.ok()) {
      for (const auto& row : rs->rows) {
        double pct = 0;
        EXPECT_TRUE(row.at(1).ToNumber(&pct));
        out[row.at(0).ToString()] = pct;
      }
    }
    return out;
  }

  // The same, entity by entity through the screener (exact names).
  std::map<std::string, double> ScreenAffiliates(const std::vector<std::string>& names,
                                                 const std::string& day) {
    auto screener = screen::Screener::Create(store_.get(), normalizer_.get());
    EXPECT_TRUE(screener.ok()) << screener.status().ToString();
    std::map<std::string, double> out;
    screen::ScreenOptions options;
    options.as_of = *Date::Parse(day);
    options.threshold = 99;
    options.limit = 50;
    for (const std::string& name : names) {
      auto cands = (*screener)->Screen(name, options);
      EXPECT_TRUE(cands.ok()) << name << ": " << cands.status().ToString();
      if (!cands.ok()) {
        continue;
      }
      const screen::Candidate* self = nullptr;
      for (const auto& c : *cands) {
        if (c.name == name) {
          self = &c;
        }
      }
      EXPECT_NE(self, nullptr) << "screening '" << name << "' does not find it";
      // Listed entities are the set the rule starts from: `affiliates`
      // never reports them.
      if (self != nullptr && self->affiliation.applies && self->lists.empty()) {
        out[name] = self->affiliation.pct;
      }
    }
    return out;
  }

  // Every entity name in the graph.
  std::vector<std::string> EntityNames() {
    query::Engine engine(*store_);
    auto rs = engine.Run("entity | select name");
    EXPECT_TRUE(rs.ok()) << rs.status().ToString();
    std::vector<std::string> out;
    if (rs.ok()) {
      for (const auto& row : rs->rows) {
        out.push_back(row.at(0).ToString());
      }
    }
    return out;
  }

  testutil::TempDir dir_;
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
};

// Pronounceable, distinct names: screening finds each by its exact name.
std::string RandomName(std::mt19937* rng, int i) {
  static const char* kSyllables[] = {"ka",  "lo",  "mi",  "ze",  "tor", "van", "qui", "bex",
                                     "dra", "nul", "fen", "gor", "hix", "jum", "pra", "sul"};
  std::uniform_int_distribution<int> pick(0, 15);
  std::string name;
  for (int w = 0; w < 2; ++w) {
    std::string word;
    for (int s = 0; s < 3; ++s) {
      word += kSyllables[pick(*rng)];
    }
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    name += word + " ";
  }
  return name + "Holding " + std::to_string(i);
}

TEST_F(AffiliatesDifferentialTest, RandomOwnershipGraphs) {
  std::mt19937 rng(20261202);
  size_t reached = 0;
  for (int graph = 0; graph < 6; ++graph) {
    OpenFresh("random" + std::to_string(graph));
    ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("random"));
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
    ASSERT_OK_AND_ASSIGN(VertexId src, batch->Vertex(VertexKind::kSource, "random"));
    ASSERT_OK_AND_ASSIGN(VertexId el, batch->Vertex(VertexKind::kList, "EL"));
    ASSERT_OK(batch->SetProperty(el, prop::kName, Value("Entity List"), Interval::Always(), src)
                  .status());
    const int n = 30 + graph * 5;
    std::vector<VertexId> ids;
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) {
      names.push_back(RandomName(&rng, i));
      ASSERT_OK_AND_ASSIGN(VertexId v,
                           batch->Vertex(VertexKind::kEntity, "ent:" + std::to_string(i)));
      ASSERT_OK(batch->SetProperty(v, prop::kName, Value(names.back()), Interval::Always(), src)
                    .status());
      ids.push_back(v);
    }
    std::uniform_int_distribution<int> who(0, n - 1);
    for (int i = 0; i < n / 4; ++i) {
      ASSERT_OK(batch->PutEdge(EdgeType::kListedOn, ids[who(rng)], el, {}, Interval::Always(), src)
                    .status());
    }
    // Stakes in steps of 5%, at most 100% held in any one entity, valid over
    // random periods so that `as of` matters; cycles happen.
    std::vector<double> held(n, 0);
    std::uniform_int_distribution<int> step(2, 12);
    std::uniform_int_distribution<int> year(2018, 2026);
    for (int e = 0; e < n * 3; ++e) {
      const int a = who(rng);
      const int b = who(rng);
      const double pct = 5.0 * step(rng);
      if (a == b || held[b] + pct > 100) {
        continue;
      }
      held[b] += pct;
      const int from = year(rng);
      Interval valid{Date::FromYmd(from, 1, 1),
                     e % 3 == 0 ? Date::FromYmd(from + 2, 1, 1) : Date::Max()};
      ASSERT_OK(batch
                    ->PutEdge(EdgeType::kOwns, ids[a], ids[b], {{prop::kPct, Value(pct)}}, valid,
                              src, "stake" + std::to_string(e))
                    .status());
    }
    ASSERT_OK(batch->Commit());
    for (const char* day : {"2019-06-01", "2022-06-01", "2026-06-01"}) {
      const auto q = QueryAffiliates(day);
      const auto s = ScreenAffiliates(names, day);
      ASSERT_EQ(q.size(), s.size()) << "graph " << graph << " on " << day;
      reached += q.size();
      for (const auto& [name, pct] : q) {
        ASSERT_EQ(s.count(name), 1u) << name << " on " << day;
        EXPECT_NEAR(s.at(name), std::min(pct, 100.0), 1e-9) << name;
      }
    }
  }
  EXPECT_GT(reached, 20u) << "the random graphs hardly reach an affiliate: the test says little";
}

TEST_F(AffiliatesDifferentialTest, DemoGraph) {
  const std::string root = ECG_SOURCE_DIR;
  ingest::Ingester ingester(store_.get(), normalizer_.get());
  ingester.RegisterDefaultHandlers();
  ingest::RunReport report;
  ASSERT_OK(
      ingester.IngestFiles({root + "/demo/lists/screening-list.json",
                            root + "/demo/lists/cn_lists.json", root + "/demo/lists/ownership.csv"},
                           {}, &report));
  ASSERT_EQ(report.rejected(), 0u) << report.ToText();
  const auto q = QueryAffiliates("2026-06-01");
  EXPECT_FALSE(q.empty()) << "the demo ownership reaches no affiliate";
  const auto s = ScreenAffiliates(EntityNames(), "2026-06-01");
  EXPECT_EQ(q, s);
}

}  // namespace
}  // namespace ecg
