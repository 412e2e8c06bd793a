// The manifest: keys, defaults, located errors, glob expansion, and the
// project's own manifests.
#include "update/manifest.h"

#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

namespace ecg::update {
namespace {

TEST(ManifestTest, ParsesEveryKeyAndDefaults) {
  auto m = ParseManifest(R"(keep: 5
sources:
  - name: csl
    url: https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json
    format: csl-compact-json
    feed: csl
    content_type: [application/json, text/plain]
    max_bytes: 128M
  - name: cn
    path: lists/*.csv
    snapshot: false
    complete: [MEU, DPL]
)",
                         "m.yaml", "/tmp/x");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->keep, 5);
  ASSERT_EQ(m->sources.size(), 2u);
  const SourceSpec& a = m->sources[0];
  EXPECT_TRUE(a.is_url());
  EXPECT_EQ(a.format, "csl-compact-json");
  EXPECT_EQ(a.feed, "csl");
  EXPECT_EQ(a.content_types, (std::vector<std::string>{"application/json", "text/plain"}));
  EXPECT_EQ(a.max_bytes, uint64_t{128} << 20);
  EXPECT_TRUE(a.snapshot);
  const SourceSpec& b = m->sources[1];
  EXPECT_FALSE(b.is_url());
  EXPECT_FALSE(b.snapshot);
  EXPECT_EQ(b.complete, (std::vector<std::string>{"MEU", "DPL"}));
  EXPECT_EQ(b.max_bytes, uint64_t{64} << 20);
  EXPECT_EQ(m->base, "/tmp/x");
}

// `columns:` as a mapping or as `ecg ingest --columns` text.
TEST(ManifestTest, ColumnsMapAFilesHeaderToTheFormatsNames) {
  auto m = ParseManifest(R"(sources:
  - name: stakes
    path: registry.csv
    columns: {pct: percentage, owner: " holder "}
  - name: more
    path: more.csv
    columns: pct=share,owned=subsidiary
  - name: none
    path: plain.csv
)",
                         "m.yaml", ".");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  auto pairs = [](const SourceSpec& s) {
    std::vector<std::string> out;
    for (const auto& r : s.columns) {
      out.push_back(r.name + "=" + r.column);
    }
    return out;
  };
  EXPECT_EQ(pairs(m->sources[0]), (std::vector<std::string>{"pct=percentage", "owner=holder"}));
  EXPECT_EQ(pairs(m->sources[1]), (std::vector<std::string>{"pct=share", "owned=subsidiary"}));
  EXPECT_TRUE(m->sources[2].columns.empty());
}

TEST(ManifestTest, ErrorsNameTheLine) {
  struct Case {
    const char* yaml;
    const char* message;
  };
  const Case cases[] = {
      {"sources:\n  - name: a\n    path: x\n    colour: red\n", "m.yaml:4: unknown key 'colour'"},
      {"sources:\n  - name: a\n    path: x\n    url: https://e.org/x\n", "exactly one of url"},
      {"sources:\n  - name: a\n    path: x\n  - name: a\n    path: y\n", "m.yaml:4: duplicate"},
      {"sources:\n  - name: a b\n    path: x\n", "needs a name"},
      {"sources:\n  - name: a\n    url: ftp://e.org/x\n", "not http"},
      {"sources:\n  - name: a\n    path: x\n    max_bytes: lots\n", "m.yaml:4: max_bytes"},
      {"sources: [\n", "m.yaml:2"},
      {"keep: 0\nsources:\n  - name: a\n    path: x\n", "keep must be"},
      {"sources: []\n", "no sources"},
      {"sources:\n  - name: a\n    path: x\n    columns: pct\n",
       "m.yaml:4: columns: column mapping"},
      {"sources:\n  - name: a\n    path: x\n    columns: {pct: ''}\n",
       "m.yaml:4: columns: expected"},
      {"sources:\n  - name: a\n    path: x\n    columns: pct=a,pct=b\n", "mapped twice"},
  };
  for (const auto& c : cases) {
    auto m = ParseManifest(c.yaml, "m.yaml", ".");
    ASSERT_FALSE(m.ok()) << c.yaml;
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(m.status().message().find(c.message), std::string::npos)
        << c.yaml << " -> " << m.status().message();
  }
}

TEST(ManifestTest, GlobsExpandInNameOrder) {
  testutil::TempDir dir;
  testutil::WriteFile(dir.Sub("b.csv"), "x");
  testutil::WriteFile(dir.Sub("a.csv"), "x");
  testutil::WriteFile(dir.Sub("c.txt"), "x");
  auto m = ParseManifest("sources:\n  - name: s\n    path: '*.csv'\n  - name: t\n    path: none*\n",
                         "m.yaml", dir.path());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  auto files = ExpandPath(*m, m->sources[0]);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(*files, (std::vector<std::string>{dir.Sub("a.csv"), dir.Sub("b.csv")}));
  auto none = ExpandPath(*m, m->sources[1]);
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

// The project's manifest of ../shared/data names files that exist, in the
// order of docs/ingest.md (eCFR extracts, CSL samples before the compact
// CSL, other lists, aliases, regulations, articles).
TEST(ManifestTest, TheSharedDataManifestNamesEveryFileInOrder) {
  auto m = LoadManifest(std::string(ECG_SOURCE_DIR) + "/manifests/shared-data.yaml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  std::vector<std::string> names;
  for (const auto& s : m->sources) {
    auto files = ExpandPath(*m, s);
    EXPECT_TRUE(files.ok()) << s.name << ": " << files.status().ToString();
    names.push_back(s.name);
  }
  auto pos = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) - names.begin();
  };
  EXPECT_EQ(pos("judgements"), 0);  // every list record meets the curated judgements
  EXPECT_EQ(pos("bis-entity-list-ecfr"), 1);
  EXPECT_LT(pos("csl-2019-12-sample"), pos("csl-2023-11-subset"));
  EXPECT_LT(pos("csl-2025-06-sample"), pos("csl"));
  EXPECT_LT(pos("cn-lists-xyna"), pos("aliases"));
  EXPECT_LT(pos("aliases"), pos("ccl"));
  EXPECT_LT(pos("technologies"), pos("news-zh-hkcnews"));
}

TEST(ManifestTest, TheOfficialManifestParsesAndNamesOnlyUrls) {
  auto m = LoadManifest(std::string(ECG_SOURCE_DIR) + "/manifests/official.yaml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_GE(m->sources.size(), 5u);
  for (const auto& s : m->sources) {
    EXPECT_TRUE(s.is_url()) << s.name;
    EXPECT_EQ(s.url.rfind("https://", 0), 0u) << s.url;
  }
}

}  // namespace
}  // namespace ecg::update
