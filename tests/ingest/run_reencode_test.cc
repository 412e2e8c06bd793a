// A newer copy of a list that differs only in encoding and spacing (CRLF line
// ends, doubled and trailing spaces in names, a UTF-8 BOM, U+2019 written as
// the Windows-1252 C1 control U+0092) is not a change: nothing opens, closes
// or changes.
#include <gtest/gtest.h>

#include "tests/ingest/run_test_util.h"

namespace ecg::ingest::run_test {
namespace {

// Respaces the Name column (the third) of each data row and switches to CRLF.
std::string Reencode(const std::string& csv) {
  std::string out = "\xEF\xBB\xBF";  // a BOM
  size_t start = 0;
  bool header = true;
  while (start < csv.size()) {
    size_t end = csv.find('\n', start);
    if (end == std::string::npos) {
      end = csv.size();
    }
    std::string line = csv.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (!header) {
      // Double the first space inside the name and pad it, when the name is
      // an unquoted third field.
      size_t a = line.find(',');
      size_t b = a == std::string::npos ? a : line.find(',', a + 1);
      size_t c = b == std::string::npos ? b : line.find(',', b + 1);
      if (c != std::string::npos && line[b + 1] != '"') {
        std::string name = line.substr(b + 1, c - b - 1);
        size_t space = name.find(' ');
        if (space != std::string::npos) {
          name.insert(space, " ");
        }
        size_t apostrophe = name.find("\xE2\x80\x99");  // ’
        if (apostrophe != std::string::npos) {
          name.replace(apostrophe, 3, "\xC2\x92");  // the C1 control U+0092
        }
        line = line.substr(0, b + 1) + name + "  " + line.substr(c);
      }
    }
    header = false;
    out += line + "\r\n";
    start = end + 1;
  }
  return out;
}

TEST_F(IngestFixture, ReencodedAndRespacedCopyIsNotAChange) {
  const std::string path =
      testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-06-29.csv");
  RunReport first = Ingest({path});
  ASSERT_EQ(first.rejected(), 0u) << first.ToText();
  auto before = store_->NewReadView()->ComputeStats();
  ASSERT_TRUE(before.ok());

  std::string copy = dir_.Sub("sanctions_reencoded.csv");
  std::string original = testutil::ReadFile(path);
  std::string reencoded = Reencode(original);
  ASSERT_NE(reencoded, original);
  testutil::WriteFile(copy, reencoded);
  RunReport second = Ingest({copy});
  ASSERT_EQ(second.rejected(), 0u) << second.ToText();
  ASSERT_EQ(second.files.size(), 1u);
  EXPECT_EQ(second.files[0].status, FileReport::Status::kLoaded);  // a new hash, read again
  const IngestCounts totals = second.Totals();
  EXPECT_EQ(totals.edges_opened, 0u) << second.ToText();
  EXPECT_EQ(totals.edges_closed, 0u) << second.ToText();
  EXPECT_EQ(totals.entities_new, 0u) << second.ToText();
  EXPECT_EQ(totals.entities_changed, 0u) << second.ToText();

  auto after = store_->NewReadView()->ComputeStats();
  ASSERT_TRUE(after.ok());
  for (size_t i = 0; i < before->edges.size(); ++i) {
    EXPECT_EQ(before->edges[i].open, after->edges[i].open);
    EXPECT_EQ(before->edges[i].closed, after->edges[i].closed);
  }
}

}  // namespace
}  // namespace ecg::ingest::run_test
