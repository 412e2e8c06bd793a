// Randomised differential test: random small graphs with random valid
// intervals and ownership percentages; owns closures, as-of reads, diffs and
// the affiliates fixed point computed by the engine are compared with a
// plain reference evaluator written here, separately from the engine.
#include <algorithm>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "query/engine.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

namespace ecg::query {
namespace {

struct RefEdge {
  int src;
  int dst;
  double pct;
  Interval valid;
};

struct RefGraph {
  int n = 0;
  std::vector<RefEdge> owns;
  std::vector<std::pair<int, Interval>> listed;  // entity, interval on list "L"
};

std::string Key(int i) {
  return "e" + std::to_string(i);
}

Date Day(int offset) {
  return Date::FromYmd(2020, 1, 1).AddDays(offset);
}

Interval RandomInterval(std::mt19937& rng) {
  std::uniform_int_distribution<int> day(0, 1000);
  int a = day(rng);
  int b = day(rng);
  if (a == b) {
    ++b;
  }
  if (rng() % 3 == 0) {
    return Interval::Since(Day(std::min(a, b)));
  }
  return Interval{Day(std::min(a, b)), Day(std::max(a, b))};
}

RefGraph RandomGraph(std::mt19937& rng) {
  RefGraph g;
  g.n = 6 + static_cast<int>(rng() % 8);
  std::set<std::pair<int, int>> pairs;
  int edges = g.n * 2;
  for (int i = 0; i < edges; ++i) {
    int s = static_cast<int>(rng() % g.n);
    int d = static_cast<int>(rng() % g.n);
    if (s == d || !pairs.insert({s, d}).second) {
      continue;
    }
    static constexpr double kPcts[] = {10, 20, 25, 30, 40, 50, 51, 60, 100};
    g.owns.push_back({s, d, kPcts[rng() % 9], RandomInterval(rng)});
  }
  for (int i = 0; i < g.n; ++i) {
    if (rng() % 3 == 0) {
      g.listed.emplace_back(i, RandomInterval(rng));
    }
  }
  return g;
}

Result<std::unique_ptr<store::GraphStore>> Load(const RefGraph& g, const std::string& path) {
  ECG_ASSIGN_OR_RETURN(auto store, store::GraphStore::Open(path, store::Options()));
  ECG_ASSIGN_OR_RETURN(RunId run, store->BeginRun("random"));
  ECG_ASSIGN_OR_RETURN(auto batch, store->NewBatch(run));
  ECG_ASSIGN_OR_RETURN(VertexId src, batch->Vertex(VertexKind::kSource, "random"));
  ECG_ASSIGN_OR_RETURN(VertexId list, batch->Vertex(VertexKind::kList, "L"));
  std::vector<VertexId> ids;
  for (int i = 0; i < g.n; ++i) {
    ECG_ASSIGN_OR_RETURN(VertexId id, batch->Vertex(VertexKind::kEntity, Key(i)));
    ECG_RETURN_IF_ERROR(
        batch->SetProperty(id, prop::kName, Value("Entity " + Key(i)), Interval::Always(), src)
            .status());
    ids.push_back(id);
  }
  for (const RefEdge& e : g.owns) {
    PropertyList props = {{prop::kPct, Value(e.pct)}};
    ECG_RETURN_IF_ERROR(
        batch->PutEdge(EdgeType::kOwns, ids[e.src], ids[e.dst], props, e.valid, src).status());
  }
  for (const auto& [i, valid] : g.listed) {
    ECG_RETURN_IF_ERROR(batch->PutEdge(EdgeType::kListedOn, ids[i], list, {}, valid, src).status());
  }
  ECG_RETURN_IF_ERROR(batch->Commit());
  return store;
}

// --- The reference evaluator: plain loops over the edge list. ---

std::set<std::string> RefClosure(const RefGraph& g, int start, Date day, double min_pct) {
  std::set<int> seen = {start};
  std::vector<int> stack = {start};
  std::set<std::string> out;
  while (!stack.empty()) {
    int v = stack.back();
    stack.pop_back();
    for (const RefEdge& e : g.owns) {
      if (e.src == v && e.valid.Contains(day) && e.pct >= min_pct && seen.insert(e.dst).second) {
        out.insert(Key(e.dst));
        stack.push_back(e.dst);
      }
    }
  }
  return out;
}

std::set<int> RefListed(const RefGraph& g, Date day) {
  std::set<int> out;
  for (const auto& [i, valid] : g.listed) {
    if (valid.Contains(day)) {
      out.insert(i);
    }
  }
  return out;
}

std::map<std::string, double> RefAffiliates(const RefGraph& g, Date day, double threshold) {
  std::set<int> seeds = RefListed(g, day);
  std::set<int> in_set = seeds;
  bool changed = true;
  while (changed) {
    changed = false;
    for (int y = 0; y < g.n; ++y) {
      if (in_set.count(y) > 0) {
        continue;
      }
      double held = 0;
      for (const RefEdge& e : g.owns) {
        if (e.dst == y && in_set.count(e.src) > 0 && e.valid.Contains(day)) {
          held += e.pct;
        }
      }
      if (held >= threshold) {
        in_set.insert(y);
        changed = true;
      }
    }
  }
  std::map<std::string, double> out;
  for (int y : in_set) {
    if (seeds.count(y) > 0) {
      continue;
    }
    double held = 0;
    for (const RefEdge& e : g.owns) {
      if (e.dst == y && in_set.count(e.src) > 0 && seeds.count(y) == 0 && e.valid.Contains(day)) {
        held += e.pct;
      }
    }
    out[Key(y)] = held;
  }
  return out;
}

// --- Helpers reading engine results. ---

std::set<std::string> Column0(const ResultSet& r) {
  std::set<std::string> out;
  for (const auto& row : r.rows) {
    out.insert(row[0].ToString());
  }
  return out;
}

TEST(DifferentialTest, MatchesReferenceEvaluator) {
  std::mt19937 rng(20251110);
  for (int trial = 0; trial < 12; ++trial) {
    RefGraph g = RandomGraph(rng);
    testutil::TempDir dir;
    ASSERT_OK_AND_ASSIGN(auto store, Load(g, dir.Sub("db")));
    ExecOptions options;
    options.max_depth = 64;
    Engine engine(*store, options);
    for (int probe = 0; probe < 6; ++probe) {
      Date day = Day(static_cast<int>(rng() % 1100) - 50);
      int start = static_cast<int>(rng() % g.n);
      SCOPED_TRACE("trial " + std::to_string(trial) + " day " + day.ToString() + " start " +
                   Key(start));
      Params p = {{"day", Value(day)}, {"who", Value(Key(start))}};

      // Owns closure, unfiltered and with the 50% predicate on every edge.
      ASSERT_OK_AND_ASSIGN(ResultSet all,
                           engine.Run("entity $who -> owns* entity | as of $day | select key", p));
      EXPECT_EQ(Column0(all), RefClosure(g, start, day, 0));
      ASSERT_OK_AND_ASSIGN(
          ResultSet half,
          engine.Run("entity $who -> owns*[pct >= 50] entity | as of $day | select key", p));
      EXPECT_EQ(Column0(half), RefClosure(g, start, day, 50));

      // As-of read of one hop with its edge property.
      ASSERT_OK_AND_ASSIGN(
          ResultSet hop,
          engine.Run("entity $who -> owns entity | as of $day | select key, pct", p));
      std::set<std::string> got;
      for (const auto& row : hop.rows) {
        got.insert(row[0].ToString() + "=" + row[1].ToString());
      }
      std::set<std::string> want;
      for (const RefEdge& e : g.owns) {
        if (e.src == start && e.valid.Contains(day)) {
          want.insert(Key(e.dst) + "=" + Value(e.pct).ToString());
        }
      }
      EXPECT_EQ(got, want);

      // The affiliates fixed point.
      for (double threshold : {50.0, 25.0}) {
        Params pt = p;
        pt["t"] = Value(threshold);
        ASSERT_OK_AND_ASSIGN(
            ResultSet aff,
            engine.Run("list L <- listed_on entity | as of $day | affiliates($t) | select key, pct",
                       pt));
        std::map<std::string, double> got_aff;
        for (const auto& row : aff.rows) {
          got_aff[row[0].ToString()] = row[1].as_double();
        }
        EXPECT_EQ(got_aff, RefAffiliates(g, day, threshold)) << "threshold " << threshold;
      }

      // Diff of the list between two days.
      Date later = day.AddDays(static_cast<int>(rng() % 400) + 1);
      Params pd = {{"a", Value(day)}, {"b", Value(later)}};
      ASSERT_OK_AND_ASSIGN(
          ResultSet diff,
          engine.Run("list L <- listed_on entity | diff $a .. $b | select change, key", pd));
      std::set<std::string> got_diff;
      for (const auto& row : diff.rows) {
        got_diff.insert(row[0].ToString() + " " + row[1].ToString());
      }
      std::set<int> before = RefListed(g, day);
      std::set<int> after = RefListed(g, later);
      std::set<std::string> want_diff;
      for (int i : after) {
        if (before.count(i) == 0) {
          want_diff.insert("added " + Key(i));
        }
      }
      for (int i : before) {
        if (after.count(i) == 0) {
          want_diff.insert("removed " + Key(i));
        }
      }
      EXPECT_EQ(got_diff, want_diff);
    }
  }
}

}  // namespace
}  // namespace ecg::query
