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
    {1, "name", PT::kString, false, kAnyKind, 0},
    {2, "alias", PT::kString, true, kEnt | kList | kTech | kCountry | kEccn | kRule, 0},
    {3, "country", PT::kString, false, kEnt | kList | kRule, 0},
    {4, "type", PT::kString, false, kEnt | kList | kSource, 0},
    {5, "address", PT::kString, true, kEnt, 0},
    {6, "code", PT::kString, false, kEnt | kEccn | kTech | kCountry | kList, 0},
    {7, "date", PT::kDate, false, kEnt | kArticle, 0},
    {8, "subtype", PT::kString, false, kEnt | kRule | kEccn | kTech | kCountry, 0},
    {9, "identifier", PT::kString, true, kEnt, 0},
    {10, "legal_form", PT::kString, false, kEnt, 0},
    {11, "remarks", PT::kString, false, kEnt | kList, 0},
    {12, "url", PT::kString, false, kList | kRule | kArticle | kSource, 0},
    // Rules.
    {20, "document_number", PT::kString, false, kRule, 0},
    {21, "citation", PT::kString, true, kRule, E(EdgeType::kListedOn) | kListChange},
    {22, "title", PT::kString, false, kRule | kArticle, 0},
    {23, "publication_date", PT::kDate, false, kRule, 0},
    {24, "effective_date", PT::kDate, false, kRule, 0},
    {25, "action", PT::kString, false, kRule, 0},
    {26, "agency", PT::kString, false, kRule, 0},
    {27, "abstract", PT::kString, false, kRule, 0},
    {28, "rin", PT::kString, false, kRule, 0},
    {29, "cfr_part", PT::kString, true, kRule, 0},
    {30, "entities_added", PT::kInt, false, kRule, 0},
    {31, "entries_added", PT::kInt, false, kRule, 0},
    {32, "entities_removed", PT::kInt, false, kRule, 0},
    {33, "entities_revised", PT::kInt, false, kRule, 0},
    // ECCNs and technologies.
    {40, "heading", PT::kString, false, kEccn, 0},
    {41, "reason", PT::kString, true, kEccn, 0},
    {42, "license_exception", PT::kString, true, kEccn, 0},
    {43, "related_controls", PT::kString, false, kEccn, 0},
    {44, "tpp", PT::kDouble, true, kEccn | kTech, 0},
    {45, "performance_density", PT::kDouble, true, kEccn | kTech, 0},
    {46, "operations", PT::kDouble, false, kEccn, 0},
    {47, "category", PT::kString, false, kEccn | kTech, 0},
    // Countries.
    {50, "group", PT::kString, true, kCountry, 0},
    // Articles.
    {60, "lang", PT::kString, false, kArticle, 0},
    {61, "text", PT::kString, false, kArticle, 0},
    // Sources.
    {70, "path", PT::kString, false, kSource, 0},
    {71, "sha256", PT::kString, false, kSource, 0},
    {72, "format", PT::kString, false, kSource, 0},
    {73, "bytes", PT::kInt, false, kSource, 0},
    {74, "feed", PT::kString, false, kSource, 0},
    // Edges.
    {80, "pct", PT::kDouble, false, 0, E(EdgeType::kOwns)},
    {81, "entity_number", PT::kString, false, 0, E(EdgeType::kListedOn)},
    {82, "license_requirement", PT::kString, false, 0, E(EdgeType::kListedOn) | kListChange},
    {83, "license_policy", PT::kString, false, 0, E(EdgeType::kListedOn) | kListChange},
    {84, "programs", PT::kStringList, false, 0, E(EdgeType::kListedOn)},
    {85, "start_date", PT::kDate, false, 0, E(EdgeType::kListedOn)},
    {86, "offset", PT::kInt, false, 0, E(EdgeType::kMentions)},
    {87, "length", PT::kInt, false, 0, E(EdgeType::kMentions)},
    {88, "byte_offset", PT::kInt, false, 0, E(EdgeType::kMentions)},
    {89, "confidence", PT::kDouble, false, 0, E(EdgeType::kMentions)},
    {90, "surface", PT::kString, false, 0, E(EdgeType::kMentions)},
    {91, "role", PT::kString, false, 0, E(EdgeType::kAmends) | E(EdgeType::kMentions)},
    {92, "list_name", PT::kString, false, 0, kListChange},
    {93, "note", PT::kString, false, 0, 0xFFFFFFFEu},
    // List writer and entity resolution (ingest/lists/writer*.cc), ids 100-149.
    // Why a list record joined its entity (one statement per joining record).
    {100, "resolution", PT::kString, true, kEnt, 0},
    // Regulation writer (ingest/regs/writer*.cc), ids 150-199.
    {150, "country_counts", PT::kString, false, kRule, 0},
    {151, "relation", PT::kString, false, 0, kRuleRule},
    {152, "control", PT::kString, true, kEccn, 0},
    {153, "source_note", PT::kString, false, kTech, 0},
    // Article linking (ingest/articles/), ids 200-249.
    // Organisation-like spans of an article that link to no vertex ("…公司").
    {200, "unlinked", PT::kStringList, false, kArticle, 0},
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

PropertyId Catalog::Id(std::string_view name) {
  const PropertyDef* def = Find(name);
  assert(def != nullptr && "undeclared property");
  return def == nullptr ? 0 : def->id;
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
