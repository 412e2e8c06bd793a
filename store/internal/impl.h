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
  Status Checkpoint(const std::string& dir) override;
  Status Check(std::vector<std::string>* problems) const override;
  Result<std::unique_ptr<BulkWriter>> NewBulkWriter(RunId run, BulkMode mode) override;
  Status TEST_RawPut(std::string_view cf, std::string_view key, std::string_view value) override;
  Status TEST_RawDelete(std::string_view cf, std::string_view key) override;

  // Called by a batch: commits `wb` and adopts `counters` on success.
  Status CommitBatch(rocksdb::WriteBatch* wb, const Counters& counters);
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
