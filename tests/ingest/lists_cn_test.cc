// China's lists (OpenSanctions CSV in two dated versions, cn.json) and format
// detection of every list file in ../shared/data.
#include <algorithm>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "ingest/lists/detect.h"
#include "ingest/lists/parsers.h"
#include "tests/ingest/lists_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

using lists_test::CountCsvRecords;
using lists_test::Find;
using lists_test::Has;
using lists_test::JsonArraySize;
using lists_test::Load;

std::map<std::string, size_t> CountByList(const ParsedList& parsed) {
  std::map<std::string, size_t> out;
  for (const ListRecord& r : parsed.records) {
    ++out[r.list_code];
  }
  return out;
}

TEST(CnSanctionsCsvTest, LoadsBothVersionsWithDayFirstDates) {
  const std::string v1 = Load("cn_sanctions_opensanctions/sanctions_2026-06-29.csv");
  const std::string v2 = Load("cn_sanctions_opensanctions/sanctions_2026-08-07.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList old_list, ParseCnSanctionsCsv(v1, "sanctions_2026-06-29.csv"));
  ASSERT_OK_AND_ASSIGN(ParsedList new_list, ParseCnSanctionsCsv(v2, "sanctions_2026-08-07.csv"));
  EXPECT_EQ(old_list.records.size(), CountCsvRecords(v1) - 1);
  EXPECT_EQ(new_list.records.size(), CountCsvRecords(v2) - 1);
  EXPECT_EQ(old_list.records.size(), 330u);
  EXPECT_EQ(new_list.records.size(), 610u);
  EXPECT_TRUE(old_list.quarantined.empty());
  EXPECT_TRUE(new_list.quarantined.empty());
  EXPECT_EQ(CountByList(old_list)["CN-UEL"], 24u);
  EXPECT_EQ(CountByList(new_list)["CN-UEL"], 66u);
  EXPECT_EQ(old_list.snapshot_date->ToString(), "2026-06-29");

  // "16.02.23" is 16 February 2023, day first.
  const ListRecord* taiclet = Find(old_list, "CN-UEL", "James Donald Taiclet");
  ASSERT_NE(taiclet, nullptr);
  EXPECT_EQ(taiclet->start_date->ToString(), "2023-02-16");
  EXPECT_TRUE(Has(taiclet->aliases, "詹姆斯·唐纳德·泰克里特"));
  EXPECT_EQ(taiclet->country, "US");
  EXPECT_EQ(taiclet->entity_type, "person");
  EXPECT_TRUE(Has(taiclet->identifiers, "Wikidata QID, Q110610881"));

  // Rows repeat per list with name variants; four-digit years; the new Address column.
  const ListRecord* skydio_uel = Find(new_list, "CN-UEL", "Skydio Inc.");
  ASSERT_NE(skydio_uel, nullptr);
  EXPECT_EQ(skydio_uel->start_date->ToString(), "2025-04-04");
  EXPECT_TRUE(Has(skydio_uel->aliases, "斯凯迪奥公司"));
  const ListRecord* skydio_ecl = Find(new_list, "CN-ECL", "Skydio, Inc.");
  ASSERT_NE(skydio_ecl, nullptr);
  EXPECT_EQ(skydio_ecl->start_date->ToString(), "2025-03-04");
  const ListRecord* ct = Find(new_list, "CN-CM", "Compliance Testing LLC");
  ASSERT_NE(ct, nullptr);
  EXPECT_EQ(ct->addresses,
            std::vector<std::string>{"1724 S Nevada Way, Mesa, Arizona, 85204, USA"});
  EXPECT_TRUE(Has(ct->aliases, "CT"));

  // Lines are right across mixed line endings: the last record is on the last line.
  EXPECT_EQ(new_list.records.back().line, 611u);
  EXPECT_EQ(v2.substr(new_list.records.back().offset, 8), "Company,");

  // Ids are stable across the two versions for rows that did not change.
  const ListRecord* ned_old = Find(old_list, "CN-CM", "National Endowment for Democracy");
  const ListRecord* ned_new = Find(new_list, "CN-CM", "National Endowment for Democracy");
  ASSERT_NE(ned_old, nullptr);
  ASSERT_NE(ned_new, nullptr);
  EXPECT_EQ(ned_old->record_id, ned_new->record_id);
}

TEST(CnSanctionsCsvTest, QuarantinesAnUnreadableDate) {
  const std::string csv =
      "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,"
      "End date,Source URL\n"
      "Company,,Good Co,,好公司,US,sanction.counter,,,Ministry of Commerce,UEL,16.02.23,,\n"
      "Company,,Bad Co,,坏公司,US,sanction.counter,,,Ministry of Commerce,UEL,2023/02/16,,\n";
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseCnSanctionsCsv(csv, "t.csv"));
  ASSERT_EQ(parsed.records.size(), 1u);
  ASSERT_EQ(parsed.quarantined.size(), 1u);
  EXPECT_EQ(parsed.quarantined[0].line, 3u);
}

TEST(CnJsonTest, LoadsChineseAliasesAndDerivesCountryFromChineseAddresses) {
  const std::string bytes = Load("cn_lists_xyna/cn.json");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseCnJson(bytes, "cn.json"));
  EXPECT_EQ(parsed.records.size(), JsonArraySize(bytes, ""));
  EXPECT_EQ(parsed.records.size(), 240u);
  auto by_list = CountByList(parsed);
  EXPECT_EQ(by_list["CN-UEL"], 61u);
  EXPECT_EQ(by_list["CN-ECL"], 139u);
  EXPECT_EQ(by_list["CN-WATCH"], 40u);
  EXPECT_EQ(parsed.snapshot_date->ToString(), "2026-07-19");

  const ListRecord* lockheed = Find(parsed, "CN-UEL", "Lockheed Martin Corporation");
  ASSERT_NE(lockheed, nullptr);
  EXPECT_EQ(lockheed->record_id, "cn-uel-20230216-1");
  EXPECT_EQ(lockheed->start_date->ToString(), "2023-02-16");
  EXPECT_EQ(lockheed->country, "");  // "cn" is the listing government, not the entity's
  EXPECT_TRUE(Has(lockheed->aliases, "参与对台湾地区军售的洛克希德·马丁公司"));

  const ListRecord* mitsubishi = Find(parsed, "CN-ECL", "Mitsubishi Electric Software Corporation");
  ASSERT_NE(mitsubishi, nullptr);
  EXPECT_TRUE(Has(mitsubishi->aliases, "三菱电机软件株式会社"));
  EXPECT_EQ(mitsubishi->country, "JP");  // from 日本东京都...
  EXPECT_EQ(bytes.substr(mitsubishi->offset, 1), "{");
}

TEST(CnJsonTest, RejectsATruncatedCopyWithItsOffset) {
  const std::string bytes = Load("cn_lists_xyna/cn.json");
  const std::string cut = bytes.substr(0, 50000);
  auto parsed = ParseCnJson(cut, "cn_cut.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("cn_cut.json:"), std::string::npos);
  EXPECT_NE(parsed.status().message().find("(byte "), std::string::npos)
      << parsed.status().ToString();
}

TEST(DetectListFormatTest, RecognisesEveryListFileByContent) {
  const std::map<std::string, std::string> expected = {
      {"csl_compact_seelpeed/screening-list.json", "csl-compact-json"},
      {"csl_raw_watchman/csl_2023-11_subset.csv", "csl-csv"},
      {"csl_raw_watchman/csl_2019-12_sample.csv", "csl-csv"},
      {"csl_raw_watchman/consolidated_2025-06_sample.csv", "csl-csv"},
      {"bis_entity_list_ecfr_nsfreg/bis_entity_list.json", "ecfr-list-json"},
      {"bis_entity_list_ecfr_nsfreg/bis_meu.json", "ecfr-list-json"},
      {"bis_entity_list_ecfr_nsfreg/dow_1260h.json", "ecfr-list-json"},
      {"bis_entity_list_ecfr_nsfreg/ofac_nscmic.json", "ecfr-list-json"},
      {"bis_entity_list_ecfr_nsfreg/lists.json", "list-metadata-json"},
      {"us_lists_opensanctions/dod_chinese_milcorps_1260h.csv", "os-1260h-csv"},
      {"us_lists_opensanctions/bis_mieu.csv", "os-mieu-csv"},
      {"us_lists_opensanctions/fcc_covered_list_table.csv", "fcc-covered-csv"},
      {"cn_sanctions_opensanctions/sanctions_2026-06-29.csv", "cn-sanctions-csv"},
      {"cn_sanctions_opensanctions/sanctions_2026-08-07.csv", "cn-sanctions-csv"},
      {"cn_lists_xyna/cn.json", "cn-json"},
  };
  for (const auto& [path, format] : expected) {
    const std::string bytes = Load(path);
    // The label is deliberately uninformative: detection must not use the path.
    ASSERT_OK_AND_ASSIGN(std::string got, DetectListFormat(bytes, "upload.bin"));
    EXPECT_EQ(got, format) << path;
    ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseListFile(bytes, got, path));
    EXPECT_EQ(parsed.format, format);
    EXPECT_TRUE(!parsed.records.empty() || !parsed.lists.empty()) << path;
  }
}

TEST(DetectListFormatTest, RejectsFilesThatAreNotLists) {
  for (const char* path : {"cn_lists_xyna/manifest.json", "ccl_ecfr_seelpeed/ccl.json",
                           "ccl_ecfr_seelpeed/country-groups.json",
                           "ccl_index_ita_2015/ECCN_Descriptions_2015_06_16.txt"}) {
    auto got = DetectListFormat(Load(path), path);
    EXPECT_FALSE(got.ok()) << path;
  }
  // Windows-1252 bytes are not UTF-8: rejected with the offset.
  auto cp1252 = DetectListFormat(Load("ccl_index_ita_2015/eccn.descs.2015.05.20.csv"), "e.csv");
  ASSERT_FALSE(cp1252.ok());
  EXPECT_NE(cp1252.status().message().find("invalid UTF-8"), std::string::npos);
  auto unknown = ParseListFile("a,b\n", "no-such-format", "x");
  EXPECT_FALSE(unknown.ok());
}

}  // namespace
}  // namespace ecg::ingest
