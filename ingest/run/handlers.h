// Registration functions of the format handlers, one per pipeline. Each adds
// its handlers to an Ingester; Ingester::RegisterDefaultHandlers calls them all.
// Thread safety: call during setup only.
#ifndef ECG_INGEST_RUN_HANDLERS_H_
#define ECG_INGEST_RUN_HANDLERS_H_

namespace ecg::ingest {

class Ingester;

// Restricted-party lists, ownership files and the curated alias file
// (ingest/lists/writer*.cc).
void RegisterListHandlers(Ingester* ingester);

// Regulations (ingest/regs/writer_handlers.cc).
void RegisterRegHandlers(Ingester* ingester);

// Articles (ingest/articles/article_handler.cc).
void RegisterArticleHandlers(Ingester* ingester);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_RUN_HANDLERS_H_
