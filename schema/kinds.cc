#include "schema/kinds.h"

namespace ecg {
namespace {

struct KindInfo {
  VertexKind kind;
  std::string_view name;
};
constexpr KindInfo kKinds[] = {
    {VertexKind::kEntity, "entity"},
    {VertexKind::kList, "list"},
    {VertexKind::kRule, "rule"},
    {VertexKind::kEccn, "eccn"},
    {VertexKind::kTechnology, "technology"},
    {VertexKind::kCountry, "country"},
    {VertexKind::kArticle, "article"},
    {VertexKind::kSource, "source"},
};

struct EdgeInfo {
  EdgeType type;
  std::string_view name;
  std::optional<VertexKind> from;
  std::optional<VertexKind> to;
};
constexpr EdgeInfo kEdges[] = {
    {EdgeType::kListedOn, "listed_on", VertexKind::kEntity, VertexKind::kList},
    {EdgeType::kAdds, "adds", VertexKind::kRule, VertexKind::kEntity},
    {EdgeType::kRemoves, "removes", VertexKind::kRule, VertexKind::kEntity},
    {EdgeType::kRevises, "revises", VertexKind::kRule, VertexKind::kEntity},
    {EdgeType::kAmends, "amends", VertexKind::kRule, VertexKind::kEccn},
    {EdgeType::kRescinds, "rescinds", VertexKind::kRule, VertexKind::kRule},
    {EdgeType::kSuspends, "suspends", VertexKind::kRule, VertexKind::kRule},
    {EdgeType::kCorrects, "corrects", VertexKind::kRule, VertexKind::kRule},
    {EdgeType::kControls, "controls", VertexKind::kEccn, VertexKind::kTechnology},
    {EdgeType::kOwns, "owns", VertexKind::kEntity, VertexKind::kEntity},
    {EdgeType::kAffiliatedWith, "affiliated_with", VertexKind::kEntity, VertexKind::kEntity},
    {EdgeType::kLocatedIn, "located_in", VertexKind::kEntity, VertexKind::kCountry},
    {EdgeType::kMemberOf, "member_of", VertexKind::kCountry, VertexKind::kCountry},
    {EdgeType::kProduces, "produces", VertexKind::kEntity, VertexKind::kTechnology},
    {EdgeType::kMentions, "mentions", VertexKind::kArticle, std::nullopt},
    {EdgeType::kRestricts, "restricts", VertexKind::kRule, VertexKind::kCountry},
    {EdgeType::kSupersedes, "supersedes", VertexKind::kRule, VertexKind::kRule},
    {EdgeType::kParentOf, "parent_of", VertexKind::kEccn, VertexKind::kEccn},
    {EdgeType::kPublishes, "publishes", VertexKind::kList, VertexKind::kRule},
};

const EdgeInfo* FindEdge(EdgeType type) {
  for (const auto& e : kEdges) {
    if (e.type == type) {
      return &e;
    }
  }
  return nullptr;
}

}  // namespace

std::string_view VertexKindName(VertexKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) {
      return k.name;
    }
  }
  return "?";
}

std::string_view EdgeTypeName(EdgeType type) {
  const EdgeInfo* e = FindEdge(type);
  return e ? e->name : "?";
}

std::optional<VertexKind> ParseVertexKind(std::string_view name) {
  for (const auto& k : kKinds) {
    if (k.name == name) {
      return k.kind;
    }
  }
  return std::nullopt;
}

std::optional<EdgeType> ParseEdgeType(std::string_view name) {
  for (const auto& e : kEdges) {
    if (e.name == name) {
      return e.type;
    }
  }
  return std::nullopt;
}

bool IsValidVertexKind(uint8_t v) {
  return v >= 1 && v <= 8;
}
bool IsValidEdgeType(uint8_t v) {
  return v >= 1 && v <= kAllEdgeTypes.size();
}

EdgeEndpoints EndpointsOf(EdgeType type) {
  const EdgeInfo* e = FindEdge(type);
  if (e == nullptr) {
    return {};
  }
  return {e->from, e->to};
}

}  // namespace ecg
