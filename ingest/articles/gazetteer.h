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

#include "ingest/articles/automaton.h"
#include "ingest/articles/folded_text.h"
#include "schema/ids.h"
#include "schema/kinds.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "text/normalizer.h"
#include "text/segment.h"

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
  ~Gazetteer() = default;

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
  // The entities whose Latin name begins with `key` in pinyin (the leading
  // words before generic and legal-form words, joined, at least 6 letters:
  // "alibaba" of "Alibaba Group Holding Limited"), so that a Han
  // transliteration (阿里巴巴) finds them; null when none. IsLatinKeyPrefix
  // prunes the search.
  const std::vector<GazetteerTarget>* FindLatinKey(const std::string& key) const;
  bool IsLatinKeyPrefix(const std::string& prefix) const { return latin_prefixes_.count(prefix); }
  // The graph the names came from (AddGraph), or null: the linker reads a
  // weak name's neighbours from it. Not owned.
  const store::ReadView* view() const { return view_; }
  // ICU's word segmenter (text/segment.h), or null if ICU has no break
  // rules: short Han names must start and end on its word boundaries.
  const text::WordSegmenter* segmenter() const { return segmenter_.get(); }

 private:
  // Names, aliases and code of a list or country vertex with key `key`,
  // plus every CLDR name of a country (util::CountryDisplayNames: Simplified
  // and Traditional Chinese, English) and the Chinese names of the two lists
  // articles name most.
  void AddListOrCountry(const std::string& key, VertexId id, VertexKind kind,
                        const std::vector<store::PropertyStatement>& props);

  // Records the pinyin-comparable key of an entity's Latin name (FindLatinKey).
  void AddLatinKey(const std::u32string& folded, const GazetteerTarget& target);

  Folder folder_;
  Automaton automaton_;
  std::vector<std::vector<GazetteerTarget>> targets_;
  std::unordered_map<std::string, VertexId> eccns_;
  std::unordered_map<std::string, VertexId> citations_;
  const store::ReadView* view_ = nullptr;  // not owned
  std::unique_ptr<text::WordSegmenter> segmenter_;
  std::unordered_map<std::string, std::vector<GazetteerTarget>> latin_keys_;
  std::unordered_set<std::string> latin_prefixes_;
};

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_GAZETTEER_H_
