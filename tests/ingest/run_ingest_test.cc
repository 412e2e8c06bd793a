// The ingest run on real data: re-runs change nothing, a truncated file is
// rejected with the graph untouched, a newer snapshot closes exactly what is
// gone.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/ingest/run_test_util.h"

namespace ecg::ingest {
namespace {

using run_test::Demo;
using run_test::IngestFixture;
using run_test::Shared;

class IngestRunTest : public IngestFixture {};

// Stats without the run counter, for before/after comparisons.
std::string StatsKey(const store::Stats& s) {
  std::string out;
  for (const auto& k : s.kinds) {
    out += std::string(VertexKindName(k.kind)) + "=" + std::to_string(k.vertices) + " ";
  }
  for (const auto& e : s.edges) {
    out += std::string(EdgeTypeName(e.type)) + "=" + std::to_string(e.open) + "/" +
           std::to_string(e.closed) + "/" + std::to_string(e.superseded) + " ";
  }
  return out + "props=" + std::to_string(s.property_statements);
}

std::string CurrentStats(store::GraphStore* store) {
  auto stats = store->NewReadView()->ComputeStats();
  EXPECT_TRUE(stats.ok());
  return stats.ok() ? StatsKey(*stats) : "";
}

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(' ');
  size_t b = s.find_last_not_of(' ');
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// (Name, End date) of every data row of a China sanctions CSV; with
// `aliases`, also (alias, End date) for each alias in the Alias column.
std::vector<std::pair<std::string, std::string>> CnRows(const std::string& path,
                                                        bool aliases = false) {
  auto rows = testutil::ReadCsv(testutil::ReadFile(path));
  std::vector<std::pair<std::string, std::string>> out;
  int name = -1;
  int end = -1;
  int alias = -1;
  for (size_t i = 0; i < rows.front().size(); ++i) {
    alias = rows.front()[i] == "Alias" ? static_cast<int>(i) : alias;
    name = rows.front()[i] == "Name" ? static_cast<int>(i) : name;
    end = rows.front()[i] == "End date" ? static_cast<int>(i) : end;
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() > 1) {
      out.emplace_back(Trim(rows[r][name]), Trim(rows[r][end]));
      std::string all = aliases ? rows[r][alias] + ";" : "";
      for (size_t at = all.find(';'); at != std::string::npos; at = all.find(';')) {
        if (!Trim(all.substr(0, at)).empty()) {
          out.emplace_back(Trim(all.substr(0, at)), Trim(rows[r][end]));
        }
        all.erase(0, at + 1);
      }
    }
  }
  return out;
}

TEST_F(IngestRunTest, SecondRunReportsAllUnchangedAndChangesNothing) {
  const std::vector<std::string> files = {
      Demo("screening-list.json"), Demo("cn_lists.json"), Demo("ownership.csv"),
      Shared("cn_sanctions_opensanctions/sanctions_2026-06-29.csv")};
  RunReport first = Ingest(files);
  EXPECT_EQ(first.rejected(), 0u) << first.ToText();
  EXPECT_GT(first.Totals().entities_new, 0u);
  const std::string before = CurrentStats(store_.get());
  RunReport second = Ingest(files);
  EXPECT_TRUE(second.all_unchanged()) << second.ToText();
  EXPECT_EQ(second.Totals().edges_opened, 0u);
  EXPECT_EQ(CurrentStats(store_.get()), before);
  auto json = nlohmann::json::parse(second.ToJson());
  EXPECT_EQ(json["files"].size(), files.size());
  EXPECT_EQ(json["files"][0]["status"], "unchanged");
}

TEST_F(IngestRunTest, TruncatedFileIsRejectedAndTheOthersLoad) {
  Ingest({Demo("screening-list.json")});
  const std::string before = CurrentStats(store_.get());
  const std::string bytes = testutil::ReadFile(Shared("bis_entity_list_ecfr_nsfreg/bis_meu.json"));
  const std::string cut = dir_.Sub("bis_meu_truncated.json");
  testutil::WriteFile(cut, bytes.substr(0, bytes.size() / 2));
  RunReport report = Ingest({cut, Demo("cn_lists.json")});
  ASSERT_EQ(report.files.size(), 2u);
  EXPECT_EQ(report.files[0].status, FileReport::Status::kRejected);
  EXPECT_NE(report.files[0].error.find("bis_meu_truncated.json"), std::string::npos)
      << report.files[0].error;
  EXPECT_EQ(report.files[1].status, FileReport::Status::kLoaded) << report.ToText();
  EXPECT_NE(CurrentStats(store_.get()), before);
}

TEST_F(IngestRunTest, RejectedFileLeavesTheGraphExactlyAsBefore) {
  Ingest({Demo("screening-list.json")});
  const std::string before = CurrentStats(store_.get());
  const std::string bytes = testutil::ReadFile(Shared("cn_lists_xyna/cn.json"));
  const std::string cut = dir_.Sub("cn_truncated.json");
  testutil::WriteFile(cut, bytes.substr(0, bytes.size() * 2 / 3));
  RunReport report = Ingest({cut});
  EXPECT_EQ(report.rejected(), 1u) << report.ToText();
  EXPECT_EQ(CurrentStats(store_.get()), before);
}

TEST_F(IngestRunTest, NewerSnapshotClosesExactlyTheRecordsThatAreGone) {
  const std::string v1 = Shared("cn_sanctions_opensanctions/sanctions_2026-06-29.csv");
  const std::string v2 = Shared("cn_sanctions_opensanctions/sanctions_2026-08-07.csv");
  RunReport r1 = Ingest({v1});
  ASSERT_EQ(r1.rejected(), 0u) << r1.ToText();
  EXPECT_EQ(ListedOnFrom(v1).size(), CnRows(v1).size());
  RunReport r2 = Ingest({v2});
  ASSERT_EQ(r2.rejected(), 0u) << r2.ToText();

  // Every row of the newer snapshot without an end date is an open listing.
  size_t ended = 0;
  std::set<std::string> old_names, new_names, new_any;
  for (const auto& [name, end] : CnRows(v2, /*aliases=*/true)) {
    new_any.insert(name);
  }
  for (const auto& [name, end] : CnRows(v1)) {
    old_names.insert(name);
  }
  for (const auto& [name, end] : CnRows(v2)) {
    if (end.empty()) {
      new_names.insert(name);
    } else {
      ++ended;
    }
  }
  auto stats = store_->NewReadView()->ComputeStats();
  ASSERT_TRUE(stats.ok());
  for (const auto& e : stats->edges) {
    if (e.type == EdgeType::kListedOn) {
      EXPECT_EQ(e.open, CnRows(v2).size() - ended);
    }
  }
  // Names gone from the newer file have no open listing; every name of the
  // newer file has one (computed from the raw files, not the parser).
  auto view = store_->NewReadView(store::TimeFilter{Date::FromYmd(2026, 8, 8), std::nullopt});
  auto open_listings = [&](const std::string& name) {
    size_t n = 0;
    for (VertexId id : EntitiesNamed(name)) {
      EXPECT_OK(view->ForEachEdge(id, store::Direction::kOut, EdgeType::kListedOn,
                                  [&](const store::EdgeStatement&) {
                                    ++n;
                                    return true;
                                  }));
    }
    return n;
  };
  size_t removed = 0;
  for (const auto& name : old_names) {
    if (new_any.count(name) == 0) {
      ++removed;
      EXPECT_EQ(open_listings(name), 0u) << name;
    }
  }
  EXPECT_GT(removed, 0u);
  for (const auto& name : new_names) {
    EXPECT_GT(open_listings(name), 0u) << name;
  }
  EXPECT_GE(r2.Totals().edges_closed, removed);
}

}  // namespace
}  // namespace ecg::ingest
