// ExecContext: what exec ops share while one query runs — the ReadView, the
// time filter, the limits and their counters, and small caches. One per
// execution; not thread-safe.
#ifndef ECG_QUERY_EXEC_CONTEXT_H_
#define ECG_QUERY_EXEC_CONTEXT_H_

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "query/options.h"
#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::query::exec {

class ExecContext {
 public:
  // `view` and `options` must outlive the context. `filter` is the time
  // filter every statement is checked against (the view may show more, as
  // for diff, which moves filter.as_of between two dates).
  // `normalizer` is the store's (for fuzzy name keys).
  ExecContext(const store::ReadView& view, const store::NameNormalizer& normalizer,
              const ExecOptions& options, store::TimeFilter filter);
  ExecContext(const ExecContext&) = delete;
  ExecContext& operator=(const ExecContext&) = delete;
  ExecContext(ExecContext&&) = delete;
  ExecContext& operator=(ExecContext&&) = delete;
  ~ExecContext() = default;

  const store::ReadView& view() const { return view_; }
  const ExecOptions& options() const { return options_; }
  const store::NameNormalizer& normalizer() const { return normalizer_; }
  const store::TimeFilter& filter() const { return filter_; }
  // The valid-time day statements are checked against.
  // The valid-time day; under `as of any` (no valid-time filter), today.
  Date valid_date() const {
    return filter_.as_of ? *filter_.as_of : options_.today ? *options_.today : Date::Today();
  }
  // Moves the valid-time day (diff); clears the value caches.
  void set_valid_date(Date day);
  bool Visible(const store::StatementMeta& meta) const { return filter_.Visible(meta); }

  // kResourceExhausted naming the limit when the deadline has passed.
  Status CheckDeadline();
  // Counts `n` expansions; kResourceExhausted when max_expansions is passed.
  Status Charge(uint64_t n = 1);

  // Visible edge statements at `id` (see ReadView::ForEachEdge); each counts
  // one expansion. fn returns false to stop.
  Status ForEachEdge(VertexId id, store::Direction dir, std::optional<EdgeType> type,
                     const std::function<bool(const store::EdgeStatement&)>& fn);
  // The visible value of a property: for a single-valued property the
  // statement with the latest valid start, for a multi-valued one a string
  // list of all visible values. Null when none.
  Result<Value> Property(VertexId id, const PropertyDef& def);
  // Every visible property value of the vertex, by property name (for diff).
  Status AllProperties(VertexId id, std::map<std::string, Value>* out);
  // Reads every property of `ids` in vertex-id order (one prefix scan each,
  // neighbouring keys read by stepping rather than seeking) into the cache
  // that Property() answers from. Rows reach an operator in discovery order;
  // warming a chunk in key order first turns random seeks into a scan.
  Status WarmProperties(std::vector<VertexId> ids);
  Result<store::VertexRecord> Vertex(VertexId id);
  // The vertex's name, or its key when it has none.
  Result<std::string> Label(VertexId id);
  // Remarks for the ResultSet (the affiliates rule's status, ...).
  // Once each: diff runs its input twice.
  void AddNotice(std::string notice) {
    if (std::find(notices_.begin(), notices_.end(), notice) == notices_.end()) {
      notices_.push_back(std::move(notice));
    }
  }
  std::vector<std::string> TakeNotices() { return std::move(notices_); }

  // The key or name of a vertex of `kind` nearest to `text` (a likely
  // misspelling, compared without case), or "" when none is close. Scans the
  // kind, so callers use it only for kinds with few vertices.
  Result<std::string> NearestLabel(VertexKind kind, std::string_view text);

  // True when the vertex has a visible listed_on edge, to a list called
  // `list` (by key or name) when given.
  Result<bool> Listed(VertexId id, const std::optional<std::string>& list);

 private:
  Result<const std::unordered_set<uint64_t>*> ListIds(const std::string& list);

  const store::ReadView& view_;
  const store::NameNormalizer& normalizer_;
  const ExecOptions& options_;
  store::TimeFilter filter_;
  std::chrono::steady_clock::time_point deadline_;
  uint64_t expansions_ = 0;
  uint64_t deadline_tick_ = 0;
  std::unordered_map<uint64_t, store::VertexRecord> vertices_;
  struct ValueKeyHash {
    size_t operator()(const std::pair<uint64_t, PropertyId>& k) const noexcept {
      return std::hash<uint64_t>()(k.first * 1315423911u + k.second);
    }
  };
  std::unordered_map<std::pair<uint64_t, PropertyId>, Value, ValueKeyHash> values_;
  // Vertices whose every property is in values_ (absent ones are null).
  std::unordered_set<uint64_t> warmed_;
  std::map<std::string, std::unordered_set<uint64_t>> lists_;
  std::vector<std::string> notices_;
};

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_CONTEXT_H_
