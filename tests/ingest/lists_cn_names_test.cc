// China's list names taken apart: group rows, Latin names in parentheses and
// leading countries (ingest/lists/cn_names.h).
#include <gtest/gtest.h>

#include "ingest/lists/cn_names.h"

namespace ecg::ingest::lists {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(CnNamesTest, AGroupRowNamesItsPartyAndCountsTheGroup) {
  CnName n = SplitCnEntityName("哈德森技术公司（Hudson Technologies Co.）等6家实体");
  EXPECT_EQ(n.name, "Hudson Technologies Co.");
  EXPECT_TRUE(Has(n.aliases, "哈德森技术公司"));
  EXPECT_NE(n.group_note.find("group of 6 entities"), std::string::npos) << n.group_note;
  CnName cn = SplitCnEntityName("国际海洋工程公司(Oceaneering International, Inc.)等三家实体");
  EXPECT_EQ(cn.name, "Oceaneering International, Inc.");
  EXPECT_NE(cn.group_note.find("group of 3 entities"), std::string::npos) << cn.group_note;
}

TEST(CnNamesTest, APartyWithItsBranches) {
  CnName n = SplitCnEntityName("TechInsights公司及其分支机构等外国实体");
  EXPECT_EQ(n.name, "TechInsights公司");
  EXPECT_NE(n.group_note.find("with its branches"), std::string::npos) << n.group_note;
  EXPECT_TRUE(Has(n.aliases, "TechInsights公司及其分支机构等外国实体"));
  CnName b = SplitCnEntityName("洛克希德·马丁公司及其子公司");
  EXPECT_EQ(b.name, "洛克希德·马丁公司");
  EXPECT_FALSE(b.group_note.empty());
}

TEST(CnNamesTest, ALeadingCountryBeforeALatinNameIsTheCountry) {
  CnName n = SplitCnEntityName("美国PVH集团");
  EXPECT_EQ(n.name, "PVH集团");
  EXPECT_EQ(n.country, "US");
  EXPECT_TRUE(Has(n.aliases, "美国PVH集团"));
  EXPECT_TRUE(n.group_note.empty());
}

TEST(CnNamesTest, AHanNameKeepsItsCountryWord) {
  CnName n = SplitCnEntityName("中国电子科技集团公司");
  EXPECT_EQ(n.name, "中国电子科技集团公司");
  EXPECT_EQ(n.country, "");
  EXPECT_TRUE(n.aliases.empty());
  CnName plain = SplitCnEntityName("SUBARU Corporation");
  EXPECT_EQ(plain.name, "SUBARU Corporation");
  EXPECT_TRUE(plain.aliases.empty());
}

}  // namespace
}  // namespace ecg::ingest::lists
