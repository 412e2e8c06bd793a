#include "store/internal/rocks_status.h"

#include <string>

namespace ecg::store::internal {

Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) {
    return Status::OK();
  }
  std::string msg(context);
  msg += ": ";
  msg += s.ToString();
  switch (s.code()) {
    case rocksdb::Status::kNotFound:
      return Status::NotFound(std::move(msg));
    case rocksdb::Status::kCorruption:
      return Status::Corruption(std::move(msg));
    case rocksdb::Status::kNotSupported:
      return Status::NotSupported(std::move(msg));
    case rocksdb::Status::kInvalidArgument:
      return Status::InvalidArgument(std::move(msg));
    case rocksdb::Status::kIOError:
      // ENOSPC, or the SstFileManager's space limit: the caller can free
      // space and retry, so it gets its own code (and exit code).
      if (s.IsNoSpace() || s.subcode() == rocksdb::Status::kSpaceLimit ||
          msg.find("No space left on device") != std::string::npos) {
        return Status::NoSpace("disk full: " + msg);
      }
      return Status::IOError(std::move(msg));
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTryAgain:
      return Status::Busy(std::move(msg));
    case rocksdb::Status::kAborted:
      return Status::Aborted(std::move(msg));
    case rocksdb::Status::kIncomplete:
    case rocksdb::Status::kTimedOut:
      return Status::Aborted(std::move(msg));
    default:
      return Status::Internal(std::move(msg));
  }
}

}  // namespace ecg::store::internal
