// Articles through the ingest run on real data: the seed article links NVIDIA,
// A100, H100 and its Chinese chipmaking and AI-chip terms (the exact set,
// offsets found by a plain search here, not by the linker); a Hong Kong
// article links 中芯國際 to SMIC and 華為 to Huawei; a Simplified copy of a
// Traditional article links the same vertices; an HTML article ingests; a
// malformed article is rejected and the graph is unchanged.
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "ingest/articles/article.h"
#include "ingest/articles/article_writer.h"
#include "ingest/run/handlers.h"
#include "tests/ingest/run_test_util.h"

namespace ecg::ingest {
namespace {

using run_test::IngestFixture;
using run_test::Shared;

const std::string kSeed = "seed_article_zh/000_66573e9969ddc2ed.txt";
const std::string kSmicArticle = "news_zh_hkcnews/article_33610.md";

std::string SourcePath(const std::string& rel) {
  return std::string(ECG_SOURCE_DIR) + "/" + rel;
}

// Code point offset of byte offset `byte` in `s`.
int64_t CpOffset(const std::string& s, size_t byte) {
  int64_t n = 0;
  for (size_t i = 0; i < byte; ++i) {
    n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  return n;
}

struct Seen {
  std::string vertex_key;  // "<kind>:<key>"
  std::string surface;
  int64_t offset = 0;
  int64_t byte_offset = 0;
  bool operator==(const Seen& o) const {
    return std::tie(vertex_key, surface, offset, byte_offset) ==
           std::tie(o.vertex_key, o.surface, o.offset, o.byte_offset);
  }
  bool operator<(const Seen& o) const {
    return std::tie(vertex_key, surface, offset, byte_offset) <
           std::tie(o.vertex_key, o.surface, o.offset, o.byte_offset);
  }
};

void PrintTo(const Seen& s, std::ostream* os) {
  *os << "{" << s.vertex_key << " '" << s.surface << "' @" << s.offset << "/" << s.byte_offset
      << "}";
}

class ArticleHandlerTest : public IngestFixture {
 public:
  // The article vertex of `a` (parsed again here for its key) and the text.
  VertexId ArticleOf(const std::string& path, std::string_view format, std::string* text) {
    auto parsed = ParseArticles(testutil::ReadFile(path), format, path);
    EXPECT_TRUE(parsed.ok());
    if (!parsed.ok()) {
      return VertexId();
    }
    *text = (*parsed)[0].text;
    auto v = store_->NewReadView()->FindByKey(VertexKind::kArticle, ArticleKey((*parsed)[0]));
    EXPECT_TRUE(v.ok() && v->valid()) << path;
    return v.ok() ? *v : VertexId();
  }

  std::set<Seen> MentionsOf(VertexId article) { return Mentions(article); }
  std::set<Seen> Mentions(VertexId article) {
    auto view = store_->NewReadView();
    std::set<Seen> out;
    EXPECT_OK(view->ForEachEdge(
        article, store::Direction::kOut, EdgeType::kMentions, [&](const store::EdgeStatement& e) {
          auto rec = view->GetVertex(e.dst);
          EXPECT_TRUE(rec.ok());
          out.insert(Seen{std::string(VertexKindName(rec->kind)) + ":" + rec->key,
                          e.Get(prop::kSurface).as_string(), e.Get(prop::kOffset).as_int(),
                          e.Get(prop::kByteOffset).as_int()});
          return true;
        }));
    return out;
  }

  std::set<std::string> LinkedKeys(VertexId article) {
    std::set<std::string> out;
    for (const Seen& s : Mentions(article)) {
      out.insert(s.vertex_key);
    }
    return out;
  }

  // The entity whose name property is exactly `name`.
  VertexId EntityNamed(const std::string& name) {
    auto view = store_->NewReadView();
    std::vector<VertexId> exact;
    for (VertexId id : EntitiesNamed(name)) {
      auto v = view->GetValue(id, prop::kName);
      if (v.ok() && v->type() == PropertyType::kString && v->as_string() == name) {
        exact.push_back(id);
      }
    }
    EXPECT_EQ(exact.size(), 1u) << name;
    return exact.empty() ? VertexId() : exact[0];
  }

  std::string KeyOf(VertexId id) {
    auto rec = store_->NewReadView()->GetVertex(id);
    return rec.ok() ? std::string(VertexKindName(rec->kind)) + ":" + rec->key : "";
  }
};

TEST_F(ArticleHandlerTest, SeedArticleLinksTheExactSet) {
  RunReport r = Ingest({SourcePath("ingest/data/technologies.csv"), Shared(kSeed)});
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  EXPECT_EQ(r.files[1].format, std::string(kFormatArticleText));
  std::string text;
  VertexId article = ArticleOf(Shared(kSeed), kFormatArticleText, &text);
  ASSERT_TRUE(article.valid());
  const std::string nvidia = KeyOf(EntityNamed("NVIDIA"));
  // Every occurrence of each surface, found by a plain search of the text.
  const std::vector<std::pair<std::string, std::string>> expected_surfaces = {
      {"NVIDIA", nvidia},
      {"A100", "technology:A100"},
      {"H100系列", "technology:H100"},
      {"光刻机", "technology:LITHO"},
      {"芯片", "technology:IC"},
      {"刻蚀机", "technology:ETCH"},
      {"高性能AI芯片", "technology:ADV_COMPUTING_IC"},
      {"AI加速芯片", "technology:ADV_COMPUTING_IC"},
      {"AI专用ASIC", "technology:ADV_COMPUTING_IC"},
      {"AI芯片", "technology:ADV_COMPUTING_IC"},
      {"图形处理器", "technology:GPU"},
      {"GPU", "technology:GPU"},
      {"半导体制造设备", "technology:SME"},
      {"TensorFlow", "technology:TENSORFLOW"},
      {"PyTorch", "technology:PYTORCH"},
  };
  std::set<Seen> expected;
  for (const auto& [surface, key] : expected_surfaces) {
    for (size_t pos = text.find(surface); pos != std::string::npos;
         pos = text.find(surface, pos + surface.size())) {
      expected.insert(Seen{key, surface, CpOffset(text, pos), static_cast<int64_t>(pos)});
    }
  }
  // Longest match: an occurrence inside a longer expected one is not a mention.
  std::set<Seen> outer;
  for (const Seen& e : expected) {
    bool inside = false;
    for (const Seen& o : expected) {
      inside = inside || (o.surface.size() > e.surface.size() && o.byte_offset <= e.byte_offset &&
                          e.byte_offset + e.surface.size() <= o.byte_offset + o.surface.size());
    }
    if (!inside) {
      outer.insert(e);
    }
  }
  expected = outer;
  EXPECT_EQ(expected.size(), 23u);
  std::set<Seen> got = Mentions(article);
  // Mentions of countries (美国, 中国) are linked too; the brief's set is the rest.
  std::set<Seen> got_without_countries;
  for (const Seen& s : got) {
    if (s.vertex_key.rfind("country:", 0) != 0) {
      got_without_countries.insert(s);
    }
  }
  EXPECT_EQ(got_without_countries, expected);
  // The named ones are all there: NVIDIA, A100, H100, 光刻机, 刻蚀机, 高性能AI芯片.
  for (const char* key : {"technology:A100", "technology:H100", "technology:LITHO",
                          "technology:ETCH", "technology:ADV_COMPUTING_IC"}) {
    EXPECT_TRUE(LinkedKeys(article).count(key)) << key;
  }
  EXPECT_TRUE(LinkedKeys(article).count(nvidia));
}

class ListedArticleTest : public ArticleHandlerTest {
 protected:
  void SetUp() override {
    ArticleHandlerTest::SetUp();
    // The list first, so that the curated aliases join its entities.
    RunReport r = Ingest({Shared("bis_entity_list_ecfr_nsfreg/bis_entity_list.json"),
                          Shared("us_lists_opensanctions/dod_chinese_milcorps_1260h.csv"),
                          SourcePath("ingest/data/aliases.csv")});
    ASSERT_EQ(r.rejected(), 0u) << r.ToText();
    smic_ = EntityNamed("Semiconductor Manufacturing International Corporation");
    huawei_ = EntityNamed("Huawei Technologies Co., Ltd.");
  }
  VertexId smic_;
  VertexId huawei_;
};

// True when `article` mentions `vertex` through `surface`, at offsets that
// point at that surface in the article's text.
bool MentionsThrough(ArticleHandlerTest* t, VertexId article, const std::string& text,
                     const std::string& surface, const std::string& vertex_key) {
  bool found = false;
  for (const Seen& s : t->MentionsOf(article)) {
    EXPECT_EQ(text.substr(static_cast<size_t>(s.byte_offset), s.surface.size()), s.surface);
    EXPECT_EQ(CpOffset(text, static_cast<size_t>(s.byte_offset)), s.offset);
    if (s.surface == surface) {
      EXPECT_EQ(s.vertex_key, vertex_key) << surface;
      found = true;
    }
  }
  return found;
}

TEST_F(ListedArticleTest, HongKongArticlesLinkSmicAndHuawei) {
  const std::string huawei_article = "news_zh_hkcnews/article_20554.md";
  RunReport r = Ingest({Shared(kSmicArticle), Shared(huawei_article)});
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  std::string text;
  VertexId article = ArticleOf(Shared(kSmicArticle), kFormatArticleMarkdown, &text);
  EXPECT_TRUE(MentionsThrough(this, article, text, "中芯國際", KeyOf(smic_)));
  article = ArticleOf(Shared(huawei_article), kFormatArticleMarkdown, &text);
  EXPECT_TRUE(MentionsThrough(this, article, text, "華為", KeyOf(huawei_)));
}

TEST_F(ListedArticleTest, FederalRegisterCitationsLinkToTheirRule) {
  // The Entity List records cite 85 FR 83420 (SMIC's listing): the list
  // writer made that rule.
  RunReport r;
  ASSERT_OK(ingester_->IngestBytes(
      "fr.jsonl",
      "{\"title\":\"t\",\"url\":\"https://example.org/fr\",\"text\":\"中芯国际于85 FR "
      "83420被列入实体清单。\"}\n",
      {}, &r));
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  auto article = store_->NewReadView()->FindByKey(VertexKind::kArticle, "https://example.org/fr");
  ASSERT_TRUE(article.ok() && article->valid());
  std::set<Seen> got = Mentions(*article);
  std::set<std::string> keys;
  for (const Seen& s : got) {
    keys.insert(s.vertex_key + "|" + s.surface + "@" + std::to_string(s.offset));
  }
  EXPECT_TRUE(keys.count("rule:85 FR 83420|85 FR 83420@5")) << ::testing::PrintToString(got);
  EXPECT_TRUE(keys.count(KeyOf(smic_) + "|中芯国际@0"));
  EXPECT_TRUE(keys.count("list:EL|实体清单@19")) << ::testing::PrintToString(got);
}

TEST_F(ListedArticleTest, SimplifiedCopyLinksTheSameVertices) {
  const std::string traditional = testutil::ReadFile(Shared(kSmicArticle));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(traditional);
  t->transliterate(u);
  std::string simplified;
  u.toUTF8String(simplified);
  ASSERT_NE(simplified, traditional);
  ASSERT_NE(simplified.find("中芯国际"), std::string::npos);
  // Another URL, so that the copy is a second article.
  size_t url = simplified.find("original_url: \"");
  ASSERT_NE(url, std::string::npos);
  simplified.insert(url + 15, "https://example.org/simplified-copy?");
  const std::string copy = dir_.Sub("simplified.md");
  testutil::WriteFile(copy, simplified);

  RunReport r = Ingest({Shared(kSmicArticle), copy});
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  std::string text_t;
  std::string text_s;
  VertexId a = ArticleOf(Shared(kSmicArticle), kFormatArticleMarkdown, &text_t);
  VertexId b = ArticleOf(copy, kFormatArticleMarkdown, &text_s);
  ASSERT_NE(a, b);
  EXPECT_EQ(LinkedKeys(a), LinkedKeys(b));
  EXPECT_TRUE(LinkedKeys(b).count(KeyOf(smic_)));
}

TEST_F(ArticleHandlerTest, HtmlAndJsonLinesIngest) {
  RunReport r = Ingest({SourcePath("ingest/data/technologies.csv"),
                        testutil::TestData("articles/export_rule.html"),
                        testutil::TestData("articles/articles.jsonl")});
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  EXPECT_EQ(r.files[1].format, std::string(kFormatArticleHtml));
  EXPECT_EQ(r.files[2].format, std::string(kFormatArticleJsonl));
  EXPECT_EQ(r.files[2].counts.records_read, 2u);
  auto view = store_->NewReadView();
  auto html = view->FindByKey(VertexKind::kArticle, "https://example.org/news/entity-list-chips");
  ASSERT_TRUE(html.ok() && html->valid());
  EXPECT_TRUE(LinkedKeys(*html).count("technology:H100"));
  auto unlinked = view->GetValue(*html, prop::kUnlinked);
  ASSERT_TRUE(unlinked.ok());
  const auto& spans = unlinked->as_string_list();
  EXPECT_NE(std::find(spans.begin(), spans.end(), "Example Photonics Co., Ltd."), spans.end());
  // A second run of the same files changes nothing.
  RunReport again = Ingest({testutil::TestData("articles/export_rule.html")});
  EXPECT_TRUE(again.all_unchanged());
}

TEST_F(ArticleHandlerTest, MalformedArticlesAreRejectedAndTheGraphIsUnchanged) {
  RunReport first = Ingest({SourcePath("ingest/data/technologies.csv")});
  ASSERT_EQ(first.rejected(), 0u);
  auto before = store_->NewReadView()->ComputeStats();
  ASSERT_TRUE(before.ok());
  RunReport r = Ingest({testutil::TestData("articles/truncated_front_matter.md"),
                        testutil::TestData("articles/invalid_utf8.md")});
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.rejected(), 2u);
  EXPECT_NE(r.files[0].error.find("line 6: front matter opened at line 1 is not closed"),
            std::string::npos)
      << r.files[0].error;
  // The run's decoder finds the bad byte before the parser does.
  EXPECT_NE(r.files[1].error.find("offset 81"), std::string::npos) << r.files[1].error;
  auto after = store_->NewReadView()->ComputeStats();
  ASSERT_TRUE(after.ok());
  for (size_t i = 0; i < before->kinds.size(); ++i) {
    if (before->kinds[i].kind == VertexKind::kSource) {
      continue;  // the run itself is recorded, not the files
    }
    EXPECT_EQ(before->kinds[i].vertices, after->kinds[i].vertices);
  }
  EXPECT_EQ(before->property_statements, after->property_statements);
}

TEST_F(ArticleHandlerTest, EveryArticleFileOfTheSharedDataIngestsWithDetection) {
  std::vector<std::string> files;
  for (const char* id : {"11847", "12392", "16971", "17770", "20554", "20653", "20690", "20737",
                         "20875", "20919", "22996", "33610", "42491", "46704"}) {
    files.push_back(Shared(std::string("news_zh_hkcnews/article_") + id + ".md"));
  }
  files.push_back(Shared(kSeed));
  RunReport r = Ingest(files);
  ASSERT_EQ(r.rejected(), 0u) << r.ToText();
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(r.files[i].format,
              std::string(i + 1 < files.size() ? kFormatArticleMarkdown : kFormatArticleText));
    EXPECT_EQ(r.files[i].counts.records_read, 1u);
  }
  EXPECT_EQ(r.Totals().records_read, files.size());
  std::vector<std::string> problems;
  ASSERT_OK(store_->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems[0];
  EXPECT_TRUE(Ingest(files).all_unchanged());
}

TEST_F(ArticleHandlerTest, ARevisedArticleClosesTheMentionsItNoLongerMakes) {
  ASSERT_EQ(Ingest({SourcePath("ingest/data/technologies.csv")}).rejected(), 0u);
  auto ingest = [&](const std::string& text) {
    IngestOptions options;
    options.run_date = Date::FromYmd(2026, 9, 2);
    RunReport report;
    ASSERT_OK(ingester_->IngestBytes(
        "revised.jsonl",
        "{\"title\":\"t\",\"url\":\"https://example.org/revised\",\"text\":\"" + text + "\"}\n",
        options, &report));
    ASSERT_EQ(report.rejected(), 0u) << report.ToText();
  };
  ingest("H100 and A100 shipments.");
  ingest("A100 shipments only.");
  auto view = store_->NewReadView();
  auto article = view->FindByKey(VertexKind::kArticle, "https://example.org/revised");
  ASSERT_TRUE(article.ok() && article->valid());
  std::set<std::string> open;
  std::set<std::string> closed;
  ASSERT_OK(view->ForEachEdge(
      *article, store::Direction::kOut, EdgeType::kMentions, [&](const store::EdgeStatement& e) {
        const std::string s =
            e.Get(prop::kSurface).as_string() + "@" + std::to_string(e.Get(prop::kOffset).as_int());
        (e.meta.valid.is_open() ? open : closed).insert(s);
        return true;
      }));
  // A100 moved from offset 9 to 0: the old position is closed too.
  EXPECT_EQ(open, (std::set<std::string>{"A100@0"}));
  EXPECT_EQ(closed, (std::set<std::string>{"H100@0", "A100@9"}));
}

}  // namespace
}  // namespace ecg::ingest
