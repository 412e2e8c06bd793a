// Tests of the Federal Register XML parser on fixtures in the real FR format
// (tests/data/regs/fr_entity_list_rule.xml, fr_malformed.xml).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/fr_xml.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

FrDocument ParseFixture() {
  std::string bytes = testutil::ReadFile(testutil::TestData("regs/fr_entity_list_rule.xml"));
  Result<std::vector<FrDocument>> docs = ParseFrXml(bytes, "fr_entity_list_rule.xml");
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  if (!docs.ok() || docs->size() != 1) {
    ADD_FAILURE() << "expected one document";
    return {};
  }
  return (*docs)[0];
}

const EntityListChange* FindChange(const FrDocument& doc, const std::string& name) {
  for (const EntityListChange& c : doc.changes) {
    if (c.name == name) {
      return &c;
    }
  }
  return nullptr;
}

TEST(FrXmlTest, PreambleFieldsAndCitation) {
  FrDocument doc = ParseFixture();
  EXPECT_EQ(doc.document_number, "2024-28267");
  EXPECT_EQ(doc.type, "Rule");
  EXPECT_EQ(doc.title, "Additions to the Entity List");
  EXPECT_EQ(doc.agency, "Bureau of Industry and Security");
  EXPECT_EQ(doc.action, "Final rule");
  EXPECT_EQ(doc.rin, "0694-AJ87");
  EXPECT_EQ(doc.cfr_parts, (std::vector<std::string>{"744"}));
  ASSERT_TRUE(doc.effective_date.has_value());
  EXPECT_EQ(doc.effective_date->ToString(), "2024-12-02");
  ASSERT_TRUE(doc.publication_date.has_value());
  EXPECT_EQ(doc.publication_date->ToString(), "2024-12-02");
  EXPECT_EQ(doc.volume, 89);
  EXPECT_EQ(doc.start_page, 96830);
  EXPECT_EQ(doc.citation, "89 FR 96830");
  EXPECT_EQ(doc.abstract.rfind("In this rule, the Bureau of Industry and Security", 0), 0u);
  EXPECT_EQ(doc.counts.entities_added, 3);
  EXPECT_EQ(doc.counts.entries_added, 3);
  EXPECT_EQ(doc.counts.entities_revised, 1);
  EXPECT_EQ(doc.counts.entities_removed, 1);
  ASSERT_EQ(doc.counts.per_country.size(), 1u);
  EXPECT_EQ(doc.counts.per_country[0], (CountryCount{"China", 3}));
  ASSERT_EQ(doc.eccns.size(), 2u);
  EXPECT_EQ(doc.eccns[0].code, "3B001");
}

TEST(FrXmlTest, EntityListAdditionsWithAliasesAndAddresses) {
  FrDocument doc = ParseFixture();
  ASSERT_EQ(doc.changes.size(), 5u);
  const EntityListChange* ele = FindChange(doc, "Example Lithography Equipment Co., Ltd.");
  ASSERT_NE(ele, nullptr);
  EXPECT_EQ(ele->kind, ListChangeKind::kAdd);
  EXPECT_EQ(ele->country, "CHINA, PEOPLE'S REPUBLIC OF");
  EXPECT_EQ(ele->aliases, (std::vector<std::string>{"ELE Co.", "Beijing Example Litho"}));
  EXPECT_EQ(ele->addresses,
            (std::vector<std::string>{
                "No. 8 Example Road, Haidian District, Beijing, China",
                "Room 1201, Building 3, Yizhuang Economic Development Zone, Beijing, China"}));
  EXPECT_EQ(ele->license_requirement,
            "For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR).");
  EXPECT_EQ(ele->license_policy, "Presumption of denial.");
  EXPECT_EQ(ele->citation, "89 FR [INSERT FR PAGE NUMBER], 12/2/2024.");

  const EntityListChange* emt = FindChange(doc, "Example Memory Technologies Co., Ltd.");
  ASSERT_NE(emt, nullptr);
  EXPECT_EQ(emt->aliases, (std::vector<std::string>{"EMT"}));
  ASSERT_EQ(emt->addresses.size(), 1u);

  const EntityListChange* etch = FindChange(doc, "Sample Etch Systems (Shanghai) Inc.");
  ASSERT_NE(etch, nullptr);
  EXPECT_EQ(etch->kind, ListChangeKind::kAdd);
  EXPECT_TRUE(etch->aliases.empty());
  EXPECT_EQ(etch->addresses,
            (std::vector<std::string>{"18 Sample Lane, Pudong New Area, Shanghai, China"}));
  EXPECT_NE(etch->license_policy.find("Case-by-case review"), std::string::npos);
}

TEST(FrXmlTest, RevisionAndRemoval) {
  FrDocument doc = ParseFixture();
  const EntityListChange* smic =
      FindChange(doc, "Semiconductor Manufacturing International Corporation (SMIC)");
  ASSERT_NE(smic, nullptr);
  EXPECT_EQ(smic->kind, ListChangeKind::kRevise);
  EXPECT_EQ(smic->aliases, (std::vector<std::string>{"SMIC"}));
  EXPECT_EQ(smic->citation, "85 FR 83420, 12/22/20. 89 FR [INSERT FR PAGE NUMBER], 12/2/2024.");

  const EntityListChange* removed = FindChange(doc, "Obsolete Trading Co., Ltd.");
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->kind, ListChangeKind::kRemove);
  EXPECT_EQ(removed->country, "CHINA, PEOPLE'S REPUBLIC OF");
  EXPECT_TRUE(removed->addresses.empty());
}

TEST(FrXmlTest, StandaloneRuleWithoutIssueHeader) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<RULE><PREAMB><AGENCY TYPE=\"S\">DEPARTMENT OF COMMERCE</AGENCY>"
      "<SUBAGY>Bureau of Industry and Security</SUBAGY><CFR>15 CFR Parts 734, 740, and 744</CFR>"
      "<RIN>RIN 0694-AJ74</RIN><SUBJECT>Foreign-Produced Direct Product Rule Additions</SUBJECT>"
      "<ACT><HD SOURCE=\"HED\">ACTION:</HD><P>Interim final rule; request for comments.</P></ACT>"
      "<DATES><HD SOURCE=\"HED\">DATES:</HD><P><E T=\"03\">Effective date:</E> This rule is "
      "effective December 2, 2024.</P></DATES></PREAMB>"
      "<SUPLINF><P>Text.</P><PRTPAGE P=\"96791\"/><P>More.</P></SUPLINF>"
      "<FRDOC>[FR Doc. 2024-28270 Filed 11-29-24; 4:15 pm]</FRDOC></RULE>\n";
  ASSERT_TRUE(LooksLikeFrXml(xml));
  ASSERT_OK_AND_ASSIGN(std::vector<FrDocument> docs, ParseFrXml(xml, "one.xml"));
  ASSERT_EQ(docs.size(), 1u);
  const FrDocument& d = docs[0];
  EXPECT_EQ(d.document_number, "2024-28270");
  EXPECT_EQ(d.cfr_parts, (std::vector<std::string>{"734", "740", "744"}));
  EXPECT_EQ(d.action, "Interim final rule; request for comments");
  EXPECT_EQ(d.effective_date->ToString(), "2024-12-02");
  EXPECT_EQ(d.start_page, 96790);  // the page before the first page break
  EXPECT_FALSE(d.volume.has_value());
  EXPECT_TRUE(d.citation.empty());  // no volume without the issue header
}

TEST(FrXmlTest, MalformedXmlIsRejectedWithLineAndColumn) {
  std::string bytes = testutil::ReadFile(testutil::TestData("regs/fr_malformed.xml"));
  ASSERT_TRUE(LooksLikeFrXml(bytes));
  Result<std::vector<FrDocument>> r = ParseFrXml(bytes, "fr_malformed.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("fr_malformed.xml: line 9, column"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("SUBJECT"), std::string::npos) << r.status().message();
}

TEST(FrXmlTest, RejectsXmlWithoutDocuments) {
  Result<std::vector<FrDocument>> r = ParseFrXml("<FEDREG><VOL>89</VOL></FEDREG>", "empty.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no RULE"), std::string::npos);
}

}  // namespace
}  // namespace ecg::ingest
