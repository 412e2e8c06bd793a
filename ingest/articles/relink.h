// Re-linking stored articles against the graph as it is now (`ecg relink`):
// after new lists, alias files, judgements or merges, the articles' mentions
// edges are recomputed from their stored text with a fresh gazetteer and name
// index, and the difference is written in one batch (one atomic commit) and
// reported. Thread safety: one relink at a time per store (it takes the
// store's single batch).
#ifndef ECG_INGEST_ARTICLES_RELINK_H_
#define ECG_INGEST_ARTICLES_RELINK_H_

#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"
#include "store/graph_store.h"

#include "text/normalizer.h"

namespace ecg::ingest {

struct RelinkOptions {
  // Article keys (URLs or "sha256:..."); empty = every article.
  std::vector<std::string> articles;
  // Compute and report, write nothing.
  bool dry_run = false;
  // The label of the ingest run the changes are recorded in.
  std::string label = "relink";
};

// One change of one article's links (role "mention" edges).
struct LinkChange {
  enum class What : uint8_t { kAdded, kRemoved, kRetargeted };
  What what{};
  std::string article;  // the article's key
  uint32_t offset = 0;  // code points into its text
  std::string surface;
  std::string from;  // the old target's key ("" when added)
  std::string to;    // the new target's key ("" when removed)
};

struct RelinkReport {
  size_t articles = 0;
  size_t added = 0;
  size_t removed = 0;
  size_t retargeted = 0;
  size_t unchanged = 0;
  // Candidate edges (role "candidate") written or closed.
  size_t candidates_changed = 0;
  std::vector<LinkChange> changes;  // in article, then offset order
};

// Re-links the articles of `store` (options.articles, or all) with the
// gazetteer and screener of the graph's current state. Mentions that no
// longer hold are closed at today's date; new or changed ones are written
// with the provenance of the article's text; the `unlinked` property is
// updated. Everything is one batch of one run: on any error nothing is
// written. Errors: kInvalidArgument naming an unknown article key; the
// store's errors.
Result<RelinkReport> RelinkArticles(store::GraphStore* store,
                                    const text::TextNormalizer* normalizer,
                                    const RelinkOptions& options);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_RELINK_H_
