// The linker's evidence rules on a hand-built gazetteer: weak names (a
// one-token person alias, an acronym, a one-word legal-form core, a
// two-character Han person name) link only with corroborating context and
// otherwise stay candidates with the reason; short Han place names match
// only on ICU word boundaries; every mention carries its sentence.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/articles/gazetteer.h"
#include "ingest/articles/linker.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg::ingest {
namespace {

const VertexId kPerson(1);  // an SDN person whose nickname is MATE
const VertexId kCec(2);     // "IAN LIMITED" is an alias: core "ian"
const VertexId kChina(3);
const VertexId kMali(4);
const VertexId kAcro(5);       // "TCI" only
const VertexId kHanPerson(6);  // 王伟
const VertexId kAlibaba(7);
const VertexId kHuawei(8);

class EvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    normalizer_ = text::TextNormalizer::Create().value();
    g_ = std::make_unique<Gazetteer>(normalizer_.get());
    g_->AddName("LALOVIC, Dragan", kPerson, VertexKind::kEntity, NameRole::kName, "", true);
    g_->AddName("MATE", kPerson, VertexKind::kEntity, NameRole::kAlias, "", true);
    g_->AddName("China Electronics Corporation", kCec, VertexKind::kEntity, NameRole::kName, "CN");
    g_->AddName("IAN LIMITED", kCec, VertexKind::kEntity, NameRole::kAlias, "CN");
    g_->AddName("中国", kChina, VertexKind::kCountry, NameRole::kAlias, "CN");
    g_->AddName("马里", kMali, VertexKind::kCountry, NameRole::kAlias, "ML");
    g_->AddName("TCI", kAcro, VertexKind::kEntity, NameRole::kAlias, "IR");
    g_->AddName("Telecommunication Company of Iran", kAcro, VertexKind::kEntity, NameRole::kName,
                "IR");
    g_->AddName("王伟", kHanPerson, VertexKind::kEntity, NameRole::kAlias, "CN", true);
    g_->AddName("Alibaba Group Holding Limited", kAlibaba, VertexKind::kEntity, NameRole::kName,
                "CN");
    g_->AddName("华为技术有限公司", kHuawei, VertexKind::kEntity, NameRole::kName, "CN");
    g_->AddName("Huawei Technologies Co., Ltd.", kHuawei, VertexKind::kEntity, NameRole::kAlias,
                "CN");
    g_->Finish();
  }

  std::vector<Mention> Link(const std::string& text) { return LinkText(g_.get(), text).mentions; }

  static const Mention* At(const std::vector<Mention>& ms, const std::string& surface) {
    for (const Mention& m : ms) {
      if (m.surface == surface) {
        return &m;
      }
    }
    return nullptr;
  }

  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<Gazetteer> g_;
};

TEST_F(EvidenceTest, OneTokenPersonAliasIsACandidateWithItsReason) {
  std::vector<Mention> m = Link("華為今年將暫停發布Mate 50系列新型號手機。");
  const Mention* mate = At(m, "Mate");
  ASSERT_NE(mate, nullptr);
  EXPECT_EQ(mate->role, kRoleCandidate);
  EXPECT_NE(mate->reason.find("one-token person alias"), std::string::npos) << mate->reason;
  EXPECT_NE(mate->reason.find("without corroborating context"), std::string::npos);
}

TEST_F(EvidenceTest, OneTokenPersonAliasLinksWhenTheFullNameIsInTheArticle) {
  std::vector<Mention> m = Link("Dragan Lalovic, known as MATE, was designated. LALOVIC, Dragan");
  const Mention* mate = At(m, "MATE");
  ASSERT_NE(mate, nullptr);
  EXPECT_EQ(mate->role, kRoleMention);
  EXPECT_EQ(mate->vertex, kPerson);
  EXPECT_NE(mate->reason.find("named in full elsewhere"), std::string::npos) << mate->reason;
}

TEST_F(EvidenceTest, OneWordLegalFormCoreNeedsEvidence) {
  // "Ian" is the core of the alias "IAN LIMITED": a first name, not CEC.
  std::vector<Mention> m = Link("加拿大司法部發言人Ian McLeon透露，中國公民被捕。");
  const Mention* ian = At(m, "Ian");
  ASSERT_NE(ian, nullptr);
  EXPECT_EQ(ian->role, kRoleCandidate);
  EXPECT_NE(ian->reason.find("legal-form core of one short word"), std::string::npos);
  // With its legal form it is the alias itself and links.
  m = Link("IAN LIMITED signed the contract.");
  ASSERT_NE(At(m, "IAN LIMITED"), nullptr);
  EXPECT_EQ(At(m, "IAN LIMITED")->role, kRoleMention);
}

TEST_F(EvidenceTest, AcronymLinksWithTheFullNameNearby) {
  std::vector<Mention> alone = Link("向伊朗最大的電信運營商TCI提供設備。");
  ASSERT_NE(At(alone, "TCI"), nullptr);
  EXPECT_EQ(At(alone, "TCI")->role, kRoleCandidate);
  std::vector<Mention> with = Link("Telecommunication Company of Iran (TCI) bought the equipment.");
  ASSERT_NE(At(with, "TCI"), nullptr);
  EXPECT_EQ(At(with, "TCI")->role, kRoleMention);
  EXPECT_EQ(At(with, "TCI")->vertex, kAcro);
}

TEST_F(EvidenceTest, TwoCharacterHanPersonNameIsACandidate) {
  std::vector<Mention> m = Link("王伟表示不予置评。");
  ASSERT_NE(At(m, "王伟"), nullptr);
  EXPECT_EQ(At(m, "王伟")->role, kRoleCandidate);
  EXPECT_NE(At(m, "王伟")->reason.find("two-character Han person name"), std::string::npos);
}

TEST_F(EvidenceTest, CountriesInsideCompoundsDoNotMatch) {
  std::vector<Mention> m = Link("管制可能导致一些发展中国家更难获得先进AI技术。");
  EXPECT_EQ(At(m, "中国"), nullptr);
  m = Link("民主黨馬里蘭州參議員范荷倫表示。");
  EXPECT_EQ(At(m, "馬里"), nullptr);
  m = Link("中国商务部表示。");
  ASSERT_NE(At(m, "中国"), nullptr);
  EXPECT_EQ(At(m, "中国")->vertex, kChina);
}

TEST_F(EvidenceTest, HanTransliterationOfALatinName) {
  std::vector<Mention> m = Link("阿里巴巴周二在杭州推出晶片。");
  const Mention* ali = At(m, "阿里巴巴");
  ASSERT_NE(ali, nullptr);
  EXPECT_EQ(ali->vertex, kAlibaba);
  EXPECT_EQ(ali->role, kRoleMention);
  EXPECT_NE(ali->reason.find("alibaba"), std::string::npos) << ali->reason;
}

TEST_F(EvidenceTest, ADifferentNameInParenthesesKeepsTheHanNameACandidate) {
  std::vector<Mention> m =
      Link("致函華為在美國矽谷的子公司華為技術有限公司（Futurewei Technologies），稱");
  const Mention* hw = At(m, "華為技術有限公司");
  ASSERT_NE(hw, nullptr);
  EXPECT_EQ(hw->role, kRoleCandidate);
  EXPECT_NE(hw->reason.find("Futurewei Technologies"), std::string::npos) << hw->reason;
  // The same entity's Latin name in parentheses agrees.
  m = Link("華為技術有限公司（Huawei Technologies Co., Ltd.）表示");
  ASSERT_NE(At(m, "華為技術有限公司"), nullptr);
  EXPECT_EQ(At(m, "華為技術有限公司")->role, kRoleMention);
}

TEST_F(EvidenceTest, EveryMentionCarriesItsSentence) {
  std::vector<Mention> m = Link("第一句。中国商务部周五表示将建立制度！第三句。");
  const Mention* cn = At(m, "中国");
  ASSERT_NE(cn, nullptr);
  EXPECT_EQ(cn->context, "中国商务部周五表示将建立制度！");
}

}  // namespace
}  // namespace ecg::ingest
