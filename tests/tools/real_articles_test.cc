// Article linking on the real graph (the RealGraphBuild fixture's
// build/real-graph.db, built from ../shared/data as docs/ingest.md says):
// the examples of issue 17 read as a journalist would, each against the
// mentions edges the 15 real articles got, and `ecg relink` on a copy.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "schema/catalog.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg {
namespace {

std::string RealGraphPath() {
  return std::string(ECG_BINARY_DIR) + "/real-graph.db";
}

// One mentions edge, as a reader sees it.
struct Edge {
  int64_t offset = 0;
  std::string surface;
  std::string role;
  std::string target;  // the target vertex's key
  VertexKind kind{};
  std::string reason;
  std::string context;
  int64_t score = 0;
  std::vector<std::string> features;
};

std::string Str(const Value& v) {
  return v.type() == PropertyType::kString ? v.as_string() : std::string();
}

class RealArticlesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(RealGraphPath() + "/CURRENT")) {
      return;
    }
    normalizer_ = text::TextNormalizer::Create().value();
    store::Options options;
    options.normalizer = normalizer_.get();
    options.read_only = true;
    options.create_if_missing = false;
    auto store = store::GraphStore::Open(RealGraphPath(), options);
    if (store.ok()) {
      store_ = std::move(store).value();
    }
  }
  static void TearDownTestSuite() {
    store_.reset();
    normalizer_.reset();
  }
  void SetUp() override {
    ASSERT_NE(store_, nullptr) << RealGraphPath()
                               << " is missing: run through ctest (RealGraphBuild builds it)";
  }

  // The current mentions edges of the article whose key contains `part`
  // ("/article/17770/", or "sha256:" for the seed article).
  std::vector<Edge> Mentions(const std::string& part) {
    auto view = store_->NewReadView();
    VertexId article;
    EXPECT_TRUE(view->ScanKind(VertexKind::kArticle,
                               [&](VertexId id) {
                                 if (view->GetVertex(id).value().key.find(part) !=
                                     std::string::npos) {
                                   article = id;
                                   return false;
                                 }
                                 return true;
                               })
                    .ok());
    EXPECT_TRUE(article.valid()) << "no article " << part;
    std::vector<std::pair<VertexId, Edge>> raw;
    EXPECT_TRUE(view->ForEachEdge(article, store::Direction::kOut, EdgeType::kMentions,
                                  [&](const store::EdgeStatement& e) {
                                    if (!e.meta.current() || e.meta.valid.to != Date::Max()) {
                                      return true;
                                    }
                                    Edge x;
                                    x.offset = e.Get(prop::kOffset).as_int();
                                    x.surface = Str(e.Get(prop::kSurface));
                                    x.role = Str(e.Get(prop::kRole));
                                    x.reason = Str(e.Get(prop::kReason));
                                    x.context = Str(e.Get(prop::kContext));
                                    const Value& score = e.Get(prop::kScore);
                                    x.score =
                                        score.type() == PropertyType::kInt ? score.as_int() : 0;
                                    const Value& f = e.Get(prop::kFeatures);
                                    if (f.type() == PropertyType::kStringList) {
                                      x.features = f.as_string_list();
                                    }
                                    raw.emplace_back(e.dst, std::move(x));
                                    return true;
                                  })
                    .ok());
    std::vector<Edge> out;
    for (auto& [dst, e] : raw) {
      store::VertexRecord rec = view->GetVertex(dst).value();
      e.target = rec.key;
      e.kind = rec.kind;
      out.push_back(std::move(e));
    }
    return out;
  }

  static std::vector<Edge> Links(const std::vector<Edge>& all, const std::string& surface) {
    std::vector<Edge> out;
    for (const Edge& e : all) {
      if (e.surface == surface && e.role == "mention") {
        out.push_back(e);
      }
    }
    return out;
  }

  static inline std::unique_ptr<text::TextNormalizer> normalizer_;
  static inline std::unique_ptr<store::GraphStore> store_;
};

TEST_F(RealArticlesTest, TheHuaweiPhoneMateLinksToNoPerson) {
  std::vector<Edge> m = Mentions("/article/42491/");
  size_t candidates = 0;
  for (const Edge& e : m) {
    if (e.surface == "Mate") {
      EXPECT_NE(e.role, "mention") << e.target;
      EXPECT_NE(e.reason.find("one-token person alias"), std::string::npos) << e.reason;
      ++candidates;
    }
  }
  EXPECT_EQ(candidates, 4u);  // Mate 50, Mate系列, the title, Mate旗艦機
}

TEST_F(RealArticlesTest, TheFirstNameIanLinksToNoCompany) {
  for (const Edge& e : Mentions("/article/16971/")) {
    if (e.surface == "Ian") {
      EXPECT_EQ(e.role, "candidate") << e.target;
    }
  }
}

TEST_F(RealArticlesTest, DevelopingCountriesIsNoMentionOfChina) {
  std::vector<Edge> m = Mentions("sha256:");
  for (const Edge& e : m) {
    if (e.kind == VertexKind::kCountry && e.target == "CN") {
      EXPECT_NE(e.context.find("中国"), std::string::npos);
      EXPECT_EQ(e.context.find("发展中国家"), std::string::npos) << e.offset << " " << e.context;
    }
  }
  // Maryland (馬里蘭州) is not Mali.
  for (const char* a : {"/article/12392/", "/article/20690/"}) {
    for (const Edge& e : Mentions(a)) {
      EXPECT_NE(e.target, "ML") << a << " @" << e.offset;
    }
  }
}

TEST_F(RealArticlesTest, GeneralLithographyLinksToTheGeneralTechnology) {
  std::vector<Edge> seed = Mentions("sha256:");
  std::vector<Edge> litho = Links(seed, "光刻机");
  ASSERT_EQ(litho.size(), 1u);
  EXPECT_EQ(litho[0].target, "LITHO");
  std::vector<Edge> news = Mentions("/article/46704/");
  std::vector<Edge> euv = Links(news, "EUV光刻機");
  ASSERT_EQ(euv.size(), 1u);
  EXPECT_EQ(euv[0].target, "EUV_LITHO");
  std::vector<Edge> general = Links(news, "光刻機");
  ASSERT_EQ(general.size(), 1u);
  EXPECT_EQ(general[0].target, "LITHO");
}

TEST_F(RealArticlesTest, FujianJinhuaLinksThroughTheNameIndexEverywhereInItsArticle) {
  std::vector<Edge> m = Mentions("/article/17770/");
  const std::string jinhua = "ent:CN:fujianjinhuaintegratedcircuit";
  size_t linked = 0;
  bool full = false;
  for (const Edge& e : m) {
    if (e.role != "mention" || e.target != jinhua) {
      continue;
    }
    ++linked;
    EXPECT_NE(e.surface.find("晉華"), std::string::npos) << e.surface;
    if (e.surface == "福建晉華集成電路有限公司") {
      full = true;
      EXPECT_GE(e.score, 90);
      EXPECT_FALSE(e.features.empty());
      EXPECT_NE(e.reason.find("name index"), std::string::npos) << e.reason;
    }
  }
  EXPECT_TRUE(full);
  EXPECT_EQ(linked, 8u);  // the full name, 福建晉華 ×5, 晉華 (×2, one in 晉華公司)
}

TEST_F(RealArticlesTest, CanadaIsLinkedEveryTime) {
  // 12 occurrences: 11 in the article on Meng Wanzhou's arrest, 1 in 17770.
  std::vector<Edge> ca = Links(Mentions("/article/16971/"), "加拿大");
  std::vector<Edge> more = Links(Mentions("/article/17770/"), "加拿大");
  ca.insert(ca.end(), more.begin(), more.end());
  EXPECT_EQ(ca.size(), 12u);
  for (const Edge& e : ca) {
    EXPECT_EQ(e.target, "CA");
  }
  // Traditional CLDR names: 北韓 is North Korea.
  std::vector<Edge> kp = Links(Mentions("/article/11847/"), "北韓");
  ASSERT_EQ(kp.size(), 1u);
  EXPECT_EQ(kp[0].target, "KP");
}

TEST_F(RealArticlesTest, EveryMentionCarriesItsSentence) {
  for (const Edge& e : Mentions("/article/33610/")) {
    EXPECT_NE(e.context.find(e.surface), std::string::npos) << e.offset << " " << e.surface;
    EXPECT_LE(e.context.size(), 3 * (2 * 120 + e.surface.size()) + 3);
  }
}

// `ecg relink` on a copy of the real graph: right after a fresh build it
// changes no link, and an unknown article key is an input error.
TEST_F(RealArticlesTest, RelinkOfAFreshGraphChangesNothing) {
  testutil::TempDir tmp;
  const std::string copy = tmp.path() + "/g.db";
  std::filesystem::copy(RealGraphPath(), copy, std::filesystem::copy_options::recursive);
  std::filesystem::remove(copy + "/LOCK");
  auto run = [](const std::string& args, std::string* out) {
    std::string cmd = std::string(ECG_BINARY_DIR) + "/tools/ecg " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    char buf[4096];
    size_t n = 0;
    while (p != nullptr && (n = fread(buf, 1, sizeof(buf), p)) > 0) {
      out->append(buf, n);
    }
    int status = p == nullptr ? -1 : pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  std::string out;
  EXPECT_EQ(run("--db " + copy + " relink", &out), 0) << out;
  EXPECT_NE(out.find("relinked 15 article(s): 0 link(s) added, 0 removed, 0 retargeted"),
            std::string::npos)
      << out;
  out.clear();
  EXPECT_EQ(run("--db " + copy + " relink https://example.com/no-such-article", &out), 2) << out;
  EXPECT_NE(out.find("no article with key"), std::string::npos) << out;
}

}  // namespace
}  // namespace ecg
