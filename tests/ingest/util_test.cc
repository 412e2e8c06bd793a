// Unit tests of the shared ingest utilities (ingest/util/) and the ASCII
// helpers below them (text/ascii.h): the streaming CSV reader and its modes,
// the JSON record loop, ECCNs, FR citation spans, the two English date forms,
// Chinese country names and SHA-256.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/util/country_codes.h"
#include "ingest/util/csv.h"
#include "ingest/util/dates.h"
#include "ingest/util/eccn.h"
#include "ingest/util/fr_citation.h"
#include "ingest/util/json.h"
#include "ingest/util/location.h"
#include "ingest/util/sha256.h"
#include "tests/testutil/testutil.h"

#include "text/ascii.h"

namespace ecg::ingest::util {
namespace {

std::vector<CsvRecord> ReadInPieces(std::string_view csv, size_t piece, CsvOptions options = {}) {
  std::vector<CsvRecord> out;
  CsvReader reader(options, [&out](CsvRecord* r) {
    out.push_back(std::move(*r));
    return Status::OK();
  });
  for (size_t pos = 0; pos < csv.size(); pos += piece) {
    EXPECT_OK(reader.Feed(csv.substr(pos, piece)));
  }
  EXPECT_OK(reader.Finish());
  return out;
}

TEST(CsvReaderTest, PiecesOfAnySizeGiveTheSameRecordsAndPlaces) {
  const std::string csv = "h1,h2\r\na,\"multi\nline\"\n\nb,\"x, \"\"q\"\"\"\r\nc,d";
  ASSERT_OK_AND_ASSIGN(std::vector<CsvRecord> whole, ReadCsv(csv, "t.csv"));
  ASSERT_EQ(whole.size(), 4u);
  for (size_t piece : {1u, 2u, 3u, 7u, 100u}) {
    std::vector<CsvRecord> parts = ReadInPieces(csv, piece);
    ASSERT_EQ(parts.size(), whole.size()) << piece;
    for (size_t i = 0; i < whole.size(); ++i) {
      EXPECT_EQ(parts[i].fields, whole[i].fields) << piece << " " << i;
      EXPECT_EQ(parts[i].line, whole[i].line) << piece << " " << i;
      EXPECT_EQ(parts[i].offset, whole[i].offset) << piece << " " << i;
    }
  }
  EXPECT_EQ(whole[2].line, 5u);
  EXPECT_EQ(whole[3].offset, 37u);
  EXPECT_TRUE(whole[3].at_eof_without_newline);
  EXPECT_FALSE(whole[2].at_eof_without_newline);
}

TEST(CsvReaderTest, StrictModeRejectsAnOpenQuoteWhereTheRecordBegan) {
  CsvSyntaxError error;
  Result<std::vector<CsvRecord>> r =
      ReadCsv("a,b\nc,\"open\nstill\n", "t.csv", {.strict = true}, &error);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(error.at_end);
  EXPECT_EQ(error.record_line, 2u);
  EXPECT_EQ(error.line, 3u);
  EXPECT_NE(r.status().message().find("t.csv:2 "), std::string::npos) << r.status().ToString();
  // Without strict mode the cut record comes back marked.
  ASSERT_OK_AND_ASSIGN(std::vector<CsvRecord> lax, ReadCsv("a,b\nc,\"open\nstill\n", "t.csv"));
  ASSERT_EQ(lax.size(), 2u);
  EXPECT_TRUE(lax[1].unterminated);
}

TEST(CsvReaderTest, TabsAndBlankRecords) {
  ASSERT_OK_AND_ASSIGN(
      std::vector<CsvRecord> rows,
      ReadCsv("a\tb,c\n   \nd\te\n", "t.tsv", {.delimiter = '\t', .skip_blank_records = true}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b,c"}));
  EXPECT_EQ(rows[1].line, 3u);
}

TEST(CsvReaderTest, StreamsAFileAndStopsAtTheCallersError) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Sub("t.csv"), "h\n1\n2\n3\n");
  std::vector<uint64_t> lines;
  Status s = ForEachCsvFileRecord(dir.Sub("t.csv"), {}, [&](CsvRecord* r) {
    lines.push_back(r->line);
    return r->fields[0] == "2" ? Status::InvalidArgument("stop") : Status::OK();
  });
  EXPECT_EQ(s.message(), "stop");
  EXPECT_EQ(lines, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(ForEachCsvFileRecord(dir.Sub("none.csv"), {}, nullptr).code(), StatusCode::kNotFound);
}

TEST(JsonRecordTest, LocatesElementsAndQuarantinesNonObjects) {
  const std::string json = "\xEF\xBB\xBF{\"items\": [\n {\"n\": \" a \"},\n 7,\n {\"n\": \"b\"}]}";
  JsonDoc doc;
  ASSERT_OK(ParseJson(json, "t.json", &doc));
  simdjson::dom::array items;
  ASSERT_EQ(doc.root["items"].get(items), simdjson::SUCCESS);
  std::vector<Quarantined> quarantined;
  std::vector<std::string> names;
  std::vector<uint64_t> lines;
  ForEachJsonRecord(doc, items, "items", &quarantined, [&](const JsonRecord& r) {
    names.push_back(GetString(r.object, "n"));
    lines.push_back(r.line);
  });
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(lines, (std::vector<uint64_t>{2, 4}));
  ASSERT_EQ(quarantined.size(), 1u);
  EXPECT_EQ(quarantined[0].reason, "items[1]: not an object");
  EXPECT_EQ(quarantined[0].line, 3u);
}

TEST(JsonRecordTest, SyntaxErrorsAreLocated) {
  JsonDoc doc;
  Status s = ParseJson("[1,\n2,", "cut.json", &doc);
  EXPECT_NE(s.message().find("cut.json:2 (byte 6)"), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("truncated"), std::string::npos) << s.ToString();
  EXPECT_EQ(JsonErrorOffset("{\"a\": tru}"), 6u);
  EXPECT_NE(JsonSyntaxError(simdjson::TAPE_ERROR, "{\"a\": tru}", "x.json")
                .message()
                .find("x.json: invalid JSON at byte offset 6 (line 1, column 7)"),
            std::string::npos);
}

TEST(EccnTest, FindsCodesWithParagraphsAndTheY521Series) {
  std::vector<std::string> codes;
  std::vector<size_t> offsets;
  for (const EccnMatch& m : FindEccns("3A090.a and 0Y521, not 3A09 or X3A001 (4E001.b.2)")) {
    codes.emplace_back(m.code);
    offsets.push_back(m.offset);
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"3A090.a", "0Y521", "4E001.b.2"}));
  EXPECT_EQ(offsets, (std::vector<size_t>{0, 12, 39}));
  EXPECT_TRUE(IsEccn("5A992.c"));
  EXPECT_FALSE(IsEccn("5A992 c"));
  EXPECT_FALSE(IsEccn("3F001"));
}

TEST(FrCitationTest, EveryOccurrenceWithItsSpan) {
  const std::string text = "see 89 FR 96790; 89 F.R. 96790 and 90FR4544";
  std::vector<std::string> seen;
  ForEachFrCitation(text, [&](const FrCitation& c) {
    seen.push_back(c.ToString() + "@" + std::string(text.substr(c.offset, c.length)));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"89 FR 96790@89 FR 96790", "89 FR 96790@89 F.R. 96790",
                                            "90 FR 4544@90FR4544"}));
  EXPECT_EQ(ParseFrCitations(text).size(), 2u);
  EXPECT_EQ(FirstFrCitation("2024-28270 (89 FR 96830)"), "89 FR 96830");
  EXPECT_EQ(FirstFrCitation("no citation"), "");
}

TEST(EnglishDateTest, WholeAndPrefixForms) {
  EXPECT_EQ(ParseEnglishDate("03 Jun 2021")->ToString(), "2021-06-03");
  EXPECT_EQ(ParseEnglishDate("June 10 2026")->ToString(), "2026-06-10");
  EXPECT_FALSE(ParseEnglishDate("December 2, 2024, at noon").has_value());
  EXPECT_EQ(ParseEnglishDate("December 2, 2024, at noon", EnglishDateMatch::kPrefix)->ToString(),
            "2024-12-02");
  EXPECT_EQ(ParseEnglishDate("Dec. 2, 2024", EnglishDateMatch::kPrefix)->ToString(), "2024-12-02");
  EXPECT_FALSE(ParseEnglishDate("2 December 2024", EnglishDateMatch::kPrefix).has_value());
  EXPECT_FALSE(ParseEnglishDate("February 30, 2024", EnglishDateMatch::kPrefix).has_value());
}

TEST(CountryNamesTest, ChineseNamesComeFromIcuPlusShortForms) {
  EXPECT_EQ(ChineseCountryNames("JP"), (std::vector<std::string>{"日本"}));
  const std::vector<std::string> hk = ChineseCountryNames("HK");
  ASSERT_EQ(hk.size(), 2u);
  EXPECT_EQ(hk[1], "香港");
  EXPECT_EQ(CountryToIso("阿联酋"), "AE");
  EXPECT_TRUE(ChineseCountryNames("XX").empty());
}

TEST(CountryNamesTest, AnEnglishAddressNamesItsLastPartAndReferredCountries) {
  using V = std::vector<std::string>;
  EXPECT_EQ(CountriesOfEnglishAddress("Office 704, 135 Bonham Strand, Sheung Wan, Hong Kong."),
            V{"HK"});
  EXPECT_EQ(CountriesOfEnglishAddress("Flat No. 41 Block No. 24 Macroyan 3, Kabul, Afghanistan. "
                                      "(See alternate addresses under Pakistan)."),
            (V{"AF", "PK"}));
  EXPECT_EQ(CountriesOfEnglishAddress("Yerevan, Armenia (See also addresses under Greece, "
                                      "Pakistan, and U.K.)"),
            (V{"AM", "GR", "PK", "GB"}));
  EXPECT_EQ(
      CountriesOfEnglishAddress("Islamabad, Pakistan (See alternate address in Afghanistan)."),
      (V{"PK", "AF"}));
  // A trailing two-letter word is a state as often as a country.
  EXPECT_EQ(CountriesOfEnglishAddress("100 Main Street, San Jose, CA"), V{});
  EXPECT_EQ(CountriesOfEnglishAddress("Room 5, Nowhere Land"), V{});
}

TEST(Sha256Test, MatchesFipsVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(LocationTest, LinesColumnsAndWhere) {
  EXPECT_EQ(LineColumn("ab\ncd", 4), "line 2, column 2");
  EXPECT_EQ(LineColumn("ab\n", 3), "line 2, column 1");
  EXPECT_EQ(Where("f.csv", 0, 9), "f.csv (byte 9)");
}

TEST(AsciiTest, CaseTrimSplitAndBom) {
  EXPECT_EQ(text::StripBom("\xEF\xBB\xBFx"), "x");
  EXPECT_EQ(text::AsciiLower("ÄbC"), "Äbc");
  EXPECT_EQ(text::AsciiUpper("cn-uel"), "CN-UEL");
  EXPECT_TRUE(text::EndsWithAsciiLower("A.HTML", ".html"));
  EXPECT_EQ(text::Trim(" .x. ", " ."), "x");
  EXPECT_EQ(text::CollapseSpace("  a \n\t b  "), "a b");
  EXPECT_EQ(text::Split("a,,b", ","), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(text::SplitTrim(" a | | b ", "|"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace ecg::ingest::util
