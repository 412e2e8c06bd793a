// The list writer on real data: one listed_on edge per raw record, entities
// found through every alias, cross-script resolution, affiliates, ownership.
#include <map>
#include <string>
#include <utility>

#include <simdjson.h>

#include "tests/ingest/lists_test_util.h"
#include "tests/ingest/run_test_util.h"

namespace ecg::ingest {
namespace {

using run_test::Demo;
using run_test::IngestFixture;
using run_test::Shared;

class ListWriterTest : public IngestFixture {
 protected:
  void ExpectOneListingPerRecord(const std::string& path, size_t raw_count) {
    RunReport r = Ingest({path});
    ASSERT_EQ(r.rejected(), 0u) << r.ToText();
    EXPECT_EQ(ListedOnFrom(path).size() + r.Totals().quarantined, raw_count) << path;
  }
  bool Shares(const std::vector<VertexId>& a, const std::vector<VertexId>& b) {
    for (VertexId x : a) {
      for (VertexId y : b) {
        if (x == y) {
          return true;
        }
      }
    }
    return false;
  }
};

TEST_F(ListWriterTest, ChinaSanctionsCsvOneListingPerRow) {
  const std::string p = Shared("cn_sanctions_opensanctions/sanctions_2026-08-07.csv");
  ExpectOneListingPerRecord(p, lists_test::CountCsvRecords(testutil::ReadFile(p)) - 1);
}

TEST_F(ListWriterTest, CnJsonOneListingPerEntry) {
  const std::string p = Shared("cn_lists_xyna/cn.json");
  ExpectOneListingPerRecord(p, lists_test::JsonArraySize(testutil::ReadFile(p), ""));
}

TEST_F(ListWriterTest, EntityListOneListingPerEntry) {
  const std::string p = Shared("bis_entity_list_ecfr_nsfreg/bis_entity_list.json");
  const std::string bytes = testutil::ReadFile(p);
  // Rows named "Address 01", "Address 02", ... are addresses of the entry
  // before them, not entries.
  size_t address_rows = 0;
  for (size_t at = 0; (at = bytes.find("\"name\": \"Address ", at)) != std::string::npos; ++at) {
    ++address_rows;
  }
  ExpectOneListingPerRecord(p, lists_test::JsonArraySize(bytes, "entities") - address_rows);
}

TEST_F(ListWriterTest, MilcorpsCsvOneListingPerRow) {
  const std::string p = Shared("us_lists_opensanctions/dod_chinese_milcorps_1260h.csv");
  ExpectOneListingPerRecord(p, lists_test::CountCsvRecords(testutil::ReadFile(p)) - 1);
}

TEST_F(ListWriterTest, DemoScreeningListOneListingPerEntry) {
  const std::string p = Demo("screening-list.json");
  ExpectOneListingPerRecord(p, lists_test::JsonArraySize(testutil::ReadFile(p), "entries"));
}

TEST_F(ListWriterTest, CnJsonEntitiesAreFoundThroughEveryAlias) {
  const std::string p = Shared("cn_lists_xyna/cn.json");
  RunReport r = Ingest({p});
  ASSERT_EQ(r.rejected(), 0u);
  simdjson::dom::parser parser;
  simdjson::dom::array entries;
  ASSERT_EQ(parser.parse(testutil::ReadFile(p)).get(entries), simdjson::SUCCESS);
  size_t checked = 0;
  for (simdjson::dom::element e : entries) {
    std::string_view name;
    if (e["entity_name"].get(name) != simdjson::SUCCESS || name.empty()) {
      continue;
    }
    auto by_name = EntitiesNamed(std::string(name));
    ASSERT_FALSE(by_name.empty()) << name;
    simdjson::dom::array aliases;
    if (e["aliases"].get(aliases) != simdjson::SUCCESS) {
      continue;
    }
    for (simdjson::dom::element a : aliases) {
      std::string_view alias;
      if (a.get(alias) != simdjson::SUCCESS || alias.empty()) {
        continue;
      }
      EXPECT_TRUE(Shares(by_name, EntitiesNamed(std::string(alias)))) << name << " / " << alias;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST_F(ListWriterTest, HuaweiAndItsChineseNameResolveToOneEntity) {
  RunReport r = Ingest(
      {std::string(ECG_SOURCE_DIR) + "/ingest/data/aliases.csv", Demo("screening-list.json")});
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  auto en = EntitiesNamed("Huawei Technologies Co., Ltd.");
  auto zh = EntitiesNamed("华为技术有限公司");
  auto zh_trad = EntitiesNamed("華為技術有限公司");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(zh, en);
  EXPECT_EQ(zh_trad, en);
  // The entity is the one on the Entity List, and says why records joined.
  auto view = store_->NewReadView();
  size_t listings = 0;
  ASSERT_OK(view->ForEachEdge(en[0], store::Direction::kOut, EdgeType::kListedOn,
                              [&](const store::EdgeStatement&) {
                                ++listings;
                                return true;
                              }));
  EXPECT_GT(listings, 0u);
  std::vector<store::PropertyStatement> why;
  ASSERT_OK(view->GetProperties(en[0], prop::kResolution, &why));
  EXPECT_FALSE(why.empty());
}

TEST_F(ListWriterTest, HuaweiAffiliatesAreSeparateEntitiesLinkedToHuawei) {
  RunReport r = Ingest({Demo("screening-list.json")});
  ASSERT_EQ(r.rejected(), 0u);
  auto huawei = EntitiesNamed("Huawei Technologies Co., Ltd.");
  ASSERT_EQ(huawei.size(), 1u);
  auto view = store_->NewReadView();
  size_t affiliates = 0;
  ASSERT_OK(view->ForEachEdge(huawei[0], store::Direction::kIn, EdgeType::kAffiliatedWith,
                              [&](const store::EdgeStatement& e) {
                                EXPECT_NE(e.src, huawei[0]);
                                ++affiliates;
                                return true;
                              }));
  EXPECT_EQ(affiliates, 2u);
}

TEST_F(ListWriterTest, OwnershipFixtureYieldsOwnsEdges) {
  const std::string own = Demo("ownership.csv");
  RunReport r = Ingest({Demo("screening-list.json"), Demo("cn_lists.json"), own});
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  auto stats = store_->NewReadView()->ComputeStats();
  ASSERT_TRUE(stats.ok());
  uint64_t owns = 0;
  for (const auto& e : stats->edges) {
    if (e.type == EdgeType::kOwns) {
      owns = e.open + e.closed;
    }
  }
  EXPECT_EQ(owns + r.files[2].counts.quarantined,
            lists_test::CountCsvRecords(testutil::ReadFile(own)) - 1);
  EXPECT_GT(owns, 10u);
}

}  // namespace
// A CSL citation without a day: the eCFR extract dates pages 14035, 14048,
// 561 and 30000 of volume 90; the CSL cites 14046 (between two pages of one
// day), 560 (before any dated page, but the eCFR lists the same party on 1/6)
// and 20000 (between two days).
TEST_F(ListWriterTest, UndatedCitationsTakeTheDayThePaginationOrAnotherSourceGives) {
  const std::string ecfr = dir_.Sub("el.json");
  testutil::WriteFile(ecfr,
                      R"({"list_id": "bis-entity-list", "extracted": "2026-07-09", "entities": [
    {"name": "Alpha Optics Co., Ltd.", "country": "China", "federal_register": "90 FR 14035, 3/28/25"},
    {"name": "Beta Systems Co., Ltd.", "country": "China", "federal_register": "90 FR 14048, 3/28/25"},
    {"name": "Gamma Microwave Co., Ltd.", "country": "China", "federal_register": "90 FR 561, 1/6/25"},
    {"name": "Delta Radio Co., Ltd.", "country": "China", "federal_register": "90 FR 30000, 7/15/25"}]})");
  const std::string csl = dir_.Sub("csl.json");
  const std::string el = "Entity List (EL) - Bureau of Industry and Security";
  testutil::WriteFile(csl, R"({"sourceGeneratedAt": "2026-07-31T13:15:00+00:00", "fieldKey": {},
    "listAuthority": {")" + el +
                               R"(": {"code": "EL"}},
    "tables": {"sources": [")" +
                               el + R"("], "licenceRequirements": [], "licencePolicies": [],
               "programmes": [], "urls": []},
    "entries": [
      {"n": "Epsilon Labs Co., Ltd.", "s": 0, "c": ["CN"], "fr": "90 FR 14046"},
      {"n": "Gamma Microwave Co., Ltd.", "s": 0, "c": ["CN"], "fr": "90 FR 560"},
      {"n": "Zeta Tech Co., Ltd.", "s": 0, "c": ["CN"], "fr": "90 FR 20000"}]})");
  RunReport r = Ingest({ecfr, csl});
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  ASSERT_EQ(r.files.size(), 2u) << r.ToText();
  ASSERT_EQ(r.files[1].format, "csl-compact-json") << r.ToText();
  auto view = store_->NewReadView();
  std::map<std::string, std::pair<std::string, std::string>> by_name;  // from, precision
  for (const store::EdgeStatement& e : ListedOnFrom(csl)) {
    auto name = view->GetValue(e.src, prop::kName);
    ASSERT_TRUE(name.ok());
    const Value& p = e.Get(prop::kDatePrecision);
    by_name[name->as_string()] = {e.meta.valid.from.ToString(),
                                  p.type() == PropertyType::kString ? p.as_string() : ""};
  }
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(by_name["Epsilon Labs Co., Ltd."], P("2025-03-28", "day"));
  EXPECT_EQ(by_name["Gamma Microwave Co., Ltd."], P("2025-01-06", "day"));
  EXPECT_EQ(by_name["Zeta Tech Co., Ltd."], P("2025-03-28", "range"));
}

}  // namespace ecg::ingest
