// Mention linking: finds the gazetteer's names in an article's text (the
// automaton over the folded text), ECCN codes and Federal Register
// citations (re2), resolves overlaps by longest match, keeps short Han names
// from matching inside longer words (ICU's word boundaries: no 中国 in
// 发展中国家), holds back generic names without evidence and weak names
// (one-token person aliases, acronyms, one-word legal-form cores,
// two-character Han person names) without corroborating context, keeps
// ambiguous mentions' candidates, asks the screener's name index about
// organisation-like spans the gazetteer misses, and reports those that still
// link to nothing. docs/linking.md describes the decisions.
// Thread safety: LinkText uses the gazetteer's fold cache and the screener's
// caches; one thread per gazetteer and screener.
#ifndef ECG_INGEST_ARTICLES_LINKER_H_
#define ECG_INGEST_ARTICLES_LINKER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/articles/gazetteer.h"

#include "screen/screener.h"

namespace ecg::ingest {

// Roles of a mention (the `role` property of a mentions edge).
inline constexpr std::string_view kRoleMention = "mention";      // one vertex
inline constexpr std::string_view kRoleCandidate = "candidate";  // one of several

// One linked mention. Offsets refer to the text given to LinkText.
struct Mention {
  uint32_t offset = 0;       // in Unicode code points
  uint32_t length = 0;       // in code points
  uint32_t byte_offset = 0;  // in UTF-8 bytes
  uint32_t byte_length = 0;
  std::string surface;  // the original text of the span
  VertexId vertex;
  VertexKind kind{};
  double confidence = 0;
  std::string role;  // kRoleMention or kRoleCandidate
  // Why the span links (a weak name's corroboration, the name index's
  // verdict), or, for a candidate, why it does not; "" for a plain name match.
  std::string reason;
  // For spans linked through the name index: the screener's score (0..100)
  // and its reasons ("same core (legal form ignored)", ...); 0 and empty
  // otherwise.
  int score = 0;
  std::vector<std::string> features;
  // The sentence around the mention (at most kContextChars code points on
  // either side of it).
  std::string context;
};

// Longest stretch of context kept on each side of a mention, in code points.
inline constexpr size_t kContextChars = 120;

struct LinkResult {
  // Ordered by offset, then vertex. An ambiguous span (one surface, several
  // vertices) gives one Mention per candidate, each with role "candidate" and
  // the confidence divided among them.
  std::vector<Mention> mentions;
  // Organisation-like spans ("…公司", "…集团", "…研究所", "... Co., Ltd.")
  // that overlap no mention, distinct, in text order.
  std::vector<std::string> unlinked;
};

struct LinkOptions {
  // The trie walk is the default: bench/link_bench measured it as fast as
  // Aho-Corasick on the real gazetteer and mostly faster with 100k more
  // names (docs/benchmarks.md): the failure-link chase costs extra hash
  // lookups per character, while most walks stop after one.
  MatchMode mode = MatchMode::kTrieWalk;
  // Skip the unlinked-organisation scan (benchmarks of matching alone).
  bool report_unlinked = true;
  // The name index behind organisation-like spans the gazetteer misses: the
  // screener's Match over `view` (the graph the gazetteer was built from).
  // Both null: such spans are only reported as unlinked. Not owned.
  screen::Screener* screener = nullptr;
  const store::ReadView* view = nullptr;
  // A span links to the index's best candidate when it scores at least
  // `index_threshold` and beats the second best by `index_margin`.
  int index_threshold = 90;
  int index_margin = 5;
};

// Links `utf8` (valid UTF-8) against `gazetteer`. REQUIRES: Finish() called.
LinkResult LinkText(Gazetteer* gazetteer, std::string_view utf8, const LinkOptions& options = {});

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_LINKER_H_
