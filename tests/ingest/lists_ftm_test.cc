// FollowTheMoney imports (entities as JSON lines, statements CSV) and
// ownership files with registry column names and a column mapping: parsed,
// detected by content, written into a store, and rejected whole (naming the
// file and line) when malformed.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/lists/detect.h"
#include "ingest/lists/parsers.h"
#include "ingest/util/csv.h"
#include "tests/ingest/run_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

using run_test::IngestFixture;

std::string Fixture(const std::string& name) {
  return testutil::TestData("lists/" + name);
}

std::vector<std::string> ValuesOf(const FtmEntity& e, const std::string& prop) {
  std::vector<std::string> out;
  for (const auto& [p, v] : e.props) {
    if (p == prop) {
      out.push_back(v);
    }
  }
  return out;
}

TEST(FtmJsonTest, ParsesEntitiesInFileOrder) {
  const std::string bytes = testutil::ReadFile(Fixture("ftm_entities.ftm.json"));
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(bytes, "e.json"));
  EXPECT_EQ(format, "ftm-json");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseFtmJson(bytes, "e.json"));
  // One entity per non-blank line of the fixture, counted here by lines.
  size_t lines = 0;
  for (size_t pos = 0; pos < bytes.size(); pos = bytes.find('\n', pos) + 1) {
    lines += bytes[pos] == '{' ? 1 : 0;
    if (bytes.find('\n', pos) == std::string::npos) {
      break;
    }
  }
  ASSERT_EQ(parsed.ftm.size(), lines);
  EXPECT_EQ(parsed.ftm[0].schema, "Company");
  EXPECT_EQ(parsed.ftm[0].line, 1u);
  EXPECT_EQ(ValuesOf(parsed.ftm[0], "alias"),
            (std::vector<std::string>{"星河半导体设备有限公司", "Xinghe SemiEquip"}));
  EXPECT_EQ(parsed.ftm[2].id, "fx-co-xinghe-holdings");
  EXPECT_EQ(ValuesOf(parsed.ftm[2], "name"), std::vector<std::string>{"杭州星河控股有限公司"});
}

TEST(FtmJsonTest, RejectsABadLineNamingFileAndLine) {
  const std::string good = testutil::ReadFile(Fixture("ftm_entities.ftm.json"));
  const std::string first = good.substr(0, good.find('\n') + 1);
  struct Case {
    std::string second_line;
    std::string expect;
  };
  const std::vector<Case> cases = {
      {"{\"id\": \"x\", \"schema\": \"Company\", \"properties\": {\"name\": [\"A\"]",
       "invalid JSON"},
      {"[1, 2]", "not a JSON object"},
      {"{\"schema\": \"Company\", \"properties\": {}}", "no \"id\""},
      {"{\"id\": \"x\", \"properties\": {}}", "no \"schema\""},
      {"{\"id\": \"x\", \"schema\": \"Company\", \"properties\": {\"name\": \"A\"}}",
       "\"name\" is not an array"},
  };
  for (const Case& c : cases) {
    auto parsed = ParseFtmJson(first + c.second_line + "\n", "bad.ftm.json");
    ASSERT_FALSE(parsed.ok()) << c.second_line;
    const std::string& m = parsed.status().message();
    EXPECT_EQ(m.rfind("bad.ftm.json:2 ", 0), 0u) << m;
    EXPECT_NE(m.find(c.expect), std::string::npos) << m;
    EXPECT_NE(m.find("expected a FollowTheMoney entity"), std::string::npos) << m;
  }
}

TEST(FtmStatementsTest, GroupsStatementsByCanonicalId) {
  const std::string bytes = testutil::ReadFile(Fixture("ftm_statements.csv"));
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(bytes, "s.csv"));
  EXPECT_EQ(format, "ftm-statements");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseFtmStatements(bytes, "s.csv"));
  // The distinct canonical ids of the fixture, counted from its rows here.
  const std::vector<std::vector<std::string>> rows = testutil::ReadCsv(bytes);
  std::set<std::string> ids;
  for (size_t i = 1; i < rows.size(); ++i) {
    ids.insert(rows[i][2]);
  }
  ASSERT_EQ(parsed.ftm.size(), ids.size());
  const FtmEntity& kunlun = parsed.ftm[0];
  EXPECT_EQ(kunlun.id, "fx-co-kunlun-optics");
  // The LegalEntity row of another entity_id merged into the Company.
  EXPECT_EQ(kunlun.schema, "Company");
  EXPECT_EQ(ValuesOf(kunlun, "country"), std::vector<std::string>{"cn"});
  EXPECT_EQ(ValuesOf(kunlun, "alias"), std::vector<std::string>{"昆仑精密光学有限公司"});
  EXPECT_TRUE(ValuesOf(kunlun, "id").empty());
}

TEST(FtmStatementsTest, RejectsAHeaderWithoutStatementColumns) {
  auto parsed = ParseFtmStatements("entity_id,prop,value\na,name,A\n", "s.csv");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("s.csv:1 "), std::string::npos);
  EXPECT_NE(parsed.status().message().find("`schema` is missing"), std::string::npos);
  auto empty_id = ParseFtmStatements("entity_id,prop,schema,value\n,name,Company,A\n", "s.csv");
  ASSERT_FALSE(empty_id.ok());
  EXPECT_NE(empty_id.status().message().find("s.csv:2 "), std::string::npos);
}

TEST(OwnershipColumnsTest, ReadsRegistryColumnNames) {
  const std::string bytes = testutil::ReadFile(Fixture("ownership_registry.csv"));
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(bytes, "r.csv"));
  EXPECT_EQ(format, "ownership-csv");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseOwnershipCsv(bytes, "r.csv"));
  ASSERT_EQ(parsed.ownership.size(), 2u);
  EXPECT_EQ(parsed.ownership[0].owner.name, "Hangzhou Xinghe Holdings Co. Ltd.");
  EXPECT_EQ(parsed.ownership[0].owner.country, "CN");
  EXPECT_EQ(parsed.ownership[0].owned.name, "星河半导体设备有限公司");
  EXPECT_EQ(parsed.ownership[0].owned.country, "CN");  // "China" in the file
  EXPECT_EQ(parsed.ownership[0].pct, 60);
  EXPECT_EQ(parsed.ownership[0].valid_from->ToString(), "2021-03-01");
  EXPECT_EQ(parsed.ownership[0].source, "fixture: registry extract");
  EXPECT_EQ(parsed.ownership[1].pct, 75);
  EXPECT_EQ(parsed.ownership[1].owned.country, "HK");
  ASSERT_EQ(parsed.quarantined.size(), 1u);
  EXPECT_EQ(parsed.quarantined[0].line, 4u);
}

TEST(OwnershipColumnsTest, UnknownColumnsAreRejectedUntilMapped) {
  const std::string bytes = testutil::ReadFile(Fixture("ownership_custom.csv"));
  EXPECT_FALSE(DetectListFormat(bytes, "c.csv").ok());
  auto plain = ParseOwnershipCsv(bytes, "c.csv");
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.status().message().find("c.csv:1 "), std::string::npos);
  EXPECT_NE(plain.status().message().find("--columns"), std::string::npos);
  ASSERT_OK_AND_ASSIGN(
      auto renames, util::ParseColumnRenames("owner=parent_company,owned=company_name,pct=stake"));
  const std::string renamed = util::RenameCsvHeader(bytes, renames);
  EXPECT_EQ(renamed.substr(renamed.find('\n')), bytes.substr(bytes.find('\n')));
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(renamed, "c.csv"));
  EXPECT_EQ(format, "ownership-csv");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseOwnershipCsv(renamed, "c.csv"));
  ASSERT_EQ(parsed.ownership.size(), 1u);
  EXPECT_EQ(parsed.ownership[0].owned.name, "Lianhua Holdings (Shenzhen) Co., Ltd.");
  EXPECT_EQ(parsed.ownership[0].pct, 100);
}

TEST(OwnershipColumnsTest, RejectsMalformedMappings) {
  for (const char* bad : {"pct", "=percentage", "pct=", "pct=a,pct=b"}) {
    EXPECT_FALSE(util::ParseColumnRenames(bad).ok()) << bad;
  }
}

class FtmIngestTest : public IngestFixture {
 protected:
  std::string NameOf(VertexId id) {
    auto v = store_->NewReadView()->GetValue(id, prop::kName);
    return v.ok() ? v->ToString() : "";
  }
  // The out-edges of `id` of `type`.
  std::vector<store::EdgeStatement> Out(VertexId id, EdgeType type) {
    std::vector<store::EdgeStatement> out;
    EXPECT_OK(store_->NewReadView()->ForEachEdge(id, store::Direction::kOut, type,
                                                 [&](const store::EdgeStatement& e) {
                                                   out.push_back(e);
                                                   return true;
                                                 }));
    return out;
  }
};

TEST_F(FtmIngestTest, WritesPartiesListingsAndRelations) {
  RunReport report = Ingest({Fixture("ftm_entities.ftm.json"), Fixture("ftm_statements.csv")});
  ASSERT_EQ(report.files.size(), 2u);
  for (const FileReport& f : report.files) {
    EXPECT_EQ(f.status, FileReport::Status::kLoaded) << f.error;
  }
  const FileReport& json = report.files[0];
  EXPECT_EQ(json.format, "ftm-json");
  EXPECT_EQ(json.counts.entities_new, 3u);
  // The Address entity and the Ownership whose owner is not in the file.
  ASSERT_EQ(json.quarantine.size(), 2u);
  EXPECT_EQ(json.quarantine[0].line, 8u);
  EXPECT_NE(json.quarantine[0].reason.find("Address"), std::string::npos);
  EXPECT_EQ(json.quarantine[1].line, 9u);
  EXPECT_NE(json.quarantine[1].reason.find("fx-not-in-file"), std::string::npos);

  // The company, found by its Chinese alias.
  std::vector<VertexId> xinghe = EntitiesNamed("星河半导体设备有限公司");
  ASSERT_EQ(xinghe.size(), 1u);
  EXPECT_EQ(NameOf(xinghe[0]), "Xinghe Semiconductor Equipment Co., Ltd.");
  auto listed = Out(xinghe[0], EdgeType::kListedOn);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].discriminator, "FX-EL-0001");
  EXPECT_EQ(listed[0].meta.valid.from.ToString(), "2024-12-05");
  EXPECT_TRUE(listed[0].meta.valid.is_open());
  EXPECT_EQ(listed[0].Get(prop::kCitation).ToString(), "89 FR 96830");
  // Both FtM files list on FX-EL: one list vertex.
  auto view = store_->NewReadView();
  ASSERT_OK_AND_ASSIGN(VertexId el, view->FindByKey(VertexKind::kList, "FX-EL"));
  ASSERT_TRUE(el.valid());
  EXPECT_EQ(listed[0].dst, el);
  // The holding company owns 60% from the month the stake began.
  std::vector<VertexId> holdings = EntitiesNamed("Hangzhou Xinghe Holdings Co., Ltd.");
  ASSERT_EQ(holdings.size(), 1u);
  auto owns = Out(holdings[0], EdgeType::kOwns);
  ASSERT_EQ(owns.size(), 1u);
  EXPECT_EQ(owns[0].dst, xinghe[0]);
  EXPECT_EQ(owns[0].Get(prop::kPct).as_double(), 60);
  EXPECT_EQ(owns[0].meta.valid.from.ToString(), "2021-03-01");
  // The person's listing has ended; the link is an affiliation.
  std::vector<VertexId> zhang = EntitiesNamed("Zhang Mingyuan");
  ASSERT_EQ(zhang.size(), 1u);
  EXPECT_EQ(NameOf(zhang[0]), "张明远");
  auto cm = Out(zhang[0], EdgeType::kListedOn);
  ASSERT_EQ(cm.size(), 1u);
  EXPECT_EQ(cm[0].meta.valid.to.ToString(), "2026-02-10");
  EXPECT_EQ(Out(zhang[0], EdgeType::kAffiliatedWith).size(), 1u);

  // The statements file: Kunlun owns 75% of its Hong Kong company.
  std::vector<VertexId> kunlun = EntitiesNamed("昆仑精密光学有限公司");
  ASSERT_EQ(kunlun.size(), 1u);
  auto stake = Out(kunlun[0], EdgeType::kOwns);
  ASSERT_EQ(stake.size(), 1u);
  EXPECT_EQ(NameOf(stake[0].dst), "Kunlun Optics (Hong Kong) Limited");
  EXPECT_EQ(stake[0].Get(prop::kPct).as_double(), 75);
}

TEST_F(FtmIngestTest, ARejectedFileWritesNothing) {
  const std::string good = testutil::ReadFile(Fixture("ftm_entities.ftm.json"));
  const std::string path = dir_.Sub("cut.ftm.json");
  // Cut inside the fourth line: three good entities, then a broken one.
  size_t cut = 0;
  for (int i = 0; i < 3; ++i) {
    cut = good.find('\n', cut) + 1;
  }
  testutil::WriteFile(path, good.substr(0, cut + 40));
  RunReport report = Ingest({path});
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].status, FileReport::Status::kRejected);
  EXPECT_NE(report.files[0].error.find("cut.ftm.json:4 "), std::string::npos)
      << report.files[0].error;
  EXPECT_TRUE(EntitiesNamed("星河半导体设备有限公司").empty());
}

TEST_F(FtmIngestTest, ColumnMappingReachesTheIngestRun) {
  IngestOptions options;
  options.run_date = Date::FromYmd(2026, 9, 1);
  ASSERT_OK_AND_ASSIGN(options.columns, util::ParseColumnRenames(
                                            "owner=parent_company,owned=company_name,pct=stake"));
  RunReport report;
  ASSERT_OK(ingester_->IngestFiles({Fixture("ownership_custom.csv")}, options, &report));
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].status, FileReport::Status::kLoaded) << report.files[0].error;
  EXPECT_EQ(report.files[0].format, "ownership-csv");
  std::vector<VertexId> owner = EntitiesNamed("Huawei Technologies Co., Ltd.");
  ASSERT_EQ(owner.size(), 1u);
  EXPECT_EQ(Out(owner[0], EdgeType::kOwns).size(), 1u);
}

TEST_F(FtmIngestTest, WithoutTheMappingTheFileIsRejected) {
  RunReport report = Ingest({Fixture("ownership_custom.csv")});
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].status, FileReport::Status::kRejected);
  EXPECT_TRUE(EntitiesNamed("Huawei Technologies Co., Ltd.").empty());
}

}  // namespace
}  // namespace ecg::ingest
