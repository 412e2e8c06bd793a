// Tests of the 2015 CCL alphabetical index parser on both real files in
// ../shared/data/ccl_index_ita_2015 (Windows-1252 CSV and ASCII TSV).
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/regs/ccl_index.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

std::vector<IndexEntry> Parse(const std::string& name) {
  std::string bytes = testutil::ReadFile(testutil::SharedData("ccl_index_ita_2015/" + name));
  Result<std::vector<IndexEntry>> r = ParseCclIndex(bytes, name);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<IndexEntry>{};
}

const IndexEntry* Find(const std::vector<IndexEntry>& index, const std::string& keyword) {
  auto it = std::find_if(index.begin(), index.end(),
                         [&](const IndexEntry& e) { return e.keyword == keyword; });
  return it == index.end() ? nullptr : &*it;
}

TEST(CclIndexTest, BothFilesHoldEveryDescriptor) {
  for (const char* name : {"eccn.descs.2015.05.20.csv", "ECCN_Descriptions_2015_06_16.txt"}) {
    std::vector<IndexEntry> index = Parse(name);
    EXPECT_EQ(index.size(), 2952u) << name;
  }
}

TEST(CclIndexTest, GraphicsAcceleratorsSatIn4A003) {
  for (const char* name : {"eccn.descs.2015.05.20.csv", "ECCN_Descriptions_2015_06_16.txt"}) {
    std::vector<IndexEntry> index = Parse(name);
    const IndexEntry* e = Find(index, "Graphics accelerators or graphics coprocessors");
    ASSERT_NE(e, nullptr) << name;
    ASSERT_EQ(e->eccns.size(), 1u);
    EXPECT_EQ(e->eccns[0].raw, "4A003d");
    EXPECT_EQ(e->eccns[0].code, "4A003.d");
    EXPECT_EQ(e->eccns[0].base, "4A003");
    EXPECT_GT(e->line, 1u);
  }
}

TEST(CclIndexTest, Windows1252EllipsisIsDecoded) {
  std::vector<IndexEntry> index = Parse("eccn.descs.2015.05.20.csv");
  const IndexEntry* e =
      Find(index,
           "Computers, parts, components, accessories\u2026 for military applications, "
           "not on USML");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->eccns[0].code, "3A611");
}

TEST(CclIndexTest, QuotedMultiEccnCellsAndNotes) {
  std::vector<IndexEntry> index = Parse("ECCN_Descriptions_2015_06_16.txt");
  const IndexEntry* e = Find(index, "Night vision devices");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->eccns.size(), 4u);
  EXPECT_EQ(e->eccns[0].code, "6A002.a.2");
  EXPECT_EQ(e->eccns[1].raw, "6A003b3, b4");
  EXPECT_EQ(e->eccns[1].code, "6A003.b.3");
}

TEST(CclIndexTest, CellParsing) {
  IndexEccn a = ParseIndexEccn("1C001a Note 1a");
  EXPECT_EQ(a.code, "1C001.a");
  EXPECT_EQ(a.note, "Note 1a");
  IndexEccn b = ParseIndexEccn("1C351d1");
  EXPECT_EQ(b.code, "1C351.d.1");
  IndexEccn c = ParseIndexEccn("7.00E+102");  // spreadsheet damage of 7E102
  EXPECT_TRUE(c.repaired);
  EXPECT_EQ(c.code, "7E102");
  IndexEccn d = ParseIndexEccn("3.00E+01");
  EXPECT_EQ(d.code, "3E001");
  IndexEccn e = ParseIndexEccn("see Computers");
  EXPECT_TRUE(e.code.empty());
  EXPECT_EQ(e.note, "see Computers");
}

TEST(CclIndexTest, RejectsOtherFilesAndBadEncoding) {
  Result<std::vector<IndexEntry>> r = ParseCclIndex("name,eccn\nx,3A090\n", "x.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.csv: line 1"), std::string::npos);
  // An unclosed quote in the TSV.
  Result<std::vector<IndexEntry>> q = ParseCclIndex(
      "Description\tECCN1\tECCN2\tECCN3\tECCN4\tECCN5\nA\t1A001\n\"B\t1A002\n", "q.txt");
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("q.txt: line 3"), std::string::npos) << q.status().message();
}

}  // namespace
}  // namespace ecg::ingest
