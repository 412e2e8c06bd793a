// Writes one parsed and linked article into an ingest run's batch: the
// article vertex and its `mentions` edges. Thread safety: as SourceContext
// (one file at a time).
#ifndef ECG_INGEST_ARTICLES_ARTICLE_WRITER_H_
#define ECG_INGEST_ARTICLES_ARTICLE_WRITER_H_

#include <string>

#include "ingest/articles/article.h"
#include "ingest/articles/linker.h"
#include "ingest/run/ingest_run.h"
#include "schema/catalog.h"
#include "schema/result.h"

namespace ecg::ingest {

// The properties of the `mentions` edge of `m`: offset, length, byte_offset,
// confidence, surface, role, context, and when set reason, score and
// features.
PropertyList MentionProperties(const Mention& m);

// The natural key of an article vertex: its URL when known, else
// "sha256:<hex of the text>".
std::string ArticleKey(const Article& article);

// Writes `article` (vertex kind article, key ArticleKey): properties name and
// title (the title), date, lang, url, text, and unlinked (the organisation-
// like spans that link to nothing); one `mentions` edge per Mention with
// offset, length, byte_offset (code points / bytes into `text`), confidence,
// surface and role, discriminated by the offset so that repeated mentions
// are kept. Mentions an earlier version of the same article had and this one
// lacks are closed at the context's snapshot date. Returns the article's
// vertex; store errors poison the batch and reject the file.
Result<VertexId> WriteArticle(const Article& article, const LinkResult& links, SourceContext* ctx);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_ARTICLE_WRITER_H_
