// The change feed: what the ingest runs after a given run changed, per
// entity (listed, delisted, revised with old and new values, renamed,
// merged), computed from the bitemporal statements (record time says which
// run wrote or closed each one). Differences of wording or encoding only
// (whitespace, case, punctuation, full-width forms, Traditional against
// Simplified Chinese) are not changes: values are compared after the text
// pipeline's Fold. Thread safety: the functions are pure over one ReadView.
#ifndef ECG_EXCHANGE_CHANGES_H_
#define ECG_EXCHANGE_CHANGES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/date.h"
#include "schema/ids.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "text/normalizer.h"

namespace ecg::exchange {

enum class ChangeKind : uint8_t {
  kListed,    // a listing (listed_on edge) the entity did not have
  kDelisted,  // a listing that was in force and no longer is (closed or gone)
  kRevised,   // a property of the entity or of a listing changed: old and new values
  kRenamed,   // the entity's primary name changed
  kMerged,    // a record of another source was resolved into this (known) entity
  kSplit,     // a record left this entity for another one (see docs/export.md)
};

std::string_view ChangeKindName(ChangeKind k);

struct EntityChange {
  ChangeKind kind{};
  uint64_t run = 0;  // the run that made the change
  VertexId entity;
  std::string entity_key;  // the entity's natural key
  std::string name;        // its current name
  // Listing events: the list's key (EL, CN-UEL, ...) and the record
  // (the edge's discriminator: the source's record id).
  std::string list;
  std::string record;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  // kRevised / kRenamed / kMerged: what changed ("name", "alias",
  // "address", "listing.reason", ...), the values before and after.
  std::string field;
  std::vector<std::string> old_values;
  std::vector<std::string> new_values;
  std::string source;  // path of the source file that made the change
};

// Calls `fn` for each change made by runs after `since` (an invalid RunId:
// every run), entity by entity in id order, until fn returns false.
// `view` must show current knowledge (no known_at) and every valid time (no
// as_of). `normalizer` folds values for comparison.
Status ForEachChange(const store::ReadView& view, const text::TextNormalizer& normalizer,
                     RunId since, const std::function<bool(const EntityChange&)>& fn);

// One change as a JSON object (one line of the feed).
std::string ChangeToJson(const EntityChange& c);
// One change as a line of the readable summary.
std::string ChangeToText(const EntityChange& c);

}  // namespace ecg::exchange

#endif  // ECG_EXCHANGE_CHANGES_H_
