// The catalog: every property a vertex kind or edge type may carry, with its
// type. The table is static and immutable, so it is safe for concurrent use.
// Property ids are stored on disk: append new properties, never renumber.
#ifndef ECG_SCHEMA_CATALOG_H_
#define ECG_SCHEMA_CATALOG_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/kinds.h"
#include "schema/props.h"
#include "schema/status.h"
#include "schema/value.h"

namespace ecg {

struct PropertyDef {
  PropertyId id;
  std::string_view name;
  PropertyType type;
  // Multi-valued properties (alias, address) may hold several open statements
  // at once; a single-valued one has at most one open statement per time.
  bool multi;
  // Bit (1 << kind) for each VertexKind that may carry it.
  uint32_t vertex_kinds;
  // Bit (1 << type) for each EdgeType that may carry it.
  uint32_t edge_types;
};

// A property map as written by ingest and returned by reads, in id order.
using PropertyList = std::vector<std::pair<PropertyId, Value>>;

class Catalog {
 public:
  // Every declared property, ordered by id.
  static std::span<const PropertyDef> Properties();
  // nullptr when unknown.
  static const PropertyDef* Find(PropertyId id);
  static const PropertyDef* Find(std::string_view name);

  static bool AppliesTo(const PropertyDef& def, VertexKind kind);
  static bool AppliesTo(const PropertyDef& def, EdgeType type);
  // Names of properties that apply to a kind / an edge type, for error hints.
  static std::vector<std::string_view> NamesFor(VertexKind kind);
  static std::vector<std::string_view> NamesFor(EdgeType type);

  // InvalidArgument naming the vertex, the property, the expected and the
  // actual type when `value` does not fit. `subject` names the vertex or edge
  // in the message ("entity 'Huawei'").
  static Status Validate(VertexKind kind, std::string_view subject, PropertyId id,
                         const Value& value);
  static Status Validate(EdgeType type, std::string_view subject, PropertyId id,
                         const Value& value);
};

}  // namespace ecg

#endif  // ECG_SCHEMA_CATALOG_H_
