// Bulk writers for fresh loads: statements are encoded once here and handed
// to a sink, either large unlogged write batches or sorted SST files that are
// ingested atomically (see BulkMode in store/graph_store.h).
#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

#include "store/internal/codec.h"
#include "store/internal/impl.h"
#include "store/internal/rocks_status.h"
#include "store/key_codec.h"

namespace ecg::store::internal {
namespace {

// Large enough to amortise the write path, small enough to bound memory.
constexpr size_t kFlushBytes = size_t{64} << 20;

class BulkWriterBase : public BulkWriter {
 public:
  BulkWriterBase(GraphStoreImpl* store, RunId run, std::unique_lock<std::mutex> lock)
      : store_(store),
        db_(store->db()),
        run_(run),
        lock_(std::move(lock)),
        counters_(store->counters()) {}

  Result<VertexId> AddVertex(VertexKind kind, std::string_view key) override {
    std::string nk = NaturalKey(kind, key);
    std::string existing;
    if (db_.db->Get(rocksdb::ReadOptions(), db_.nkey, nk, &existing).ok()) {
      return Status::AlreadyExists(std::string(VertexKindName(kind)) + " key '" + std::string(key) +
                                   "' already exists");
    }
    VertexId id(counters_.next_vertex++);
    ECG_RETURN_IF_ERROR(Put(db_.vertex, VertexKey(id), VertexValue(kind, key)));
    ECG_RETURN_IF_ERROR(Put(db_.nkey, std::move(nk), KeyBuilder().U64(id.value()).Release()));
    ECG_RETURN_IF_ERROR(Put(db_.bykind, KindKey(kind, id), ""));
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
    if (source.valid()) {
      ECG_RETURN_IF_ERROR(Put(db_.prov, ProvKey(source, kProvProperty, key), ""));
    }
    ECG_RETURN_IF_ERROR(Put(db_.prop, std::move(key), PropValue(meta, value)));
    if ((prop == prop::kName || prop == prop::kAlias) && value.type() == PropertyType::kString) {
      for (const auto& k : db_.normalizer->Keys(value.as_string())) {
        ECG_RETURN_IF_ERROR(Put(db_.names, NameKey(k, kind, id), value.as_string()));
      }
      for (const auto& g : db_.normalizer->GramKeys(value.as_string())) {
        ECG_RETURN_IF_ERROR(Put(db_.grams, GramKey(g, kind, id), ""));
      }
    }
    return Status::OK();
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
    if (source.valid()) {
      ECG_RETURN_IF_ERROR(Put(db_.prov, ProvKey(source, kProvEdge, out_key), ""));
    }
    ECG_RETURN_IF_ERROR(Put(db_.in, EdgeKey(dst, type, src, sid), value));
    return Put(db_.out, std::move(out_key), std::move(value));
  }

  uint64_t puts() const override { return puts_; }
  uint64_t bytes() const override { return bytes_; }

 protected:
  // Takes one key/value for column family `cf`.
  virtual Status Sink(rocksdb::ColumnFamilyHandle* cf, std::string key, std::string value) = 0;

  // Records the counters (and with them the load) and releases the writer lock.
  Status Complete() {
    rocksdb::WriteBatch last;
    Status s = store_->CommitBatch(&last, counters_);
    lock_.unlock();
    ECG_RETURN_IF_ERROR(s);
    return store_->Flush();
  }

  GraphStoreImpl* store_;
  const Db& db_;

 private:
  Status Put(rocksdb::ColumnFamilyHandle* cf, std::string key, std::string value) {
    ++puts_;
    bytes_ += key.size() + value.size();
    return Sink(cf, std::move(key), std::move(value));
  }

  RunId run_;
  std::unique_lock<std::mutex> lock_;
  Counters counters_;
  uint64_t puts_ = 0;
  uint64_t bytes_ = 0;
};

// Streams large unlogged write batches; flushes memtables at Finish.
class BatchBulkWriter final : public BulkWriterBase {
 public:
  using BulkWriterBase::BulkWriterBase;

  Status Finish() override {
    ECG_RETURN_IF_ERROR(Write());
    return Complete();
  }

 private:
  Status Sink(rocksdb::ColumnFamilyHandle* cf, std::string key, std::string value) override {
    (void)wb_.Put(cf, key, value);
    return wb_.GetDataSize() < kFlushBytes ? Status::OK() : Write();
  }

  Status Write() {
    rocksdb::WriteOptions wo;
    wo.disableWAL = true;
    ECG_RETURN_IF_ERROR(store_->BeforeWrite(wb_.GetDataSize(), "this bulk write"));
    ECG_RETURN_IF_ERROR(store_->AfterWrite(FromRocks(db_.db->Write(wo, &wb_), "bulk write")));
    wb_.Clear();
    return Status::OK();
  }

  rocksdb::WriteBatch wb_;
};

// Buffers everything, sorts each column family, writes one SST file per
// column family and ingests them all in one atomic IngestExternalFiles.
class SstBulkWriter final : public BulkWriterBase {
 public:
  using BulkWriterBase::BulkWriterBase;

  ~SstBulkWriter() override { RemoveTmpDir(); }

  Status Finish() override {
    // Through RocksDB's Env, so that in-memory stores stay in memory.
    ECG_RETURN_IF_ERROR(store_->BeforeWrite(bytes(), "this bulk load"));
    tmp_dir_ = store_->path() + "/bulk-load.tmp";
    RemoveTmpDir();
    ECG_RETURN_IF_ERROR(
        FromRocks(db_.db->GetEnv()->CreateDirIfMissing(tmp_dir_), "create " + tmp_dir_));
    std::vector<rocksdb::ColumnFamilyHandle*> cfs;
    for (auto& [cf, rows] : buffers_) {
      if (!rows.empty()) {
        cfs.push_back(cf);
      }
    }
    // Sort and write the column families on two threads (the machine budget).
    std::vector<Status> results(cfs.size());
    std::vector<std::string> files(cfs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < cfs.size(); i = next++) {
        files[i] = tmp_dir_ + "/" + cfs[i]->GetName() + ".sst";
        results[i] = WriteSst(cfs[i], &buffers_[cfs[i]], files[i]);
      }
    };
    std::thread helper(work);
    work();
    helper.join();
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (size_t i = 0; i < cfs.size(); ++i) {
      ECG_RETURN_IF_ERROR(results[i]);
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = cfs[i];
      arg.external_files = {files[i]};
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    if (!args.empty()) {
      // The files are moved (hard-linked) in, so only the reserve is needed.
      ECG_RETURN_IF_ERROR(store_->BeforeWrite(0, "ingesting the SST files"));
      ECG_RETURN_IF_ERROR(
          store_->AfterWrite(FromRocks(db_.db->IngestExternalFiles(args), "ingest SST files")));
    }
    return Complete();
  }

 private:
  using Rows = std::vector<std::pair<std::string, std::string>>;

  Status Sink(rocksdb::ColumnFamilyHandle* cf, std::string key, std::string value) override {
    buffers_[cf].emplace_back(std::move(key), std::move(value));
    return Status::OK();
  }

  Status WriteSst(rocksdb::ColumnFamilyHandle* cf, Rows* rows, const std::string& file) {
    std::sort(rows->begin(), rows->end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    rocksdb::Options options(db_.db->GetDBOptions(), db_.db->GetOptions(cf));
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, cf);
    ECG_RETURN_IF_ERROR(FromRocks(writer.Open(file), "open SST file"));
    for (size_t i = 0; i < rows->size(); ++i) {
      const auto& [key, value] = (*rows)[i];
      if (i > 0 && key == (*rows)[i - 1].first) {
        if (cf == db_.grams) {
          continue;  // a vertex's names share grams: one posting is enough
        }
        return Status::AlreadyExists("bulk load writes key " + std::to_string(i) + " of " +
                                     cf->GetName() + " twice (a duplicate natural key?)");
      }
      ECG_RETURN_IF_ERROR(FromRocks(writer.Put(key, value), "write SST file"));
    }
    Rows().swap(*rows);  // free the memory as soon as the file is written
    return FromRocks(writer.Finish(), "finish SST file");
  }

  void RemoveTmpDir() {
    if (tmp_dir_.empty()) {
      return;
    }
    rocksdb::Env* env = db_.db->GetEnv();
    std::vector<std::string> children;
    if (env->GetChildren(tmp_dir_, &children).ok()) {
      for (const auto& c : children) {
        if (c != "." && c != "..") {
          (void)env->DeleteFile(tmp_dir_ + "/" + c);
        }
      }
      (void)env->DeleteDir(tmp_dir_);
    }
  }

  std::map<rocksdb::ColumnFamilyHandle*, Rows> buffers_;
  std::string tmp_dir_;
};

}  // namespace

std::unique_ptr<BulkWriter> NewBulkWriterImpl(GraphStoreImpl* store, RunId run, BulkMode mode,
                                              std::unique_lock<std::mutex> lock) {
  if (mode == BulkMode::kWriteBatches) {
    return std::make_unique<BatchBulkWriter>(store, run, std::move(lock));
  }
  return std::make_unique<SstBulkWriter>(store, run, std::move(lock));
}

}  // namespace ecg::store::internal
