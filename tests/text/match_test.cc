// Name scoring and abbreviations (text/match.h, text/abbreviations.h).
#include "text/match.h"

#include <memory>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

#include "text/abbreviations.h"
#include "text/normalizer.h"

namespace ecg::text {
namespace {

TEST(EditDistanceTest, CountsTranspositionsOnceAndStopsAtTheBound) {
  EXPECT_EQ(EditDistance("huawei", "huawei", 2), 0u);
  EXPECT_EQ(EditDistance("huawei", "huawie", 2), 1u);
  EXPECT_EQ(EditDistance("technology", "technolgy", 2), 1u);
  EXPECT_EQ(EditDistance("abc", "xyzuvw", 2), 3u);
}

TEST(AbbreviationsTest, ExpandsKnownWordsOnly) {
  std::vector<Expansion> made;
  EXPECT_EQ(ExpandAbbreviations("guangzhou haige comm grp", &made),
            "guangzhou haige communication group");
  ASSERT_EQ(made.size(), 2u);
  EXPECT_EQ(made[0].from, "comm");
  EXPECT_EQ(ExpandWord("mfg"), "manufacturing");
  EXPECT_EQ(ExpandWord("intl"), "international");
  EXPECT_EQ(ExpandWord("tech"), "technology");
  EXPECT_EQ(ExpandWord("huawei"), "");
}

class MatchTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(n_, text::TextNormalizer::Create()); }
  NameScore Score(const std::string& q, const std::string& c) {
    return ScoreNames(MakeNameForm(*n_, q), MakeNameForm(*n_, c), [](const std::string& w) {
      return w == "technology" || w == "technologies" ? 1.0 : 8.0;
    });
  }
  std::unique_ptr<text::TextNormalizer> n_;
};

TEST_F(MatchTest, ScoresByHowTheNamesMeet) {
  EXPECT_EQ(Score("Huawei Technologies Co., Ltd.", "Huawei Technologies Co., Ltd.").score, 100);
  EXPECT_EQ(Score("HUAWEI TECHNOLOGIES CO LTD", "Huawei Technologies Co., Ltd.").score, 99);
  EXPECT_EQ(Score("Huawei Technologies", "Huawei Technologies Co., Ltd.").score, 97);
  NameScore pinyin = Score("Huawei", "华为");
  EXPECT_EQ(pinyin.score, 95);
  EXPECT_EQ(pinyin.reasons[0], "pinyin key");
  NameScore ts = Score("華為技術有限公司", "华为技术有限公司");
  EXPECT_EQ(ts.score, 99);
  EXPECT_EQ(ts.reasons[1], "traditional/simplified");
  EXPECT_LT(Score("Huawei Device", "Huawei Technologies").score, 80);
}

TEST_F(MatchTest, GenericWordsWeighLittle) {
  // Sharing only "technology" is no match; sharing the rare word is.
  EXPECT_LT(Score("Acme Technologies", "Huawei Technologies").score, 50);
  EXPECT_GT(Score("Huawei", "Huawei Technologies").score, 85);
}

}  // namespace
TEST_F(MatchTest, AnotherHanCharacterIsAnotherNameNotATypo) {
  // 南京 and 北京: one character apart, several pinyin letters apart.
  EXPECT_LT(Score("南京航空航天大学", "北京航空航天大学").score, 82);
  // Traditional and Simplified forms, and the name without its legal form, still meet.
  EXPECT_GE(Score("北京航空航天大學", "北京航空航天大学").score, 97);
  EXPECT_GE(Score("中芯国际集成电路制造", "中芯国际集成电路制造有限公司").score, 97);
}

TEST_F(MatchTest, AcrossScriptsGenericWordsMeetInTheirCanonicalForm) {
  // 航空 is "aviation" and 航天 "aerospace", as "Aeronautics" and
  // "Astronautics" are: the translated name outranks one sharing only the city.
  const int translated =
      Score("北京航空航天大学", "Beijing University of Aeronautics and Astronautics").score;
  EXPECT_GT(translated, Score("北京航空航天大学", "Beijing Tianhua University").score);
  EXPECT_GE(translated, 75);
}

}  // namespace ecg::text
