// Keys and values of every column family (store/FORMAT.md is the reference).
// Stateless functions; thread-safe.
#ifndef ECG_STORE_INTERNAL_CODEC_H_
#define ECG_STORE_INTERNAL_CODEC_H_

#include <string>
#include <string_view>

#include "schema/catalog.h"
#include "schema/ids.h"
#include "schema/kinds.h"
#include "schema/value.h"
#include "store/graph_store.h"

namespace ecg::store::internal {

// Column family names, in the order the store opens them.
inline constexpr const char* kCfVertex = "vertex";
inline constexpr const char* kCfKey = "nkey";
inline constexpr const char* kCfKind = "bykind";
inline constexpr const char* kCfProp = "prop";
inline constexpr const char* kCfOut = "out";
inline constexpr const char* kCfIn = "in";
inline constexpr const char* kCfName = "names";
inline constexpr const char* kCfProv = "prov";
inline constexpr const char* kCfGrams = "grams";

// Meta keys in the default column family.
inline constexpr std::string_view kMetaFormat = "format_version";
inline constexpr std::string_view kMetaNormalizer = "normalizer";
inline constexpr std::string_view kMetaNextVertex = "next_vertex";
inline constexpr std::string_view kMetaNextStatement = "next_statement";
inline constexpr std::string_view kMetaNextRun = "next_run";
inline constexpr std::string_view kMetaRunPrefix = "run/";

// Value tags of the provenance index.
inline constexpr uint8_t kProvProperty = 'p';
inline constexpr uint8_t kProvEdge = 'e';

std::string VertexKey(VertexId id);
std::string VertexValue(VertexKind kind, std::string_view key);
bool DecodeVertexValue(std::string_view in, VertexKind* kind, std::string* key);

std::string NaturalKey(VertexKind kind, std::string_view key);
std::string KindKey(VertexKind kind, VertexId id);
std::string KindPrefix(VertexKind kind);

std::string PropKey(VertexId id, PropertyId prop, StatementId stmt);
std::string PropPrefix(VertexId id);
std::string PropPrefix(VertexId id, PropertyId prop);
bool DecodePropKey(std::string_view key, VertexId* id, PropertyId* prop, StatementId* stmt);

// The adjacency key: (a, type, b, stmt), where a is the src for `out` and the
// dst for `in`.
std::string EdgeKey(VertexId a, EdgeType type, VertexId b, StatementId stmt);
std::string EdgePrefix(VertexId a);
std::string EdgePrefix(VertexId a, EdgeType type);
std::string EdgePrefix(VertexId a, EdgeType type, VertexId b);
bool DecodeEdgeKey(std::string_view key, VertexId* a, EdgeType* type, VertexId* b,
                   StatementId* stmt);

std::string NameKey(std::string_view norm_key, VertexKind kind, VertexId id);
std::string NamePrefix(std::string_view norm_key);
bool DecodeNameKey(std::string_view key, std::string* norm_key, VertexKind* kind, VertexId* id);

// The gram index (`grams`) has the layout of the name index with an empty
// value: (str gram, u8 kind, u64 vertex).
inline std::string GramKey(std::string_view gram, VertexKind kind, VertexId id) {
  return NameKey(gram, kind, id);
}

std::string ProvKey(VertexId source, uint8_t tag, std::string_view stmt_key);
std::string ProvPrefix(VertexId source);

std::string RunKey(RunId run);

// Statement values: meta first, then the payload.
void EncodeMeta(const StatementMeta& meta, std::string* out);
bool DecodeMeta(std::string_view* in, StatementMeta* meta);
void EncodeValue(const Value& v, std::string* out);
bool DecodeValue(std::string_view* in, Value* v);

std::string PropValue(const StatementMeta& meta, const Value& v);
bool DecodePropValue(std::string_view in, StatementMeta* meta, Value* v);

// Edge value: meta, discriminator, property list.
std::string EdgeValue(const StatementMeta& meta, std::string_view discriminator,
                      const PropertyList& props);
// Decodes meta and discriminator; leaves `*rest` at the property list.
bool DecodeEdgeHead(std::string_view in, StatementMeta* meta, std::string* discriminator,
                    std::string_view* rest);
bool DecodeProps(std::string_view in, PropertyList* props);

// Whole statements from a `prop` row, or an `out` (outgoing = true) or `in`
// adjacency row. False when malformed.
bool DecodePropertyStatement(std::string_view key, std::string_view value, PropertyStatement* st);
bool DecodeEdgeStatement(std::string_view key, std::string_view value, bool outgoing,
                         EdgeStatement* e);

}  // namespace ecg::store::internal

#endif  // ECG_STORE_INTERNAL_CODEC_H_
