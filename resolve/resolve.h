// Entity resolution for list records: one `entity` vertex per real-world
// entity. Strong identifiers first (the source's record id, natural key
// "rec:<id>"), then the canonical name key (the pinyin/Latin form of the
// normalised name core, so 华为技术有限公司 and "Huawei Technologies Co., Ltd."
// meet) with an agreeing country, then every name and alias through the name
// index. Never merges on name alone when countries conflict. Deterministic:
// the same input gives the same vertices and keys.
// Thread safety: one EntityResolver per file (it caches the batch's names);
// not thread-safe.
#ifndef ECG_RESOLVE_RESOLVE_H_
#define ECG_RESOLVE_RESOLVE_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/ids.h"
#include "schema/result.h"
#include "store/graph_store.h"

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
  Result<Resolution> Resolve(std::string_view strong_key, std::string_view name,
                             const std::vector<std::string>& aliases, std::string_view country);

  // Finds an existing entity by a strong key or by name and country without
  // creating one; an invalid VertexId when none.
  Result<VertexId> Find(std::string_view strong_key, std::string_view name,
                        std::string_view country);

  // Tells the resolver that `id` now carries `name` in `country` (so later
  // records of the same file find it; the read view does not see the batch).
  void Remember(VertexId id, std::string_view name, std::string_view country);

 private:
  // The lowest-id entity whose name or alias has the canonical key of one of
  // `names` and whose country agrees with `country`. Sets *why.
  Result<VertexId> MatchByNames(const std::vector<std::string_view>& names,
                                std::string_view country, std::string* why);
  Result<std::string> CountryOf(VertexId id);

  store::Batch* batch_;
  const store::ReadView* view_;
  const text::TextNormalizer* normalizer_;
  // Canonical name key -> (vertex, country) of entities this file touched.
  std::map<std::string, std::vector<std::pair<VertexId, std::string>>> pending_;
  std::map<VertexId, std::string> country_cache_;
};

}  // namespace ecg::resolve

#endif  // ECG_RESOLVE_RESOLVE_H_
