// The linker on a hand-built gazetteer: original offsets through folding,
// longest match in Chinese, word boundaries in Latin text, evidence for short
// and generic names, candidates of ambiguous names, unlinked organisations,
// ECCNs and FR citations, and the two automaton modes agreeing.
#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/articles/automaton.h"
#include "ingest/articles/gazetteer.h"
#include "ingest/articles/linker.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg::ingest {
namespace {

const VertexId kHuawei(1);
const VertexId kSmic(2);
const VertexId kH100(3);
const VertexId kLitho(4);
const VertexId kEuv(5);
const VertexId kChina(6);
const VertexId kZte(7);
const VertexId kEl(8);
const VertexId kAmbiguousA(9);
const VertexId kAmbiguousB(10);
const VertexId kEccn(11);
const VertexId kRule(12);
const VertexId kGenericCo(13);

class LinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = text::TextNormalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value();
    g_ = std::make_unique<Gazetteer>(normalizer_.get());
    g_->AddName("Huawei Technologies Co., Ltd.", kHuawei, VertexKind::kEntity, NameRole::kName,
                "CN");
    g_->AddName("华为", kHuawei, VertexKind::kEntity, NameRole::kAlias, "CN");
    g_->AddName("Huawei", kHuawei, VertexKind::kEntity, NameRole::kAlias, "CN");
    g_->AddName("中芯国际", kSmic, VertexKind::kEntity, NameRole::kAlias, "CN");
    g_->AddName("中芯国际集成电路制造有限公司", kSmic, VertexKind::kEntity, NameRole::kName, "CN");
    g_->AddName("H100", kH100, VertexKind::kTechnology, NameRole::kCode);
    g_->AddName("光刻机", kLitho, VertexKind::kTechnology, NameRole::kAlias);
    g_->AddName("EUV光刻机", kEuv, VertexKind::kTechnology, NameRole::kAlias);
    g_->AddName("中国", kChina, VertexKind::kCountry, NameRole::kAlias, "CN");
    g_->AddName("ZT", kZte, VertexKind::kEntity, NameRole::kAlias, "CN");
    g_->AddName("ZTE Corporation", kZte, VertexKind::kEntity, NameRole::kName, "CN");
    g_->AddName("实体清单", kEl, VertexKind::kList, NameRole::kAlias);
    g_->AddName("Acme Dynamics", kAmbiguousA, VertexKind::kEntity, NameRole::kAlias, "US");
    g_->AddName("Acme Dynamics", kAmbiguousB, VertexKind::kEntity, NameRole::kAlias, "GB");
    g_->AddName("Technology", kGenericCo, VertexKind::kEntity, NameRole::kAlias, "US");
    g_->AddEccn("3A090", kEccn);
    g_->AddCitation("89 FR 96790", kRule);
    g_->Finish();
  }

  std::vector<Mention> Link(const std::string& text) { return LinkText(g_.get(), text).mentions; }

  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<Gazetteer> g_;
};

TEST_F(LinkerTest, TraditionalAndFullWidthTextKeepsOriginalOffsets) {
  // "華為" folds to 华为; "Ｈ１００" (full width) to h100.
  const std::string text = "美國制裁華為，禁售Ｈ１００。";
  std::vector<Mention> m = Link(text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].vertex, kHuawei);
  EXPECT_EQ(m[0].surface, "華為");
  EXPECT_EQ(m[0].offset, 4u);
  EXPECT_EQ(m[0].length, 2u);
  EXPECT_EQ(m[0].byte_offset, text.find("華為"));
  EXPECT_EQ(m[1].vertex, kH100);
  EXPECT_EQ(m[1].surface, "Ｈ１００");
  EXPECT_EQ(m[1].offset, 9u);
  EXPECT_EQ(m[1].byte_offset, text.find("Ｈ１００"));
  EXPECT_EQ(m[1].role, kRoleMention);
}

TEST_F(LinkerTest, ChinesePrefersTheLongestMatch) {
  std::vector<Mention> m = Link("中芯国际集成电路制造有限公司购买EUV光刻机。");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].vertex, kSmic);
  EXPECT_EQ(m[0].length, 14u);
  EXPECT_DOUBLE_EQ(m[0].confidence, 0.95);
  EXPECT_EQ(m[1].vertex, kEuv);
  EXPECT_EQ(m[1].surface, "EUV光刻机");
}

TEST_F(LinkerTest, LatinNamesNeedWordBoundaries) {
  EXPECT_TRUE(Link("The H1000 and XH100 are not products.").empty());
  std::vector<Mention> m = Link("NVIDIA的H100系列");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].surface, "H100");
}

TEST_F(LinkerTest, LegalFormAfterNameIsNotPartOfTheCoreMatch) {
  std::vector<Mention> m = Link("Huawei Technologies Co., Ltd. said so.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].surface, "Huawei Technologies Co., Ltd");
  EXPECT_EQ(m[0].vertex, kHuawei);
}

TEST_F(LinkerTest, ShortNamesNeedEvidence) {
  EXPECT_TRUE(Link("ZT said nothing.").empty());
  // A legal form right after it.
  ASSERT_EQ(Link("ZT Co., Ltd. said nothing.").size(), 1u);
  // A second name of the same vertex elsewhere in the text.
  std::vector<Mention> m = Link("ZT, also known as ZTE Corporation, said nothing.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].vertex, kZte);
  EXPECT_DOUBLE_EQ(m[0].confidence, 0.6);
  // A mention of the vertex's country.
  EXPECT_EQ(Link("中国的ZT").size(), 2u);
}

TEST_F(LinkerTest, GenericWordsNeedEvidence) {
  EXPECT_TRUE(Link("Technology moves fast.").empty());
}

TEST_F(LinkerTest, AmbiguousNamesKeepTheirCandidates) {
  std::vector<Mention> m = Link("Acme Dynamics sold chips.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].role, kRoleCandidate);
  EXPECT_EQ(m[1].role, kRoleCandidate);
  EXPECT_EQ(m[0].offset, m[1].offset);
  EXPECT_NE(m[0].vertex, m[1].vertex);
  EXPECT_DOUBLE_EQ(m[0].confidence, 0.45);
}

TEST_F(LinkerTest, EccnsAndCitationsByPattern) {
  const std::string text = "根据89 FR 96790，3A090.a 物项受管制。";
  std::vector<Mention> m = Link(text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].vertex, kRule);
  EXPECT_EQ(m[0].surface, "89 FR 96790");
  EXPECT_EQ(m[0].offset, 2u);
  EXPECT_EQ(m[1].vertex, kEccn);
  EXPECT_EQ(m[1].surface, "3A090");  // the nearest ECCN the graph has
  EXPECT_DOUBLE_EQ(m[1].confidence, 0.9);
}

TEST_F(LinkerTest, UnlinkedOrganisationsAreReported) {
  LinkResult r = LinkText(g_.get(),
                          "华为与深圳市光明半导体有限公司合作，并与北京量子研究所和中芯国际有限公司"
                          "签约。Example Photonics Co., Ltd. and Huawei Technologies Co., Ltd. "
                          "were named in 91 FR 12345.");
  EXPECT_EQ(r.unlinked, (std::vector<std::string>{"深圳市光明半导体有限公司", "北京量子研究所",
                                                  "Example Photonics Co., Ltd.", "91 FR 12345"}));
}

TEST_F(LinkerTest, UnlinkedOrganisationsSkipLinkedNamesAndGenericSpans) {
  // 中国 is linked, so the unknown company is 高通公司; 两家公司 and 中国公司
  // name no one.
  LinkResult r = LinkText(g_.get(), "中国高通公司与两家公司及中国公司签约，华为公司未参与。");
  EXPECT_EQ(r.unlinked, (std::vector<std::string>{"高通公司"}));
}

TEST_F(LinkerTest, AhoCorasickAndTrieWalkAgree) {
  const std::string text =
      testutil::ReadFile(testutil::SharedData("news_zh_hkcnews/article_33610.md"));
  LinkOptions ac;
  ac.mode = MatchMode::kAhoCorasick;
  LinkOptions walk;
  walk.mode = MatchMode::kTrieWalk;
  std::vector<Mention> a = LinkText(g_.get(), text, ac).mentions;
  std::vector<Mention> b = LinkText(g_.get(), text, walk).mentions;
  ASSERT_EQ(a.size(), b.size());
  EXPECT_GT(a.size(), 3u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].offset, b[i].offset);
    EXPECT_EQ(a[i].vertex, b[i].vertex);
  }
}

TEST(AutomatonTest, ReportsOverlappingMatches) {
  Automaton a;
  uint32_t he = a.Add(U"he");
  uint32_t she = a.Add(U"she");
  uint32_t hers = a.Add(U"hers");
  a.Finish();
  std::vector<std::tuple<size_t, size_t, uint32_t>> got;
  a.Match(U"ushers", MatchMode::kAhoCorasick,
          [&](size_t b, size_t e, uint32_t id) { got.emplace_back(b, e, id); });
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::tuple<size_t, size_t, uint32_t>>{
                     {1, 4, she}, {2, 4, he}, {2, 6, hers}}));
}

}  // namespace
}  // namespace ecg::ingest
