// Strong id types. Ids are plain integers wrapped so that a vertex id cannot be
// passed where a run id is expected. Thread-compatible values.
#ifndef ECG_SCHEMA_IDS_H_
#define ECG_SCHEMA_IDS_H_

#include <compare>
#include <cstdint>
#include <functional>

namespace ecg {

template <typename Tag>
class StrongId {
 public:
  constexpr StrongId() = default;
  constexpr explicit StrongId(uint64_t v) : v_(v) {}
  constexpr uint64_t value() const { return v_; }
  // 0 is never allocated and means "none".
  constexpr bool valid() const { return v_ != 0; }
  auto operator<=>(const StrongId&) const = default;

 private:
  uint64_t v_ = 0;
};

struct VertexIdTag {};
struct RunIdTag {};
struct StatementIdTag {};

// A vertex: entity, list, rule, eccn, technology, country, article or source.
using VertexId = StrongId<VertexIdTag>;
// An ingest run; its id is the record time of everything it wrote.
using RunId = StrongId<RunIdTag>;
// One property or edge statement (a version of a fact).
using StatementId = StrongId<StatementIdTag>;

}  // namespace ecg

template <typename Tag>
struct std::hash<ecg::StrongId<Tag>> {
  size_t operator()(const ecg::StrongId<Tag>& id) const noexcept {
    return std::hash<uint64_t>()(id.value());
  }
};

#endif  // ECG_SCHEMA_IDS_H_
