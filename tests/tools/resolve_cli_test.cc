// `ecg resolve explain|merge|split|review` and the judgements file, through
// the binary on a small graph of two list files in the eCFR extract format:
// one party on the Entity List and the MEU list, and one more on each.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/testutil/testutil.h"

namespace ecg {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
};

// Runs ecg in `dir` (so files are named relative to it), stdout only.
CliRun Ecg(const std::string& dir, const std::string& args) {
  std::string cmd = "cd " + dir + " && " + std::string(ECG_BINARY_DIR) + "/tools/ecg " + args;
  CliRun run;
  const testutil::ShellRun r = testutil::RunShell(cmd);
  run.exit_code = r.exit_code;
  run.out = r.out;
  return run;
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Entry(const std::string& name, const std::string& country, const std::string& address) {
  return R"({"name": ")" + name + R"(", "aliases": [], "country": ")" + country +
         R"(", "address": ")" + address +
         R"(", "status": null, "effective_date": null, "federal_register": "89 FR 96836, 12/5/24", "notes": "For all items subject to the EAR."})";
}

class ResolveCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    d_ = dir_.path();
    Write(
        d_ + "/el.json",
        R"({"list_id": "bis-entity-list", "source_file": "fixture", "extracted": "2026-07-09", "entities": [)" +
            Entry("Example Optics Co., Ltd.", "China", "1 Gaoxin Road, Shenzhen, China") + ", " +
            Entry("Other Trading LLC", "United Arab Emirates", "Dubai, U.A.E.") + "]}");
    Write(
        d_ + "/meu.json",
        R"({"list_id": "bis-meu", "source_file": "fixture", "extracted": "2026-07-09", "entities": [)" +
            Entry("Example Optics Co. Ltd", "China", "Shenzhen, China") + ", " +
            Entry("Northern Aviation Plant", "Russia", "Omsk, Russia") + "]}");
  }
  nlohmann::json Explain(const std::string& db, const std::string& who) {
    CliRun r = Ecg(d_, "--db " + db + " resolve explain '" + who + "' --format json");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  testutil::TempDir dir_;
  std::string d_;
};

TEST_F(ResolveCliTest, ExplainSplitMergeAndReview) {
  ASSERT_EQ(Ecg(d_, "--db db ingest el.json meu.json > /dev/null").exit_code, 0);
  // Golden: the text explanation of the party on both lists.
  CliRun text = Ecg(d_, "--db db resolve explain 'Example Optics Co., Ltd.'");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_EQ(text.out, testutil::ReadFile(std::string(ECG_TEST_DATA) + "/resolve/explain.golden"));

  nlohmann::json e = Explain("db", "Example Optics Co., Ltd.");
  ASSERT_EQ(e["records"].size(), 2u) << e.dump();
  const std::string key = e["key"];
  const std::string meu = e["records"][1]["record"];
  EXPECT_EQ(e["records"][1]["list"], "MEU");

  // Split the MEU record off: two entities, each with its own listing.
  CliRun split = Ecg(d_, "--db db resolve split '" + key + "' " + meu + " --reason 'two firms'");
  ASSERT_EQ(split.exit_code, 0) << split.out;
  EXPECT_EQ(Explain("db", key)["records"].size(), 1u);
  nlohmann::json off = Explain("db", meu);
  EXPECT_NE(off["key"], key);
  ASSERT_EQ(off["records"].size(), 1u);
  CliRun lists = Ecg(d_, "--db db query -f csv 'entity \"" + off["key"].get<std::string>() +
                             "\" -> listed_on list | select key'");
  EXPECT_EQ(lists.out, "key\r\nMEU\r\n");  // CSV rows end in CRLF (RFC 4180)
  EXPECT_EQ(Ecg(d_, "--db db check > /dev/null").exit_code, 0);

  // Merge them back: one entity holds both records and both listings, and
  // the merged entity's key now finds it.
  CliRun merge = Ecg(d_, "--db db resolve merge '" + off["key"].get<std::string>() + "' '" + key +
                             "' --reason 'one registration number'");
  ASSERT_EQ(merge.exit_code, 0) << merge.out;
  nlohmann::json back = Explain("db", off["key"]);
  EXPECT_EQ(back["key"], key);
  EXPECT_EQ(back["records"].size(), 2u);
  EXPECT_EQ(Ecg(d_, "--db db check > /dev/null").exit_code, 0);
  CliRun history = Ecg(d_, "--db db query 'entity \"" + key + "\" | history'");
  EXPECT_NE(history.out.find("one registration number"), std::string::npos) << history.out;

  CliRun review = Ecg(d_, "--db db resolve review --format json");
  ASSERT_EQ(review.exit_code, 0);
  EXPECT_NE(review.out.find(key), std::string::npos) << review.out;

  // Errors: an unknown entity, a record that is not the entity's.
  EXPECT_EQ(Ecg(d_, "--db db resolve explain 'No Such Party' 2>/dev/null").exit_code, 4);
  EXPECT_EQ(
      Ecg(d_, "--db db resolve split '" + key + "' rec:nope --reason x 2>/dev/null").exit_code, 2);
}

TEST_F(ResolveCliTest, JudgementsHoldOnARebuildAndCorrectAnExistingGraph) {
  ASSERT_EQ(Ecg(d_, "--db first ingest el.json meu.json > /dev/null").exit_code, 0);
  nlohmann::json e = Explain("first", "Example Optics Co., Ltd.");
  ASSERT_EQ(e["records"].size(), 2u);
  const std::string el = e["records"][0]["record"];
  const std::string meu = e["records"][1]["record"];
  Write(d_ + "/judgements.csv", "judgement,record,other,reason\ndistinct," + meu + "," + el +
                                    ",\"two firms of one name, per their registrations\"\n");
  // A graph built with the judgements first keeps the records apart.
  ASSERT_EQ(Ecg(d_, "--db second ingest judgements.csv el.json meu.json > /dev/null").exit_code, 0);
  nlohmann::json apart = Explain("second", el);
  EXPECT_EQ(apart["records"].size(), 1u) << apart.dump();
  EXPECT_NE(Explain("second", meu)["key"], apart["key"]);
  // The judgement survives a re-ingest of the lists (unchanged files).
  ASSERT_EQ(Ecg(d_, "--db second ingest el.json meu.json > /dev/null").exit_code, 0);
  EXPECT_EQ(Explain("second", el)["records"].size(), 1u);
  // Ingested into the graph that joined them, it splits them.
  ASSERT_EQ(Ecg(d_, "--db first ingest judgements.csv > /dev/null").exit_code, 0);
  EXPECT_NE(Explain("first", meu)["key"], Explain("first", el)["key"]);
  EXPECT_EQ(Ecg(d_, "--db first check > /dev/null").exit_code, 0);

  // A bad row is rejected with its line.
  Write(d_ + "/bad.csv", "judgement,record,other,reason\nmaybe,rec:a,rec:b,why\n");
  CliRun bad = Ecg(d_, "--db first ingest bad.csv 2>&1");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.out.find("bad.csv:2"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace ecg
