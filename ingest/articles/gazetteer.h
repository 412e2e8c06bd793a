// Gazetteer: every name the graph knows, folded and compiled into one
// automaton, for linking article mentions. Built from a ReadView: entity
// names and aliases in every script (and their cores without legal forms),
// technology names, aliases and product codes, list names and aliases (with
// 实体清单 / Entity List and 不可靠实体清单 / Unreliable Entity List added when
// the lists lack them), countries (with ICU's Chinese names), ECCN codes and
// Federal Register citations of rules (matched by re2, not the automaton).
// Thread safety: not thread-safe (its Folder caches folds); one per thread.
// After Finish() the name tables do not change.
#ifndef ECG_INGEST_ARTICLES_GAZETTEER_H_
#define ECG_INGEST_ARTICLES_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <unicode/uversion.h>

#include "ingest/articles/automaton.h"
#include "ingest/articles/folded_text.h"
#include "schema/ids.h"
#include "schema/kinds.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "text/normalizer.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace ecg::ingest {

// Why a name belongs to a vertex; sets the confidence of a match.
enum class NameRole : uint8_t {
  kName,   // the vertex's name (0.95)
  kAlias,  // an alias (0.9)
  kCode,   // a product or list code such as "H100" (0.9)
  kCore,   // a name without its legal form, "huawei technologies" (0.85)
};

// One vertex a folded name stands for.
struct GazetteerTarget {
  VertexId vertex;
  VertexKind kind{};
  double confidence = 0;
  // Short or generic names (<= 2 Latin letters, "technology", 公司) link only
  // with evidence in the text.
  bool weak = false;
  // ISO code: the entity's country, or the country vertex's own code.
  std::string country;
  // Why this name is too weak to link on its own (a static string: "a
  // one-token person alias", "an acronym", "a legal-form core of one short
  // word", "a two-character Han person name"), or null. Such a name links only
  // with corroborating context (linker.h); otherwise it stays a candidate.
  const char* needs_evidence = nullptr;
  bool person = false;  // an entity of type "person"
};

class Gazetteer {
 public:
  // `normalizer` is not owned and must outlive the gazetteer.
  explicit Gazetteer(const text::TextNormalizer* normalizer);
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;
  Gazetteer(Gazetteer&&) = delete;
  Gazetteer& operator=(Gazetteer&&) = delete;
  ~Gazetteer();

  // Reads every entity, technology, list, country, ECCN and rule of `view`
  // and calls Finish(). `view` must outlive the gazetteer. Errors are the
  // store's (kIOError, kCorruption).
  static Result<std::unique_ptr<Gazetteer>> FromGraph(const store::ReadView& view,
                                                      const text::TextNormalizer* normalizer);

  // Adds the names of every entity, technology, list, country, ECCN and rule
  // of `view` (what FromGraph does before Finish). REQUIRES: Finish() not
  // called.
  // `view` is kept for FindCitation and must outlive the gazetteer.
  Status AddGraph(const store::ReadView& view);

  // Adds `name` for `vertex`. Names that fold to nothing, to digits only or
  // to one character are ignored. REQUIRES: Finish() not called.
  // `person` marks an entity of type person (its one-token and two-character
  // names need evidence).
  void AddName(std::string_view name, VertexId vertex, VertexKind kind, NameRole role,
               std::string_view country = {}, bool person = false);
  // ECCN codes ("3A090", "3A090.a") and FR citations ("89 FR 96790").
  void AddEccn(std::string_view code, VertexId vertex);
  void AddCitation(std::string_view citation, VertexId vertex);
  // Compiles the automaton.
  void Finish();

  // Number of distinct folded names.
  size_t names() const { return automaton_.patterns(); }
  const Automaton& automaton() const { return automaton_; }
  // The vertices of automaton pattern `id`.
  const std::vector<GazetteerTarget>& targets(uint32_t id) const { return targets_[id]; }
  // The ECCN vertex of `code` or of its nearest parent ("3A090.a.1" ->
  // "3A090.a" -> "3A090"); invalid when none. `*matched` gets the code found.
  VertexId FindEccn(std::string_view code, std::string* matched = nullptr) const;
  // The rule of a citation "<volume> FR <page>": one whose key or citation
  // property it is, else (after AddGraph) the rule with that further key in
  // the graph; invalid when none.
  VertexId FindCitation(std::string_view citation) const;
  Folder* folder() { return &folder_; }
  // Han transliterations of Latin names: the leading words of an entity's
  // Latin name before its generic and legal-form words, joined ("alibaba" of
  // "Alibaba Group Holding Limited", at least 6 letters), split into pinyin
  // syllables (a-li-ba-ba) and kept in a trie over syllable ids, so that the
  // linker walks the customary readings of a Han run (阿里巴巴) as it walks
  // the name automaton. Syllable() gives a code point's id (0: no reading);
  // NextSyllable() steps the trie from `node` (0 = root; returns 0 when no
  // key continues so); LatinKeyTargets() the entities of a node where a key
  // ends (null when none).
  uint32_t Syllable(char32_t c);
  uint32_t NextSyllable(uint32_t node, uint32_t syllable) const;
  const std::vector<GazetteerTarget>* LatinKeyTargets(uint32_t node) const;
  // The graph the names came from (AddGraph), or null: the linker reads a
  // weak name's neighbours from it. Not owned.
  const store::ReadView* view() const { return view_; }
  // The word boundaries ICU's dictionary segmentation finds in `utf8` (byte
  // offsets, 0 and utf8.size() included), appended to `out`. Returns false
  // when ICU has no word break rules. Dictionary segmentation works on each
  // run of Han text on its own, so the linker asks about single runs.
  bool WordBreaks(std::string_view utf8, std::vector<uint32_t>* out);

 private:
  // Names, aliases and code of a list or country vertex with key `key`,
  // plus every CLDR name of a country (util::CountryDisplayNames: Simplified
  // and Traditional Chinese, English) and the Chinese names of the two lists
  // articles name most.
  void AddListOrCountry(const std::string& key, VertexId id, VertexKind kind,
                        const std::vector<store::PropertyStatement>& props);

  // Records the pinyin-comparable key of an entity's Latin name (see Syllable).
  void AddLatinKey(const std::u32string& folded, const GazetteerTarget& target);

  Folder folder_;
  Automaton automaton_;
  std::vector<std::vector<GazetteerTarget>> targets_;
  std::unordered_map<std::string, VertexId> eccns_;
  std::unordered_map<std::string, VertexId> citations_;
  const store::ReadView* view_ = nullptr;             // not owned
  std::unique_ptr<icu::BreakIterator> word_breaker_;  // null without ICU data
  // Syllable ids of readings (1-based) and of the Han code points seen.
  std::unordered_map<std::string, uint32_t> syllable_ids_;
  std::unordered_map<char32_t, uint32_t> cp_syllables_;
  size_t longest_syllable_ = 0;
  // The syllable trie: (node << 20 | syllable) -> child; targets by node.
  std::unordered_map<uint64_t, uint32_t> syllable_trie_;
  uint32_t trie_nodes_ = 1;
  std::unordered_map<uint32_t, std::vector<GazetteerTarget>> latin_targets_;
};

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_GAZETTEER_H_
