// Tests of the federalregister.gov API JSON parser on fixtures in the API's
// format (tests/data/regs/fr_api_*.json).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/fr_json.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

TEST(FrJsonTest, SingleDocument) {
  std::string bytes = testutil::ReadFile(testutil::TestData("regs/fr_api_document.json"));
  ASSERT_TRUE(LooksLikeFrJson(bytes));
  ASSERT_OK_AND_ASSIGN(std::vector<FrDocument> docs, ParseFrJson(bytes, "doc.json"));
  ASSERT_EQ(docs.size(), 1u);
  const FrDocument& d = docs[0];
  EXPECT_EQ(d.document_number, "2024-28270");
  EXPECT_EQ(d.type, "Rule");
  EXPECT_EQ(d.action, "Interim final rule; request for comments");
  EXPECT_EQ(d.agency, "Bureau of Industry and Security");
  EXPECT_EQ(d.publication_date->ToString(), "2024-12-05");
  EXPECT_EQ(d.effective_date->ToString(), "2024-12-02");
  EXPECT_EQ(d.citation, "89 FR 96790");
  EXPECT_EQ(d.volume, 89);
  EXPECT_EQ(d.start_page, 96790);
  EXPECT_EQ(d.rin, "0694-AJ74");
  EXPECT_EQ(d.cfr_parts, (std::vector<std::string>{"734", "740", "742", "744", "772", "774"}));
  EXPECT_EQ(d.url.rfind("https://www.federalregister.gov/documents/2024/12/05/2024-28270/", 0), 0u);
  // "revises ECCN 3B001 and adds new ECCN 3B993, and also revises ECCNs 3A090 and 4A090"
  ASSERT_EQ(d.eccns.size(), 4u);
  for (const EccnRef& e : d.eccns) {
    EXPECT_EQ(e.role, EccnRole::kAmends) << e.code;
  }
  EXPECT_EQ(d.eccns[1].code, "3B993");
}

TEST(FrJsonTest, ResultsPage) {
  std::string bytes = testutil::ReadFile(testutil::TestData("regs/fr_api_results_page.json"));
  ASSERT_TRUE(LooksLikeFrJson(bytes));
  ASSERT_OK_AND_ASSIGN(std::vector<FrDocument> docs, ParseFrJson(bytes, "page.json"));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].document_number, "2024-28267");
  EXPECT_EQ(docs[0].counts.entries_added, 140);
  std::vector<CountryCount> expected = {
      {"China", 136}, {"Japan", 2}, {"South Korea", 1}, {"Singapore", 1}};
  EXPECT_EQ(docs[0].counts.per_country, expected);
  EXPECT_EQ(docs[0].agency, "Bureau of Industry and Security");
  // The correction: citation built from volume and start page; null fields are absent.
  EXPECT_EQ(docs[1].citation, "90 FR 7001");
  EXPECT_FALSE(docs[1].effective_date.has_value());
  EXPECT_TRUE(docs[1].abstract.empty());
  ASSERT_EQ(docs[1].related.size(), 1u);
  EXPECT_EQ(docs[1].related[0].relation, RuleRelation::kCorrects);
  EXPECT_EQ(docs[1].related[0].document_number, "2024-28267");
}

TEST(FrJsonTest, TruncatedDocumentIsRejectedWithItsOffset) {
  std::string bytes = testutil::ReadFile(testutil::TestData("regs/fr_api_truncated.json"));
  ASSERT_EQ(bytes.size(), 1500u);
  Result<std::vector<FrDocument>> r = ParseFrJson(bytes, "fr_api_truncated.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("fr_api_truncated.json: invalid JSON at byte offset 1500"),
            std::string::npos)
      << r.status().message();
}

TEST(FrJsonTest, ErrorInTheMiddleIsReportedWhereItIs) {
  std::string bytes = "{\"document_number\": \"2024-1\",\n \"title\": tru,\n \"type\": \"Rule\"}";
  Result<std::vector<FrDocument>> r = ParseFrJson(bytes, "bad.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
}

TEST(FrJsonTest, RejectsBadDatesAndMissingNumbers) {
  Result<std::vector<FrDocument>> r = ParseFrJson(
      R"({"document_number": "2024-28270", "publication_date": "12/05/2024"})", "d.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("publication_date"), std::string::npos);
  Result<std::vector<FrDocument>> none = ParseFrJson(R"({"results": [{"title": "x"}]})", "p.json");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("p.json: results[0]: no \"document_number\""),
            std::string::npos)
      << none.status().message();
}

}  // namespace
}  // namespace ecg::ingest
