// Implementation classes behind store/graph_store.h. Internal to store/.
#ifndef ECG_STORE_INTERNAL_IMPL_H_
#define ECG_STORE_INTERNAL_IMPL_H_

#include <memory>
#include <mutex>
#include <string>

#include <rocksdb/db.h>

#include "store/graph_store.h"
#include "store/internal/db.h"

namespace ecg::store::internal {

class GraphStoreImpl final : public GraphStore {
 public:
  GraphStoreImpl(std::string path, const Options& options, std::unique_ptr<Db> db,
                 Counters counters);
  ~GraphStoreImpl() override;

  const std::string& path() const override { return path_; }
  bool read_only() const override { return options_.read_only; }
  const NameNormalizer& normalizer() const override { return *db_->normalizer; }
  std::unique_ptr<ReadView> NewReadView(TimeFilter filter) const override;
  Result<RunId> BeginRun(std::string_view label) override;
  Result<std::unique_ptr<Batch>> NewBatch(RunId run) override;
  Result<std::vector<RunInfo>> Runs() const override;
  Result<RunId> RunAt(Date day) const override;
  Status Flush() override;
  Status WriteHealth() const override;
  Status Checkpoint(const std::string& dir) override;
  Status Check(std::vector<std::string>* problems) const override;
  Result<std::unique_ptr<BulkWriter>> NewBulkWriter(RunId run, BulkMode mode) override;
  Status TEST_RawPut(std::string_view cf, std::string_view key, std::string_view value) override;
  Status TEST_RawDelete(std::string_view cf, std::string_view key) override;

  // Called by a batch: commits `wb` and adopts `counters` on success.
  Status CommitBatch(rocksdb::WriteBatch* wb, const Counters& counters);
  // Every write to RocksDB goes through these two. BeforeWrite refuses when
  // an earlier write failed (RocksDB must not be written again after an I/O
  // error: 7.8 aborts on a log writer that has seen one) or when the disk
  // lacks room for `bytes` (kNoSpace). AfterWrite records a failed write, so
  // that the store stays refused until it is reopened, and returns `s`.
  Status BeforeWrite(uint64_t bytes, const std::string& what);
  Status AfterWrite(Status s);
  Counters counters() const;
  const Db& db() const { return *db_; }

 private:
  std::string path_;
  Options options_;
  std::unique_ptr<Db> db_;
  mutable std::mutex counters_mu_;
  Counters counters_;
  // Held by an open Batch or BulkWriter for its whole life: one writer at a time.
  std::mutex writer_mu_;
  // The first failed write; every later write is refused with it.
  mutable std::mutex write_error_mu_;
  Status write_error_;
};

// Writes the counters into `wb` (meta column family).
void PutCounters(const Db& db, const Counters& c, rocksdb::WriteBatchBase* wb);

std::unique_ptr<Batch> NewBatchImpl(GraphStoreImpl* store, RunId run,
                                    std::unique_lock<std::mutex> lock);
std::unique_ptr<BulkWriter> NewBulkWriterImpl(GraphStoreImpl* store, RunId run, BulkMode mode,
                                              std::unique_lock<std::mutex> lock);
std::unique_ptr<ReadView> NewReadViewImpl(const Db* db, TimeFilter filter);
Status CheckImpl(const Db& db, std::vector<std::string>* problems);

}  // namespace ecg::store::internal

#endif  // ECG_STORE_INTERNAL_IMPL_H_
