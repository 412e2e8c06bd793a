// The update lock: an exclusive flock(2) on <cache>/update.lock, held for the
// whole of one `ecg update`, so two nightly jobs never overlap (the second
// fails at once with kBusy). The kernel drops it when the process dies.
// Thread safety: one UpdateLock per process.
#ifndef ECG_UPDATE_LOCK_H_
#define ECG_UPDATE_LOCK_H_

#include <memory>
#include <string>

#include "schema/result.h"

namespace ecg::update {

class UpdateLock {
 public:
  // Takes the lock of `cache_dir` (created when missing). kBusy when another
  // process holds it, kIOError when the lock file cannot be opened.
  static Result<std::unique_ptr<UpdateLock>> Acquire(const std::string& cache_dir);
  // Not copyable: it owns the lock's file descriptor.
  UpdateLock(const UpdateLock&) = delete;
  UpdateLock& operator=(const UpdateLock&) = delete;
  ~UpdateLock();

 private:
  explicit UpdateLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace ecg::update

#endif  // ECG_UPDATE_LOCK_H_
