// The free-space guard of every write: RocksDB 7.8 aborts the process (an
// assertion in WritableFileWriter) when it writes again to a log that has
// failed with ENOSPC, so a commit that could fill the disk is refused before
// RocksDB sees it. Stateless; thread-safe.
#ifndef ECG_STORE_INTERNAL_DISK_SPACE_H_
#define ECG_STORE_INTERNAL_DISK_SPACE_H_

#include <cstdint>
#include <string>

#include "schema/status.h"

namespace ecg::store::internal {

// What a commit of `batch_bytes` may need on disk: the write-ahead log
// record, the memtables' flush to SST files (`memtable_bytes` already
// pending plus the batch) and `reserve_bytes` kept free for compactions and
// RocksDB's own files (MANIFEST, OPTIONS, LOG).
uint64_t BytesNeeded(uint64_t batch_bytes, uint64_t memtable_bytes, uint64_t reserve_bytes);

// OK when the file system of `dir` has at least `need_bytes` available;
// kNoSpace naming the directory, the bytes free and needed otherwise. A
// file system whose free space cannot be read (statvfs fails) passes: the
// write itself then reports the error.
Status CheckFreeSpace(const std::string& dir, uint64_t need_bytes, const std::string& what);

}  // namespace ecg::store::internal

#endif  // ECG_STORE_INTERNAL_DISK_SPACE_H_
