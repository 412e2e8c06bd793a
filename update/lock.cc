#include "update/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace ecg::update {

Result<std::unique_ptr<UpdateLock>> UpdateLock::Acquire(const std::string& cache_dir) {
  std::error_code ec;
  std::filesystem::create_directories(cache_dir, ec);
  if (ec) {
    return Status::IOError(cache_dir + ": cannot create the cache folder: " + ec.message());
  }
  const std::string path = (std::filesystem::path(cache_dir) / "update.lock").string();
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError(path + ": " + std::strerror(errno));
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    close(fd);
    if (err == EWOULDBLOCK) {
      return Status::Busy(path + ": another ecg update is running");
    }
    return Status::IOError(path + ": " + std::strerror(err));
  }
  return std::unique_ptr<UpdateLock>(new UpdateLock(fd));
}

UpdateLock::~UpdateLock() {
  close(fd_);
}

}  // namespace ecg::update
