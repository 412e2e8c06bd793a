// RegWriter: turns what the regulation parsers produce (FrDocument, the CCL,
// the country tables, the 2015 CCL index, the technology mapping) into rule,
// eccn, technology, country and entity vertices and their edges, written into
// one store::Batch with one source vertex as provenance. docs/data-model.md
// describes the keys, properties and edges it writes.
// Thread safety: not thread-safe; one RegWriter per batch. The batch, the
// view and the normalizer are not owned and must outlive the writer.
#ifndef ECG_INGEST_REGS_WRITER_H_
#define ECG_INGEST_REGS_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/regs/ccl.h"
#include "ingest/regs/ccl_index.h"
#include "ingest/regs/country_groups.h"
#include "ingest/regs/detect.h"
#include "ingest/regs/fr_document.h"
#include "ingest/regs/technologies.h"
#include "schema/date.h"
#include "schema/ids.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "text/normalizer.h"

namespace ecg::ingest {

// The first day of the 2015 CCL index's validity (its file date).
inline constexpr std::string_view kCclIndex2015Date = "2015-06-16";
// Natural-key prefixes of vertices the writer creates.
inline constexpr std::string_view kIndexTechPrefix = "idx2015:";  // technology from the index
inline constexpr std::string_view kMakerPrefix = "maker:";        // entity: a technology maker
inline constexpr std::string_view kTitleKeyPrefix = "title:";     // rule: extra key by title

// What a write did, statement by statement.
struct RegWriteCounts {
  uint64_t created = 0;          // new statements (properties and edges)
  uint64_t changed = 0;          // statements that replaced a different current one
  uint64_t unchanged = 0;        // statements identical to the current one
  uint64_t edges_written = 0;    // edge statements created or changed
  uint64_t entities_new = 0;     // entity vertices created
  uint64_t entities_merged = 0;  // names resolved to an existing entity
  uint64_t records = 0;          // documents, entries, rows written
  void Add(store::WriteOutcome outcome);
};

class RegWriter {
 public:
  // `batch`: where every write goes. `source`: the provenance vertex.
  // `view` (may be nullptr): the committed graph, for name lookups of
  // entities and rule titles that the batch's natural keys do not find.
  // `normalizer`: folds names for keys ("maker:nvidia", "title:...") and
  // gives entities from regulatory texts the list writer's canonical key
  // ("ent:CN:<canonical name key>", ingest/lists/resolve.h), so that both
  // pipelines meet on one vertex.
  RegWriter(store::Batch* batch, VertexId source, const store::ReadView* view,
            const text::TextNormalizer* normalizer);
  RegWriter(const RegWriter&) = delete;
  RegWriter& operator=(const RegWriter&) = delete;

  // One Federal Register document (merge posts sharing an item_id first,
  // MergeFrDocuments): the rule vertex (found by document number, FR citation
  // or, for a placeholder created by a reference, by title; missing keys are
  // added), its properties valid from the publication date, `amends` edges to
  // the ECCNs it names (role "amends" / "mentions"), edges to the documents it
  // corrects / rescinds / suspends / supersedes / revises (revises is written
  // as `supersedes` with relation "revises"), and `adds` / `revises` /
  // `removes` edges to the entities of its Entity List amendments, valid from
  // the effective (else publication) date.
  Status WriteFrDocument(const FrDocument& doc);
  // ccl.json: an eccn vertex per entry and paragraph, `parent_of` edges.
  Status WriteCcl(const CclDocument& ccl);
  // country-groups.json / country-chart.json: country and group vertices,
  // `member_of` edges.
  Status WriteCountryTable(const CountryTable& table);
  // The 2015 index: technology "idx2015:<keyword>" <- `controls` - eccn,
  // valid from 2015-06-16, open-ended.
  Status WriteCclIndex(const std::vector<IndexEntry>& index);
  // technologies.csv: technology vertices, `controls` from their ECCNs,
  // maker entities with `produces` edges.
  Status WriteTechnologies(const std::vector<Technology>& technologies);
  // Dispatches on file.format (merging the documents of an fr-* file first).
  Status WriteRegFile(const RegFile& file);

  const RegWriteCounts& counts() const { return counts_; }
  // Things written around or skipped (an unresolvable reference, a country
  // without an ISO code), one line each, for the ingest report.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  // Property / edge writes with the counters and this writer's source.
  Status Set(VertexId id, PropertyId prop, const Value& value, Interval valid);
  Status SetIfPresent(VertexId id, PropertyId prop, const std::string& value, Interval valid);
  // Sets `name` only when the vertex has no current name (another source may
  // own it); otherwise adds `name` as an alias.
  Status NameOrAlias(VertexId id, const std::string& name, Interval valid);
  Status Edge(EdgeType type, VertexId src, VertexId dst, const PropertyList& props, Interval valid,
              std::string_view discriminator = {});
  // Vertex(kind, key), counting creations.
  Result<VertexId> Vertex(VertexKind kind, std::string_view key, bool* created = nullptr);
  // The folded form of a name (first normalizer key), "" when none.
  std::string Fold(std::string_view name) const;

  // Rules (writer_rules.cc).
  Result<VertexId> ResolveRule(const FrDocument& doc);
  Result<VertexId> ResolveRef(const RuleRef& ref, VertexId self);
  Status WriteRuleProps(VertexId rule, const FrDocument& doc, Interval valid);
  // The one committed rule (other than `self`) published on `day`; invalid
  // when none or several (or without a view).
  Result<VertexId> RulePublishedOn(Date day, VertexId self);
  Status WriteRuleRefs(VertexId rule, const FrDocument& doc, Interval valid);
  // Entity List amendments (writer_entities.cc).
  Status WriteListChange(VertexId rule, const FrDocument& doc, const EntityListChange& change,
                         Interval valid);
  // The entity with natural key `key`, else the first entity the view's name
  // index finds for one of `names` (in order) whose country is `iso` or
  // unknown, else a new entity keyed `key`. `as_record` applies the
  // resolver's rules for records (resolve/resolve.h): the indexed name must
  // have the same canonical key, and a weak name must be the entity's
  // primary name.
  Result<VertexId> ResolveEntity(const std::vector<std::string>& names, const std::string& iso,
                                 const std::string& key, bool as_record = false);
  Result<VertexId> Country(const std::string& iso);
  // An eccn vertex with its code (and name) set.
  Result<VertexId> Eccn(const std::string& code);

  store::Batch* batch_;
  VertexId source_;
  const store::ReadView* view_;
  const text::TextNormalizer* normalizer_;
  RegWriteCounts counts_;
  std::vector<std::string> warnings_;
};

class Ingester;

// Registers the regulation FormatHandler (writer_handlers.cc): formats
// fr-post, fr-xml, fr-json, ccl, country-groups, country-chart,
// ccl-index-2015 and technologies, detected by content. Declared here
// without ingest/run/handlers.h's [[gnu::weak]], so that a caller that
// includes this header links the definition from the static library.
void RegisterRegHandlers(Ingester* ingester);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_WRITER_H_
