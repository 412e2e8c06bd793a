#include "store/internal/disk_space.h"

#include <sys/statvfs.h>

namespace ecg::store::internal {
namespace {

std::string Mib(uint64_t bytes) {
  const uint64_t tenths = bytes * 10 / (uint64_t{1} << 20);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
}

}  // namespace

uint64_t BytesNeeded(uint64_t batch_bytes, uint64_t memtable_bytes, uint64_t reserve_bytes) {
  // The batch is written twice (log, then SST) and the pending memtables
  // once more when they flush.
  return 2 * batch_bytes + memtable_bytes + reserve_bytes;
}

Status CheckFreeSpace(const std::string& dir, uint64_t need_bytes, const std::string& what) {
  struct statvfs st {};
  if (statvfs(dir.c_str(), &st) != 0) {
    return Status::OK();
  }
  const uint64_t available = static_cast<uint64_t>(st.f_bavail) * st.f_frsize;
  if (available >= need_bytes) {
    return Status::OK();
  }
  return Status::NoSpace("disk full: '" + dir + "' has " + Mib(available) + " free and " + what +
                         " needs " + Mib(need_bytes) +
                         " (with the reserve kept for RocksDB); nothing was written: free space "
                         "and retry");
}

}  // namespace ecg::store::internal
