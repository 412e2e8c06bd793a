// BulkWriterImpl: fast appends for fresh loads, in large unlogged write batches.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "store/internal/codec.h"
#include "store/internal/impl.h"
#include "store/internal/rocks_status.h"
#include "store/key_codec.h"

namespace ecg::store::internal {
namespace {

// Large enough to amortise the write path, small enough to bound memory.
constexpr size_t kFlushBytes = size_t{64} << 20;

class BulkWriterImpl final : public BulkWriter {
 public:
  BulkWriterImpl(GraphStoreImpl* store, RunId run, std::unique_lock<std::mutex> lock)
      : store_(store), db_(store->db()), run_(run), lock_(std::move(lock)),
        counters_(store->counters()) {}

  Result<VertexId> AddVertex(VertexKind kind, std::string_view key) override {
    std::string nk = NaturalKey(kind, key);
    std::string existing;
    if (db_.db->Get(rocksdb::ReadOptions(), db_.nkey, nk, &existing).ok()) {
      return Status::AlreadyExists(std::string(VertexKindName(kind)) + " key '" +
                                   std::string(key) + "' already exists");
    }
    VertexId id(counters_.next_vertex++);
    (void)wb_.Put(db_.vertex, VertexKey(id), VertexValue(kind, key));
    (void)wb_.Put(db_.nkey, nk, KeyBuilder().U64(id.value()).Release());
    (void)wb_.Put(db_.bykind, KindKey(kind, id), "");
    ECG_RETURN_IF_ERROR(MaybeFlush());
    return id;
  }

  Status SetProperty(VertexId id, VertexKind kind, PropertyId prop, const Value& value,
                     Interval valid, VertexId source) override {
    ECG_RETURN_IF_ERROR(
        Catalog::Validate(kind, "vertex " + std::to_string(id.value()), prop, value));
    StatementMeta meta;
    meta.valid = valid;
    meta.recorded = run_;
    meta.source = source;
    StatementId sid(counters_.next_statement++);
    std::string key = PropKey(id, prop, sid);
    (void)wb_.Put(db_.prop, key, PropValue(meta, value));
    if (source.valid()) {
      (void)wb_.Put(db_.prov, ProvKey(source, kProvProperty, key), "");
    }
    static const PropertyId kName = Catalog::Id("name");
    static const PropertyId kAlias = Catalog::Id("alias");
    if ((prop == kName || prop == kAlias) && value.type() == PropertyType::kString) {
      for (const auto& k : db_.normalizer->Keys(value.as_string())) {
        (void)wb_.Put(db_.names, NameKey(k, kind, id), value.as_string());
      }
    }
    return MaybeFlush();
  }

  Status AddEdge(EdgeType type, VertexId src, VertexId dst, const PropertyList& props,
                 Interval valid, VertexId source) override {
    for (const auto& [pid, value] : props) {
      ECG_RETURN_IF_ERROR(Catalog::Validate(type, "edge", pid, value));
    }
    if (!valid.valid()) {
      return Status::InvalidArgument("edge " + std::to_string(src.value()) + " -> " +
                                     std::to_string(dst.value()) + ": empty valid interval " +
                                     valid.ToString());
    }
    StatementMeta meta;
    meta.valid = valid;
    meta.recorded = run_;
    meta.source = source;
    StatementId sid(counters_.next_statement++);
    std::string value = EdgeValue(meta, {}, props);
    std::string out_key = EdgeKey(src, type, dst, sid);
    (void)wb_.Put(db_.out, out_key, value);
    (void)wb_.Put(db_.in, EdgeKey(dst, type, src, sid), value);
    if (source.valid()) {
      (void)wb_.Put(db_.prov, ProvKey(source, kProvEdge, out_key), "");
    }
    return MaybeFlush();
  }

  uint64_t puts() const override { return puts_ + wb_.Count(); }
  uint64_t bytes() const override { return bytes_ + wb_.GetDataSize(); }

  Status Finish() override {
    ECG_RETURN_IF_ERROR(Write());
    rocksdb::WriteBatch last;
    PutCounters(db_, counters_, &last);
    ECG_RETURN_IF_ERROR(store_->CommitBatch(&last, counters_));
    lock_.unlock();
    return store_->Flush();
  }

 private:
  Status MaybeFlush() {
    if (wb_.GetDataSize() < kFlushBytes) {
      return Status::OK();
    }
    return Write();
  }

  Status Write() {
    rocksdb::WriteOptions wo;
    wo.disableWAL = true;
    ECG_RETURN_IF_ERROR(FromRocks(db_.db->Write(wo, &wb_), "bulk write"));
    puts_ += wb_.Count();
    bytes_ += wb_.GetDataSize();
    wb_.Clear();
    return Status::OK();
  }

  GraphStoreImpl* store_;
  const Db& db_;
  RunId run_;
  std::unique_lock<std::mutex> lock_;
  Counters counters_;
  rocksdb::WriteBatch wb_;
  uint64_t puts_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace

std::unique_ptr<BulkWriter> NewBulkWriterImpl(GraphStoreImpl* store, RunId run,
                                              std::unique_lock<std::mutex> lock) {
  return std::make_unique<BulkWriterImpl>(store, run, std::move(lock));
}

}  // namespace ecg::store::internal
