// The 2023 CSV subset of the Consolidated Screening List (declared complete
// for the MEU list) against the 2026 compact CSL: the graph's diff of the MEU
// list must be exactly the additions and removals between the two files,
// computed here from the raw files by an independent path (libcsv and
// simdjson's DOM, names compared by their letters and digits).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <csv.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include "query/engine.h"
#include "tests/ingest/run_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg {
namespace {

constexpr const char* kMeuSource = "Military End User (MEU) List - Bureau of Industry and Security";

std::string Letters(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) != 0) {
      out.push_back(static_cast<char>(std::tolower(c)));
    }
  }
  return out;
}

// MEU names of the raw trade.gov CSV, read with libcsv: columns `source` and `name`.
std::set<std::string> MeuNamesFromCsv(const std::string& path) {
  struct State {
    std::vector<std::string> fields;
    std::vector<std::vector<std::string>> rows;
  } state;
  csv_parser p{};
  EXPECT_EQ(csv_init(&p, CSV_APPEND_NULL), 0);
  std::string bytes = testutil::ReadFile(path);
  auto on_field = [](void* data, size_t len, void* s) {
    static_cast<State*>(s)->fields.emplace_back(static_cast<const char*>(data), len);
  };
  auto on_row = [](int, void* s) {
    auto* st = static_cast<State*>(s);
    st->rows.push_back(std::move(st->fields));
    st->fields.clear();
  };
  csv_parse(&p, bytes.data(), bytes.size(), on_field, on_row, &state);
  csv_fini(&p, on_field, on_row, &state);
  csv_free(&p);
  std::set<std::string> out;
  if (state.rows.empty()) {
    return out;
  }
  const auto& header = state.rows[0];
  size_t source = std::find(header.begin(), header.end(), "source") - header.begin();
  size_t name = std::find(header.begin(), header.end(), "name") - header.begin();
  for (size_t i = 1; i < state.rows.size(); ++i) {
    const auto& row = state.rows[i];
    if (row.size() > std::max(source, name) && row[source] == kMeuSource) {
      out.insert(Letters(row[name]));
    }
  }
  return out;
}

// MEU names of the compact CSL JSON: entries whose source index names MEU.
std::set<std::string> MeuNamesFromCompact(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::set<std::string> out;
  EXPECT_EQ(parser.load(path).get(doc), simdjson::SUCCESS);
  simdjson::dom::array sources;
  EXPECT_EQ(doc["tables"]["sources"].get(sources), simdjson::SUCCESS);
  int64_t meu = -1;
  int64_t i = 0;
  for (auto s : sources) {
    std::string_view v;
    if (s.get(v) == simdjson::SUCCESS && v == kMeuSource) {
      meu = i;
    }
    ++i;
  }
  simdjson::dom::array entries;
  EXPECT_EQ(doc["entries"].get(entries), simdjson::SUCCESS);
  for (auto e : entries) {
    int64_t s = -2;
    std::string_view n;
    if (e["s"].get(s) == simdjson::SUCCESS && s == meu && e["n"].get(n) == simdjson::SUCCESS) {
      out.insert(Letters(std::string(n)));
    }
  }
  return out;
}

// A fresh store with the ICU normaliser and every handler (the ingest tests' fixture).
class CslSnapshotTest : public ingest::run_test::IngestFixture {};

TEST_F(CslSnapshotTest, MeuSubsetThenCompactGivesExactlyTheTrueChanges) {
  const std::string old_csv = testutil::SharedData("csl_raw_watchman/csl_2023-11_subset.csv");
  const std::string new_json = testutil::SharedData("csl_compact_seelpeed/screening-list.json");
  std::set<std::string> before = MeuNamesFromCsv(old_csv);
  std::set<std::string> after = MeuNamesFromCompact(new_json);
  ASSERT_GT(before.size(), 50u);
  ASSERT_GT(after.size(), 50u);
  std::set<std::string> removed;
  std::set<std::string> added;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                      std::inserter(removed, removed.end()));
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                      std::inserter(added, added.end()));

  ingest::IngestOptions complete;
  complete.complete_lists = {"MEU"};
  ingest::RunReport r1;
  ASSERT_OK(ingester_->IngestFiles({old_csv}, complete, &r1));
  ingest::RunReport r2 = Ingest({new_json});
  ASSERT_EQ(r1.rejected() + r2.rejected(), 0u);

  query::ExecOptions exec;
  exec.max_rows = 100000;
  query::Engine engine(*store_, exec);
  // 2023-12-01 follows the subset (2023-11); the compact list is of 2026-07-31.
  auto rs = engine.Run(
      "list MEU <- listed_on entity | diff 2023-12-01 .. today | where change != \"changed\" | "
      "select change, name");
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  std::set<std::string> graph_removed;
  std::set<std::string> graph_added;
  for (const auto& row : rs->rows) {
    (row[0].ToString() == "removed" ? graph_removed : graph_added)
        .insert(Letters(row[1].ToString()));
  }
  EXPECT_EQ(graph_removed, removed);
  EXPECT_EQ(graph_added, added);
  EXPECT_FALSE(removed.empty());  // the data has one: Zhejiang Perfect New Material
}

TEST_F(CslSnapshotTest, ASubsetWithoutCompleteListsClosesNothing) {
  ingest::RunReport r1 = Ingest({testutil::SharedData("csl_compact_seelpeed/screening-list.json")});
  ASSERT_EQ(r1.rejected(), 0u);
  // A 13-row sample ingested later must not close the other records.
  ingest::RunReport r2 =
      Ingest({testutil::SharedData("csl_raw_watchman/consolidated_2025-06_sample.csv")});
  ASSERT_EQ(r2.rejected(), 0u);
  EXPECT_EQ(r2.Totals().edges_closed, 0u);
}

}  // namespace
}  // namespace ecg
