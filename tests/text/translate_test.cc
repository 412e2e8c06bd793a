// Translation of Han organisation names (text/translate.h) and its use in
// name scoring (text/match.h).
#include "text/translate.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

#include "text/match.h"
#include "text/normalizer.h"

namespace ecg::text {
namespace {

bool HasRendering(const GlossSlot& slot, const std::vector<std::string>& words) {
  for (const auto& r : slot.renderings) {
    if (r == words) {
      return true;
    }
  }
  return false;
}

TEST(TranslationStemTest, FoldsPluralsOnly) {
  EXPECT_EQ(TranslationStem("sciences"), "science");
  EXPECT_EQ(TranslationStem("industries"), "industry");
  EXPECT_EQ(TranslationStem("technology"), "technology");
  EXPECT_EQ(TranslationStem("business"), "business");  // -ss stays
  EXPECT_EQ(TranslationStem("bus"), "bus");            // too short
  EXPECT_EQ(TranslationWords("harbin institute of technology"),
            (std::vector<std::string>{"harbin", "institute", "technology"}));
}

TEST(GlossTest, ReadsWordsAndNamesInOrder) {
  const std::vector<GlossSlot> g = GlossHan("哈尔滨工业大学");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_TRUE(g[0].name);
  EXPECT_EQ(g[0].han, "哈尔滨");
  EXPECT_TRUE(HasRendering(g[0], {"haerbin"}));
  EXPECT_FALSE(g[1].name);
  EXPECT_TRUE(HasRendering(g[1], {"institute", "technology"}));
  EXPECT_TRUE(HasRendering(g[1], {"polytechnic", "university"}));
  // Longest rendering first.
  EXPECT_GE(g[1].renderings.front().size(), g[1].renderings.back().size());
}

TEST(GlossTest, OneCharacterWordsBesideANameBelongToIt) {
  // 北 is "north", but in 北京 it is part of the place's name.
  const std::vector<GlossSlot> g = GlossHan("北京航空航天大学");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_TRUE(g[0].name);
  EXPECT_EQ(g[0].han, "北京");
  EXPECT_TRUE(HasRendering(g[0], {"beijing"}));
  EXPECT_TRUE(HasRendering(g[0], {"peking"}));  // the customary older spelling
  EXPECT_EQ(g[1].han, "航空航天大学");          // the longest table word
  EXPECT_TRUE(HasRendering(g[1], {"university", "aeronautic", "astronautic"}));
  // Between two table words it is translated: 中 of 中核 is "china".
  const std::vector<GlossSlot> h = GlossHan("中核集团");
  ASSERT_EQ(h.size(), 3u);
  EXPECT_FALSE(h[0].name);
  EXPECT_TRUE(HasRendering(h[0], {"china"}));
  EXPECT_TRUE(HasRendering(h[1], {"nuclear"}));
}

TEST(GlossTest, ChineseNumeralsBecomeDigits) {
  const std::vector<GlossSlot> g = GlossHan("三六零安全科技");
  ASSERT_FALSE(g.empty());
  EXPECT_TRUE(g[0].name);
  EXPECT_TRUE(HasRendering(g[0], {"360"}));
  const std::vector<GlossSlot> o = GlossHan("第十四研究所");
  ASSERT_EQ(o.size(), 2u);
  EXPECT_TRUE(HasRendering(o[0], {"14th"}));
  EXPECT_TRUE(HasRendering(o[0], {"no", "14"}));
  EXPECT_TRUE(HasRendering(GlossHan("第二十三研究所")[0], {"23rd"}));
  EXPECT_TRUE(HasRendering(GlossHan("第一百零八研究所")[0], {"108th"}));
  // One numeral without 第 is a character of a name (一汽), not a number.
  EXPECT_TRUE(GlossHan("一汽")[0].name);
  EXPECT_FALSE(HasRendering(GlossHan("一汽")[0], {"1"}));
}

TEST(GlossTest, LatinPiecesAreNamesAndLatinNamesHaveNoGloss) {
  const std::vector<GlossSlot> g = GlossHan("l3 哈里斯");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_TRUE(g[0].name);
  EXPECT_TRUE(HasRendering(g[0], {"l3"}));
  EXPECT_TRUE(GlossHan("huawei technology").empty());
  EXPECT_TRUE(GlossHan("").empty());
}

class TranslationMatchTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(n_, TextNormalizer::Create()); }
  // Generic words weigh 1, other words 6.
  NameScore Score(const std::string& q, const std::string& c) {
    return ScoreNames(MakeNameForm(*n_, q), MakeNameForm(*n_, c), [](const std::string& w) {
      static const char* kGeneric[] = {"china",   "chinese",    "university", "institute",
                                       "academy", "technology", "industry",   "group",
                                       "science", "research",   "corporation"};
      for (const char* g : kGeneric) {
        if (w == g) {
          return 1.0;
        }
      }
      return 6.0;
    });
  }
  static bool Has(const NameScore& s, const std::string& reason) {
    return std::find(s.reasons.begin(), s.reasons.end(), reason) != s.reasons.end();
  }
  std::unique_ptr<TextNormalizer> n_;
};

TEST_F(TranslationMatchTest, TranslatedNamesMeetTheirEnglishNames) {
  const NameScore hit = Score("哈尔滨工业大学", "Harbin Institute of Technology");
  EXPECT_GE(hit.score, 82) << hit.score;
  EXPECT_LE(hit.score, 90);
  EXPECT_TRUE(Has(hit, "translation"));
  EXPECT_TRUE(Has(hit, "pinyin key"));
  // Traditional characters fold to Simplified first.
  EXPECT_GE(Score("哈爾濱工業大學", "Harbin Institute of Technology").score, 82);
  // Either side may ask.
  EXPECT_GE(Score("Northwestern Polytechnical University", "西北工业大学").score, 82);
  EXPECT_GE(Score("中国工程物理研究院", "China Academy of Engineering Physics").score, 82);
  EXPECT_GE(Score("三六零安全科技股份有限公司", "360 Security Technology Inc.").score, 82);
  const NameScore casic =
      Score("中国航天科工集团有限公司", "China Aerospace Science and Industry Corporation");
  EXPECT_EQ(casic.score, 90) << casic.score;
}

TEST_F(TranslationMatchTest, AnotherNameOrAnotherWordIsAnotherParty) {
  // The name word must be there: another city's university is another party.
  EXPECT_LT(Score("大连理工大学", "Harbin Institute of Technology").score, 60);
  // 工程大学 is an engineering university, not an institute of technology.
  EXPECT_LT(Score("哈尔滨工程大学", "Harbin Institute of Technology").score, 82);
  // 科工 (science and industry) and 科技 (science and technology) are two groups.
  EXPECT_LT(
      Score("中国航天科技集团有限公司", "China Aerospace Science and Industry Corporation").score,
      82);
  EXPECT_LT(
      Score("中国航天科工集团有限公司", "China Aerospace Science and Technology Corporation").score,
      82);
  // Pinyin that differs by a changed letter is another name (美的, "Mehdi").
  EXPECT_LT(Score("美的集团股份有限公司", "Mehdi Group").score, 82);
  // A Han name all of whose words are untranslatable names is judged by
  // pinyin alone, never by "translation".
  EXPECT_FALSE(Has(Score("华为", "Huawei Technologies Co., Ltd."), "translation"));
}

TEST_F(TranslationMatchTest, MissingWordsOnEitherSideCostScore) {
  const int full = Score("中国科学院", "Chinese Academy of Sciences").score;
  const int longer =
      Score("中国科学院", "Chinese Academy of Sciences Institute of Microelectronics").score;
  EXPECT_GE(full, 82);
  EXPECT_LT(longer, full);
  EXPECT_LT(longer, 82);
}

}  // namespace
}  // namespace ecg::text
