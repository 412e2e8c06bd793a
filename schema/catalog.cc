#include "schema/catalog.h"

#include <cassert>

namespace ecg {
namespace {

constexpr uint32_t K(VertexKind k) {
  return 1u << static_cast<uint8_t>(k);
}
constexpr uint32_t E(EdgeType t) {
  return 1u << static_cast<uint8_t>(t);
}

constexpr uint32_t kAnyKind = 0x1FE;  // bits 1..8
constexpr uint32_t kEnt = K(VertexKind::kEntity);
constexpr uint32_t kList = K(VertexKind::kList);
constexpr uint32_t kRule = K(VertexKind::kRule);
constexpr uint32_t kEccn = K(VertexKind::kEccn);
constexpr uint32_t kTech = K(VertexKind::kTechnology);
constexpr uint32_t kCountry = K(VertexKind::kCountry);
constexpr uint32_t kArticle = K(VertexKind::kArticle);
constexpr uint32_t kSource = K(VertexKind::kSource);
constexpr uint32_t kListChange = E(EdgeType::kAdds) | E(EdgeType::kRemoves) | E(EdgeType::kRevises);
constexpr uint32_t kRuleRule = E(EdgeType::kRescinds) | E(EdgeType::kSuspends) |
                               E(EdgeType::kCorrects) | E(EdgeType::kSupersedes);

using PT = PropertyType;

// Stored on disk by id: append only, never renumber or reuse an id.
constexpr PropertyDef kProps[] = {
    // Common to vertices.
    {prop::kName, "name", PT::kString, false, kAnyKind, 0},
    {prop::kAlias, "alias", PT::kString, true, kEnt | kList | kTech | kCountry | kEccn | kRule, 0},
    {prop::kCountry, "country", PT::kString, false, kEnt | kList | kRule, 0},
    {prop::kType, "type", PT::kString, false, kEnt | kList | kSource, 0},
    {prop::kAddress, "address", PT::kString, true, kEnt, 0},
    {prop::kCode, "code", PT::kString, false, kEnt | kEccn | kTech | kCountry | kList, 0},
    {prop::kDate, "date", PT::kDate, false, kEnt | kArticle, 0},
    {prop::kSubtype, "subtype", PT::kString, false, kEnt | kRule | kEccn | kTech | kCountry, 0},
    {prop::kIdentifier, "identifier", PT::kString, true, kEnt, 0},
    {prop::kLegalForm, "legal_form", PT::kString, false, kEnt, 0},
    {prop::kRemarks, "remarks", PT::kString, false, kEnt | kList, 0},
    {prop::kUrl, "url", PT::kString, false, kList | kRule | kArticle | kSource, 0},
    // Rules.
    {prop::kDocumentNumber, "document_number", PT::kString, false, kRule, 0},
    {prop::kCitation, "citation", PT::kString, true, kRule, E(EdgeType::kListedOn) | kListChange},
    {prop::kTitle, "title", PT::kString, false, kRule | kArticle, 0},
    {prop::kPublicationDate, "publication_date", PT::kDate, false, kRule, 0},
    {prop::kEffectiveDate, "effective_date", PT::kDate, false, kRule, 0},
    {prop::kAction, "action", PT::kString, false, kRule, 0},
    {prop::kAgency, "agency", PT::kString, false, kRule, 0},
    {prop::kAbstract, "abstract", PT::kString, false, kRule, 0},
    {prop::kRin, "rin", PT::kString, false, kRule, 0},
    {prop::kCfrPart, "cfr_part", PT::kString, true, kRule, 0},
    {prop::kEntitiesAdded, "entities_added", PT::kInt, false, kRule, 0},
    {prop::kEntriesAdded, "entries_added", PT::kInt, false, kRule, 0},
    {prop::kEntitiesRemoved, "entities_removed", PT::kInt, false, kRule, 0},
    {prop::kEntitiesRevised, "entities_revised", PT::kInt, false, kRule, 0},
    // ECCNs and technologies.
    {prop::kHeading, "heading", PT::kString, false, kEccn, 0},
    // Also why a mentions edge links (or stays a candidate): ingest/articles/linker.h.
    {prop::kReason, "reason", PT::kString, true, kEccn, E(EdgeType::kMentions)},
    {prop::kLicenseException, "license_exception", PT::kString, true, kEccn, 0},
    {prop::kRelatedControls, "related_controls", PT::kString, false, kEccn, 0},
    {prop::kTpp, "tpp", PT::kDouble, true, kEccn | kTech, 0},
    {prop::kPerformanceDensity, "performance_density", PT::kDouble, true, kEccn | kTech, 0},
    {prop::kOperations, "operations", PT::kDouble, false, kEccn, 0},
    {prop::kCategory, "category", PT::kString, false, kEccn | kTech, 0},
    // Countries.
    {prop::kGroup, "group", PT::kString, true, kCountry, 0},
    // Articles.
    {prop::kLang, "lang", PT::kString, false, kArticle, 0},
    {prop::kText, "text", PT::kString, false, kArticle, 0},
    // Sources.
    {prop::kPath, "path", PT::kString, false, kSource, 0},
    {prop::kSha256, "sha256", PT::kString, false, kSource, 0},
    {prop::kFormat, "format", PT::kString, false, kSource, 0},
    {prop::kBytes, "bytes", PT::kInt, false, kSource, 0},
    {prop::kFeed, "feed", PT::kString, false, kSource, 0},
    {prop::kSnapshotDate, "snapshot_date", PT::kDate, false, kSource, 0},
    // Edges.
    {prop::kPct, "pct", PT::kDouble, false, 0, E(EdgeType::kOwns)},
    {prop::kEntityNumber, "entity_number", PT::kString, false, 0, E(EdgeType::kListedOn)},
    {prop::kLicenseRequirement, "license_requirement", PT::kString, false, 0,
     E(EdgeType::kListedOn) | kListChange},
    {prop::kLicensePolicy, "license_policy", PT::kString, false, 0,
     E(EdgeType::kListedOn) | kListChange},
    {prop::kPrograms, "programs", PT::kStringList, false, 0, E(EdgeType::kListedOn)},
    {prop::kStartDate, "start_date", PT::kDate, false, 0, E(EdgeType::kListedOn)},
    {prop::kOffset, "offset", PT::kInt, false, 0, E(EdgeType::kMentions)},
    {prop::kLength, "length", PT::kInt, false, 0, E(EdgeType::kMentions)},
    {prop::kByteOffset, "byte_offset", PT::kInt, false, 0, E(EdgeType::kMentions)},
    {prop::kConfidence, "confidence", PT::kDouble, false, 0, E(EdgeType::kMentions)},
    {prop::kSurface, "surface", PT::kString, false, 0, E(EdgeType::kMentions)},
    {prop::kRole, "role", PT::kString, false, 0, E(EdgeType::kAmends) | E(EdgeType::kMentions)},
    {prop::kListName, "list_name", PT::kString, false, 0, kListChange},
    {prop::kNote, "note", PT::kString, false, 0, 0xFFFFFFFEu},
    // List writer and entity resolution (ingest/lists/writer*.cc), ids 100-149.
    // Why a list record joined its entity (one statement per joining record).
    {prop::kResolution, "resolution", PT::kString, true, kEnt, 0},
    // How precise a listing's start is ("day", "month", "year") and what
    // dates it ("the record", "the eCFR's date of 89 FR 96836", ...).
    {prop::kDatePrecision, "date_precision", PT::kString, false, 0, E(EdgeType::kListedOn)},
    {prop::kDatedBy, "dated_by", PT::kString, false, 0, E(EdgeType::kListedOn)},
    // The start date a source gives a listing that cites only this rule (a
    // CSL record's start_date), evidence for the listings of other sources
    // that cite the rule without a date.
    {prop::kListedFrom, "listed_from", PT::kDate, false, kRule, 0},
    // A curated resolution judgement a source made (resolve/judgements.h):
    // "same|distinct<TAB>rec:A<TAB>rec:B<TAB>reason".
    {prop::kJudgement, "judgement", PT::kString, true, kSource, 0},
    // Regulation writer (ingest/regs/writer*.cc), ids 150-199.
    {prop::kCountryCounts, "country_counts", PT::kString, false, kRule, 0},
    {prop::kRelation, "relation", PT::kString, false, 0, kRuleRule},
    {prop::kControl, "control", PT::kString, true, kEccn, 0},
    {prop::kSourceNote, "source_note", PT::kString, false, kTech, 0},
    // Article linking (ingest/articles/), ids 200-249.
    // Organisation-like spans of an article that link to no vertex ("…公司").
    {prop::kUnlinked, "unlinked", PT::kStringList, false, kArticle, 0},
    // The sentence around a mention; for spans linked through the name index,
    // the screener's score and its reasons.
    {prop::kContext, "context", PT::kString, false, 0, E(EdgeType::kMentions)},
    {prop::kScore, "score", PT::kInt, false, 0, E(EdgeType::kMentions)},
    {prop::kFeatures, "features", PT::kStringList, false, 0, E(EdgeType::kMentions)},
};

}  // namespace

std::span<const PropertyDef> Catalog::Properties() {
  return kProps;
}

const PropertyDef* Catalog::Find(PropertyId id) {
  for (const auto& p : kProps) {
    if (p.id == id) {
      return &p;
    }
  }
  return nullptr;
}

const PropertyDef* Catalog::Find(std::string_view name) {
  for (const auto& p : kProps) {
    if (p.name == name) {
      return &p;
    }
  }
  return nullptr;
}

bool Catalog::AppliesTo(const PropertyDef& def, VertexKind kind) {
  return (def.vertex_kinds & K(kind)) != 0;
}

bool Catalog::AppliesTo(const PropertyDef& def, EdgeType type) {
  return (def.edge_types & E(type)) != 0;
}

std::vector<std::string_view> Catalog::NamesFor(VertexKind kind) {
  std::vector<std::string_view> out;
  for (const auto& p : kProps) {
    if (AppliesTo(p, kind)) {
      out.push_back(p.name);
    }
  }
  return out;
}

std::vector<std::string_view> Catalog::NamesFor(EdgeType type) {
  std::vector<std::string_view> out;
  for (const auto& p : kProps) {
    if (AppliesTo(p, type)) {
      out.push_back(p.name);
    }
  }
  return out;
}

namespace {

Status CheckType(std::string_view owner, std::string_view subject, const PropertyDef& def,
                 const Value& value) {
  if (value.type() == def.type) {
    return Status::OK();
  }
  // An int is accepted where a double is declared.
  if (def.type == PropertyType::kDouble && value.type() == PropertyType::kInt) {
    return Status::OK();
  }
  return Status::InvalidArgument(
      std::string(owner) + " " + std::string(subject) + ": property '" + std::string(def.name) +
      "' expects " + std::string(PropertyTypeName(def.type)) + ", got " +
      std::string(PropertyTypeName(value.type())) + " '" + value.ToString() + "'");
}

}  // namespace

Status Catalog::Validate(VertexKind kind, std::string_view subject, PropertyId id,
                         const Value& value) {
  const PropertyDef* def = Find(id);
  std::string owner(VertexKindName(kind));
  if (def == nullptr) {
    return Status::InvalidArgument(owner + " " + std::string(subject) + ": unknown property id " +
                                   std::to_string(id));
  }
  if (!AppliesTo(*def, kind)) {
    return Status::InvalidArgument(owner + " " + std::string(subject) + ": property '" +
                                   std::string(def->name) + "' does not apply to kind " + owner);
  }
  return CheckType(owner, subject, *def, value);
}

Status Catalog::Validate(EdgeType type, std::string_view subject, PropertyId id,
                         const Value& value) {
  const PropertyDef* def = Find(id);
  std::string owner = std::string(EdgeTypeName(type)) + " edge";
  if (def == nullptr) {
    return Status::InvalidArgument(owner + " " + std::string(subject) + ": unknown property id " +
                                   std::to_string(id));
  }
  if (!AppliesTo(*def, type)) {
    return Status::InvalidArgument(owner + " " + std::string(subject) + ": property '" +
                                   std::string(def->name) + "' does not apply to " + owner + "s");
  }
  return CheckType(owner, subject, *def, value);
}

}  // namespace ecg
