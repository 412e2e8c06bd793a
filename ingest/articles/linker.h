// Mention linking: finds the gazetteer's names in an article's text (the
// automaton over the folded text), ECCN codes and Federal Register
// citations (re2), resolves overlaps by longest match, holds back short or
// generic names without evidence, keeps ambiguous mentions' candidates, and
// reports organisation-like spans that link to nothing.
// Thread safety: LinkText uses the gazetteer's fold cache; one thread per
// gazetteer.
#ifndef ECG_INGEST_ARTICLES_LINKER_H_
#define ECG_INGEST_ARTICLES_LINKER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/articles/gazetteer.h"

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
};

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
};

// Links `utf8` (valid UTF-8) against `gazetteer`. REQUIRES: Finish() called.
LinkResult LinkText(Gazetteer* gazetteer, std::string_view utf8, const LinkOptions& options = {});

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_LINKER_H_
