// Db: the RocksDB handle and column families shared by the store, its read
// views and its batches. Owned by GraphStoreImpl. Safe for concurrent use
// (RocksDB is); the counters are guarded by the store's writer mutex.
#ifndef ECG_STORE_INTERNAL_DB_H_
#define ECG_STORE_INTERNAL_DB_H_

#include <memory>
#include <string>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/env.h>

#include "store/graph_store.h"

namespace ecg::store::internal {

struct Db {
  // Column-family handles are destroyed before the DB (see ~Db).
  ~Db();

  std::unique_ptr<rocksdb::Env> mem_env;  // only for Options::in_memory
  rocksdb::DB* db = nullptr;              // owned; deleted in ~Db
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* vertex = nullptr;
  rocksdb::ColumnFamilyHandle* nkey = nullptr;
  rocksdb::ColumnFamilyHandle* bykind = nullptr;
  rocksdb::ColumnFamilyHandle* prop = nullptr;
  rocksdb::ColumnFamilyHandle* out = nullptr;
  rocksdb::ColumnFamilyHandle* in = nullptr;
  rocksdb::ColumnFamilyHandle* names = nullptr;
  rocksdb::ColumnFamilyHandle* prov = nullptr;
  // nullptr when a read-only open finds a database written before `grams`.
  rocksdb::ColumnFamilyHandle* grams = nullptr;
  const NameNormalizer* normalizer = nullptr;
  std::string secondary_dir;  // removed in ~Db when set
  // Set after a write failed (a full disk): ~Db then leaves the RocksDB
  // instance open rather than close it. Closing writes to the log again, and
  // RocksDB 7.8 aborts the process (an assertion in WritableFileWriter) on a
  // log that has failed; everything committed is in the log already, and the
  // next open recovers it as after a crash (which the kill -9 tests cover).
  bool abandoned = false;

  // A secondary instance has no snapshots, but it only changes when told to
  // catch up with the primary (never, after open), so every read is consistent.
  const rocksdb::Snapshot* GetSnapshot() const {
    return secondary_dir.empty() ? db->GetSnapshot() : nullptr;
  }
  void ReleaseSnapshot(const rocksdb::Snapshot* s) const {
    if (s != nullptr) {
      db->ReleaseSnapshot(s);
    }
  }

  // nullptr for an unknown name.
  rocksdb::ColumnFamilyHandle* Cf(std::string_view name) const;
};

// Counters for id allocation, persisted in the meta column family.
struct Counters {
  uint64_t next_vertex = 1;
  uint64_t next_statement = 1;
  uint64_t next_run = 1;
};

}  // namespace ecg::store::internal

#endif  // ECG_STORE_INTERNAL_DB_H_
