// Unit tests of the list helpers: FR citations, dates, country codes, text
// cleaning, UTF-8 validation and the libcsv reader.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/lists/list_util.h"
#include "ingest/util/country_codes.h"
#include "ingest/util/csv.h"
#include "ingest/util/dates.h"
#include "ingest/util/fields.h"
#include "ingest/util/fr_citation.h"
#include "ingest/util/location.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest::lists {
namespace {

// The helpers the list parsers share with the others live in ingest/util/.
using util::CleanText;
using util::ColumnIndex;
using util::CountryFromChineseAddress;
using util::CountryFromCslAddress;
using util::CountryToIso;
using util::CsvRecord;
using util::CsvTable;
using util::DateInText;
using util::FrCitation;
using util::ParseDayFirstDate;
using util::ParseEnglishDate;
using util::ParseFrCitations;
using util::ParseIsoDate;
using util::ParseUsSlashDate;
using util::ReadCsv;
using util::ReadCsvHeader;
using util::ReadCsvTable;
using util::SplitClean;
using util::ValidateUtf8;

struct CitationCase {
  std::string input;
  std::vector<std::string> expected;  // "84 FR 22963@2019-05-21" or "84 FR 22963"
};

std::vector<std::string> Render(std::string_view text) {
  std::vector<std::string> out;
  for (const FrCitation& c : ParseFrCitations(text)) {
    std::string s = c.ToString();
    if (c.date) {
      s.push_back('@');
      s.append(c.date->ToString());
    }
    out.push_back(s);
  }
  return out;
}

TEST(FrCitationTest, ParsesTheSpellingsTheListsUse) {
  const std::vector<CitationCase> cases = {
      {"84 FR 22963, 5/21/19", {"84 FR 22963@2019-05-21"}},
      {"84FR22963", {"84 FR 22963"}},
      {"85 FR 83420, 12/22/20", {"85 FR 83420@2020-12-22"}},
      {"84 FR 22963, 84 FR 43495, 85 FR 29853, 85 FR 36720,  85 FR 51603",
       {"84 FR 22963", "84 FR 43495", "85 FR 29853", "85 FR 36720", "85 FR 51603"}},
      {"85 FR 83420; 89 FR 96837", {"85 FR 83420", "89 FR 96837"}},
      {"67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02",
       {"67 FR 56530@2002-09-04", "67 FR 10890@2002-03-11"}},
      {"70 FR 11861 (3/10/05); 76 FR 50407 (08/15/2011)",
       {"70 FR 11861@2005-03-10", "76 FR 50407@2011-08-15"}},
      {"91 FR 35189 (June 10, 2026)", {"91 FR 35189@2026-06-10"}},
      {"74 F.R. 27773 DATED 06/11/09", {"74 FR 27773@2009-06-11"}},
      {"75 FR 1701, 1/13/10.\n77 FR 24590, 4/25/12",
       {"75 FR 1701@2010-01-13", "77 FR 24590@2012-04-25"}},
      // A footnote digit glued to the date, and lower case.
      {"84 FR 22963, 5/21/193", {"84 FR 22963@2019-05-21"}},
      {"81 FR 14953; 84 fr 40241", {"81 FR 14953", "84 FR 40241"}},
      // A typo'd year that disagrees with the volume keeps the citation, drops the date.
      {"73 F.R. 57052 10/1/200", {"73 FR 57052"}},
      // No page, or a date where the page should be: nothing to cite.
      {"66 FR 24266; 88 FR", {"66 FR 24266"}},
      {"72 F.R. 1/30/07", {}},
      {"Vol. 83, No. 91, 05/10/2018", {}},
      // Repeats are dropped.
      {"84 FR 40241, 84 FR 40241", {"84 FR 40241"}},
  };
  for (const CitationCase& c : cases) {
    EXPECT_EQ(Render(c.input), c.expected) << c.input;
  }
}

TEST(ListDatesTest, ParsesDayFirstUsAndEnglishDates) {
  EXPECT_EQ(ParseDayFirstDate("16.02.23")->ToString(), "2023-02-16");
  EXPECT_EQ(ParseDayFirstDate("04.04.2025")->ToString(), "2025-04-04");
  EXPECT_EQ(ParseDayFirstDate("26.2.2026")->ToString(), "2026-02-26");
  EXPECT_FALSE(ParseDayFirstDate("31.02.2025").has_value());
  EXPECT_FALSE(ParseDayFirstDate("2025-02-03").has_value());
  EXPECT_EQ(ParseUsSlashDate("5/21/19")->ToString(), "2019-05-21");
  EXPECT_EQ(ParseUsSlashDate("11/21/11")->ToString(), "2011-11-21");
  EXPECT_EQ(ParseUsSlashDate("8/11/93")->ToString(), "1993-08-11");
  EXPECT_EQ(ParseEnglishDate("March 12, 2021")->ToString(), "2021-03-12");
  EXPECT_EQ(ParseEnglishDate("03 Jun 2021")->ToString(), "2021-06-03");
  EXPECT_EQ(ParseEnglishDate("Sept. 9, 2020")->ToString(), "2020-09-09");
  EXPECT_FALSE(ParseEnglishDate("Smarch 9, 2020").has_value());
  EXPECT_EQ(ParseIsoDate("2026-07-31T13:15:00.015113+00:00")->ToString(), "2026-07-31");
  EXPECT_EQ(DateInText("data/sanctions_2026-06-29.csv")->ToString(), "2026-06-29");
}

TEST(CountryCodesTest, MapsEnglishChineseAndIsoNames) {
  EXPECT_EQ(CountryToIso("China"), "CN");
  EXPECT_EQ(CountryToIso("Russia"), "RU");
  EXPECT_EQ(CountryToIso("Burma"), "MM");
  EXPECT_EQ(CountryToIso("Iran"), "IR");
  EXPECT_EQ(CountryToIso("South Korea"), "KR");
  EXPECT_EQ(CountryToIso("Hong Kong"), "HK");
  EXPECT_EQ(CountryToIso("Taiwan"), "TW");
  EXPECT_EQ(CountryToIso("United Arab Emirates"), "AE");
  EXPECT_EQ(CountryToIso("the Netherlands"), "NL");
  EXPECT_EQ(CountryToIso("Crimea Region of Ukraine"), "UA");
  EXPECT_EQ(CountryToIso("Turkey"), "TR");
  EXPECT_EQ(CountryToIso("Czech Republic"), "CZ");
  EXPECT_EQ(CountryToIso("British Virgin Islands"), "VG");
  EXPECT_EQ(CountryToIso("cn"), "CN");
  EXPECT_EQ(CountryToIso("日本"), "JP");
  EXPECT_EQ(CountryToIso("美国"), "US");
  EXPECT_EQ(CountryToIso("Atlantis"), "");
  EXPECT_EQ(CountryToIso("EU"), "");
  EXPECT_EQ(CountryFromChineseAddress("日本东京都港区芝5-34-2三田町露台（邮编：108-0014）"), "JP");
  EXPECT_EQ(CountryFromChineseAddress("Voie 1, Paris"), "");
  EXPECT_EQ(CountryFromCslAddress("31 Jinrong Street, Xicheng District, Beijing, 100033, CN"),
            "CN");
  EXPECT_EQ(CountryFromCslAddress("Kabul, Afghanistan"), "");
}

TEST(CleanTextTest, TrimsAndRepairsC1Punctuation) {
  EXPECT_EQ(CleanText("Government Flying Service\n\n"), "Government Flying Service");
  EXPECT_EQ(CleanText("  CAST Xi\xC2\x92"
                      "an Spaceflight Engine Factory "),
            "CAST Xi\u2019an Spaceflight Engine Factory");
  EXPECT_EQ(CleanText("\xC2\xA0华为\xC2\xA0"), "华为");
  EXPECT_EQ(SplitClean("a; b;; c ;", ";"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Utf8Test, RejectsInvalidBytesWithTheirOffset) {
  EXPECT_OK(ValidateUtf8("华为 Huawei", "x.csv"));
  const std::string bad = std::string("a,b\nc,d\xE2\x28\xA1\n");
  Status s = ValidateUtf8(bad, "bad.csv");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.csv:2 (byte 7)"), std::string::npos) << s.ToString();
}

TEST(CsvReaderTest, KeepsLinesAndOffsetsAcrossQuotedNewlinesAndMixedEndings) {
  const std::string csv =
      "h1,h2\r\n"
      "a,\"multi\nline\"\n"
      "\n"
      "b,\"x, \"\"quoted\"\"\"\r\n"
      "c,\"cut off";
  ASSERT_OK_AND_ASSIGN(std::vector<CsvRecord> rows, ReadCsv(csv, "t.csv"));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"a", "multi\nline"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].offset, 7u);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"b", "x, \"quoted\""}));
  EXPECT_EQ(rows[2].line, 5u);
  EXPECT_FALSE(rows[2].unterminated);
  EXPECT_EQ(rows[3].line, 6u);
  EXPECT_TRUE(rows[3].unterminated);
}

TEST(CsvReaderTest, ChecksHeaderAndColumnCount) {
  auto missing = ReadCsvTable("a,b\n1,2\n", "t.csv", {"a", "c"}, "test CSV");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("t.csv:1"), std::string::npos);
  auto wide = ReadCsvTable("a,b\n1,2\n1,2,3\n", "t.csv", {"a", "b"}, "test CSV");
  ASSERT_FALSE(wide.ok());
  EXPECT_NE(wide.status().message().find("t.csv:3 (byte 8)"), std::string::npos)
      << wide.status().ToString();
}

TEST(CsvReaderTest, QuarantinesAShortLastRecordWithoutItsLineBreak) {
  ASSERT_OK_AND_ASSIGN(CsvTable cut, ReadCsvTable("a,b,c\n1,2,3\n4,5", "t.csv", {"a"}, "test"));
  EXPECT_EQ(cut.rows.size(), 1u);
  ASSERT_EQ(cut.quarantined.size(), 1u);
  EXPECT_EQ(cut.quarantined[0].line, 3u);
  EXPECT_EQ(cut.quarantined[0].offset, 12u);
  // A complete last record without a final line break is fine.
  ASSERT_OK_AND_ASSIGN(CsvTable whole, ReadCsvTable("a,b\n1,2", "t.csv", {"a"}, "test"));
  EXPECT_EQ(whole.rows.size(), 1u);
  EXPECT_TRUE(whole.quarantined.empty());
  // The same short record followed by a line break is a malformed file.
  EXPECT_FALSE(ReadCsvTable("a,b,c\n1,2,3\n4,5\n", "t.csv", {"a"}, "test").ok());
}

}  // namespace
}  // namespace ecg::ingest::lists
