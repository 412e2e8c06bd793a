// `ecg export` read back by real consumers: the N-Triples by Oxigraph and
// the Neo4j CSV by DuckDB (tests/consumers, installed by scripts/setup.sh),
// where a query returns the same rows as the same question asked of
// ecgraph; and the FtM formats checked for their schema and columns.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/testutil/testutil.h"

namespace ecg {
namespace {

struct ShRun {
  int exit_code = -1;
  std::string out;
};

ShRun Sh(const std::string& cmd) {
  ShRun run;
  const testutil::ShellRun r = testutil::RunShell((cmd + " 2>/dev/null"));
  run.exit_code = r.exit_code;
  run.out = r.out;
  return run;
}

std::string Ecg() {
  return std::string(ECG_BINARY_DIR) + "/tools/ecg";
}
std::string Consumers() {
  return std::string(ECG_SOURCE_DIR) + "/tests/consumers";
}

// The first column of each JSON-array line.
std::set<std::string> FirstColumn(const std::string& out) {
  std::set<std::string> rows;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    std::string line = out.substr(start, end - start);
    if (!line.empty()) {
      rows.insert(nlohmann::json::parse(line)[0].get<std::string>());
    }
    start = end == std::string::npos ? out.size() : end + 1;
  }
  return rows;
}

class ExportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(Consumers() + "/node_modules/oxigraph"))
        << "the consumers are missing: run scripts/setup.sh (npm ci in tests/consumers)";
    db_ = dir_.Sub("db");
    const std::string demo = std::string(ECG_SOURCE_DIR) + "/demo/lists/";
    ShRun r = Sh(Ecg() + " --db " + db_ + " ingest " + demo + "screening-list.json " + demo +
                 "cn_lists.json " + demo + "ownership.csv");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }

  // ecgraph's answer: the names of the entities on list `key`.
  std::set<std::string> EcgNames(const std::string& key) {
    ShRun r = Sh(Ecg() + " --db " + db_ + " query -f json " +
                 testutil::ShellQuote("list \"" + key + "\" <- listed_on entity | select name"));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    std::set<std::string> names;
    size_t start = 0;
    while (start < r.out.size()) {
      size_t end = r.out.find('\n', start);
      std::string line = r.out.substr(start, end - start);
      if (!line.empty()) {
        auto j = nlohmann::json::parse(line);
        names.insert(j["name"].get<std::string>());
      }
      start = end == std::string::npos ? r.out.size() : end + 1;
    }
    return names;
  }

  testutil::TempDir dir_;
  std::string db_;
};

TEST_F(ExportCliTest, NtriplesLoadIntoOxigraphAndAnswerAsEcgraphDoes) {
  const std::string nt = dir_.Sub("graph.nt");
  ShRun e = Sh(Ecg() + " --db " + db_ + " export --format ntriples --out " + nt);
  ASSERT_EQ(e.exit_code, 0);
  for (const std::string key : {"CN-UEL", "EL"}) {
    const std::set<std::string> expected = EcgNames(key);
    ASSERT_FALSE(expected.empty()) << key;
    const std::string sparql =
        "SELECT DISTINCT ?name WHERE { ?l <urn:ecgraph:key> \"" + key +
        "\" . ?e <urn:ecgraph:edge:listed_on> ?l . ?e <urn:ecgraph:prop:name> ?name }";
    ShRun q = Sh("node " + Consumers() + "/oxigraph_query.mjs " + nt + " " +
                 testutil::ShellQuote(sparql));
    ASSERT_EQ(q.exit_code, 0) << q.out;
    EXPECT_EQ(FirstColumn(q.out), expected) << key;
  }
}

TEST_F(ExportCliTest, Neo4jCsvLoadsIntoDuckDbAndAnswersAsEcgraphDoes) {
  const std::string out = dir_.Sub("neo4j");
  ShRun e = Sh(Ecg() + " --db " + db_ + " export --format neo4j-csv --out " + out);
  ASSERT_EQ(e.exit_code, 0);
  ASSERT_TRUE(std::filesystem::exists(out + "/nodes.csv"));
  ASSERT_TRUE(std::filesystem::exists(out + "/relationships.csv"));
  for (const std::string key : {"CN-UEL", "EL"}) {
    const std::set<std::string> expected = EcgNames(key);
    const std::string sql =
        "SELECT DISTINCT e.name FROM relationships r JOIN nodes e ON e.\"id:ID\" = r.\":START_ID\" "
        "JOIN nodes l ON l.\"id:ID\" = r.\":END_ID\" WHERE r.\":TYPE\" = 'LISTED_ON' AND l.key = "
        "'" +
        key + "'";
    ShRun q =
        Sh("node " + Consumers() + "/duckdb_query.mjs " + out + " " + testutil::ShellQuote(sql));
    ASSERT_EQ(q.exit_code, 0) << q.out;
    EXPECT_EQ(FirstColumn(q.out), expected) << key;
  }
  // Ownership edges keep their percentage.
  ShRun owns =
      Sh("node " + Consumers() + "/duckdb_query.mjs " + out + " " +
         testutil::ShellQuote("SELECT count(*) FROM relationships WHERE \":TYPE\" = 'OWNS' AND "
                              "\"pct:float\" IS NOT NULL"));
  ASSERT_EQ(owns.exit_code, 0);
  EXPECT_NE(*FirstColumn(owns.out).begin(), "0");
}

TEST_F(ExportCliTest, FtmEntitiesUseFtmSchemataAndReferenceEachOther) {
  ShRun e = Sh(Ecg() + " --db " + db_ + " export --format ftm-json");
  ASSERT_EQ(e.exit_code, 0);
  std::set<std::string> ids, schemata, referenced;
  size_t start = 0;
  while (start < e.out.size()) {
    size_t end = e.out.find('\n', start);
    auto j = nlohmann::json::parse(e.out.substr(start, end - start));
    ids.insert(j["id"]);
    schemata.insert(j["schema"]);
    for (const char* ref : {"entity", "owner", "asset"}) {
      if (j["properties"].contains(ref)) {
        referenced.insert(j["properties"][ref][0].get<std::string>());
      }
    }
    EXPECT_EQ(j["datasets"][0], "ecgraph");
    start = end == std::string::npos ? e.out.size() : end + 1;
  }
  EXPECT_TRUE(schemata.count("Company") && schemata.count("Sanction") &&
              schemata.count("Ownership"))
      << nlohmann::json(schemata).dump();
  for (const auto& r : referenced) {
    EXPECT_TRUE(ids.count(r)) << "a reference to no exported entity: " << r;
  }
}

TEST_F(ExportCliTest, FtmStatementsHaveFtmColumnsRecordTimesAndSources) {
  const std::string csv = dir_.Sub("statements.csv");
  ShRun e = Sh(Ecg() + " --db " + db_ + " export --format ftm-statements --out " + csv);
  ASSERT_EQ(e.exit_code, 0);
  auto rows = testutil::ReadCsv(testutil::ReadFile(csv));
  ASSERT_GT(rows.size(), 10u);
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"canonical_id", "entity_id", "prop", "prop_type", "schema",
                                      "value", "dataset", "origin", "lang", "original_value",
                                      "external", "first_seen", "last_seen", "id"}));
  size_t names = 0, zh = 0, dated = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 14u) << i;
    if (rows[i][2] == "name") {
      ++names;
      EXPECT_FALSE(rows[i][7].empty()) << "a name without its source file";
      EXPECT_FALSE(rows[i][11].empty()) << "a name without first_seen";
    }
    zh += rows[i][8] == "zh" ? 1 : 0;
    dated += rows[i][2] == "startDate" ? 1 : 0;
  }
  EXPECT_GT(names, 5u);
  EXPECT_GT(zh, 0u);     // the Chinese names and aliases
  EXPECT_GT(dated, 0u);  // listing dates as the Sanctions' startDate
}

// FtM statements out of one graph and into a fresh one: the parties, lists,
// listings, ownership (closed stakes too) and affiliations come back, `ecg
// check` passes, and the same questions get the same answers. Rules
// (citations) and country vertices are not FtM entities and are not compared.
TEST_F(ExportCliTest, FtmStatementsExportThenImportGivesTheSameParties) {
  const std::string csv = dir_.Sub("roundtrip.csv");
  ASSERT_EQ(Sh(Ecg() + " --db " + db_ + " export --format ftm-statements --out " + csv).exit_code,
            0);
  const std::string copy = dir_.Sub("copy");
  ShRun in = Sh(Ecg() + " --db " + copy + " ingest " + csv);
  ASSERT_EQ(in.exit_code, 0) << in.out;
  EXPECT_EQ(Sh(Ecg() + " --db " + copy + " check").exit_code, 0);
  auto stats = [&](const std::string& db) {
    ShRun r = Sh(Ecg() + " --db " + db + " stats --format json");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out);
  };
  const nlohmann::json a = stats(db_);
  const nlohmann::json b = stats(copy);
  // Every vertex kind but `source` (the copy has one source, the CSV) and
  // every edge type, open and closed, are as many.
  for (const auto& [kind, n] : a["vertices"].items()) {
    if (kind != "source") {
      EXPECT_EQ(n, b["vertices"][kind]) << kind;
    }
  }
  EXPECT_EQ(a["edges"], b["edges"]);
  EXPECT_GT(a["edges"]["adds"]["open"].get<int>(), 0);
  EXPECT_GT(a["edges"]["located_in"]["open"].get<int>(), 0);
  const std::string queries[] = {
      "list \"CN-UEL\" <- listed_on entity | select name",
      "list \"EL\" <- listed_on entity | select name",
      "entity -> listed_on list | select key, edge.from, edge.to, edge.date_precision",
      "rule as r -> adds entity as e | select r.key, e.name, e.edge.from",
      "rule as r -> revises entity as e | select r.key, e.name",
      "entity as e -> located_in country as c | select e.name, c.key",
      "entity -> owns entity | select name",
      "entity ~\"華為\" | select name",
  };
  for (const std::string& q : queries) {
    auto ask = [&](const std::string& db) {
      ShRun r = Sh(Ecg() + " --db " + db + " query -f csv " + testutil::ShellQuote(q));
      EXPECT_EQ(r.exit_code, 0) << q;
      std::vector<std::string> lines;
      size_t start = 0;
      while (start < r.out.size()) {
        const size_t end = std::min(r.out.find('\n', start), r.out.size());
        lines.push_back(r.out.substr(start, end - start));
        start = end + 1;
      }
      std::sort(lines.begin(), lines.end());
      return lines;
    };
    const auto before = ask(db_);
    EXPECT_GT(before.size(), 1u) << q;
    EXPECT_EQ(before, ask(copy)) << q;
  }
}

// `--query`: only the vertices a query returns (with their listings), and a
// result cut at --max-rows is an error that writes nothing.
TEST_F(ExportCliTest, QueryExportsOnlyTheQuerysSubgraph) {
  const std::string q = "list \"CN-UEL\" <- listed_on entity";
  const std::string out = dir_.Sub("q.json");
  ShRun e = Sh(Ecg() + " --db " + db_ + " export --format ftm-json --query " +
               testutil::ShellQuote(q) + " --out " + out);
  ASSERT_EQ(e.exit_code, 0) << e.out;
  const std::string text = testutil::ReadFile(out);
  std::set<std::string> names;
  size_t parties = 0;
  size_t others = 0;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) {
      continue;
    }
    const auto j = nlohmann::json::parse(line);
    const std::string schema = j["schema"].get<std::string>();
    if (schema == "Sanction") {
      continue;
    }
    ++parties;
    if (j["properties"].contains("name")) {
      for (const auto& n : j["properties"]["name"]) {
        names.insert(n.get<std::string>());
      }
    } else {
      ++others;
    }
  }
  EXPECT_EQ(others, 0u);
  const std::set<std::string> expected = EcgNames("CN-UEL");
  ASSERT_FALSE(expected.empty());
  for (const std::string& n : expected) {
    EXPECT_TRUE(names.count(n) > 0) << n;
  }
  // One FtM entity per party on the list: no other party of the graph.
  EXPECT_EQ(parties, expected.size());
  const std::string cut = dir_.Sub("cut.json");
  ShRun c = Sh(Ecg() + " --db " + db_ + " export --format ftm-json --query " +
               testutil::ShellQuote(q) + " --max-rows 1 --out " + cut);
  EXPECT_EQ(c.exit_code, 6);
  EXPECT_FALSE(std::filesystem::exists(cut));
}

TEST_F(ExportCliTest, AsOfLeavesOutWhatWasNotYetValid) {
  ShRun all = Sh(Ecg() + " --db " + db_ + " export --format graphml");
  ShRun early = Sh(Ecg() + " --db " + db_ + " export --format graphml --as-of 2000-01-01");
  ASSERT_EQ(all.exit_code, 0);
  ASSERT_EQ(early.exit_code, 0);
  auto count = [](const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_GT(count(all.out, "<edge "), count(early.out, "<edge "));
  EXPECT_NE(all.out.find("</graphml>"), std::string::npos);
}

TEST_F(ExportCliTest, Neo4jNeedsAFolderAndAFailedExportLeavesNothing) {
  EXPECT_EQ(Sh(Ecg() + " --db " + db_ + " export --format neo4j-csv").exit_code, 2);
  EXPECT_EQ(Sh(Ecg() + " --db " + db_ + " export --format turtle").exit_code, 2);
  const std::string missing = dir_.Sub("no/such/dir/out.nt");
  EXPECT_NE(Sh(Ecg() + " --db " + db_ + " export --format ntriples --out " + missing).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace ecg
