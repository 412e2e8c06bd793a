// Tests of the regulation writer on Federal Register documents: the real posts
// in ../shared/data/fr_metadata_deepseek_news/_posts and the FR XML fixture.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/fr_post.h"
#include "ingest/regs/fr_xml.h"
#include "tests/ingest/regs_writer_test_util.h"

#include "resolve/resolve.h"

namespace ecg::ingest {
namespace {

namespace fs = std::filesystem;

Date D(const char* s) {
  return Date::Parse(s).value();
}

std::vector<FrDocument> RealPosts() {
  std::vector<std::string> files;
  for (const auto& e :
       fs::directory_iterator(testutil::SharedData("fr_metadata_deepseek_news/_posts"))) {
    if (e.path().extension() == ".md") {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<FrDocument> docs;
  for (const std::string& f : files) {
    Result<FrDocument> doc = ParseFrPost(testutil::ReadFile(f), fs::path(f).filename().string());
    EXPECT_TRUE(doc.ok()) << doc.status().ToString();
    if (doc.ok()) {
      docs.push_back(std::move(doc).value());
    }
  }
  Result<std::vector<FrDocument>> merged = MergeFrDocuments(std::move(docs));
  EXPECT_TRUE(merged.ok()) << merged.status().ToString();
  return merged.ok() ? std::move(merged).value() : std::vector<FrDocument>{};
}

std::vector<FrDocument> XmlFixture() {
  std::string bytes = testutil::ReadFile(testutil::TestData("regs/fr_entity_list_rule.xml"));
  Result<std::vector<FrDocument>> docs = ParseFrXml(bytes, "fr_entity_list_rule.xml");
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  return docs.ok() ? std::move(docs).value() : std::vector<FrDocument>{};
}

Status WriteAll(RegWriter* w, const std::vector<FrDocument>& docs) {
  for (const FrDocument& d : docs) {
    ECG_RETURN_IF_ERROR(w->WriteFrDocument(d));
  }
  return Status::OK();
}

using RegWriterRulesTest = RegWriterTest;

TEST_F(RegWriterRulesTest, PostsBecomeRulesWithTitlesAndDates) {
  std::vector<FrDocument> docs = RealPosts();
  ASSERT_GT(docs.size(), 100u);
  RegWriteCounts counts = Write("posts", [&](RegWriter* w) { return WriteAll(w, docs); });
  EXPECT_EQ(counts.records, docs.size());
  EXPECT_GT(counts.created, 0u);

  VertexId oct2022 = Find(VertexKind::kRule, "2022-21658");
  ASSERT_TRUE(oct2022.valid());
  Value title = Get(oct2022, "title");
  ASSERT_EQ(title.type(), PropertyType::kString);
  EXPECT_NE(title.as_string().find("Advanced Computing"), std::string::npos) << title.ToString();
  Value pub = Get(oct2022, "publication_date");
  ASSERT_EQ(pub.type(), PropertyType::kDate);
  EXPECT_EQ(pub.as_date(), D("2022-10-13"));
  EXPECT_EQ(Get(oct2022, "document_number").ToString(), "2022-21658");
  // Facts of a rule hold from its publication on.
  EXPECT_TRUE(Get(oct2022, "title", AsOf(D("2022-10-12"))).is_null());

  VertexId diffusion = Find(VertexKind::kRule, "2025-00636");
  ASSERT_TRUE(diffusion.valid());
  EXPECT_EQ(Get(diffusion, "title").ToString(), "Framework for Artificial Intelligence Diffusion");
  EXPECT_EQ(Get(diffusion, "name").ToString(), "Framework for Artificial Intelligence Diffusion");

  // ECCNs named in an abstract: amends edges with the role the text gives
  // (the abstracts name 1C351, 6A003, 0D521, ...; none names 3A090).
  size_t checked = 0;
  for (const FrDocument& d : docs) {
    if (d.eccns.empty()) {
      continue;
    }
    VertexId rule = Find(VertexKind::kRule, d.document_number);
    std::vector<EdgeSeen> edges = Edges(rule, store::Direction::kOut, EdgeType::kAmends);
    ASSERT_EQ(edges.size(), d.eccns.size()) << d.document_number;
    for (const EccnRef& ref : d.eccns) {
      const EdgeSeen* e = FindEdge(edges, ref.code);
      ASSERT_NE(e, nullptr) << d.document_number << " " << ref.code;
      EXPECT_EQ(e->edge.Get(prop::kRole).ToString(), EccnRoleName(ref.role));
      EXPECT_EQ(e->edge.meta.valid.from, *d.publication_date);
    }
    ++checked;
  }
  EXPECT_GT(checked, 3u);
}

TEST_F(RegWriterRulesTest, EntityListCountsAreTypedProperties) {
  std::vector<FrDocument> docs = RealPosts();
  Write("posts", [&](RegWriter* w) { return WriteAll(w, docs); });
  size_t checked = 0;
  for (const FrDocument& d : docs) {
    if (!d.counts.entities_added) {
      continue;
    }
    VertexId rule = Find(VertexKind::kRule, d.document_number);
    ASSERT_TRUE(rule.valid()) << d.document_number;
    Value added = Get(rule, "entities_added");
    ASSERT_EQ(added.type(), PropertyType::kInt) << d.document_number;
    EXPECT_EQ(added.as_int(), *d.counts.entities_added) << d.document_number;
    if (d.counts.entries_added) {
      EXPECT_EQ(Get(rule, "entries_added").as_int(), *d.counts.entries_added);
    }
    if (!d.counts.per_country.empty()) {
      const CountryCount& first = d.counts.per_country[0];
      std::string expect = first.country + " (" + std::to_string(first.count) + ")";
      EXPECT_EQ(Get(rule, "country_counts").ToString().rfind(expect, 0), 0u) << d.document_number;
    }
    ++checked;
  }
  EXPECT_GT(checked, 10u);
}

TEST_F(RegWriterRulesTest, AffiliatesRuleSuspendedForOneYear) {
  std::vector<FrDocument> docs = RealPosts();
  Write("posts", [&](RegWriter* w) { return WriteAll(w, docs); });
  VertexId affiliates = Find(VertexKind::kRule, "2025-19001");
  ASSERT_TRUE(affiliates.valid());
  EXPECT_EQ(Get(affiliates, "publication_date").as_date(), D("2025-09-30"));
  // The suspension names the Affiliates rule by its title only; the title
  // resolves to the rule, not to a placeholder.
  std::vector<EdgeSeen> in = Edges(affiliates, store::Direction::kIn, EdgeType::kSuspends);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].other_key, "2025-19846");
  EXPECT_EQ(in[0].edge.meta.valid.from, D("2025-11-10"));
  EXPECT_EQ(in[0].edge.meta.valid.to, D("2026-11-10"));
  EXPECT_EQ(in[0].edge.Get(prop::kRelation).ToString(), "suspends");
  // In force before and after the suspension, suspended during it.
  EXPECT_TRUE(
      Edges(affiliates, store::Direction::kIn, EdgeType::kSuspends, AsOf(D("2025-10-15"))).empty());
  EXPECT_EQ(
      Edges(affiliates, store::Direction::kIn, EdgeType::kSuspends, AsOf(D("2026-11-09"))).size(),
      1u);
  EXPECT_TRUE(
      Edges(affiliates, store::Direction::kIn, EdgeType::kSuspends, AsOf(D("2026-11-10"))).empty());
}

TEST_F(RegWriterRulesTest, SuspensionBeforeTheRuleItSuspendsStillMerges) {
  std::vector<FrDocument> docs = RealPosts();
  std::vector<FrDocument> suspension;
  std::vector<FrDocument> rest;
  for (FrDocument& d : docs) {
    (d.document_number == "2025-19846" ? suspension : rest).push_back(std::move(d));
  }
  ASSERT_EQ(suspension.size(), 1u);
  // Separate runs, the suspending document first: a placeholder keyed by the
  // title is created, then completed by the Affiliates rule itself.
  Write("suspension", [&](RegWriter* w) { return WriteAll(w, suspension); });
  Write("rest", [&](RegWriter* w) { return WriteAll(w, rest); });
  VertexId affiliates = Find(VertexKind::kRule, "2025-19001");
  ASSERT_TRUE(affiliates.valid());
  std::vector<EdgeSeen> in = Edges(affiliates, store::Direction::kIn, EdgeType::kSuspends);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].other_key, "2025-19846");
}

TEST_F(RegWriterRulesTest, WritingTheSameDocumentsTwiceChangesNothing) {
  std::vector<FrDocument> docs = RealPosts();
  for (FrDocument& d : XmlFixture()) {
    docs.push_back(std::move(d));
  }
  // One batch per document in publication order, as the ingest run writes
  // one batch per file (references by date see the rules committed before).
  std::stable_sort(docs.begin(), docs.end(), [](const FrDocument& a, const FrDocument& b) {
    return a.publication_date < b.publication_date;
  });
  auto write_all = [&](const std::string& label) {
    RegWriteCounts sum;
    for (const FrDocument& d : docs) {
      RegWriteCounts c =
          Write(label + d.document_number, [&](RegWriter* w) { return w->WriteFrDocument(d); });
      sum.created += c.created;
      sum.changed += c.changed;
      sum.unchanged += c.unchanged;
      sum.entities_new += c.entities_new;
    }
    return sum;
  };
  RegWriteCounts first = write_all("first");
  EXPECT_GT(first.created, 0u);
  RegWriteCounts second = write_all("second");
  EXPECT_EQ(second.created, 0u);
  EXPECT_EQ(second.changed, 0u);
  EXPECT_EQ(second.unchanged, first.created + first.changed + first.unchanged);
  EXPECT_EQ(second.entities_new, 0u);
  std::vector<std::string> problems;
  ASSERT_OK(store_->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems[0];
}

TEST_F(RegWriterRulesTest, XmlEntityListChangesBecomeEdgesFromTheEffectiveDate) {
  std::vector<FrDocument> docs = XmlFixture();
  ASSERT_EQ(docs.size(), 1u);
  RegWriteCounts counts = Write("xml", [&](RegWriter* w) { return WriteAll(w, docs); });
  EXPECT_EQ(counts.entities_new, 5u);
  VertexId rule = Find(VertexKind::kRule, "2024-28267");
  ASSERT_TRUE(rule.valid());
  EXPECT_EQ(Find(VertexKind::kRule, "89 FR 96830"), rule);  // the citation is a key too
  EXPECT_EQ(Get(rule, "effective_date").as_date(), D("2024-12-02"));
  EXPECT_EQ(Get(rule, "rin").ToString(), "0694-AJ87");
  EXPECT_EQ(Get(rule, "entities_removed").as_int(), 1);

  std::vector<EdgeSeen> adds = Edges(rule, store::Direction::kOut, EdgeType::kAdds);
  std::vector<EdgeSeen> revises = Edges(rule, store::Direction::kOut, EdgeType::kRevises);
  std::vector<EdgeSeen> removes = Edges(rule, store::Direction::kOut, EdgeType::kRemoves);
  ASSERT_EQ(adds.size(), 3u);
  ASSERT_EQ(revises.size(), 1u);
  ASSERT_EQ(removes.size(), 1u);
  for (const auto* group : {&adds, &revises, &removes}) {
    for (const EdgeSeen& e : *group) {
      EXPECT_EQ(e.edge.meta.valid, Interval::Since(D("2024-12-02")));
      EXPECT_EQ(e.edge.Get(prop::kCitation).ToString(), "89 FR 96830");
      EXPECT_EQ(e.edge.Get(prop::kListName).ToString(), "Entity List");
    }
  }
  EXPECT_EQ(Get(revises[0].other, "name").ToString(),
            "Semiconductor Manufacturing International Corporation (SMIC)");
  EXPECT_EQ(Get(removes[0].other, "name").ToString(), "Obsolete Trading Co., Ltd.");
  // New entities get the list writer's canonical key, so both pipelines meet.
  EXPECT_EQ(Find(VertexKind::kEntity,
                 resolve::EntityKey(*normalizer_, "Obsolete Trading Co., Ltd.", "CN")),
            removes[0].other);

  VertexId ele = VertexId();
  for (const EdgeSeen& e : adds) {
    if (Get(e.other, "name").ToString() == "Example Lithography Equipment Co., Ltd.") {
      ele = e.other;
      EXPECT_EQ(e.edge.Get(prop::kLicensePolicy).ToString(), "Presumption of denial.");
    }
  }
  ASSERT_TRUE(ele.valid());
  EXPECT_EQ(Get(ele, "country").ToString(), "CN");
  std::vector<Value> aliases = Values(ele, "alias");
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), Value("ELE Co.")), aliases.end());
  EXPECT_EQ(Values(ele, "address").size(), 2u);
  std::vector<EdgeSeen> located = Edges(ele, store::Direction::kOut, EdgeType::kLocatedIn);
  ASSERT_EQ(located.size(), 1u);
  EXPECT_EQ(located[0].other_key, "CN");
  // Before the effective date the rule has not added anyone.
  EXPECT_TRUE(Edges(rule, store::Direction::kOut, EdgeType::kAdds, AsOf(D("2024-12-01"))).empty());
}

TEST_F(RegWriterRulesTest, MergesOntoRuleAndEntityKnownFromLists) {
  // What a list writer leaves behind: a rule known only by its citation and
  // SMIC under the exact name the rule text uses.
  VertexId cited;
  VertexId smic;
  {
    ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("lists"));
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
    ASSERT_OK_AND_ASSIGN(VertexId src, batch->Vertex(VertexKind::kSource, "test:list"));
    ASSERT_OK_AND_ASSIGN(cited, batch->Vertex(VertexKind::kRule, "89 FR 96830"));
    ASSERT_OK_AND_ASSIGN(smic, batch->Vertex(VertexKind::kEntity, "csl:el:smic"));
    ASSERT_OK(batch
                  ->SetProperty(smic, prop::kName,
                                Value("Semiconductor Manufacturing International Corporation "
                                      "(SMIC)"),
                                Interval::Always(), src)
                  .status());
    ASSERT_OK(
        batch->SetProperty(smic, prop::kCountry, Value("CN"), Interval::Always(), src).status());
    ASSERT_OK(batch->Commit());
  }
  RegWriteCounts counts = Write("xml", [&](RegWriter* w) { return WriteAll(w, XmlFixture()); });
  EXPECT_EQ(counts.entities_merged, 1u);
  EXPECT_EQ(counts.entities_new, 4u);
  EXPECT_EQ(Find(VertexKind::kRule, "2024-28267"), cited);
  std::vector<EdgeSeen> revised = Edges(smic, store::Direction::kIn, EdgeType::kRevises);
  ASSERT_EQ(revised.size(), 1u);
  EXPECT_EQ(revised[0].other, cited);
}

TEST_F(RegWriterRulesTest, CorrectionNamedOnlyByDateResolvesToThatDaysRule) {
  Write("xml", [&](RegWriter* w) { return WriteAll(w, XmlFixture()); });
  FrDocument fix;
  fix.document_number = "2024-99999";  // fictional
  fix.title = "Additions to the Entity List; Correction";
  fix.publication_date = D("2024-12-20");
  RuleRef ref;
  ref.relation = RuleRelation::kCorrects;
  ref.target_date = D("2024-12-02");  // "a final rule published on December 2, 2024"
  fix.related.push_back(ref);
  Write("fix", [&](RegWriter* w) { return w->WriteFrDocument(fix); });
  VertexId corrected = Find(VertexKind::kRule, "2024-28267");
  std::vector<EdgeSeen> in = Edges(corrected, store::Direction::kIn, EdgeType::kCorrects);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].other_key, "2024-99999");
  EXPECT_EQ(in[0].edge.meta.valid, Interval::Since(D("2024-12-20")));
}

}  // namespace
}  // namespace ecg::ingest
