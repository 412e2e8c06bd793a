// EntityResolver's constraints, each on its own: records of one list in one
// file stay apart, persons never join organisations, countries must agree,
// weak names link only primary names, and a shared record id joins.
#include "resolve/resolve.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "resolve/correct.h"
#include "text/normalizer.h"

namespace ecg::resolve {
namespace {

class ResolveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = text::TextNormalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value();
    store::Options options;
    options.in_memory = true;
    options.normalizer = normalizer_.get();
    auto s = store::GraphStore::Open(dir_.Sub("db"), options);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    auto run = store_->BeginRun("test");
    ASSERT_TRUE(run.ok());
    run_ = *run;
    auto batch = store_->NewBatch(run_);
    ASSERT_TRUE(batch.ok());
    batch_ = std::move(batch).value();
    auto source = batch_->Vertex(VertexKind::kSource, "sha256:test");
    ASSERT_TRUE(source.ok());
    source_ = *source;
    view_ = store_->NewReadView();
    NewFile();
  }

  // Commits what earlier files wrote and starts the next file: a batch, a
  // view of the committed graph and a resolver of its own.
  void NewFile() {
    if (resolver_ != nullptr) {
      ASSERT_TRUE(batch_->Commit().ok());
      auto batch = store_->NewBatch(run_);
      ASSERT_TRUE(batch.ok());
      batch_ = std::move(batch).value();
      view_ = store_->NewReadView();
    }
    resolver_ = std::make_unique<EntityResolver>(batch_.get(), view_.get(), normalizer_.get());
  }

  // Resolves a record and writes the properties the list writer would.
  Resolution Add(const std::string& id, const std::string& scope, const std::string& name,
                 std::vector<std::string> aliases = {}, const std::string& country = "",
                 const std::string& type = "", std::vector<std::string> other_countries = {}) {
    std::string strong = id.empty() ? "" : "rec:" + id;
    RecordInput in;
    in.strong_key = strong;
    in.scope = scope;
    in.name = name;
    in.aliases = &aliases;
    in.country = country;
    in.other_countries = &other_countries;
    in.type = type;
    auto r = resolver_->Resolve(in);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r->owner) {
      const Interval always = Interval::Always();
      EXPECT_TRUE(batch_->SetProperty(r->id, prop::kName, Value(name), always, source_).ok());
      if (!country.empty()) {
        EXPECT_TRUE(
            batch_->SetProperty(r->id, prop::kCountry, Value(country), always, source_).ok());
      }
      if (!type.empty()) {
        EXPECT_TRUE(batch_->SetProperty(r->id, prop::kType, Value(type), always, source_).ok());
      }
    }
    // Its aliases (and its name, when another record owns the entity) enter
    // the name index, as the writer writes them.
    std::vector<std::string> names = aliases;
    if (!r->owner) {
      names.push_back(name);
    }
    for (const std::string& a : names) {
      EXPECT_TRUE(
          batch_->SetProperty(r->id, prop::kAlias, Value(a), Interval::Always(), source_).ok());
    }
    // Every country the record names is a located_in edge, as the writer does.
    std::vector<std::string> countries = other_countries;
    if (!country.empty()) {
      countries.push_back(country);
    }
    for (const std::string& c : countries) {
      auto cv = batch_->Vertex(VertexKind::kCountry, c);
      EXPECT_TRUE(cv.ok());
      EXPECT_TRUE(
          batch_->PutEdge(EdgeType::kLocatedIn, r->id, *cv, {}, Interval::Always(), source_).ok());
    }
    return *r;
  }

  testutil::TempDir dir_;
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<store::Batch> batch_;
  VertexId source_;
  RunId run_;
  std::unique_ptr<store::ReadView> view_;
  std::unique_ptr<EntityResolver> resolver_;
};

TEST_F(ResolveTest, RecordsOfOneListInOneFileStayApart) {
  // SDN persons sharing the nickname "Abu Umar", and companies one of which
  // names the other as an alias: distinct parties of one file.
  Resolution a = Add("1", "SDN", "ABU MARZOOK, Mousa Mohammed", {"Abu Umar"}, "", "person");
  Resolution b =
      Add("2", "SDN", "BATIRASHVILI, Tarkhan Tayumurazovich", {"Abu Umar"}, "", "person");
  EXPECT_NE(a.id, b.id);
  Resolution c = Add("3", "CMIC", "CNOOC Limited", {}, "CN");
  Resolution d =
      Add("4", "CMIC", "China National Offshore Oil Corporation", {"CNOOC Limited"}, "CN");
  EXPECT_NE(c.id, d.id);
  EXPECT_TRUE(d.created);
}

TEST_F(ResolveTest, OneNameTwiceInOneListFileIsKeptApartUnlessTheIdRepeats) {
  Resolution a = Add("EL-aaa", "EL", "Shenzhen Example Technology Co., Ltd.", {}, "CN");
  Resolution again = Add("EL-aaa~2", "EL", "Shenzhen Example Technology Co., Ltd.", {}, "CN");
  EXPECT_EQ(a.id, again.id);
  Resolution other = Add("EL-bbb", "EL", "Shenzhen Example Technology Co., Ltd.", {}, "CN");
  EXPECT_NE(a.id, other.id);
  EXPECT_NE(other.reason.find("kept apart"), std::string::npos) << other.reason;
}

TEST_F(ResolveTest, ThePartyOfOneListMeetsItselfOnAnotherList) {
  Resolution el = Add("e1", "EL", "Huawei Technologies Co., Ltd.", {}, "CN", "company");
  Resolution meu = Add("m1", "MEU", "HUAWEI TECHNOLOGIES CO., LTD.", {}, "CN", "company");
  EXPECT_EQ(el.id, meu.id);
  NewFile();
  Resolution later = Add("x9", "EL", "Huawei Technologies Co. Ltd", {}, "CN", "company");
  EXPECT_EQ(el.id, later.id);
}

TEST_F(ResolveTest, APersonNeverJoinsAnOrganisation) {
  Resolution org = Add("1", "SDN", "Golden Star Trading Company", {}, "AE", "company");
  NewFile();
  Resolution person = Add("p", "DPL", "GOLDEN STAR TRADING COMPANY", {}, "AE", "person");
  EXPECT_NE(org.id, person.id);
}

TEST_F(ResolveTest, CountriesMustAgreeWhenBothAreKnown) {
  Resolution cn = Add("1", "EL", "Beijing Example Institute of Technology", {}, "CN");
  NewFile();
  Resolution ru = Add("2", "SDN", "Beijing Example Institute of Technology", {}, "RU");
  EXPECT_NE(cn.id, ru.id);
  Resolution unknown = Add("3", "MEU", "Beijing Example Institute of Technology", {}, "");
  EXPECT_EQ(cn.id, unknown.id);
}

TEST_F(ResolveTest, CountriesAgreeThroughAnAddress) {
  // The Entity List lists Hong Kong parties in its China section; the CSL
  // gives the address's country. One party, one shared country.
  Resolution ecfr = Add("1", "EL", "Example Electronics (Hong Kong) Limited", {}, "CN", "", {"HK"});
  NewFile();
  Resolution csl = Add("2", "EL", "Example Electronics (Hong Kong) Limited", {}, "HK");
  EXPECT_EQ(ecfr.id, csl.id) << csl.reason;
  // Without a shared country the constraint still holds.
  NewFile();
  Resolution elsewhere =
      Add("3", "SDN", "Example Electronics (Hong Kong) Limited", {}, "SG", "", {"MY"});
  EXPECT_NE(ecfr.id, elsewhere.id);
}

TEST_F(ResolveTest, AWeakAliasNeverLinksOnItsOwn) {
  // "CEC" is China Electronics Corporation's acronym; CEC LIMITED is another
  // party whose name core is the same one word.
  Resolution cec = Add("1", "1260H", "China Electronics Corporation", {"CEC"}, "CN");
  NewFile();
  Resolution other = Add("2", "SDN", "CEC LIMITED", {}, "");
  EXPECT_NE(cec.id, other.id);
  Resolution by_acronym = Add("3", "EL", "CEC", {}, "CN");
  EXPECT_NE(cec.id, by_acronym.id);
}

TEST_F(ResolveTest, WeakPrimaryNamesStillMeetEachOther) {
  Resolution a = Add("1", "EL", "ROSATOM", {}, "RU");
  NewFile();
  Resolution b = Add("2", "SDN", "Rosatom", {}, "RU");
  EXPECT_EQ(a.id, b.id);
}

TEST_F(ResolveTest, AStrongAliasStillLinks) {
  Resolution a = Add("1", "EL", "Semiconductor Manufacturing International Corporation", {}, "CN");
  NewFile();
  Resolution b = Add("2", "CMIC", "SMIC Holdings",
                     {"Semiconductor Manufacturing International Corporation"}, "CN");
  EXPECT_EQ(a.id, b.id);
  EXPECT_TRUE(b.merged);
}

TEST_F(ResolveTest, AJudgementOfTwoPartiesHoldsAboveEveryName) {
  ASSERT_TRUE(batch_
                  ->SetProperty(source_, prop::kJudgement,
                                Value(EncodeJudgement({false, "rec:b", "rec:a", "two firms"})),
                                Interval::Always(), source_)
                  .ok());
  Resolution a = Add("a", "EL", "Example Trading Company", {}, "AE");
  NewFile();
  Resolution b = Add("b", "SDN", "Example Trading Company", {}, "AE");
  EXPECT_NE(a.id, b.id);
  // Without the judgement the same name and country join.
  Resolution c = Add("c", "DPL", "Example Trading Company", {}, "AE");
  EXPECT_EQ(a.id, c.id);
}

TEST_F(ResolveTest, AJudgementOfOnePartyJoinsWhatNoNameJoins) {
  ASSERT_TRUE(batch_
                  ->SetProperty(source_, prop::kJudgement,
                                Value(EncodeJudgement({true, "rec:y", "rec:x", "renamed in 2024"})),
                                Interval::Always(), source_)
                  .ok());
  Resolution x = Add("x", "EL", "Alpha Beta Industries", {}, "CN");
  NewFile();
  Resolution y = Add("y", "SDN", "Gamma Delta Holdings", {}, "CN");
  EXPECT_EQ(x.id, y.id);
  EXPECT_NE(y.reason.find("judged one party with rec:x"), std::string::npos) << y.reason;
}

TEST_F(ResolveTest, AJudgedRecordKeepsNoOtherRecordOfItsFileOut) {
  // A registry split one entry in two records; a judgement joins the first
  // half to the party of another file, and the second half, named as that
  // party, still meets it although both halves are records of one file.
  ASSERT_TRUE(batch_
                  ->SetProperty(source_, prop::kJudgement,
                                Value(EncodeJudgement({true, "rec:half1", "rec:os", "one entry"})),
                                Interval::Always(), source_)
                  .ok());
  Resolution os = Add("os", "CN-UEL", "Example Defense, Space & Security", {}, "US");
  NewFile();
  Resolution half1 = Add("half1", "CN-UEL", "参与军售的美国示例防务", {}, "");
  Resolution half2 = Add("half2", "CN-UEL", "Example Defense, Space & Security", {}, "");
  EXPECT_EQ(half1.id, os.id) << half1.reason;
  EXPECT_EQ(half2.id, os.id) << half2.reason;
  // An unjudged record of the file is still kept apart from it.
  Resolution third = Add("third", "CN-UEL", "Example Defense, Space & Security", {}, "US");
  EXPECT_NE(third.id, os.id) << third.reason;
}

TEST_F(ResolveTest, NamesWhoseLegalFormsDisagreeShareOnlyTheirCore) {
  // The Entity List's Anvik Technologies Sdn. Bhd. has the alias "Hudson
  // Technologies, Ltd." and an address in the US; China's lists name Hudson
  // Technologies Co., once without a country, once in the US.
  Resolution anvik = Add("el", "EL", "Anvik Technologies Sdn. Bhd.",
                         {"Hudson Technologies, Ltd.", "Cason Technologies"}, "MY", "", {"US"});
  NewFile();
  Resolution bare = Add("cm", "CN-CM", "Hudson Technologies Co.", {}, "");
  EXPECT_NE(bare.id, anvik.id) << bare.reason;
  NewFile();
  Resolution us = Add("uel", "CN-UEL", "Hudson Technologies Co.", {}, "US");
  EXPECT_NE(us.id, anvik.id) << us.reason;
  EXPECT_EQ(us.id, bare.id) << us.reason;
  // Another legal form of the entity's own primary name still links: one
  // party's names vary their form from list to list.
  Resolution hytera =
      Add("h1", "EL", "Hytera Communications Limited", {"Hytera Communications Ltd."}, "CN");
  NewFile();
  Resolution fcc = Add("h2", "FCC", "Hytera Communications Corporation", {}, "");
  EXPECT_EQ(fcc.id, hytera.id) << fcc.reason;
  // A name without a legal form disagrees with none: the alias still links.
  Resolution no_form = Add("x1", "SDN", "Cason Technologies Ltd.", {}, "");
  EXPECT_EQ(no_form.id, anvik.id) << no_form.reason;
}

TEST(LegalFormTest, Disagreement) {
  auto n = text::TextNormalizer::Create();
  ASSERT_TRUE(n.ok());
  const text::TextNormalizer& norm = **n;
  EXPECT_TRUE(LegalFormsDisagree(norm, "Hudson Technologies Co.", "Hudson Technologies, Ltd."));
  EXPECT_TRUE(LegalFormsDisagree(norm, "Example Inc.", "Example GmbH"));
  EXPECT_FALSE(
      LegalFormsDisagree(norm, "Huawei Technologies Co., Ltd.", "Huawei Technologies Ltd."));
  EXPECT_FALSE(LegalFormsDisagree(norm, "Example Company Limited", "Example Co., Ltd."));
  EXPECT_FALSE(LegalFormsDisagree(norm, "Example Inc.", "Example Incorporated"));
  EXPECT_FALSE(LegalFormsDisagree(norm, "Example Technologies", "Example Technologies Ltd."));
  EXPECT_FALSE(
      LegalFormsDisagree(norm, "SHENYANG AIRCRAFT CO. LTD.", "Shenyang Aircraft Corporation"));
  EXPECT_FALSE(
      LegalFormsDisagree(norm, "JOINT STOCK COMPANY AVIATION EQUIPMENT", "JSC Aviation Equipment"));
  EXPECT_FALSE(LegalFormsDisagree(norm, "NPO SPLAV, OAO", "NPO Splav JSC"));
  EXPECT_FALSE(LegalFormsDisagree(norm, "AKTSIONERNOE OBSHCHESTVO TEKHNODINAMIKA",
                                  "Joint Stock Company Tekhnodinamika"));
}

TEST(JudgementTest, EncodesAndDecodes) {
  Judgement j{true, "rec:1", "rec:2", "same registration number\tand address"};
  auto back = DecodeJudgement(EncodeJudgement(j));
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->same);
  EXPECT_EQ(back->record, "rec:1");
  EXPECT_EQ(back->other, "rec:2");
  EXPECT_EQ(back->reason, j.reason);
  EXPECT_FALSE(DecodeJudgement("maybe\trec:1\trec:2\tx").has_value());
  EXPECT_FALSE(DecodeJudgement("same\trec:1").has_value());
}

class CorrectTest : public ResolveTest {
 protected:
  // A record as the list writer leaves it: resolved, named, its resolution
  // statement and its listing (discriminated by its record id) from `file`.
  VertexId Record(const std::string& id, const std::string& list, const std::string& name,
                  VertexId file) {
    Resolution r = Add(id, list, name, {}, "CN");
    const Interval always = Interval::Always();
    EXPECT_TRUE(batch_
                    ->SetProperty(r.id, prop::kResolution,
                                  Value(list + " record " + id + " '" + name + "': " + r.reason),
                                  always, file)
                    .ok());
    EXPECT_TRUE(batch_->SetProperty(r.id, prop::kAlias, Value(name), always, file).ok());
    auto lv = batch_->Vertex(VertexKind::kList, list);
    EXPECT_TRUE(lv.ok());
    EXPECT_TRUE(batch_->PutEdge(EdgeType::kListedOn, r.id, *lv, {}, always, file, id).ok());
    return r.id;
  }
  VertexId File(const std::string& key) {
    auto v = batch_->Vertex(VertexKind::kSource, key);
    EXPECT_TRUE(v.ok());
    return *v;
  }
  size_t Listings(const store::ReadView& view, VertexId id) {
    size_t n = 0;
    EXPECT_TRUE(view.ForEachEdge(id, store::Direction::kOut, EdgeType::kListedOn,
                                 [&](const store::EdgeStatement&) {
                                   ++n;
                                   return true;
                                 })
                    .ok());
    return n;
  }
};

TEST_F(CorrectTest, MergeMovesNamesEdgesAndKeys) {
  VertexId one = File("sha256:one");
  VertexId a = Record("a", "EL", "Alpha Beta Industries", one);
  auto article = batch_->Vertex(VertexKind::kArticle, "article:1");
  ASSERT_TRUE(article.ok());
  ASSERT_TRUE(batch_->PutEdge(EdgeType::kMentions, *article, a, {}, Interval::Always(), one).ok());
  NewFile();
  VertexId two = File("sha256:two");
  VertexId b = Record("b", "SDN", "Gamma Delta Holdings", two);
  ASSERT_NE(a, b);
  NewFile();
  auto c = MergeEntities(batch_.get(), a, b, "one registration number", source_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->entity, b);
  ASSERT_EQ(c->judgements.size(), 1u);
  EXPECT_TRUE(c->judgements[0].same);
  NewFile();
  EXPECT_EQ(*view_->FindByKey(VertexKind::kEntity, "rec:a"), b);
  EXPECT_EQ(Listings(*view_, b), 2u);
  EXPECT_EQ(Listings(*view_, a), 0u);
  size_t mentions = 0;
  ASSERT_TRUE(view_
                  ->ForEachEdge(b, store::Direction::kIn, EdgeType::kMentions,
                                [&](const store::EdgeStatement&) {
                                  ++mentions;
                                  return true;
                                })
                  .ok());
  EXPECT_EQ(mentions, 1u);  // the article's mention follows the merge
  std::vector<store::PropertyStatement> names;
  ASSERT_TRUE(view_->GetProperties(b, prop::kName, &names).ok());
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].value.as_string(), "Gamma Delta Holdings");
  std::vector<store::PropertyStatement> aliases;
  ASSERT_TRUE(view_->GetProperties(b, prop::kAlias, &aliases).ok());
  bool has_a = false;
  for (const auto& p : aliases) {
    has_a = has_a || p.value.as_string() == "Alpha Beta Industries";
  }
  EXPECT_TRUE(has_a);
  EXPECT_FALSE(MergeEntities(batch_.get(), b, b, "x", source_).ok());
  std::vector<std::string> problems;
  ASSERT_TRUE(batch_->Commit().ok());
  Status checked = store_->Check(&problems);
  ASSERT_TRUE(checked.ok()) << checked.ToString();
  for (const std::string& p : problems) {
    ADD_FAILURE() << p;
  }
  resolver_.reset();
}

TEST_F(CorrectTest, SplitMovesTheRecordItsListingAndItsName) {
  VertexId one = File("sha256:one");
  VertexId a = Record("a", "EL", "Example Trading Company", one);
  NewFile();
  VertexId two = File("sha256:two");
  VertexId b = Record("b", "SDN", "Example Trading Company", two);
  ASSERT_EQ(a, b);
  NewFile();
  auto c = SplitRecord(batch_.get(), *normalizer_, a, "rec:b", "two firms", source_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_NE(c->entity, a);
  ASSERT_EQ(c->judgements.size(), 1u);
  EXPECT_FALSE(c->judgements[0].same);
  EXPECT_EQ(c->judgements[0].other, "rec:a");
  NewFile();
  EXPECT_EQ(*view_->FindByKey(VertexKind::kEntity, "rec:b"), c->entity);
  EXPECT_EQ(*view_->FindByKey(VertexKind::kEntity, "rec:a"), a);
  EXPECT_EQ(Listings(*view_, a), 1u);
  EXPECT_EQ(Listings(*view_, c->entity), 1u);
  auto name = view_->GetValue(c->entity, prop::kName);
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(name->as_string(), "Example Trading Company");
  // A record that is the entity's only one cannot be split off.
  EXPECT_FALSE(SplitRecord(batch_.get(), *normalizer_, c->entity, "rec:b", "x", source_).ok());
  EXPECT_FALSE(SplitRecord(batch_.get(), *normalizer_, a, "rec:zzz", "x", source_).ok());
}

TEST(WeakNameTest, Reasons) {
  auto n = text::TextNormalizer::Create();
  ASSERT_TRUE(n.ok());
  const text::TextNormalizer& norm = **n;
  EXPECT_EQ(WeakNameReason(norm, "CEC"), "one word");
  EXPECT_EQ(WeakNameReason(norm, "CEC LIMITED"), "one word");
  EXPECT_EQ(WeakNameReason(norm, "MATE"), "one word");
  EXPECT_EQ(WeakNameReason(norm, "Abu Umar"), "nickname");
  EXPECT_EQ(WeakNameReason(norm, "ABU-'ALI"), "nickname");
  EXPECT_EQ(WeakNameReason(norm, "中兴"), "two Han characters");
  EXPECT_EQ(WeakNameReason(norm, "China Electronics Corporation"), "");
  EXPECT_EQ(WeakNameReason(norm, "中兴通讯股份有限公司"), "");
  EXPECT_EQ(WeakNameReason(norm, "Huawei Technologies Co., Ltd."), "");
}

}  // namespace
}  // namespace ecg::resolve
