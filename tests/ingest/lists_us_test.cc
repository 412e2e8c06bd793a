// The US list parsers on the real files in ../shared/data. Every expected count
// is computed here through an independent path (simdjson's DOM on the raw JSON,
// a quote-aware byte scan of the CSV) rather than copied from the parser.
#include <algorithm>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <simdjson.h>

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

TEST(CslCompactJsonTest, LoadsEveryEntryWithLookupsResolved) {
  const std::string bytes = Load("csl_compact_seelpeed/screening-list.json");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseCslCompactJson(bytes, "screening-list.json"));
  // Entries named "Address 01", "Address 02", ... continue the entry before
  // them (the Entity List's continuation rows).
  size_t address_rows = 0;
  for (size_t at = 0; (at = bytes.find("{\"n\":\"Address ", at)) != std::string::npos; ++at) {
    ++address_rows;
  }
  EXPECT_EQ(address_rows, 19u);
  EXPECT_EQ(parsed.records.size(), JsonArraySize(bytes, "entries") - address_rows);
  EXPECT_TRUE(parsed.quarantined.empty());
  EXPECT_EQ(parsed.snapshot_date->ToString(), "2026-07-31");
  std::map<std::string, size_t> by_list;
  for (const ListRecord& r : parsed.records) {
    ++by_list[r.list_code];
  }
  EXPECT_EQ(by_list["EL"], 3420u - address_rows);
  EXPECT_EQ(by_list["SDN"], 19181u);
  EXPECT_EQ(by_list["MEU"], 70u);

  const ListRecord* huawei = Find(parsed, "EL", "Huawei Technologies Co., Ltd. (Huawei)");
  ASSERT_NE(huawei, nullptr);
  EXPECT_TRUE(Has(huawei->aliases, "Shenzhen Huawei Technologies"));
  EXPECT_EQ(huawei->country, "CN");
  ASSERT_GE(huawei->fr_citations.size(), 10u);
  EXPECT_EQ(huawei->fr_citations.front(), "84 FR 22963");
  EXPECT_TRUE(Has(huawei->fr_citations, "85 FR 51603"));  // after a double space
  EXPECT_EQ(huawei->license_policy, "Presumption of denial");
  EXPECT_EQ(huawei->source_url, "https://www.bis.gov/regulations/ear/744#supplement-4-744");

  const ListRecord* smic =
      Find(parsed, "CMIC", "Semiconductor Manufacturing International Corporation");
  ASSERT_NE(smic, nullptr);
  EXPECT_TRUE(Has(smic->aliases, "SMIC"));
  EXPECT_EQ(smic->record_id, "30951");
  EXPECT_EQ(smic->entity_type, "company");
  EXPECT_EQ(smic->programs, std::vector<std::string>{"CMIC-EO13959"});

  // Record ids are unique per list.
  std::map<std::string, int> ids;
  for (const ListRecord& r : parsed.records) {
    EXPECT_EQ(++ids[r.list_code + "/" + r.record_id], 1) << r.record_id;
  }
  // List descriptions come from listAuthority.
  EXPECT_EQ(parsed.lists.size(), 12u);
}

TEST(CslCompactJsonTest, RejectsATruncatedCopyWithItsOffset) {
  const std::string bytes = Load("csl_compact_seelpeed/screening-list.json");
  const std::string cut = bytes.substr(0, bytes.size() / 2);
  auto parsed = ParseCslCompactJson(cut, "cut.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("cut.json:"), std::string::npos);
  EXPECT_NE(parsed.status().message().find("(byte "), std::string::npos);
  EXPECT_NE(parsed.status().message().find("truncated"), std::string::npos)
      << parsed.status().ToString();
  // Detection still works on the cut file, so that the parser names the offset.
  ASSERT_OK_AND_ASSIGN(std::string format, DetectListFormat(cut, "cut.json"));
  EXPECT_EQ(format, "csl-compact-json");
}

TEST(CslCsvTest, Loads2023SubsetSkippingTheRepeatedHeaderAndQuarantiningTheCutRecord) {
  const std::string bytes = Load("csl_raw_watchman/csl_2023-11_subset.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseCslCsv(bytes, "csl_2023-11_subset.csv"));
  // All CSV records, less the header and its repetition.
  EXPECT_EQ(parsed.records.size() + parsed.quarantined.size(), CountCsvRecords(bytes) - 2);
  ASSERT_EQ(parsed.quarantined.size(), 1u);
  EXPECT_EQ(parsed.quarantined[0].line, 4233u);  // the last line, cut inside a quoted field
  std::map<std::string, size_t> by_list;
  for (const ListRecord& r : parsed.records) {
    ++by_list[r.list_code];
  }
  EXPECT_EQ(by_list["EL"], 919u);
  EXPECT_EQ(by_list["MEU"], 71u);
  EXPECT_EQ(by_list["SDN"], 1737u);  // 1,738 less the cut-off last record

  const ListRecord* telecom = Find(parsed, "CMIC", "China Telecom Corporation Limited");
  ASSERT_NE(telecom, nullptr);
  EXPECT_EQ(telecom->record_id, "30882");
  EXPECT_EQ(telecom->country, "CN");
  EXPECT_TRUE(Has(telecom->aliases, "CHINA TELECOM CO., LTD"));
  EXPECT_TRUE(
      Has(telecom->identifiers, "Unified Social Credit Code (USCC), 9111000071093019X7, CN"));
  // Embedded newlines trimmed; C1 U+0092 repaired.
  EXPECT_NE(Find(parsed, "MEU", "Government Flying Service"), nullptr);
  EXPECT_NE(Find(parsed, "MEU", "CAST Xi\u2019an Spaceflight Engine Factory"), nullptr);
  const ListRecord* gfs = Find(parsed, "MEU", "Government Flying Service");
  ASSERT_NE(gfs, nullptr);
  EXPECT_EQ(gfs->line, 886u);
}

TEST(CslCsvTest, LoadsThe28Column2019SampleAndThe2025Sample) {
  const std::string old_bytes = Load("csl_raw_watchman/csl_2019-12_sample.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList old_list, ParseCslCsv(old_bytes, "csl_2019-12_sample.csv"));
  EXPECT_EQ(old_list.records.size(), CountCsvRecords(old_bytes) - 1);
  EXPECT_EQ(old_list.records.size(), 115u);
  const std::string new_bytes = Load("csl_raw_watchman/consolidated_2025-06_sample.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList new_list, ParseCslCsv(new_bytes, "consolidated.csv"));
  EXPECT_EQ(new_list.records.size(), CountCsvRecords(new_bytes) - 1);
  EXPECT_EQ(new_list.records.size(), 13u);
}

TEST(CslCsvTest, RejectsARecordWithWrongColumnsNamingItsLine) {
  std::string bytes = Load("csl_raw_watchman/consolidated_2025-06_sample.csv");
  // The file ends without a newline; append a record with three columns.
  const size_t bad_line = std::count(bytes.begin(), bytes.end(), '\n') + 2;
  bytes += "\nx,Entity List (EL) - Bureau of Industry and Security,Bad Co\n";
  auto parsed = ParseCslCsv(bytes, "bad.csv");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("bad.csv:" + std::to_string(bad_line) + " "),
            std::string::npos)
      << parsed.status().ToString();
  auto header = ParseCslCsv("name,country\nHuawei,CN\n", "other.csv");
  ASSERT_FALSE(header.ok());
  EXPECT_NE(header.status().message().find("other.csv:1 "), std::string::npos);
}

TEST(EcfrListJsonTest, LoadsTheEntityListWithCountriesAndCitations) {
  const std::string bytes = Load("bis_entity_list_ecfr_nsfreg/bis_entity_list.json");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseEcfrListJson(bytes, "bis_entity_list.json"));
  // Rows named "Address 01", "Address 02", ... continue the entry before them.
  size_t address_rows = 0;
  for (size_t at = 0; (at = bytes.find("\"name\": \"Address ", at)) != std::string::npos; ++at) {
    ++address_rows;
  }
  EXPECT_EQ(address_rows, 19u);
  EXPECT_EQ(parsed.records.size(), JsonArraySize(bytes, "entities") - address_rows);
  EXPECT_EQ(parsed.snapshot_date->ToString(), "2026-07-09");
  const ListRecord* action = Find(parsed, "EL", "Action Global");
  ASSERT_NE(action, nullptr);
  EXPECT_GE(action->addresses.size(), 19u);
  EXPECT_EQ(Find(parsed, "EL", "Address 11"), nullptr);
  // An a.k.a. left inside the name is an alias; a Hong Kong address of the
  // China section is a further country.
  const ListRecord* gazprom = Find(parsed, "EL", "Gazprom Neft");
  ASSERT_NE(gazprom, nullptr);
  EXPECT_NE(std::find(gazprom->aliases.begin(), gazprom->aliases.end(), "Gazprom Neft OAO"),
            gazprom->aliases.end());
  EXPECT_NE(Find(parsed, "EL", "Sabanican Company"), nullptr);
  const ListRecord* arrow = Find(parsed, "EL", "Arrow Electronics (Hong Kong) Co., Ltd.");
  ASSERT_NE(arrow, nullptr);
  EXPECT_EQ(arrow->country, "CN");
  EXPECT_EQ(arrow->other_countries, (std::vector<std::string>{"HK"}));
  // One party under two country sections that refer the reader to each
  // other keeps one record id.
  std::vector<const ListRecord*> ghoura;
  for (const ListRecord& r : parsed.records) {
    if (r.name == "Abdul Satar Ghoura") {
      ghoura.push_back(&r);
    }
  }
  ASSERT_EQ(ghoura.size(), 2u);
  EXPECT_EQ(ghoura[1]->record_id, ghoura[0]->record_id + "~2");
  // Without such a reference, one name in two sections stays two records.
  std::vector<const ListRecord*> gulf;
  for (const ListRecord& r : parsed.records) {
    if (r.name == "Gulf Gate Sea Cargo LLC") {
      gulf.push_back(&r);
    }
  }
  ASSERT_EQ(gulf.size(), 2u);
  EXPECT_EQ(gulf[1]->record_id.find(gulf[0]->record_id), std::string::npos);
  size_t china = 0;
  for (const ListRecord& r : parsed.records) {
    EXPECT_EQ(r.list_code, "EL");
    EXPECT_EQ(r.country.size(), 2u) << "no ISO code for the country of " << r.name;
    china += r.country == "CN" ? 1 : 0;
  }
  EXPECT_GT(china, 1000u);
  std::map<std::string, int> ids;
  for (const ListRecord& r : parsed.records) {
    EXPECT_EQ(++ids[r.record_id], 1) << r.record_id;
  }
  const ListRecord* chengdu = Find(parsed, "EL", "Chengdu Huawei Technologies Co., Ltd.");
  ASSERT_NE(chengdu, nullptr);
  ASSERT_EQ(chengdu->fr_citations.size(), 1u);
  EXPECT_EQ(chengdu->fr_citations[0], "84 FR 22963");
  EXPECT_EQ(chengdu->citation_dates[0]->ToString(), "2019-05-21");
  EXPECT_EQ(chengdu->start_date->ToString(), "2019-05-21");
  EXPECT_NE(chengdu->license_requirement.find("For all items subject to the EAR"),
            std::string::npos);
  EXPECT_GT(chengdu->line, 1u);
  EXPECT_EQ(bytes.substr(chengdu->offset, 1), "{");
}

TEST(EcfrListJsonTest, LoadsMeu1260hAndNscmic) {
  struct Case {
    const char* file;
    const char* code;
    size_t count;
  };
  for (const Case& c : {Case{"bis_meu.json", "MEU", 70}, Case{"dow_1260h.json", "1260H", 80},
                        Case{"ofac_nscmic.json", "CMIC", 68}}) {
    const std::string bytes = Load(std::string("bis_entity_list_ecfr_nsfreg/") + c.file);
    ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseEcfrListJson(bytes, c.file));
    EXPECT_EQ(parsed.records.size(), JsonArraySize(bytes, "entities")) << c.file;
    EXPECT_EQ(parsed.records.size(), c.count) << c.file;
    EXPECT_EQ(parsed.records.front().list_code, c.code);
  }
  const std::string bytes = Load("bis_entity_list_ecfr_nsfreg/ofac_nscmic.json");
  ASSERT_OK_AND_ASSIGN(ParsedList nscmic, ParseEcfrListJson(bytes, "ofac_nscmic.json"));
  const ListRecord* huawei = Find(nscmic, "CMIC", "Huawei Technologies Co., Ltd.");
  ASSERT_NE(huawei, nullptr);
  EXPECT_TRUE(Has(huawei->identifiers, "USCC, 914403001922038216 (China)"));
  EXPECT_TRUE(Has(huawei->programs, "CMIC-EO13959"));
  const std::string h1260 = Load("bis_entity_list_ecfr_nsfreg/dow_1260h.json");
  ASSERT_OK_AND_ASSIGN(ParsedList dow, ParseEcfrListJson(h1260, "dow_1260h.json"));
  EXPECT_EQ(dow.records.front().fr_citations, std::vector<std::string>{"91 FR 35189"});
  EXPECT_EQ(dow.records.front().citation_dates[0]->ToString(), "2026-06-10");
}

TEST(ListMetadataJsonTest, DescribesThirteenLists) {
  const std::string bytes = Load("bis_entity_list_ecfr_nsfreg/lists.json");
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseListMetadataJson(bytes, "lists.json"));
  EXPECT_EQ(parsed.lists.size(), JsonArraySize(bytes, "lists"));
  EXPECT_EQ(parsed.lists.size(), 13u);
  EXPECT_TRUE(parsed.records.empty());
  const auto it = std::find_if(parsed.lists.begin(), parsed.lists.end(),
                               [](const ListDescription& d) { return d.list_code == "1260H"; });
  ASSERT_NE(it, parsed.lists.end());
  EXPECT_EQ(it->snapshot_date->ToString(), "2026-06-10");
  EXPECT_FALSE(it->url.empty());
  EXPECT_FALSE(it->authority.empty());
}

TEST(OpenSanctionsUsCsvTest, Loads1260hMieuAndFcc) {
  const std::string h = Load("us_lists_opensanctions/dod_chinese_milcorps_1260h.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList dod, ParseOs1260hCsv(h, "dod.csv"));
  EXPECT_EQ(dod.records.size(), CountCsvRecords(h) - 1);
  EXPECT_EQ(dod.records.size(), 397u);
  // The file is the list's history: 21 rows state an end date, and a row of
  // an older yearly list ends where the next list begins, so only the newest
  // list (2026-06-08) is open.
  Date newest;
  for (const ListRecord& r : dod.records) {
    if (r.start_date && newest < *r.start_date) {
      newest = *r.start_date;
    }
  }
  EXPECT_EQ(newest.ToString(), "2026-06-08");
  size_t open = 0;
  for (const ListRecord& r : dod.records) {
    ASSERT_TRUE(r.start_date.has_value()) << r.name;
    if (!r.end_date) {
      EXPECT_EQ(*r.start_date, newest) << r.name;
      ++open;
    } else {
      EXPECT_LT(*r.start_date, *r.end_date) << r.name;
    }
  }
  EXPECT_EQ(open, 188u);  // the rows of the 2026-06-08 list (grep -c ",2026-06-08,")
  const ListRecord* qihoo = Find(dod, "1260H", "360 Security Technology Inc.");
  ASSERT_NE(qihoo, nullptr);
  EXPECT_TRUE(Has(qihoo->aliases, "Qihoo 360"));
  EXPECT_EQ(qihoo->start_date->ToString(), "2022-10-05");

  const std::string m = Load("us_lists_opensanctions/bis_mieu.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList mieu, ParseOsMieuCsv(m, "mieu.csv"));
  EXPECT_EQ(mieu.records.size(), CountCsvRecords(m) - 1);
  const ListRecord* gru = Find(mieu, "MIEU", "Main Intelligence Directorate");
  ASSERT_NE(gru, nullptr);
  EXPECT_EQ(gru->country, "RU");
  EXPECT_TRUE(Has(gru->aliases, "GRU"));

  const std::string f = Load("us_lists_opensanctions/fcc_covered_list_table.csv");
  ASSERT_OK_AND_ASSIGN(ParsedList fcc, ParseFccCoveredCsv(f, "fcc.csv"));
  EXPECT_EQ(fcc.records.size() + fcc.quarantined.size(), CountCsvRecords(f) - 1);
  const ListRecord* huawei = Find(fcc, "FCC", "Huawei Technologies Company");
  ASSERT_NE(huawei, nullptr);
  EXPECT_EQ(huawei->start_date->ToString(), "2021-03-12");
  EXPECT_NE(Find(fcc, "FCC", "Hangzhou Hikvision Digital Technology Company"), nullptr);
  EXPECT_NE(Find(fcc, "FCC", "AO Kaspersky Lab"), nullptr);
  EXPECT_NE(Find(fcc, "FCC", "China Telecom (Americas) Corp."), nullptr);
  EXPECT_EQ(fcc.records.size(), 12u);  // 4 rows name product categories only
}

constexpr char kTinyCompact[] =
    "{\"fieldKey\": {},\n"
    " \"sourceGeneratedAt\": \"2026-07-31T00:00:00Z\",\n"
    " \"tables\": {\"sources\": [\"Entity List (EL) - Bureau of Industry and Security\"],\n"
    "            \"urls\": [\"https://example.invalid/\"]},\n"
    " \"entries\": [\n"
    "  {\"n\": \"Good Co.\", \"s\": 0, \"u\": 0, \"fr\": \"84 FR 22963\"},\n"
    "  {\"n\": \"Bad Index Co.\", \"s\": 7, \"u\": 0},\n"
    "  {\"s\": 0, \"u\": 0},\n"
    "  {\"n\": \"Bad Url Co.\", \"s\": 0, \"u\": 3}\n"
    " ]}\n";

TEST(CslCompactJsonTest, QuarantinesEntriesWithBadIndexesOrNoName) {
  ASSERT_OK_AND_ASSIGN(ParsedList parsed, ParseCslCompactJson(kTinyCompact, "tiny.json"));
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].list_code, "EL");
  EXPECT_EQ(parsed.records[0].line, 6u);
  ASSERT_EQ(parsed.quarantined.size(), 3u);
  EXPECT_EQ(parsed.quarantined[0].line, 7u);
  EXPECT_EQ(parsed.quarantined[1].line, 8u);
  EXPECT_EQ(parsed.quarantined[2].line, 9u);
  EXPECT_NE(parsed.quarantined[0].reason.find("entries[1]"), std::string::npos);
}

TEST(CslCompactJsonTest, NamesTheLineOfASyntaxErrorInTheMiddle) {
  std::string bad = kTinyCompact;
  bad.replace(bad.find("\"u\": 0},\n  {\"s\""), 8, "\"u\": 0,},");  // a stray comma on line 7
  auto parsed = ParseCslCompactJson(bad, "bad.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("bad.json:7 "), std::string::npos)
      << parsed.status().ToString();
}

}  // namespace
}  // namespace ecg::ingest
