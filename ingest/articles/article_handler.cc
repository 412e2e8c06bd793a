// The article FormatHandler: detects article formats by content, parses the
// articles, links their mentions against a gazetteer built from the graph as
// the file's batch opened, and writes one article vertex per article with a
// `mentions` edge per mention (discriminator = the character offset).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/articles/article.h"
#include "ingest/articles/article_writer.h"
#include "ingest/articles/gazetteer.h"
#include "ingest/articles/linker.h"
#include "ingest/run/handlers.h"
#include "ingest/run/ingest_run.h"

#include "screen/screener.h"

namespace ecg::ingest {
namespace {

// A FormatHandler, as regs/writer_handlers.cc's RegHandler: the shared lines
// are the interface's overrides.
class ArticleHandler final : public FormatHandler {
 public:
  std::string_view name() const override { return "articles"; }

  std::vector<std::string> formats() const override {
    return {std::string(kFormatArticleText), std::string(kFormatArticleMarkdown),
            std::string(kFormatArticleHtml), std::string(kFormatArticleJsonl)};
  }

  std::optional<std::string> Detect(std::string_view utf8,
                                    std::string_view file_name) const override {
    return DetectArticleFormat(utf8, file_name);
  }

  // Articles are documents, not snapshots of a feed.
  std::string FeedKey(std::string_view /*format*/, std::string_view /*utf8*/,
                      std::string_view /*file_name*/) const override {
    return std::string();
  }

  Status Apply(std::string_view utf8, SourceContext* ctx) const override {
    ECG_ASSIGN_OR_RETURN(std::vector<Article> articles,
                         ParseArticles(utf8, ctx->format(), ctx->file_label()));
    ECG_ASSIGN_OR_RETURN(std::unique_ptr<Gazetteer> gazetteer,
                         Gazetteer::FromGraph(ctx->view(), &ctx->normalizer()));
    // The screener's name index answers for the organisation-like spans the
    // gazetteer misses.
    ECG_ASSIGN_OR_RETURN(uint64_t entities, screen::Screener::CountEntities(ctx->view()));
    ECG_ASSIGN_OR_RETURN(std::unique_ptr<screen::Screener> screener,
                         screen::Screener::Create(nullptr, &ctx->normalizer(), entities));
    LinkOptions options;
    options.screener = screener.get();
    options.view = &ctx->view();
    for (const Article& a : articles) {
      LinkResult links = LinkText(gazetteer.get(), a.text, options);
      ECG_RETURN_IF_ERROR(WriteArticle(a, links, ctx).status());
      ++ctx->report()->counts.records_read;
    }
    return Status::OK();
  }
};

}  // namespace

void RegisterArticleHandlers(Ingester* ingester) {
  ingester->Register(std::make_unique<ArticleHandler>());
}

}  // namespace ecg::ingest
