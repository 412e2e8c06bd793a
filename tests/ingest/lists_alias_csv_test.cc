// Tests of the curated alias file (ingest/data/aliases.csv) and its loader.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/lists/alias_csv.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg::ingest {
namespace {

TEST(AliasFileTest, ShippedFileLoadsWithSourceNotes) {
  ASSERT_OK_AND_ASSIGN(std::vector<AliasPair> pairs, LoadAliasFile(ECG_ALIAS_FILE));
  ASSERT_GE(pairs.size(), 40u);
  std::set<std::string> chinese;
  for (const AliasPair& p : pairs) {
    EXPECT_FALSE(p.source_note.empty()) << p.chinese;
    EXPECT_GE(p.line, 2u);
    chinese.insert(p.chinese);
  }
  for (const char* name : {"中芯国际", "海康威视", "长江存储", "大疆", "华为", "中兴", "浪潮",
                           "曙光", "寒武纪", "商汤", "旷视", "科大讯飞", "大华", "海思", "长鑫存储",
                           "上海微电子", "中国航天科工", "北方工业"}) {
    EXPECT_EQ(chinese.count(name), 1u) << name;
  }
  EXPECT_EQ(pairs[0].chinese, "中芯国际集成电路制造有限公司");
  EXPECT_EQ(pairs[0].english, "Semiconductor Manufacturing International Corporation");
  EXPECT_EQ(pairs[0].line, 2u);
}

TEST(AliasFileTest, ShippedPairsAreDistinctAfterNormalisation) {
  ASSERT_OK_AND_ASSIGN(std::vector<AliasPair> pairs, LoadAliasFile(ECG_ALIAS_FILE));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<text::TextNormalizer> n, text::TextNormalizer::Create());
  std::set<std::pair<std::string, std::string>> seen;
  for (const AliasPair& p : pairs) {
    EXPECT_FALSE(n->Keys(p.chinese).empty()) << p.chinese;
    EXPECT_FALSE(n->Keys(p.english).empty()) << p.english;
    EXPECT_TRUE(seen.emplace(n->Fold(p.chinese), n->Fold(p.english)).second)
        << "duplicate pair at line " << p.line;
  }
}

TEST(AliasFileTest, MissingFieldIsReportedWithItsLine) {
  Result<std::vector<AliasPair>> r =
      LoadAliasFile(testutil::TestData("text/aliases_missing_field.csv"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("aliases_missing_field.csv:4: expected 3 fields"),
            std::string::npos)
      << r.status().ToString();
}

TEST(AliasFileTest, QuotedNewlinesAndCrlfKeepLineNumbers) {
  Result<std::vector<AliasPair>> r = LoadAliasFile(testutil::TestData("text/aliases_no_han.csv"));
  ASSERT_FALSE(r.ok());
  // Row 1 spans lines 2-3; the row without Han characters is on line 4.
  EXPECT_NE(r.status().message().find("aliases_no_han.csv:4: chinese_name \"Huawei\""),
            std::string::npos)
      << r.status().ToString();
}

TEST(AliasFileTest, ParsesTextAndRejectsBadInput) {
  ASSERT_OK_AND_ASSIGN(
      std::vector<AliasPair> ok,
      ParseAliasCsv("chinese_name,english_name,source_note\n华为,\"Huawei, Inc.\",site\n", "t"));
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(ok[0].english, "Huawei, Inc.");
  EXPECT_EQ(ok[0].line, 2u);

  Result<std::vector<AliasPair>> header = ParseAliasCsv("a,b,c\n华为,Huawei,x\n", "t");
  ASSERT_FALSE(header.ok());
  EXPECT_NE(header.status().message().find("t:1:"), std::string::npos);

  Result<std::vector<AliasPair>> quote =
      ParseAliasCsv("chinese_name,english_name,source_note\n华为,\"Huawei,x\n", "t");
  ASSERT_FALSE(quote.ok());
  EXPECT_NE(quote.status().message().find("t:2:"), std::string::npos) << quote.status().ToString();

  Result<std::vector<AliasPair>> bytes =
      ParseAliasCsv("chinese_name,english_name,source_note\n\xFF,a,b\n", "t");
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.status().message().find("offset 38"), std::string::npos);

  EXPECT_EQ(LoadAliasFile("/nonexistent/aliases.csv").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace ecg::ingest
