// Tests of the pinyin table generated at build time from Unihan.
#include "text/pinyin.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ecg::text {
namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(PinyinTest, ReadingsComeCustomaryFirstWithoutTones) {
  EXPECT_EQ(PinyinReadings(U'华').front(), "hua");
  const std::vector<std::string_view> chang = PinyinReadings(U'长');
  ASSERT_EQ(chang.size(), 2u);
  EXPECT_EQ(chang[0], "zhang");
  EXPECT_EQ(chang[1], "chang");
  const std::vector<std::string_view> tuo = PinyinReadings(U'拓');
  EXPECT_EQ(tuo.front(), "ta");
  EXPECT_NE(std::find(tuo.begin(), tuo.end(), "tuo"), tuo.end());
  EXPECT_EQ(PinyinReadings(U'绿').front(), "lu");  // lǜ: ü written u
  EXPECT_TRUE(PinyinReadings(U'A').empty());
}

TEST(PinyinTest, VariantsJoinSyllablesAndVaryOnePolyphoneAtATime) {
  const std::vector<std::string> huawei = PinyinVariants("华为", 4);
  ASSERT_FALSE(huawei.empty());
  EXPECT_EQ(huawei[0], "huawei");
  const std::vector<std::string> changjiang = PinyinVariants("长江", 4);
  EXPECT_EQ(changjiang[0], "zhangjiang");
  EXPECT_TRUE(Contains(changjiang, "changjiang"));
  EXPECT_TRUE(Contains(PinyinVariants("拓荆", 4), "tuojing"));
  EXPECT_TRUE(Contains(PinyinVariants("飞腾", 4), "feiteng"));
  EXPECT_TRUE(Contains(PinyinVariants("商汤", 4), "shangtang"));
  EXPECT_TRUE(Contains(PinyinVariants("算能", 4), "suanneng"));
  EXPECT_LE(PinyinVariants("长行重乐和都会还得", 5).size(), 5u);
  // Characters without a reading pass through.
  EXPECT_EQ(PinyinVariants("a华", 1), (std::vector<std::string>{"ahua"}));
}

}  // namespace
}  // namespace ecg::text
