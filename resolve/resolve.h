// Entity resolution for list records: one `entity` vertex per real-world
// entity, never two parties in one. Strong identifiers first (the source's
// record id, natural key "rec:<id>"), then the canonical name key (the
// pinyin/Latin form of the normalised name core, so 华为技术有限公司 and
// "Huawei Technologies Co., Ltd." meet), then every name and alias through
// the name index. Constraints no name overrides (docs/resolution.md):
//   - records of one list (scope) in one file are distinct parties unless
//     they share a record id;
//   - a person never joins an organisation, a vessel or an aircraft;
//   - countries agree when both are known: the record's countries (its
//     country and its addresses') and the entity's (its country and every
//     located_in country) share one;
//   - a weak name (one word, an acronym, an "Abu X" nickname, two Han
//     characters; WeakNameReason) links two records only when it is the
//     primary name of both;
//   - two names whose legal forms say different kinds of company ("Hudson
//     Technologies Co." and "Hudson Technologies, Ltd."; LegalFormsDisagree)
//     share only their core: they link a record only to an entity whose
//     primary name has that core, never through an alias of an entity named
//     otherwise (Anvik Technologies, a.k.a. Hudson Technologies, Ltd.);
//   - curated judgements (resolve/judgements.h) hold above all of these: a
//     record judged one party with another joins that record's entity, and
//     one judged distinct from another never joins the entity holding it.
// Deterministic: the same input in the same order gives the same vertices
// and keys.
// Thread safety: one EntityResolver per file (it caches the batch's names);
// not thread-safe.
#ifndef ECG_RESOLVE_RESOLVE_H_
#define ECG_RESOLVE_RESOLVE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/ids.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "resolve/judgements.h"
#include "text/normalizer.h"

namespace ecg::resolve {

// What a record resolves to.
struct Resolution {
  VertexId id;
  bool created = false;  // a new entity vertex
  bool merged = false;   // joined to an existing entity by name (not its own id)
  // This record defines the entity's single-valued properties (name, country,
  // type): it created it, or its canonical key is the entity's primary key.
  bool owner = false;
  // Why the record joined this entity, for explanations ("new entity",
  // "record id rec:X", "name core 'huaweitechnology' + country CN", ...).
  std::string reason;
};

// Why `name` is too weak to link two records on its own ("one word",
// "nickname", "two Han characters"), or "" when it is not.
std::string WeakNameReason(const text::TextNormalizer& norm, std::string_view name);

// Whether the legal forms of two names say different kinds of company: both
// names carry one, and neither's words are among the other's ("Co." and
// "Ltd.", "Inc." and "GmbH"; not "Co., Ltd." and "Limited", "Inc." and
// "Incorporated", "Corp." and "Company", nor "OAO" and "JSC"). False when
// either name has none.
bool LegalFormsDisagree(const text::TextNormalizer& norm, std::string_view a, std::string_view b);

// One record to resolve. The views must outlive the Resolve call.
struct RecordInput {
  std::string_view strong_key;  // "rec:<id>", or "" when the record has none
  // The list the record belongs to ("EL", "SDN"); records of one scope in one
  // file are distinct parties unless their record ids agree (ignoring a
  // "~N" repeat suffix). "" for records without one (ownership, aliases).
  std::string_view scope;
  std::string_view name;                              // primary name
  const std::vector<std::string>* aliases = nullptr;  // may be null
  std::string_view country;                           // ISO-2 or ""
  // Further countries the record names (its addresses' countries), ISO-2;
  // may be null. Countries agree when the record's and the entity's share one.
  const std::vector<std::string>* other_countries = nullptr;
  std::string_view type;  // "person", "company", "vessel", "aircraft", "" / "unknown"
  // A curated reference (the alias file, an ownership file's party) names an
  // entity on purpose: its weak names may link (the other constraints hold).
  bool curated = false;
};

// The canonical name key of `name`: its first Latin key with spaces removed
// ("huaweitechnology"), else its folded core, else its folded form. Empty for
// a name without letters or digits.
std::string CanonicalNameKey(const text::TextNormalizer& norm, std::string_view name);

// The deterministic primary natural key of an entity named `name` in
// `country` (ISO-2 or ""): "ent:<country>:<canonical name key>". Empty when
// the name has no key.
std::string EntityKey(const text::TextNormalizer& norm, std::string_view name,
                      std::string_view country);

class EntityResolver {
 public:
  // `batch` receives new entities and keys; `view` is the committed graph the
  // batch was opened on (for name lookups). None is owned; all must outlive
  // the resolver.
  EntityResolver(store::Batch* batch, const store::ReadView* view,
                 const text::TextNormalizer* normalizer)
      : batch_(batch), view_(view), normalizer_(normalizer) {}
  EntityResolver(const EntityResolver&) = delete;
  EntityResolver& operator=(const EntityResolver&) = delete;

  // Resolves a record with the strong key `strong_key` ("rec:<id>", may be
  // empty), primary `name`, further `aliases` and ISO `country` ("" when
  // unknown) to an entity, creating it when nothing matches (then the strong
  // key is added as a second natural key). InvalidArgument when `name` has
  // no key (no letters or digits).
  Result<Resolution> Resolve(const RecordInput& record);
  // Resolve of a record without a scope or type.
  Result<Resolution> Resolve(std::string_view strong_key, std::string_view name,
                             const std::vector<std::string>& aliases, std::string_view country);

  // Finds an existing entity by a strong key or by name and country without
  // creating one, for curated references (RecordInput::curated); an invalid
  // VertexId when none.
  Result<VertexId> Find(std::string_view strong_key, std::string_view name,
                        std::string_view country);

  // Tells the resolver that `id` now carries `name` in `country` (so later
  // records of the same file find it; the read view does not see the batch).
  // `primary` says whether `name` is the entity's primary name.
  Status Remember(VertexId id, std::string_view name, std::string_view country,
                  bool primary = false);

 private:
  struct Pending {
    VertexId id;
    bool primary = false;
  };
  // The lowest-id entity that one of the record's names (the primary name
  // first, then its aliases) meets through an equal canonical key, subject
  // to the constraints above. Sets *why.
  Result<VertexId> MatchByNames(const RecordInput& record, std::string* why);
  // The constraint that keeps `id` apart from `record`, or "" when none.
  Result<std::string> Conflict(VertexId id, const RecordInput& record);
  Result<std::string> StringOf(VertexId id, PropertyId prop,
                               std::map<VertexId, std::string>* cache);
  // The countries entity `id` is known in (its country and every located_in
  // country, with those of this file's records), cached.
  Result<std::set<std::string>*> CountriesOf(VertexId id);
  // Adds the countries of `record` to the entity's.
  Status RememberCountries(VertexId id, const RecordInput& record);
  // The canonical key of the entity's primary name (cached).
  Result<std::string> PrimaryKeyOf(VertexId id);
  // The judgements of the committed graph (loaded on first use).
  Result<const JudgementIndex*> Judgements();
  // A natural key no vertex holds yet: `key`, else `key|<strong key>`, ...
  Result<std::string> FreeKey(const std::string& key, std::string_view strong_key);

  store::Batch* batch_;
  const store::ReadView* view_;
  const text::TextNormalizer* normalizer_;
  // Canonical name key -> entities this file touched under it.
  std::map<std::string, std::vector<Pending>> pending_;
  // Entity -> the (scope, record id) of each record of this file it holds.
  std::map<VertexId, std::vector<std::pair<std::string, std::string>>> claims_;
  std::map<VertexId, std::set<std::string>> countries_cache_;
  std::optional<JudgementIndex> judgements_;
  std::map<VertexId, std::string> type_cache_;
  std::map<VertexId, std::string> primary_key_cache_;
};

}  // namespace ecg::resolve

#endif  // ECG_RESOLVE_RESOLVE_H_
