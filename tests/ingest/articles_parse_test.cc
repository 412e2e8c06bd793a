// The article parsers on real articles (../shared/data) and small fixtures:
// metadata, text without markup, detection, and malformed input rejected with
// its location.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/articles/article.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest {
namespace {

Article ParseOne(const std::string& path, std::string_view format) {
  auto r = ParseArticles(testutil::ReadFile(path), format, path);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok() || r->size() != 1) {
    ADD_FAILURE() << path;
    return Article();
  }
  return (*r)[0];
}

TEST(ArticleParseTest, SeedArticleIsPlainTextWithTitleAndTrailingDate) {
  const std::string p = testutil::SharedData("seed_article_zh/000_66573e9969ddc2ed.txt");
  EXPECT_EQ(DetectArticleFormat(testutil::ReadFile(p), p), std::string(kFormatArticleText));
  Article a = ParseOne(p, kFormatArticleText);
  EXPECT_EQ(a.title, "解读美国AI技术出口:芯片、算法与全球科技格局的变迁98");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(*a.date, Date::FromYmd(2025, 10, 30));
  EXPECT_EQ(a.lang, "zh");
  EXPECT_TRUE(a.url.empty());
  EXPECT_EQ(a.text.find("好的,各位科技爱好者"), 1u) << a.text.substr(0, 40);
}

TEST(ArticleParseTest, HkcnewsMarkdownKeepsFrontMatterAndDropsMarkup) {
  const std::string p = testutil::SharedData("news_zh_hkcnews/article_20554.md");
  EXPECT_EQ(DetectArticleFormat(testutil::ReadFile(p), p), std::string(kFormatArticleMarkdown));
  Article a = ParseOne(p, kFormatArticleMarkdown);
  EXPECT_EQ(a.title, "【國家緊急狀態】特朗普簽政令　為封殺華為中興鋪路");
  EXPECT_EQ(*a.date, Date::FromYmd(2019, 5, 16));
  EXPECT_EQ(a.lang, "zh");
  EXPECT_EQ(a.url.rfind("https://www.hkcnews.com/article/20554/", 0), 0u) << a.url;
  // The <figure> fragment went through the HTML parser: caption kept, tags gone.
  EXPECT_NE(a.text.find("特朗普簽署行政命令，劍指華為及中興等中國電訊業巨頭。"), std::string::npos);
  EXPECT_EQ(a.text.find("<img"), std::string::npos);
  EXPECT_EQ(a.text.find("<figure"), std::string::npos);
  // Markdown links keep their words, not their targets.
  EXPECT_NE(a.text.find("《保障信息與通訊技術及服務供應鏈安全行政命令》"), std::string::npos);
  EXPECT_EQ(a.text.find("](https://"), std::string::npos);
}

TEST(ArticleParseTest, EveryHkcnewsArticleParses) {
  for (const char* id : {"11847", "12392", "16971", "17770", "20554", "20653", "20690", "20737",
                         "20875", "20919", "22996", "33610", "42491", "46704"}) {
    const std::string p =
        testutil::SharedData(std::string("news_zh_hkcnews/article_") + id + ".md");
    Article a = ParseOne(p, kFormatArticleMarkdown);
    EXPECT_FALSE(a.title.empty()) << p;
    EXPECT_TRUE(a.date.has_value()) << p;
    EXPECT_GT(a.text.size(), 200u) << p;
    EXPECT_EQ(a.text.find("<figure"), std::string::npos) << p;
  }
}

TEST(ArticleParseTest, HtmlArticleTextAndMetadata) {
  const std::string p = testutil::TestData("articles/export_rule.html");
  EXPECT_EQ(DetectArticleFormat(testutil::ReadFile(p), p), std::string(kFormatArticleHtml));
  Article a = ParseOne(p, kFormatArticleHtml);
  EXPECT_EQ(a.title, "Commerce adds chip firms to the Entity List (test fixture)");
  EXPECT_EQ(*a.date, Date::FromYmd(2024, 12, 3));
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.url, "https://example.org/news/entity-list-chips");
  EXPECT_NE(a.text.find("added 140 entities to the Entity List in 89 FR 96790"), std::string::npos)
      << a.text;
  EXPECT_NE(a.text.find("Shipments of H100 accelerators."), std::string::npos);
  // Scripts and styles are not text.
  EXPECT_EQ(a.text.find("tracking"), std::string::npos);
  EXPECT_EQ(a.text.find("color"), std::string::npos);
}

TEST(ArticleParseTest, JsonLinesGiveOneArticlePerLine) {
  const std::string p = testutil::TestData("articles/articles.jsonl");
  EXPECT_EQ(DetectArticleFormat(testutil::ReadFile(p), p), std::string(kFormatArticleJsonl));
  auto r = ParseArticles(testutil::ReadFile(p), kFormatArticleJsonl, p);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].lang, "zh");
  EXPECT_EQ((*r)[1].lang, "en");  // not given: detected from the script
  EXPECT_EQ((*r)[1].line, 2u);
  EXPECT_EQ(*(*r)[1].date, Date::FromYmd(2023, 10, 17));
}

TEST(ArticleParseTest, BadJsonLineIsRejectedWithItsLine) {
  std::string bytes =
      "{\"title\":\"a\",\"text\":\"ok\"}\n{\"title\":\"b\",\"text\":\"unterminated}\n";
  auto r = ParseArticles(bytes, kFormatArticleJsonl, "x.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("x.jsonl: line 2"), std::string::npos)
      << r.status().ToString();
}

TEST(ArticleParseTest, TruncatedFrontMatterIsRejectedWithItsLine) {
  const std::string p = testutil::TestData("articles/truncated_front_matter.md");
  EXPECT_EQ(DetectArticleFormat(testutil::ReadFile(p), p), std::string(kFormatArticleMarkdown));
  auto r = ParseArticles(testutil::ReadFile(p), kFormatArticleMarkdown, "t.md");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("t.md: line 6: front matter opened at line 1 is not closed"),
            std::string::npos)
      << r.status().ToString();
}

TEST(ArticleParseTest, InvalidUtf8IsRejectedWithItsLineAndByte) {
  const std::string p = testutil::TestData("articles/invalid_utf8.md");
  auto r = ParseArticles(testutil::ReadFile(p), kFormatArticleMarkdown, "b.md");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("b.md: line 7, byte 81: invalid UTF-8"), std::string::npos)
      << r.status().ToString();
}

TEST(ArticleParseTest, BadYamlIsRejectedWithItsLine) {
  auto r = ParseArticles("---\ntitle: \"ok\"\ndate: [unclosed\n---\nbody\n", kFormatArticleMarkdown,
                         "y.md");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("y.md: line "), std::string::npos) << r.status().ToString();
}

TEST(ArticleParseTest, LanguageFromScript) {
  EXPECT_EQ(DetectLanguage("華為被列入實體名單"), "zh");
  EXPECT_EQ(DetectLanguage("NVIDIA的A100、H100系列"), "zh");
  EXPECT_EQ(DetectLanguage("Huawei was added to the Entity List."), "en");
}

TEST(ArticleParseTest, PlainTextNeedsTxtExtensionToBeDetected) {
  EXPECT_FALSE(DetectArticleFormat("hello\nworld", "notes.csv").has_value());
  EXPECT_EQ(DetectArticleFormat("hello\nworld", "notes.txt"), std::string(kFormatArticleText));
}

}  // namespace
}  // namespace ecg::ingest
