// Vertex kinds and edge types of the export-control graph, declared once.
// Their numeric values are stored on disk: never renumber, only append.
#ifndef ECG_SCHEMA_KINDS_H_
#define ECG_SCHEMA_KINDS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ecg {

// Stored on disk (key byte). Do not renumber.
enum class VertexKind : uint8_t {
  kEntity = 1,      // company, institute, person, vessel
  kList = 2,        // a restricted-party list (BIS Entity List, MOFCOM UEL, ...)
  kRule = 3,        // a Federal Register or other official document
  kEccn = 4,        // a Commerce Control List entry or paragraph
  kTechnology = 5,  // a product or technique (H100, EUV lithography)
  kCountry = 6,     // an ISO country, or a country group such as D:5
  kArticle = 7,     // a news or blog text
  kSource = 8,      // a file or record that facts came from
};

// Stored on disk (key byte). Do not renumber.
enum class EdgeType : uint8_t {
  kListedOn = 1,         // entity -> list
  kAdds = 2,             // rule -> entity
  kRemoves = 3,          // rule -> entity
  kRevises = 4,          // rule -> entity
  kAmends = 5,           // rule -> eccn
  kRescinds = 6,         // rule -> rule
  kSuspends = 7,         // rule -> rule
  kCorrects = 8,         // rule -> rule
  kControls = 9,         // eccn -> technology
  kOwns = 10,            // entity -> entity
  kAffiliatedWith = 11,  // entity -> entity
  kLocatedIn = 12,       // entity -> country
  kMemberOf = 13,        // country -> country group
  kProduces = 14,        // entity -> technology
  kMentions = 15,        // article -> any vertex
  kRestricts = 16,       // rule -> country or group
  kSupersedes = 17,      // rule -> earlier rule
  kParentOf = 18,        // eccn -> sub-paragraph eccn
  kPublishes = 19,       // list -> rule (the list a rule amends)
};

inline constexpr std::array<VertexKind, 8> kAllVertexKinds = {
    VertexKind::kEntity,     VertexKind::kList,    VertexKind::kRule,    VertexKind::kEccn,
    VertexKind::kTechnology, VertexKind::kCountry, VertexKind::kArticle, VertexKind::kSource};

inline constexpr std::array<EdgeType, 19> kAllEdgeTypes = {
    EdgeType::kListedOn,   EdgeType::kAdds,     EdgeType::kRemoves,        EdgeType::kRevises,
    EdgeType::kAmends,     EdgeType::kRescinds, EdgeType::kSuspends,       EdgeType::kCorrects,
    EdgeType::kControls,   EdgeType::kOwns,     EdgeType::kAffiliatedWith, EdgeType::kLocatedIn,
    EdgeType::kMemberOf,   EdgeType::kProduces, EdgeType::kMentions,       EdgeType::kRestricts,
    EdgeType::kSupersedes, EdgeType::kParentOf, EdgeType::kPublishes};

// Lower-case names as used in queries and output: "entity", "listed_on".
std::string_view VertexKindName(VertexKind kind);
std::string_view EdgeTypeName(EdgeType type);
// Parses a name (exact, lower case). nullopt when unknown.
std::optional<VertexKind> ParseVertexKind(std::string_view name);
std::optional<EdgeType> ParseEdgeType(std::string_view name);
// True when the byte is a known enum value (used to validate keys on disk).
bool IsValidVertexKind(uint8_t v);
bool IsValidEdgeType(uint8_t v);

// The kinds an edge type connects; nullopt means "any kind" (mentions' target).
struct EdgeEndpoints {
  std::optional<VertexKind> from;
  std::optional<VertexKind> to;
};
EdgeEndpoints EndpointsOf(EdgeType type);

}  // namespace ecg

#endif  // ECG_SCHEMA_KINDS_H_
