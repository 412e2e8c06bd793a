// Corrections of identity in the graph, for `ecg resolve merge` and `split`:
// statements move from one entity vertex to another. A moved statement keeps
// its valid time and its source; the old one is retracted (superseded by the
// correcting run, so `known at` an earlier run still shows the graph as it
// was) and `resolution` statements on both vertices say what moved, when and
// why. Edges into a vertex (article mentions, ownership, rule changes) move
// with it, and its natural keys (its record keys "rec:<id>") point at the
// vertex that now holds the records, so a later ingest of the same files
// finds the corrected entities.
// Not thread-safe (one Batch).
#ifndef ECG_RESOLVE_CORRECT_H_
#define ECG_RESOLVE_CORRECT_H_

#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"
#include "store/graph_store.h"

#include "resolve/judgements.h"
#include "text/normalizer.h"

namespace ecg::resolve {

struct Correction {
  VertexId entity;        // the vertex that now holds the records
  std::string key;        // its natural key
  size_t properties = 0;  // statements moved
  size_t edges = 0;
  std::vector<std::string> keys;  // natural keys that moved
  // The judgements that keep the correction on a rebuild from the same files
  // (record the caller stores as `judgement` statements of its source).
  std::vector<Judgement> judgements;
};

// Moves everything of entity `from` onto entity `into`: properties (the
// name of `from` becomes an alias; its country, type and legal form only
// where `into` has none), edges both ways, natural keys. `source` is the
// provenance of the new `resolution` statements. InvalidArgument when
// either is not an entity or they are the same vertex.
Result<Correction> MergeEntities(store::Batch* batch, VertexId from, VertexId into,
                                 std::string_view reason, VertexId source);

// Moves list record `record_key` ("rec:<id>") off `entity` onto a new
// entity: the record's key and listings, and every statement of the record's
// file when no other record of that file joined `entity`; otherwise the
// record's name. The record's own `resolution` statement names it; without
// one, InvalidArgument.
Result<Correction> SplitRecord(store::Batch* batch, const text::TextNormalizer& normalizer,
                               VertexId entity, std::string_view record_key,
                               std::string_view reason, VertexId source);

// The records of entity `entity` named by its `resolution` statements: list
// code, record id, the record's name and its source.
struct RecordOfEntity {
  std::string list;
  std::string id;  // without "rec:"
  std::string name;
  std::string how;  // the resolver's reason
  VertexId source;
};
std::vector<RecordOfEntity> RecordsOf(const std::vector<store::PropertyStatement>& resolution);

}  // namespace ecg::resolve

#endif  // ECG_RESOLVE_CORRECT_H_
