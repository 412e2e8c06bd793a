// What a nightly job sees on files that did not really change: a list whose
// only change is its date stamp reports no entity or edge changed, and a
// well-formed JSON file of no known format in a glob (an index beside the
// data) is skipped with a reason instead of failing the run.
#include <string>

#include <gtest/gtest.h>

#include "tests/ingest/run_test_util.h"

namespace ecg::ingest {
namespace {

using run_test::Demo;
using run_test::IngestFixture;
using run_test::Shared;

class IngestStampTest : public IngestFixture {
 protected:
  // `bytes` with every `from` replaced by `to`; the test fails when none is.
  static std::string ReplaceAll(std::string bytes, const std::string& from, const std::string& to) {
    size_t n = 0;
    for (size_t at = bytes.find(from); at != std::string::npos; at = bytes.find(from, at)) {
      bytes.replace(at, from.size(), to);
      at += to.size();
      ++n;
    }
    EXPECT_GT(n, 0u) << "no '" << from << "' to replace";
    return bytes;
  }

  // Ingests `original`, then a copy whose stamp `from` reads `to`: the copy
  // is read again (a new hash) and must change nothing.
  void ExpectOnlyTheStampChanged(const std::string& original, const std::string& from,
                                 const std::string& to) {
    RunReport first = Ingest({original});
    ASSERT_EQ(first.rejected(), 0u) << first.ToText();
    const std::string copy = dir_.Sub("restamped-" + std::to_string(++copies_));
    testutil::WriteFile(copy, ReplaceAll(testutil::ReadFile(original), from, to));
    RunReport second = Ingest({copy});
    ASSERT_EQ(second.files.size(), 1u);
    const FileReport& f = second.files[0];
    EXPECT_EQ(f.status, FileReport::Status::kLoaded) << second.ToText();
    EXPECT_GT(f.counts.records_read, 0u);
    EXPECT_EQ(f.counts.entities_new, 0u) << second.ToText();
    EXPECT_EQ(f.counts.entities_changed, 0u) << second.ToText();
    EXPECT_EQ(f.counts.edges_opened, 0u) << second.ToText();
    EXPECT_EQ(f.counts.edges_closed, 0u) << second.ToText();
    EXPECT_EQ(f.counts.entities_unchanged + f.counts.entities_merged,
              f.counts.records_read - f.counts.quarantined);
  }

  int copies_ = 0;
};

TEST_F(IngestStampTest, ARestampedEcfrExtractChangesNothing) {
  ExpectOnlyTheStampChanged(Shared("bis_entity_list_ecfr_nsfreg/bis_meu.json"),
                            "\"extracted\": \"2026-07-09\"", "\"extracted\": \"2026-07-23\"");
}

TEST_F(IngestStampTest, ARestampedChinaListChangesNothing) {
  ExpectOnlyTheStampChanged(Shared("cn_lists_xyna/cn.json"), "\"last_verified\": \"2026-07-19\"",
                            "\"last_verified\": \"2026-08-02\"");
}

TEST_F(IngestStampTest, ARestampedCompactCslChangesNothing) {
  const std::string original = Demo("screening-list.json");
  const std::string text = testutil::ReadFile(original);
  const size_t at = text.find("\"sourceGeneratedAt\"");
  ASSERT_NE(at, std::string::npos);
  const size_t open = text.find('"', text.find(':', at)) + 1;
  const std::string stamp = text.substr(open, text.find('"', open) - open);
  ExpectOnlyTheStampChanged(original, "\"" + stamp + "\"", "\"2026-08-30T06:00:00Z\"");
}

TEST_F(IngestStampTest, AnIndexFileInAGlobIsSkippedNotRejected) {
  RunReport r = Ingest({Shared("cn_lists_xyna/cn.json"), Shared("cn_lists_xyna/manifest.json")});
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].status, FileReport::Status::kLoaded);
  EXPECT_EQ(r.files[1].status, FileReport::Status::kSkipped) << r.ToText();
  EXPECT_NE(r.files[1].error.find("manifest.json"), std::string::npos) << r.files[1].error;
  EXPECT_EQ(r.rejected(), 0u);
  EXPECT_EQ(r.skipped(), 1u);
  EXPECT_NE(r.ToText().find("1 skipped"), std::string::npos) << r.ToText();
}

TEST_F(IngestStampTest, UnrecognisedTextIsStillRejected) {
  const std::string junk = dir_.Sub("junk.csv");
  testutil::WriteFile(junk, "colour,weight\nred,3\n");
  RunReport r = Ingest({junk});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].status, FileReport::Status::kRejected) << r.ToText();
  EXPECT_NE(r.files[0].error.find("not recognised"), std::string::npos) << r.files[0].error;
}

}  // namespace
}  // namespace ecg::ingest
