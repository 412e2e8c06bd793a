// Tests of the Federal Register post parser and the abstract fact extraction,
// on the real posts in ../shared/data/fr_metadata_deepseek_news/_posts.
#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/fr_post.h"
#include "ingest/regs/fr_text.h"
#include "ingest/util/dates.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

namespace fs = std::filesystem;

std::string PostsDir() {
  return testutil::SharedData("fr_metadata_deepseek_news/_posts");
}

std::vector<std::string> PostFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(PostsDir())) {
    if (e.path().extension() == ".md") {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Parses the post whose item_id names `number`.
FrDocument ParsePostFor(const std::string& number) {
  for (const std::string& f : PostFiles()) {
    std::string bytes = testutil::ReadFile(f);
    if (bytes.find("federal_register:" + number + "\n") == std::string::npos) {
      continue;
    }
    Result<FrDocument> doc = ParseFrPost(bytes, fs::path(f).filename().string());
    EXPECT_TRUE(doc.ok()) << doc.status().ToString();
    if (doc.ok()) {
      return *doc;
    }
  }
  ADD_FAILURE() << "no post for " << number;
  return {};
}

TEST(FrPostTest, ParsesEveryRealPost) {
  std::vector<std::string> files = PostFiles();
  ASSERT_EQ(files.size(), 159u);
  for (const std::string& f : files) {
    Result<FrDocument> doc = ParseFrPost(testutil::ReadFile(f), f);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_FALSE(doc->document_number.empty()) << f;
    EXPECT_FALSE(doc->title.empty()) << f;
    EXPECT_TRUE(doc->publication_date.has_value()) << f;
    EXPECT_FALSE(doc->abstract.empty()) << f;
    // The file name's date prefix is the FR date.
    EXPECT_EQ(fs::path(f).filename().string().substr(0, 10), doc->publication_date->ToString())
        << f;
  }
}

TEST(FrPostTest, AdvancedComputingRuleHasTitleAndFrDate) {
  FrDocument doc = ParsePostFor("2022-21658");
  EXPECT_EQ(doc.document_number, "2022-21658");
  EXPECT_EQ(doc.title,
            "Implementation of Additional Export Controls: Certain Advanced Computing and "
            "Semiconductor Manufacturing Items; Supercomputer and Semiconductor End Use; Entity "
            "List Modification");
  ASSERT_TRUE(doc.publication_date.has_value());
  EXPECT_EQ(doc.publication_date->ToString(), "2022-10-13");
  EXPECT_EQ(doc.url,
            "https://www.federalregister.gov/documents/2022/10/13/2022-21658/"
            "implementation-of-additional-export-controls-certain-advanced-computing-and-"
            "semiconductor");
}

TEST(FrPostTest, AiDiffusionRuleTitle) {
  FrDocument doc = ParsePostFor("2025-00636");
  EXPECT_EQ(doc.title, "Framework for Artificial Intelligence Diffusion");
  EXPECT_EQ(doc.publication_date->ToString(), "2025-01-15");
}

TEST(FrPostTest, EntityListCountsMatchTheAbstract) {
  // "adding 70 entities to the Entity List, under the destinations of China,
  // People's Republic of (China) (42); Iran (2); Pakistan (19); South Africa
  // (3); and the United Arab Emirates (UAE) (4). ... modifies four existing entries"
  FrDocument doc = ParsePostFor("2025-05426");
  EXPECT_EQ(doc.action, "Final rule");
  EXPECT_EQ(doc.counts.entities_added, 70);
  EXPECT_FALSE(doc.counts.entries_added.has_value());
  EXPECT_EQ(doc.counts.entities_revised, 4);
  std::vector<CountryCount> expected = {
      {"China", 42}, {"Iran", 2}, {"Pakistan", 19}, {"South Africa", 3}, {"UAE", 4}};
  EXPECT_EQ(doc.counts.per_country, expected);
  int sum = 0;
  for (const CountryCount& c : doc.counts.per_country) {
    sum += c.count;
  }
  EXPECT_EQ(sum, *doc.counts.entities_added);
}

TEST(FrPostTest, EntitiesUnderEntriesAndCountriesInTheNextSentence) {
  // "adding 49 entities under 52 entries to the Entity List. These entries are
  // under the destinations of the People's Republic of China (China) (42), ..."
  FrDocument doc = ParsePostFor("2023-22536");
  EXPECT_EQ(doc.counts.entities_added, 49);
  EXPECT_EQ(doc.counts.entries_added, 52);
  ASSERT_EQ(doc.counts.per_country.size(), 8u);
  EXPECT_EQ(doc.counts.per_country[0], (CountryCount{"China", 42}));
  EXPECT_EQ(doc.counts.per_country[5], (CountryCount{"Turkey", 2}));
  EXPECT_EQ(doc.counts.per_country[7], (CountryCount{"United Kingdom", 1}));
  int sum = 0;
  for (const CountryCount& c : doc.counts.per_country) {
    sum += c.count;
  }
  EXPECT_EQ(sum, 52);
}

TEST(FrPostTest, WordNumbersAndRevisions) {
  // "adding twenty-four entities ... This rule also revises five existing entries"
  FrDocument doc = ParsePostFor("2020-03157");
  EXPECT_EQ(doc.counts.entities_added, 24);
  EXPECT_EQ(doc.counts.entities_revised, 5);
}

TEST(FrPostTest, AffiliatesRuleAndItsSuspension) {
  FrDocument affiliates = ParsePostFor("2025-19001");
  EXPECT_EQ(affiliates.title,
            "Expansion of End-User Controls To Cover Affiliates of Certain Listed Entities");
  EXPECT_EQ(affiliates.action, "Interim final rule");
  // The backtick typography is cleaned: `military end users' -> 'military end users'.
  EXPECT_NE(affiliates.abstract.find("'military end users'"), std::string::npos);
  EXPECT_EQ(affiliates.abstract.find('`'), std::string::npos);

  FrDocument suspension = ParsePostFor("2025-19846");
  ASSERT_EQ(suspension.related.size(), 1u);
  const RuleRef& ref = suspension.related[0];
  EXPECT_EQ(ref.relation, RuleRelation::kSuspends);
  EXPECT_EQ(ref.title,
            "Expansion of End-User Controls to Cover Affiliates of Certain Listed Entities");
  ASSERT_TRUE(ref.interval.has_value());
  // "one-year suspension ... set to end November 9, 2026": it began one year
  // before the day after its end (the post is dated 2025-11-12).
  EXPECT_EQ(ref.interval->from.ToString(), "2025-11-10");
  EXPECT_EQ(ref.interval->to.ToString(), "2026-11-10");  // "set to end November 9, 2026"
  EXPECT_TRUE(ref.interval->Contains(Date::FromYmd(2026, 11, 9)));
  EXPECT_FALSE(ref.interval->Contains(Date::FromYmd(2026, 11, 10)));
}

TEST(FrPostTest, CorrectionNamesThePublicationDateOfItsTarget) {
  // "to correct a final rule published in the Federal Register on February 24, 2020"
  bool found = false;
  for (const std::string& f : PostFiles()) {
    Result<FrDocument> doc = ParseFrPost(testutil::ReadFile(f), f);
    ASSERT_TRUE(doc.ok());
    for (const RuleRef& r : doc->related) {
      if (r.relation == RuleRelation::kCorrects && r.target_date &&
          r.target_date->ToString() == "2020-02-24") {
        found = true;
      }
    }
  }
  EXPECT_TRUE(found);
}

TEST(FrPostTest, EccnsInAbstractsWithRoles) {
  bool saw_0d521 = false;
  for (const std::string& f : PostFiles()) {
    Result<FrDocument> doc = ParseFrPost(testutil::ReadFile(f), f);
    ASSERT_TRUE(doc.ok());
    for (const EccnRef& e : doc->eccns) {
      if (e.code == "0D521") {
        saw_0d521 = true;
      }
    }
  }
  EXPECT_TRUE(saw_0d521);
}

TEST(FrPostTest, PostsSharingAnItemIdMergeIntoOneDocument) {
  std::vector<FrDocument> docs;
  for (const std::string& f : PostFiles()) {
    Result<FrDocument> doc = ParseFrPost(testutil::ReadFile(f), fs::path(f).filename().string());
    ASSERT_TRUE(doc.ok());
    docs.push_back(std::move(*doc));
  }
  std::map<std::string, int> per_number;
  for (const FrDocument& d : docs) {
    ++per_number[d.document_number];
  }
  ASSERT_EQ(per_number["2026-00789"], 3);
  ASSERT_OK_AND_ASSIGN(std::vector<FrDocument> merged, MergeFrDocuments(std::move(docs)));
  EXPECT_EQ(merged.size(), per_number.size());
  auto it = std::find_if(merged.begin(), merged.end(),
                         [](const FrDocument& d) { return d.document_number == "2026-00789"; });
  ASSERT_NE(it, merged.end());
  EXPECT_EQ(it->source_files.size(), 3u);
  EXPECT_EQ(it->title, "Revision to License Review Policy for Advanced Computing Commodities");
}

TEST(FrPostTest, MergeRejectsDifferentDocuments) {
  FrDocument a;
  a.document_number = "2024-28270";
  FrDocument b;
  b.document_number = "2024-28267";
  Status s = MergeFrDocument(&a, b);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST(FrPostTest, RejectsMissingFrontMatterAndBadYaml) {
  Result<FrDocument> none = ParseFrPost("# Just markdown\n", "a.md");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("a.md: line 1"), std::string::npos);

  Result<FrDocument> bad = ParseFrPost(
      "---\ntitle: \"ok\"\nitem_id: federal_register:2020-00001\nbad: [unclosed\n---\nbody\n",
      "b.md");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("b.md: line "), std::string::npos)
      << bad.status().message();

  Result<FrDocument> not_fr = ParseFrPost("---\ntitle: x\nitem_id: hacker_news:123\n---\n", "c.md");
  ASSERT_FALSE(not_fr.ok());
  EXPECT_NE(not_fr.status().message().find("item_id"), std::string::npos);
}

TEST(FrTextTest, EnglishNumbersAndDates) {
  EXPECT_EQ(ParseEnglishNumber("twenty-four"), 24);
  EXPECT_EQ(ParseEnglishNumber("Forty-two"), 42);
  EXPECT_EQ(ParseEnglishNumber("eleven"), 11);
  EXPECT_EQ(ParseEnglishNumber("93"), 93);
  EXPECT_FALSE(ParseEnglishNumber("entities").has_value());
  EXPECT_EQ(util::ParseEnglishDate("December 2, 2024", util::EnglishDateMatch::kPrefix)->ToString(),
            "2024-12-02");
  EXPECT_EQ(FindEffectiveDate("This rule is effective December 2, 2024.")->ToString(),
            "2024-12-02");
  EXPECT_EQ(CleanFrTypography("the ``Schedule 1'' chemicals and `support' `"),
            "the \"Schedule 1\" chemicals and 'support'");
}

TEST(FrTextTest, EccnRolesAndCitations) {
  TextFacts f = AnalyzeFrText(
      "This rule adds new ECCN 3A090 and revises 4A090. Items in 3A001.z and 5A992.z are "
      "described. See 89 FR 96790 and 89 FR 96790.",
      std::nullopt);
  ASSERT_EQ(f.eccns.size(), 4u);
  EXPECT_EQ(f.eccns[0], (EccnRef{"3A090", EccnRole::kAmends}));
  EXPECT_EQ(f.eccns[1], (EccnRef{"4A090", EccnRole::kAmends}));
  EXPECT_EQ(f.eccns[2], (EccnRef{"3A001.z", EccnRole::kMentions}));
  EXPECT_EQ(f.eccns[3], (EccnRef{"5A992.z", EccnRole::kMentions}));
  EXPECT_EQ(FindFrCitations("see 89 FR 96790; 89 FR 96790, 90 FR 4544"),
            (std::vector<std::string>{"89 FR 96790", "90 FR 4544"}));
}

}  // namespace
}  // namespace ecg::ingest
