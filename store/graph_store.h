// GraphStore: the bitemporal property graph on RocksDB.
// Thread safety: GraphStore is safe for concurrent use. Any number of ReadViews
// may be open at once; Batches are serialised (one commits at a time).
// Across processes, one writer holds the database lock; read-only opens use a
// RocksDB secondary instance and never take it.
#ifndef ECG_STORE_GRAPH_STORE_H_
#define ECG_STORE_GRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/catalog.h"
#include "schema/date.h"
#include "schema/ids.h"
#include "schema/kinds.h"
#include "schema/result.h"
#include "schema/value.h"
#include "store/name_normalizer.h"

namespace ecg::store {

// The on-disk format version this build writes and reads (see store/FORMAT.md).
inline constexpr uint32_t kFormatVersion = 1;

struct Options {
  // Create an empty database when `path` does not exist.
  bool create_if_missing = true;
  // Open without the writer's lock, as a RocksDB secondary instance that sees
  // the primary's state at open time. Batches are refused.
  bool read_only = false;
  // Keep everything in memory (rocksdb::NewMemEnv); for tests.
  bool in_memory = false;
  // Space kept free on the database's file system: a commit that would leave
  // less is refused with kNoSpace before anything is written (a full disk
  // mid-write is what RocksDB handles worst). 0 turns the check off.
  uint64_t min_free_bytes = uint64_t{16} << 20;
  // RocksDB block cache; memory stays bounded by it, not by the graph's size.
  size_t block_cache_bytes = size_t{256} << 20;
  // Turns names into index keys. Not owned; must outlive the store.
  // nullptr selects LowercaseNormalizer.
  const NameNormalizer* normalizer = nullptr;
};

enum class Direction : uint8_t { kOut, kIn, kBoth };

// A vertex: its id, kind and primary natural key.
struct VertexRecord {
  VertexId id;
  VertexKind kind{};
  std::string key;
};

// Record-time metadata shared by property and edge statements.
struct StatementMeta {
  StatementId id;
  Interval valid;    // valid time [from, to)
  RunId recorded;    // the run that wrote the statement
  RunId superseded;  // the run that replaced or closed it; invalid while current
  VertexId source;   // provenance: the source vertex it came from
  bool current() const { return !superseded.valid(); }
};

// One version of one property value of a vertex.
struct PropertyStatement {
  VertexId vertex;
  PropertyId property = 0;
  Value value;
  StatementMeta meta;
};

// One version of one edge. `props` is decoded on demand by the reader.
struct EdgeStatement {
  VertexId src;
  VertexId dst;
  EdgeType type{};
  std::string discriminator;  // distinguishes parallel edges of one (src, type, dst)
  PropertyList props;
  StatementMeta meta;
  // The property's value, or a null Value when absent.
  const Value& Get(PropertyId id) const;
};

// What an ingest run is, for "known at" and audit.
struct RunInfo {
  RunId id;
  int64_t started_unix_seconds = 0;
  std::string label;
};

// Which statements a ReadView shows. Both filters apply together.
struct TimeFilter {
  // Valid time: only statements whose valid interval contains this day.
  // nullopt shows statements of every valid time.
  std::optional<Date> as_of;
  // Record time: what the database knew after this run committed.
  // nullopt shows the current knowledge.
  std::optional<RunId> known_at;
  // True when `meta` is visible under this filter.
  bool Visible(const StatementMeta& meta) const;
};

// One entry in a vertex's history: a property or an edge statement.
struct HistoryEvent {
  enum class What : uint8_t { kProperty, kEdgeOut, kEdgeIn };
  What what{};
  std::optional<PropertyStatement> property;
  std::optional<EdgeStatement> edge;
  const StatementMeta& meta() const { return property ? property->meta : edge->meta; }
};

// Per-kind and per-type counts for `ecg stats`.
struct Stats {
  struct KindCount {
    VertexKind kind{};
    uint64_t vertices = 0;
  };
  struct EdgeCount {
    EdgeType type{};
    uint64_t open = 0;        // current statements with an open valid interval
    uint64_t closed = 0;      // current statements with a closed valid interval
    uint64_t superseded = 0;  // replaced in record time (kept for history)
  };
  std::vector<KindCount> kinds;
  std::vector<EdgeCount> edges;
  uint64_t property_statements = 0;
  uint64_t runs = 0;
};

// How a BulkWriter writes. kSstFiles buffers everything in memory, sorts it
// per column family, writes SST files and ingests them in one atomic step
// (IngestExternalFiles): a failed load leaves nothing. kWriteBatches streams
// large unlogged write batches: less memory, but a failed load leaves a
// partial graph. bench/store_bench measures both.
enum class BulkMode : uint8_t { kSstFiles, kWriteBatches };

// Outcome of an idempotent write, for ingest reports.
enum class WriteOutcome : uint8_t { kUnchanged, kCreated, kChanged };

class ReadView;
class Batch;
class BulkWriter;

class GraphStore {
 public:
  // Opens (or creates) the database at `path`. Errors: kBusy when another
  // process holds the writer's lock ("in use"), kNotSupported for an unknown
  // or newer format version, kNotFound when missing and !create_if_missing,
  // kIOError / kCorruption from RocksDB.
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& path, const Options& options);
  // Not copyable or movable: it owns the RocksDB handle and column families.
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;
  virtual ~GraphStore() = default;

  virtual const std::string& path() const = 0;
  virtual bool read_only() const = 0;
  virtual const NameNormalizer& normalizer() const = 0;

  // A consistent snapshot of the graph. The view must not outlive the store.
  virtual std::unique_ptr<ReadView> NewReadView(TimeFilter filter = {}) const = 0;

  // Starts an ingest run; its id becomes the record time of what its batches
  // write. Fails with kNotSupported on a read-only store.
  virtual Result<RunId> BeginRun(std::string_view label) = 0;
  // A batch of writes for `run`, committed atomically by Batch::Commit.
  // Dropping an uncommitted batch discards it. One batch may be open at a time;
  // a second call blocks until the first is committed or dropped.
  virtual Result<std::unique_ptr<Batch>> NewBatch(RunId run) = 0;

  // Every run, oldest first.
  virtual Result<std::vector<RunInfo>> Runs() const = 0;
  // The last run that started on or before the end of `day` (UTC); invalid
  // RunId when none did.
  virtual Result<RunId> RunAt(Date day) const = 0;

  // Forces memtables to disk (used before measuring size and by bulk loads).
  virtual Status Flush() = 0;

  // OK while the store can write. After a write failed with an I/O error or
  // a full disk (kIOError, kNoSpace), that status: every later write is
  // refused with it until the database is reopened, because RocksDB must not
  // be written again after such an error. What committed before stays.
  virtual Status WriteHealth() const = 0;

  // Writes a consistent copy of the whole database to the new directory `dir`
  // (a RocksDB checkpoint: table files hard-linked when `dir` is on the same
  // file system, copied otherwise), which another process or machine can
  // open like the original. Errors: kAlreadyExists when `dir` exists,
  // kNotSupported on a read-only or in-memory store, kIOError.
  virtual Status Checkpoint(const std::string& dir) = 0;

  // Integrity check (`ecg check`): every edge has both endpoints, out- and
  // in-adjacency mirror each other, intervals are well-formed, natural keys
  // and the kind index agree, property values fit the catalog. Appends one
  // human-readable line per problem; OK status even when problems are found
  // (an I/O error is the only failure).
  virtual Status Check(std::vector<std::string>* problems) const = 0;

  // A writer for fresh bulk loads (see BulkWriter and BulkMode).
  // REQUIRES: no Batch open.
  virtual Result<std::unique_ptr<BulkWriter>> NewBulkWriter(RunId run, BulkMode mode) = 0;

  // Test-only hooks that bypass every invariant, to plant damage.
  // `cf` is a column family name from store/FORMAT.md.
  virtual Status TEST_RawPut(std::string_view cf, std::string_view key, std::string_view value) = 0;
  virtual Status TEST_RawDelete(std::string_view cf, std::string_view key) = 0;

 protected:
  GraphStore() = default;
};

// A read-only, consistent view over one RocksDB snapshot, filtered by time.
// Not thread-safe: one per thread. Must not outlive its GraphStore.
class ReadView {
 public:
  ReadView(const ReadView&) = delete;
  ReadView& operator=(const ReadView&) = delete;
  virtual ~ReadView() = default;

  virtual const TimeFilter& filter() const = 0;

  // kNotFound when the id is unknown.
  virtual Result<VertexRecord> GetVertex(VertexId id) const = 0;
  // The vertex with natural key `key` of `kind`; an invalid VertexId when none.
  virtual Result<VertexId> FindByKey(VertexKind kind, std::string_view key) const = 0;
  // Calls fn for every vertex of `kind` in id order until fn returns false.
  virtual Status ScanKind(VertexKind kind, const std::function<bool(VertexId)>& fn) const = 0;

  // Visible statements of one property (or all properties when `property` is
  // nullopt), in property then valid-time order.
  virtual Status GetProperties(VertexId id, std::optional<PropertyId> property,
                               std::vector<PropertyStatement>* out) const = 0;
  // The value of a single-valued property under the filter: the visible
  // statement with the latest valid start. Null Value when none.
  virtual Result<Value> GetValue(VertexId id, PropertyId property) const = 0;

  // Calls fn for each visible edge statement at `id` in direction `dir`
  // (optionally of one type), in (type, neighbour) order, until fn returns
  // false. The EdgeStatement is valid only during the call.
  virtual Status ForEachEdge(VertexId id, Direction dir, std::optional<EdgeType> type,
                             const std::function<bool(const EdgeStatement&)>& fn) const = 0;

  // Vertices whose name or alias normalises to `name`'s keys (through the
  // store's normalizer), optionally of one kind. Calls fn(vertex, indexed
  // name) for each hit, deduplicated by vertex.
  virtual Status FindByName(std::string_view name, std::optional<VertexKind> kind,
                            const std::function<bool(VertexId, std::string_view)>& fn) const = 0;
  // Index entries whose key starts with `key_prefix` (an already-normalised
  // key), for fuzzy search. fn(key, vertex, indexed name).
  virtual Status ScanNameKeys(
      std::string_view key_prefix,
      const std::function<bool(std::string_view, VertexId, std::string_view)>& fn) const = 0;

  // Postings of the `grams` index (NameNormalizer::GramKeys): fn(gram, kind,
  // vertex) for each vertex whose name or alias has a gram equal to `gram`
  // (or, when `prefix` is true, starting with it), in (gram, kind, vertex)
  // order, until fn returns false. The gram view lives during the call.
  // Postings ignore the time filter (like the name index). No hits on a
  // database written before the index existed.
  virtual Status ScanGrams(
      std::string_view gram, bool prefix,
      const std::function<bool(std::string_view, VertexKind, VertexId)>& fn) const = 0;

  // Every statement about `id` and its edges, ignoring the time filter, in
  // (valid from, record time) order: the vertex's full history.
  virtual Status History(VertexId id, std::vector<HistoryEvent>* out) const = 0;

  // Every current-or-superseded statement whose provenance is `source`.
  virtual Status StatementsFrom(VertexId source, std::vector<PropertyStatement>* props,
                                std::vector<EdgeStatement>* edges) const = 0;

  // Whole-graph counts (a scan; for `ecg stats`).
  virtual Result<Stats> ComputeStats() const = 0;

 protected:
  ReadView() = default;
};

// A set of writes that becomes visible atomically at Commit. Reads made
// through the batch see its own pending writes. Not thread-safe.
// Every write is validated against the catalog; the first error poisons the
// batch, and Commit then returns it without writing anything.
class Batch {
 public:
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;
  virtual ~Batch() = default;

  virtual RunId run() const = 0;

  // The vertex with natural key (`kind`, `key`), created when missing.
  // `*created` (optional) tells which.
  virtual Result<VertexId> Vertex(VertexKind kind, std::string_view key,
                                  bool* created = nullptr) = 0;
  // The vertex for an existing key; invalid VertexId when none.
  virtual Result<VertexId> Find(VertexKind kind, std::string_view key) = 0;
  // Adds a further natural key for an existing vertex. kAlreadyExists when the
  // key belongs to another vertex.
  virtual Status AddKey(VertexId id, std::string_view key) = 0;
  virtual Result<VertexRecord> GetVertex(VertexId id) = 0;

  // Asserts that property `prop` of `id` has `value` over `valid`, from
  // `source`. Unchanged when an identical current statement exists. For a
  // single-valued property whose current open value differs, the old
  // statement is superseded: its valid time is closed at valid.from (when
  // later) and the new value opens. Names and aliases enter the name index.
  virtual Result<WriteOutcome> SetProperty(VertexId id, PropertyId prop, const Value& value,
                                           Interval valid, VertexId source) = 0;

  // Asserts an edge (src, type, dst, discriminator) with `props` over
  // `valid`, from `source`. Unchanged when identical to the current
  // statement; otherwise the current one is superseded (closed at valid.from
  // when later) and the new one written.
  virtual Result<WriteOutcome> PutEdge(EdgeType type, VertexId src, VertexId dst,
                                       const PropertyList& props, Interval valid, VertexId source,
                                       std::string_view discriminator = {}) = 0;

  // Closes the valid interval of a current statement at `to`: the statement is
  // superseded and a copy with valid [from, to) is written. kInvalidArgument
  // when `to` is not after its start; no-op when already closed at or before.
  virtual Status CloseProperty(const PropertyStatement& stmt, Date to) = 0;
  virtual Status CloseEdge(const EdgeStatement& stmt, Date to) = 0;

  // Withdraws a current statement without a successor: it stays in the
  // record-time history (superseded by this run, so `known at` an earlier run
  // still sees it) and leaves every current view. For corrections of
  // identity (`ecg resolve merge` / `split`), not for facts that ended in the
  // world (CloseProperty / CloseEdge).
  virtual Status RetractProperty(const PropertyStatement& stmt) = 0;
  virtual Status RetractEdge(const EdgeStatement& stmt) = 0;
  // Points natural key `key` (of `id`'s kind) at `id`, whichever vertex held it.
  virtual Status MoveKey(VertexId id, std::string_view key) = 0;
  // Gives vertex `id` the primary natural key `key` (its record and the key
  // index); the old key keeps whatever mapping it has (MoveKey it first to
  // hand it to another vertex). kAlreadyExists when `key` names another vertex.
  virtual Status RekeyVertex(VertexId id, std::string_view key) = 0;
  // Every natural key that names vertex `id`, sorted. Scans the keys of its
  // kind: for corrections, not for ingest's inner loop.
  virtual Status KeysOf(VertexId id, std::vector<std::string>* out) = 0;

  // Current statements of the vertex / edges, seeing pending writes.
  virtual Status GetProperties(VertexId id, std::optional<PropertyId> property,
                               std::vector<PropertyStatement>* out) = 0;
  virtual Status GetEdges(VertexId id, Direction dir, std::optional<EdgeType> type,
                          std::vector<EdgeStatement>* out) = 0;

  // Number of pending writes.
  virtual size_t size() const = 0;
  // Writes everything atomically (one RocksDB WriteBatch). After Commit (OK
  // or not) the batch is finished and accepts no more writes.
  virtual Status Commit() = 0;

 protected:
  Batch() = default;
};

// Appends a large, new graph quickly: no read-before-write and no
// deduplication beyond natural keys (checked against the database at
// AddVertex, and among the pending keys at Finish in kSstFiles mode). See
// BulkMode for atomicity. Use it on a fresh database (the CLI's load-csv
// refuses a non-empty one). Not thread-safe.
class BulkWriter {
 public:
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;
  virtual ~BulkWriter() = default;

  // Creates a vertex. kAlreadyExists when the natural key is taken.
  virtual Result<VertexId> AddVertex(VertexKind kind, std::string_view key) = 0;
  virtual Status SetProperty(VertexId id, VertexKind kind, PropertyId prop, const Value& value,
                             Interval valid, VertexId source) = 0;
  virtual Status AddEdge(EdgeType type, VertexId src, VertexId dst, const PropertyList& props,
                         Interval valid, VertexId source) = 0;
  // Writes what is buffered and flushes memtables. The writer is finished.
  virtual Status Finish() = 0;

  // RocksDB puts issued and their key + value bytes so far (for benchmarks).
  virtual uint64_t puts() const = 0;
  virtual uint64_t bytes() const = 0;

 protected:
  BulkWriter() = default;
};

}  // namespace ecg::store

#endif  // ECG_STORE_GRAPH_STORE_H_
