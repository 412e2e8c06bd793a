// Ownership files (CSV and JSON lines) and the demo list fixtures in demo/lists.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "ingest/lists/detect.h"
#include "ingest/lists/parsers.h"
#include "tests/ingest/lists_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

using lists_test::Find;
using lists_test::Has;
using lists_test::LoadDemo;

TEST(OwnershipPartyTest, TellsIdsFromNamesWithCountries) {
  OwnershipParty id = ParseOwnershipParty("id:42");
  EXPECT_EQ(id.id, "id:42");
  EXPECT_TRUE(id.name.empty());
  OwnershipParty rec = ParseOwnershipParty("cn-uel-20250404-1");
  EXPECT_EQ(rec.id, "cn-uel-20250404-1");
  OwnershipParty named = ParseOwnershipParty("Huawei Technologies Co., Ltd.|CN");
  EXPECT_EQ(named.name, "Huawei Technologies Co., Ltd.");
  EXPECT_EQ(named.country, "CN");
  OwnershipParty zh = ParseOwnershipParty("华为技术有限公司|中国");
  EXPECT_EQ(zh.name, "华为技术有限公司");
  EXPECT_EQ(zh.country, "CN");
  OwnershipParty hyphen = ParseOwnershipParty("S-SEA");  // a name: no digit
  EXPECT_EQ(hyphen.name, "S-SEA");
  EXPECT_TRUE(hyphen.id.empty());
}

TEST(OwnershipCsvTest, ParsesStakesAndQuarantinesBadRows) {
  const std::string bytes = testutil::ReadFile(testutil::TestData("lists/ownership_small.csv"));
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(bytes, "o.csv"));
  EXPECT_EQ(format, "ownership-csv");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseOwnershipCsv(bytes, "o.csv"));
  ASSERT_EQ(parsed.ownership.size(), 3u);
  EXPECT_EQ(parsed.ownership[0].owner.name, "Huawei Technologies Co., Ltd.");
  EXPECT_EQ(parsed.ownership[0].pct, 100);
  EXPECT_EQ(parsed.ownership[0].valid_from->ToString(), "2020-03-01");
  EXPECT_FALSE(parsed.ownership[0].valid_to.has_value());
  EXPECT_EQ(parsed.ownership[1].owner.id, "id:3");
  EXPECT_EQ(parsed.ownership[1].owned.country, "");
  EXPECT_EQ(parsed.ownership[1].pct, 12.5);
  EXPECT_EQ(parsed.ownership[2].owned.country, "HK");
  EXPECT_EQ(parsed.ownership[2].valid_to->ToString(), "2025-01-01");
  ASSERT_EQ(parsed.quarantined.size(), 2u);
  EXPECT_EQ(parsed.quarantined[0].line, 5u);
  EXPECT_EQ(parsed.quarantined[1].line, 6u);
  EXPECT_NE(parsed.quarantined[1].reason.find("pct"), std::string::npos);
}

TEST(OwnershipCsvTest, RejectsAWrongHeader) {
  auto parsed = ParseOwnershipCsv("parent,child,share\na,b,10\n", "bad.csv");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("bad.csv:1 "), std::string::npos);
}

TEST(OwnershipJsonlTest, ParsesLinesAndQuarantinesBadOnes) {
  const std::string bytes = testutil::ReadFile(testutil::TestData("lists/ownership.jsonl"));
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(bytes, "o.jsonl"));
  EXPECT_EQ(format, "ownership-jsonl");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseOwnershipJsonl(bytes, "o.jsonl"));
  ASSERT_EQ(parsed.ownership.size(), 3u);
  EXPECT_EQ(parsed.ownership[0].owner.id, "id:17");
  EXPECT_EQ(parsed.ownership[0].owned.name, "华为技术有限公司");
  EXPECT_EQ(parsed.ownership[1].pct, 51);
  EXPECT_EQ(parsed.ownership[2].owner.id, "cn-uel-20230216-1");
  EXPECT_EQ(parsed.ownership[2].owned.country, "US");
  EXPECT_EQ(parsed.ownership[2].line, 4u);  // a blank line before it
  ASSERT_EQ(parsed.quarantined.size(), 7u);
  EXPECT_EQ(parsed.quarantined.front().line, 5u);
  EXPECT_EQ(parsed.quarantined.back().line, 11u);
}

TEST(DemoListsTest, ScreeningListHoldsHuaweiAndSmic) {
  const std::string bytes = LoadDemo("screening-list.json");
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(bytes, "screening-list.json"));
  EXPECT_EQ(format, "csl-compact-json");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseListFile(bytes, format, "screening-list.json"));
  EXPECT_EQ(parsed.records.size(), 14u);
  EXPECT_EQ(parsed.records.size(), lists_test::JsonArraySize(bytes, "entries"));
  EXPECT_TRUE(parsed.quarantined.empty());
  const ListRecord* huawei = Find(parsed, "EL", "Huawei Technologies Co., Ltd. (Huawei)");
  ASSERT_NE(huawei, nullptr);
  EXPECT_EQ(huawei->fr_citations.front(), "84 FR 22963");
  const ListRecord* smic =
      Find(parsed, "EL", "Semiconductor Manufacturing International Corporation (SMIC)");
  ASSERT_NE(smic, nullptr);
  EXPECT_TRUE(Has(smic->aliases, "SMIC"));
  EXPECT_EQ(smic->fr_citations, (std::vector<std::string>{"85 FR 83420", "89 FR 96837"}));
  const ListRecord* fictional = Find(parsed, "EL", "Lianhua Microsystems (Shenzhen) Co., Ltd.");
  ASSERT_NE(fictional, nullptr);
  EXPECT_NE(fictional->source_url.find("example.invalid"), std::string::npos);
}

TEST(DemoListsTest, ChineseListHoldsChineseNames) {
  const std::string bytes = LoadDemo("cn_lists.json");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, DetectAndParseListFile(bytes, "cn_lists.json"));
  EXPECT_EQ(parsed.format, "cn-json");
  EXPECT_EQ(parsed.records.size(), 5u);
  const ListRecord* skydio = Find(parsed, "CN-UEL", "Skydio, Inc.");
  ASSERT_NE(skydio, nullptr);
  EXPECT_TRUE(Has(skydio->aliases, "斯凯迪奥公司"));
  const ListRecord* mitsubishi = Find(parsed, "CN-ECL", "Mitsubishi Electric Software Corporation");
  ASSERT_NE(mitsubishi, nullptr);
  EXPECT_EQ(mitsubishi->country, "JP");
}

TEST(DemoListsTest, OwnershipTreeAddsUpToFiftyPercentOnlyInTheAggregate) {
  const std::string bytes = LoadDemo("ownership.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, DetectAndParseListFile(bytes, "ownership.csv"));
  EXPECT_EQ(parsed.format, "ownership-csv");
  EXPECT_TRUE(parsed.quarantined.empty());
  EXPECT_EQ(parsed.ownership.size(), 14u);
  // Owners of Kunlun Edge Computing (Hangzhou) that are on the demo Entity List.
  const std::map<std::string, bool> listed = {
      {"Huawei Technologies Co., Ltd.", true},
      {"Lianhua Microsystems (Shenzhen) Co., Ltd.", true},
      {"Semiconductor Manufacturing International Corporation", true}};
  double listed_total = 0;
  double total = 0;
  for (const OwnershipRecord& o : parsed.ownership) {
    if (o.owned.name != "Kunlun Edge Computing (Hangzhou) Co., Ltd.") {
      continue;
    }
    total += o.pct;
    if (listed.count(o.owner.name) != 0) {
      EXPECT_LT(o.pct, 50) << o.owner.name;  // each a minority
      listed_total += o.pct;
    }
  }
  EXPECT_EQ(total, 100);
  EXPECT_EQ(listed_total, 50);
  // The tree is four levels deep: Holding -> Huawei -> Lianhua Holdings -> Lianhua Micro -> Kunlun.
  std::map<std::string, std::string> parent_of;
  for (const OwnershipRecord& o : parsed.ownership) {
    if (o.pct > 50) {
      parent_of[o.owned.name] = o.owner.name;
    }
  }
  int depth = 0;
  for (std::string n = "Lianhua Microsystems (Shenzhen) Co., Ltd."; parent_of.count(n) != 0;
       n = parent_of[n]) {
    ++depth;
  }
  EXPECT_EQ(depth, 3);
}

}  // namespace
}  // namespace ecg::ingest
