#include "ingest/articles/article_writer.h"

#include <vector>

#include "ingest/util/sha256.h"
#include "schema/catalog.h"

namespace ecg::ingest {

PropertyList MentionProperties(const Mention& m) {
  PropertyList props = {{prop::kOffset, Value(static_cast<int64_t>(m.offset))},
                        {prop::kLength, Value(static_cast<int64_t>(m.length))},
                        {prop::kByteOffset, Value(static_cast<int64_t>(m.byte_offset))},
                        {prop::kConfidence, Value(m.confidence)},
                        {prop::kSurface, Value(m.surface)},
                        {prop::kRole, Value(m.role)},
                        {prop::kContext, Value(m.context)}};
  if (!m.reason.empty()) {
    props.emplace_back(prop::kReason, Value(m.reason));
  }
  if (m.score > 0) {
    props.emplace_back(prop::kScore, Value(static_cast<int64_t>(m.score)));
    props.emplace_back(prop::kFeatures, Value(Value::StringList(m.features)));
  }
  return props;
}

std::string ArticleKey(const Article& article) {
  return article.url.empty() ? "sha256:" + Sha256Hex(article.text) : article.url;
}

Result<VertexId> WriteArticle(const Article& article, const LinkResult& links, SourceContext* ctx) {
  store::Batch* batch = ctx->batch();
  ECG_ASSIGN_OR_RETURN(VertexId id, batch->Vertex(VertexKind::kArticle, ArticleKey(article)));
  ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kName, Value(article.title)).status());
  ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kTitle, Value(article.title)).status());
  if (article.date) {
    ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kDate, Value(*article.date)).status());
  }
  ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kLang, Value(article.lang)).status());
  if (!article.url.empty()) {
    ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kUrl, Value(article.url)).status());
  }
  ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kText, Value(article.text)).status());
  ECG_RETURN_IF_ERROR(
      ctx->SetProperty(id, prop::kUnlinked, Value(Value::StringList(links.unlinked))).status());

  std::vector<store::EdgeStatement> before;
  ECG_RETURN_IF_ERROR(batch->GetEdges(id, store::Direction::kOut, EdgeType::kMentions, &before));
  for (const Mention& m : links.mentions) {
    PropertyList props = MentionProperties(m);
    ECG_RETURN_IF_ERROR(ctx->PutEdge(EdgeType::kMentions, id, m.vertex, props, Interval::Always(),
                                     std::to_string(m.offset))
                            .status());
  }
  // A revised article (same URL, new text) no longer makes the old mentions.
  for (const store::EdgeStatement& e : before) {
    if (e.src != id || !e.meta.current() || e.meta.valid.to != Date::Max() ||
        ctx->Asserted(EdgeIdentity(e.type, e.src, e.dst, e.discriminator))) {
      continue;
    }
    ECG_RETURN_IF_ERROR(batch->CloseEdge(e, ctx->snapshot_date()));
    ++ctx->report()->counts.edges_closed;
  }
  return id;
}

}  // namespace ecg::ingest
