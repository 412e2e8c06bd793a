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

// Regulations (ingest/regs/writer*.cc). Declared weak so that the framework
// links before the regs writer exists; RegisterDefaultHandlers skips it when
// undefined. A weak reference does not pull an archive member out of a static
// library, so TODO(#4): when the regs writer defines it, drop [[gnu::weak]]
// here (and likewise TODO(#5) for articles).
[[gnu::weak]] void RegisterRegHandlers(Ingester* ingester);

// Articles. TODO(#5): the articles pipeline defines it.
[[gnu::weak]] void RegisterArticleHandlers(Ingester* ingester);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_RUN_HANDLERS_H_
