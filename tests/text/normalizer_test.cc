// Tests of ecg::text::TextNormalizer on real names from the lists in
// ../shared/data.
#include "text/normalizer.h"

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

namespace ecg::text {
namespace {

class TextNormalizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto n = TextNormalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value().release();
  }
  static void TearDownTestSuite() {
    delete normalizer_;
    normalizer_ = nullptr;
  }
  static const TextNormalizer& N() { return *normalizer_; }

  static std::string Dump(const std::vector<std::string>& keys) {
    std::string out;
    for (const std::string& k : keys) {
      out += "[" + k + "] ";
    }
    return out;
  }
  // The keys two names share, for assertions that print both key lists.
  static ::testing::AssertionResult Meet(const std::string& a, const std::string& b) {
    const std::vector<std::string> ka = N().Keys(a);
    const std::vector<std::string> kb = N().Keys(b);
    for (const std::string& k : ka) {
      if (std::find(kb.begin(), kb.end(), k) != kb.end()) {
        return ::testing::AssertionSuccess() << "share " << k;
      }
    }
    return ::testing::AssertionFailure() << a << " -> " << Dump(ka) << "\n"
                                         << b << " -> " << Dump(kb);
  }
  static bool HasKey(const std::string& name, const std::string& key) {
    const std::vector<std::string> keys = N().Keys(name);
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  }

  static TextNormalizer* normalizer_;
};

TextNormalizer* TextNormalizerTest::normalizer_ = nullptr;

TEST_F(TextNormalizerTest, HuaweiMeetsAcrossScriptsAndVariants) {
  EXPECT_TRUE(Meet("华为技术有限公司", "Huawei Technologies Co., Ltd."));
  EXPECT_TRUE(Meet("華為技術有限公司", "Huawei Technologies Co., Ltd."));
  EXPECT_TRUE(Meet("華為技術有限公司", "华为技术有限公司"));
  EXPECT_TRUE(HasKey("华为技术有限公司", "huawei technology"));
  EXPECT_TRUE(HasKey("Huawei Technologies Co., Ltd.", "huawei technology"));
  // Traditional and Simplified give the very same keys.
  EXPECT_EQ(N().Keys("華為技術有限公司"), N().Keys("华为技术有限公司"));
}

TEST_F(TextNormalizerTest, AnalyzesHuaweiChineseName) {
  const AnalyzedName a = N().Analyze("華為技術有限公司");
  EXPECT_EQ(a.folded, "华为技术有限公司");
  EXPECT_EQ(a.core, "华为技术");
  EXPECT_EQ(a.legal_form, "有限公司");
  EXPECT_EQ(a.core_tokens, (std::vector<std::string>{"华为", "technology"}));
  ASSERT_FALSE(a.latin_keys.empty());
  EXPECT_EQ(a.latin_keys[0], "huawei technology");
  EXPECT_EQ(a.latin_keys[1], "huaweitechnology");
  EXPECT_EQ(a.script, Script::kHan);
}

TEST_F(TextNormalizerTest, AnalyzesHuaweiEnglishName) {
  const AnalyzedName a = N().Analyze("Huawei Technologies Co., Ltd.");
  EXPECT_EQ(a.cleaned, "Huawei Technologies Co., Ltd.");
  EXPECT_EQ(a.folded, "huawei technologies co ltd");
  EXPECT_EQ(a.core, "huawei technologies");
  EXPECT_EQ(a.legal_form, "co ltd");
  EXPECT_EQ(a.tokens, (std::vector<std::string>{"huawei", "technologies", "co", "ltd"}));
  EXPECT_EQ(a.core_tokens, (std::vector<std::string>{"huawei", "technology"}));
  EXPECT_EQ(a.script, Script::kLatin);
  EXPECT_EQ(N().Keys("Huawei Technologies Co., Ltd."),
            (std::vector<std::string>{"huawei technologies co ltd", "huawei technologies",
                                      "huawei technology", "huaweitechnology"}));
}

TEST_F(TextNormalizerTest, PolyphonicReadingsReachListAliases) {
  // 拓 is "ta" in kMandarin; the Entity List spells 拓荆 "Tuojing".
  EXPECT_TRUE(Meet("拓荆科技", "Tuojing Technology"));
  EXPECT_TRUE(Meet("拓荆科技股份有限公司", "Shenyang Tuojing Technology Co., Ltd.") ||
              HasKey("沈阳拓荆科技有限公司", "shenyang tuojing technology"));
  EXPECT_TRUE(HasKey("沈阳拓荆科技有限公司", "shenyang tuojing technology"));
  // 长 is "zhang" in kMandarin.
  EXPECT_TRUE(HasKey("长江", "changjiang"));
  EXPECT_TRUE(HasKey("天津飞腾信息技术有限公司", "tianjin feiteng information technology"));
  EXPECT_TRUE(Meet("天津飞腾信息技术有限公司", "Tianjin Feiteng Information Technology"));
  EXPECT_TRUE(Meet("北京算能科技有限公司", "Beijing Suanneng Technology Co., Ltd."));
  EXPECT_TRUE(
      Meet("北京商汤科技开发有限公司", "Beijing Shangtang Technology Development Co., Ltd."));
}

TEST_F(TextNormalizerTest, PunctuationVariantsReachOneKey) {
  // Both spellings occur in the China sanctions list (2026-08-07).
  EXPECT_EQ(N().Keys("Skydio, Inc."), N().Keys("Skydio Inc."));
  EXPECT_TRUE(HasKey("Skydio, Inc.", "skydio"));
  EXPECT_EQ(N().Analyze("Skydio, Inc.").legal_form, "inc");
  // "Co.,Ltd" without a space, as in cn.json.
  const AnalyzedName a = N().Analyze("Jong Shyn Shipbuilding Co.,Ltd");
  EXPECT_EQ(a.folded, "jong shyn shipbuilding co ltd");
  EXPECT_EQ(a.legal_form, "co ltd");
  EXPECT_EQ(a.core, "jong shyn shipbuilding");
}

TEST_F(TextNormalizerTest, RepairsC1Punctuation) {
  // The 2023 CSL subset spells the MEU name with U+0092 for ’.
  const std::string c1 = "CAST Xi\u0092an Spaceflight Engine Factory";
  const std::string curly = "CAST Xi\u2019an Spaceflight Engine Factory";
  EXPECT_EQ(N().Keys(c1), N().Keys(curly));
  EXPECT_EQ(N().Analyze(c1).cleaned, curly);
  EXPECT_EQ(N().Fold(c1), "cast xian spaceflight engine factory");
  EXPECT_EQ(N().Fold("CAST Xi'an Spaceflight Engine Factory"), N().Fold(curly));
}

TEST_F(TextNormalizerTest, FoldsFullWidthAndCase) {
  EXPECT_EQ(N().Fold("ＨＵＡＷＥＩ"), "huawei");
  EXPECT_TRUE(Meet("ＨＵＡＷＥＩ　Ｔｅｃｈｎｏｌｏｇｉｅｓ", "Huawei Technologies"));
  EXPECT_EQ(N().Fold("Ｃｏ．，Ｌｔｄ．"), "co ltd");
  EXPECT_EQ(N().Fold("STRASSE"), N().Fold("straße"));
}

TEST_F(TextNormalizerTest, CleansWhitespaceAndInvisibleCharacters) {
  EXPECT_EQ(N().Clean("Government Flying Service\n\n"), "Government Flying Service");
  EXPECT_EQ(N().Clean("  Teledyne Brown Engineering,  Inc. "), "Teledyne Brown Engineering, Inc.");
  // cn.json has a zero-width non-joiner before this name.
  EXPECT_EQ(N().Clean("\u200cHigh Point Aerotechnologies"), "High Point Aerotechnologies");
  EXPECT_EQ(N().Fold("\u200cHigh Point Aerotechnologies"), "high point aerotechnologies");
}

TEST_F(TextNormalizerTest, SplitsLegalForms) {
  struct Case {
    const char* name;
    const char* core;
    const char* legal_form;
  };
  const Case cases[] = {
      {"华为技术有限公司", "华为技术", "有限公司"},
      {"汉翔航空工业股份有限公司", "汉翔航空工业", "股份有限公司"},
      {"长江存储科技有限责任公司", "长江存储科技", "有限责任公司"},
      {"三菱电机软件株式会社", "三菱电机软件", "株式会社"},
      {"中国电子科技集团有限公司", "中国电子科技集团", "有限公司"},
      {"防卫研究所", "防卫研究所", ""},
      {"Mitsubishi Precision Company, Limited", "mitsubishi precision", "company limited"},
      {"Edge Autonomy Operations LLC", "edge autonomy operations", "llc"},
      {"Foo Holdings L.L.C.", "foo holdings", "llc"},
      {"HENSOLDT AG", "hensoldt", "ag"},
      {"OMNIPOL a.s.", "omnipol", "as"},
      {"EXCALIBUR ARMY spol.s.r.o", "excalibur army", "spol sro"},
      {"TCOM, Limited Partnership", "tcom", "limited partnership"},
      {"JSC Mikron", "mikron", "jsc"},
      {"Open Joint Stock Company Sukhoi", "sukhoi", "open joint stock company"},
      {"Group W公司", "group w", "公司"},
      {"Skydio Inc.", "skydio", "inc"},
      {"Limited", "limited", ""},
  };
  for (const Case& c : cases) {
    const AnalyzedName a = N().Analyze(c.name);
    EXPECT_EQ(a.core, c.core) << c.name;
    EXPECT_EQ(a.legal_form, c.legal_form) << c.name;
  }
}

TEST_F(TextNormalizerTest, GenericWordsMeetAcrossLanguages) {
  EXPECT_EQ(N().Analyze("中国电子科技集团有限公司").core_tokens,
            (std::vector<std::string>{"china", "electronics", "technology", "group"}));
  EXPECT_TRUE(Meet("中国电子科技集团有限公司", "China Electronics Technology Group Corporation"));
  EXPECT_TRUE(Meet("三菱电机软件株式会社", "Mitsubishi Electric Software Corporation") ||
              N().Analyze("三菱电机软件株式会社").core_tokens.back() == "software");
  EXPECT_EQ(N().Analyze("Science & Technology").core_tokens,
            (std::vector<std::string>{"technology"}));
}

TEST_F(TextNormalizerTest, CompactKeysIgnoreWordBoundaries) {
  // Both names are on the lists; "Micro Electronics" is two words in
  // English and 微电子 one generic word in Chinese.
  EXPECT_TRUE(Meet("上海微电子装备（集团）股份有限公司",
                   "Shanghai Micro Electronics Equipment (Group) Co., Ltd."));
  EXPECT_TRUE(HasKey("Shanghai Micro Electronics Equipment (Group) Co., Ltd.",
                     "shanghaimicroelectronicsequipmentgroup"));
}

TEST_F(TextNormalizerTest, MixedScriptsAreSetApart) {
  const AnalyzedName a = N().Analyze("L3哈里斯公司");
  EXPECT_EQ(a.folded, "l3 哈里斯公司");
  EXPECT_EQ(a.script, Script::kMixed);
  EXPECT_EQ(a.legal_form, "公司");
  // 洛克希德·马丁: the middle dot does not split a Han name.
  EXPECT_EQ(N().Fold("洛克希德·马丁公司"), "洛克希德马丁公司");
}

TEST_F(TextNormalizerTest, KeysAreBoundedAndClean) {
  EXPECT_TRUE(N().Keys("").empty());
  EXPECT_TRUE(N().Keys(" ,.- ").empty());
  const std::string with_nul("Foo\0Bar", 7);
  for (const std::string& k : N().Keys(with_nul)) {
    EXPECT_EQ(k.find('\0'), std::string::npos);
  }
  // Many polyphonic characters: the Latin keys stay bounded.
  const AnalyzedName a = N().Analyze("长行重乐和都会还得");
  EXPECT_LE(a.latin_keys.size(), TextNormalizer::kMaxLatinKeys);
  EXPECT_GE(a.latin_keys.size(), 4u);
  EXPECT_EQ(N().id(), "icu-v1");
}

TEST_F(TextNormalizerTest, OtherScriptsGetLatinKeys) {
  const AnalyzedName a = N().Analyze("ОАО Микрон");
  EXPECT_EQ(a.script, Script::kOther);
  EXPECT_EQ(a.folded, "оао микрон");
  ASSERT_FALSE(a.latin_keys.empty());
  EXPECT_EQ(a.latin_keys[0].substr(0, 3), "oao");
}

TEST_F(TextNormalizerTest, SafeForConcurrentUse) {
  const std::vector<std::string> expected = N().Keys("華為技術有限公司");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (N().Keys("華為技術有限公司") != expected) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& th : threads) {
    th.join();
  }
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace ecg::text
